/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/compiler-gcc.h, used as-is. */
#include <include/linux/compiler-gcc.h>
