// SPDX-License-Identifier: GPL-2.0
/*
 * The explorer's scenarios (shim --explore), in the order the issue gives
 * their priority.  Those linked into a variant's object carry its prefix.
 */
#include <linux/kernel.h>
#include <shim/explore.h>

extern const struct sim_ex_scenario patched__sim_ex_rqs_aa, patched__sim_ex_rqs_abba,
	patched__sim_ex_rqs_timeout, patched__sim_ex_rqs_nmi;
extern const struct sim_ex_scenario sim_ex_ls_teardown_task, sim_ex_ls_teardown_sk,
	sim_ex_ls_pair_sk, sim_ex_ls_trace_reader, sim_ex_ls_busy_stock,
	sim_ex_ls_busy_patched, sim_ex_ls_cross_task, sim_ex_ls_clone_sk,
	sim_ex_ls_teardown_inode, sim_ex_ls_leak_destroy_sk, sim_ex_ls_leak_map_free_sk,
	sim_ex_ls_trace_delete;

const struct sim_ex_scenario *const sim_ex_scenarios[] = {
	&patched__sim_ex_rqs_aa,
	&patched__sim_ex_rqs_abba,
	&patched__sim_ex_rqs_timeout,
	&patched__sim_ex_rqs_nmi,
	&sim_ex_ls_teardown_task,
	&sim_ex_ls_teardown_sk,
	&sim_ex_ls_teardown_inode,
	&sim_ex_ls_cross_task,
	&sim_ex_ls_clone_sk,
	&sim_ex_ls_pair_sk,
	&sim_ex_ls_leak_destroy_sk,
	&sim_ex_ls_leak_map_free_sk,
	&sim_ex_ls_trace_reader,
	&sim_ex_ls_trace_delete,
	&sim_ex_ls_busy_stock,
	&sim_ex_ls_busy_patched,
	NULL,
};
