/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/typecheck.h, used as-is. */
#include <include/linux/typecheck.h>
