// SPDX-License-Identifier: GPL-2.0
/* A do-while loop with the acquire in its condition. */

static void counter_inc(struct counter *c)
{
	do {
		c->spins++;
	} while (raw_res_spin_lock(&c->lock));	/* cocci: rqspinlock_retry */
	c->val++;
	raw_res_spin_unlock(&c->lock);
}
