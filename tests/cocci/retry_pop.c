// SPDX-License-Identifier: GPL-2.0
/*
 * map_free at the transitional step of the series: the loop takes the first
 * element of the bucket until the bucket is empty; a failing unlink leaves
 * the element first and the loop spins.
 */

static void map_free_bucket(struct bpf_local_storage_map_bucket *b)
{
	struct bpf_local_storage_elem *selem;

	rcu_read_lock();
	while ((selem = hlist_entry_safe(rcu_dereference_raw(hlist_first_rcu(&b->list)),
					 struct bpf_local_storage_elem, map_node))) {
		WARN_ON_ONCE(bpf_selem_unlink(selem));	/* cocci: rqspinlock_retry */
		cond_resched_rcu();
	}
	rcu_read_unlock();
}
