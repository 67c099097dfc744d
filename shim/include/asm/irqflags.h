/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for asm/irqflags.h: the "IRQ enable" flag of the simulated CPU is
 * a per-task state in sim_ctx (flags value 1 = IRQs were off).  Disabling
 * IRQs occupies the CPU like disabling preemption does.
 */
#ifndef __SHIM_ASM_IRQFLAGS_H
#define __SHIM_ASM_IRQFLAGS_H

#include <shim/sim.h>

static __always_inline unsigned long arch_local_save_flags(void)
{
	return sim_ctx.irqs_off ? 1 : 0;
}

static __always_inline void arch_local_irq_disable(void)
{
	sim_ctx.irqs_off = 1;
	if (!sim_ctx.occupied)
		sim_cpu_occupy();
}

static __always_inline void arch_local_irq_enable(void)
{
	sim_ctx.irqs_off = 0;
	if (!sim_ctx.preempt_count && sim_ctx.occupied)
		sim_cpu_release();
	/* a pending interrupt is taken as soon as IRQs are enabled */
	if (unlikely(__atomic_load_n(&sim_irq_pending[sim_ctx.cpu], __ATOMIC_RELAXED)))
		sim_irq_deliver();
}

static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static __always_inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return flags != 0;
}

static __always_inline int arch_irqs_disabled(void)
{
	return sim_ctx.irqs_off;
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags)
		arch_local_irq_disable();
	else
		arch_local_irq_enable();
}

static inline void arch_safe_halt(void) { }
static inline void native_irq_disable(void) { arch_local_irq_disable(); }
static inline void native_irq_enable(void) { arch_local_irq_enable(); }

#endif /* __SHIM_ASM_IRQFLAGS_H */
