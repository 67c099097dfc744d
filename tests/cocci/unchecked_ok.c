// SPDX-License-Identifier: GPL-2.0
/*
 * Failable calls whose result is handled, and calls that look alike but
 * cannot fail.  cocci: none
 */

static int __must_check storage_lock(struct bpf_local_storage *local_storage,
				     unsigned long *flags)
{
	return raw_res_spin_lock_irqsave(&local_storage->lock, *flags);
}

/* Calls the acquire but maps its failure: not a wrapper. */
static bool storage_try(struct bpf_local_storage *local_storage)
{
	unsigned long flags;

	if (raw_res_spin_lock_irqsave(&local_storage->lock, flags))
		return false;
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
	return true;
}

static void cache_insert(struct bpf_local_storage *local_storage,
			 struct bpf_local_storage_map *smap,
			 struct bpf_local_storage_elem *selem)
{
	unsigned long flags;
	int err;

	err = raw_res_spin_lock_irqsave(&local_storage->lock, flags);
	if (err)
		return;
	if (selem_linked_to_storage(selem))
		rcu_assign_pointer(local_storage->cache[smap->cache_idx], SDATA(selem));
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
	storage_try(local_storage);
}

static int sk_storage_del(struct sock *sk, struct bpf_map *map)
{
	struct bpf_local_storage_data *sdata;

	sdata = bpf_sk_storage_lookup(sk, map, false);
	if (!sdata)
		return -ENOENT;

	return bpf_selem_unlink(SELEM(sdata));
}

static long task_storage_update(struct task_struct *task, struct bpf_map *map,
				void *value, u64 map_flags)
{
	struct bpf_local_storage_data *sdata;

	sdata = bpf_local_storage_update(task, (struct bpf_local_storage_map *)map,
					 value, map_flags, GFP_ATOMIC);
	return PTR_ERR_OR_ZERO(sdata);
}

static int clone_one(struct bpf_local_storage *new_sk_storage,
		     struct bpf_local_storage_map *smap,
		     struct bpf_local_storage_elem *copy_selem)
{
	int ret = bpf_selem_link_map(smap, new_sk_storage, copy_selem);

	if (ret)
		return ret;
	bpf_selem_link_storage_nolock(new_sk_storage, copy_selem);
	return 0;
}

static int first_elem(void *owner, struct bpf_local_storage_map *smap,
		      struct bpf_local_storage_elem *selem)
{
	int err;

	err = bpf_local_storage_alloc(owner, smap, selem, GFP_ATOMIC);
	if (err) {
		bpf_selem_free(selem, true);
		return err;
	}
	err = check_owner(owner);
	return err;
}

static void unlink_warn(struct bpf_local_storage_elem *selem)
{
	int err;

	err = bpf_selem_unlink_map(selem);
	WARN_ON_ONCE(err);
}

static void tear_down(struct bpf_local_storage_elem *selem,
		      struct bpf_local_storage_map_bucket *b,
		      struct bpf_local_storage *local_storage, unsigned long flags)
{
	unsigned long lflags;

	/* Cannot fail: no result to check. */
	bpf_selem_unlink_nofail(selem, b);
	bpf_selem_unlink_map_nolock(selem);
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
	if (!storage_lock(local_storage, &lflags))
		raw_res_spin_unlock_irqrestore(&local_storage->lock, lflags);
}
