/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/bpf_local_storage.h, used as-is. */
#include <include/linux/bpf_local_storage.h>
/*
 * The series keeps the types of its KUnit call-outs (enum bpf_ls_test_site,
 * struct bpf_ls_test_ops) in a private header of kernel/bpf; the shim's lock
 * site names, fault injection and benchmark use them too.  Stock 6.12 has
 * no call-outs.
 */
#if __has_include(<kernel/bpf/bpf_local_storage_test.h>)
#include <kernel/bpf/bpf_local_storage_test.h>
#endif
