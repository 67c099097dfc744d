// SPDX-License-Identifier: GPL-2.0
/*
 * A wrapper that returns the result of an acquire is failable as well: its
 * caller drops the result.
 */

static int __must_check storage_lock(struct bpf_local_storage *local_storage,
				     unsigned long *flags)
{
	return raw_res_spin_lock_irqsave(&local_storage->lock, *flags);
}

static void storage_unlock(struct bpf_local_storage *local_storage,
			   unsigned long flags)
{
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
}

static void clear_cache(struct bpf_local_storage *local_storage, u16 idx)
{
	unsigned long flags;

	storage_lock(local_storage, &flags);	/* cocci: rqspinlock_unchecked */
	RCU_INIT_POINTER(local_storage->cache[idx], NULL);
	storage_unlock(local_storage, flags);
}
