// SPDX-License-Identifier: GPL-2.0
/* A function passing the error of an acquire on to its caller. */

static int counter_add(struct counter *c, int v)	/* cocci: rqspinlock_must_check */
{
	int ret;

	ret = res_spin_lock(&c->lock);
	if (ret)
		return ret;
	c->val += v;
	res_spin_unlock(&c->lock);
	return 0;
}

static int counter_add_all(struct counter *c, int n)
{
	int i, ret;

	for (i = 0; i < n; i++) {
		ret = counter_add(&c[i], 1);
		if (ret)
			return ret;
	}
	return 0;
}
