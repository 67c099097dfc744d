/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/bottom_half.h: softirq-disable in preempt_count. */
#ifndef _LINUX_BH_H
#define _LINUX_BH_H

#include <linux/preempt.h>

static inline void local_bh_disable(void)
{
	preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
	barrier();
}

static inline void local_bh_enable(void)
{
	barrier();
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
}

#endif /* _LINUX_BH_H */
