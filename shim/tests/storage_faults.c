// SPDX-License-Identifier: GPL-2.0
/*
 * SHIM-ONLY suite (not part of the kernel series): lock failures injected at
 * the storage (ls) and bucket (b) lock sites of the patched storage code,
 * with -EDEADLK and -ETIMEDOUT.  For every operation that takes one of
 * these locks, the injected error must reach the caller unchanged (NULL for
 * the get helpers), nothing may change (lists, values, charges), and owner
 * and map tear-down, which cannot fail, must still free everything once the
 * failures stop - except the two leaks by design, where the case expects the
 * warning, checks what is left behind and frees it.  Leaks and double frees
 * are caught by the sanitizer builds (make faults runs this suite under
 * ASan/LSan) and the shim's own object count.
 */
#include "helpers.h"

#define VAL_SIZE	64

struct fault_param {
	const char *site;		/* "ls": storage locks, "b": bucket locks */
	int err;
	char desc[32];
};

static struct fault_param fault_params[] = {
	{ "ls", -EDEADLK, "ls:EDEADLK" },
	{ "ls", -ETIMEDOUT, "ls:ETIMEDOUT" },
	{ "b", -EDEADLK, "b:EDEADLK" },
	{ "b", -ETIMEDOUT, "b:ETIMEDOUT" },
};

KUNIT_ARRAY_PARAM_DESC(fault, fault_params, desc);

struct val {
	u64 a;
	u8 pad[VAL_SIZE - 8];
};

static const struct shim_variant *patched(struct kunit *test)
{
	return &patched__shim_variant_table;
}

static const struct fault_param *param(struct kunit *test)
{
	return test->param_value;
}

static void fault_on(struct kunit *test)
{
	struct sim_fault_cfg cfg = {
		.sites = shim_ls_sites(param(test)->site),
		.every = 1,
		.err = param(test)->err,
	};

	test_fault_on(&cfg);
}

static void fault_off(void *unused)
{
	test_fault_off();
}

static struct bpf_map *fmap(struct kunit *test, const struct bpf_map_ops *ops,
			    enum bpf_map_type type, const struct shim_value_field *fields,
			    int nr)
{
	return new_map(test, ops, type, VAL_SIZE, BPF_F_NO_PREALLOC, fields, nr);
}

static struct task_struct *ftask(struct kunit *test, const struct shim_variant *v)
{
	return new_task(test, v);
}

static struct bpf_map *sk_map(struct kunit *test, const struct shim_variant *v)
{
	return fmap(test, v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, NULL, 0);
}

static void expect_charge_ok(struct kunit *test, const struct shim_variant *v,
			     struct sock *sk)
{
	long charged;

	KUNIT_EXPECT_EQ_MSG(test, v->sk_charge_check(sk, &charged), 0,
			    "sk_omem_alloc %ld does not match the linked elements", charged);
}

/* update of an existing element: storage lock, then bucket lock */
static void faults_update_existing(struct kunit *test)
{
	const struct shim_variant *v = patched(test);
	struct val in = { .a = 1 }, *out;
	unsigned long injected;
	struct bpf_map *map;
	struct sock *sk;
	int fd;

	kunit_add_action(test, end_case, NULL);
	map = sk_map(test, v);
	sk = new_sock(test, v, &fd);
	rcu_read_lock();
	KUNIT_ASSERT_EQ(test, v->sk_ops->map_update_elem(map, &fd, &in, BPF_NOEXIST), 0);
	in.a = 2;
	injected = sim_fault_injected();
	fault_on(test);
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_update_elem(map, &fd, &in, BPF_ANY),
			param(test)->err);
	fault_off(NULL);
	KUNIT_EXPECT_GT(test, sim_fault_injected(), injected);
	out = v->sk_ops->map_lookup_elem(map, &fd);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	KUNIT_EXPECT_EQ(test, out->a, 1);
	rcu_read_unlock();
	expect_charge_ok(test, v, sk);

	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_update_elem(map, &fd, &in, BPF_EXIST), 0);
	out = v->sk_ops->map_lookup_elem(map, &fd);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	KUNIT_EXPECT_EQ(test, out->a, 2);
	rcu_read_unlock();
	expect_charge_ok(test, v, sk);
}

