/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/array_size.h, used as-is. */
#include <include/linux/array_size.h>
