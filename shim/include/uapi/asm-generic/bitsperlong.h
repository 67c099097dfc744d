/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/uapi/asm-generic/bitsperlong.h, used as-is. */
#include <include/uapi/asm-generic/bitsperlong.h>
