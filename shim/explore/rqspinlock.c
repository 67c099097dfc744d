// SPDX-License-Identifier: GPL-2.0
/*
 * Explorer scenarios for rqspinlock (issue 16, scenario 4): the kernel's own
 * kernel/bpf/rqspinlock.c under every schedule the explorer picks.
 *
 * Linked into the patched variant's object (it calls the variant's
 * rqspinlock), so its globals carry the "patched__" prefix.
 *
 *  rqs_aa       3 CPUs on one lock, a hardirq into the first re-taking it
 *  rqs_abba     two CPUs take two locks in opposite order, a third queues
 *  rqs_timeout  a holder outlasts the timeouts of 4 waiters: pending, head
 *               and two behind it (tail reset, timeout forwarding)
 *  rqs_nmi      an NMI into a task that holds or waits for L (3 CPUs on
 *               it) takes L (AA, or the NMI trylock path when the task is
 *               queued) or M (nested MCS node)
 *
 * Every critical section checks mutual exclusion; every scenario checks the
 * return values the design allows and that both locks are free at the end
 * and can be taken again.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/preempt.h>
#include <linux/timekeeping.h>
#include <asm/rqspinlock.h>
#include <shim/sim.h>
#include <shim/explore.h>

#define MS	1000000ULL

struct rqs_ctx {
	rqspinlock_t lock[2];		/* L, M */
	int owner[2];			/* in a critical section */
	int count[2];			/* critical sections run */
	int ok[2];			/* acquisitions that returned 0 */
	int ret[SIM_EX_MAX_TASKS][2];	/* per task and lock, 1: not tried */
	int irq_ret;			/* 1: not delivered */
	int irq_task_in;		/* the interrupted task was in a lock op */
	int in[SIM_EX_MAX_TASKS];	/* task between lock and unlock */
	int holds;			/* rqs_timeout: the holder has the lock */
	int variant;
	const char *bad;
};

static struct rqs_ctx rqs;

static void cs(struct rqs_ctx *c, int l)
{
	if (READ_ONCE(c->owner[l]))
		c->bad = "two owners in one critical section";
	WRITE_ONCE(c->owner[l], 1);
	WRITE_ONCE(c->count[l], READ_ONCE(c->count[l]) + 1);
	WRITE_ONCE(c->owner[l], 0);
}

/* Take lock @l as task @t: its critical section if it got it; the result. */
static int lock_cs(struct rqs_ctx *c, int t, int l)
{
	int ret;

	WRITE_ONCE(c->in[t], 1);
	ret = raw_res_spin_lock(&c->lock[l]);
	c->ret[t][l] = ret;
	if (!ret) {
		c->ok[l]++;
		cs(c, l);
		raw_res_spin_unlock(&c->lock[l]);
	}
	WRITE_ONCE(c->in[t], 0);
	return ret;
}

static void *rqs_setup(int variant)
{
	int t;

	memset(&rqs, 0, sizeof(rqs));
	raw_res_spin_lock_init(&rqs.lock[0]);
	raw_res_spin_lock_init(&rqs.lock[1]);
	for (t = 0; t < SIM_EX_MAX_TASKS; t++)
		rqs.ret[t][0] = rqs.ret[t][1] = 1;
	rqs.irq_ret = 1;
	rqs.variant = variant;
	return &rqs;
}

static void rqs_teardown(void *ctx)
{
}

/* Both locks free, and each can be taken and released again. */
static const char *locks_usable(struct rqs_ctx *c)
{
	int l;

	for (l = 0; l < 2; l++) {
		if (atomic_read(&c->lock[l].val))
			return "a lock word is not 0 after every task ended (stale tail or pending?)";
		if (raw_res_spin_lock(&c->lock[l]))
			return "a free lock cannot be taken after the run";
		raw_res_spin_unlock(&c->lock[l]);
		if (c->count[l] != c->ok[l])
			return "critical sections do not match successful acquisitions";
	}
	return c->bad;
}

/* ---- rqs_aa: three CPUs on L, a hardirq into task 0 takes L too ---- */

static void aa_task0(void *ctx) { lock_cs(ctx, 0, 0); }
static void aa_task1(void *ctx) { lock_cs(ctx, 1, 0); }
static void aa_task2(void *ctx) { lock_cs(ctx, 2, 0); }

static void aa_irq(void *ctx)
{
	struct rqs_ctx *c = ctx;

	c->irq_task_in = READ_ONCE(c->in[0]);
	c->irq_ret = raw_res_spin_lock(&c->lock[0]);
	if (!c->irq_ret) {
		c->ok[0]++;
		cs(c, 0);
		raw_res_spin_unlock(&c->lock[0]);
	}
}

