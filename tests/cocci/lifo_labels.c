// SPDX-License-Identifier: GPL-2.0
/*
 * Update with error labels and checks between the two acquires: the
 * success path releases the storage lock first.
 */

static int __must_check storage_replace(struct bpf_local_storage *local_storage,
					struct bpf_local_storage_map_bucket *b,
					struct bpf_local_storage_elem *selem,
					u64 map_flags)
{
	unsigned long flags, b_flags;
	int err;

	err = raw_res_spin_lock_irqsave(&local_storage->lock, flags);
	if (err)
		goto out;

	err = check_flags(local_storage, map_flags);
	if (err)
		goto unlock;

	err = raw_res_spin_lock_irqsave(&b->lock, b_flags);
	if (err)
		goto unlock;

	bpf_selem_link_map_nolock(b, selem);
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);	/* cocci: rqspinlock_lifo */
	raw_res_spin_unlock_irqrestore(&b->lock, b_flags);
	bpf_selem_link_storage_nolock(local_storage, selem);
	return 0;

unlock:
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
out:
	return err;
}
