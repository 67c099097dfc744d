/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/hardirq.h: context tests live in preempt.h. */
#ifndef LINUX_HARDIRQ_H
#define LINUX_HARDIRQ_H

#include <linux/preempt.h>
#include <linux/sched.h>
#include <shim/sim.h>

/* NMI entry/exit of the current task, as sim_run_in_nmi() does it. */
static inline void __nmi_enter(void)
{
	preempt_count_add(NMI_OFFSET + HARDIRQ_OFFSET);
}

static inline void __nmi_exit(void)
{
	preempt_count_sub(NMI_OFFSET + HARDIRQ_OFFSET);
}
#define nmi_enter()	__nmi_enter()
#define nmi_exit()	__nmi_exit()

#endif /* LINUX_HARDIRQ_H */
