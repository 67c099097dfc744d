// SPDX-License-Identifier: GPL-2.0
/* The failure path jumps to the label of the unlock. */

static int __must_check selem_unlink(struct bpf_local_storage *local_storage,
				     struct bpf_local_storage_elem *selem)
{
	bool free_storage = false;
	unsigned long flags;
	int err;

	err = raw_res_spin_lock_irqsave(&local_storage->lock, flags);
	if (err)
		goto unlock;
	if (likely(selem_linked_to_storage(selem)))
		free_storage = bpf_selem_unlink_storage_nolock(local_storage, selem);
unlock:
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);	/* cocci: rqspinlock_unlock_failed */
	if (free_storage)
		bpf_local_storage_free(local_storage);
	return err;
}
