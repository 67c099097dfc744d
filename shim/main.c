// SPDX-License-Identifier: GPL-2.0
/*
 * The shim's entry point.
 *
 *   shim [--cpus N] [--filter GLOB[,GLOB...]] [--fault SITE:NTH|every:ERR]
 *        [--expect-warn FILE:COND]... [--bench [bench options]]
 *
 * --filter: kunit.py's filter_glob (kunit/filter.c); a glob that selects no
 * case is an error.
 * Default: run every KUnit suite (kernel suites of the patched tree and the
 * shim's own), KTAP on stdout; exit status 1 if a case failed, a warning
 * nobody expected was hit, or (without --fault) an object was leaked.
 * --expect-warn: a warning the whole run may hit (fault sweeps); its hits
 * are reported at the end.
 * Environment: SHIM_FAULT (same as --fault), SHIM_KUNIT_TIMEOUT (seconds).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/sim.h"

static void usage(void)
{
	fprintf(stderr, "usage: shim [--cpus N] [--filter GLOBS] [--fault SPEC]\n"
		"            [--expect-warn FILE:COND]... [--bench ...]\n");
	exit(2);
}

static void expect_warn(const char *spec, struct sim_warn_expect *expects, int *nr)
{
	if (*nr == SIM_WARN_EXPECT_MAX || sim_warn_expect_parse(spec, &expects[*nr]))
		usage();
	sim_warn_expect_arm(&expects[(*nr)++]);
}

int main(int argc, char **argv)
{
	const char *filter = getenv("SHIM_FILTER"), *fault = getenv("SHIM_FAULT");
	struct sim_warn_expect expects[SIM_WARN_EXPECT_MAX];
	int cpus = 4, i, ret, nr_expects = 0;
	long leaked;

	/*
	 * shim --explore ...: the explorer; 5 CPUs for the tasks of a
	 * scenario, 1 for RCU callbacks, the last one for the kworker
	 */
	if (argc > 1 && !strcmp(argv[1], "--explore")) {
		shim_boot(7);
		ret = sim_explore_main(argc - 1, argv + 1);
		shim_shutdown();
		leaked = sim_slab_outstanding();
		fprintf(stderr, "shim: explore %s, %lu warning(s) (%lu unexpected), %ld object(s) leaked\n",
			ret || leaked || sim_warn_unexpected() ? "FAILED" : "passed",
			sim_warn_count(), sim_warn_unexpected(), leaked);
		return ret || leaked || sim_warn_unexpected() ? 1 : 0;
	}
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--cpus") && i + 1 < argc)
			cpus = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--filter") && i + 1 < argc)
			filter = argv[++i];
		else if (!strcmp(argv[i], "--fault") && i + 1 < argc)
			fault = argv[++i];
		else if (!strcmp(argv[i], "--expect-warn") && i + 1 < argc)
			expect_warn(argv[++i], expects, &nr_expects);
		else if (!strcmp(argv[i], "--bench"))
			break;
		else
			usage();
	}
	shim_boot(cpus);
	if (i < argc) {
		ret = shim_bench_main(argc - i, argv + i);
	} else {
		if (fault && *fault) {
			struct sim_fault_cfg cfg;

			if (shim_fault_parse(fault, &cfg))
				usage();
			sim_fault_set(&cfg);
		}
		ret = kunit_run_all(filter);
		if (ret < 0) {
			fprintf(stderr, "shim: bad filter '%s'\n", filter);
			usage();
		}
	}
	sim_fault_clear();
	shim_shutdown();
	if (fault && *fault)
		shim_fault_report();
	/*
	 * Every object the kernel-side code allocated must be gone now; this is
	 * the leak check of builds without LeakSanitizer.  Not with injected
	 * faults, where the design may leak (see README).
	 */
	leaked = sim_slab_outstanding();
	if (leaked && !(fault && *fault))
		ret = 1;
	for (i = 0; i < nr_expects; i++)
		sim_warn_expect_report(&expects[i]);
	if (sim_warn_unexpected())
		ret = 1;
	fprintf(stderr, "shim: %s, %lu warning(s) (%lu unexpected), %lu lock fault(s) injected, "
		"%ld object(s) leaked\n", ret ? "FAILED" : "passed", sim_warn_count(),
		sim_warn_unexpected(), sim_fault_injected(), leaked);
	fflush(NULL);
	return ret ? 1 : 0;
}
