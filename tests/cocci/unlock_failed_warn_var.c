// SPDX-License-Identifier: GPL-2.0
/* A warning is not a test: the code after it still runs without the lock. */

static int __must_check map_unlink(struct bpf_local_storage_map_bucket *b,
				   struct bpf_local_storage_elem *selem)
{
	unsigned long flags;
	int err;

	err = raw_res_spin_lock_irqsave(&b->lock, flags);
	WARN_ON_ONCE(err);
	hlist_del_init_rcu(&selem->map_node);
	raw_res_spin_unlock_irqrestore(&b->lock, flags);	/* cocci: rqspinlock_unlock_failed */
	return err;
}
