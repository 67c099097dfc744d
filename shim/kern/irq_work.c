// SPDX-License-Identifier: GPL-2.0
/*
 * irq_work: a queued work is a simulated interrupt request, run in hardirq
 * context at the next delivery point of a task of its CPU (sim/irq.c).
 */
#include <linux/kernel.h>
#include <linux/irq_work.h>
#include <linux/smp.h>
#include <shim/kern.h>

static void irq_work_run_one(struct sim_irq_req *req)
{
	struct irq_work *work = container_of(req, struct irq_work, req);

	work->func(work);
	__atomic_store_n(&work->busy, 0, __ATOMIC_RELEASE);
}

bool irq_work_queue_on(struct irq_work *work, int cpu)
{
	int idle = 0;

	if (!__atomic_compare_exchange_n(&work->busy, &idle, 1, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
		return false;
	work->req.fn = irq_work_run_one;
	work->req.expires = 0;
	sim_irq_raise(cpu, &work->req);
	return true;
}

bool irq_work_queue(struct irq_work *work)
{
	return irq_work_queue_on(work, smp_processor_id());
}

void irq_work_sync(struct irq_work *work)
{
	while (__atomic_load_n(&work->busy, __ATOMIC_ACQUIRE))
		cpu_relax();
}
