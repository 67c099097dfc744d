/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/bpf_mem_alloc.h, used as-is. */
#include <include/linux/bpf_mem_alloc.h>
