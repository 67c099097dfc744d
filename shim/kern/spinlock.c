// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-line part of the spinlock stand-in (include/linux/spinlock.h).
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>

/* CONFIG_DEBUG_SPINLOCK's "spinlock recursion": would spin forever */
void sim_raw_spin_lock_recursion(raw_spinlock_t *lock)
{
	sim_bug(__FILE__, __LINE__, "spinlock recursion (lock held by this CPU)");
}
