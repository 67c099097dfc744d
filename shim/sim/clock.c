// SPDX-License-Identifier: GPL-2.0
/*
 * Simulated time.
 *
 * The kernel code under test assumes that a CPU which spins with preemption
 * disabled keeps running, and that all CPUs run at the same pace:
 * rqspinlock looks for deadlocks once per 64K spins and gives up after
 * 250 ms, and the tests expect the deadlock check to come long before the
 * timeout, and a waiter to give up long before the 20 s its test waits for
 * it.  A host thread, though, can be kept off a core for seconds by a busy
 * host.  Measured by the host's wall clock, its timeout would expire while
 * it did not run at all: the lock tests failed with -ETIMEDOUT instead of
 * -EDEADLK whenever a kernel build ran beside them.
 *
 * So time is made of progress:
 *
 * - A task that runs reads its own clock (ktime_get*(), local_clock(),
 *   jiffies): it advances by the host CPU time its thread consumes
 *   (CLOCK_THREAD_CPUTIME_ID), spinning included, and not while the host
 *   keeps the thread off a core.
 *
 * - Spinning tasks yield the host core now and then (sim_spin_yield()),
 *   so that on a host with fewer cores than running tasks a descheduled
 *   lock holder or CPU occupant gets to run: every 4096 cpu_relax() (like a
 *   hypervisor's pause-loop exiting), and at every arm64 WFE wait (which
 *   traps to the hypervisor).  The simulated CPU would go on spinning
 *   meanwhile, so the time off the core counts, but at most ten times the
 *   CPU time spun since the previous yield: on a busy host a yield can last
 *   a whole round of the host's run queue, which is not the task's
 *   progress.  So 64K spins (rqspinlock's check interval on x86, a few ms
 *   of CPU) advance the clock by a few tens of ms at most, well below its
 *   250 ms timeout.  Yielding more often made things slower, not faster: a
 *   task that yields often loses its share of a busy host, and a yield
 *   that falls inside a critical section stalls every waiter of the lock.
 *
 * - A task that waits (sleeps, completions, joins, grace periods, waiting
 *   for its CPU to be free) leaves the running set; the machine's time then
 *   goes on without it.  Machine time is the clock of the slowest running
 *   task (no CPU gets ahead of another as far as those that wait can
 *   tell), or, while no task runs, the host's wall clock (idle CPUs).  When
 *   the wait ends, the task's clock is brought forward to machine time, and
 *   a wait with a timeout ends when machine time passed it.  So a test that
 *   waits 20 s for workers whose locks time out after 250 ms sees them time
 *   out first, however unevenly the host runs them.
 *
 * Machine time is computed when a task starts or ends a wait, from the CPU
 * clocks of the running threads, so it does not depend on their reading a
 * clock.  Threads that are not tasks (liburcu's workers) read machine time.
 * A timer expires by the clock of the task that delivers it, the one that
 * waits for it or spins on its CPU (see sim_irq_deliver()).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "shim/sim.h"
#include "sim-internal.h"
#include "explore-internal.h"

/* The time off the core counts up to this many times the CPU time spun. */
#define SIM_YIELD_COUNTS	10

#define SIM_MAX_TASKS		256

/* A task's clock is base + the CPU time of its thread. */
struct task_clock {
	atomic_int running;		/* not in a wait: part of machine time */
	int used;
	clockid_t cpu_clock;		/* of the thread, readable by others */
	_Atomic unsigned long long base;
};

static struct task_clock clocks[SIM_MAX_TASKS];
static pthread_mutex_t machine_lock = PTHREAD_MUTEX_INITIALIZER;
/* Machine time, and the host time it was last computed at. */
static unsigned long long machine_ns, machine_wall;

static __thread struct task_clock *self;
static __thread int wait_depth;

