/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/rcupdate.h: RCU is liburcu (sim/rcu.c).
 *
 * Readers: rcu_read_lock() is a urcu-memb read-side critical section.
 * Pointer accessors are acquire loads / release stores (stronger than the
 * kernel's dependency ordering, and visible to ThreadSanitizer).
 * rcu_read_lock_held() is an honest check (nesting counter, or preemption /
 * IRQs disabled, which are RCU readers too), like a lockdep kernel and unlike
 * a production one which always returns 1.
 */
#ifndef __LINUX_RCUPDATE_H
#define __LINUX_RCUPDATE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <asm/barrier.h>
#include <linux/sched.h>
#include <shim/sim.h>

typedef void (*rcu_callback_t)(struct rcu_head *head);

static inline void rcu_read_lock(void)
{
	sim_rcu_read_lock();
}

static inline void rcu_read_unlock(void)
{
	sim_rcu_read_unlock();
}

static inline int rcu_read_lock_held(void)
{
	return sim_ctx.rcu_depth > 0 || sim_ctx.preempt_count || sim_ctx.irqs_off;
}

static inline int rcu_read_lock_bh_held(void)
{
	return sim_ctx.preempt_count & (SIM_SOFTIRQ_OFFSET * 0xff);
}

static inline int rcu_read_lock_sched_held(void)
{
	return sim_ctx.preempt_count || sim_ctx.irqs_off;
}

static inline int rcu_read_lock_any_held(void)
{
	return rcu_read_lock_held();
}

static inline void rcu_read_lock_bh(void)
{
	local_bh_disable();
	rcu_read_lock();
}

static inline void rcu_read_unlock_bh(void)
{
	rcu_read_unlock();
	local_bh_enable();
}

static inline void rcu_read_lock_sched(void)
{
	preempt_disable();
}

static inline void rcu_read_unlock_sched(void)
{
	preempt_enable();
}

static inline void rcu_read_lock_dont_migrate(void)
{
	migrate_disable();
	rcu_read_lock();
}

static inline void rcu_read_unlock_migrate(void)
{
	rcu_read_unlock();
	migrate_enable();
}

#define RCU_LOCKDEP_WARN(c, s)	do { (void)(c); } while (0)
#define rcu_lockdep_assert(c, s) do { (void)(c); } while (0)
#define rcu_sleep_check()	do { } while (0)

#define __rcu_load(p)	__smp_load_acquire(&(p))

#define rcu_dereference_raw(p)	((typeof(*(p)) __force *)__rcu_load(p))
#define rcu_dereference_check(p, c)					\
({									\
	WARN_ON_ONCE(!((c) || rcu_read_lock_held()));			\
	rcu_dereference_raw(p);						\
})
#define rcu_dereference(p)	rcu_dereference_check(p, 0)
#define rcu_dereference_bh(p)	rcu_dereference_check(p, 0)
#define rcu_dereference_sched(p) rcu_dereference_check(p, 0)
#define rcu_dereference_bh_check(p, c)	rcu_dereference_check(p, c)
#define rcu_dereference_sched_check(p, c) rcu_dereference_check(p, c)
#define rcu_dereference_protected(p, c)	((typeof(*(p)) __force *)READ_ONCE(p))
#define rcu_access_pointer(p)	((typeof(*(p)) __force *)READ_ONCE(p))
#define rcu_pointer_handoff(p)	(p)
#define unrcu_pointer(p)	((typeof(*(p)) __force *)READ_ONCE(p))

#define rcu_assign_pointer(p, v)	smp_store_release(&(p), (typeof(p))(v))
#define RCU_INIT_POINTER(p, v)		WRITE_ONCE(p, (typeof(p))(v))
#define RCU_INITIALIZER(v)		((typeof(*(v)) __force __rcu *)(v))
#define rcu_replace_pointer(rcu_ptr, ptr, c)				\
({									\
	typeof(ptr) __tmp = rcu_dereference_protected((rcu_ptr), (c));	\
	rcu_assign_pointer((rcu_ptr), (ptr));				\
	__tmp;								\
})

static inline void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	sim_call_rcu(head, func);
}

static inline void synchronize_rcu(void)
{
	might_sleep();
	sim_synchronize_rcu();
}

static inline void rcu_barrier(void)
{
	might_sleep();
	sim_rcu_barrier();
}

#define synchronize_rcu_expedited()	synchronize_rcu()

/*
 * kfree_rcu(ptr, field): the pointer travels with the callback; the
 * simulator kfree()s it after a normal grace period.
 */
#define kfree_rcu(ptr, rhf)						\
do {									\
	typeof(ptr) ___p = (ptr);					\
	if (___p)							\
		sim_kvfree_call_rcu(&___p->rhf, (void *)___p);		\
} while (0)
#define kvfree_rcu(ptr, rhf)	kfree_rcu(ptr, rhf)

/* kfree_rcu() frees are RCU callbacks here: rcu_barrier() waits for them */
static inline void kvfree_rcu_barrier(void)
{
	rcu_barrier();
}

/* In 6.12 a Tasks Trace grace period implies an RCU grace period. */
static inline bool rcu_trace_implies_rcu_gp(void)
{
	return true;
}

static inline void cond_resched_rcu(void)
{
	rcu_read_unlock();
	cond_resched();
	rcu_read_lock();
}

#endif /* __LINUX_RCUPDATE_H */