static const char *aa_check(void *ctx)
{
	struct rqs_ctx *c = ctx;
	int t;

	for (t = 0; t < 3; t++)
		if (c->ret[t][0])
			return "a task on another CPU failed to get the lock (false deadlock?)";
	if (c->irq_ret == -ETIMEDOUT)
		return "the interrupt timed out instead of detecting AA";
	if (c->irq_ret == -EDEADLK && !c->irq_task_in)
		return "AA reported while the interrupted task neither held nor waited for the lock";
	if (c->irq_ret != 0 && c->irq_ret != -EDEADLK && c->irq_ret != 1)
		return "unexpected result in the interrupt";
	return locks_usable(c);
}

const struct sim_ex_scenario sim_ex_rqs_aa = {
	.name = "rqs_aa",
	.what = "rqspinlock: 3 CPUs on one lock, a hardirq re-taking it (AA)",
	.nr_tasks = 3,
	.task = { { "lock0", 0, aa_task0 }, { "lock1", 1, aa_task1 }, { "lock2", 2, aa_task2 } },
	.irq_task = 0,
	.irq_kind = SIM_IRQ_HARDIRQ,
	.irq_fn = aa_irq,
	.setup = rqs_setup,
	.check = aa_check,
	.teardown = rqs_teardown,
};

/* ---- rqs_abba: L then M against M then L, and a third waiter on L ---- */

static void abba_one(struct rqs_ctx *c, int t, int first)
{
	int second = !first, ret;

	WRITE_ONCE(c->in[t], 1);
	ret = raw_res_spin_lock(&c->lock[first]);
	c->ret[t][first] = ret;
	if (ret)
		goto out;
	c->ok[first]++;
	cs(c, first);
	ret = raw_res_spin_lock(&c->lock[second]);
	c->ret[t][second] = ret;
	if (!ret) {
		c->ok[second]++;
		cs(c, second);
		raw_res_spin_unlock(&c->lock[second]);
	}
	raw_res_spin_unlock(&c->lock[first]);
out:
	WRITE_ONCE(c->in[t], 0);
}

static void abba_task0(void *ctx) { abba_one(ctx, 0, 0); }
static void abba_task1(void *ctx) { abba_one(ctx, 1, 1); }
static void abba_task2(void *ctx) { lock_cs(ctx, 2, 0); }

static const char *abba_check(void *ctx)
{
	struct rqs_ctx *c = ctx;
	static char why[200];
	const char *bad = NULL;

	if (c->ret[0][0] || c->ret[1][1])
		bad = "an uncontended-order first lock failed";
	else if (c->ret[0][1] && c->ret[0][1] != -EDEADLK)
		bad = "task 0's second lock failed with something else than -EDEADLK";
	else if (c->ret[1][0] && c->ret[1][0] != -EDEADLK)
		bad = "task 1's second lock failed with something else than -EDEADLK";
	else if (c->ret[2][0])
		bad = "the third waiter did not get the lock";
	if (!bad)
		return locks_usable(c);
	scnprintf(why, sizeof(why), "%s (results: ab %d/%d ba %d/%d a %d)", bad,
		  c->ret[0][0], c->ret[0][1], c->ret[1][1], c->ret[1][0], c->ret[2][0]);
	return why;
}

const struct sim_ex_scenario sim_ex_rqs_abba = {
	.name = "rqs_abba",
	.what = "rqspinlock: ABBA between two CPUs, a third waits on one lock",
	.nr_tasks = 3,
	.task = { { "ab", 0, abba_task0 }, { "ba", 1, abba_task1 }, { "a", 2, abba_task2 } },
	.irq_task = -1,
	.slow = 1,	/* deadlocked runs spin to the deadlock check, 64K spins */
	.setup = rqs_setup,
	.check = abba_check,
	.teardown = rqs_teardown,
};

/* ---- rqs_timeout: the holder outlasts the waiters' timeouts ---- */

static const unsigned long long hold_ms[] = { 700, 400, 300, 100 };

static const char *timeout_variant(int v, char *buf, unsigned long size)
{
	scnprintf(buf, size, "hold %llu ms", hold_ms[v]);
	return buf;
}

static void timeout_holder(void *ctx)
{
	struct rqs_ctx *c = ctx;
	unsigned long long end;

	c->ret[0][0] = raw_res_spin_lock(&c->lock[0]);
	if (c->ret[0][0])
		return;
	c->ok[0]++;
	WRITE_ONCE(c->holds, 1);
	end = ktime_get_mono_fast_ns() + hold_ms[c->variant] * MS;
	while (ktime_get_mono_fast_ns() < end)
		cpu_relax();
	cs(c, 0);
	raw_res_spin_unlock(&c->lock[0]);
}