static unsigned long long read_clock(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

unsigned long long sim_host_clock_ns(void)
{
	return read_clock(CLOCK_MONOTONIC);
}

static unsigned long long task_clock_ns(struct task_clock *c)
{
	return atomic_load_explicit(&c->base, memory_order_relaxed) + read_clock(c->cpu_clock);
}

/* Called with machine_lock held. */
static unsigned long long machine_update(void)
{
	unsigned long long wall = sim_host_clock_ns(), now = ~0ULL;
	int i;

	for (i = 0; i < SIM_MAX_TASKS; i++) {
		struct task_clock *c = &clocks[i];

		if (c->used && atomic_load_explicit(&c->running, memory_order_acquire)) {
			unsigned long long t = task_clock_ns(c);

			if (t < now)
				now = t;
		}
	}
	if (now == ~0ULL)	/* every CPU idles: time flows */
		now = machine_ns + (wall - machine_wall);
	if (now > machine_ns)
		machine_ns = now;
	machine_wall = wall;
	return machine_ns;
}

static unsigned long long machine_now(void)
{
	unsigned long long now;

	pthread_mutex_lock(&machine_lock);
	now = machine_update();
	pthread_mutex_unlock(&machine_lock);
	return now;
}

unsigned long long sim_clock_ns(void)
{
	/* explored tasks: virtual time, advanced by the schedule */
	if (sim_explore_on && ex_self())
		return ex_clock_ns();
	if (!likely_sim(self != NULL))
		return machine_now();
	return task_clock_ns(self);
}

/* Bring the clock of this task forward to @now if it is behind. */
static void catch_up(unsigned long long now)
{
	unsigned long long mine = task_clock_ns(self);

	if (now > mine)
		atomic_fetch_add_explicit(&self->base, now - mine, memory_order_relaxed);
}

void sim_clock_init(void)
{
	machine_wall = sim_host_clock_ns();
}

static void set_running(int running)
{
	atomic_store_explicit(&self->running, running, memory_order_release);
}

void sim_clock_thread_start(unsigned long long now)
{
	int i;

	pthread_mutex_lock(&machine_lock);
	for (i = 0; i < SIM_MAX_TASKS && clocks[i].used; i++)
		;
	if (i == SIM_MAX_TASKS)
		sim_die("more than %d tasks", SIM_MAX_TASKS);
	self = &clocks[i];
	self->used = 1;
	pthread_getcpuclockid(pthread_self(), &self->cpu_clock);
	atomic_store(&self->base, 0);
	/* never behind the machine: it may have run on since our creation */
	catch_up(now > machine_ns ? now : machine_ns);
	set_running(1);
	pthread_mutex_unlock(&machine_lock);
	wait_depth = 0;
}

void sim_clock_thread_exit(void)
{
	if (!self)
		return;
	pthread_mutex_lock(&machine_lock);
	machine_update();
	set_running(0);
	self->used = 0;
	pthread_mutex_unlock(&machine_lock);
	self = NULL;
}

void sim_wait_begin(void)
{
	if (!self || wait_depth++)
		return;
	pthread_mutex_lock(&machine_lock);
	machine_update();
	set_running(0);
	pthread_mutex_unlock(&machine_lock);
}

void sim_wait_end(void)
{
	if (!self || --wait_depth)
		return;
	pthread_mutex_lock(&machine_lock);
	catch_up(machine_update());
	set_running(1);
	pthread_mutex_unlock(&machine_lock);
}

void sim_spin_yield(void)
{
	static __thread unsigned long long last;
	unsigned long long cpu, spun, wall, off;

	if (!self || (sim_explore_on && ex_self()))
		return;
	cpu = read_clock(self->cpu_clock);
	spun = cpu - last;
	wall = sim_host_clock_ns();
	sched_yield();
	wall = sim_host_clock_ns() - wall;
	last = read_clock(self->cpu_clock);
	off = wall > last - cpu ? wall - (last - cpu) : 0;
	atomic_fetch_add_explicit(&self->base, off < SIM_YIELD_COUNTS * spun ?
				  off : SIM_YIELD_COUNTS * spun, memory_order_relaxed);
}

static struct timespec to_timespec(unsigned long long ns)
{
	struct timespec ts = {
		.tv_sec = ns / 1000000000ULL,
		.tv_nsec = ns % 1000000000ULL,
	};

	return ts;
}

/* Waits are cut into slices of at most this much host time. */
#define SIM_WAIT_SLICE_NS	(10 * 1000000ULL)

void sim_sleep_ns(unsigned long long ns)
{
	unsigned long long end = sim_clock_ns() + ns, now;

	if (sim_explore_on && ex_self())
		sim_die("explore mode: sleeps are not scheduler events (yet)");

	while ((now = sim_clock_ns()) < end) {
		struct timespec ts = to_timespec(end - now < SIM_WAIT_SLICE_NS ?
						 end - now : SIM_WAIT_SLICE_NS);

		sim_wait_begin();
		nanosleep(&ts, NULL);
		sim_wait_end();
	}
}

void sim_futex_wait(unsigned int *word, unsigned int val)
{
	if (sim_explore_on && ex_self())
		sim_die("explore mode: futex waits are not scheduler events (yet)");
	sim_wait_begin();
	syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, val, NULL, NULL, 0);
	sim_wait_end();
}

int sim_futex_wait_timeout(unsigned int *word, unsigned int val, unsigned long long ns)
{
	struct timespec ts = to_timespec(ns);
	int ret = 0;

	sim_wait_begin();
	if (syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, val, &ts, NULL, 0) &&
	    errno == ETIMEDOUT)
		ret = -1;
	sim_wait_end();
	return ret;
}

void sim_futex_wake(unsigned int *word)
{
	syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL, NULL, 0);
}
