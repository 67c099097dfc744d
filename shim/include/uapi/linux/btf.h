/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/uapi/linux/btf.h, used as-is. */
#include <include/uapi/linux/btf.h>
