// SPDX-License-Identifier: GPL-2.0
/* Waiting out a timeout does not help: the owner may be this CPU's caller. */

static void counter_inc(struct counter *c)
{
	int ret;

	while ((ret = res_spin_lock(&c->lock)) == -ETIMEDOUT)	/* cocci: rqspinlock_retry */
		cpu_relax();
	if (ret)
		return;
	c->val++;
	res_spin_unlock(&c->lock);
}
