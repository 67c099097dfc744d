// SPDX-License-Identifier: GPL-2.0
/*
 * Simulated interrupts: running a handler nested on the current task in
 * hardirq or NMI context, firing one at a chosen injection point, and
 * asynchronous requests (irq_work, hrtimers) delivered on their CPU.
 */
#define _GNU_SOURCE
#include <pthread.h>

#include "shim/sim.h"
#include "sim-internal.h"

static void enter_irq(unsigned int offset)
{
	sim_ctx.preempt_count += offset;
	if (!sim_ctx.occupied)
		sim_cpu_occupy();
}

static void exit_irq(unsigned int offset)
{
	sim_ctx.preempt_count -= offset;
	if (!sim_ctx.preempt_count && !sim_ctx.irqs_off && sim_ctx.occupied)
		sim_cpu_release();
}

int sim_run_in_hardirq(void (*fn)(void *), void *arg)
{
	if (sim_ctx.irqs_off) {
		sim_warn(__FILE__, __LINE__, "hardirq injected with IRQs disabled");
		return -1;
	}
	/* the handler runs with IRQs off, on the interrupted task's CPU */
	sim_ctx.irqs_off = 1;
	enter_irq(SIM_HARDIRQ_OFFSET);
	fn(arg);
	sim_ctx.irqs_off = 0;
	exit_irq(SIM_HARDIRQ_OFFSET);
	return 0;
}

void sim_run_in_nmi(void (*fn)(void *), void *arg)
{
	int irqs_off = sim_ctx.irqs_off;

	sim_ctx.irqs_off = 1;
	enter_irq(SIM_NMI_OFFSET + SIM_HARDIRQ_OFFSET);
	fn(arg);
	sim_ctx.irqs_off = irqs_off;
	exit_irq(SIM_NMI_OFFSET + SIM_HARDIRQ_OFFSET);
}

static __thread struct sim_irq_inject *armed;
int sim_irq_armed_count;

void sim_irq_arm(struct sim_irq_inject *inj)
{
	inj->fired = 0;
	if (!armed)
		__atomic_fetch_add(&sim_irq_armed_count, 1, __ATOMIC_RELAXED);
	armed = inj;
}

void sim_irq_disarm(void)
{
	if (armed)
		__atomic_fetch_sub(&sim_irq_armed_count, 1, __ATOMIC_RELAXED);
	armed = NULL;
}

void sim_irq_point(unsigned int point, const void *obj)
{
	struct sim_irq_inject *inj = armed;

	if (likely_sim(!inj))
		return;
	if (inj->remaining <= 0)
		return;
	if (inj->point != SIM_IRQ_POINT_ANY && inj->point != point)
		return;
	if (inj->obj && inj->obj != obj)
		return;
	if (inj->kind == SIM_IRQ_HARDIRQ && sim_ctx.irqs_off)
		return;		/* cannot arrive here; wait for a later point */
	/* no nesting of injections: the handler itself runs unarmed */
	armed = NULL;
	inj->remaining--;
	inj->fired++;
	if (inj->kind == SIM_IRQ_HARDIRQ)
		sim_run_in_hardirq(inj->fn, inj->arg);
	else
		sim_run_in_nmi(inj->fn, inj->arg);
	armed = inj;
}

int sim_irq_pending[SIM_MAX_CPUS];
static struct sim_irq_req *irq_queue[SIM_MAX_CPUS];
static pthread_mutex_t irq_lock = PTHREAD_MUTEX_INITIALIZER;

void sim_irq_raise(int cpu, struct sim_irq_req *req)
{
	pthread_mutex_lock(&irq_lock);
	if (req->cpu < 0) {
		req->cpu = cpu;
		req->next = irq_queue[cpu];
		irq_queue[cpu] = req;
		__atomic_store_n(&sim_irq_pending[cpu], 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&irq_lock);
}

int sim_irq_cancel(struct sim_irq_req *req)
{
	struct sim_irq_req **pp;
	int found = 0;

	pthread_mutex_lock(&irq_lock);
	if (req->cpu >= 0) {
		for (pp = &irq_queue[req->cpu]; *pp; pp = &(*pp)->next) {
			if (*pp == req) {
				*pp = req->next;
				found = 1;
				break;
			}
		}
		if (!irq_queue[req->cpu])
			__atomic_store_n(&sim_irq_pending[req->cpu], 0, __ATOMIC_RELEASE);
		req->cpu = -1;
	}
	pthread_mutex_unlock(&irq_lock);
	return found;
}

static void run_irq_req(void *arg)
{
	struct sim_irq_req *req = arg;

	req->fn(req);
}

void sim_irq_deliver(void)
{
	int cpu = sim_ctx.cpu;

	while (__atomic_load_n(&sim_irq_pending[cpu], __ATOMIC_ACQUIRE) &&
	       !sim_ctx.irqs_off && sim_ctx.registered == 1 &&
	       !(sim_ctx.preempt_count & (SIM_HARDIRQ_OFFSET * 0xf))) {
		unsigned long long now = sim_clock_ns();
		struct sim_irq_req **pp, *req = NULL;

		pthread_mutex_lock(&irq_lock);
		for (pp = &irq_queue[cpu]; *pp; pp = &(*pp)->next) {
			if ((*pp)->expires <= now) {
				req = *pp;
				*pp = req->next;
				req->cpu = -1;
				break;
			}
		}
		if (!irq_queue[cpu])
			__atomic_store_n(&sim_irq_pending[cpu], 0, __ATOMIC_RELEASE);
		pthread_mutex_unlock(&irq_lock);
		if (!req)
			return;
		sim_run_in_hardirq(run_irq_req, req);
	}
}
