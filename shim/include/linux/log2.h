/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/log2.h, used as-is. */
#include <include/linux/log2.h>
