/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SHIM-ONLY: helpers of the shim's own suites.  Every object is released by a
 * KUnit deferred action, so a case that fails an assertion (or runs under an
 * injected lock failure in make faults) leaks nothing of its own, and
 * LeakSanitizer reports only leaks of the code under test.
 */
#ifndef __SHIM_TESTS_HELPERS_H
#define __SHIM_TESTS_HELPERS_H

#include <kunit/test.h>
#include <linux/bpf.h>
#include <net/sock.h>
#include <shim/kern.h>

KUNIT_DEFINE_ACTION_WRAPPER(release_map, shim_map_release, struct bpf_map *);
KUNIT_DEFINE_ACTION_WRAPPER(exit_task, shim_task_exit, struct task_struct *);
KUNIT_DEFINE_ACTION_WRAPPER(put_cgroup, cgroup_put, struct cgroup *);
KUNIT_DEFINE_ACTION_WRAPPER(free_inode, shim_inode_free, struct inode *);

static inline void close_fd_action(void *fd)
{
	shim_fd_close((long)fd);
}

/* Lock faults of a case, on top of any configured for the whole run. */
static int shim_test_faults;

static inline void test_fault_on(const struct sim_fault_cfg *cfg)
{
	sim_fault_push(cfg);
	shim_test_faults++;
}

static inline void test_fault_off(void)
{
	if (shim_test_faults) {
		shim_test_faults--;
		sim_fault_pop();
	}
}

/* Registered first in a case, so it runs last. */
static inline void end_case(void *unused)
{
	while (shim_test_faults)
		test_fault_off();
	shim_quiesce();
}

static inline struct bpf_map *new_map(struct kunit *test, const struct bpf_map_ops *ops,
				      enum bpf_map_type type, u32 value_size, u32 flags,
				      const struct shim_value_field *fields, int nr)
{
	struct bpf_map *map = shim_map_create(ops, type, value_size, flags, fields, nr);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, map);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, release_map, map), 0);
	return map;
}

static inline int add_fd(struct kunit *test, int fd)
{
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, close_fd_action, (void *)(long)fd), 0);
	return fd;
}

static inline struct task_struct *new_task(struct kunit *test, const struct shim_variant *v)
{
	struct task_struct *task = shim_task_new("kunit");

	task->shim_variant = v;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, exit_task, task), 0);
	return task;
}

/* The socket lives as long as its descriptor. */
static inline struct sock *new_sock(struct kunit *test, const struct shim_variant *v, int *fd)
{
	struct sock *sk = shim_sock_new();

	sk->shim_variant = v;
	*fd = shim_sock_fd(sk);
	sock_put(sk);
	add_fd(test, *fd);
	return sk;
}

static inline struct cgroup *new_cgroup(struct kunit *test, const struct shim_variant *v,
					int *fd)
{
	struct cgroup *cg = shim_cgroup_new();

	cg->shim_variant = v;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, put_cgroup, cg), 0);
	*fd = add_fd(test, shim_cgroup_fd(cg));
	return cg;
}

static inline struct inode *new_inode(struct kunit *test, const struct shim_variant *v,
				      bool blob, int *fd)
{
	struct inode *inode = shim_inode_new(blob);

	inode->shim_variant = v;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, free_inode, inode), 0);
	*fd = add_fd(test, shim_inode_fd(inode));
	return inode;
}

#endif /* __SHIM_TESTS_HELPERS_H */
