/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/glob.h, used as-is. */
#include <include/linux/glob.h>
