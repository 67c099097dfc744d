// SPDX-License-Identifier: GPL-2.0
/*
 * Deterministic exploration of schedules: the scheduler.
 *
 * The tasks of a scenario are ordinary simulator threads, but while
 * sim_explore_on only the one holding the baton (ex_cur) runs; the others
 * wait on their semaphore.  Kernel code hands the baton on at scheduling
 * points (sim_explore_point(), called by the stand-ins of READ_ONCE(),
 * WRITE_ONCE(), the atomics, barriers, cpu_relax(), by CPU occupation and
 * RCU read-side boundaries): there the strategy picks the next task.  As
 * only one thread runs, a run is a function of its seed: the same seed gives
 * the same schedule, step for step.
 *
 * Strategies: PCT (Burckhardt et al., "A randomized scheduler with
 * probabilistic guarantees of finding bugs", ASPLOS 2010).  Tasks get
 * random distinct priorities >= depth; the highest-priority task that can
 * run does; at depth - 1 random decision points the running task drops to
 * priority 1..depth-1.  A bug that needs depth ordering constraints among n
 * tasks and k decisions is found with probability >= 1/(n k^(d-1)) per run.
 * PCT finds orderings of a few far-apart events; a race that needs several
 * switches within a few steps (two tear-downs both between their state
 * update and its check) needs a random walk: at each decision any task
 * that can run, uniformly.  The driver alternates them by seed.
 *
 * Spinning: a task at cpu_relax() waits for memory to change.  It cannot
 * run again until some task wrote (the write epoch moved), so the spinner
 * yields to everyone else whatever its priority.  When every task that can
 * run is such a spinner, nothing can change but time: the spinners take
 * turns of EX_QUANTUM relaxes (round robin, no decision), so that their
 * clocks advance together, as CPUs spinning side by side do, and
 * rqspinlock's deadlock checks and timeouts fire at deterministic points.
 *
 * Time is virtual and per task, as the shim's clocks are made of progress
 * (sim/clock.c): every point advances the running task's clock by
 * EX_STEP_NS, cpu_relax() by EX_RELAX_NS (64K spins, rqspinlock's check
 * interval on x86, are 65 ms then, so its 1 ms deadlock check runs at every
 * check and its 250 ms timeout after a few).  A task that waited catches up
 * with the clock of the task that handed it the baton.  A run where a clock
 * passes EX_MAX_VCLOCK or that takes EX_MAX_STEPS points is a hang
 * (livelock); one where nobody can run is a deadlock.  Both fail with the
 * schedule that led there.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim/sim.h"
#include "sim-internal.h"
#include "explore-internal.h"

#define EX_STEP_NS	10ULL
#define EX_RELAX_NS	1000ULL
#define EX_MAX_VCLOCK	(20ULL * 1000000000ULL)
#define EX_MAX_STEPS	(200ULL * 1000000ULL)
#define EX_MAX_CHANGES	8
#define EX_QUANTUM	256

int sim_explore_on;
struct ex_task ex_tasks[EX_MAX_TASKS];
int ex_nr_tasks;

static __thread struct ex_task *self;
static struct ex_task *ex_cur;
static sem_t main_sem;
static int main_sem_ready, signals_ready;
static const struct ex_config *cfg;
static struct ex_result *res;
static unsigned long long epoch, rng;
static unsigned long long change_at[EX_MAX_CHANGES];
static int nr_changes;
static unsigned long long irq_at;
static int irq_delivered;

/* splitmix64: the only source of choices */
unsigned long long ex_rand(void)
{
	unsigned long long z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

unsigned long long ex_clock_ns(void)
{
	unsigned long long max = 0;
	int i;

	if (self && ex_cur == self)
		return self->clock;
	for (i = 0; i < ex_nr_tasks; i++)
		if (ex_tasks[i].clock > max)
			max = ex_tasks[i].clock;
	return max;
}

struct ex_task *ex_self(void)
{
	return sim_explore_on && self && ex_cur == self ? self : NULL;
}

/* ---- the schedule: run-length of the task picked at each decision ---- */
static char *sched_buf;
static size_t sched_len, sched_cap;
static int last_id = -1;
static unsigned long long last_run;

static void sched_flush(void)
{
	char item[32];
	int n;

	if (last_id < 0)
		return;
	n = snprintf(item, sizeof(item), "%s%d*%llu", sched_len ? " " : "", last_id, last_run);
	if (sched_len + n + 1 > sched_cap) {
		sched_cap = (sched_cap + n + 1) * 2;
		sched_buf = realloc(sched_buf, sched_cap);
		if (!sched_buf)
			sim_die("out of memory for a schedule");
	}
	memcpy(sched_buf + sched_len, item, n + 1);
	sched_len += n;
}

static void sched_record(int id)
{
	/* FNV-1a over the sequence of picks */
	res->hash = (res->hash ^ (unsigned long long)(id + 1)) * 0x100000001b3ULL;
	if (id == last_id) {
		last_run++;
		return;
	}
	sched_flush();
	last_id = id;
	last_run = 1;
}

/* ---- failure: print what the driver needs to replay it, then end ---- */
static char die_info[256];

void ex_die_info(const char *info)
{
	snprintf(die_info, sizeof(die_info), "%s", info);
}

static void ex_fail(const char *why)
{
	int i;

	sched_flush();
	fprintf(stderr, "explore: FAIL %s: %s\n", die_info, why);
	fprintf(stderr, "explore: at step %llu, decision %llu, virtual time %llu ns\n",
		res->steps, res->decisions, ex_clock_ns());
	for (i = 0; i < ex_nr_tasks; i++) {
		struct ex_task *t = &ex_tasks[i];

		fprintf(stderr, "explore:   task %d %-8s cpu %d %s%s prio %d points %llu\n",
			t->id, t->name, t->cpu,
			t->state == EX_DONE ? "done" : t->state == EX_BLOCKED ? "blocked" : "runnable",
			t->spinning ? " spinning" : "", t->prio, t->points);
	}
	fprintf(stderr, "explore: schedule (task*decisions): %s\n", sched_buf ? sched_buf : "");
	fflush(NULL);
	_exit(1);
}

/* The schedule up to the point of death (the process ends anyway). */
static void print_schedule_so_far(void)
{
	sched_flush();
	last_id = -1;
	fprintf(stderr, "explore: schedule so far (task*decisions): %s\n",
		sched_buf ? sched_buf : "");
}

static void on_signal(int sig)
{
	fprintf(stderr, "explore: died (signal %d) in %s\n", sig, die_info);
	print_schedule_so_far();
	fflush(NULL);
	signal(sig, SIG_DFL);
	raise(sig);
}

void __sanitizer_set_death_callback(void (*cb)(void)) __attribute__((weak));

static void on_sanitizer_death(void)
{
	fprintf(stderr, "explore: sanitizer report in %s\n", die_info);
	print_schedule_so_far();
}

/* ---- picking the next task ---- */
static int eligible(struct ex_task *t)
{
	switch (t->state) {
	case EX_RUNNABLE:
		return !(t->spinning && t->spin_epoch == epoch);
	case EX_BLOCKED:
		return t->pred(t->pred_arg);
	default:
		return 0;
	}
}

static struct ex_task *highest(int *n)
{
	struct ex_task *best = NULL;
	int i;

	*n = 0;
	for (i = 0; i < ex_nr_tasks; i++) {
		struct ex_task *t = &ex_tasks[i];

		if (eligible(t)) {
			(*n)++;
			if (!best || t->prio > best->prio)
				best = t;
		}
	}
	return best;
}

/*
 * A decision of a guided run: the prefix's pick, else no preemption (the
 * running task goes on if it can, else the lowest-numbered that can).
 */
static struct ex_task *pick_guided(struct ex_task *me)
{
	unsigned long long d = res->decisions++;
	int i, cur = me && eligible(me) ? me->id : -1, id = -1, def;
	unsigned int options = 0;
	struct ex_choice *c;

	for (i = 0; i < ex_nr_tasks; i++)
		if (eligible(&ex_tasks[i]))
			options |= 1U << i;
	def = cur >= 0 ? cur : __builtin_ctz(options);
	id = def;
	if (d < cfg->prefix_len) {
		id = cfg->prefix[d];
		if (id >= ex_nr_tasks || !(options & (1U << id)))
			ex_fail("the schedule picks a task that cannot run here (not this scenario, variant or build?)");
	}
	if (d >= *cfg->trail_cap) {
		*cfg->trail_cap = *cfg->trail_cap ? *cfg->trail_cap * 2 : 1024;
		*cfg->trail = realloc(*cfg->trail, *cfg->trail_cap * sizeof(**cfg->trail));
		if (!*cfg->trail)
			sim_die("out of memory for a trail");
	}
	c = &(*cfg->trail)[d];
	c->options = options;
	c->def = def;
	c->pick = id;
	c->dev_before = res->deviations;
	if (id != def)
		res->deviations++;
	if (cur >= 0 && id != cur)
		res->preemptions++;
	sched_record(id);
	if (cfg->trace)
		fprintf(stderr, "explore: decision %llu step %llu: task %d (%s), could run %#x%s\n",
			d + 1, res->steps, id, ex_tasks[id].name, options,
			cur >= 0 && id != cur ? ", a preemption" : id != def ? ", a deviation" : "");
	return &ex_tasks[id];
}

/* The task that runs after @me (NULL: @me cannot run and nobody else can). */
static struct ex_task *pick(struct ex_task *me)
{
	struct ex_task *best, *spinner = NULL;
	int i, j, n;

	best = highest(&n);
	if (n > 1 && cfg->guided)
		return pick_guided(me);
	if (n > 1 && cfg->random) {
		/* random walk: any task that can run, uniformly */
		int k = ex_rand() % n;

		res->decisions++;
		for (i = 0; i < ex_nr_tasks; i++)
			if (eligible(&ex_tasks[i]) && !k--)
				best = &ex_tasks[i];
		if (best != me && me && eligible(me))
			res->preemptions++;
		sched_record(best->id);
		return best;
	}
	if (n > 1) {
		/* a decision: at a change point PCT lowers the running task */
		res->decisions++;
		for (j = 0; me && j < nr_changes; j++) {
			if (change_at[j] == res->decisions) {
				me->prio = j + 1;
				best = highest(&n);
			}
		}
		if (best != me && me && eligible(me))
			res->preemptions++;
		sched_record(best->id);
		if (cfg->trace) {
			char el[EX_MAX_TASKS + 1];

			for (i = 0; i < ex_nr_tasks; i++)
				el[i] = eligible(&ex_tasks[i]) ? 'a' + ex_tasks[i].prio :
					"RBD"[ex_tasks[i].state];
			el[i] = 0;
			fprintf(stderr, "explore: decision %llu step %llu: task %d (%s) [%s]\n",
				res->decisions, res->steps, best->id, best->name, el);
		}
		return best;
	}
	if (best)
		return best;
	/* only spinners: they take turns of EX_QUANTUM relaxes */
	if (me && me->state == EX_RUNNABLE && me->quantum) {
		me->quantum--;
		return me;
	}
	for (i = 1; i <= ex_nr_tasks; i++) {
		struct ex_task *t = &ex_tasks[((me ? me->id : -1) + i) % ex_nr_tasks];

		if (t->state == EX_RUNNABLE) {
			spinner = t;
			break;
		}
	}
	if (spinner)
		spinner->quantum = EX_QUANTUM;
	return spinner;
}

static void hand_to(struct ex_task *me, struct ex_task *next)
{
	if (next == me)
		return;
	/* a task that waited catches up with the one that lets it run */
	if (me && next->state == EX_BLOCKED && next->clock < me->clock)
		next->clock = me->clock;
	ex_cur = next;
	sem_post(&next->thread->sem);
	if (me)
		while (sem_wait(&me->thread->sem) && errno == EINTR)
			;
}

static void flush_write(struct ex_task *me)
{
	if (me->pending_write) {
		epoch++;
		me->pending_write = 0;
	}
}

static void maybe_irq(struct ex_task *me)
{
	if (irq_delivered || cfg->irq_task != me->id || me->points < irq_at)
		return;
	if (cfg->irq_kind == SIM_IRQ_HARDIRQ &&
	    (me->ctx->irqs_off || (me->ctx->preempt_count & ~0xffU)))
		return;
	if (cfg->irq_kind == SIM_IRQ_NMI && (me->ctx->preempt_count & SIM_NMI_OFFSET))
		return;
	irq_delivered = 1;
	res->irq_point = me->points;
	if (cfg->trace)
		fprintf(stderr, "explore: interrupt into task %d at its point %llu\n",
			me->id, me->points);
	if (cfg->irq_kind == SIM_IRQ_NMI)
		sim_run_in_nmi(cfg->irq_fn, cfg->irq_arg);
	else
		sim_run_in_hardirq(cfg->irq_fn, cfg->irq_arg);
}

static void step(struct ex_task *me, unsigned long long ns)
{
	res->steps++;
	me->points++;
	me->clock += ns;
	if (me->clock > EX_MAX_VCLOCK || res->steps > EX_MAX_STEPS)
		ex_fail("hang: no progress within the time or step bound (livelock?)");
}

void sim_explore_point(int kind)
{
	struct ex_task *me = ex_self(), *next;

	if (!me)
		return;
	step(me, kind == SIM_SP_RELAX ? EX_RELAX_NS : EX_STEP_NS);
	if (cfg->trace > 1)
		fprintf(stderr, "explore: step %llu task %d kind %d at %p\n", res->steps, me->id,
			kind, __builtin_return_address(0));
	flush_write(me);
	me->spinning = kind == SIM_SP_RELAX;
	me->spin_epoch = epoch;
	if (kind == SIM_SP_WRITE)
		me->pending_write = 1;
	/* not inside the simulator's own state changes (SIM_SP_SCHED) */
	if (kind != SIM_SP_SCHED)
		maybe_irq(me);
	next = pick(me);
	if (!next)
		ex_fail("no task can run");
	hand_to(me, next);
}

void sim_explore_block(int (*pred)(void *arg), void *arg)
{
	struct ex_task *me = ex_self(), *next;

	if (!me)
		sim_die("sim_explore_block() outside of an explored task");
	flush_write(me);
	me->spinning = 0;
	while (!pred(arg)) {
		step(me, EX_STEP_NS);
		me->state = EX_BLOCKED;
		me->pred = pred;
		me->pred_arg = arg;
		next = pick(me);
		if (!next)
			ex_fail("deadlock: every task waits");
		hand_to(me, next);
	}
	me->state = EX_RUNNABLE;
}

static void task_done(struct ex_task *me)
{
	struct ex_task *next;
	int i;

	flush_write(me);
	me->state = EX_DONE;
	me->spinning = 0;
	next = pick(me);
	if (next) {
		hand_to(NULL, next);
	} else {
		for (i = 0; i < ex_nr_tasks; i++)
			if (ex_tasks[i].state != EX_DONE)
				ex_fail("deadlock: every task that did not end waits");
		ex_cur = NULL;
		sem_post(&main_sem);
	}
}

static void *thread_main(void *arg)
{
	struct ex_thread *th = arg;
	struct ex_task *t;

	th->ctx = &sim_ctx;
	for (;;) {
		sem_post(&main_sem);		/* ready for a task */
		while (sem_wait(&th->sem) && errno == EINTR)
			;
		if (th->quit)
			return NULL;
		t = th->task;
		self = t;
		sim_ctx.cpu = t->cpu;
		t->fn(t->arg);
		if (sim_ctx.preempt_count || sim_ctx.irqs_off || sim_ctx.occupied ||
		    sim_ctx.rcu_depth || sim_ctx.rcu_trace_depth)
			ex_fail("a task ended non-preemptible or inside an RCU reader");
		task_done(t);
		self = NULL;
		while (sem_wait(&th->gate) && errno == EINTR)
			;
	}
}

static struct ex_thread threads[EX_MAX_TASKS];

void ex_start_threads(int n)
{
	int i;

	if (!main_sem_ready) {
		sem_init(&main_sem, 0, 0);
		main_sem_ready = 1;
	}
	for (i = 0; i < n && i < EX_MAX_TASKS; i++) {
		struct ex_thread *th = &threads[i];

		if (th->started)
			continue;
		sem_init(&th->sem, 0, 0);
		sem_init(&th->gate, 0, 0);
		if (sim_thread_start(&th->th, 0, thread_main, th))
			sim_die("explore: cannot start a thread");
		th->started = 1;
		while (sem_wait(&main_sem) && errno == EINTR)
			;
	}
}

void ex_stop_threads(void)
{
	int i;

	for (i = 0; i < EX_MAX_TASKS; i++) {
		struct ex_thread *th = &threads[i];

		if (!th->started)
			continue;
		th->quit = 1;
		sem_post(&th->sem);
		sim_thread_join(&th->th);
		sem_destroy(&th->sem);
		sem_destroy(&th->gate);
		th->started = 0;
	}
}

struct ex_task *ex_add_task(const char *name, int cpu, void (*fn)(void *), void *arg)
{
	struct ex_task *t;

	if (ex_nr_tasks == EX_MAX_TASKS)
		sim_die("more than %d explored tasks", EX_MAX_TASKS);
	t = &ex_tasks[ex_nr_tasks];
	memset(t, 0, sizeof(*t));
	t->id = ex_nr_tasks++;
	t->name = name;
	t->cpu = cpu;
	t->fn = fn;
	t->arg = arg;
	return t;
}

/* Distinct priorities depth..depth+n-1 in random order (Fisher-Yates). */
static void assign_priorities(int depth)
{
	int prio[EX_MAX_TASKS], i;

	for (i = 0; i < ex_nr_tasks; i++)
		prio[i] = depth + i;
	for (i = ex_nr_tasks - 1; i > 0; i--) {
		int j = ex_rand() % (i + 1), tmp = prio[i];

		prio[i] = prio[j];
		prio[j] = tmp;
	}
	for (i = 0; i < ex_nr_tasks; i++)
		ex_tasks[i].prio = prio[i];
}

void ex_run(const struct ex_config *c, struct ex_result *r)
{
	struct ex_task *first;
	int i;

	if (!signals_ready) {
		signals_ready = 1;
		signal(SIGSEGV, on_signal);
		signal(SIGABRT, on_signal);
		signal(SIGBUS, on_signal);
		if (__sanitizer_set_death_callback)
			__sanitizer_set_death_callback(on_sanitizer_death);
	}
	cfg = c;
	res = r;
	memset(r, 0, sizeof(*r));
	r->hash = 0xcbf29ce484222325ULL;
	rng = c->seed;
	epoch = 0;
	sched_len = 0;
	if (sched_buf)
		sched_buf[0] = 0;
	last_id = -1;
	assign_priorities(c->depth);
	nr_changes = c->depth > 1 ? c->depth - 1 : 0;
	if (nr_changes > EX_MAX_CHANGES)
		nr_changes = EX_MAX_CHANGES;
	for (i = 0; i < nr_changes; i++)
		change_at[i] = 1 + ex_rand() % (c->est_decisions ? c->est_decisions : 1);
	irq_delivered = c->irq_task < 0;
	irq_at = 1 + ex_rand() % (c->irq_est_points ? c->irq_est_points : 1);
	if (c->irq_at)
		irq_at = c->irq_at;

	/* give every task a thread; each waits for the baton */
	for (i = 0; i < ex_nr_tasks; i++) {
		struct ex_task *t = &ex_tasks[i];
		struct ex_thread *th = &threads[i];

		t->state = EX_RUNNABLE;
		t->thread = th;
		th->task = t;
		if (!th->started)
			sim_die("explore: no thread for task %d", i);
		/* its sim_ctx, for the RCU model, before anything runs */
		t->ctx = th->ctx;
	}
	sim_explore_on = 1;
	first = pick(NULL);
	hand_to(NULL, first);
	while (sem_wait(&main_sem) && errno == EINTR)
		;
	sim_explore_on = 0;
	sched_flush();
	r->vclock = ex_clock_ns();
	r->schedule = strdup(sched_buf ? sched_buf : "");
	/* back to the pool: each waits for its next task */
	for (i = 0; i < ex_nr_tasks; i++) {
		sem_post(&threads[i].gate);
		while (sem_wait(&main_sem) && errno == EINTR)
			;
	}
	ex_nr_tasks = 0;
}
