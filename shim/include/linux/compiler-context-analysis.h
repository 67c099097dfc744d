/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/compiler-context-analysis.h, used as-is. */
#include <include/linux/compiler-context-analysis.h>
