/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The simulated machine: the one header of the boundary between kernel-side
 * code (kern/, kunit/, tests/, the stand-in headers in include/) and the
 * user-space simulator (sim/ and main.c, built against libc).  Every symbol
 * defined on one side and used on the other is declared here, once, and
 * both sides include it, so the compiler checks that they agree.  Only
 * plain C types appear, so either side can include it.
 *
 * Model:
 *  - A simulated CPU is a number 0..sim_nr_cpus-1.  Every thread that runs
 *    kernel code is a "task" bound to one CPU (sim_thread_start()); several
 *    tasks may share a CPU.  smp_processor_id() is the task's CPU.
 *  - A task "occupies" its CPU while it is non-preemptible (preempt_count
 *    non-zero or IRQs off).  Only one task can occupy a CPU at a time: a task
 *    sharing the CPU blocks in preempt_disable()/local_irq_save() until the
 *    occupant becomes preemptible again.  This is what makes per-CPU data
 *    (including the rqspinlock held-lock table) per-CPU and not per-thread,
 *    while still letting two tasks interleave in preemptible code.
 *  - Hardirq and NMI are simulated by running a function on the current task
 *    with the kernel's preempt_count bits set (sim_run_in_hardirq(),
 *    sim_run_in_nmi()), i.e. nested on the same CPU and stack, like the real
 *    thing.  Injection points (sim_irq_point()) let a test fire such an
 *    "interrupt" at a chosen place inside kernel code.
 */
#ifndef __SHIM_SIM_H
#define __SHIM_SIM_H

#define SIM_MAX_CPUS		16	/* == CONFIG_NR_CPUS */

/* preempt_count layout of include/linux/preempt.h */
#define SIM_PREEMPT_OFFSET	(1U << 0)
#define SIM_SOFTIRQ_OFFSET	(1U << 8)
#define SIM_HARDIRQ_OFFSET	(1U << 16)
#define SIM_NMI_OFFSET		(1U << 20)

struct task_struct;

/* Per-thread (per-task) execution context. */
struct sim_ctx {
	int cpu;			/* simulated CPU of this task */
	unsigned int preempt_count;	/* kernel layout, see above */
	int irqs_off;			/* local_irq_disable() state */
	int occupied;			/* holds its CPU (non-preemptible) */
	int migrate_disable;
	int rcu_depth;			/* rcu_read_lock() nesting */
	int rcu_trace_depth;		/* rcu_read_lock_trace() nesting */
	int registered;			/* known to the simulator */
	struct task_struct *current;
	void *kunit_test;		/* current struct kunit, if any */
};

extern __thread struct sim_ctx sim_ctx;
extern int sim_nr_cpus;
extern unsigned long __per_cpu_offset[SIM_MAX_CPUS];

/* sim/cpu.c: bring the machine up; occupy a CPU; spin on it. */
void sim_init(int nr_cpus);
void sim_cpu_occupy(void);
void sim_cpu_release(void);
unsigned long sim_cpu_occupy_waits(int cpu);
void sim_cpu_relax(void);
void sim_yield(void);
const char *sim_getenv(const char *name);

/* sim/warn.c: warnings, BUG(), and the warnings a run expects. */
void sim_warn(const char *file, int line, const char *cond);
/* WARN_ON_ONCE(): prints the first time *warned is set. */
void sim_warn_once(_Bool *warned, const char *file, int line, const char *cond);
void sim_bug(const char *file, int line, const char *what) __attribute__((noreturn));
/* Warnings printed as the kernel prints them; hits matching no expectation. */
unsigned long sim_warn_count(void);
unsigned long sim_warn_unexpected(void);
/*
 * Warnings a run or a test case expects: a hit of WARN*() in a file whose
 * path ends in "/" @file (or is @file) with the condition text @cond.
 * Armed expectations count their hits; any other hit is unexpected.
 */
