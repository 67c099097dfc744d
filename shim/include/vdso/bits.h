/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/vdso/bits.h, used as-is. */
#include <include/vdso/bits.h>
