// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-side core of the simulated machine: boot, migrate_disable(), the
 * spinlock slow path, capabilities, and the kworker running work items.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/capability.h>
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

/* CONFIG_DEBUG_SPINLOCK's "spinlock recursion": would spin forever */
void sim_raw_spin_lock_recursion(raw_spinlock_t *lock)
{
	sim_bug(__FILE__, __LINE__, "spinlock recursion (lock held by this CPU)");
}

static u64 caps_dropped;

bool capable(int cap)
{
	return !(READ_ONCE(caps_dropped) & (1ULL << cap));
}

void shim_caps_drop(u64 mask)
{
	WRITE_ONCE(caps_dropped, mask);
}

void shim_caps_restore(void)
{
	WRITE_ONCE(caps_dropped, 0);
}

/* ---- the kworker ---- */

struct workqueue_struct {
	spinlock_t lock;
	struct list_head list;
	unsigned int seq;	/* futex word: bumped on queue and on idle */
	int busy;
	int stop;
	unsigned int started;	/* futex word: the kworker's task exists */
	struct sim_thread thread;
};

static struct workqueue_struct system_workqueue = {
	.lock = __SPIN_LOCK_UNLOCKED(system_workqueue.lock),
	.list = LIST_HEAD_INIT(system_workqueue.list),
};
struct workqueue_struct *system_wq = &system_workqueue;

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;
	bool queued = false;

	spin_lock_irqsave(&wq->lock, flags);
	if (!work->pending) {
		work->pending = 1;
		list_add_tail(&work->entry, &wq->list);
		queued = true;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	if (queued) {
		__atomic_fetch_add(&wq->seq, 1, __ATOMIC_SEQ_CST);
		sim_futex_wake(&wq->seq);
	}
	return queued;
}

static void *kworker(void *arg)
{
	struct workqueue_struct *wq = arg;

	__atomic_store_n(&wq->started, 1, __ATOMIC_RELEASE);
	sim_futex_wake(&wq->started);

	for (;;) {
		struct work_struct *work = NULL;
		unsigned int seq = __atomic_load_n(&wq->seq, __ATOMIC_SEQ_CST);

		spin_lock_irq(&wq->lock);
		if (!list_empty(&wq->list)) {
			work = list_first_entry(&wq->list, struct work_struct, entry);
			list_del_init(&work->entry);
			work->pending = 0;
			wq->busy = 1;
		}
		spin_unlock_irq(&wq->lock);
		if (work) {
			work->func(work);
			spin_lock_irq(&wq->lock);
			wq->busy = 0;
			spin_unlock_irq(&wq->lock);
			__atomic_fetch_add(&wq->seq, 1, __ATOMIC_SEQ_CST);
			sim_futex_wake(&wq->seq);
			continue;
		}
		if (READ_ONCE(wq->stop))
			return NULL;
		sim_futex_wait(&wq->seq, seq);
	}
}

static bool workqueue_idle(struct workqueue_struct *wq)
{
	bool idle;

	spin_lock_irq(&wq->lock);
	idle = list_empty(&wq->list) && !wq->busy;
	spin_unlock_irq(&wq->lock);
	return idle;
}

void flush_workqueue(struct workqueue_struct *wq)
{
	for (;;) {
		unsigned int seq = __atomic_load_n(&wq->seq, __ATOMIC_SEQ_CST);
		bool idle;

		spin_lock_irq(&wq->lock);
		idle = list_empty(&wq->list) && !wq->busy;
		spin_unlock_irq(&wq->lock);
		if (idle)
			return;
		sim_futex_wait(&wq->seq, seq);
	}
}

extern initcall_t __start_shim_initcall[], __stop_shim_initcall[];
/* the section exists even if no initcall is linked in */
static int shim_no_initcall(void) { return 0; }
__shim_initcall(shim_no_initcall);

struct task_struct *shim_thread_task_alloc(void);
void shim_thread_task_free(struct task_struct *task);

#include <linux/jump_label.h>
DECLARE_STATIC_KEY_FALSE(virt_spin_lock_key);
extern bool shim_arch_timer_evtstrm;

void shim_boot(int nr_cpus)
{
	const char *e;
	initcall_t *fn;

	sim_task_alloc_hook = shim_thread_task_alloc;
	sim_task_free_hook = shim_thread_task_free;
	sim_init(nr_cpus);
	/* x86: rqspinlock's test-and-set path, as in a guest without PV locks */
	e = sim_getenv("SHIM_VIRT_SPIN_LOCK");
	if (e && *e == '1')
		static_branch_enable(&virt_spin_lock_key);
	/* arm64: the spinning branch of the timed wait, no event stream */
	e = sim_getenv("SHIM_EVTSTRM");
	if (e && *e == '0')
		WRITE_ONCE(shim_arch_timer_evtstrm, false);
	for (fn = __start_shim_initcall; fn < __stop_shim_initcall; fn++)
		WARN_ON((*fn)());
	/* the kworker is a task on the last CPU */
	if (sim_thread_start(&system_workqueue.thread, nr_cpus - 1, kworker, system_wq))
		BUG();
	/* its task is allocated by then: tests count objects from here on */
	while (!__atomic_load_n(&system_workqueue.started, __ATOMIC_ACQUIRE))
		sim_futex_wait(&system_workqueue.started, 0);
}

/* Stop the kworker and end the boot task, so that nothing is left allocated. */
void shim_shutdown(void)
{
	shim_quiesce();
	WRITE_ONCE(system_workqueue.stop, 1);
	__atomic_fetch_add(&system_workqueue.seq, 1, __ATOMIC_SEQ_CST);
	sim_futex_wake(&system_workqueue.seq);
	sim_thread_join(&system_workqueue.thread);
	sim_thread_exit();	/* the boot task: freed after a grace period */
	rcu_barrier();
	rcu_barrier_tasks_trace();
}

void shim_quiesce(void)
{
	int i;

	/*
	 * Work items may queue RCU callbacks and callbacks queue more
	 * callbacks (a Tasks Trace one chains a normal one) or work: go on
	 * until a round ends with none of either left.
	 */
	for (i = 0; i < 100; i++) {
		flush_workqueue(system_wq);
		rcu_barrier_tasks_trace();
		rcu_barrier();
		if (!sim_rcu_pending() && workqueue_idle(system_wq))
			return;
	}
	WARN(1, "shim_quiesce: RCU callbacks or work still queued after %d rounds", i);
}
