// SPDX-License-Identifier: GPL-2.0
/*
 * SHIM-ONLY suite (not part of the kernel series): end-to-end smoke tests of
 * the four storage types through their map ops and helpers, run against
 * both variants (stock 6.12 and patched).  The behaviour checked here is the
 * part both must share; the series' own KUnit suites test the new
 * behaviour.
 */
#include "helpers.h"

#define VAL_SIZE	64

static const struct shim_variant *variants[] = {
	&stock__shim_variant_table,
	&patched__shim_variant_table,
};

static void variant_desc(const struct shim_variant **v, char *desc)
{
	strscpy(desc, (*v)->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(variant, variants, variant_desc);

static const struct shim_variant *param_variant(struct kunit *test)
{
	kunit_add_action(test, end_case, NULL);
	return *(const struct shim_variant * const *)test->param_value;
}

struct val {
	u64 a;
	u8 pad[VAL_SIZE - 8];
};

static void shim_storage_task_crud(struct kunit *test)
{
	const struct shim_variant *v = param_variant(test);
	struct val in = { .a = 42 }, *out;
	struct task_struct *task;
	struct bpf_map *map;
	int fd;

	map = new_map(test, v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE,
		      BPF_F_NO_PREALLOC, NULL, 0);
	task = new_task(test, v);
	fd = add_fd(test, shim_task_pidfd(task));

	rcu_read_lock();
	KUNIT_EXPECT_PTR_EQ(test, v->task_ops->map_lookup_elem(map, &fd), NULL);
	KUNIT_EXPECT_EQ(test, v->task_ops->map_update_elem(map, &fd, &in, BPF_EXIST), -ENOENT);
	KUNIT_EXPECT_EQ(test, v->task_ops->map_update_elem(map, &fd, &in, BPF_NOEXIST), 0);
	KUNIT_EXPECT_EQ(test, v->task_ops->map_update_elem(map, &fd, &in, BPF_NOEXIST), -EEXIST);
	KUNIT_EXPECT_EQ(test, v->task_ops->map_update_elem(map, &fd, &in, BPF_EXIST | BPF_NOEXIST),
			-EINVAL);
	out = v->task_ops->map_lookup_elem(map, &fd);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, out);
	if (!IS_ERR_OR_NULL(out))
		KUNIT_EXPECT_EQ(test, out->a, 42);
	in.a = 43;
	KUNIT_EXPECT_EQ(test, v->task_ops->map_update_elem(map, &fd, &in, BPF_ANY), 0);
	out = v->task_ops->map_lookup_elem(map, &fd);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, out);
	if (!IS_ERR_OR_NULL(out))
		KUNIT_EXPECT_EQ(test, out->a, 43);
	KUNIT_EXPECT_EQ(test, v->task_ops->map_delete_elem(map, &fd), 0);
	KUNIT_EXPECT_EQ(test, v->task_ops->map_delete_elem(map, &fd), -ENOENT);
	KUNIT_EXPECT_PTR_EQ(test, v->task_ops->map_lookup_elem(map, &fd), NULL);
	KUNIT_EXPECT_EQ(test, v->task_ops->map_get_next_key(map, &fd, &fd), -ENOTSUPP);

	/* helper: get without F_CREATE does not create, with it does */
	KUNIT_EXPECT_EQ(test, shim_call(v->task_get, (u64)map, (u64)task, 0, 0, GFP_ATOMIC), 0);
	out = (void *)shim_call(v->task_get, (u64)map, (u64)task, (u64)&in,
				BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, out);
	KUNIT_EXPECT_EQ(test, (long)shim_call(v->task_del, (u64)map, (u64)task, 0, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, (long)shim_call(v->task_del, (u64)map, 0, 0, 0, 0), -EINVAL);
	rcu_read_unlock();

	/* a task that has exited: pidfd lookup gives -ENOENT */
	kunit_release_action(test, exit_task, task);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, v->task_ops->map_update_elem(map, &fd, &in, BPF_ANY), -ENOENT);
	rcu_read_unlock();
}

