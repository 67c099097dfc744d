// SPDX-License-Identifier: GPL-2.0
/* An early exit releases the two locks in the order they were taken. */

static int move_count(struct counter *from, struct counter *to)
{
	if (res_spin_lock(&from->lock))
		return -EBUSY;
	if (res_spin_lock(&to->lock)) {
		res_spin_unlock(&from->lock);
		return -EBUSY;
	}
	if (!from->val) {
		res_spin_unlock(&from->lock);	/* cocci: rqspinlock_lifo */
		res_spin_unlock(&to->lock);
		return 0;
	}
	from->val--;
	to->val++;
	res_spin_unlock(&to->lock);
	res_spin_unlock(&from->lock);
	return 0;
}
