// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated machine: CPUs, tasks (threads), per-CPU memory, simulated
 * interrupts, warnings.  See include/shim/sim.h for the model.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "shim/sim.h"
#include "sim-internal.h"

__thread struct sim_ctx sim_ctx;
unsigned long __shim_tsan_fence;	/* see include/asm/barrier.h */
int sim_nr_cpus = 4;
unsigned long __per_cpu_offset[SIM_MAX_CPUS];

struct task_struct *(*sim_task_alloc_hook)(void);
void (*sim_task_free_hook)(struct task_struct *);

/* One occupant per CPU: the task that runs non-preemptibly on it. */
struct sim_cpu {
	_Atomic(struct sim_ctx *) occupant;
	atomic_ulong occupy_waits;
} __attribute__((aligned(64)));

static struct sim_cpu cpus[SIM_MAX_CPUS];

/*
 * Per-CPU units: [static section copy | dynamic area], one unit per CPU,
 * at a fixed distance from each other so one offset per CPU serves both.
 */
#define SIM_PCPU_UNIT	(1UL << 20)
extern char __start_shim_percpu[], __stop_shim_percpu[];
static char *pcpu_base;
static unsigned long pcpu_dyn_next;
static pthread_mutex_t pcpu_lock = PTHREAD_MUTEX_INITIALIZER;

/* Make sure the section exists even if nothing else defines per-CPU data. */
static int sim_percpu_anchor __attribute__((section("shim_percpu"), used));

static void percpu_init(void)
{
	unsigned long size = __stop_shim_percpu - __start_shim_percpu;
	int cpu;

	if (size > SIM_PCPU_UNIT / 2)
		sim_die("per-CPU section too large: %lu", size);
	pcpu_base = mmap(NULL, SIM_PCPU_UNIT * SIM_MAX_CPUS, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pcpu_base == MAP_FAILED)
		sim_die("mmap per-CPU units: %s", strerror(errno));
	for (cpu = 0; cpu < SIM_MAX_CPUS; cpu++) {
		char *unit = pcpu_base + cpu * SIM_PCPU_UNIT;

		memcpy(unit, __start_shim_percpu, size);
		__per_cpu_offset[cpu] = (unsigned long)unit - (unsigned long)__start_shim_percpu;
	}
	pcpu_dyn_next = (size + 63) & ~63UL;
}

void *sim_alloc_percpu(unsigned long size, unsigned long align)
{
	unsigned long off;
	int cpu;

	if (align < 8)
		align = 8;
	pthread_mutex_lock(&pcpu_lock);
	off = (pcpu_dyn_next + align - 1) & ~(align - 1);
	if (off + size > SIM_PCPU_UNIT) {
		pthread_mutex_unlock(&pcpu_lock);
		return NULL;
	}
	pcpu_dyn_next = off + size;
	pthread_mutex_unlock(&pcpu_lock);
	for (cpu = 0; cpu < SIM_MAX_CPUS; cpu++)
		memset(pcpu_base + cpu * SIM_PCPU_UNIT + off, 0, size);
	/* the "canonical" address, only ever used through per_cpu_ptr() */
	return __start_shim_percpu + off;
}

void sim_free_percpu(void *p)
{
	/* Bump allocator: per-CPU memory is not reused (tests are short). */
	(void)p;
}

void sim_die(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "shim: fatal: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}

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
	arch_pause();
	relax_tick();
	sim_irq_deliver();
}