static void timeout_waiter(struct rqs_ctx *c, int t)
{
	while (!READ_ONCE(c->holds))
		cpu_relax();
	lock_cs(c, t, 0);
}

static void timeout_task1(void *ctx) { timeout_waiter(ctx, 1); }
static void timeout_task2(void *ctx) { timeout_waiter(ctx, 2); }
static void timeout_task3(void *ctx) { timeout_waiter(ctx, 3); }
static void timeout_task4(void *ctx) { timeout_waiter(ctx, 4); }

static const char *timeout_check(void *ctx)
{
	struct rqs_ctx *c = ctx;
	int t;

	if (c->ret[0][0])
		return "the holder did not get the free lock";
	for (t = 1; t < 5; t++) {
		if (c->ret[t][0] == -EDEADLK)
			return "a waiter reported a deadlock where there is none";
		if (c->ret[t][0] && c->ret[t][0] != -ETIMEDOUT)
			return "a waiter failed with something else than -ETIMEDOUT";
		if (c->ret[t][0] && hold_ms[c->variant] < 200)
			return "a waiter timed out although the holder left before any timeout";
		if (!c->ret[t][0] && hold_ms[c->variant] > 600)
			return "a waiter got the lock although every timeout expired first";
	}
	return locks_usable(c);
}

const struct sim_ex_scenario sim_ex_rqs_timeout = {
	.name = "rqs_timeout",
	.what = "rqspinlock: holder outlasts 4 waiters: pending, head, 2 queued (forwarding)",
	.nr_tasks = 5,
	.task = { { "holder", 0, timeout_holder }, { "wait1", 1, timeout_task1 },
		  { "wait2", 2, timeout_task2 }, { "wait3", 3, timeout_task3 },
		  { "wait4", 4, timeout_task4 } },
	.irq_task = -1,
	.nr_variants = ARRAY_SIZE(hold_ms),
	.variant_name = timeout_variant,
	.slow = 1,
	.setup = rqs_setup,
	.check = timeout_check,
	.teardown = rqs_teardown,
};

/* ---- rqs_nmi: an NMI into a holder/waiter of L takes M (or L) ---- */

static const char *nmi_variant(int v, char *buf, unsigned long size)
{
	scnprintf(buf, size, "NMI takes %s", v ? "L (AA)" : "M (nested node)");
	return buf;
}

/*
 * Three tasks on L, so that task 0 can be pending or queued (holding MCS
 * node 0 of its CPU) when the NMI comes; two of them take M after it.
 */
static void nmi_task0(void *ctx) { lock_cs(ctx, 0, 0); }

static void nmi_task12(struct rqs_ctx *c, int t)
{
	lock_cs(c, t, 0);
	lock_cs(c, t, 1);
}

static void nmi_task1(void *ctx) { nmi_task12(ctx, 1); }
static void nmi_task2(void *ctx) { nmi_task12(ctx, 2); }

static void nmi_fn(void *ctx)
{
	struct rqs_ctx *c = ctx;
	int l = c->variant ? 0 : 1;

	c->irq_task_in = READ_ONCE(c->in[0]);
	c->irq_ret = raw_res_spin_lock(&c->lock[l]);
	if (!c->irq_ret) {
		c->ok[l]++;
		cs(c, l);
		raw_res_spin_unlock(&c->lock[l]);
	}
}

static const char *nmi_check(void *ctx)
{
	struct rqs_ctx *c = ctx;

	if (c->ret[0][0] || c->ret[1][0] || c->ret[1][1] || c->ret[2][0] || c->ret[2][1])
		return "a task failed to get a lock (false deadlock?)";
	if (c->irq_ret == -ETIMEDOUT)
		return "the NMI timed out";
	if (c->irq_ret == -EDEADLK && !c->irq_task_in)
		return "the NMI failed while the interrupted task was in no lock operation";
	return locks_usable(c);
}

const struct sim_ex_scenario sim_ex_rqs_nmi = {
	.name = "rqs_nmi",
	.what = "rqspinlock: NMI into a holder/waiter takes another lock or the same",
	.nr_tasks = 3,
	.task = { { "L", 0, nmi_task0 }, { "L,M", 1, nmi_task1 }, { "L,M", 2, nmi_task2 } },
	.irq_task = 0,
	.irq_kind = SIM_IRQ_NMI,
	.irq_fn = nmi_fn,
	.nr_variants = 2,
	.variant_name = nmi_variant,
	.setup = rqs_setup,
	.check = nmi_check,
	.teardown = rqs_teardown,
};
