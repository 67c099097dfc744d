// SPDX-License-Identifier: GPL-2.0
/* Locks released in reverse order, or never nested.  cocci: none */

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
	if (err)
		goto unlock;
	bpf_selem_link_map_nolock(b, selem);
	bpf_selem_link_storage_nolock(local_storage, selem);
	raw_res_spin_unlock_irqrestore(&b->lock, b_flags);
unlock:
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
	return err;
}

/* The nofail path: bucket lock, release, then storage lock. */
static void unlink_nofail(struct bpf_local_storage *local_storage,
			  struct bpf_local_storage_map_bucket *b,
			  struct bpf_local_storage_elem *selem)
{
	unsigned long flags;

	if (!raw_res_spin_lock_irqsave(&b->lock, flags)) {
		hlist_del_init_rcu(&selem->map_node);
		raw_res_spin_unlock_irqrestore(&b->lock, flags);
	}
	if (!raw_res_spin_lock_irqsave(&local_storage->lock, flags)) {
		hlist_del_init_rcu(&selem->snode);
		raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
	}
}

static int move_count(struct counter *from, struct counter *to)
{
	if (res_spin_lock(&from->lock))
		return -EBUSY;
	if (res_spin_lock(&to->lock)) {
		res_spin_unlock(&from->lock);
		return -EBUSY;
	}
	from->val--;
	to->val++;
	res_spin_unlock(&to->lock);
	res_spin_unlock(&from->lock);
	return 0;
}