struct sim_warn_expect {
	const char *file;
	const char *cond;
	unsigned long hits;
	struct sim_warn_expect *next;
};
void sim_warn_expect_arm(struct sim_warn_expect *e);
void sim_warn_expect_disarm(struct sim_warn_expect *e);
/* "FILE:COND" into *e (up to SIM_WARN_EXPECT_MAX per run, kept): 0 or -1. */
#define SIM_WARN_EXPECT_MAX	8
int sim_warn_expect_parse(const char *spec, struct sim_warn_expect *e);
/* "shim: expected warning FILE: COND hits N" on stderr. */
void sim_warn_expect_report(const struct sim_warn_expect *e);
/* Called on every hit (the KUnit runtime fails the case if !expected). */
extern void (*sim_warn_hook)(const char *file, int line, const char *cond, int expected);

/*
 * sim/clock.c: the running task's clock (ktime_get*(), jiffies, ...),
 * which advances with the task's own progress and with its waits, not while
 * the host deschedules it; see there.  The host's monotonic clock is for
 * the harness only (case timeouts, benchmark tables).
 */
unsigned long long sim_clock_ns(void);
unsigned long long sim_host_clock_ns(void);
/* Yield the host core, as a spinning vCPU does. */
void sim_spin_yield(void);
/* Sleep for ns (the task clock advances by as much). */
void sim_sleep_ns(unsigned long long ns);
/* Block while *word == val (futex); wake all waiters on word. */
void sim_futex_wait(unsigned int *word, unsigned int val);
void sim_futex_wake(unsigned int *word);
/* As sim_futex_wait(), giving up after ns: 0 woken/changed, -1 timed out. */
int sim_futex_wait_timeout(unsigned int *word, unsigned int val, unsigned long long ns);

/*
 * sim/irq.c: simulated interrupts.
 *
 * Asynchronous interrupts (irq_work, hrtimer): a request queued on a CPU
 * runs in hardirq context on a task of that CPU at its next delivery point
 * with IRQs enabled (cpu_relax(), IRQ enable, cond_resched()), once its
 * expiry time (sim_clock_ns()) has passed.
 */
struct sim_irq_req {
	void (*fn)(struct sim_irq_req *req);
	unsigned long long expires;
	struct sim_irq_req *next;
	int cpu;			/* -1 while not queued */
};
void sim_irq_raise(int cpu, struct sim_irq_req *req);
/* Remove a queued request: 1 if it was queued (and now is not). */
int sim_irq_cancel(struct sim_irq_req *req);
void sim_irq_deliver(void);
extern int sim_irq_pending[SIM_MAX_CPUS];

/* Run fn(arg) on this task in simulated hardirq / NMI context. */
int sim_run_in_hardirq(void (*fn)(void *), void *arg);
void sim_run_in_nmi(void (*fn)(void *), void *arg);

/*
 * Interrupt injection.  Kernel-side code calls sim_irq_point(point, obj) at
 * places where an interrupt can arrive; if the current task has an armed
 * injection for that point (and obj, if given), the handler runs there, in
 * hardirq context when IRQs are on, else (if allowed) as an NMI.  Points:
 * the storage code's lock sites (enum bpf_ls_test_site, see
 * kern/variant.c), inside the critical section or just before the
 * acquisition, and the places of the spinlock stand-in.
 */
#define SIM_IRQ_POINT_LS(site)		(site)		/* lock taken */
#define SIM_IRQ_POINT_LS_PRE(site)	(64 + (site))	/* before taking it */
#define SIM_IRQ_POINT_SPIN_LOCK		128	/* before the acquisition */
#define SIM_IRQ_POINT_SPIN_LOCKED	129	/* inside the critical section */
#define SIM_IRQ_POINT_SPIN_LOCK_IRQSAVE	130	/* before IRQs go off */
#define SIM_IRQ_POINT_ANY		(~0U)
enum sim_irq_kind { SIM_IRQ_HARDIRQ, SIM_IRQ_NMI };
struct sim_irq_inject {
	unsigned int point;		/* SIM_IRQ_POINT_ANY: any point */
	const void *obj;		/* NULL: any object */
	enum sim_irq_kind kind;
	int remaining;			/* fire this many times, then disarm */
	void (*fn)(void *arg);
	void *arg;
	int fired;			/* out: number of times fired */
};
void sim_irq_arm(struct sim_irq_inject *inj);
/* Number of tasks with an armed injection (fast check for hooks). */
extern int sim_irq_armed_count;
void sim_irq_disarm(void);
void sim_irq_point(unsigned int point, const void *obj);

