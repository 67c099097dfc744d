// SPDX-License-Identifier: GPL-2.0
/*
 * Tasks: every thread that runs kernel code is a task bound to a simulated
 * CPU (its own sim_ctx, clock and task_struct); starting, ending and
 * joining them, KUnit's abort (try/throw), and the need_resched() knob.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shim/sim.h"
#include "sim-internal.h"

struct task_struct *(*sim_task_alloc_hook)(void);
void (*sim_task_free_hook)(struct task_struct *);

void sim_thread_enter(int cpu, struct task_struct *task, unsigned long long clock)
{
	if (cpu < 0 || cpu >= sim_nr_cpus)
		sim_die("task on CPU %d, machine has %d", cpu, sim_nr_cpus);
	sim_clock_thread_start(clock);
	memset(&sim_ctx, 0, sizeof(sim_ctx));
	sim_ctx.cpu = cpu;
	sim_rcu_register();
	sim_ctx.registered = 1;
	sim_ctx.current = task ? task : (sim_task_alloc_hook ? sim_task_alloc_hook() : NULL);
}

void sim_thread_exit(void)
{
	struct task_struct *task = sim_ctx.current;

	if (sim_ctx.preempt_count || sim_ctx.irqs_off || sim_ctx.rcu_depth ||
	    sim_ctx.rcu_trace_depth)
		sim_die("task exits with preempt_count %#x irqs_off %d rcu %d/%d",
			sim_ctx.preempt_count, sim_ctx.irqs_off, sim_ctx.rcu_depth,
			sim_ctx.rcu_trace_depth);
	if (task && sim_task_free_hook)
		sim_task_free_hook(task);
	sim_ctx.current = NULL;
	sim_rcu_unregister();
	sim_ctx.registered = 0;
	sim_clock_thread_exit();
}

static void *thread_main(void *p)
{
	struct sim_thread *t = p;

	sim_thread_enter(t->cpu, t->task, t->clock);
	t->task = sim_ctx.current;
	t->ret = t->fn(t->arg);
	sim_thread_exit();
	return NULL;
}

int sim_thread_start(struct sim_thread *t, int cpu, void *(*fn)(void *), void *arg)
{
	pthread_t th;
	int err;

	t->cpu = cpu;
	t->fn = fn;
	t->arg = arg;
	t->ret = NULL;
	t->task = NULL;
	t->clock = sim_clock_ns();
	err = pthread_create(&th, NULL, thread_main, t);
	if (err)
		return -err;
	t->handle = (unsigned long)th;
	return 0;
}

static void *detached_main(void *p)
{
	struct sim_thread *t = p;

	thread_main(t);
	free(t);
	return NULL;
}

int sim_thread_spawn(int cpu, void *(*fn)(void *), void *arg, struct task_struct *task)
{
	struct sim_thread *t = calloc(1, sizeof(*t));
	pthread_attr_t attr;
	pthread_t th;
	int err;

	if (!t)
		return -ENOMEM;
	t->cpu = cpu;
	t->fn = fn;
	t->arg = arg;
	t->task = task;
	t->clock = sim_clock_ns();
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&th, &attr, detached_main, t);
	pthread_attr_destroy(&attr);
	if (err) {
		free(t);
		return -err;
	}
	return 0;
}

void *sim_thread_join(struct sim_thread *t)
{
	sim_wait_begin();
	pthread_join((pthread_t)t->handle, NULL);
	sim_wait_end();
	return t->ret;
}

int sim_thread_join_timeout(struct sim_thread *t, unsigned long long ns)
{
	struct timespec ts;
	int ret;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += ns / 1000000000ULL;
	ts.tv_nsec += ns % 1000000000ULL;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	sim_wait_begin();
	ret = pthread_timedjoin_np((pthread_t)t->handle, NULL, &ts) ? -1 : 0;
	sim_wait_end();
	return ret;
}


/* ---- try/throw for KUnit assertions (libc setjmp: sanitizers know it) ---- */
static __thread jmp_buf *try_env;

int sim_try(void (*fn)(void *), void *arg)
{
	jmp_buf env, *prev = try_env;

	try_env = &env;
	if (!setjmp(env)) {
		fn(arg);
		try_env = prev;
		return 0;
	}
	try_env = prev;
	return 1;
}

void sim_throw(void)
{
	if (!try_env)
		sim_die("KUnit abort outside of a test case");
	longjmp(*try_env, 1);
}

/* ---- need_resched() knob: every nth call says yes (0: never) ---- */
static atomic_uint need_resched_period;
static atomic_ulong need_resched_yes;

void sim_set_need_resched_period(unsigned int n)
{
	atomic_store(&need_resched_period, n);
}

int sim_need_resched(void)
{
	static __thread unsigned int calls;
	unsigned int n = atomic_load_explicit(&need_resched_period, memory_order_relaxed);

	if (!n || ++calls % n)
		return 0;
	atomic_fetch_add_explicit(&need_resched_yes, 1, memory_order_relaxed);
	return 1;
}

unsigned long sim_need_resched_count(void)
{
	return atomic_load(&need_resched_yes);
}
