// SPDX-License-Identifier: GPL-2.0
/* Loops around failable calls that do not retry a failure.  cocci: none */

static void map_free_bucket(struct bpf_local_storage_map_bucket *b)
{
	struct bpf_local_storage_elem *selem;

	rcu_read_lock();
	while ((selem = hlist_entry_safe(rcu_dereference_raw(hlist_first_rcu(&b->list)),
					 struct bpf_local_storage_elem, map_node))) {
		/* Cannot fail. */
		bpf_selem_unlink_nofail(selem, b);
		cond_resched_rcu();
	}
	rcu_read_unlock();
}

static int storage_clear(struct bpf_local_storage *local_storage)
{
	struct bpf_local_storage_elem *selem;
	int err = 0;

	while (!hlist_empty(&local_storage->list)) {
		selem = hlist_entry(local_storage->list.first,
				    struct bpf_local_storage_elem, snode);
		err = bpf_selem_unlink(selem);
		if (err)
			break;
	}
	return err;
}

static void counter_inc_all(struct counter *c, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (raw_res_spin_lock(&c[i].lock))
			continue;
		c[i].val++;
		raw_res_spin_unlock(&c[i].lock);
	}
}

static int __must_check counter_drain(struct counter *c)
{
	int ret;

	do {
		ret = res_spin_lock(&c->lock);
		if (ret)
			return ret;
		c->val--;
		res_spin_unlock(&c->lock);
	} while (c->val > 0);
	return 0;
}

static void counter_poll(struct counter *c)
{
	while (READ_ONCE(c->val)) {
		if (res_spin_lock(&c->lock))
			break;
		c->val = 0;
		res_spin_unlock(&c->lock);
	}
}

/* A forward jump to the end of the loop body is not a retry. */
static void counter_inc_all_goto(struct counter *c, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (raw_res_spin_lock(&c[i].lock))
			goto next;
		c[i].val++;
		raw_res_spin_unlock(&c[i].lock);
next:
		;
	}
}
