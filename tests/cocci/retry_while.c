// SPDX-License-Identifier: GPL-2.0
/* RFC v2 of the series: destroy retries the lock until it succeeds. */

static void storage_destroy(struct bpf_local_storage *local_storage)
{
	struct bpf_local_storage_elem *selem;
	struct hlist_node *n;
	unsigned long flags;

	while (raw_res_spin_lock_irqsave(&local_storage->lock, flags));	/* cocci: rqspinlock_retry */
	hlist_for_each_entry_safe(selem, n, &local_storage->list, snode)
		bpf_selem_unlink_storage_nolock(local_storage, selem);
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
}
