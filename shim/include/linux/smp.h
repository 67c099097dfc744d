/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/smp.h: the CPU of the current task.  Tasks are
 * bound to their CPU (see sim.h), so smp_processor_id() is valid anywhere,
 * as for a per-CPU kthread.
 */
#ifndef __LINUX_SMP_H
#define __LINUX_SMP_H

#include <linux/types.h>
#include <linux/preempt.h>
#include <linux/cpumask.h>
#include <shim/sim.h>

#define raw_smp_processor_id()	(sim_ctx.cpu)
#define smp_processor_id()	raw_smp_processor_id()
#define get_cpu()		({ preempt_disable(); smp_processor_id(); })
#define put_cpu()		preempt_enable()

#endif /* __LINUX_SMP_H */
