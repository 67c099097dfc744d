/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/timekeeping.h: every clock is the running
 * task's clock, which advances with the task's own progress and waits, not
 * while the host deschedules its thread (see sim/clock.c).
 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/ktime.h>
#include <shim/sim.h>

static inline u64 ktime_get_mono_fast_ns(void) { return sim_clock_ns(); }
static inline u64 ktime_get_ns(void) { return sim_clock_ns(); }
static inline u64 ktime_get_raw_fast_ns(void) { return sim_clock_ns(); }
static inline ktime_t ktime_get(void) { return (ktime_t)sim_clock_ns(); }
static inline u64 local_clock(void) { return sim_clock_ns(); }
static inline u64 sched_clock(void) { return sim_clock_ns(); }

#endif /* _LINUX_TIMEKEEPING_H */
