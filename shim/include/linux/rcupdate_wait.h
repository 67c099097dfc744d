/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/rcupdate_wait.h: synchronize_rcu_mult() for the
 * two grace-period kinds the simulator has.
 */
#ifndef _LINUX_SCHED_RCUPDATE_WAIT_H
#define _LINUX_SCHED_RCUPDATE_WAIT_H

#include <linux/rcupdate.h>
#include <linux/rcupdate_trace.h>

static inline void __shim_sync_one(void (*gp)(void))
{
	gp();
}

/* Only call_rcu and call_rcu_tasks_trace are meaningful arguments. */
#define synchronize_rcu_mult(...)					\
do {									\
	void *__gps[] = { __VA_ARGS__ };				\
	unsigned int __i;						\
	for (__i = 0; __i < ARRAY_SIZE(__gps); __i++) {			\
		if (__gps[__i] == (void *)call_rcu_tasks_trace)		\
			synchronize_rcu_tasks_trace();			\
		else							\
			synchronize_rcu();				\
	}								\
} while (0)

#endif /* _LINUX_SCHED_RCUPDATE_WAIT_H */
