/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/sched.h: a task_struct trimmed to what the BPF
 * storage code and the tests use.  Every simulated thread runs as one task;
 * "current" is that task (kern/sched.c allocates it).
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/refcount.h>
#include <linux/preempt.h>
#include <shim/sim.h>

#define TASK_COMM_LEN	16

struct bpf_local_storage;
struct pid;
struct shim_variant;

struct task_struct {
	refcount_t usage;
	int pid;
	char comm[TASK_COMM_LEN];
	unsigned int flags;
	struct pid *thread_pid;
	struct bpf_local_storage __rcu *bpf_storage;
	struct rcu_head rcu;
	/* Test fields */
	int shim_dead;		/* release_task() done */
	const struct shim_variant *shim_variant; /* whose storage code frees it */
};

#define PF_EXITING	0x00000004
#define PF_KTHREAD	0x00200000

static inline struct task_struct *shim_get_current(void)
{
	return sim_ctx.current;
}
#define current	shim_get_current()

struct task_struct *shim_task_alloc(const char *comm);
void __put_task_struct(struct task_struct *t);

static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	refcount_inc(&t->usage);
	return t;
}

static inline void put_task_struct(struct task_struct *t)
{
	if (refcount_dec_and_test(&t->usage))
		__put_task_struct(t);
}

static inline pid_t task_pid_nr(struct task_struct *t)
{
	return t->pid;
}

int sim_need_resched(void);

static inline bool need_resched(void)
{
	return sim_need_resched();
}

static inline int _cond_resched(void)
{
	might_sleep();
	sim_yield();
	return 0;
}
#define cond_resched()	_cond_resched()

static inline void schedule(void)
{
	sim_yield();
}

static inline void yield(void)
{
	sim_yield();
}

#endif /* _LINUX_SCHED_H */
