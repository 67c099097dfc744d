/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/sched/clock.h: see linux/timekeeping.h. */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/timekeeping.h>

#endif /* _LINUX_SCHED_CLOCK_H */
