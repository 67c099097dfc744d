// SPDX-License-Identifier: GPL-2.0
/*
 * Releases that are only reached once the acquire succeeded, including
 * error labels placed after the release.  cocci: none
 */

static int __must_check selem_unlink(struct bpf_local_storage *local_storage,
				     struct bpf_local_storage_elem *selem)
{
	bool free_storage = false;
	unsigned long flags;
	int err;

	err = raw_res_spin_lock_irqsave(&local_storage->lock, flags);
	if (err)
		goto out;
	if (likely(selem_linked_to_storage(selem)))
		free_storage = bpf_selem_unlink_storage_nolock(local_storage, selem);
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
out:
	if (free_storage)
		bpf_local_storage_free(local_storage);
	return err;
}

static void counter_inc_all(struct counter *c, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (res_spin_lock(&c[i].lock))
			continue;
		c[i].val++;
		res_spin_unlock(&c[i].lock);
	}
}

static void counter_inc(struct counter *c)
{
	if (!raw_res_spin_lock(&c->lock)) {
		c->val++;
		raw_res_spin_unlock(&c->lock);
	}
}

static int __must_check counter_add(struct counter *c, int v)
{
	int ret;

	ret = res_spin_lock(&c->lock);
	if (WARN_ON_ONCE(ret)) {
		c->errors++;
		return ret;
	}
	c->val += v;
	res_spin_unlock(&c->lock);
	return 0;
}

/* The inner lock failed: releasing the outer one is right. */
static int __must_check two_locks(struct bpf_local_storage *local_storage,
				  struct bpf_local_storage_map_bucket *b)
{
	unsigned long flags, b_flags;
	int err;

	err = raw_res_spin_lock_irqsave(&local_storage->lock, flags);
	if (err)
		return err;
	err = raw_res_spin_lock_irqsave(&b->lock, b_flags);
	if (err)
		goto unlock;
	b->count++;
	raw_res_spin_unlock_irqrestore(&b->lock, b_flags);
unlock:
	raw_res_spin_unlock_irqrestore(&local_storage->lock, flags);
	return err;
}

/* The lock is taken again after the failure before it is released. */
static void retry_once(struct counter *c)
{
	if (res_spin_lock(&c->lock)) {
		c->errors++;
		if (res_spin_lock(&c->lock))
			return;
	}
	c->val++;
	res_spin_unlock(&c->lock);
}
