// SPDX-License-Identifier: GPL-2.0
/*
 * The entry table of one variant, compiled with that variant's tree on the
 * include path and linked (then renamed) together with its storage files.
 */
#include <linux/bpf.h>
#include <linux/bpf_lsm.h>
#include <net/sock.h>
#include <net/bpf_sk_storage.h>
#include <shim/variant.h>

/*
 * SHIM_PATCHED: the tree has the whole series (storage locks are
 * rqspinlocks, ls->mem_charge, selem->state, the test call-outs).
 * SHIM_STOCK: 6.12 as released.
 */
#if defined(SHIM_PATCHED) == defined(SHIM_STOCK)
#error "build with -DSHIM_STOCK or -DSHIM_PATCHED"
#endif

#include <linux/bpf_local_storage.h>

static int storage_nr_elems(struct bpf_local_storage *ls)
{
	struct bpf_local_storage_elem *selem;
	int n = 0;

	if (!ls)
		return 0;
	rcu_read_lock();
	hlist_for_each_entry_rcu(selem, &ls->list, snode)
		n++;
	rcu_read_unlock();
	return n;
}

static int storage_charge_check(struct bpf_local_storage *ls)
{
	int ret = 0;
#ifdef SHIM_PATCHED
	struct bpf_local_storage_elem *selem;
	u64 expected = sizeof(*ls);

	if (!ls)
		return 0;
	rcu_read_lock();
	hlist_for_each_entry_rcu(selem, &ls->list, snode) {
		struct bpf_local_storage_map *smap = rcu_dereference(SDATA(selem)->smap);

		if (smap)
			expected += smap->elem_size;
		else
			ret = -1;	/* map tear-down in progress */
	}
	rcu_read_unlock();
	if (READ_ONCE(ls->mem_charge) != expected)
		ret = -1;
#endif
	return ret;
}

static int sk_charge_check(struct sock *sk, long *charged)
{
	struct bpf_local_storage_elem *selem;
	struct bpf_local_storage *ls;
	long expected = 0;
	int ret = 0;

	rcu_read_lock();
	ls = rcu_dereference(sk->sk_bpf_storage);
	if (ls) {
		expected = sizeof(*ls);
		hlist_for_each_entry_rcu(selem, &ls->list, snode) {
			struct bpf_local_storage_map *smap;

			smap = rcu_dereference(SDATA(selem)->smap);
			if (!smap) {	/* map tear-down in progress */
				ret = -2;
				continue;
			}
			expected += smap->elem_size;
		}
#ifdef SHIM_PATCHED
		if (READ_ONCE(ls->mem_charge) != expected)
			ret = -1;
#endif
	}
	rcu_read_unlock();
	*charged = atomic_read(&sk->sk_omem_alloc);
	if (!ret && *charged != expected)
		ret = -1;
	return ret;
}

#ifdef SHIM_PATCHED
static const char *destroy_leftover_bad(struct bpf_local_storage_elem *selem)
{
	if (atomic_read(&selem->state) != SELEM_STORAGE_UNLINKED)
		return "state is not SELEM_STORAGE_UNLINKED";
	if (rcu_access_pointer(selem->local_storage))
		return "local_storage not cleared";
	if (rcu_access_pointer(SDATA(selem)->smap))
		return "smap not cleared";
	if (!hlist_unhashed_lockless(&selem->map_node))
		return "still in a map bucket";
	if (selem->bpf_ma)
		return "from bpf_mem_alloc";
	return NULL;
}

static int reap_destroy_leftovers(struct bpf_local_storage *ls, const char **why)
{
	struct bpf_local_storage_elem *selem;
	struct hlist_node *n;
	int nr = 0;

	*why = ls->bpf_ma ? "storage from bpf_mem_alloc" : NULL;
	hlist_for_each_entry(selem, &ls->list, snode)
		if (!*why)
			*why = destroy_leftover_bad(selem);
	if (*why)
		return -1;
	hlist_for_each_entry_safe(selem, n, &ls->list, snode) {
		hlist_del_init(&selem->snode);
		kfree(selem);
		nr++;
	}
	kfree(ls);
	return nr;
}

static int reap_map_free_leftover(void *value, const char **why)
{
	struct bpf_local_storage_data *sdata;
	struct bpf_local_storage_elem *selem;

	sdata = container_of(value, struct bpf_local_storage_data, data);
	selem = SELEM(sdata);
	*why = NULL;
	if (atomic_read(&selem->state) != SELEM_MAP_UNLINKED)
		*why = "state is not SELEM_MAP_UNLINKED";
	else if (rcu_access_pointer(SDATA(selem)->smap))
		*why = "smap not cleared";
	else if (rcu_access_pointer(selem->local_storage))
		*why = "local_storage not cleared";
	else if (!hlist_unhashed_lockless(&selem->snode))
		*why = "still on a storage list";
	else if (hlist_unhashed_lockless(&selem->map_node))
		*why = "unlinked from its bucket";
	else if (selem->bpf_ma)
		*why = "from bpf_mem_alloc";
	if (*why)
		return -1;
	kfree(selem);
	return 1;
}
#endif

