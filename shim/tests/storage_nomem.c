// SPDX-License-Identifier: GPL-2.0
/*
 * SHIM-ONLY suite (not part of the kernel series): allocation failures in
 * the storage code, stock and patched, for each owner type.
 *
 * Every operation that allocates is run once per allocation it makes, with
 * exactly that allocation failing (sim_slab_fail_nth(): the 1st, 2nd, ...
 * from the call on), until a run makes no failing allocation.  Each run in
 * which an allocation failed must
 *  - return -ENOMEM (syscall update) or NULL (get helper with F_CREATE),
 *    the error of "alloc or charge failure" in the spec;
 *  - change nothing: the same elements and values, and the same charge:
 *    sk_omem_alloc, and in the patched code ls->mem_charge, equal
 *    sizeof(storage) + the elem_size of each linked element;
 *  - leak nothing: once the maps and owners are gone and every deferred
 *    free ran, the slab holds exactly what it held before the case.
 */
#include "helpers.h"
#include <linux/bpf_lsm.h>

#define VAL_SIZE	48

enum owner_kind { OWNER_TASK, OWNER_CGRP, OWNER_INODE, OWNER_SK };

struct nomem_param {
	bool patched;
	enum owner_kind kind;
	char desc[24];
};

static struct nomem_param nomem_params[] = {
	{ false, OWNER_TASK, "stock_task" },
	{ false, OWNER_CGRP, "stock_cgrp" },
	{ false, OWNER_INODE, "stock_inode" },
	{ false, OWNER_SK, "stock_sk" },
	{ true, OWNER_TASK, "patched_task" },
	{ true, OWNER_CGRP, "patched_cgrp" },
	{ true, OWNER_INODE, "patched_inode" },
	{ true, OWNER_SK, "patched_sk" },
};

KUNIT_ARRAY_PARAM_DESC(nomem, nomem_params, desc);

struct owner {
	enum owner_kind kind;
	void *obj;
	int fd;
};

struct nomem_ctx {
	struct kunit *test;
	const struct shim_variant *v;
	enum owner_kind kind;
	struct bpf_map *map[2];
	struct owner owner;
};

static const struct bpf_map_ops *kind_ops(const struct shim_variant *v, enum owner_kind kind)
{
	switch (kind) {
	case OWNER_TASK:
		return v->task_ops;
	case OWNER_CGRP:
		return v->cgrp_ops;
	case OWNER_INODE:
		return v->inode_ops;
	default:
		return v->sk_ops;
	}
}

static const struct bpf_func_proto *kind_get(const struct shim_variant *v, enum owner_kind kind)
{
	switch (kind) {
	case OWNER_TASK:
		return v->task_get;
	case OWNER_CGRP:
		return v->cgrp_get;
	case OWNER_INODE:
		return v->inode_get;
	default:
		return v->sk_get;
	}
}

static enum bpf_map_type kind_map_type(enum owner_kind kind)
{
	switch (kind) {
	case OWNER_TASK:
		return BPF_MAP_TYPE_TASK_STORAGE;
	case OWNER_CGRP:
		return BPF_MAP_TYPE_CGRP_STORAGE;
	case OWNER_INODE:
		return BPF_MAP_TYPE_INODE_STORAGE;
	default:
		return BPF_MAP_TYPE_SK_STORAGE;
	}
}

static void new_owner(struct nomem_ctx *c)
{
	struct owner *o = &c->owner;

	o->kind = c->kind;
	switch (c->kind) {
	case OWNER_TASK:
		o->obj = new_task(c->test, c->v);
		o->fd = add_fd(c->test, shim_task_pidfd(o->obj));
		break;
	case OWNER_CGRP:
		o->obj = new_cgroup(c->test, c->v, &o->fd);
		break;
	case OWNER_INODE:
		o->obj = new_inode(c->test, c->v, true, &o->fd);
		break;
	case OWNER_SK:
		o->obj = new_sock(c->test, c->v, &o->fd);
		break;
	}
}

