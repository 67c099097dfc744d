// SPDX-License-Identifier: GPL-2.0
/* "continue" in an endless loop retries the failed acquire. */

static void counter_inc(struct counter *c)
{
	while (1) {
		if (res_spin_lock(&c->lock))	/* cocci: rqspinlock_retry */
			continue;
		c->val++;
		res_spin_unlock(&c->lock);
		break;
	}
}
