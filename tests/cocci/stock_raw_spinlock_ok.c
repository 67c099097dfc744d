// SPDX-License-Identifier: GPL-2.0
/*
 * Stock 6.12 code with raw spinlocks, which cannot fail: no rule may report
 * it.  cocci: none
 */

static void bpf_selem_unlink_storage(struct bpf_local_storage_elem *selem,
				     bool reuse_now)
{
	struct bpf_local_storage *local_storage;
	bool free_local_storage = false;
	unsigned long flags;

	local_storage = rcu_dereference_check(selem->local_storage, bpf_rcu_lock_held());
	raw_spin_lock_irqsave(&local_storage->lock, flags);
	if (likely(selem_linked_to_storage(selem)))
		free_local_storage = bpf_selem_unlink_storage_nolock(local_storage, selem,
								     true, reuse_now);
	raw_spin_unlock_irqrestore(&local_storage->lock, flags);
	if (free_local_storage)
		bpf_local_storage_free(local_storage, reuse_now);
}

static void two_raw_locks(raw_spinlock_t *a, raw_spinlock_t *b)
{
	raw_spin_lock(a);
	raw_spin_lock(b);
	raw_spin_unlock(a);
	raw_spin_unlock(b);
	while (!raw_spin_trylock(a))
		cpu_relax();
	raw_spin_unlock(a);
}
