// SPDX-License-Identifier: GPL-2.0
/*
 * The system workqueue: one kworker task runs the work items in order.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <shim/kern.h>

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

bool shim_workqueue_idle(struct workqueue_struct *wq)
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

/* The kworker is a task on the last CPU; it is running when this returns. */
void shim_kworker_start(int nr_cpus)
{
	if (sim_thread_start(&system_workqueue.thread, nr_cpus - 1, kworker, system_wq))
		BUG();
	/* its task is allocated by then: tests count objects from here on */
	while (!__atomic_load_n(&system_workqueue.started, __ATOMIC_ACQUIRE))
		sim_futex_wait(&system_workqueue.started, 0);
}

void shim_kworker_stop(void)
{
	WRITE_ONCE(system_workqueue.stop, 1);
	__atomic_fetch_add(&system_workqueue.seq, 1, __ATOMIC_SEQ_CST);
	sim_futex_wake(&system_workqueue.seq);
	sim_thread_join(&system_workqueue.thread);
}
