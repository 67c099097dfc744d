// SPDX-License-Identifier: GPL-2.0
/*
 * kthreads: a kthread is a task of its own thread, created asleep and
 * started by its first wake_up_process(), bound to the CPU of its creator
 * or to the one kthread_bind() names.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <shim/kern.h>

struct shim_kthread {
	int (*fn)(void *data);
	void *data;
	int cpu;
	int started;
	int should_stop;
	int ret;
	struct completion exited;
};

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

/* The first wake-up starts the thread: true if this was it. */
bool shim_kthread_wake(struct task_struct *t)
{
	struct shim_kthread *k = t->shim_kthread;

	if (__atomic_exchange_n(&k->started, 1, __ATOMIC_ACQ_REL))
		return false;
	if (sim_thread_spawn(k->cpu, kthread_main, t, t))
		BUG();
	return true;
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
