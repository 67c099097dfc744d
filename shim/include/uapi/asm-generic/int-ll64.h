/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/uapi/asm-generic/int-ll64.h, used as-is. */
#include <include/uapi/asm-generic/int-ll64.h>