static struct bpf_local_storage *owner_storage(const struct owner *o)
{
	switch (o->kind) {
	case OWNER_TASK:
		return rcu_access_pointer(((struct task_struct *)o->obj)->bpf_storage);
	case OWNER_CGRP:
		return rcu_access_pointer(((struct cgroup *)o->obj)->bpf_cgrp_storage);
	case OWNER_INODE:
		return rcu_access_pointer(bpf_inode(o->obj)->storage);
	default:
		return rcu_access_pointer(((struct sock *)o->obj)->sk_bpf_storage);
	}
}

/* What a failed operation must leave as it was. */
struct snapshot {
	struct bpf_local_storage *ls;
	int nr_elems;
	u64 val[2];		/* 0: absent */
	long omem;
};

static u64 lookup(struct nomem_ctx *c, int i)
{
	u64 *val;

	rcu_read_lock();
	val = kind_ops(c->v, c->kind)->map_lookup_elem(c->map[i], &c->owner.fd);
	rcu_read_unlock();
	return IS_ERR_OR_NULL(val) ? 0 : READ_ONCE(*val);
}

static void take(struct nomem_ctx *c, struct snapshot *s)
{
	s->ls = owner_storage(&c->owner);
	s->nr_elems = c->v->storage_nr_elems(s->ls);
	s->val[0] = lookup(c, 0);
	s->val[1] = lookup(c, 1);
	s->omem = c->kind == OWNER_SK ? atomic_read(&((struct sock *)c->owner.obj)->sk_omem_alloc) : 0;
}

static void expect_unchanged(struct nomem_ctx *c, const struct snapshot *before,
			     const char *op, long nth)
{
	struct kunit *test = c->test;
	struct snapshot now;
	long charged;

	take(c, &now);
	KUNIT_EXPECT_PTR_EQ_MSG(test, now.ls, before->ls, "%s, allocation %ld", op, nth);
	KUNIT_EXPECT_EQ_MSG(test, now.nr_elems, before->nr_elems, "%s, allocation %ld", op, nth);
	KUNIT_EXPECT_EQ_MSG(test, now.val[0], before->val[0], "%s, allocation %ld", op, nth);
	KUNIT_EXPECT_EQ_MSG(test, now.val[1], before->val[1], "%s, allocation %ld", op, nth);
	KUNIT_EXPECT_EQ_MSG(test, now.omem, before->omem, "%s, allocation %ld", op, nth);
	KUNIT_EXPECT_EQ_MSG(test, c->v->storage_charge_check(now.ls), 0,
			    "%s, allocation %ld: ls->mem_charge", op, nth);
	if (c->kind == OWNER_SK)
		KUNIT_EXPECT_EQ_MSG(test, c->v->sk_charge_check(c->owner.obj, &charged), 0,
				    "%s, allocation %ld: sk_omem_alloc %ld", op, nth, charged);
}

/* Update elem (map i, value val, flags) through the syscall path. */
static int sys_update(struct nomem_ctx *c, int i, u64 val, u64 flags)
{
	u64 value[VAL_SIZE / 8] = { val };
	int ret;

	rcu_read_lock();
	ret = kind_ops(c->v, c->kind)->map_update_elem(c->map[i], &c->owner.fd, value, flags);
	rcu_read_unlock();
	return ret;
}

/* get(F_CREATE) through the helper, as a BPF program: 0 or -ENOMEM for NULL. */
static int helper_create(struct nomem_ctx *c, int i, u64 val)
{
	u64 value[VAL_SIZE / 8] = { val };
	void *data;

	rcu_read_lock();
	data = (void *)shim_call(kind_get(c->v, c->kind), (u64)c->map[i], (u64)c->owner.obj,
				 (u64)value, BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
	rcu_read_unlock();
	return data ? 0 : -ENOMEM;
}

/*
 * Run @op with its 1st, 2nd, ... allocation failing, until it makes no
 * failing allocation (then it must have succeeded).  Before each failing
 * run the state is what setup() makes of it; returns the number of
 * allocations that failed.
 */
static int sweep(struct nomem_ctx *c, const char *name,
		 void (*setup)(struct nomem_ctx *c),
		 int (*op)(struct nomem_ctx *c))
{
	struct kunit *test = c->test;
	long nth;

	for (nth = 1; nth < 100; nth++) {
		struct snapshot before;
		unsigned long failed;
		int ret;

		setup(c);
		take(c, &before);
		failed = sim_slab_failed();
		sim_slab_fail_nth(nth);
		ret = op(c);
		sim_slab_fail_nth(0);
		if (sim_slab_failed() == failed) {
			KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s without a failing allocation", name);
			kunit_info(test, "%s: %ld allocation(s) made to fail\n", name, nth - 1);
			return nth - 1;
		}
		KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM, "%s, allocation %ld failing", name, nth);
		expect_unchanged(c, &before, name, nth);
	}
	KUNIT_FAIL(test, "%s: more than 100 allocations", name);
	return nth;
}

