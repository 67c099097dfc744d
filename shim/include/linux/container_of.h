/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/container_of.h, used as-is. */
#include <include/linux/container_of.h>
