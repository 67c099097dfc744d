/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/irqflags_types.h, used as-is. */
#include <include/linux/irqflags_types.h>
