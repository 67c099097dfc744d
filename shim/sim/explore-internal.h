/* SPDX-License-Identifier: GPL-2.0 */
/* The explorer's parts (sim/explore*.c), libc side only. */
#ifndef __SHIM_EXPLORE_INTERNAL_H
#define __SHIM_EXPLORE_INTERNAL_H

#include <semaphore.h>

#include "shim/sim.h"

#define EX_MAX_TASKS	8

enum ex_state { EX_RUNNABLE, EX_BLOCKED, EX_DONE };

struct ex_task {
	int id;
	const char *name;
	int cpu;
	enum ex_state state;
	int prio;			/* PCT priority, higher runs first */
	int spinning;			/* last point was cpu_relax() ... */
	unsigned long long spin_epoch;	/* ... with the memory as of then */
	int pending_write;		/* wrote since its last point */
	int (*pred)(void *arg);		/* EX_BLOCKED: until pred(arg) */
	void *pred_arg;
	unsigned long long points;	/* scheduling points it passed */
	unsigned long long clock;	/* its virtual clock (ns) */
	unsigned int quantum;		/* spinning alone: relaxes left */
	/* RCU quiescent states passed, per domain (normal, Tasks Trace) */
	unsigned long long qs[2];
	struct sim_ctx *ctx;		/* its sim_ctx (thread-local) */
	void (*fn)(void *arg);
	void *arg;
	struct ex_thread *thread;	/* the pool thread that runs it */
};

/*
 * The threads that run explored tasks are kept from run to run (a pool,
 * one per task slot), so that a run starts no thread and frees no
 * task_struct.
 */
struct ex_thread {
	int started, quit;
	sem_t sem;			/* posted when its task gets the baton */
	sem_t gate;			/* posted when it may take the next task */
	struct sim_thread th;
	struct ex_task *task;
	struct sim_ctx *ctx;		/* the thread's sim_ctx */
};

extern struct ex_task ex_tasks[EX_MAX_TASKS];
extern int ex_nr_tasks;
/* virtual time: the running task's clock, or the latest of all */
unsigned long long ex_clock_ns(void);

/* sim/explore.c */
struct ex_config {
	unsigned long long seed;
	int random;			/* random walk instead of PCT */
	int depth;			/* PCT: d - 1 priority change points */
	unsigned long long est_decisions;	/* PCT: k, the expected length */
	int irq_task;			/* -1: none */
	int irq_kind;
	void (*irq_fn)(void *);
	void *irq_arg;
	unsigned long long irq_est_points;
	unsigned long long irq_at;	/* if not 0: the interrupt's point */
	int trace;			/* print every decision */
	/*
	 * Guided runs (bounded search, --schedule): the task picked at each
	 * of the first prefix_len decisions is prefix[]; after them the
	 * running task goes on while it can (no preemption), else the
	 * lowest-numbered task that can run.  Every decision is recorded in
	 * *trail (grown as needed).
	 */
	int guided;
	const unsigned char *prefix;
	unsigned long long prefix_len;
	struct ex_choice **trail;
	unsigned long long *trail_cap;
};
/*
 * A decision of a guided run: who could run, whom the non-preemptive
 * scheduler would pick (def), who was picked; a pick other than def is a
 * deviation (a preemption, or another task at a free switch).
 */
struct ex_choice {
	unsigned char options;		/* bit per task that could run */
	unsigned char def;
	unsigned char pick;
	unsigned char done;		/* bounded search: picks tried here */
	int dev_before;			/* deviations at earlier decisions */
};
struct ex_result {
	const char *fail;		/* NULL: every task ended */
	unsigned long long steps, decisions, vclock, hash;
	unsigned long long irq_point;	/* 0: not delivered */
	int preemptions;		/* switches away from a runnable task */
	int deviations;			/* guided: picks other than the default */
	char *schedule;			/* run-length, malloc'ed */
};
/* Add a task (explore mode off, before ex_run()). */
struct ex_task *ex_add_task(const char *name, int cpu, void (*fn)(void *), void *arg);
void ex_run(const struct ex_config *cfg, struct ex_result *res);
/* Start the pool's first n threads, end them all (explore mode off). */
void ex_start_threads(int n);
void ex_stop_threads(void);
/* The running task, NULL if the caller is not an explored task. */
struct ex_task *ex_self(void);
void ex_die_info(const char *info);
unsigned long long ex_rand(void);

/* sim/explore_rcu.c: RCU grace periods as scheduler events */
void ex_rcu_reset(void);
void ex_rcu_task(void *unused);
int ex_rcu_idle(void);
/* for sim/rcu.c, while sim_explore_on */
struct callback_head;
void sim_ex_rcu_qs(int dom);
void sim_ex_call_rcu(struct callback_head *head, void (*func)(struct callback_head *),
		     void *ptr, int trace);
void sim_ex_synchronize(int trace);
void sim_ex_barrier(void);

#endif /* __SHIM_EXPLORE_INTERNAL_H */
