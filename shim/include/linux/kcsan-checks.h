/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/kcsan-checks.h, used as-is. */
#include <include/linux/kcsan-checks.h>
