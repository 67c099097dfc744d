/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for asm/processor.h: cpu_relax() only.  It also gives the host a
 * chance to run a preempted lock holder (threads are not pinned), see
 * sim_cpu_relax().
 */
#ifndef __SHIM_ASM_PROCESSOR_H
#define __SHIM_ASM_PROCESSOR_H

#include <shim/sim.h>

static inline void cpu_relax(void)
{
	sim_cpu_relax();
}

#endif /* __SHIM_ASM_PROCESSOR_H */
