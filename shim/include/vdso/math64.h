/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/vdso/math64.h, used as-is. */
#include <include/vdso/math64.h>
