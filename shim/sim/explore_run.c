// SPDX-License-Identifier: GPL-2.0
/*
 * shim --explore: run the scenarios (explore/ files) one schedule per seed and
 * report what was covered.
 *
 *   shim --explore [--scenario GLOB[,GLOB...]] [--seeds N] [--first-seed S]
 *                  [--depth D] [--replay SCENARIO:SEED] [--trace]
 *   shim --explore --bounded P [--max-runs N] [--scenario ...] [--variant V]
 *   shim --explore --scenario NAME [--variant V] [--irq-at N] --schedule S
 *
 * Every run is judged: each task ended (no deadlock, no livelock within
 * the virtual time bound: sim/explore.c), the scenario's check() of the end
 * state, no warning but the one the scenario declares, and no object left
 * allocated once the scenario tore its machine state down.  The first
 * failing run stops everything, prints its seed, schedule and the command
 * that replays it, exit status 1.
 *
 * A seed fixes everything a run chooses: the scenario variant (seed modulo
 * their number: which lock fails, ...), the PCT priorities and change
 * points, the interrupt's point.  PCT's k (expected number of decisions)
 * and the interrupt's range come from a calibration run (seed 0, no change
 * point), which is itself deterministic, so --replay gives the same run.
 */
#define _GNU_SOURCE
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/sim.h"
#include "shim/explore.h"
#include "sim-internal.h"
#include "explore-internal.h"

#define EX_HASHES	(1 << 20)

struct ex_stats {
	unsigned long runs, distinct, events, event_runs;
	unsigned long long max_steps, max_vclock, max_decisions, total_steps;
	int max_preemptions;
	unsigned long long hashes[EX_HASHES];
	unsigned long irq_runs;
};

static struct ex_stats stats;
static int trace;
/* 0: PCT, 1: random walk, 2: both, by seed */
static int strategy = 2;
/* seeds of the slow scenarios (-1: a tenth of --seeds) */
static long slow_seeds = -1;
/* points the interrupted task passed in the last run (its irq range) */
static unsigned long long irq_task_points;

/*
 * Guided runs: the bounded search and --schedule.  A run follows the picks
 * of prefix[] at its first decisions, then preempts nobody (explore.c);
 * trail[] gets every decision of the run.
 */
struct guided {
	int variant;
	unsigned long long irq_at;
	const unsigned char *prefix;
	unsigned long long len;
};
static struct ex_choice *trail;
static unsigned long long trail_cap;
/* options: --variant, --irq-at, --schedule, --bounded, --max-runs */
static int opt_variant = -1;
static unsigned long long opt_irq_at;
static const char *opt_schedule;
static int opt_bound = -1;
static unsigned long opt_max_runs = 200000;

static void count_hash(unsigned long long h)
{
	unsigned long i = h % EX_HASHES;

	if (!h)
		h = 1;
	while (stats.hashes[i]) {
		if (stats.hashes[i] == h)
			return;
		i = (i + 1) % EX_HASHES;
	}
	if (stats.distinct < EX_HASHES - 1) {
		stats.hashes[i] = h;
		stats.distinct++;
	}
}

/* The options that replay a guided run (its schedule follows them). */
static void guided_args(char *buf, size_t size, const struct sim_ex_scenario *s,
			const struct guided *g)
{
	int n = snprintf(buf, size, "--scenario %s --variant %d", s->name, g->variant);

	if (g->irq_at && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - n, " --irq-at %llu", g->irq_at);
}

static void fail_run(const struct sim_ex_scenario *s, unsigned long long seed,
		     const struct guided *g, const struct ex_result *r, const char *why)
{
	char args[160];

	if (g) {
		guided_args(args, sizeof(args), s, g);
		fprintf(stderr, "explore: FAIL scenario %s (bounded search) %s: %s\n", s->name,
			args, why);
		fprintf(stderr, "explore: schedule (task*decisions): %s\n", r->schedule);
		fprintf(stderr, "explore: replay: shim --explore %s --schedule '%s'\n", args,
			r->schedule);
	} else {
		fprintf(stderr, "explore: FAIL scenario %s seed %llu: %s\n", s->name, seed, why);
		fprintf(stderr, "explore: schedule (task*decisions): %s\n", r->schedule);
		fprintf(stderr, "explore: replay: shim --explore --replay %s:%llu\n", s->name, seed);
	}
	fflush(NULL);
	exit(1);
}

/*
 * The scenario's teardown, itself explored (one task and the RCU callback
 * task, no choice to make): its grace periods and callbacks are the
 * explorer's, which are instant, instead of liburcu's, which take
 * milliseconds each.
 */
