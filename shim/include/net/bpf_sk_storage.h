/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/net/bpf_sk_storage.h, used as-is. */
#include <include/net/bpf_sk_storage.h>