/*
 * sim/explore*.c: deterministic exploration (shim --explore, see
 * sim/explore.c).  While sim_explore_on, one task runs at a time and every
 * marked access, barrier, cpu_relax(), CPU occupation change and RCU
 * read-side boundary is a scheduling point, where the strategy picks the
 * task that runs next.  Off (0) in every other mode: the hooks cost one
 * predictable branch.
 */
extern int sim_explore_on;
enum sim_sp_kind {
	SIM_SP_READ,		/* a marked load, a barrier */
	SIM_SP_WRITE,		/* a marked store or read-modify-write */
	SIM_SP_RELAX,		/* cpu_relax(): the task spins */
	SIM_SP_SCHED,		/* preemption/IRQ/RCU state changes */
};
void sim_explore_point(int kind);
#define sim_sp(kind)							\
do {									\
	if (__builtin_expect(sim_explore_on, 0))			\
		sim_explore_point(kind);				\
} while (0)
/* Block the running task until pred(arg) holds (explore mode only). */
void sim_explore_block(int (*pred)(void *arg), void *arg);
/* shim --explore ...: the driver (sim/explore_run.c); exit status */
int sim_explore_main(int argc, char **argv);

/* sim/task.c: threads as tasks: start fn(arg) on a new task bound to @cpu. */
struct sim_thread {
	unsigned long handle;		/* pthread_t */
	int cpu;
	void *(*fn)(void *);
	void *arg;
	void *ret;
	struct task_struct *task;	/* the task_struct "current" will be */
	unsigned long long clock;	/* its clock starts at its creator's */
};
int sim_thread_start(struct sim_thread *t, int cpu, void *(*fn)(void *), void *arg);
void *sim_thread_join(struct sim_thread *t);
/* Start a detached task (nobody joins it) running as @task (NULL: new). */
int sim_thread_spawn(int cpu, void *(*fn)(void *), void *arg, struct task_struct *task);
/* 0 when the thread ended within ns, -1 on timeout. */
int sim_thread_join_timeout(struct sim_thread *t, unsigned long long ns);
/* Run fn(arg); sim_throw() from within returns here: 0 normal, 1 thrown. */
int sim_try(void (*fn)(void *), void *arg);
void sim_throw(void) __attribute__((noreturn));
/* Register/unregister the calling thread as a task on @cpu, clock at @clock. */
void sim_thread_enter(int cpu, struct task_struct *task, unsigned long long clock);
void sim_thread_exit(void);
/* Hooks the kernel-side task code provides (kern/owners.c). */
extern struct task_struct *(*sim_task_alloc_hook)(void);
extern void (*sim_task_free_hook)(struct task_struct *);
/*
 * need_resched() returns true on every nth call of a task (0: never, the
 * default); how many times it did so far.
 */
void sim_set_need_resched_period(unsigned int n);
unsigned long sim_need_resched_count(void);

/* sim/rcu.c: real RCU from liburcu (two flavours, see there). */
struct callback_head;
void sim_rcu_read_lock(void);
void sim_rcu_read_unlock(void);
void sim_rcu_read_lock_trace(void);
void sim_rcu_read_unlock_trace(void);
void sim_call_rcu(struct callback_head *head, void (*func)(struct callback_head *));
void sim_call_rcu_tasks_trace(struct callback_head *head, void (*func)(struct callback_head *));
void sim_kvfree_call_rcu(struct callback_head *head, void *ptr);
void sim_synchronize_rcu(void);
void sim_synchronize_rcu_tasks_trace(void);
void sim_rcu_barrier(void);
void sim_rcu_barrier_tasks_trace(void);
void sim_rcu_register(void);
void sim_rcu_unregister(void);
unsigned long sim_rcu_pending(void);

