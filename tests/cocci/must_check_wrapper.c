// SPDX-License-Identifier: GPL-2.0
/* A lock wrapper returning the result of the acquire. */

static inline int storage_lock(struct bpf_local_storage *local_storage,	/* cocci: rqspinlock_must_check */
			       unsigned long *flags)
{
	return raw_res_spin_lock_irqsave(&local_storage->lock, *flags);
}

static inline void storage_unlock(struct bpf_local_storage *local_storage,
				  unsigned long flags)
{
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
}

static void clear_cache(struct bpf_local_storage *local_storage, u16 idx)
{
	unsigned long flags;

	if (storage_lock(local_storage, &flags))
		return;
	RCU_INIT_POINTER(local_storage->cache[idx], NULL);
	storage_unlock(local_storage, flags);
}
