/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scenarios of the explorer (shim --explore): the boundary between the
 * driver (sim/explore*.c, libc side) and the scenarios (explore/ files,
 * kernel side).  Plain C types only, like shim/sim.h.
 *
 * A scenario is a few tasks, each bound to a CPU, started together on a
 * machine prepared by setup() and explored by the driver one schedule per
 * seed; check() judges the end state after every task returned and every
 * RCU callback ran.  An optional interrupt (hardirq or NMI) is delivered
 * to one task at a point the seed picks.
 */
#ifndef __SHIM_EXPLORE_H
#define __SHIM_EXPLORE_H

#define SIM_EX_MAX_TASKS	5

struct sim_ex_scenario {
	const char *name;
	const char *what;		/* one line for the report */
	int nr_tasks;
	struct {
		const char *name;
		int cpu;
		void (*fn)(void *ctx);
	} task[SIM_EX_MAX_TASKS];
	/* interrupt: fn(ctx) on task irq_task (-1: none), kind SIM_IRQ_* */
	int irq_task;
	int irq_kind;
	void (*irq_fn)(void *ctx);
	/*
	 * Variation of the seed that is not a schedule (which lock fails,
	 * ...): setup() gets the seed's choice in 0..nr_variants-1 (0 if
	 * nr_variants is 0).
	 */
	int nr_variants;
	const char *(*variant_name)(int variant, char *buf, unsigned long size);
	/* explore mode off: build the machine state; the scenario's context */
	void *(*setup)(int variant);
	/* NULL: the run is fine, else what is wrong (explore mode off) */
	const char *(*check)(void *ctx);
	/* free what setup() made (an explored task of its own, see there) */
	void (*teardown)(void *ctx);
	/* after teardown(), wait for the kworker and RCU (shim_quiesce()) */
	int quiesce;
	/* runs take long (virtual timeouts spun through): a tenth of the seeds */
	int slow;
	/* warnings (file suffix, condition) this scenario may hit, or NULL */
	const char *warn_file, *warn_cond;
	/* variants of this scenario count events (spurious failures, ...) */
	const char *event_name;
	unsigned long (*events)(void *ctx);
};

/* explore/scenarios.c: every scenario, NULL-terminated */
extern const struct sim_ex_scenario *const sim_ex_scenarios[];

#endif /* __SHIM_EXPLORE_H */