/*
 * sim/objkey.c: while on (explore runs), pointer hashing uses the number of
 * an object's allocation in the run instead of its address (see there).
 */
extern int sim_objkey_on;
void sim_objkey_start(void);
void sim_objkey_stop(void);
void sim_objkey_add(const void *p);
void sim_objkey_del(const void *p);
unsigned long sim_obj_key(const void *p);

/* sim/slab.c: kmalloc & co with accounting and failure injection. */
void *sim_kmalloc(unsigned long size, int zero, int can_fail_atomic);
void sim_kfree(const void *p);
long sim_slab_outstanding(void);
/* Fail the nth (1-based) allocation from now on; 0 = off. */
void sim_slab_fail_nth(long nth);
/* Fail every non-sleeping (GFP_ATOMIC/GFP_NOWAIT) allocation while set. */
void sim_slab_fail_atomic(int on);
unsigned long sim_slab_failed(void);

/*
 * sim/fault.c: lock-acquisition fault injection.  A site is a value of the
 * series' enum bpf_ls_test_site (names and parsing: kern/ls_sites.c).
 */
#define SIM_FAULT_MAX_SITES	64
struct sim_fault_cfg {
	unsigned long long sites;	/* bit (1 << site) per matching site */
	long nth;			/* fail the nth matching acquisition (1-based) */
	int every;			/* fail every matching acquisition */
	int err;			/* -EDEADLK or -ETIMEDOUT */
};
void sim_fault_set(const struct sim_fault_cfg *cfg);
void sim_fault_clear(void);
/* Tests: configure on top of the current setting / go back to it. */
void sim_fault_push(const struct sim_fault_cfg *cfg);
void sim_fault_pop(void);
/*
 * Called by the lock call-out while sim_fault_armed: counts the
 * acquisition, returns 0 or the error to inject.
 */
int sim_fault_lock(unsigned int site);
unsigned long sim_fault_injected(void);
unsigned long sim_fault_site_hits(unsigned int site);
/* Non-zero while a fault is configured (also a baseline that never fires). */
extern int sim_fault_armed;

/* sim/out.c: output (stdout is the KTAP stream). */
int sim_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* To stderr: diagnostics of the shim itself. */
int sim_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int sim_vprintf(const char *fmt, __builtin_va_list ap);
int sim_vsnprintf(char *buf, unsigned long size, const char *fmt, __builtin_va_list ap);
int sim_snprintf(char *buf, unsigned long size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void sim_flush(void);

/*
 * Kernel API the simulator implements on the libc side, declared here once
 * for both sides (the stand-in headers include this file instead of
 * declaring them), so the compiler checks definition and use agree.
 */
/* sim/slab.c */
void kfree(const void *objp);
void kvfree(const void *addr);
/* sim/out.c */
int _printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintk(const char *fmt, __builtin_va_list args);
int scnprintf(char *buf, unsigned long size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
long sized_strscpy(char *dest, const char *src, unsigned long count);
/* sim/percpu.c: alloc_percpu() and free_percpu() */
void *sim_alloc_percpu(unsigned long size, unsigned long align);
void sim_free_percpu(void *p);
/* sim/task.c: need_resched(), see sim_set_need_resched_period() */
int sim_need_resched(void);

/* Kernel-side entry points the simulator's main() calls. */
struct sim_fault_cfg;
/* kern/boot.c: boot (CPUs, RCU, initcalls, the kworker) and shut down */
void shim_boot(int nr_cpus);
void shim_shutdown(void);
/* kern/boot.c: wait until the kworker is idle and every RCU callback ran */
void shim_quiesce(void);
/* kunit/kunit.c: run the selected suites (kunit/filter.c), KTAP on stdout */
int kunit_run_all(const char *filter);
/* bench.c: shim --bench */
int shim_bench_main(int argc, char **argv);
/* kern/ls_sites.c: --fault SITE:NTH|every:ERR, and the hits per site */
int shim_fault_parse(const char *spec, struct sim_fault_cfg *cfg);
void shim_fault_report(void);

#endif /* __SHIM_SIM_H */
