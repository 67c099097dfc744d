// SPDX-License-Identifier: GPL-2.0
/* The failure is tested, but the failure branch does not leave. */

static void cache_insert(struct bpf_local_storage *local_storage,
			 struct bpf_local_storage_map *smap,
			 struct bpf_local_storage_elem *selem)
{
	unsigned long flags;

	if (raw_res_spin_lock_irqsave(&local_storage->lock, flags))
		pr_warn_once("local storage lock failed\n");
	if (selem_linked_to_storage(selem))
		rcu_assign_pointer(local_storage->cache[smap->cache_idx], SDATA(selem));
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);	/* cocci: rqspinlock_unlock_failed */
}
