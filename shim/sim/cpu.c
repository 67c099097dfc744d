// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated CPUs: which task occupies each (runs non-preemptibly on
 * it), spinning on them, and bringing the machine up.  See
 * include/shim/sim.h for the model.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "shim/sim.h"
#include "sim-internal.h"
#include "explore-internal.h"

__thread struct sim_ctx sim_ctx;
unsigned long __shim_tsan_fence;	/* see include/asm/barrier.h */
int sim_nr_cpus = 4;

/* One occupant per CPU: the task that runs non-preemptibly on it. */
struct sim_cpu {
	_Atomic(struct sim_ctx *) occupant;
	atomic_ulong occupy_waits;
} __attribute__((aligned(64)));

static struct sim_cpu cpus[SIM_MAX_CPUS];

/*
 * Spinning in user space: pause, and every 4096 spins yield the host core
 * (see sim/clock.c).  cond_resched() counts as a spin.
 */
#define SIM_RELAX_YIELD_SPINS	4096

static void relax_tick(void)
{
	static __thread unsigned int n;

	if (!(++n & (SIM_RELAX_YIELD_SPINS - 1)))
		sim_spin_yield();
}

void sim_yield(void)
{
	if (sim_explore_on && ex_self())
		return sim_explore_point(SIM_SP_SCHED);
	relax_tick();
	sim_irq_deliver();
}

static inline void arch_pause(void)
{
#if defined(__x86_64__)
	__asm__ __volatile__("pause" ::: "memory");
#elif defined(__aarch64__)
	__asm__ __volatile__("yield" ::: "memory");
#endif
}

void sim_cpu_relax(void)
{
	if (sim_explore_on && ex_self())
		return sim_explore_point(SIM_SP_RELAX);
	arch_pause();
	relax_tick();
	sim_irq_deliver();
}

/* Explore mode: the occupant left (sim_explore_block()'s condition). */
static int cpu_free(void *arg)
{
	struct sim_cpu *c = arg;

	return !atomic_load_explicit(&c->occupant, memory_order_relaxed);
}

void sim_cpu_occupy(void)
{
	struct sim_cpu *c = &cpus[sim_ctx.cpu];
	struct sim_ctx *none = NULL;

	if (sim_explore_on && ex_self()) {
		/* another task of this CPU may get there first */
		sim_explore_point(SIM_SP_SCHED);
		while (!atomic_compare_exchange_strong(&c->occupant, &none, &sim_ctx)) {
			if (none == &sim_ctx)
				sim_die("CPU %d occupied twice by the same task", sim_ctx.cpu);
			atomic_fetch_add_explicit(&c->occupy_waits, 1, memory_order_relaxed);
			sim_explore_block(cpu_free, c);
			none = NULL;
		}
	} else if (!atomic_compare_exchange_strong_explicit(&c->occupant, &none, &sim_ctx,
						     memory_order_acquire,
						     memory_order_relaxed)) {
		if (none == &sim_ctx)
			sim_die("CPU %d occupied twice by the same task", sim_ctx.cpu);
		atomic_fetch_add_explicit(&c->occupy_waits, 1, memory_order_relaxed);
		/* preempted: machine time goes on without this task */
		sim_wait_begin();
		do {
			none = NULL;
			sched_yield();
		} while (!atomic_compare_exchange_weak_explicit(&c->occupant, &none, &sim_ctx,
								memory_order_acquire,
								memory_order_relaxed));
		sim_wait_end();
	}
	sim_ctx.occupied = 1;
	/* A non-preemptible region is an RCU read-side critical section. */
	sim_rcu_occupy_enter();
}

void sim_cpu_release(void)
{
	sim_rcu_occupy_exit();
	sim_ctx.occupied = 0;
	atomic_store_explicit(&cpus[sim_ctx.cpu].occupant, NULL, memory_order_release);
	/* preemption or IRQs back on: another task may run here now */
	sim_sp(SIM_SP_SCHED);
}

unsigned long sim_cpu_occupy_waits(int cpu)
{
	return atomic_load(&cpus[cpu].occupy_waits);
}

const char *sim_getenv(const char *name)
{
	return getenv(name);
}

void sim_init(int nr_cpus)
{
	if (nr_cpus < 1 || nr_cpus > SIM_MAX_CPUS)
		sim_die("nr_cpus %d out of range 1..%d", nr_cpus, SIM_MAX_CPUS);
	sim_nr_cpus = nr_cpus;
	setvbuf(stdout, NULL, _IOLBF, 0);
	sim_clock_init();
	sim_percpu_init();
	sim_rcu_init();
	sim_thread_enter(0, NULL, 0);
}
