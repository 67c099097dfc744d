// SPDX-License-Identifier: GPL-2.0
/* Update releases the storage lock before the bucket lock taken after it. */

static int __must_check storage_update(struct bpf_local_storage *local_storage,
				       struct bpf_local_storage_map_bucket *b,
				       struct bpf_local_storage_elem *selem)
{
	unsigned long flags, b_flags;
	int err;

	err = raw_res_spin_lock_irqsave(&local_storage->lock, flags);
	if (err)
		return err;
	err = raw_res_spin_lock_irqsave(&b->lock, b_flags);
	if (err) {
		raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
		return err;
	}
	bpf_selem_link_map_nolock(b, selem);
	bpf_selem_link_storage_nolock(local_storage, selem);
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);	/* cocci: rqspinlock_lifo */
	raw_res_spin_unlock_irqrestore(&b->lock, b_flags);
	return 0;
}
