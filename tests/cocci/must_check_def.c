// SPDX-License-Identifier: GPL-2.0
/* A static failable function defined without __must_check. */

static int bpf_selem_unlink_map(struct bpf_local_storage_elem *selem)	/* cocci: rqspinlock_must_check */
{
	struct bpf_local_storage_map_bucket *b;
	unsigned long flags;
	int err;

	b = select_bucket(selem);
	err = raw_res_spin_lock_irqsave(&b->lock, flags);
	if (err)
		return err;
	if (likely(selem_linked_to_map(selem)))
		hlist_del_init_rcu(&selem->map_node);
	raw_res_spin_unlock_irqrestore(&b->lock, flags);
	return 0;
}
