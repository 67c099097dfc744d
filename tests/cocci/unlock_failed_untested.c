// SPDX-License-Identifier: GPL-2.0
/* The error is returned, but only after the critical section and the unlock. */

static int __must_check link_map(struct bpf_local_storage_map_bucket *b,
				 struct bpf_local_storage_elem *selem)
{
	unsigned long flags;
	int err;

	err = raw_res_spin_lock_irqsave(&b->lock, flags);
	hlist_add_head_rcu(&selem->map_node, &b->list);
	raw_res_spin_unlock_irqrestore(&b->lock, flags);	/* cocci: rqspinlock_unlock_failed */
	return err;
}