static void shim_storage_sk_charge(struct kunit *test)
{
	const struct shim_variant *v = param_variant(test);
	struct bpf_map *map1, *map2;
	struct val in = { .a = 7 };
	struct sock *sk, *nsk;
	int fd, nfd, charged1;
	long charged;

	map1 = new_map(test, v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, VAL_SIZE,
		       BPF_F_NO_PREALLOC, NULL, 0);
	map2 = new_map(test, v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, VAL_SIZE,
		       BPF_F_NO_PREALLOC | BPF_F_CLONE, NULL, 0);
	sk = new_sock(test, v, &fd);

	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_update_elem(map1, &fd, &in, BPF_NOEXIST), 0);
	charged1 = atomic_read(&sk->sk_omem_alloc);
	KUNIT_EXPECT_GT(test, charged1, VAL_SIZE);
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_update_elem(map2, &fd, &in, BPF_NOEXIST), 0);
	KUNIT_EXPECT_GT(test, atomic_read(&sk->sk_omem_alloc), charged1);
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_delete_elem(map2, &fd), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&sk->sk_omem_alloc), charged1);
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_update_elem(map2, &fd, &in, BPF_NOEXIST), 0);
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, v->sk_charge_check(sk, &charged), 0);

	/* clone copies only the BPF_F_CLONE map's element */
	nsk = shim_sock_clone(sk);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, nsk);
	nfd = shim_sock_fd(nsk);
	sock_put(nsk);
	add_fd(test, nfd);
	rcu_read_lock();
	KUNIT_EXPECT_PTR_EQ(test, v->sk_ops->map_lookup_elem(map1, &nfd), NULL);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, v->sk_ops->map_lookup_elem(map2, &nfd));
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, v->sk_charge_check(nsk, &charged), 0);
	/* last reference: __sk_destruct() warns unless sk_omem_alloc is 0 */
	kunit_release_action(test, close_fd_action, (void *)(long)nfd);

	/* map freed while the socket lives: the socket's charge is returned */
	kunit_release_action(test, release_map, map1);
	shim_quiesce();
	KUNIT_EXPECT_EQ(test, v->sk_charge_check(sk, &charged), 0);
	KUNIT_EXPECT_GT(test, charged, 0);
	kunit_release_action(test, release_map, map2);
	shim_quiesce();
	KUNIT_EXPECT_EQ(test, atomic_read(&sk->sk_omem_alloc), 0);
}

static void shim_storage_cgrp_inode(struct kunit *test)
{
	const struct shim_variant *v = param_variant(test);
	struct val in = { .a = 1 }, *out;
	struct bpf_map *cmap, *imap;
	int cfd, ifd, nfd;
	struct cgroup *cg;

	cmap = new_map(test, v->cgrp_ops, BPF_MAP_TYPE_CGRP_STORAGE, VAL_SIZE,
		       BPF_F_NO_PREALLOC, NULL, 0);
	imap = new_map(test, v->inode_ops, BPF_MAP_TYPE_INODE_STORAGE, VAL_SIZE,
		       BPF_F_NO_PREALLOC, NULL, 0);
	cg = new_cgroup(test, v, &cfd);
	new_inode(test, v, true, &ifd);
	new_inode(test, v, false, &nfd);

	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, v->cgrp_ops->map_update_elem(cmap, &cfd, &in, BPF_ANY), 0);
	out = v->cgrp_ops->map_lookup_elem(cmap, &cfd);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, out);
	if (!IS_ERR_OR_NULL(out))
		KUNIT_EXPECT_EQ(test, out->a, 1);
	KUNIT_EXPECT_EQ(test, v->inode_ops->map_update_elem(imap, &ifd, &in, BPF_ANY), 0);
	KUNIT_EXPECT_EQ(test, v->inode_ops->map_update_elem(imap, &nfd, &in, BPF_ANY), -EBADF);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, v->inode_ops->map_lookup_elem(imap, &ifd));
	KUNIT_EXPECT_EQ(test, v->inode_ops->map_delete_elem(imap, &ifd), 0);
	KUNIT_EXPECT_EQ(test, v->inode_ops->map_update_elem(imap, &ifd, &in, BPF_ANY), 0);
	/* a dying cgroup gets no new storage from the helper */
	shim_cgroup_kill(cg);
	KUNIT_EXPECT_EQ(test, v->cgrp_ops->map_delete_elem(cmap, &cfd), 0);
	KUNIT_EXPECT_EQ(test, shim_call(v->cgrp_get, (u64)cmap, (u64)cg, 0,
					BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC), 0);
	KUNIT_EXPECT_EQ(test, v->cgrp_ops->map_update_elem(cmap, &cfd, &in, BPF_ANY), 0);
	rcu_read_unlock();
	/* owners go away with storage attached (actions), then the maps */
}

