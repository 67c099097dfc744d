/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/gfp_types.h, used as-is. */
#include <include/linux/gfp_types.h>
