/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/math64.h, used as-is. */
#include <include/linux/math64.h>
