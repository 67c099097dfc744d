// SPDX-License-Identifier: GPL-2.0
/*
 * Explorer scenarios for BPF local storage (issue 16, scenarios 1 and 5),
 * through the variant table, as programs and the owner's and the map's
 * tear-down call the storage code.
 *
 *  ls_teardown_task  task owner with elements in maps A and B: the task's
 *                    last reference goes (its storage is destroyed in the
 *                    RCU callback that frees it) | map A is freed | a
 *                    program creates B's element | a program deletes it
 *  ls_teardown_sk    the same for a socket (destroyed by the last
 *                    sock_put(), which may be the programs' own)
 *  ls_teardown_inode the same for an inode (eviction destroys its storage;
 *                    an LSM program may still look up and delete)
 *  ls_cross_task     two task owners x maps A and B: owner 0 freed |
 *                    map_free(A) | two programs crossing both owners in B;
 *                    owner 1's charge agrees with its elements at the end
 *  ls_clone_sk       a clone of a socket | the parent's last references
 *                    going (destroy) | map_free(A) | a delete on the parent;
 *                    the clone's charge agrees with its element
 *  ls_trace_reader   map_free(A) against a sleepable program (Tasks Trace
 *                    reader only) walking the live owner's storage: what
 *                    map_free unlinks may go after a Tasks Trace grace
 *                    period only
 *  ls_trace_delete   the same against a program's delete of the owner's only
 *                    element, which frees the storage (Tasks Trace too)
 *  ls_pair_sk        only the two tear-downs of one socket's one element:
 *                    the last sock_put() (destroy) against map_free
 *  ls_busy_stock     stock 6.12: two tasks of one CPU run tracing programs
 *                    that get(F_CREATE) and delete on their own task: the
 *                    busy counter fails them spuriously (events)
 *  ls_busy_patched   the same on the patched code: no failure allowed
 *  ls_leak_destroy_sk, ls_leak_map_free_sk  the tear-downs that leak by
 *                    design (a lock failure), see there
 *
 * The tear-down scenarios run every lock site failing (the 1st or 2nd
 * acquisition, -EDEADLK or -ETIMEDOUT) as variants, except the two whose
 * failure leaks by design (destroy_ls, map_free_b; see shim/README.md).
 * Programs are RCU readers from before the owner's last reference goes, as
 * a program that got the owner from its context is.  Judged: no task waits
 * forever, no unexpected warning (sk_free() warns when the socket's charge
 * is not back to 0, the refcount stand-in on an increment from 0), map B
 * holds no element of the dead owner, nothing leaks, and ASan.
 */
#include <linux/kernel.h>
#include <linux/bpf.h>
#include <linux/bpf_local_storage.h>
#include <linux/errno.h>
#include <linux/rcupdate.h>
#include <linux/rcupdate_trace.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <net/sock.h>
#include <shim/kern.h>
#include <shim/sim.h>
#include <shim/explore.h>

#define VAL_SIZE	16

static const char *const fault_sites[] = {
	"update_entry", "update_ls", "update_b", "alloc_b", "unlink_ls", "unlink_b",
	"link_map_b", "cache_ls", "destroy_b", "map_free_ls",
};
#define NR_FAULT_VARIANTS	(1 + ARRAY_SIZE(fault_sites) * 4)

struct ls_ctx {
	const struct shim_variant *v;
	struct bpf_map *a, *b, *c;
	struct sock *clone;
	const char *bad;
	struct task_struct *task;
	struct inode *inode;
	struct sock *sk;
	atomic_t readers;		/* programs inside their RCU reader */
	long get_ret, del_ret;
	int fault;
	int nr_get_null, nr_del_err;	/* ls_busy: spurious failures */
	struct task_struct *own[2];
	/* ls_leak_*: what may be left, and its allocation key (alive?) */
	struct bpf_local_storage *st;
	struct bpf_local_storage_elem *selem;
	void *value;
	unsigned long st_key, selem_key;
};

static struct ls_ctx ls;

static const char *fault_variant(int v, char *buf, unsigned long size)
{
	if (!v)
		return scnprintf(buf, size, "no fault"), buf;
	v--;
	scnprintf(buf, size, "%s fails %s with %s", fault_sites[v / 4],
		  v & 2 ? "the 2nd time" : "the 1st time", v & 1 ? "ETIMEDOUT" : "EDEADLK");
	return buf;
}

static void set_fault(int variant)
{
	struct sim_fault_cfg cfg = {};
	int v = variant - 1;

	if (!variant)
		return;
	cfg.sites = shim_ls_sites(fault_sites[v / 4]);
	cfg.nth = v & 2 ? 2 : 1;
	cfg.err = v & 1 ? -ETIMEDOUT : -EDEADLK;
	sim_fault_set(&cfg);
}

