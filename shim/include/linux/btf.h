/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/btf.h: BTF lookups used by the sk storage
 * tracing check.  The shim has no vmlinux BTF (bpf_get_btf_vmlinux() returns
 * NULL), so tracing programs are judged only by attach type.
 */
#ifndef _LINUX_BTF_H
#define _LINUX_BTF_H 1

#include <linux/types.h>
#include <uapi/linux/btf.h>

struct btf;

const struct btf_type *btf_type_by_id(const struct btf *btf, u32 type_id);
const char *btf_name_by_offset(const struct btf *btf, u32 offset);

#endif /* _LINUX_BTF_H */
