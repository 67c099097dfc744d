/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/trace/events/lock.h: tracepoints compiled out. */
#ifndef _TRACE_LOCK_H
#define _TRACE_LOCK_H

#define LCB_F_SPIN	(1U << 0)
#define LCB_F_READ	(1U << 1)
#define LCB_F_WRITE	(1U << 2)

static inline void trace_contention_begin(void *lock, unsigned int flags) { }
static inline void trace_contention_end(void *lock, int ret) { }

#endif /* _TRACE_LOCK_H */
