// SPDX-License-Identifier: GPL-2.0
/*
 * What kernel/sched/ gives the code under test: migrate_disable(),
 * sleeping in schedule() until wake_up_process(), and completions, on the
 * simulator's futex waits.  Tasks do not migrate: each is bound to its CPU.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <shim/kern.h>

void migrate_disable(void)
{
	sim_ctx.migrate_disable++;
}

void migrate_enable(void)
{
	WARN_ON_ONCE(sim_ctx.migrate_disable <= 0);
	sim_ctx.migrate_disable--;
}

/*
 * One slice of a completion wait on *word (while it holds val): at most
 * 10 ms, then this CPU's pending interrupts, as schedule() takes them.  A
 * timer the waiter started (say, one that ends the work it waits for) fires
 * even when the other tasks of this CPU never reach a delivery point.
 */
static void sleep_slice(unsigned int *word, unsigned int val, u64 max_ns)
{
	sim_futex_wait_timeout(word, val, min_t(u64, max_ns, 10 * NSEC_PER_MSEC));
	sim_irq_deliver();
}

void complete(struct completion *x)
{
	__atomic_fetch_add(&x->done, 1, __ATOMIC_RELEASE);
	sim_futex_wake(&x->done);
}

void complete_all(struct completion *x)
{
	__atomic_store_n(&x->done, UINT_MAX / 2, __ATOMIC_RELEASE);
	sim_futex_wake(&x->done);
}

bool try_wait_for_completion(struct completion *x)
{
	unsigned int done = __atomic_load_n(&x->done, __ATOMIC_ACQUIRE);

	while (done) {
		if (__atomic_compare_exchange_n(&x->done, &done, done - 1, false,
						__ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
			return true;
	}
	return false;
}

bool completion_done(struct completion *x)
{
	return __atomic_load_n(&x->done, __ATOMIC_ACQUIRE) != 0;
}

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	u64 end = sim_clock_ns() + (u64)jiffies_to_msecs(timeout) * NSEC_PER_MSEC;

	might_sleep();
	while (!try_wait_for_completion(x)) {
		u64 now = sim_clock_ns();

		if (now >= end)
			return 0;
		sleep_slice(&x->done, 0, end - now);
	}
	return max_t(unsigned long, 1, nsecs_to_jiffies(end - min(end, sim_clock_ns())));
}

void wait_for_completion(struct completion *x)
{
	might_sleep();
	while (!try_wait_for_completion(x))
		sleep_slice(&x->done, 0, U64_MAX);
}

void schedule(void)
{
	struct task_struct *t = current;
	unsigned int wake = __atomic_load_n(&t->shim_wake, __ATOMIC_ACQUIRE);

	might_sleep();
	if (READ_ONCE(t->__state) != TASK_RUNNING)
		/* bounded, so a lost wake-up only costs 10 ms */
		sim_futex_wait_timeout(&t->shim_wake, wake, 10 * NSEC_PER_MSEC);
	WRITE_ONCE(t->__state, TASK_RUNNING);
	sim_irq_deliver();
}

int wake_up_process(struct task_struct *t)
{
	/* the first wake-up of a kthread starts it (kern/kthread.c) */
	if (t->shim_kthread && shim_kthread_wake(t))
		return 1;
	WRITE_ONCE(t->__state, TASK_RUNNING);
	__atomic_fetch_add(&t->shim_wake, 1, __ATOMIC_RELEASE);
	sim_futex_wake(&t->shim_wake);
	return 1;
}
