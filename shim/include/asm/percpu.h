/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for asm/percpu.h: everything is in linux/percpu-defs.h. */
#include <linux/percpu-defs.h>
