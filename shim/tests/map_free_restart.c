// SPDX-License-Identifier: GPL-2.0
/*
 * SHIM-ONLY suite (not part of the kernel series): map tear-down while the
 * scheduler wants the CPU back.
 *
 * bpf_local_storage_map_free() walks each bucket under rcu_read_lock();
 * when need_resched() says so after an element, it leaves the read section
 * (cond_resched_rcu()), after which the element it stood on may be freed,
 * and restarts the bucket from its head.  With need_resched() true after
 * every 1st, 2nd or 3rd element (sim_set_need_resched_period()), the walk
 * must still visit every element exactly once - one bucket lock and one
 * storage lock taken per element, counted at the storage code's lock
 * call-outs - and leave nothing: every owner's storage is gone with its
 * last element, its charge is back to 0, and once the owners are gone too
 * the slab holds what it held before the case.
 */
#include "helpers.h"
#include <linux/bpf_local_storage.h>

#define VAL_SIZE	16
#define NR_OWNERS	32

struct restart_param {
	unsigned int period;
	bool sk;
	char desc[16];
};

static struct restart_param restart_params[] = {
	{ 1, true, "sk_every1" },
	{ 2, true, "sk_every2" },
	{ 3, true, "sk_every3" },
	{ 1, false, "task_every1" },
	{ 3, false, "task_every3" },
};

KUNIT_ARRAY_PARAM_DESC(restart, restart_params, desc);

static void need_resched_off(void *unused)
{
	sim_set_need_resched_period(0);
}

static void map_free_restart(struct kunit *test)
{
	const struct restart_param *p = test->param_value;
	const struct shim_variant *v = &patched__shim_variant_table;
	/* counts the lock call-outs, fails none */
	const struct sim_fault_cfg count = { .sites = ~0ULL, .nth = LONG_MAX, .err = -EDEADLK };
	unsigned long visits_b, visits_ls, said_yes;
	struct task_struct *task[NR_OWNERS];
	struct sock *sk[NR_OWNERS];
	int fd[NR_OWNERS], i;
	struct bpf_map *map;
	long slab;

	kunit_add_action(test, end_case, NULL);
	shim_quiesce();
	slab = sim_slab_outstanding();
	map = new_map(test, p->sk ? v->sk_ops : v->task_ops,
		      p->sk ? BPF_MAP_TYPE_SK_STORAGE : BPF_MAP_TYPE_TASK_STORAGE,
		      VAL_SIZE, BPF_F_NO_PREALLOC, NULL, 0);
	for (i = 0; i < NR_OWNERS; i++) {
		u64 value[VAL_SIZE / 8] = { i };

		if (p->sk) {
			sk[i] = new_sock(test, v, &fd[i]);
		} else {
			task[i] = new_task(test, v);
			fd[i] = add_fd(test, shim_task_pidfd(task[i]));
		}
		rcu_read_lock();
		KUNIT_ASSERT_EQ(test, map->ops->map_update_elem(map, &fd[i], value, BPF_NOEXIST), 0);
		rcu_read_unlock();
	}

	test_fault_on(&count);
	visits_b = sim_fault_site_hits(BPF_LS_TEST_MAP_FREE_B);
	visits_ls = sim_fault_site_hits(BPF_LS_TEST_MAP_FREE_LS);
	said_yes = sim_need_resched_count();
	sim_set_need_resched_period(p->period);
	kunit_add_action(test, need_resched_off, NULL);
	kunit_release_action(test, release_map, map);
	shim_quiesce();		/* map_free runs in the kworker */
	kunit_release_action(test, need_resched_off, NULL);
	test_fault_off();

	KUNIT_EXPECT_EQ(test, sim_fault_site_hits(BPF_LS_TEST_MAP_FREE_B) - visits_b, NR_OWNERS);
	KUNIT_EXPECT_EQ(test, sim_fault_site_hits(BPF_LS_TEST_MAP_FREE_LS) - visits_ls, NR_OWNERS);
	/* the restart path ran: after every element, or every other, ... */
	KUNIT_EXPECT_GE(test, sim_need_resched_count() - said_yes, NR_OWNERS / p->period);
	for (i = 0; i < NR_OWNERS; i++) {
		if (p->sk) {
			KUNIT_EXPECT_NULL(test, rcu_access_pointer(sk[i]->sk_bpf_storage));
			KUNIT_EXPECT_EQ(test, atomic_read(&sk[i]->sk_omem_alloc), 0);
		} else {
			KUNIT_EXPECT_NULL(test, rcu_access_pointer(task[i]->bpf_storage));
		}
	}

	for (i = 0; i < NR_OWNERS; i++) {
		kunit_release_action(test, close_fd_action, (void *)(long)fd[i]);
		if (!p->sk)
			kunit_release_action(test, exit_task, task[i]);
	}
	shim_quiesce();
	KUNIT_EXPECT_EQ_MSG(test, sim_slab_outstanding(), slab,
			    "objects left allocated after the case");
}

static struct kunit_case map_free_restart_cases[] = {
	KUNIT_CASE_PARAM(map_free_restart, restart_gen_params),
	{}
};

static struct kunit_suite map_free_restart_suite = {
	.name = "shim_map_free_restart",
	.test_cases = map_free_restart_cases,
};

kunit_test_suites(&map_free_restart_suite);