/* first element of an owner: only the bucket lock is taken */
static void faults_create_first(struct kunit *test)
{
	const struct shim_variant *v = patched(test);
	bool bucket = !strcmp(param(test)->site, "b");
	struct val in = { .a = 1 };
	struct bpf_map *map;
	struct sock *sk;
	int fd;

	kunit_add_action(test, end_case, NULL);
	map = sk_map(test, v);
	sk = new_sock(test, v, &fd);
	rcu_read_lock();
	fault_on(test);
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_update_elem(map, &fd, &in, BPF_NOEXIST),
			bucket ? param(test)->err : 0);
	fault_off(NULL);
	if (bucket) {
		KUNIT_EXPECT_NULL(test, rcu_access_pointer(sk->sk_bpf_storage));
		KUNIT_EXPECT_EQ(test, atomic_read(&sk->sk_omem_alloc), 0);
		KUNIT_EXPECT_NULL(test, v->sk_ops->map_lookup_elem(map, &fd));
	} else {
		KUNIT_EXPECT_NOT_ERR_OR_NULL(test, v->sk_ops->map_lookup_elem(map, &fd));
	}
	rcu_read_unlock();
	expect_charge_ok(test, v, sk);
}

/* an element in a second map: storage lock, then bucket lock */
static void faults_create_second(struct kunit *test)
{
	const struct shim_variant *v = patched(test);
	struct val in = { .a = 1 };
	struct bpf_map *map1, *map2;
	long before;
	struct sock *sk;
	int fd;

	kunit_add_action(test, end_case, NULL);
	map1 = sk_map(test, v);
	map2 = sk_map(test, v);
	sk = new_sock(test, v, &fd);
	rcu_read_lock();
	KUNIT_ASSERT_EQ(test, v->sk_ops->map_update_elem(map1, &fd, &in, BPF_NOEXIST), 0);
	before = atomic_read(&sk->sk_omem_alloc);
	fault_on(test);
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_update_elem(map2, &fd, &in, BPF_NOEXIST),
			param(test)->err);
	fault_off(NULL);
	KUNIT_EXPECT_NULL(test, v->sk_ops->map_lookup_elem(map2, &fd));
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, v->sk_ops->map_lookup_elem(map1, &fd));
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, atomic_read(&sk->sk_omem_alloc), before);
	expect_charge_ok(test, v, sk);
}

/* delete: storage lock, then bucket lock; the element stays on failure */
static void faults_delete(struct kunit *test)
{
	const struct shim_variant *v = patched(test);
	struct val in = { .a = 5 }, *out;
	struct bpf_map *map;
	struct sock *sk;
	int fd;

	kunit_add_action(test, end_case, NULL);
	map = sk_map(test, v);
	sk = new_sock(test, v, &fd);
	rcu_read_lock();
	KUNIT_ASSERT_EQ(test, v->sk_ops->map_update_elem(map, &fd, &in, BPF_NOEXIST), 0);
	fault_on(test);
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_delete_elem(map, &fd), param(test)->err);
	KUNIT_EXPECT_EQ(test, (long)shim_call(v->sk_del, (u64)map, (u64)sk, 0, 0, 0),
			param(test)->err);
	fault_off(NULL);
	out = v->sk_ops->map_lookup_elem(map, &fd);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
	KUNIT_EXPECT_EQ(test, out->a, 5);
	rcu_read_unlock();
	expect_charge_ok(test, v, sk);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, v->sk_ops->map_delete_elem(map, &fd), 0);
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, atomic_read(&sk->sk_omem_alloc), 0);
}