/* Start from: no element in map 0 (and none in map 1). */
static void no_elem(struct nomem_ctx *c)
{
	int i;

	for (i = 0; i < 2; i++) {
		rcu_read_lock();
		kind_ops(c->v, c->kind)->map_delete_elem(c->map[i], &c->owner.fd);
		rcu_read_unlock();
	}
	shim_quiesce();
}

/* Start from: an element of value 1 in map 0, none in map 1. */
static void one_elem(struct nomem_ctx *c)
{
	no_elem(c);
	KUNIT_ASSERT_EQ(c->test, sys_update(c, 0, 1, BPF_NOEXIST), 0);
}

static int op_create_first(struct nomem_ctx *c)
{
	return sys_update(c, 0, 7, BPF_NOEXIST);
}

static int op_create_second(struct nomem_ctx *c)
{
	return sys_update(c, 1, 7, BPF_NOEXIST);
}

static int op_replace(struct nomem_ctx *c)
{
	return sys_update(c, 0, 7, BPF_EXIST);
}

static int op_helper_first(struct nomem_ctx *c)
{
	return helper_create(c, 0, 7);
}

static int op_helper_second(struct nomem_ctx *c)
{
	return helper_create(c, 1, 7);
}

static void storage_nomem(struct kunit *test)
{
	const struct nomem_param *p = test->param_value;
	struct nomem_ctx c = {
		.test = test,
		.v = p->patched ? &patched__shim_variant_table : &stock__shim_variant_table,
		.kind = p->kind,
	};
	long slab;
	int i;

	kunit_add_action(test, end_case, NULL);
	shim_quiesce();
	slab = sim_slab_outstanding();
	for (i = 0; i < 2; i++)
		c.map[i] = new_map(test, kind_ops(c.v, c.kind), kind_map_type(c.kind),
				   VAL_SIZE, BPF_F_NO_PREALLOC, NULL, 0);
	new_owner(&c);

	/* the first element allocates both the element and the storage */
	KUNIT_EXPECT_GE(test, sweep(&c, "create first", no_elem, op_create_first), 2);
	KUNIT_EXPECT_GE(test, sweep(&c, "create second", one_elem, op_create_second), 1);
	KUNIT_EXPECT_GE(test, sweep(&c, "replace", one_elem, op_replace), 1);
	KUNIT_EXPECT_GE(test, sweep(&c, "helper create first", no_elem, op_helper_first), 2);
	KUNIT_EXPECT_GE(test, sweep(&c, "helper create second", one_elem, op_helper_second), 1);

	/* everything the case made goes, and with it every allocation */
	for (i = 0; i < 2; i++)
		kunit_release_action(test, release_map, c.map[i]);
	kunit_release_action(test, close_fd_action, (void *)(long)c.owner.fd);
	switch (c.kind) {
	case OWNER_TASK:
		kunit_release_action(test, exit_task, c.owner.obj);
		break;
	case OWNER_CGRP:
		kunit_release_action(test, put_cgroup, c.owner.obj);
		break;
	case OWNER_INODE:
		kunit_release_action(test, free_inode, c.owner.obj);
		break;
	case OWNER_SK:		/* the descriptor held the socket */
		break;
	}
	shim_quiesce();
	KUNIT_EXPECT_EQ_MSG(test, sim_slab_outstanding(), slab,
			    "objects left allocated after the case");
}

static struct kunit_case storage_nomem_cases[] = {
	KUNIT_CASE_PARAM(storage_nomem, nomem_gen_params),
	{}
};

static struct kunit_suite storage_nomem_suite = {
	.name = "shim_storage_nomem",
	.test_cases = storage_nomem_cases,
};

kunit_test_suites(&storage_nomem_suite);