#ifdef SHIM_PATCHED
/*
 * The storage code's own KUnit call-outs (bpf_ls_test_ops) name the lock
 * site (enum bpf_ls_test_site).  The shim installs its ops at boot and keeps
 * them installed:
 * a KUnit suite's bpf_ls_test_set_ops() calls are redirected (objcopy, see
 * the Makefile) to shim_ls_test_set_ops(), which makes the suite's ops the
 * inner ops the shim's call into.  So a suite behaves as in the kernel, and
 * the shim's fault and interrupt injection compose with it.
 */
static const struct bpf_ls_test_ops *inner_ops;

static void shim_ls_hook(enum bpf_ls_test_site site, void *ctx)
{
	const struct bpf_ls_test_ops *ops = READ_ONCE(inner_ops);

	if (unlikely(READ_ONCE(sim_irq_armed_count)))
		sim_irq_point(SIM_IRQ_POINT_LS(site), NULL);
	if (ops && ops->hook)
		ops->hook(site, ops->ctx);
}

static int shim_ls_lock_fault(enum bpf_ls_test_site site, void *ctx)
{
	const struct bpf_ls_test_ops *ops = READ_ONCE(inner_ops);
	int err;

	if (unlikely(READ_ONCE(sim_irq_armed_count)))
		sim_irq_point(SIM_IRQ_POINT_LS_PRE(site), NULL);
	if (unlikely(READ_ONCE(sim_fault_armed))) {
		err = sim_fault_lock(site);
		if (err)
			return err;
	}
	if (ops && ops->lock_fault)
		return ops->lock_fault(site, ops->ctx);
	return 0;
}

static const struct bpf_ls_test_ops shim_ls_ops = {
	.hook = shim_ls_hook,
	.lock_fault = shim_ls_lock_fault,
};

void shim_ls_test_set_ops(const struct bpf_ls_test_ops *ops);
void shim_ls_test_set_ops(const struct bpf_ls_test_ops *ops)
{
	WRITE_ONCE(inner_ops, ops);
	if (!ops)
		synchronize_rcu();
}

static int shim_ls_hooks_init(void)
{
	bpf_ls_test_set_ops(&shim_ls_ops);
	return 0;
}
late_initcall(shim_ls_hooks_init);
#endif

const struct shim_variant shim_variant_table = {
#ifdef SHIM_PATCHED
	.name			= "patched",
#else
	.name			= "stock",
#endif
	.task_ops		= &task_storage_map_ops,
	.cgrp_ops		= &cgrp_storage_map_ops,
	.inode_ops		= &inode_storage_map_ops,
	.sk_ops			= &sk_storage_map_ops,
	.task_get		= &bpf_task_storage_get_proto,
	.task_del		= &bpf_task_storage_delete_proto,
#ifdef SHIM_STOCK
	.task_get_tracing	= &bpf_task_storage_get_recur_proto,
	.task_del_tracing	= &bpf_task_storage_delete_recur_proto,
#else
	.task_get_tracing	= &bpf_task_storage_get_proto,
	.task_del_tracing	= &bpf_task_storage_delete_proto,
#endif
	.cgrp_get		= &bpf_cgrp_storage_get_proto,
	.cgrp_del		= &bpf_cgrp_storage_delete_proto,
	.inode_get		= &bpf_inode_storage_get_proto,
	.inode_del		= &bpf_inode_storage_delete_proto,
	.sk_get			= &bpf_sk_storage_get_proto,
	.sk_del			= &bpf_sk_storage_delete_proto,
	.sk_get_tracing		= &bpf_sk_storage_get_tracing_proto,
	.sk_del_tracing		= &bpf_sk_storage_delete_tracing_proto,
	.task_storage_free	= bpf_task_storage_free,
	.cgrp_storage_free	= bpf_cgrp_storage_free,
	.inode_storage_free	= bpf_inode_storage_free,
	.sk_storage_free	= bpf_sk_storage_free,
	.sk_storage_clone	= bpf_sk_storage_clone,
	.sk_diag_alloc		= bpf_sk_storage_diag_alloc,
	.sk_diag_free		= bpf_sk_storage_diag_free,
	.sk_diag_put		= bpf_sk_storage_diag_put,
	.sk_charge_check	= sk_charge_check,
	.storage_nr_elems	= storage_nr_elems,
	.storage_charge_check	= storage_charge_check,
#ifdef SHIM_PATCHED
	.reap_destroy_leftovers	= reap_destroy_leftovers,
	.reap_map_free_leftover	= reap_map_free_leftover,
#endif
};
