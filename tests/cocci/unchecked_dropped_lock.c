// SPDX-License-Identifier: GPL-2.0
/* The result of an rqspinlock acquire is dropped. */

static void cache_insert(struct bpf_local_storage *local_storage,
			 struct bpf_local_storage_map *smap,
			 struct bpf_local_storage_elem *selem)
{
	unsigned long flags;

	raw_res_spin_lock_irqsave(&local_storage->lock, flags);	/* cocci: rqspinlock_unchecked */
	if (selem_linked_to_storage(selem))
		rcu_assign_pointer(local_storage->cache[smap->cache_idx], SDATA(selem));
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
}