/*
 * Map B holds no element of the dead owner, except one that destroy could
 * not unlink from its bucket (destroy_b failing): that one is left to B's
 * map_free, unlinked from the storage (teardown frees B, and the leak check
 * sees whether it was freed).
 */
static const char *map_b_clean_of(struct ls_ctx *c, void *keep)
{
	struct bpf_local_storage_map *smap = (struct bpf_local_storage_map *)c->b;
	struct bpf_local_storage_elem *selem;
	struct bpf_local_storage *st;
	bool destroy_b = c->fault && !strcmp(fault_sites[(c->fault - 1) / 4], "destroy_b");
	unsigned int i;

	for (i = 0; i < (1U << smap->bucket_log); i++) {
		hlist_for_each_entry(selem, &smap->buckets[i].list, map_node) {
			/* the live owner's (keep) are fine */
			st = rcu_access_pointer(selem->local_storage);
			if (keep && st && st->owner == keep)
				continue;
			if (!destroy_b)
				return "map B still holds an element of the destroyed owner";
			if (rcu_access_pointer(selem->local_storage))
				return "an element left in map B still points to the destroyed storage";
		}
	}
	return NULL;
}

static const char *map_b_clean(struct ls_ctx *c)
{
	return map_b_clean_of(c, c->own[1]);
}

/* ---- ls_teardown_task ---- */

