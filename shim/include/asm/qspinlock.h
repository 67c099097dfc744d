/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/asm-generic/qspinlock.h, used as-is. */
#include <include/asm-generic/qspinlock.h>
