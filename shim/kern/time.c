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
		sim_futex_wait_timeout(&x->done, 0, min_t(u64, end - now, 10 * NSEC_PER_MSEC));
	}
	return max_t(unsigned long, 1, nsecs_to_jiffies(end - min(end, sim_clock_ns())));
}

void wait_for_completion(struct completion *x)
{
	might_sleep();
	while (!try_wait_for_completion(x))
		sim_futex_wait(&x->done, 0);
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

/* ---- kthreads ---- */

struct kthread {
	int (*fn)(void *data);
	void *data;
	struct completion started;
	struct task_struct *task;
};

static void *kthread_main(void *arg)
{
	struct kthread *k = arg;

	int (*fn)(void *data) = k->fn;
	void *data = k->data;

	k->task = current;
	get_task_struct(k->task);	/* the creator's, until it has looked */
	complete(&k->started);
	fn(data);
	return NULL;
}

static struct task_struct *start_kthread(int (*fn)(void *), void *data, int cpu)
{
	struct kthread *k = kzalloc(sizeof(*k), GFP_KERNEL);
	struct task_struct *task;

	if (!k)
		return ERR_PTR(-ENOMEM);
	k->fn = fn;
	k->data = data;
	init_completion(&k->started);
	if (sim_thread_spawn(cpu, kthread_main, k)) {
		kfree(k);
		return ERR_PTR(-EAGAIN);
	}
	wait_for_completion(&k->started);
	/*
	 * Like a kernel kthread that returns from its function, the thread
	 * is not reaped by anybody; its task_struct is freed via RCU when it
	 * exits.  The returned pointer is only good for IS_ERR().
	 */
	task = k->task;
	kfree(k);
	put_task_struct(task);
	return task;
}

struct task_struct *kthread_run_on_cpu(int (*threadfn)(void *data), void *data,
				       unsigned int cpu, const char *namefmt)
{
	return start_kthread(threadfn, data, cpu);
}

struct task_struct *shim_kthread_run(int (*threadfn)(void *data), void *data,
				     const char *namefmt, ...)
{
	return start_kthread(threadfn, data, smp_processor_id());
}

/* kthread_stop() is not modelled: kthreads here end by returning. */
bool kthread_should_stop(void)
{
	return false;
}

int kthread_stop(struct task_struct *k)
{
	WARN_ONCE(1, "kthread_stop() is not supported by the shim");
	return -EINVAL;
}
