/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/build_bug.h, used as-is. */
#include <include/linux/build_bug.h>
