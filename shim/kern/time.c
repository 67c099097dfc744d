// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping and asynchronous primitives for kernel-side code: completions,
 * irq_work, hrtimers and kthreads, on the simulator's futex waits and
 * simulated interrupts.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/hrtimer.h>
#include <linux/irq_work.h>
#include <linux/jump_label.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <shim/kern.h>

/* x86: on = "running under a hypervisor without PV spinlocks" (SHIM_VIRT_SPIN_LOCK=1) */
DEFINE_STATIC_KEY_FALSE(virt_spin_lock_key);
/* arm64: timer event stream for WFE-based waits (SHIM_EVTSTRM=0 turns it off) */
bool shim_arch_timer_evtstrm = true;

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

/* ---- completions ---- */

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

/* ---- irq_work ---- */

static void irq_work_run_one(struct sim_irq_req *req)
{
	struct irq_work *work = container_of(req, struct irq_work, req);

	work->func(work);
	__atomic_store_n(&work->busy, 0, __ATOMIC_RELEASE);
}

bool irq_work_queue_on(struct irq_work *work, int cpu)
{
	int idle = 0;

	if (!__atomic_compare_exchange_n(&work->busy, &idle, 1, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
		return false;
	work->req.fn = irq_work_run_one;
	work->req.expires = 0;
	sim_irq_raise(cpu, &work->req);
	return true;
}

bool irq_work_queue(struct irq_work *work)
{
	return irq_work_queue_on(work, smp_processor_id());
}

void irq_work_sync(struct irq_work *work)
{
	while (__atomic_load_n(&work->busy, __ATOMIC_ACQUIRE))
		cpu_relax();
}

/* ---- hrtimers ---- */

static void hrtimer_fire(struct sim_irq_req *req)
{
	struct hrtimer *timer = container_of(req, struct hrtimer, req);

	WRITE_ONCE(timer->running, 1);
	if (timer->function(timer) == HRTIMER_RESTART)
		sim_irq_raise(smp_processor_id(), &timer->req);
	__atomic_store_n(&timer->running, 0, __ATOMIC_RELEASE);
}

void hrtimer_init(struct hrtimer *timer, int which_clock, enum hrtimer_mode mode)
{
	memset(timer, 0, sizeof(*timer));
	timer->req.cpu = -1;
	timer->req.fn = hrtimer_fire;
}

void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode)
{
	sim_irq_cancel(&timer->req);
	timer->expires = (mode & HRTIMER_MODE_REL) ? sim_clock_ns() + tim : tim;
	timer->req.expires = timer->expires;
	sim_irq_raise(smp_processor_id(), &timer->req);
}

void hrtimer_restart(struct hrtimer *timer)
{
	hrtimer_start(timer, timer->expires, HRTIMER_MODE_ABS);
}

int hrtimer_try_to_cancel(struct hrtimer *timer)
{
	if (READ_ONCE(timer->running))
		return -1;
	return sim_irq_cancel(&timer->req);
}

int hrtimer_cancel(struct hrtimer *timer)
{
	int ret;

	while ((ret = hrtimer_try_to_cancel(timer)) < 0)
		cpu_relax();
	return ret;
}

bool hrtimer_active(const struct hrtimer *timer)
{
	return READ_ONCE(timer->req.cpu) >= 0 || READ_ONCE(timer->running);
}

/* ---- sleeping, waking, kthreads ---- */

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

struct shim_kthread {
	int (*fn)(void *data);
	void *data;
	int cpu;
	int started;
	int should_stop;
	int ret;
	struct completion exited;
};

static void start_kthread(struct task_struct *t);

int wake_up_process(struct task_struct *t)
{
	struct shim_kthread *k = t->shim_kthread;

	if (k && !__atomic_exchange_n(&k->started, 1, __ATOMIC_ACQ_REL)) {
		start_kthread(t);
		return 1;
	}
	WRITE_ONCE(t->__state, TASK_RUNNING);
	__atomic_fetch_add(&t->shim_wake, 1, __ATOMIC_RELEASE);
	sim_futex_wake(&t->shim_wake);
	return 1;
}

static void *kthread_main(void *arg)
{
	struct task_struct *t = arg;
	struct shim_kthread *k = t->shim_kthread;

	WRITE_ONCE(t->__state, TASK_RUNNING);
	/* a kthread stopped before it ever ran does not run its function */
	k->ret = READ_ONCE(k->should_stop) ? -EINTR : k->fn(k->data);
	complete_all(&k->exited);
	return NULL;
}

static void start_kthread(struct task_struct *t)
{
	struct shim_kthread *k = t->shim_kthread;

	if (sim_thread_spawn(k->cpu, kthread_main, t, t))
		BUG();
}

__printf(3, 4)
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char namefmt[], ...)
{
	struct task_struct *t = shim_task_new("kthread");
	struct shim_kthread *k = kzalloc(sizeof(*k), GFP_KERNEL);

	if (!k) {
		shim_task_exit(t);
		return ERR_PTR(-ENOMEM);
	}
	k->fn = threadfn;
	k->data = data;
	k->cpu = smp_processor_id();
	init_completion(&k->exited);
	t->__state = TASK_UNINTERRUPTIBLE;
	t->shim_kthread = k;
	return t;
}

void kthread_bind(struct task_struct *t, unsigned int cpu)
{
	WARN_ON(t->shim_kthread->started);
	t->shim_kthread->cpu = cpu;
}

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt)
{
	struct task_struct *t = kthread_create(threadfn, data, "%s", namefmt);

	if (!IS_ERR(t))
		kthread_bind(t, cpu);
	return t;
}

bool kthread_should_stop(void)
{
	struct shim_kthread *k = current->shim_kthread;

	return k && READ_ONCE(k->should_stop);
}

int kthread_stop(struct task_struct *t)
{
	struct shim_kthread *k = t->shim_kthread;
	int ret;

	get_task_struct(t);
	WRITE_ONCE(k->should_stop, 1);
	wake_up_process(t);
	wait_for_completion(&k->exited);
	ret = k->ret;
	put_task_struct(t);
	return ret;
}

/* from __put_task_struct() */
void shim_kthread_free(struct task_struct *t)
{
	kfree(t->shim_kthread);
}
