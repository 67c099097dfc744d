/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/irq_work.h: a queued irq_work runs in hardirq
 * context on the CPU that queued it, at that CPU's next interrupt delivery
 * point (see sim_irq_raise()), i.e. it interrupts whatever runs there.
 */
#ifndef _LINUX_IRQ_WORK_H
#define _LINUX_IRQ_WORK_H

#include <linux/types.h>
#include <shim/sim.h>

struct irq_work {
	struct sim_irq_req req;
	int busy;			/* queued or running */
	void (*func)(struct irq_work *);
};

#define IRQ_WORK_INIT(_f)	((struct irq_work){ .req = { .cpu = -1 }, .func = (_f) })
#define IRQ_WORK_INIT_HARD(_f)	IRQ_WORK_INIT(_f)
#define IRQ_WORK_INIT_LAZY(_f)	IRQ_WORK_INIT(_f)
#define DEFINE_IRQ_WORK(name, _f) struct irq_work name = IRQ_WORK_INIT(_f)

static inline void init_irq_work(struct irq_work *work, void (*func)(struct irq_work *))
{
	*work = IRQ_WORK_INIT(func);
}

bool irq_work_queue(struct irq_work *work);
bool irq_work_queue_on(struct irq_work *work, int cpu);
void irq_work_sync(struct irq_work *work);

#endif /* _LINUX_IRQ_WORK_H */
