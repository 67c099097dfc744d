// SPDX-License-Identifier: GPL-2.0
/* The failure branch "cleans up" by releasing the lock it did not get. */

static int __must_check counter_add(struct counter *c, int v)
{
	int ret;

	ret = res_spin_lock(&c->lock);
	if (ret) {
		c->errors++;
		res_spin_unlock(&c->lock);	/* cocci: rqspinlock_unlock_failed */
		return ret;
	}
	c->val += v;
	res_spin_unlock(&c->lock);
	return 0;
}