/* task storage helpers (bpf_mem_alloc path): get(F_CREATE) gives NULL, delete the error */
static void faults_task_helpers(struct kunit *test)
{
	const struct shim_variant *v = patched(test);
	bool bucket = !strcmp(param(test)->site, "b");
	struct bpf_map *map1, *map2;
	struct task_struct *task, *fresh;
	void *data;

	kunit_add_action(test, end_case, NULL);
	map1 = fmap(test, v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, NULL, 0);
	map2 = fmap(test, v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, NULL, 0);
	task = ftask(test, v);
	fresh = ftask(test, v);

	rcu_read_lock();
	data = (void *)shim_call(v->task_get, (u64)map1, (u64)task, 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, data);
	fault_on(test);
	/* existing storage: needs both locks */
	KUNIT_EXPECT_NULL(test, (void *)shim_call(v->task_get, (u64)map2, (u64)task, 0,
						  BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	/* no storage yet: only the bucket lock */
	data = (void *)shim_call(v->task_get, (u64)map2, (u64)fresh, 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
	if (bucket)
		KUNIT_EXPECT_NULL(test, data);
	else
		KUNIT_EXPECT_NOT_ERR_OR_NULL(test, data);
	/* an existing element is still found (lookups take no lock that matters) */
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, (void *)shim_call(v->task_get, (u64)map1,
							      (u64)task, 0, 0, 0));
	KUNIT_EXPECT_EQ(test, (long)shim_call(v->task_del, (u64)map1, (u64)task, 0, 0, 0),
			param(test)->err);
	fault_off(NULL);
	KUNIT_EXPECT_EQ(test, v->storage_nr_elems(rcu_dereference(task->bpf_storage)), 1);
	KUNIT_EXPECT_EQ(test, (long)shim_call(v->task_del, (u64)map1, (u64)task, 0, 0, 0), 0);
	rcu_read_unlock();
}

/* syscall lookup caches under the storage lock; failing that is not an error */
static void faults_lookup_cache(struct kunit *test)
{
	const struct shim_variant *v = patched(test);
	struct val in = { .a = 9 }, *out;
	struct bpf_map *map1, *map2;
	struct sock *sk;
	int fd;

	kunit_add_action(test, end_case, NULL);
	map1 = sk_map(test, v);
	map2 = sk_map(test, v);
	sk = new_sock(test, v, &fd);
	rcu_read_lock();
	KUNIT_ASSERT_EQ(test, v->sk_ops->map_update_elem(map1, &fd, &in, BPF_NOEXIST), 0);
	KUNIT_ASSERT_EQ(test, v->sk_ops->map_update_elem(map2, &fd, &in, BPF_NOEXIST), 0);
	fault_on(test);
	out = v->sk_ops->map_lookup_elem(map1, &fd);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, out);
	if (!IS_ERR_OR_NULL(out))
		KUNIT_EXPECT_EQ(test, out->a, 9);
	fault_off(NULL);
	rcu_read_unlock();
	expect_charge_ok(test, v, sk);
}

/*
 * Owner tear-down cannot fail.  With the bucket lock failing, map_free
 * finishes the job and everything is freed once the maps go too.  With the
 * storage lock failing, destroy unlinks every element from its map (and
 * frees the special fields there) but cannot unlink it from the storage:
 * it warns, and the elements and the storage are leaked, as nobody will
 * look at them again.  The case checks exactly that and frees them.
 */
static void faults_destroy_owner(struct kunit *test)
{
	const struct shim_variant *v = patched(test);
	const struct shim_value_field fields[] = { { .type = BPF_KPTR_REF, .offset = 8 } };
	bool storage = !strcmp(param(test)->site, "ls");
	long kptrs = shim_kptr_live();
	struct bpf_local_storage *ls;
	struct bpf_map *map1, *map2;
	long socks = shim_sock_live();
	struct val in = { .a = 1 };
	const char *why;
	struct sock *sk;
	int fd, i;

	kunit_add_action(test, end_case, NULL);
	if (storage)
		KUNIT_ASSERT_EQ(test, kunit_shim_expect_warning(test, SHIM_LS_FILE, SHIM_WARN_DESTROY_LS), 0);
	map1 = fmap(test, v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, fields, 1);
	map2 = fmap(test, v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, fields, 1);
	sk = new_sock(test, v, &fd);
	rcu_read_lock();
	for (i = 0; i < 2; i++) {
		struct bpf_map *map = i ? map2 : map1;
		struct val *out;

		KUNIT_ASSERT_EQ(test, v->sk_ops->map_update_elem(map, &fd, &in, BPF_NOEXIST), 0);
		out = v->sk_ops->map_lookup_elem(map, &fd);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out);
		WRITE_ONCE(*(void **)&out->pad[0], shim_kptr_new());
	}
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, shim_kptr_live(), kptrs + 2);
	ls = rcu_access_pointer(sk->sk_bpf_storage);

	fault_on(test);
	/* last reference: __sk_destruct() warns if sk_omem_alloc is not 0 */
	kunit_release_action(test, close_fd_action, (void *)(long)fd);
	KUNIT_EXPECT_EQ(test, shim_sock_live(), socks);
	fault_off(NULL);
	kunit_release_action(test, release_map, map1);
	kunit_release_action(test, release_map, map2);
	shim_quiesce();
	KUNIT_EXPECT_EQ(test, shim_kptr_live(), kptrs);
	if (storage)
		KUNIT_EXPECT_EQ_MSG(test, v->reap_destroy_leftovers(ls, &why), 2,
				    "destroy's leftovers: %s", why ?: "wrong number");
}

