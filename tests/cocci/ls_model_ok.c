// SPDX-License-Identifier: GPL-2.0
/*
 * A sketch of BPF local storage after the series, written from the
 * behaviour spec: every failable call is checked, locks are released in
 * reverse order and no failure is retried.  cocci: none
 */

static struct bpf_local_storage_map_bucket *
select_bucket(struct bpf_local_storage_map *smap,
	      struct bpf_local_storage *local_storage)
{
	return &smap->buckets[hash_ptr(local_storage, smap->bucket_log)];
}

static int __must_check bpf_selem_unlink_map(struct bpf_local_storage_elem *selem)
{
	struct bpf_local_storage *local_storage;
	struct bpf_local_storage_map *smap;
	struct bpf_local_storage_map_bucket *b;
	unsigned long flags;
	int err;

	local_storage = rcu_dereference_check(selem->local_storage, bpf_rcu_lock_held());
	smap = rcu_dereference_check(SDATA(selem)->smap, bpf_rcu_lock_held());
	b = select_bucket(smap, local_storage);
	err = raw_res_spin_lock_irqsave(&b->lock, flags);
	if (err)
		return err;
	if (likely(selem_linked_to_map(selem)))
		hlist_del_init_rcu(&selem->map_node);
	raw_res_spin_unlock_irqrestore(&b->lock, flags);
	return 0;
}

int __must_check bpf_selem_link_map(struct bpf_local_storage_map *smap,
				    struct bpf_local_storage *local_storage,
				    struct bpf_local_storage_elem *selem)
{
	struct bpf_local_storage_map_bucket *b;
	unsigned long flags;
	int err;

	b = select_bucket(smap, local_storage);
	err = raw_res_spin_lock_irqsave(&b->lock, flags);
	if (err)
		return err;
	bpf_selem_link_map_nolock(b, selem);
	raw_res_spin_unlock_irqrestore(&b->lock, flags);
	return 0;
}

int __must_check bpf_selem_unlink(struct bpf_local_storage_elem *selem)
{
	struct bpf_local_storage *local_storage;
	bool free_storage = false;
	HLIST_HEAD(selem_free_list);
	unsigned long flags;
	int err;

	if (in_nmi())
		return -EOPNOTSUPP;
	if (unlikely(!selem_linked_to_storage_lockless(selem)))
		return 0;

	local_storage = rcu_dereference_check(selem->local_storage, bpf_rcu_lock_held());
	err = raw_res_spin_lock_irqsave(&local_storage->lock, flags);
	if (err)
		return err;

	if (likely(selem_linked_to_storage(selem))) {
		err = bpf_selem_unlink_map(selem);
		if (err)
			goto unlock;
		free_storage = bpf_selem_unlink_storage_nolock(local_storage, selem,
							       &selem_free_list);
	}
unlock:
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
	bpf_selem_free_list(&selem_free_list, false);
	if (free_storage)
		bpf_local_storage_free(local_storage, false);
	return err;
}

void __bpf_local_storage_insert_cache(struct bpf_local_storage *local_storage,
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
}

int __must_check bpf_local_storage_alloc(void *owner, struct bpf_local_storage_map *smap,
					 struct bpf_local_storage_elem *first_selem,
					 gfp_t gfp_flags)
{
	struct bpf_local_storage *prev_storage, *storage;
	struct bpf_local_storage **owner_storage_ptr;
	struct bpf_local_storage_map_bucket *b;
	unsigned long flags;
	int err;

	err = mem_charge(smap, owner, sizeof(*storage));
	if (err)
		return err;

	storage = bpf_map_kzalloc(&smap->map, sizeof(*storage), gfp_flags | __GFP_NOWARN);
	if (!storage) {
		err = -ENOMEM;
		goto uncharge;
	}

	INIT_HLIST_HEAD(&storage->list);
	raw_res_spin_lock_init(&storage->lock);
	storage->owner = owner;
	bpf_selem_link_storage_nolock(storage, first_selem);

	b = select_bucket(smap, storage);
	err = raw_res_spin_lock_irqsave(&b->lock, flags);
	if (err)
		goto uncharge;

	bpf_selem_link_map_nolock(b, first_selem);

	owner_storage_ptr = (struct bpf_local_storage **)owner_storage(smap, owner);
	prev_storage = cmpxchg(owner_storage_ptr, NULL, storage);
	if (unlikely(prev_storage)) {
		bpf_selem_unlink_map_nolock(first_selem);
		raw_res_spin_unlock_irqrestore(&b->lock, flags);
		err = -EAGAIN;
		goto uncharge;
	}
	raw_res_spin_unlock_irqrestore(&b->lock, flags);
	return 0;

uncharge:
	bpf_local_storage_free(storage, true);
	mem_uncharge(smap, owner, sizeof(*storage));
	return err;
}

