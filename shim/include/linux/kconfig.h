/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/kconfig.h, used as-is. */
#include <include/linux/kconfig.h>
