// SPDX-License-Identifier: GPL-2.0
/*
 * RCU for the simulated kernel: liburcu, two independent flavours.
 *
 *   kernel API                         liburcu
 *   ---------------------------------  -----------------------------------
 *   rcu_read_lock()/unlock()           urcu_memb_read_lock()/unlock()
 *   preempt/IRQ-disabled region        urcu_memb read-side section too
 *                                      (entered when the task occupies its
 *                                      CPU, left when it releases it)
 *   synchronize_rcu()                  urcu_memb_synchronize_rcu()
 *   call_rcu(), kfree_rcu()            urcu_memb_call_rcu()
 *   rcu_barrier()                      urcu_memb_barrier()
 *   rcu_read_lock_trace()/unlock()     urcu_mb_read_lock()/unlock()
 *   synchronize_rcu_tasks_trace()      urcu_mb_synchronize_rcu(), then
 *                                      urcu_memb_synchronize_rcu()
 *   call_rcu_tasks_trace()             urcu_mb_call_rcu(), whose callback
 *                                      chains urcu_memb_call_rcu()
 *   rcu_barrier_tasks_trace()          urcu_mb_barrier(), then
 *                                      urcu_memb_barrier()
 *
 * Tasks Trace is its own grace-period domain, so freeing something a
 * sleepable (trace) reader can still see after only a normal grace period
 * is a real use-after-free here, as in the kernel.  Chaining every Tasks
 * Trace wait through a normal grace period makes "a Tasks Trace grace period
 * implies an RCU grace period" (rcu_trace_implies_rcu_gp(), true in 6.12)
 * hold.
 *
 * Every callback gets a small side record (malloc) holding the kernel's
 * callback and, for kfree_rcu(), the pointer; the kernel's rcu_head is not
 * touched by liburcu.  The rcu_head's "next" is set to a marker while
 * queued, so queueing the same head twice is reported.
 *
 * ThreadSanitizer: liburcu is not instrumented, so its grace periods are
 * invisible to TSan.  Under -fsanitize=thread, read-side unlocks release and
 * grace-period ends / callbacks acquire one sync object per domain, and
 * call_rcu() releases to its callback.  This over-approximates "happens
 * before" (any earlier reader, not just overlapping ones) and can hide a race
 * against a reader, never invent one.  liburcu's own memory (rcu_barrier()
 * allocates, its worker frees) is synchronised by uninstrumented atomics;
 * the built-in suppressions below (called_from_lib) silence reports from
 * inside liburcu and nothing else.
 */
#define _GNU_SOURCE
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <urcu/urcu-memb.h>
#include <urcu/urcu-mb.h>

/*
 * urcu/call-rcu.h is included once (by the first flavour header), so the
 * second flavour's call_rcu entry points are declared here; they are
 * exported by liburcu-mb.
 */
void urcu_mb_call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));
void urcu_mb_barrier(void);

#include "shim/sim.h"
#include "sim-internal.h"
#include "explore-internal.h"

/* The kernel's struct callback_head (include/linux/types.h). */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};

#define RCU_QUEUED_MARK	((struct callback_head *)0x5eadbeefUL)

#ifdef __SANITIZE_THREAD__
void __tsan_acquire(void *addr);
void __tsan_release(void *addr);
#else
static inline void __tsan_acquire(void *addr) { (void)addr; }
static inline void __tsan_release(void *addr) { (void)addr; }
#endif

static char gp_sync, trace_gp_sync;

#ifdef __SANITIZE_THREAD__
const char *__tsan_default_suppressions(void);
const char *__tsan_default_suppressions(void)
{
	return "called_from_lib:liburcu-memb.so\n"
	       "called_from_lib:liburcu-mb.so\n"
	       "called_from_lib:liburcu-common.so\n";
}
#endif

struct sim_rcu_cb {
	struct rcu_head urcu;		/* liburcu's */
	struct callback_head *head;	/* the kernel's */
	void (*func)(struct callback_head *head);
	void *kvfree_ptr;
};

static __thread int memb_registered, mb_registered;
static atomic_long pending;

static void ensure_registered(void)
{
	if (!memb_registered) {
		urcu_memb_register_thread();
		memb_registered = 1;
	}
	if (!mb_registered) {
		urcu_mb_register_thread();
		mb_registered = 1;
	}
}