struct bpf_local_storage_data * __must_check
bpf_local_storage_update(void *owner, struct bpf_local_storage_map *smap,
			 void *value, u64 map_flags, gfp_t gfp_flags)
{
	struct bpf_local_storage_data *old_sdata = NULL;
	struct bpf_local_storage_elem *alloc_selem, *selem = NULL;
	struct bpf_local_storage *local_storage;
	struct bpf_local_storage_map_bucket *b;
	HLIST_HEAD(old_selem_free_list);
	unsigned long flags, b_flags;
	int err;

	local_storage = rcu_dereference_check(*owner_storage(smap, owner), bpf_rcu_lock_held());
	if (!local_storage || hlist_empty(&local_storage->list)) {
		err = check_flags(NULL, map_flags);
		if (err)
			return ERR_PTR(err);

		selem = bpf_selem_alloc(smap, owner, value, gfp_flags);
		if (!selem)
			return ERR_PTR(-ENOMEM);

		err = bpf_local_storage_alloc(owner, smap, selem, gfp_flags);
		if (err) {
			bpf_selem_free(selem, true);
			mem_uncharge(smap, owner, smap->elem_size);
			return ERR_PTR(err);
		}
		return SDATA(selem);
	}

	alloc_selem = selem = bpf_selem_alloc(smap, owner, value, gfp_flags);
	if (!alloc_selem)
		return ERR_PTR(-ENOMEM);

	err = raw_res_spin_lock_irqsave(&local_storage->lock, flags);
	if (err)
		goto free_selem;

	if (unlikely(hlist_empty(&local_storage->list))) {
		err = -EAGAIN;
		goto unlock;
	}

	old_sdata = bpf_local_storage_lookup(local_storage, smap, false);
	err = check_flags(old_sdata, map_flags);
	if (err)
		goto unlock;

	if (old_sdata && (map_flags & BPF_F_LOCK)) {
		copy_map_value_locked(&smap->map, old_sdata->data, value, false);
		selem = SELEM(old_sdata);
		goto unlock;
	}

	b = select_bucket(smap, local_storage);
	err = raw_res_spin_lock_irqsave(&b->lock, b_flags);
	if (err)
		goto unlock;

	alloc_selem = NULL;
	bpf_selem_link_map_nolock(b, selem);
	bpf_selem_link_storage_nolock(local_storage, selem);
	if (old_sdata) {
		bpf_selem_unlink_map_nolock(SELEM(old_sdata));
		bpf_selem_unlink_storage_nolock(local_storage, SELEM(old_sdata),
						&old_selem_free_list);
	}

	raw_res_spin_unlock_irqrestore(&b->lock, b_flags);
unlock:
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
free_selem:
	bpf_selem_free_list(&old_selem_free_list, false);
	if (alloc_selem) {
		mem_uncharge(smap, owner, smap->elem_size);
		bpf_selem_free(alloc_selem, true);
	}
	return err ? ERR_PTR(err) : SDATA(selem);
}

static void bpf_selem_unlink_nofail(struct bpf_local_storage_elem *selem,
				    struct bpf_local_storage_map_bucket *b)
{
	struct bpf_local_storage *local_storage;
	struct bpf_local_storage_map *smap;
	bool free_storage = false;
	unsigned long flags;
	int unlink = 0;
	int err;

	local_storage = rcu_dereference_check(selem->local_storage, bpf_rcu_lock_held());
	smap = rcu_dereference_check(SDATA(selem)->smap, bpf_rcu_lock_held());

	if (smap) {
		struct bpf_local_storage_map_bucket *sb = b ?: select_bucket(smap, local_storage);

		err = raw_res_spin_lock_irqsave(&sb->lock, flags);
		if (!err) {
			if (likely(selem_linked_to_map(selem))) {
				hlist_del_init_rcu(&selem->map_node);
				bpf_obj_free_fields(smap->map.record, SDATA(selem)->data);
				unlink++;
			}
			raw_res_spin_unlock_irqrestore(&sb->lock, flags);
		}
		WARN_ON_ONCE(err && b);
		if (!err || b)
			RCU_INIT_POINTER(SDATA(selem)->smap, NULL);
	}