static void teardown(const struct sim_ex_scenario *s, void *ctx)
{
	struct ex_config cfg = { .depth = 1, .est_decisions = 1, .irq_task = -1 };
	struct ex_result r;

	ex_rcu_reset();
	ex_add_task("teardown", 0, s->teardown, ctx);
	ex_add_task("rcu", sim_nr_cpus - 2, ex_rcu_task, NULL);
	ex_run(&cfg, &r);
	free(r.schedule);
}

/* One run; returns the events the scenario counted. */
static unsigned long run_one(const struct sim_ex_scenario *s, unsigned long long seed,
			     int depth, unsigned long long k, unsigned long long irq_points,
			     struct ex_result *r, const struct guided *g)
{
	struct sim_warn_expect expect = { .file = s->warn_file, .cond = s->warn_cond };
	int variant = g ? g->variant : s->nr_variants ? (int)(seed % s->nr_variants) : 0;
	unsigned long warned = sim_warn_unexpected(), events = 0;
	long allocated = sim_slab_outstanding();
	struct ex_config cfg = {
		.seed = seed * 0x2545f4914f6cdd1dULL + 1,
		/* odd seeds PCT, even seeds a random walk (not seed 0: calibration) */
		.random = strategy == 2 ? seed && !(seed & 1) : strategy,
		.depth = depth,
		.est_decisions = k,
		.irq_task = s->irq_task,
		.irq_kind = s->irq_kind,
		.irq_fn = s->irq_fn,
		.irq_est_points = irq_points,
		.trace = trace,
	};
	char info[400], vname[64] = "", args[160];
	const char *why;
	void *ctx;
	int i;

	if (s->variant_name)
		s->variant_name(variant, vname, sizeof(vname));
	if (g) {
		cfg.guided = 1;
		cfg.prefix = g->prefix;
		cfg.prefix_len = g->len;
		cfg.trail = &trail;
		cfg.trail_cap = &trail_cap;
		cfg.irq_at = g->irq_at;
		guided_args(args, sizeof(args), s, g);
		snprintf(info, sizeof(info), "scenario %s%s%s, a guided run (replay: shim --explore "
			 "%s --schedule '<the schedule below>')", s->name, *vname ? " variant " : "",
			 vname, args);
	} else {
		snprintf(info, sizeof(info), "scenario %s seed %llu%s%s (replay: shim --explore --replay %s:%llu)",
			 s->name, seed, *vname ? " variant " : "", vname, s->name, seed);
	}
	ex_die_info(info);
	if (trace)
		fprintf(stderr, "explore: %s\n", info);
	if (trace > 1)	/* for addr2line on the step addresses */
		fprintf(stderr, "explore: sim_explore_main at %p\n", (void *)sim_explore_main);
	if (s->warn_file)
		sim_warn_expect_arm(&expect);
	sim_objkey_start();
	ctx = s->setup(variant);
	cfg.irq_arg = ctx;
	ex_rcu_reset();
	for (i = 0; i < s->nr_tasks; i++)
		ex_add_task(s->task[i].name, s->task[i].cpu, s->task[i].fn, ctx);
	/* RCU callbacks: a task of their own, on the CPU before the kworker's */
	ex_add_task("rcu", sim_nr_cpus - 2, ex_rcu_task, NULL);
	ex_run(&cfg, r);
	irq_task_points = s->irq_task >= 0 ? ex_tasks[s->irq_task].points : 0;
	why = s->check(ctx);
	if (s->events)
		events = s->events(ctx);
	teardown(s, ctx);
	/* what the teardown left to RCU and the kworker (explore off) */
	if (sim_rcu_pending() || s->quiesce)
		shim_quiesce();
	sim_objkey_stop();
	if (s->warn_file)
		sim_warn_expect_disarm(&expect);
	if (why)
		fail_run(s, seed, g, r, why);
	if (sim_warn_unexpected() != warned)
		fail_run(s, seed, g, r, "unexpected warning");
	if (sim_slab_outstanding() != allocated) {
		static char buf[80];

		snprintf(buf, sizeof(buf), "%ld object(s) leaked",
			 sim_slab_outstanding() - allocated);
		fail_run(s, seed, g, r, buf);
	}
	if (cfg.trace)
		fprintf(stderr, "explore: run of seed %llu: %llu steps, %llu decisions, %d preemptions, "
			"interrupt at point %llu, %.3f ms virtual, hash %016llx\n"
			"explore: schedule (task*decisions): %s\n", seed, r->steps, r->decisions,
			r->preemptions, r->irq_point, r->vclock / 1e6, r->hash, r->schedule);
	return events;
}

