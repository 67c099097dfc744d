// SPDX-License-Identifier: GPL-2.0
/*
 * Failable functions marked __must_check in every usual place, and functions
 * that only look failable.  cocci: none
 */

__must_check int bpf_selem_unlink(struct bpf_local_storage_elem *selem);

int __must_check bpf_selem_link_map(struct bpf_local_storage_map *smap,
				    struct bpf_local_storage *local_storage,
				    struct bpf_local_storage_elem *selem);

/* Documented: the attribute may sit on the line before the name. */
struct bpf_local_storage_data * __must_check
bpf_local_storage_update(void *owner, struct bpf_local_storage_map *smap,
			 void *value, u64 map_flags, gfp_t gfp_flags);

int bpf_local_storage_alloc(void *owner, struct bpf_local_storage_map *smap,
			    struct bpf_local_storage_elem *first_selem,
			    gfp_t gfp_flags) __must_check;

static __always_inline int __must_check res_spin_lock(rqspinlock_t *lock)
{
	return resilient_queued_spin_lock_slowpath(lock, 0);
}

static inline int __must_check storage_lock(struct bpf_local_storage *local_storage,
					    unsigned long *flags)
{
	return raw_res_spin_lock_irqsave(&local_storage->lock, *flags);
}

static __must_check int bpf_selem_unlink_map(struct bpf_local_storage_elem *selem)
{
	return bpf_selem_unlink_map_locked(selem);
}

/* Cannot fail: void, or the failure is turned into something else. */
void bpf_selem_unlink_nofail(struct bpf_local_storage_elem *selem,
			     struct bpf_local_storage_map_bucket *b);

static void counter_inc(struct counter *c)
{
	if (res_spin_lock(&c->lock))
		return;
	c->val++;
	res_spin_unlock(&c->lock);
}

static bool counter_try_inc(struct counter *c)
{
	int ret;

	ret = res_spin_lock(&c->lock);
	if (ret)
		return false;
	c->val++;
	res_spin_unlock(&c->lock);
	return true;
}

/* The attribute of the prototype above applies to the definition. */
int bpf_selem_link_map(struct bpf_local_storage_map *smap,
		       struct bpf_local_storage *local_storage,
		       struct bpf_local_storage_elem *selem)
{
	return bpf_selem_link_map_locked(smap, local_storage, selem);
}

/* A callback: no direct caller could check the result. */
static int lock_worker(void *arg)
{
	struct counter *c = arg;
	int ret;

	ret = res_spin_lock(&c->lock);
	if (ret)
		return ret;
	c->val++;
	res_spin_unlock(&c->lock);
	return 0;
}

static void start_worker(struct counter *c)
{
	kthread_run(lock_worker, c, "lock_worker");
}