	if (local_storage) {
		err = raw_res_spin_lock_irqsave(&local_storage->lock, flags);
		if (!err) {
			if (likely(selem_linked_to_storage(selem))) {
				free_storage = hlist_is_singular_node(&selem->snode,
								      &local_storage->list);
				hlist_del_init_rcu(&selem->snode);
				unlink++;
			}
			raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
		}
		if (!err || !b)
			RCU_INIT_POINTER(selem->local_storage, NULL);
	}

	if (unlink != 2)
		atomic_or(b ? SELEM_MAP_UNLINKED : SELEM_STORAGE_UNLINKED, &selem->state);
	if (unlink == 2 ||
	    atomic_cmpxchg(&selem->state, SELEM_UNLINKED, SELEM_TOFREE) == SELEM_UNLINKED)
		bpf_selem_free(selem, true);
	if (free_storage)
		bpf_local_storage_free(local_storage, true);
}

void bpf_local_storage_map_free(struct bpf_map *map, struct bpf_local_storage_cache *cache)
{
	struct bpf_local_storage_map *smap = (struct bpf_local_storage_map *)map;
	struct bpf_local_storage_map_bucket *b;
	struct bpf_local_storage_elem *selem;
	unsigned int i;

	bpf_local_storage_cache_idx_free(cache, smap->cache_idx);
	synchronize_rcu();
	for (i = 0; i < (1U << smap->bucket_log); i++) {
		b = &smap->buckets[i];
		rcu_read_lock();
restart:
		hlist_for_each_entry_rcu(selem, &b->list, map_node) {
			bpf_selem_unlink_nofail(selem, b);
			if (need_resched()) {
				cond_resched_rcu();
				goto restart;
			}
		}
		rcu_read_unlock();
	}
	synchronize_rcu();
	rcu_barrier_tasks_trace();
	rcu_barrier();
}

static int bpf_sk_storage_del(struct sock *sk, struct bpf_map *map)
{
	struct bpf_local_storage_data *sdata;

	sdata = bpf_sk_storage_lookup(sk, map, false);
	if (!sdata)
		return -ENOENT;

	return bpf_selem_unlink(SELEM(sdata));
}

int bpf_sk_storage_clone(const struct sock *sk, struct sock *newsk)
{
	struct bpf_local_storage *new_sk_storage = NULL;
	struct bpf_local_storage *sk_storage;
	struct bpf_local_storage_elem *selem;
	int ret = 0;

	rcu_read_lock();
	sk_storage = rcu_dereference(sk->sk_bpf_storage);
	if (!sk_storage || hlist_empty(&sk_storage->list))
		goto out;

	hlist_for_each_entry_rcu(selem, &sk_storage->list, snode) {
		struct bpf_local_storage_elem *copy_selem;
		struct bpf_local_storage_map *smap;
		struct bpf_map *map;

		smap = rcu_dereference(SDATA(selem)->smap);
		if (!(smap->map.map_flags & BPF_F_CLONE))
			continue;
		map = bpf_map_inc_not_zero(&smap->map);
		if (IS_ERR(map))
			continue;

		copy_selem = bpf_sk_storage_clone_elem(newsk, smap, selem);
		if (!copy_selem) {
			ret = -ENOMEM;
			bpf_map_put(map);
			goto out;
		}

		if (new_sk_storage) {
			ret = bpf_selem_link_map(smap, new_sk_storage, copy_selem);
			if (ret) {
				bpf_selem_free(copy_selem, true);
				atomic_sub(smap->elem_size, &newsk->sk_omem_alloc);
				bpf_map_put(map);
				goto out;
			}
			bpf_selem_link_storage_nolock(new_sk_storage, copy_selem);
		} else {
			ret = bpf_local_storage_alloc(newsk, smap, copy_selem, GFP_ATOMIC);
			if (ret) {
				bpf_selem_free(copy_selem, true);
				atomic_sub(smap->elem_size, &newsk->sk_omem_alloc);
				bpf_map_put(map);
				goto out;
			}
			new_sk_storage = rcu_dereference(copy_selem->local_storage);
		}
		bpf_map_put(map);
	}
out:
	rcu_read_unlock();
	return ret;
}