/*
 * Map tear-down.  With the storage lock failing, the owner finishes the
 * job.  With the bucket lock failing, map_free unlinks each element from
 * its storage (returning its charge) but not from the bucket, which goes
 * with the map: it warns, and the elements and the special fields of their
 * values are leaked.  The case checks exactly that and frees them.
 */
static void faults_map_free(struct kunit *test)
{
	const struct shim_variant *v = patched(test);
	const struct shim_value_field fields[] = { { .type = BPF_KPTR_REF, .offset = 8 } };
	bool bucket = !strcmp(param(test)->site, "b");
	long kptrs = shim_kptr_live();
	struct val in = { .a = 1 }, *out[2];
	struct sock *sk[2];
	struct bpf_map *map;
	const char *why;
	int fd[2], i;

	kunit_add_action(test, end_case, NULL);
	if (bucket)
		KUNIT_ASSERT_EQ(test, kunit_shim_expect_warning(test, SHIM_LS_FILE, SHIM_WARN_MAP_FREE_B), 0);
	map = fmap(test, v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, fields, 1);
	for (i = 0; i < 2; i++) {
		sk[i] = new_sock(test, v, &fd[i]);
		rcu_read_lock();
		KUNIT_ASSERT_EQ(test, v->sk_ops->map_update_elem(map, &fd[i], &in, BPF_NOEXIST), 0);
		out[i] = v->sk_ops->map_lookup_elem(map, &fd[i]);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, out[i]);
		WRITE_ONCE(*(void **)&out[i]->pad[0], shim_kptr_new());
		rcu_read_unlock();
	}
	fault_on(test);
	kunit_release_action(test, release_map, map);
	shim_quiesce();		/* map_free ran with failing locks */
	fault_off(NULL);
	if (bucket) {
		KUNIT_EXPECT_EQ(test, shim_kptr_live(), kptrs + 2);
		for (i = 0; i < 2; i++) {
			void *kptr = READ_ONCE(*(void **)&out[i]->pad[0]);

			/* the charge came back with the storage side */
			KUNIT_EXPECT_NULL(test, rcu_access_pointer(sk[i]->sk_bpf_storage));
			KUNIT_EXPECT_EQ(test, atomic_read(&sk[i]->sk_omem_alloc), 0);
			KUNIT_EXPECT_NOT_NULL(test, kptr);
			KUNIT_EXPECT_EQ_MSG(test, v->reap_map_free_leftover(out[i], &why), 1,
					    "map_free's leftover %d: %s", i, why);
			shim_kptr_put(kptr);
		}
	}
	/* the special fields went with the bucket side, under the b lock */
	KUNIT_EXPECT_EQ(test, shim_kptr_live(), kptrs);
	for (i = 0; i < 2; i++)	/* destroy returns the rest of the charge */
		kunit_release_action(test, close_fd_action, (void *)(long)fd[i]);
}

static struct kunit_case storage_faults_cases[] = {
	KUNIT_CASE_PARAM(faults_update_existing, fault_gen_params),
	KUNIT_CASE_PARAM(faults_create_first, fault_gen_params),
	KUNIT_CASE_PARAM(faults_create_second, fault_gen_params),
	KUNIT_CASE_PARAM(faults_delete, fault_gen_params),
	KUNIT_CASE_PARAM(faults_task_helpers, fault_gen_params),
	KUNIT_CASE_PARAM(faults_lookup_cache, fault_gen_params),
	KUNIT_CASE_PARAM(faults_destroy_owner, fault_gen_params),
	KUNIT_CASE_PARAM(faults_map_free, fault_gen_params),
	{}
};

static struct kunit_suite storage_faults_suite = {
	.name = "shim_storage_faults",
	.test_cases = storage_faults_cases,
};

kunit_test_suites(&storage_faults_suite);