static void shim_storage_kptr_freed_once(struct kunit *test)
{
	const struct shim_variant *v = param_variant(test);
	const struct shim_value_field fields[] = {
		{ .type = BPF_SPIN_LOCK, .offset = 0 },
		{ .type = BPF_KPTR_REF, .offset = 8 },
	};
	long kptrs = shim_kptr_live();
	struct task_struct *tasks[4];
	struct bpf_map *map;
	int i;

	map = new_map(test, v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE,
		      BPF_F_NO_PREALLOC, fields, ARRAY_SIZE(fields));
	for (i = 0; i < ARRAY_SIZE(tasks); i++) {
		struct val *out;

		tasks[i] = new_task(test, v);
		rcu_read_lock();
		out = (void *)shim_call(v->task_get, (u64)map, (u64)tasks[i], 0,
					BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
		KUNIT_EXPECT_NOT_ERR_OR_NULL(test, out);
		if (!IS_ERR_OR_NULL(out))
			WRITE_ONCE(*(void **)&out->pad[0], shim_kptr_new());
		rcu_read_unlock();
	}
	KUNIT_EXPECT_EQ(test, shim_kptr_live(), kptrs + ARRAY_SIZE(tasks));
	/* half the owners die first, then the map goes with the rest */
	for (i = 0; i < ARRAY_SIZE(tasks) / 2; i++)
		kunit_release_action(test, exit_task, tasks[i]);
	shim_quiesce();
	KUNIT_EXPECT_EQ(test, shim_kptr_live(), kptrs + ARRAY_SIZE(tasks) / 2);
	kunit_release_action(test, release_map, map);
	shim_quiesce();
	KUNIT_EXPECT_EQ(test, shim_kptr_live(), kptrs);
}

/* BPF_F_LOCK: in-place copy under the value's bpf_spin_lock */
static void shim_storage_sk_f_lock(struct kunit *test)
{
	const struct shim_variant *v = param_variant(test);
	const struct shim_value_field fields[] = { { .type = BPF_SPIN_LOCK, .offset = 0 } };
	struct val in = { .a = 0 }, *out, *again;
	struct bpf_map *map, *plain;
	int fd;

	map = new_map(test, v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, VAL_SIZE,
		      BPF_F_NO_PREALLOC, fields, 1);
	plain = new_map(test, v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, VAL_SIZE,
			BPF_F_NO_PREALLOC, NULL, 0);
	new_sock(test, v, &fd);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_update_elem(plain, &fd, &in, BPF_F_LOCK), -EINVAL);
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_update_elem(map, &fd, &in, BPF_NOEXIST), 0);
	out = v->sk_ops->map_lookup_elem(map, &fd);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	in.pad[0] = 0x5a;
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_update_elem(map, &fd, &in, BPF_F_LOCK | BPF_EXIST), 0);
	again = v->sk_ops->map_lookup_elem(map, &fd);
	KUNIT_EXPECT_PTR_EQ(test, again, out);		/* same element, updated in place */
	if (!IS_ERR_OR_NULL(again))
		KUNIT_EXPECT_EQ(test, again->pad[0], 0x5a);
	rcu_read_unlock();
}

static struct kunit_case shim_storage_cases[] = {
	KUNIT_CASE_PARAM(shim_storage_task_crud, variant_gen_params),
	KUNIT_CASE_PARAM(shim_storage_sk_charge, variant_gen_params),
	KUNIT_CASE_PARAM(shim_storage_cgrp_inode, variant_gen_params),
	KUNIT_CASE_PARAM(shim_storage_kptr_freed_once, variant_gen_params),
	KUNIT_CASE_PARAM(shim_storage_sk_f_lock, variant_gen_params),
	{}
};

static struct kunit_suite shim_storage_suite = {
	.name = "shim_storage_smoke",
	.test_cases = shim_storage_cases,
};

kunit_test_suites(&shim_storage_suite);
