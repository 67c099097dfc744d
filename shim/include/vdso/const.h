/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/vdso/const.h, used as-is. */
#include <include/vdso/const.h>
