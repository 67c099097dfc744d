// SPDX-License-Identifier: GPL-2.0
/*
 * Destroy asserting that the lock cannot fail (the transitional upstream
 * code): on failure it walks the list unlocked and releases a lock it does
 * not hold.
 */

static void storage_destroy(struct bpf_local_storage *local_storage)
{
	struct bpf_local_storage_elem *selem;
	struct hlist_node *n;
	unsigned long flags;

	WARN_ON_ONCE(raw_res_spin_lock_irqsave(&local_storage->lock, flags));
	hlist_for_each_entry_safe(selem, n, &local_storage->list, snode)
		bpf_selem_unlink_storage_nolock(local_storage, selem);
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);	/* cocci: rqspinlock_unlock_failed */
}
