/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/btf_ids.h, used as-is. */
#include <include/linux/btf_ids.h>