void sim_rcu_register(void)
{
	ensure_registered();
}

void sim_rcu_unregister(void)
{
	if (memb_registered)
		urcu_memb_unregister_thread();
	if (mb_registered)
		urcu_mb_unregister_thread();
	memb_registered = mb_registered = 0;
}

void sim_rcu_init(void)
{
	urcu_memb_init();
	urcu_mb_init();
}

void sim_rcu_read_lock(void)
{
	sim_sp(SIM_SP_SCHED);
	sim_ctx.rcu_depth++;
	urcu_memb_read_lock();
}

void sim_rcu_read_unlock(void)
{
	if (sim_ctx.rcu_depth <= 0)
		sim_bug(__FILE__, __LINE__, "rcu_read_unlock() without rcu_read_lock()");
	__tsan_release(&gp_sync);
	urcu_memb_read_unlock();
	sim_ctx.rcu_depth--;
	if (sim_explore_on && ex_self()) {
		if (!sim_ctx.rcu_depth && !sim_ctx.occupied)
			sim_ex_rcu_qs(0);
		sim_explore_point(SIM_SP_SCHED);
	}
}

void sim_rcu_read_lock_trace(void)
{
	sim_sp(SIM_SP_SCHED);
	sim_ctx.rcu_trace_depth++;
	urcu_mb_read_lock();
}

void sim_rcu_read_unlock_trace(void)
{
	if (sim_ctx.rcu_trace_depth <= 0)
		sim_bug(__FILE__, __LINE__, "rcu_read_unlock_trace() without lock");
	__tsan_release(&trace_gp_sync);
	urcu_mb_read_unlock();
	sim_ctx.rcu_trace_depth--;
	if (sim_explore_on && ex_self()) {
		if (!sim_ctx.rcu_trace_depth)
			sim_ex_rcu_qs(1);
		sim_explore_point(SIM_SP_SCHED);
	}
}

void sim_rcu_occupy_enter(void)
{
	if (memb_registered)
		urcu_memb_read_lock();
}

void sim_rcu_occupy_exit(void)
{
	/* the caller clears sim_ctx.occupied next */
	if (sim_explore_on && ex_self() && !sim_ctx.rcu_depth)
		sim_ex_rcu_qs(0);
	if (memb_registered) {
		__tsan_release(&gp_sync);
		urcu_memb_read_unlock();
	}
}

/* Waiting for a grace period of a domain from inside its read side hangs. */
static void check_may_block(const char *what, int trace)
{
	if (sim_ctx.occupied || sim_ctx.rcu_depth || (trace && sim_ctx.rcu_trace_depth))
		sim_die("%s from atomic context or RCU reader (preempt_count %#x, irqs_off %d, rcu %d/%d)",
			what, sim_ctx.preempt_count, sim_ctx.irqs_off,
			sim_ctx.rcu_depth, sim_ctx.rcu_trace_depth);
	ensure_registered();
}

/* Grace-period waits sleep: the task clock advances by their wall time. */
void sim_synchronize_rcu(void)
{
	check_may_block("synchronize_rcu()", 0);
	if (sim_explore_on && ex_self())
		return sim_ex_synchronize(0);
	sim_wait_begin();
	urcu_memb_synchronize_rcu();
	sim_wait_end();
	__tsan_acquire(&gp_sync);
}

void sim_synchronize_rcu_tasks_trace(void)
{
	check_may_block("synchronize_rcu_tasks_trace()", 1);
	if (sim_explore_on && ex_self())
		return sim_ex_synchronize(1);
	sim_wait_begin();
	urcu_mb_synchronize_rcu();
	__tsan_acquire(&trace_gp_sync);
	urcu_memb_synchronize_rcu();
	sim_wait_end();
	__tsan_acquire(&gp_sync);
}

void sim_rcu_barrier(void)
{
	check_may_block("rcu_barrier()", 0);
	if (sim_explore_on && ex_self())
		return sim_ex_barrier();
	sim_wait_begin();
	urcu_memb_barrier();
	sim_wait_end();
}

