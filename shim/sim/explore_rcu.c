// SPDX-License-Identifier: GPL-2.0
/*
 * RCU in explore mode: grace periods and callbacks as scheduler events.
 *
 * liburcu's worker threads would run callbacks beside the explored tasks,
 * outside the schedule, so while sim_explore_on the RCU entry points of
 * sim/rcu.c come here instead.  Grace periods are computed, not waited
 * for: every explored task counts the quiescent states it passed per
 * domain (leaving its outermost reader; for the normal domain a reader is
 * rcu_read_lock() or a non-preemptible region, for Tasks Trace
 * rcu_read_lock_trace()).  A callback records, for each task that was a
 * reader when it was queued, the count that task has to exceed; once all
 * did, its grace period is over.  A Tasks Trace callback waits for both
 * domains (rcu_trace_implies_rcu_gp() is true in 6.12, as in sim/rcu.c).
 *
 * The callbacks run on an explored task of their own (ex_rcu_task(), in
 * softirq on its CPU), so when a grace period ends and whether its
 * callbacks run before or after any other step is a choice of the
 * schedule.  "The callback ran while a reader still held the object" is
 * thus an interleaving the explorer can pick, and ASan reports it.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "shim/sim.h"
#include "sim-internal.h"
#include "explore-internal.h"

struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};

#define EX_QUEUED_MARK	((struct callback_head *)0x5eadbeefUL)

struct ex_gp {
	/* per task and domain: the quiescent-state count to exceed, or 0 */
	unsigned long long need[EX_MAX_TASKS][2];
};

struct ex_cb {
	struct ex_gp gp;
	unsigned long long id;
	struct callback_head *head;
	void (*func)(struct callback_head *head);
	void *ptr;
	struct ex_cb *next;
};

static struct ex_cb *queue, **queue_tail = &queue;
static unsigned long long next_id;

static int reader(struct ex_task *t, int dom)
{
	if (dom)
		return t->ctx->rcu_trace_depth > 0;
	return t->ctx->rcu_depth > 0 || t->ctx->occupied;
}

/* Snapshot of who is a reader now; @trace: both domains. */
static void gp_start(struct ex_gp *gp, int trace)
{
	int i, dom;

	memset(gp, 0, sizeof(*gp));
	for (i = 0; i < ex_nr_tasks; i++) {
		struct ex_task *t = &ex_tasks[i];

		if (t->state == EX_DONE || !t->ctx)
			continue;
		for (dom = 0; dom <= trace; dom++)
			if (reader(t, dom))
				gp->need[i][dom] = t->qs[dom] + 1;
	}
}

static int gp_done(const struct ex_gp *gp)
{
	int i, dom;

	for (i = 0; i < ex_nr_tasks; i++)
		for (dom = 0; dom < 2; dom++)
			if (ex_tasks[i].state != EX_DONE && ex_tasks[i].qs[dom] < gp->need[i][dom])
				return 0;
	return 1;
}

void ex_rcu_reset(void)
{
	if (queue)
		sim_die("explore: RCU callbacks left from the previous run");
	queue_tail = &queue;
}

int ex_rcu_idle(void)
{
	return !queue;
}

/* Called by sim/rcu.c when the running task leaves its outermost reader. */
void sim_ex_rcu_qs(int dom)
{
	struct ex_task *me = ex_self();

	if (me)
		me->qs[dom]++;
}

void sim_ex_call_rcu(struct callback_head *head, void (*func)(struct callback_head *),
		     void *ptr, int trace)
{
	struct ex_cb *cb = calloc(1, sizeof(*cb));

	if (!cb)
		sim_die("out of memory for an RCU callback");
	if (head) {
		if (head->next == EX_QUEUED_MARK)
			sim_warn(__FILE__, __LINE__, "rcu_head queued twice (double call_rcu/free)");
		head->next = EX_QUEUED_MARK;
		head->func = func;
	}
	gp_start(&cb->gp, trace);
	cb->id = ++next_id;
	cb->head = head;
	cb->func = func;
	cb->ptr = ptr;
	*queue_tail = cb;
	queue_tail = &cb->next;
	sim_sp(SIM_SP_SCHED);
}

static int gp_pred(void *arg)
{
	return gp_done(arg);
}

void sim_ex_synchronize(int trace)
{
	struct ex_gp gp;

	gp_start(&gp, trace);
	sim_explore_block(gp_pred, &gp);
}

static int barrier_pred(void *arg)
{
	unsigned long long id = *(unsigned long long *)arg;

	return !queue || queue->id > id;
}

/* Every callback queued so far has run (both domains: a superset). */
void sim_ex_barrier(void)
{
	unsigned long long id = next_id;

	sim_explore_block(barrier_pred, &id);
}

static struct ex_cb *ready(void)
{
	struct ex_cb *cb;

	for (cb = queue; cb; cb = cb->next)
		if (gp_done(&cb->gp))
			return cb;
	return NULL;
}

/* The callback task has work, or nothing is left to wait for. */
static int rcu_task_pred(void *arg)
{
	int i;

	(void)arg;
	if (ready())
		return 1;
	for (i = 0; i < ex_nr_tasks; i++)
		if (ex_tasks[i].fn != ex_rcu_task && ex_tasks[i].state != EX_DONE)
			return 0;
	return !queue;
}

static void unlink_cb(struct ex_cb *cb)
{
	struct ex_cb **p;

	for (p = &queue; *p != cb; p = &(*p)->next)
		;
	*p = cb->next;
	if (!*p)
		queue_tail = p;
}

void ex_rcu_task(void *unused)
{
	struct ex_cb *cb;

	(void)unused;
	for (;;) {
		sim_explore_block(rcu_task_pred, NULL);
		cb = ready();
		if (!cb)
			return;		/* every other task ended, nothing queued */
		unlink_cb(cb);
		/* softirq: non-preemptible, so it occupies its CPU */
		sim_ctx.preempt_count += SIM_SOFTIRQ_OFFSET;
		sim_cpu_occupy();
		if (cb->head)
			cb->head->next = NULL;
		if (cb->func)
			cb->func(cb->head);
		else
			sim_kfree(cb->ptr);
		sim_ctx.preempt_count -= SIM_SOFTIRQ_OFFSET;
		sim_cpu_release();
		free(cb);
	}
}