void sim_cpu_occupy(void)
{
	struct sim_cpu *c = &cpus[sim_ctx.cpu];
	struct sim_ctx *none = NULL;

	if (!atomic_compare_exchange_strong_explicit(&c->occupant, &none, &sim_ctx,
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
}

unsigned long sim_cpu_occupy_waits(int cpu)
{
	return atomic_load(&cpus[cpu].occupy_waits);
}

void sim_bug(const char *file, int line, const char *what)
{
	fflush(stdout);
	fprintf(stderr, "kernel BUG at %s:%d: %s (CPU %d)\n", file, line, what, sim_ctx.cpu);
	abort();
}

/* ---- simulated interrupts ---- */

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

/* ---- tasks ---- */

void sim_thread_enter(int cpu, struct task_struct *task, unsigned long long clock)
{
	if (cpu < 0 || cpu >= sim_nr_cpus)
		sim_die("task on CPU %d, machine has %d", cpu, sim_nr_cpus);
	sim_clock_thread_start(clock);
	memset(&sim_ctx, 0, sizeof(sim_ctx));
	sim_ctx.cpu = cpu;
	sim_rcu_register();
	sim_ctx.registered = 1;
	sim_ctx.current = task ? task : (sim_task_alloc_hook ? sim_task_alloc_hook() : NULL);
}

void sim_thread_exit(void)
{
	struct task_struct *task = sim_ctx.current;

	if (sim_ctx.preempt_count || sim_ctx.irqs_off || sim_ctx.rcu_depth ||
	    sim_ctx.rcu_trace_depth)
		sim_die("task exits with preempt_count %#x irqs_off %d rcu %d/%d",
			sim_ctx.preempt_count, sim_ctx.irqs_off, sim_ctx.rcu_depth,
			sim_ctx.rcu_trace_depth);
	if (task && sim_task_free_hook)
		sim_task_free_hook(task);
	sim_ctx.current = NULL;
	sim_rcu_unregister();
	sim_ctx.registered = 0;
	sim_clock_thread_exit();
}

static void *thread_main(void *p)
{
	struct sim_thread *t = p;

	sim_thread_enter(t->cpu, t->task, t->clock);
	t->task = sim_ctx.current;
	t->ret = t->fn(t->arg);
	sim_thread_exit();
	return NULL;
}

int sim_thread_start(struct sim_thread *t, int cpu, void *(*fn)(void *), void *arg)
{
	pthread_t th;
	int err;

	t->cpu = cpu;
	t->fn = fn;
	t->arg = arg;
	t->ret = NULL;
	t->task = NULL;
	t->clock = sim_clock_ns();
	err = pthread_create(&th, NULL, thread_main, t);
	if (err)
		return -err;
	t->handle = (unsigned long)th;
	return 0;
}

static void *detached_main(void *p)
{
	struct sim_thread *t = p;

	thread_main(t);
	free(t);
	return NULL;
}

int sim_thread_spawn(int cpu, void *(*fn)(void *), void *arg, struct task_struct *task)
{
	struct sim_thread *t = calloc(1, sizeof(*t));
	pthread_attr_t attr;
	pthread_t th;
	int err;

	if (!t)
		return -ENOMEM;
	t->cpu = cpu;
	t->fn = fn;
	t->arg = arg;
	t->task = task;
	t->clock = sim_clock_ns();
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&th, &attr, detached_main, t);
	pthread_attr_destroy(&attr);
	if (err) {
		free(t);
		return -err;
	}
	return 0;
}

void *sim_thread_join(struct sim_thread *t)
{
	sim_wait_begin();
	pthread_join((pthread_t)t->handle, NULL);
	sim_wait_end();
	return t->ret;
}

/* ---- need_resched() knob: every nth call says yes (0: never) ---- */
static atomic_uint need_resched_period;
static atomic_ulong need_resched_yes;

void sim_set_need_resched_period(unsigned int n)
{
	atomic_store(&need_resched_period, n);
}

int sim_need_resched(void)
{
	static __thread unsigned int calls;
	unsigned int n = atomic_load_explicit(&need_resched_period, memory_order_relaxed);

	if (!n || ++calls % n)
		return 0;
	atomic_fetch_add_explicit(&need_resched_yes, 1, memory_order_relaxed);
	return 1;
}

unsigned long sim_need_resched_count(void)
{
	return atomic_load(&need_resched_yes);
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
	percpu_init();
	sim_rcu_init();
	sim_thread_enter(0, NULL, 0);
}

/* ---- try/throw for KUnit assertions (libc setjmp: sanitizers know it) ---- */
#include <setjmp.h>

static __thread jmp_buf *try_env;

int sim_try(void (*fn)(void *), void *arg)
{
	jmp_buf env, *prev = try_env;

	try_env = &env;
	if (!setjmp(env)) {
		fn(arg);
		try_env = prev;
		return 0;
	}
	try_env = prev;
	return 1;
}

void sim_throw(void)
{
	if (!try_env)
		sim_die("KUnit abort outside of a test case");
	longjmp(*try_env, 1);
}

int sim_thread_join_timeout(struct sim_thread *t, unsigned long long ns)
{
	struct timespec ts;
	int ret;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += ns / 1000000000ULL;
	ts.tv_nsec += ns % 1000000000ULL;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	sim_wait_begin();
	ret = pthread_timedjoin_np((pthread_t)t->handle, NULL, &ts) ? -1 : 0;
	sim_wait_end();
	return ret;
}


/* ---- asynchronous interrupts ---- */

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