static void *task_setup(int variant)
{
	u64 val[VAL_SIZE / 8] = { 1 };

	memset(&ls, 0, sizeof(ls));
	ls.v = &patched__shim_variant_table;
	ls.fault = variant;
	ls.a = shim_map_create(ls.v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.b = shim_map_create(ls.v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.task = shim_task_new("owner");
	ls.task->shim_variant = ls.v;
	rcu_read_lock();
	WARN_ON(!shim_call(ls.v->task_get, (u64)ls.a, (u64)ls.task, (u64)val,
			   BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	WARN_ON(!shim_call(ls.v->task_get, (u64)ls.b, (u64)ls.task, (u64)val,
			   BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	rcu_read_unlock();
	set_fault(variant);
	return &ls;
}

/* A program: an RCU reader that holds the owner from before it goes. */
static void prog_enter(struct ls_ctx *c)
{
	rcu_read_lock();
	migrate_disable();
	atomic_inc(&c->readers);
}

static void prog_exit(void)
{
	migrate_enable();
	rcu_read_unlock();
}

static void wait_readers_n(struct ls_ctx *c, int n)
{
	while (atomic_read(&c->readers) < n)
		cpu_relax();
}

static void wait_readers(struct ls_ctx *c)
{
	wait_readers_n(c, 2);
}

static void task_exit_fn(void *ctx)
{
	struct ls_ctx *c = ctx;

	wait_readers(c);
	shim_task_exit(c->task);	/* storage destroyed in the RCU callback */
}

static void map_free_fn(void *ctx)
{
	shim_map_release_now(((struct ls_ctx *)ctx)->a);
}

static void task_update_fn(void *ctx)
{
	struct ls_ctx *c = ctx;
	u64 val[VAL_SIZE / 8] = { 2 };

	prog_enter(c);
	c->get_ret = shim_call(c->v->task_get, (u64)c->b, (u64)c->task, (u64)val,
			       BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
	prog_exit();
}

static void task_delete_fn(void *ctx)
{
	struct ls_ctx *c = ctx;

	prog_enter(c);
	c->del_ret = shim_call(c->v->task_del, (u64)c->b, (u64)c->task, 0, 0, 0);
	prog_exit();
}

static const char *ls_check(void *ctx)
{
	struct ls_ctx *c = ctx;

	sim_fault_clear();
	if (!c->fault && c->del_ret && c->del_ret != -ENOENT)
		return "delete failed without a lock fault";
	return map_b_clean(c);
}

static void ls_teardown(void *ctx)
{
	struct ls_ctx *c = ctx;

	sim_fault_clear();
	shim_map_release_now(c->b);
}

const struct sim_ex_scenario sim_ex_ls_teardown_task = {
	.name = "ls_teardown_task",
	.what = "task: owner freed | map_free(A) | get(B, F_CREATE) | delete(B), lock faults",
	.nr_tasks = 4,
	.task = { { "exit", 0, task_exit_fn }, { "map_free", 1, map_free_fn },
		  { "update", 2, task_update_fn }, { "delete", 3, task_delete_fn } },
	.irq_task = -1,
	.nr_variants = NR_FAULT_VARIANTS,
	.variant_name = fault_variant,
	.setup = task_setup,
	.check = ls_check,
	.teardown = ls_teardown,
	.quiesce = 1,
};

/* ---- ls_teardown_sk ---- */

static void *sk_setup(int variant)
{
	u64 val[VAL_SIZE / 8] = { 1 };

	memset(&ls, 0, sizeof(ls));
	ls.v = &patched__shim_variant_table;
	ls.fault = variant;
	ls.a = shim_map_create(ls.v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.b = shim_map_create(ls.v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.sk = shim_sock_new();
	ls.sk->shim_variant = ls.v;
	rcu_read_lock();
	WARN_ON(!shim_call(ls.v->sk_get, (u64)ls.a, (u64)ls.sk, (u64)val,
			   BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	WARN_ON(!shim_call(ls.v->sk_get, (u64)ls.b, (u64)ls.sk, (u64)val,
			   BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	rcu_read_unlock();
	set_fault(variant);
	return &ls;
}

static void sk_put_fn(void *ctx)
{
	struct ls_ctx *c = ctx;

	wait_readers(c);
	sock_put(c->sk);		/* the last reference: __sk_destruct() */
}

static void sk_update_fn(void *ctx)
{
	struct ls_ctx *c = ctx;
	u64 val[VAL_SIZE / 8] = { 2 };

	prog_enter(c);
	c->get_ret = shim_call(c->v->sk_get, (u64)c->b, (u64)c->sk, (u64)val,
			       BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
	prog_exit();
}

static void sk_delete_fn(void *ctx)
{
	struct ls_ctx *c = ctx;

	prog_enter(c);
	c->del_ret = shim_call(c->v->sk_del, (u64)c->b, (u64)c->sk, 0, 0, 0);
	prog_exit();
}

const struct sim_ex_scenario sim_ex_ls_teardown_sk = {
	.name = "ls_teardown_sk",
	.what = "sk: last sock_put | map_free(A) | get(B, F_CREATE) | delete(B), lock faults",
	.nr_tasks = 4,
	.task = { { "put", 0, sk_put_fn }, { "map_free", 1, map_free_fn },
		  { "update", 2, sk_update_fn }, { "delete", 3, sk_delete_fn } },
	.irq_task = -1,
	.nr_variants = NR_FAULT_VARIANTS,
	.variant_name = fault_variant,
	.setup = sk_setup,
	.check = ls_check,
	.teardown = ls_teardown,
	.quiesce = 1,
};

/* ---- ls_trace_reader: map_free against a sleepable program's walk ---- */

static void *trace_setup(int variant)
{
	void *ctx = task_setup(0);

	/* a third map, with no element: a lookup in it walks the whole list */
	ls.c = shim_map_create(ls.v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	return ctx;
}

/*
 * A sleepable program: under rcu_read_lock_trace() only, it looks up map C
 * twice (each walks the storage's list, past A's element, which map_free
 * unlinks meanwhile) and map B once.
 */
static void trace_reader_fn(void *ctx)
{
	struct ls_ctx *c = ctx;
	int i;

	rcu_read_lock_trace();
	migrate_disable();
	for (i = 0; i < 2; i++)
		if (shim_call(c->v->task_get, (u64)c->c, (u64)c->task, 0, 0, GFP_KERNEL))
			c->bad = "a lookup in an empty map found something";
	if (!shim_call(c->v->task_get, (u64)c->b, (u64)c->task, 0, 0, GFP_KERNEL))
		c->bad = "the element of map B is gone";
	migrate_enable();
	rcu_read_unlock_trace();
}

static const char *trace_check(void *ctx)
{
	return ((struct ls_ctx *)ctx)->bad;
}

static void trace_teardown(void *ctx)
{
	struct ls_ctx *c = ctx;

	shim_task_exit(c->task);
	shim_map_release_now(c->b);
	shim_map_release_now(c->c);
}

const struct sim_ex_scenario sim_ex_ls_trace_reader = {
	.name = "ls_trace_reader",
	.what = "task: map_free(A) | a sleepable program (Tasks Trace reader) walking the storage",
	.nr_tasks = 2,
	.task = { { "map_free", 0, map_free_fn }, { "sleepable", 1, trace_reader_fn } },
	.irq_task = -1,
	.setup = trace_setup,
	.check = trace_check,
	.teardown = trace_teardown,
};

/* ---- ls_trace_delete: a delete empties the storage a sleepable program walks ---- */

static void *trace_delete_setup(int variant)
{
	u64 val[VAL_SIZE / 8] = { 1 };

	memset(&ls, 0, sizeof(ls));
	ls.v = &patched__shim_variant_table;
	ls.a = shim_map_create(ls.v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.c = shim_map_create(ls.v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.task = shim_task_new("owner");
	ls.task->shim_variant = ls.v;
	rcu_read_lock();
	WARN_ON(!shim_call(ls.v->task_get, (u64)ls.a, (u64)ls.task, (u64)val,
			   BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	rcu_read_unlock();
	return &ls;
}

/* A program deletes the owner's only element: the storage goes with it. */
static void trace_delete_fn(void *ctx)
{
	struct ls_ctx *c = ctx;

	prog_enter(c);
	c->del_ret = shim_call(c->v->task_del, (u64)c->a, (u64)c->task, 0, 0, 0);
	prog_exit();
}

/* A sleepable program walks the storage (lookups in the empty map C, then A). */
static void trace_walk_fn(void *ctx)
{
	struct ls_ctx *c = ctx;
	int i;

	rcu_read_lock_trace();
	migrate_disable();
	for (i = 0; i < 2; i++)
		if (shim_call(c->v->task_get, (u64)c->c, (u64)c->task, 0, 0, GFP_KERNEL))
			c->bad = "a lookup in an empty map found something";
	shim_call(c->v->task_get, (u64)c->a, (u64)c->task, 0, 0, GFP_KERNEL);
	migrate_enable();
	rcu_read_unlock_trace();
}

static const char *trace_delete_check(void *ctx)
{
	struct ls_ctx *c = ctx;

	if (c->del_ret)
		return "the delete failed";
	if (rcu_access_pointer(c->task->bpf_storage))
		return "the owner keeps an empty storage";
	return c->bad;
}

static void trace_delete_teardown(void *ctx)
{
	struct ls_ctx *c = ctx;

	shim_task_exit(c->task);
	shim_map_release_now(c->a);
	shim_map_release_now(c->c);
}

const struct sim_ex_scenario sim_ex_ls_trace_delete = {
	.name = "ls_trace_delete",
	.what = "task: a program deletes the only element | a sleepable program walking the storage",
	.nr_tasks = 2,
	.task = { { "delete", 0, trace_delete_fn }, { "sleepable", 1, trace_walk_fn } },
	.irq_task = -1,
	.setup = trace_delete_setup,
	.check = trace_delete_check,
	.teardown = trace_delete_teardown,
};

/* ---- ls_teardown_inode ---- */

static void *inode_setup(int variant)
{
	u64 val[VAL_SIZE / 8] = { 1 };

	memset(&ls, 0, sizeof(ls));
	ls.v = &patched__shim_variant_table;
	ls.fault = variant;
	ls.a = shim_map_create(ls.v->inode_ops, BPF_MAP_TYPE_INODE_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.b = shim_map_create(ls.v->inode_ops, BPF_MAP_TYPE_INODE_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.inode = shim_inode_new(true);
	ls.inode->shim_variant = ls.v;
	rcu_read_lock();
	WARN_ON(!shim_call(ls.v->inode_get, (u64)ls.a, (u64)ls.inode, (u64)val,
			   BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	WARN_ON(!shim_call(ls.v->inode_get, (u64)ls.b, (u64)ls.inode, (u64)val,
			   BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	rcu_read_unlock();
	set_fault(variant);
	return &ls;
}

/*
 * Eviction destroys the storage at once (the inode goes after a grace
 * period); an LSM program that found the inode by a path walk may still
 * run on it (see bpf_selem_unlink_nofail()).
 */
static void inode_evict_fn(void *ctx)
{
	struct ls_ctx *c = ctx;

	wait_readers(c);
	shim_inode_free(c->inode);
}

/*
 * Lookup only: get(F_CREATE) must only be called where the inode holds a
 * reference and cannot be freed (bpf_inode_storage_get()), which eviction
 * rules out.  With F_CREATE here the explorer finds the consequence: a new
 * storage that no destroy frees, whose owner map_free then reads freed.
 */
static void inode_lookup_fn(void *ctx)
{
	struct ls_ctx *c = ctx;

	prog_enter(c);
	c->get_ret = shim_call(c->v->inode_get, (u64)c->b, (u64)c->inode, 0, 0, GFP_ATOMIC);
	prog_exit();
}

static void inode_delete_fn(void *ctx)
{
	struct ls_ctx *c = ctx;

	prog_enter(c);
	c->del_ret = shim_call(c->v->inode_del, (u64)c->b, (u64)c->inode, 0, 0, 0);
	prog_exit();
}

const struct sim_ex_scenario sim_ex_ls_teardown_inode = {
	.name = "ls_teardown_inode",
	.what = "inode: eviction | map_free(A) | an LSM program's get(B) | delete(B), lock faults",
	.nr_tasks = 4,
	.task = { { "evict", 0, inode_evict_fn }, { "map_free", 1, map_free_fn },
		  { "lookup", 2, inode_lookup_fn }, { "delete", 3, inode_delete_fn } },
	.irq_task = -1,
	.nr_variants = NR_FAULT_VARIANTS,
	.variant_name = fault_variant,
	.setup = inode_setup,
	.check = ls_check,
	.teardown = ls_teardown,
};

/* ---- ls_cross_task: two owners x two maps (issue 16, scenario 2) ---- */

static void *cross_setup(int variant)
{
	u64 val[VAL_SIZE / 8] = { 1 };
	int i;

	task_setup(0);		/* owner 0 = ls.task, elements in A and B */
	ls.own[1] = shim_task_new("owner1");
	ls.own[1]->shim_variant = ls.v;
	ls.own[0] = ls.task;
	rcu_read_lock();
	for (i = 0; i < 2; i++)
		WARN_ON(!shim_call(ls.v->task_get, (u64)(i ? ls.b : ls.a), (u64)ls.own[1],
				   (u64)val, BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	rcu_read_unlock();
	ls.fault = variant;
	set_fault(variant);
	return &ls;
}

/* Programs crossing the owners in map B (A is being freed: no program has it). */
static void cross_prog0(void *ctx)
{
	struct ls_ctx *c = ctx;
	u64 val[VAL_SIZE / 8] = { 2 };

	prog_enter(c);
	shim_call(c->v->task_get, (u64)c->b, (u64)c->own[0], (u64)val,
		  BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
	shim_call(c->v->task_del, (u64)c->b, (u64)c->own[1], 0, 0, 0);
	prog_exit();
}

static void cross_prog1(void *ctx)
{
	struct ls_ctx *c = ctx;
	u64 val[VAL_SIZE / 8] = { 3 };

	prog_enter(c);
	shim_call(c->v->task_del, (u64)c->b, (u64)c->own[0], 0, 0, 0);
	shim_call(c->v->task_get, (u64)c->b, (u64)c->own[1], (u64)val,
		  BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
	prog_exit();
}

/* The survivor's storage: its charge and its elements agree. */
static const char *cross_check(void *ctx)
{
	struct ls_ctx *c = ctx;
	struct bpf_local_storage *st;
	const char *why;

	why = ls_check(ctx);
	if (why)
		return why;
	/*
	 * map_free failing the live owner's storage lock leaves the element
	 * linked there without its map, by design, for the owner's destroy:
	 * the stand-in's check cannot size it then.
	 */
	if (c->fault && !strcmp(fault_sites[(c->fault - 1) / 4], "map_free_ls"))
		return NULL;
	st = rcu_access_pointer(c->own[1]->bpf_storage);
	if (st && c->v->storage_charge_check(st))
		return "the live owner's mem_charge is not sizeof(storage) + its elements";
	return NULL;
}

static void cross_teardown(void *ctx)
{
	struct ls_ctx *c = ctx;

	sim_fault_clear();
	shim_task_exit(c->own[1]);
	shim_map_release_now(c->b);
}

const struct sim_ex_scenario sim_ex_ls_cross_task = {
	.name = "ls_cross_task",
	.what = "2 tasks x maps A, B: owner 0 freed | map_free(A) | programs crossing them in B",
	.nr_tasks = 4,
	.task = { { "exit0", 0, task_exit_fn }, { "map_free", 1, map_free_fn },
		  { "prog0", 2, cross_prog0 }, { "prog1", 3, cross_prog1 } },
	.irq_task = -1,
	.nr_variants = NR_FAULT_VARIANTS,
	.variant_name = fault_variant,
	.setup = cross_setup,
	.check = cross_check,
	.teardown = cross_teardown,
};

/* ---- ls_clone_sk: clone | the parent's destroy | map_free (scenario 3) ---- */

static void *clone_setup(int variant)
{
	u64 val[VAL_SIZE / 8] = { 1 };

	memset(&ls, 0, sizeof(ls));
	ls.v = &patched__shim_variant_table;
	ls.fault = variant;
	/* A is not cloned, B is */
	ls.a = shim_map_create(ls.v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.b = shim_map_create(ls.v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC | BPF_F_CLONE, NULL, 0);
	ls.sk = shim_sock_new();
	ls.sk->shim_variant = ls.v;
	sock_hold(ls.sk);		/* the cloner's reference */
	rcu_read_lock();
	WARN_ON(!shim_call(ls.v->sk_get, (u64)ls.a, (u64)ls.sk, (u64)val,
			   BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	WARN_ON(!shim_call(ls.v->sk_get, (u64)ls.b, (u64)ls.sk, (u64)val,
			   BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	rcu_read_unlock();
	set_fault(variant);
	return &ls;
}

/* sk_clone_lock() on a listener it holds, then its reference goes. */
static void clone_fn(void *ctx)
{
	struct ls_ctx *c = ctx;
	struct sock *nsk;

	wait_readers_n(c, 1);
	nsk = shim_sock_clone(c->sk);
	c->clone = IS_ERR(nsk) ? NULL : nsk;
	sock_put(c->sk);
}

static void clone_put_fn(void *ctx)
{
	struct ls_ctx *c = ctx;

	wait_readers_n(c, 1);
	sock_put(c->sk);		/* the other reference: one of them destroys */
}

static const char *clone_check(void *ctx)
{
	struct ls_ctx *c = ctx;
	long charged;

	if (!c->fault && !c->clone)
		return "the clone failed without a lock fault";
	if (c->clone && c->v->sk_charge_check(c->clone, &charged))
		return "the clone's sk_omem_alloc is not its storage and elements";
	return map_b_clean_of(c, c->clone);
}

static void clone_teardown(void *ctx)
{
	struct ls_ctx *c = ctx;

	sim_fault_clear();
	if (c->clone)
		sock_put(c->clone);
	shim_map_release_now(c->b);
}

const struct sim_ex_scenario sim_ex_ls_clone_sk = {
	.name = "ls_clone_sk",
	.what = "sk: clone | the parent's last sock_put | map_free(A) | delete(B) on the parent",
	.nr_tasks = 4,
	.task = { { "clone", 0, clone_fn }, { "put", 1, clone_put_fn },
		  { "map_free", 2, map_free_fn }, { "delete", 3, sk_delete_fn } },
	.irq_task = -1,
	.nr_variants = NR_FAULT_VARIANTS,
	.variant_name = fault_variant,
	.setup = clone_setup,
	.check = clone_check,
	.teardown = clone_teardown,
};

/* ---- ls_pair_sk: destroy and map_free on one element, nothing else ---- */

static void *pair_setup(int variant)
{
	u64 val[VAL_SIZE / 8] = { 1 };

	memset(&ls, 0, sizeof(ls));
	ls.v = &patched__shim_variant_table;
	ls.a = shim_map_create(ls.v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.sk = shim_sock_new();
	ls.sk->shim_variant = ls.v;
	rcu_read_lock();
	WARN_ON(!shim_call(ls.v->sk_get, (u64)ls.a, (u64)ls.sk, (u64)val,
			   BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC));
	rcu_read_unlock();
	return &ls;
}

static void pair_put_fn(void *ctx)
{
	sock_put(((struct ls_ctx *)ctx)->sk);
}

static const char *pair_check(void *ctx)
{
	return NULL;
}

static void pair_teardown(void *ctx)
{
}

const struct sim_ex_scenario sim_ex_ls_pair_sk = {
	.name = "ls_pair_sk",
	.what = "sk: last sock_put (destroy) | map_free, on one element",
	.nr_tasks = 2,
	.task = { { "put", 0, pair_put_fn }, { "map_free", 1, map_free_fn } },
	.irq_task = -1,
	.setup = pair_setup,
	.check = pair_check,
	.teardown = pair_teardown,
};

/*
 * ---- ls_leak_*: the two tear-downs that leak by design, explored ----
 *
 * One socket, one element in map A: the last sock_put() (destroy) against
 * map_free(A), with the lock failure that leaks by design (shim/README.md,
 * Known leaks by design), so that the explorer sees what the other
 * scenarios must leave out:
 *  ls_leak_destroy_sk  destroy's storage lock fails (1st time, -EDEADLK or
 *                      -ETIMEDOUT): destroy leaves the element on the
 *                      storage, or map_free, which read the storage before
 *                      destroy cleared it, unlinks it there while destroy
 *                      has already given the owner up (the owner pin must
 *                      fail then)
 *  ls_leak_map_free_sk map_free's bucket lock fails (the 1st time or every
 *                      time), and need_resched() is true at every element
 *                      (or never): map_free leaves the element in the
 *                      bucket, and must not visit it again after restarting
 * The check: whatever is still allocated after the run is exactly the
 * leftover the design allows, in the state the code leaves it (the
 * variant table's reap functions check it and free it).
 */
#define LEAK_DESTROY_VARIANTS	2
#define LEAK_MAP_FREE_VARIANTS	4

static const char *leak_destroy_variant(int v, char *buf, unsigned long size)
{
	scnprintf(buf, size, "destroy_ls fails the 1st time with %s", v ? "ETIMEDOUT" : "EDEADLK");
	return buf;
}

static const char *leak_map_free_variant(int v, char *buf, unsigned long size)
{
	scnprintf(buf, size, "map_free_b fails %s, need_resched() %s",
		  v & 1 ? "every time" : "the 1st time", v & 2 ? "never" : "always");
	return buf;
}

static void *leak_setup(const char *site, int nth, int every, int err)
{
	u64 val[VAL_SIZE / 8] = { 1 };
	struct sim_fault_cfg cfg = { .nth = nth, .every = every, .err = err };
	struct bpf_local_storage_data *sdata;

	memset(&ls, 0, sizeof(ls));
	ls.v = &patched__shim_variant_table;
	ls.a = shim_map_create(ls.v->sk_ops, BPF_MAP_TYPE_SK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	ls.sk = shim_sock_new();
	ls.sk->shim_variant = ls.v;
	rcu_read_lock();
	ls.value = (void *)shim_call(ls.v->sk_get, (u64)ls.a, (u64)ls.sk, (u64)val,
				     BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
	rcu_read_unlock();
	WARN_ON(!ls.value);
	sdata = container_of(ls.value, struct bpf_local_storage_data, data);
	ls.selem = SELEM(sdata);
	ls.st = rcu_access_pointer(ls.sk->sk_bpf_storage);
	ls.st_key = sim_obj_key(ls.st);
	ls.selem_key = sim_obj_key(ls.selem);
	cfg.sites = shim_ls_sites(site);
	sim_fault_set(&cfg);
	return &ls;
}

static void *leak_destroy_setup(int variant)
{
	return leak_setup("destroy_ls", 1, 0, variant ? -ETIMEDOUT : -EDEADLK);
}

static void *leak_map_free_setup(int variant)
{
	void *ctx = leak_setup("map_free_b", 1, variant & 1, -EDEADLK);

	if (!(variant & 2))
		sim_set_need_resched_period(1);
	return ctx;
}

/* Still allocated: the same allocation as at setup (keys are never reused). */
static bool leak_alive(const void *p, unsigned long key)
{
	return sim_obj_key(p) == key;
}

static const char *leak_destroy_check(void *ctx)
{
	struct ls_ctx *c = ctx;
	const char *why = NULL;

	sim_fault_clear();
	if (!leak_alive(c->st, c->st_key)) {
		if (leak_alive(c->selem, c->selem_key))
			return "the storage was freed, its element was not";
		return NULL;
	}
	/*
	 * destroy left the element on the storage, which nobody frees.  If
	 * map_free came by too (it found the element in the bucket before
	 * destroy unlinked it there), the second of them moved the state to
	 * TOFREE but did not free it, as it is still linked to the storage.
	 */
	atomic_cmpxchg(&c->selem->state, SELEM_TOFREE, SELEM_STORAGE_UNLINKED);
	if (c->v->reap_destroy_leftovers(c->st, &why) != 1)
		return why ?: "the storage destroy left does not hold exactly its element";
	return NULL;
}

static const char *leak_map_free_check(void *ctx)
{
	struct ls_ctx *c = ctx;
	struct bpf_local_storage_elem *selem = c->selem;
	const char *why = NULL;
	int state;

	sim_fault_clear();
	sim_set_need_resched_period(0);
	if (leak_alive(c->st, c->st_key))
		return "the storage outlived its owner";
	if (!leak_alive(selem, c->selem_key))
		return NULL;
	state = atomic_read(&selem->state);
	if (hlist_unhashed_lockless(&selem->map_node)) {
		/*
		 * Out of the bucket but not freed: map_free visited it again
		 * after a restart and got the bucket lock then.  The restart
		 * skips what has SELEM_MAP_UNLINKED; once destroy was done
		 * too, the state is SELEM_TOFREE without that bit, and the
		 * patched code visits the element a second time (harmless:
		 * nobody frees it either way).  Without SELEM_TOFREE, the
		 * restart did not skip an element map_free was done with.
		 */
		if (!(state & SELEM_TOFREE))
			return "map_free visited again an element it was done with";
		if (!hlist_unhashed_lockless(&selem->snode) ||
		    rcu_access_pointer(selem->local_storage) || rcu_access_pointer(SDATA(selem)->smap))
			return "an element out of its bucket, not freed, still linked";
		kfree(selem);
		return NULL;
	}
	/*
	 * map_free left the element in the bucket freed with the map (if
	 * destroy was done with it too, in TOFREE, not freed while linked).
	 */
	if (state & SELEM_TOFREE)
		atomic_set(&selem->state, SELEM_MAP_UNLINKED);
	if (c->v->reap_map_free_leftover(c->value, &why) != 1)
		return why ?: "map_free's leftover is not as map_free leaves it";
	return NULL;
}

static void leak_teardown(void *ctx)
{
}

const struct sim_ex_scenario sim_ex_ls_leak_destroy_sk = {
	.name = "ls_leak_destroy_sk",
	.what = "sk: last sock_put | map_free(A), destroy's storage lock failing (leaks by design)",
	.nr_tasks = 2,
	.task = { { "put", 0, pair_put_fn }, { "map_free", 1, map_free_fn } },
	.irq_task = -1,
	.nr_variants = LEAK_DESTROY_VARIANTS,
	.variant_name = leak_destroy_variant,
	.setup = leak_destroy_setup,
	.check = leak_destroy_check,
	.teardown = leak_teardown,
	.warn_file = SHIM_LS_FILE,
	.warn_cond = SHIM_WARN_DESTROY_LS,
};

const struct sim_ex_scenario sim_ex_ls_leak_map_free_sk = {
	.name = "ls_leak_map_free_sk",
	.what = "sk: last sock_put | map_free(A), map_free's bucket lock failing, need_resched()",
	.nr_tasks = 2,
	.task = { { "put", 0, pair_put_fn }, { "map_free", 1, map_free_fn } },
	.irq_task = -1,
	.nr_variants = LEAK_MAP_FREE_VARIANTS,
	.variant_name = leak_map_free_variant,
	.setup = leak_map_free_setup,
	.check = leak_map_free_check,
	.teardown = leak_teardown,
	.warn_file = SHIM_LS_FILE,
	.warn_cond = SHIM_WARN_MAP_FREE_B,
};

/* ---- ls_busy_*: two tasks of one CPU in tracing programs ---- */

static void *busy_setup(const struct shim_variant *v)
{
	int i;

	memset(&ls, 0, sizeof(ls));
	ls.v = v;
	ls.b = shim_map_create(v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE,
			       BPF_F_NO_PREALLOC, NULL, 0);
	for (i = 0; i < 2; i++) {
		ls.own[i] = shim_task_new("own");
		ls.own[i]->shim_variant = v;
	}
	return &ls;
}

static void *busy_stock_setup(int variant) { return busy_setup(&stock__shim_variant_table); }
static void *busy_patched_setup(int variant) { return busy_setup(&patched__shim_variant_table); }

static void busy_fn(struct ls_ctx *c, int i)
{
	u64 val[VAL_SIZE / 8] = { 3 };
	long ret;

	rcu_read_lock();
	migrate_disable();
	if (!shim_call(c->v->task_get_tracing, (u64)c->b, (u64)c->own[i], (u64)val,
		       BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC))
		c->nr_get_null++;
	ret = shim_call(c->v->task_del_tracing, (u64)c->b, (u64)c->own[i], 0, 0, 0);
	if (ret)
		c->nr_del_err++;
	migrate_enable();
	rcu_read_unlock();
}

static void busy_fn0(void *ctx) { busy_fn(ctx, 0); }
static void busy_fn1(void *ctx) { busy_fn(ctx, 1); }

static unsigned long busy_events(void *ctx)
{
	struct ls_ctx *c = ctx;

	return c->nr_get_null + c->nr_del_err;
}

static const char *busy_stock_check(void *ctx)
{
	return NULL;	/* stock's failures are what the scenario counts */
}

static const char *busy_patched_check(void *ctx)
{
	return busy_events(ctx) ? "a get(F_CREATE) or delete failed spuriously" : NULL;
}

static void busy_teardown(void *ctx)
{
	struct ls_ctx *c = ctx;

	shim_task_exit(c->own[0]);
	shim_task_exit(c->own[1]);
	shim_map_release_now(c->b);
}

const struct sim_ex_scenario sim_ex_ls_busy_stock = {
	.name = "ls_busy_stock",
	.what = "stock 6.12: two tasks of one CPU, tracing get(F_CREATE)+delete (busy counter)",
	.nr_tasks = 2,
	.task = { { "prog0", 0, busy_fn0 }, { "prog1", 0, busy_fn1 } },
	.irq_task = -1,
	.setup = busy_stock_setup,
	.check = busy_stock_check,
	.teardown = busy_teardown,
	.quiesce = 1,
	.event_name = "spurious NULL/-EBUSY (busy counter)",
	.events = busy_events,
};

const struct sim_ex_scenario sim_ex_ls_busy_patched = {
	.name = "ls_busy_patched",
	.what = "patched: the same, no spurious failure allowed",
	.nr_tasks = 2,
	.task = { { "prog0", 0, busy_fn0 }, { "prog1", 0, busy_fn1 } },
	.irq_task = -1,
	.setup = busy_patched_setup,
	.check = busy_patched_check,
	.teardown = busy_teardown,
	.quiesce = 1,
	.event_name = "spurious NULL/-EBUSY",
	.events = busy_events,
};