/*
 * Count a run; distinct by its picks, the interrupt's point and the variant
 * (seeds of two variants may pick alike, and so may two interrupt points).
 */
static void note_run(const struct ex_result *r, unsigned long ev, int variant)
{
	count_hash(r->hash ^ (r->irq_point * 0x9e3779b97f4a7c15ULL) ^
		   ((unsigned long long)variant << 48));
	stats.runs++;
	stats.events += ev;
	stats.event_runs += ev > 0;
	stats.irq_runs += r->irq_point > 0;
	stats.total_steps += r->steps;
	if (r->steps > stats.max_steps)
		stats.max_steps = r->steps;
	if (r->vclock > stats.max_vclock)
		stats.max_vclock = r->vclock;
	if (r->decisions > stats.max_decisions)
		stats.max_decisions = r->decisions;
	if (r->preemptions > stats.max_preemptions)
		stats.max_preemptions = r->preemptions;
}

/*
 * Bounded exhaustive search, delay-bounded (Emmi, Qadeer and Rakamaric,
 * "Delay-bounded scheduling", POPL 2011; after the preemption bounding of
 * Musuvathi and Qadeer, PLDI 2007): every schedule that deviates at most
 * @bound times from the non-preemptive scheduler, for every variant and,
 * with an interrupt, every point of the interrupted task.  That scheduler
 * lets the running task go on while it can, else runs the lowest-numbered
 * task that can; a deviation is any other pick: a preemption, or another
 * task when the running one blocked, ended or spins on unchanged memory.
 * (Counting only preemptions, the free picks at every spin of a wait loop
 * multiply the schedules beyond any budget.)  Spinning costs nothing:
 * a spinner cannot run again before memory changed.  Depth-first over the
 * decisions: each run replays the picks of the previous one up to the last
 * decision that still has an untried pick within the bound, takes that
 * pick, and then deviates no more.
 */
static unsigned long long search(const struct sim_ex_scenario *s, struct guided *g,
				 int bound, unsigned long max_runs, int *cut)
{
	static unsigned char *prefix;
	static unsigned long long prefix_cap;
	unsigned long long len = 0, d, n = 0, ev;
	struct ex_result r;
	int id, found;

	do {
		if (len > prefix_cap) {
			prefix_cap = len * 2;
			prefix = realloc(prefix, prefix_cap);
			if (!prefix)
				sim_die("out of memory for a prefix");
		}
		for (d = 0; d < len; d++)
			prefix[d] = trail[d].pick;
		g->prefix = prefix;
		g->len = len;
		ev = run_one(s, 0, 1, 1, 1, &r, g);
		note_run(&r, ev, g->variant);
		free(r.schedule);
		n++;
		/* the decisions after the prefix are new: only their pick tried */
		for (d = len; d < r.decisions; d++)
			trail[d].done = 1U << trail[d].pick;
		found = 0;
		for (d = r.decisions; d-- > 0 && !found; ) {
			struct ex_choice *c = &trail[d];

			for (id = 0; id < EX_MAX_TASKS && !found; id++) {
				if (!(c->options & ~c->done & (1U << id)))
					continue;
				c->done |= 1U << id;
				if (c->dev_before + (id != c->def) > bound)
					continue;
				c->pick = id;
				len = d + 1;
				found = 1;
			}
		}
		if (found && stats.runs >= max_runs) {
			*cut = 1;
			break;
		}
	} while (found);
	return n;
}

