// SPDX-License-Identifier: GPL-2.0
/* A do-while loop retrying until the lock is taken. */

static void bucket_add(struct bpf_local_storage_map_bucket *b,
		       struct bpf_local_storage_elem *selem)
{
	unsigned long flags;
	int err;

	do {
		err = raw_res_spin_lock_irqsave(&b->lock, flags);	/* cocci: rqspinlock_retry */
	} while (err);
	hlist_add_head_rcu(&selem->map_node, &b->list);
	raw_res_spin_unlock_irqrestore(&b->lock, flags);
}
