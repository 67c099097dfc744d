/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for asm/preempt.h (asm-generic/preempt.h layout): the preempt
 * count lives in the task's sim_ctx.  The 0 -> non-zero transition makes the
 * task occupy its simulated CPU, the way back releases it (unless IRQs are
 * off), see include/shim/sim.h.
 */
#ifndef __ASM_PREEMPT_H
#define __ASM_PREEMPT_H

#include <shim/sim.h>

#define PREEMPT_ENABLED	(0)

static __always_inline int preempt_count(void)
{
	return (int)sim_ctx.preempt_count;
}

static __always_inline void preempt_count_set(int pc)
{
	sim_ctx.preempt_count = pc;
}

#define init_task_preempt_count(p)	do { } while (0)
#define init_idle_preempt_count(p, cpu)	do { } while (0)

static __always_inline void set_preempt_need_resched(void) { }
static __always_inline void clear_preempt_need_resched(void) { }
static __always_inline bool test_preempt_need_resched(void) { return false; }

static __always_inline void __preempt_count_add(int val)
{
	sim_ctx.preempt_count += val;
	if (!sim_ctx.occupied)
		sim_cpu_occupy();
}

static __always_inline void __preempt_count_sub(int val)
{
	sim_ctx.preempt_count -= val;
	if (!sim_ctx.preempt_count && !sim_ctx.irqs_off && sim_ctx.occupied)
		sim_cpu_release();
}

static __always_inline bool __preempt_count_dec_and_test(void)
{
	__preempt_count_sub(1);
	return false;		/* never "need resched": nothing to call */
}

static __always_inline bool should_resched(int preempt_offset)
{
	return false;
}

#define __preempt_schedule()		do { } while (0)
#define __preempt_schedule_notrace()	do { } while (0)

#endif /* __ASM_PREEMPT_H */
