/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/rcupdate_trace.h.
 *
 * RCU Tasks Trace is a second, independent liburcu domain (urcu-mb) so that
 * code freeing with the wrong kind of grace period is caught: a
 * rcu_read_lock_trace() reader does not hold off a normal RCU grace period
 * and vice versa.  A Tasks Trace callback is chained through a normal RCU
 * grace period too, which makes rcu_trace_implies_rcu_gp() (true in 6.12)
 * actually true in the simulation.  See sim/rcu.c.
 */
#ifndef __LINUX_RCUPDATE_TRACE_H
#define __LINUX_RCUPDATE_TRACE_H

#include <linux/rcupdate.h>

static inline int rcu_read_lock_trace_held(void)
{
	return sim_ctx.rcu_trace_depth > 0;
}

static inline void rcu_read_lock_trace(void)
{
	sim_rcu_read_lock_trace();
}

static inline void rcu_read_unlock_trace(void)
{
	sim_rcu_read_unlock_trace();
}

static inline void call_rcu_tasks_trace(struct rcu_head *rhp, rcu_callback_t func)
{
	sim_call_rcu_tasks_trace(rhp, func);
}

static inline void synchronize_rcu_tasks_trace(void)
{
	might_sleep();
	sim_synchronize_rcu_tasks_trace();
}

static inline void rcu_barrier_tasks_trace(void)
{
	might_sleep();
	sim_rcu_barrier_tasks_trace();
}

#endif /* __LINUX_RCUPDATE_TRACE_H */
