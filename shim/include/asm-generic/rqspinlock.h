/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/asm-generic/rqspinlock.h, used as-is. */
#include <include/asm-generic/rqspinlock.h>
