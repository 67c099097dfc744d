/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/sched.h: a task_struct trimmed to what the BPF
 * storage code and the tests use.  Every simulated thread runs as one task;
 * "current" is that task (kern/owners.c allocates it).
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/refcount.h>
#include <linux/preempt.h>
#include <asm/barrier.h>
#include <shim/sim.h>

#define TASK_COMM_LEN	16

struct bpf_local_storage;
struct pid;
struct shim_variant;
struct shim_kthread;
struct files_struct;

struct task_struct {
	refcount_t usage;
	int pid;
	char comm[TASK_COMM_LEN];
	unsigned int flags;
	struct pid *thread_pid;
	struct bpf_local_storage __rcu *bpf_storage;
	struct rcu_head rcu;
	unsigned int __state;
	struct files_struct *files;	/* all tasks share one table */
	/* Test fields */
	int shim_dead;		/* release_task() done */
	int shim_need_resched;	/* set_tsk_need_resched(), until cond_resched() */
	unsigned int shim_wake;		/* futex word of schedule()/wake_up_process() */
	struct shim_kthread *shim_kthread;
	const struct shim_variant *shim_variant; /* whose storage code frees it */
};

#define TASK_RUNNING		0x00000000
#define TASK_INTERRUPTIBLE	0x00000001
#define TASK_UNINTERRUPTIBLE	0x00000002

#define __set_current_state(state)	WRITE_ONCE(current->__state, (state))
#define set_current_state(state)					\
do {									\
	WRITE_ONCE(current->__state, (state));				\
	smp_mb();							\
} while (0)

/* Sleep until wake_up_process() unless the state is TASK_RUNNING again. */
void schedule(void);
int wake_up_process(struct task_struct *p);

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

static inline bool need_resched(void)
{
	return READ_ONCE(current->shim_need_resched) || sim_need_resched();
}

/* Only for current here: the scheduler wants the CPU back */
static inline void set_tsk_need_resched(struct task_struct *tsk)
{
	WRITE_ONCE(tsk->shim_need_resched, 1);
}

static inline int _cond_resched(void)
{
	might_sleep();
	WRITE_ONCE(current->shim_need_resched, 0);
	sim_yield();
	return 0;
}
#define cond_resched()	_cond_resched()

static inline void yield(void)
{
	sim_yield();
}

#endif /* _LINUX_SCHED_H */
