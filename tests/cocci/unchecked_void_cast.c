// SPDX-License-Identifier: GPL-2.0
/* A cast to void does not handle the failure of res_spin_lock(). */

static void counter_inc(struct counter *c)
{
	preempt_disable();
	(void)res_spin_lock(&c->lock);	/* cocci: rqspinlock_unchecked */
	c->val++;
	res_spin_unlock(&c->lock);
	preempt_enable();
}
