/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/jiffies.h: HZ=1000 ticks of the task clock. */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <shim/sim.h>

#define HZ		CONFIG_HZ
#define jiffies		((unsigned long)(sim_clock_ns() / (1000000000ULL / HZ)))
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

static inline unsigned long msecs_to_jiffies(const unsigned int m) { return m; }
static inline unsigned long usecs_to_jiffies(const unsigned int u) { return (u + 999) / 1000; }
static inline unsigned int jiffies_to_msecs(const unsigned long j) { return j; }
static inline u64 nsecs_to_jiffies(u64 n) { return n / 1000000; }
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)

#endif /* _LINUX_JIFFIES_H */
