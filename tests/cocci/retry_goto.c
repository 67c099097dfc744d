// SPDX-License-Identifier: GPL-2.0
/* A backward goto is a loop too. */

static void counter_inc(struct counter *c)
{
again:
	if (raw_res_spin_lock(&c->lock))	/* cocci: rqspinlock_retry */
		goto again;
	c->val++;
	raw_res_spin_unlock(&c->lock);
}