void sim_rcu_barrier_tasks_trace(void)
{
	check_may_block("rcu_barrier_tasks_trace()", 1);
	if (sim_explore_on && ex_self())
		return sim_ex_barrier();
	sim_wait_begin();
	urcu_mb_barrier();
	urcu_memb_barrier();
	sim_wait_end();
}

unsigned long sim_rcu_pending(void)
{
	return atomic_load(&pending);
}

/* Runs on liburcu's call_rcu worker thread, as softirq on CPU 0. */
static void invoke(struct sim_rcu_cb *cb)
{
	struct sim_ctx saved = sim_ctx;

	if (!sim_ctx.registered) {
		sim_ctx.cpu = 0;
		sim_ctx.registered = 2;	/* callback thread */
	}
	ensure_registered();
	__tsan_acquire(cb);
	__tsan_acquire(&gp_sync);
	/* softirq: non-preemptible, so it occupies the CPU */
	sim_ctx.preempt_count += SIM_SOFTIRQ_OFFSET;
	if (!sim_ctx.occupied)
		sim_cpu_occupy();
	if (cb->head)
		cb->head->next = NULL;
	if (cb->func)
		cb->func(cb->head);
	else
		sim_kfree(cb->kvfree_ptr);
	sim_ctx.preempt_count -= SIM_SOFTIRQ_OFFSET;
	if (!sim_ctx.preempt_count && !sim_ctx.irqs_off && sim_ctx.occupied)
		sim_cpu_release();
	if (sim_ctx.preempt_count || sim_ctx.irqs_off || sim_ctx.occupied)
		sim_die("RCU callback %p left preempt_count %#x irqs_off %d",
			(void *)cb->func, sim_ctx.preempt_count, sim_ctx.irqs_off);
	sim_ctx.registered = saved.registered;
	atomic_fetch_sub(&pending, 1);
	free(cb);
}

static void memb_trampoline(struct rcu_head *urcu)
{
	memb_registered = 1;	/* liburcu registered its worker */
	invoke(caa_container_of(urcu, struct sim_rcu_cb, urcu));
}

static void mb_trampoline(struct rcu_head *urcu)
{
	struct sim_rcu_cb *cb = caa_container_of(urcu, struct sim_rcu_cb, urcu);

	mb_registered = 1;
	ensure_registered();
	__tsan_acquire(&trace_gp_sync);
	__tsan_release(cb);
	/* the Tasks Trace grace period is over; now a normal one */
	urcu_memb_call_rcu(&cb->urcu, memb_trampoline);
}

static struct sim_rcu_cb *new_cb(struct callback_head *head,
				 void (*func)(struct callback_head *), void *ptr)
{
	struct sim_rcu_cb *cb;

	if (head) {
		if (head->next == RCU_QUEUED_MARK)
			sim_warn(__FILE__, __LINE__, "rcu_head queued twice (double call_rcu/free)");
		head->next = RCU_QUEUED_MARK;
		head->func = func;
	}
	cb = malloc(sizeof(*cb));
	if (!cb)
		sim_die("out of memory for an RCU callback");
	cb->head = head;
	cb->func = func;
	cb->kvfree_ptr = ptr;
	atomic_fetch_add(&pending, 1);
	ensure_registered();
	__tsan_release(cb);
	return cb;
}

void sim_call_rcu(struct callback_head *head, void (*func)(struct callback_head *))
{
	if (sim_explore_on && ex_self())
		return sim_ex_call_rcu(head, func, NULL, 0);
	urcu_memb_call_rcu(&new_cb(head, func, NULL)->urcu, memb_trampoline);
}

void sim_kvfree_call_rcu(struct callback_head *head, void *ptr)
{
	if (sim_explore_on && ex_self())
		return sim_ex_call_rcu(head, NULL, ptr, 0);
	urcu_memb_call_rcu(&new_cb(head, NULL, ptr)->urcu, memb_trampoline);
}

void sim_call_rcu_tasks_trace(struct callback_head *head, void (*func)(struct callback_head *))
{
	if (sim_explore_on && ex_self())
		return sim_ex_call_rcu(head, func, NULL, 1);
	urcu_mb_call_rcu(&new_cb(head, func, NULL)->urcu, mb_trampoline);
}
