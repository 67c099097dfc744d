/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/sort.h, used as-is. */
#include <include/linux/sort.h>