static void explore_bounded(const struct sim_ex_scenario *s, int bound, unsigned long max_runs)
{
	unsigned long long t0 = sim_host_clock_ns(), points = 0, p;
	int v, nv = s->nr_variants ? s->nr_variants : 1, cut = 0, nvar = 0;
	struct guided g = { 0 };
	struct ex_result r;
	double secs;

	memset(&stats, 0, sizeof(stats));
	if (s->irq_task >= 0) {
		/* the interrupted task's points, in a run without preemption or interrupt */
		g.irq_at = ~0ULL;
		run_one(s, 0, 1, 1, 1, &r, &g);
		free(r.schedule);
		points = irq_task_points;
	}
	for (v = 0; v < nv && !cut; v++) {
		if (opt_variant >= 0 && v != opt_variant)
			continue;
		nvar++;
		g.variant = v;
		if (!points) {
			g.irq_at = 0;
			search(s, &g, bound, max_runs, &cut);
			continue;
		}
		for (p = 1; p <= points && !cut; p++) {
			g.irq_at = opt_irq_at ? opt_irq_at : p;
			search(s, &g, bound, max_runs, &cut);
			if (opt_irq_at)
				break;
		}
	}
	secs = (sim_host_clock_ns() - t0) / 1e9;
	printf("explore: %-22s bounded search, <= %d deviation(s): %lu schedules (%lu distinct), "
	       "%d variant(s)%s%s, 0 failures, %s\n", s->name, bound, stats.runs, stats.distinct,
	       nvar, points ? " x interrupt at each of the task's points" : "",
	       "", cut ? "INCOMPLETE (stopped at --max-runs)" : "complete");
	printf("explore: %-22s longest run %llu steps / %llu decisions / %.3f ms virtual, "
	       "%.1f schedules/s\n", s->name, stats.max_steps, stats.max_decisions,
	       stats.max_vclock / 1e6, stats.runs / (secs > 0 ? secs : 1));
	if (s->event_name)
		printf("explore: %-22s %s: %lu in %lu of %lu runs\n", s->name, s->event_name,
		       stats.events, stats.event_runs, stats.runs);
	fflush(stdout);
}

/* --schedule 'T*N T*N ...': one guided run with those picks. */
static void replay_schedule(const struct sim_ex_scenario *s)
{
	unsigned char *prefix = NULL;
	unsigned long long len = 0, cap = 0, n;
	const char *p = opt_schedule;
	struct guided g = { .variant = opt_variant >= 0 ? opt_variant : 0, .irq_at = opt_irq_at };
	struct ex_result r;
	char *end;
	int id;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		id = strtol(p, &end, 10);
		if (end == p || *end != '*' || id < 0 || id >= EX_MAX_TASKS)
			sim_die("explore: bad schedule at '%s' (want TASK*COUNT ...)", p);
		n = strtoull(end + 1, &end, 10);
		p = end;
		while (n--) {
			if (len == cap) {
				cap = cap ? cap * 2 : 256;
				prefix = realloc(prefix, cap);
				if (!prefix)
					sim_die("out of memory for a schedule");
			}
			prefix[len++] = id;
		}
	}
	g.prefix = prefix;
	g.len = len;
	run_one(s, 0, 1, 1, 1, &r, &g);
	printf("explore: %s: the schedule ran to its end without a failure (%llu decisions)\n",
	       s->name, r.decisions);
	free(r.schedule);
	free(prefix);
}

static void explore_scenario(const struct sim_ex_scenario *s, unsigned long long first,
			     unsigned long seeds, int depth)
{
	unsigned long long t0 = sim_host_clock_ns(), k, irq_points, seed, first_hash = 0;
	struct ex_result cal, r;
	double secs;
	unsigned long ev;
	int saved_trace;
	char how[48];

	memset(&stats, 0, sizeof(stats));
	/* calibration: seed 0 without change points gives k and the irq range */
	saved_trace = trace;
	trace = 0;
	run_one(s, 0, 1, 1, 1, &cal, NULL);
	trace = saved_trace;
	free(cal.schedule);
	k = cal.decisions > 0 ? cal.decisions : 1;
	irq_points = irq_task_points;
	if (!irq_points)
		irq_points = 1;
	for (seed = first; seed < first + seeds; seed++) {
		ev = run_one(s, seed, depth, k, irq_points, &r, NULL);
		note_run(&r, ev, s->nr_variants ? (int)(seed % s->nr_variants) : 0);
		if (seed == first)
			first_hash = r.hash;
		free(r.schedule);
	}
	secs = (sim_host_clock_ns() - t0) / 1e9;
	/* the first seed once more: a replay must give the same schedule */
	run_one(s, first, depth, k, irq_points, &r, NULL);
	free(r.schedule);
	if (r.hash != first_hash) {
		fprintf(stderr, "explore: FAIL scenario %s seed %llu: a second run took another "
			"schedule (%016llx, then %016llx): not deterministic\n", s->name, first,
			first_hash, r.hash);
		exit(1);
	}
	if (strategy == 1)
		snprintf(how, sizeof(how), "random walk");
	else
		snprintf(how, sizeof(how), "PCT depth %d%s", depth,
			 strategy ? " + random walk" : "");
	printf("explore: %-22s %lu schedules (%lu distinct), %s, k %llu, "
	       "seeds %llu..%llu, 0 failures, seed %llu replayed identically\n", s->name,
	       stats.runs, stats.distinct, how, k, first, first + seeds - 1, first);
	printf("explore: %-22s longest run %llu steps / %llu decisions / %.3f ms virtual, "
	       "max %d preemptions, interrupt delivered in %lu runs, %.1f schedules/s\n",
	       s->name, stats.max_steps, stats.max_decisions, stats.max_vclock / 1e6,
	       stats.max_preemptions, stats.irq_runs, stats.runs / (secs > 0 ? secs : 1));
	if (s->event_name)
		printf("explore: %-22s %s: %lu in %lu of %lu runs\n", s->name, s->event_name,
		       stats.events, stats.event_runs, stats.runs);
	fflush(stdout);
}

