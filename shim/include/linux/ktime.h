/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/ktime.h: ktime_t in nanoseconds.  Like the
 * kernel's, it brings in math64.h and, at the end, timekeeping.h.
 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/types.h>
#include <linux/jiffies.h>
#include <linux/math64.h>
#include <vdso/time64.h>

typedef s64 ktime_t;

#define KTIME_MAX	((s64)~((u64)1 << 63))

static inline ktime_t ns_to_ktime(u64 ns) { return ns; }
static inline ktime_t ms_to_ktime(u64 ms) { return ms * NSEC_PER_MSEC; }
static inline s64 ktime_to_ns(const ktime_t kt) { return kt; }
static inline s64 ktime_to_us(const ktime_t kt) { return kt / NSEC_PER_USEC; }
static inline s64 ktime_to_ms(const ktime_t kt) { return kt / NSEC_PER_MSEC; }
#define ktime_add_ns(kt, nsval)	((kt) + (nsval))
#define ktime_sub(a, b)		((a) - (b))
#define ktime_add(a, b)		((a) + (b))

#include <linux/timekeeping.h>

#endif /* _LINUX_KTIME_H */
