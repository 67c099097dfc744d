// SPDX-License-Identifier: GPL-2.0
/* The lock is released in the else branch, which is the failure branch. */

static void counter_inc(struct counter *c)
{
	if (!raw_res_spin_lock(&c->lock)) {
		c->val++;
		raw_res_spin_unlock(&c->lock);
	} else {
		c->errors++;
		raw_res_spin_unlock(&c->lock);	/* cocci: rqspinlock_unlock_failed */
	}
}