/* GLOB[,GLOB...] matches @name */
static int match(const char *globs, const char *name)
{
	char buf[256], *tok, *save;

	snprintf(buf, sizeof(buf), "%s", globs);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (!fnmatch(tok, name, 0))
			return 1;
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: shim --explore [--scenario GLOB,...] [--seeds N] [--first-seed S]\n"
		"                    [--depth D] [--strategy pct|random|mixed] [--slow-seeds N]\n"
		"                    [--replay SCENARIO:SEED] [--trace] [--trace-steps] [--list]\n"
		"                    [--bounded P [--max-runs N]] [--variant V] [--irq-at N]\n"
		"                    [--schedule 'TASK*COUNT ...']\n");
	exit(2);
}

int sim_explore_main(int argc, char **argv)
{
	const char *glob = "*", *replay = NULL;
	unsigned long long first = 1;
	unsigned long seeds = 100, n;
	int depth = 3, i, found = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--scenario") && i + 1 < argc)
			glob = argv[++i];
		else if (!strcmp(argv[i], "--seeds") && i + 1 < argc)
			seeds = strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--first-seed") && i + 1 < argc)
			first = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--depth") && i + 1 < argc)
			depth = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--replay") && i + 1 < argc)
			replay = argv[++i];
		else if (!strcmp(argv[i], "--trace"))
			trace = 1;
		else if (!strcmp(argv[i], "--slow-seeds") && i + 1 < argc)
			slow_seeds = strtol(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--variant") && i + 1 < argc)
			opt_variant = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--irq-at") && i + 1 < argc)
			opt_irq_at = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--schedule") && i + 1 < argc)
			opt_schedule = argv[++i];
		else if (!strcmp(argv[i], "--bounded") && i + 1 < argc)
			opt_bound = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--max-runs") && i + 1 < argc)
			opt_max_runs = strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--trace-steps"))
			trace = 2;
		else if (!strcmp(argv[i], "--strategy") && i + 1 < argc) {
			i++;
			strategy = !strcmp(argv[i], "pct") ? 0 : !strcmp(argv[i], "random") ? 1 :
				   !strcmp(argv[i], "mixed") ? 2 : -1;
			if (strategy < 0)
				usage();
		}
		else if (!strcmp(argv[i], "--list")) {
			for (i = 0; sim_ex_scenarios[i]; i++)
				printf("%-22s %s\n", sim_ex_scenarios[i]->name, sim_ex_scenarios[i]->what);
			return 0;
		} else
			usage();
	}
	if (replay) {
		const char *colon = strrchr(replay, ':');
		static char name[64];

		if (!colon || colon - replay >= (long)sizeof(name))
			usage();
		memcpy(name, replay, colon - replay);
		name[colon - replay] = 0;
		glob = name;
		first = strtoull(colon + 1, NULL, 0);
		seeds = 1;
		if (!trace)
			trace = 1;
	}
	/* the threads first, so that their task_structs are no run's leak */
	ex_start_threads(SIM_EX_MAX_TASKS + 1);
	for (i = 0; sim_ex_scenarios[i]; i++) {
		if (!match(glob, sim_ex_scenarios[i]->name))
			continue;
		found++;
		if (opt_schedule) {
			if (!trace)
				trace = 1;
			replay_schedule(sim_ex_scenarios[i]);
			break;
		}
		if (opt_bound >= 0) {
			explore_bounded(sim_ex_scenarios[i], opt_bound, opt_max_runs);
			continue;
		}
		/* slow scenarios (long virtual waits) get a tenth of the seeds */
		n = seeds;
		if (sim_ex_scenarios[i]->slow && !replay)
			n = slow_seeds >= 0 ? (unsigned long)slow_seeds : seeds >= 10 ? seeds / 10 : seeds;
		if (n)
			explore_scenario(sim_ex_scenarios[i], first, n, depth);
	}
	ex_stop_threads();
	if (!found) {
		fprintf(stderr, "explore: no scenario matches '%s'\n", glob);
		return 1;
	}
	return 0;
}
