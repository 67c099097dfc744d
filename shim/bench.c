// SPDX-License-Identifier: GPL-2.0
/*
 * shim --bench: stock 6.12 against the patched storage code, in one run, on
 * the same simulated machine and workloads.
 *
 * 1. Throughput of task storage get / update / delete at 1, 2 and 4
 *    threads (one simulated CPU each), ratio patched/stock.  Each thread
 *    works on its own task, as a BPF program on its own current task would:
 *      get     bpf_task_storage_get(F_CREATE) of an existing element
 *      update  map_update_elem(BPF_ANY) through the task's pidfd
 *      delete  bpf_task_storage_delete() + bpf_task_storage_get(F_CREATE)
 * 2. Failures that no lock explains ("spurious"): NULL from a get with
 *    F_CREATE, an error from a delete, on owners nobody else touches:
 *    a) two tasks sharing one simulated CPU, running the helpers tracing
 *       programs get (stock: the _recur trylock variants), task and cgroup
 *       storage;
 *    b) a simulated interrupt (hardirq where IRQs are on, NMI inside the
 *       critical sections) running a get(F_CREATE) on another task in
 *       another map while the interrupted task is inside the storage code.
 *    For comparison, c) the interrupt works on the interrupted task itself
 *    (same storage lock): failures there are expected where that lock is
 *    held at the interrupted point.
 *
 * Host caveat: threads are not pinned and the host may have fewer cores
 * than simulated CPUs; ratios compare like with like, absolute numbers
 * mean little.
 */
#include <linux/kernel.h>
#include <linux/bpf.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/ktime.h>
#include <linux/bpf_local_storage.h>
#include <shim/kern.h>

#define VAL_SIZE	16

struct bench {
	const struct shim_variant *v;
	struct bpf_map *map;
	int op;
	int stop;
	u64 ops[SIM_MAX_CPUS];
};

enum { OP_GET, OP_UPDATE, OP_DELETE, NR_OPS };
static const char *const op_names[] = { "get", "update", "delete" };

static u64 val_in[VAL_SIZE / 8];

static void *prog_get(const struct shim_variant *v, const struct bpf_func_proto *p,
		      struct bpf_map *map, struct task_struct *t)
{
	return (void *)shim_call(p, (u64)map, (u64)t, (u64)val_in,
				 BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC);
}

static long prog_del(const struct bpf_func_proto *p, struct bpf_map *map,
		     struct task_struct *t)
{
	return (long)shim_call(p, (u64)map, (u64)t, 0, 0, 0);
}

struct worker {
	struct bench *b;
	int id;
};

static void *throughput_worker(void *arg)
{
	struct worker *w = arg;
	struct bench *b = w->b;
	const struct shim_variant *v = b->v;
	int fd = shim_task_pidfd(current);
	u64 n = 0;

	rcu_read_lock();
	prog_get(v, v->task_get, b->map, current);
	rcu_read_unlock();
	while (!READ_ONCE(b->stop)) {
		/* a BPF program runs under RCU with migration disabled */
		migrate_disable();
		rcu_read_lock();
		switch (b->op) {
		case OP_GET:
			prog_get(v, v->task_get, b->map, current);
			break;
		case OP_UPDATE:
			v->task_ops->map_update_elem(b->map, &fd, val_in, BPF_ANY);
			break;
		case OP_DELETE:
			prog_del(v->task_del, b->map, current);
			prog_get(v, v->task_get, b->map, current);
			break;
		}
		rcu_read_unlock();
		migrate_enable();
		n++;
	}
	b->ops[w->id] = n;
	shim_fd_close(fd);
	return NULL;
}

static u64 run_throughput_once(const struct shim_variant *v, int op, int nthreads, int ms)
{
	struct sim_thread th[SIM_MAX_CPUS];
	struct worker w[SIM_MAX_CPUS];
	struct bench b = { .v = v, .op = op };
	u64 start, end, total = 0;
	int i;

	shim_variant = v;	/* the threads' tasks belong to this variant */
	b.map = shim_map_create(v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE,
				BPF_F_NO_PREALLOC, NULL, 0);
	if (IS_ERR(b.map))
		return 0;
	start = sim_host_clock_ns();
	for (i = 0; i < nthreads; i++) {
		w[i].b = &b;
		w[i].id = i;
		sim_thread_start(&th[i], i % sim_nr_cpus, throughput_worker, &w[i]);
	}
	sim_sleep_ns(ms * NSEC_PER_MSEC);
	WRITE_ONCE(b.stop, 1);
	for (i = 0; i < nthreads; i++)
		sim_thread_join(&th[i]);
	end = sim_host_clock_ns();
	for (i = 0; i < nthreads; i++)
		total += b.ops[i];
	shim_map_release(b.map);
	shim_quiesce();
	return total * NSEC_PER_SEC / (end - start);
}

/* median of three runs: the host is noisy */
static u64 run_throughput(const struct shim_variant *v, int op, int nthreads, int ms)
{
	u64 r[3], t;
	int i, j;

	for (i = 0; i < 3; i++)
		r[i] = run_throughput_once(v, op, nthreads, ms);
	for (i = 0; i < 3; i++)
		for (j = i + 1; j < 3; j++)
			if (r[j] < r[i]) {
				t = r[i];
				r[i] = r[j];
				r[j] = t;
			}
	return r[1];
}

/* ---- a) two tasks on one CPU ---- */

struct shared {
	const struct shim_variant *v;
	struct bpf_map *tmap, *cmap;
	int stop;
	long get_fail[2], del_fail[2], cget_fail[2], cdel_fail[2], iters[2];
};

static void *shared_worker(void *arg)
{
	struct shared *s = (void *)((unsigned long)arg & ~1UL);
	int me = (unsigned long)arg & 1;
	const struct shim_variant *v = s->v;
	struct cgroup *cg = shim_cgroup_new();

	cg->shim_variant = v;
	while (!READ_ONCE(s->stop)) {
		long err;

		migrate_disable();
		rcu_read_lock();
		if (!prog_get(v, v->task_get_tracing, s->tmap, current))
			s->get_fail[me]++;
		else if ((err = prog_del(v->task_del_tracing, s->tmap, current)))
			s->del_fail[me]++;
		if (!shim_call(v->cgrp_get, (u64)s->cmap, (u64)cg, 0,
			       BPF_LOCAL_STORAGE_GET_F_CREATE, GFP_ATOMIC))
			s->cget_fail[me]++;
		else if (shim_call(v->cgrp_del, (u64)s->cmap, (u64)cg, 0, 0, 0))
			s->cdel_fail[me]++;
		rcu_read_unlock();
		migrate_enable();
		s->iters[me]++;
	}
	cgroup_put(cg);
	return NULL;
}

static void run_shared(const struct shim_variant *v, int ms, struct shared *s)
{
	struct sim_thread th[2];
	int i;

	memset(s, 0, sizeof(*s));
	s->v = v;
	shim_variant = v;
	s->tmap = shim_map_create(v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE,
				  BPF_F_NO_PREALLOC, NULL, 0);
	s->cmap = shim_map_create(v->cgrp_ops, BPF_MAP_TYPE_CGRP_STORAGE, VAL_SIZE,
				  BPF_F_NO_PREALLOC, NULL, 0);
	for (i = 0; i < 2; i++)		/* both on CPU 0 */
		sim_thread_start(&th[i], 0, shared_worker, (void *)((unsigned long)s | i));
	sim_sleep_ns(ms * NSEC_PER_MSEC);
	WRITE_ONCE(s->stop, 1);
	for (i = 0; i < 2; i++)
		sim_thread_join(&th[i]);
	shim_map_release(s->tmap);
	shim_map_release(s->cmap);
	shim_quiesce();
}

/* ---- b), c) interrupts ---- */

struct irq_site {
	unsigned int point;		/* SIM_IRQ_POINT_* */
	enum sim_irq_kind kind;
	int fired, fail;
};

struct irqb {
	const struct shim_variant *v;
	struct bpf_map *m0, *m1, *m2, *m3;
	struct task_struct **pool;
	int pool_next, pool_size;
	int same_owner;		/* c): the interrupt works on the interrupted task */
	struct task_struct *self;
	int fail, main_fail;
};

static void irq_handler(void *arg)
{
	struct irqb *ib = arg;
	const struct shim_variant *v = ib->v;
	void *d;

	rcu_read_lock();
	if (ib->same_owner) {
		d = prog_get(v, v->task_get_tracing, ib->m3, ib->self);
	} else {
		struct task_struct *t = ib->pool[ib->pool_next++ % ib->pool_size];

		d = prog_get(v, v->task_get_tracing, ib->m2, t);
	}
	rcu_read_unlock();
	if (!d)
		ib->fail++;
}

struct irq_run {
	struct irqb *ib;
	struct irq_site *sites;
	int nr_sites, iters;
};

static void *irq_thread(void *arg)
{
	struct irq_run *r = arg;
	struct irqb *ib = r->ib;
	const struct shim_variant *v = ib->v;
	int i, s;

	ib->self = current;
	rcu_read_lock();
	prog_get(v, v->task_get, ib->m0, current);	/* storage exists */
	rcu_read_unlock();
	for (s = 0; s < r->nr_sites; s++) {
		struct irq_site *site = &r->sites[s];

		for (i = 0; i < r->iters; i++) {
			struct sim_irq_inject inj = {
				.point = site->point,
				.kind = site->kind,
				.remaining = 1,
				.fn = irq_handler,
				.arg = ib,
			};
			int fail0 = ib->fail;

			sim_irq_arm(&inj);
			migrate_disable();
			rcu_read_lock();
			if (!prog_get(v, v->task_get_tracing, ib->m1, current))
				ib->main_fail++;
			else if (prog_del(v->task_del_tracing, ib->m1, current))
				ib->main_fail++;
			rcu_read_unlock();
			migrate_enable();
			sim_irq_disarm();
			site->fired += inj.fired;
			site->fail += ib->fail - fail0;
			if (ib->same_owner) {	/* undo the handler's element */
				rcu_read_lock();
				prog_del(v->task_del, ib->m3, current);
				rcu_read_unlock();
			}
		}
	}
	return NULL;
}

static void run_irq(const struct shim_variant *v, struct irq_site *sites, int nr_sites,
		    int iters, int same_owner, struct irqb *ib)
{
	struct irq_run r = { .ib = ib, .sites = sites, .nr_sites = nr_sites, .iters = iters };
	struct sim_thread th;
	int i;

	memset(ib, 0, sizeof(*ib));
	ib->v = v;
	ib->same_owner = same_owner;
	shim_variant = v;
	ib->m0 = shim_map_create(v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE, BPF_F_NO_PREALLOC, NULL, 0);
	ib->m1 = shim_map_create(v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE, BPF_F_NO_PREALLOC, NULL, 0);
	ib->m2 = shim_map_create(v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE, BPF_F_NO_PREALLOC, NULL, 0);
	ib->m3 = shim_map_create(v->task_ops, BPF_MAP_TYPE_TASK_STORAGE, VAL_SIZE, BPF_F_NO_PREALLOC, NULL, 0);
	ib->pool_size = nr_sites * iters;
	ib->pool = kcalloc(ib->pool_size, sizeof(*ib->pool), GFP_KERNEL);
	for (i = 0; i < ib->pool_size; i++) {
		ib->pool[i] = shim_task_new("pool");
		rcu_read_lock();	/* each pool task has a storage already */
		prog_get(v, v->task_get, ib->m0, ib->pool[i]);
		rcu_read_unlock();
	}
	sim_thread_start(&th, 0, irq_thread, &r);
	sim_thread_join(&th);
	for (i = 0; i < ib->pool_size; i++)
		shim_task_exit(ib->pool[i]);
	kfree(ib->pool);
	shim_map_release(ib->m0);
	shim_map_release(ib->m1);
	shim_map_release(ib->m2);
	shim_map_release(ib->m3);
	shim_quiesce();
}

static int nr_irq_sites(const struct shim_variant *v, struct irq_site *out)
{
	static const struct irq_site stock_sites[] = {
		{ SIM_IRQ_POINT_SPIN_LOCK_IRQSAVE, SIM_IRQ_HARDIRQ },
		{ SIM_IRQ_POINT_SPIN_LOCKED, SIM_IRQ_NMI },
	};
	static const struct irq_site patched_sites[] = {
		{ SIM_IRQ_POINT_LS(BPF_LS_TEST_UPDATE_ENTRY), SIM_IRQ_HARDIRQ },
		{ SIM_IRQ_POINT_LS_PRE(BPF_LS_TEST_UPDATE_LS), SIM_IRQ_HARDIRQ },
		{ SIM_IRQ_POINT_LS(BPF_LS_TEST_UPDATE_LS), SIM_IRQ_NMI },
		{ SIM_IRQ_POINT_LS(BPF_LS_TEST_UPDATE_B), SIM_IRQ_NMI },
		{ SIM_IRQ_POINT_LS_PRE(BPF_LS_TEST_UNLINK_LS), SIM_IRQ_HARDIRQ },
		{ SIM_IRQ_POINT_LS(BPF_LS_TEST_UNLINK_LS), SIM_IRQ_NMI },
		{ SIM_IRQ_POINT_LS(BPF_LS_TEST_UNLINK_B), SIM_IRQ_NMI },
	};
	bool patched = v == &patched__shim_variant_table;
	const struct irq_site *src = patched ? patched_sites : stock_sites;
	int n = patched ? ARRAY_SIZE(patched_sites) : ARRAY_SIZE(stock_sites);

	memcpy(out, src, n * sizeof(*out));
	return n;
}

static int parse_int(const char *s)
{
	int n = 0;

	while (*s >= '0' && *s <= '9')
		n = n * 10 + (*s++ - '0');
	return n;
}

int shim_bench_main(int argc, char **argv)
{
	const struct shim_variant *vs[2] = { &stock__shim_variant_table,
					     &patched__shim_variant_table };
	static const int threads[] = { 1, 2, 4 };
	int ms = 200, iters = 300, i, t, op;
	struct shared sh[2];

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--ms") && i + 1 < argc)
			ms = parse_int(argv[++i]);
		else if (!strcmp(argv[i], "--iters") && i + 1 < argc)
			iters = parse_int(argv[++i]);
	}

	sim_printf("# shim bench: %d simulated CPUs, median of 3 x %d ms per throughput point\n",
		   sim_nr_cpus, ms);
	sim_printf("\n%-8s %7s %14s %14s %7s\n", "op", "threads", "stock ops/s",
		   "patched ops/s", "ratio");
	for (op = 0; op < NR_OPS; op++) {
		for (t = 0; t < ARRAY_SIZE(threads); t++) {
			u64 r[2];

			if (threads[t] > sim_nr_cpus)
				continue;
			for (i = 0; i < 2; i++)
				r[i] = run_throughput(vs[i], op, threads[t], ms);
			sim_printf("%-8s %7d %14llu %14llu %7.2f\n", op_names[op], threads[t],
				   r[0], r[1], r[0] ? (double)r[1] / r[0] : 0.0);
		}
	}

	sim_printf("\n# a) two tasks sharing CPU 0, %d ms, helpers of tracing programs\n", ms);
	sim_printf("%-8s %10s %14s %14s %14s %14s\n", "variant", "iterations",
		   "task get NULL", "task del err", "cgrp get NULL", "cgrp del err");
	for (i = 0; i < 2; i++) {
		run_shared(vs[i], ms, &sh[i]);
		sim_printf("%-8s %10ld %14ld %14ld %14ld %14ld\n", vs[i]->name,
			   sh[i].iters[0] + sh[i].iters[1],
			   sh[i].get_fail[0] + sh[i].get_fail[1],
			   sh[i].del_fail[0] + sh[i].del_fail[1],
			   sh[i].cget_fail[0] + sh[i].cget_fail[1],
			   sh[i].cdel_fail[0] + sh[i].cdel_fail[1]);
	}

	for (t = 0; t < 2; t++) {
		sim_printf("\n# %s) interrupt on CPU 0 during task get(F_CREATE)+delete, %d per site:\n"
			   "#    the interrupt does get(F_CREATE) on %s\n",
			   t ? "c" : "b", iters,
			   t ? "the interrupted task, another map (needs its storage lock)"
			     : "another task, another map (no lock of the interrupted task)");
		sim_printf("%-8s %-20s %-8s %7s %9s %10s\n", "variant", "site", "kind",
			   "fired", "get NULL", "main fail");
		for (i = 0; i < 2; i++) {
			struct irq_site sites[8];
			char name[32];
			struct irqb ib;
			int n = nr_irq_sites(vs[i], sites), s;

			run_irq(vs[i], sites, n, iters, t, &ib);
			for (s = 0; s < n; s++)
				sim_printf("%-8s %-20s %-8s %7d %9d\n", vs[i]->name,
					   shim_irq_point_name(sites[s].point, name,
							       sizeof(name)),
					   sites[s].kind == SIM_IRQ_NMI ? "nmi" : "hardirq",
					   sites[s].fired, sites[s].fail);
			sim_printf("%-8s %-20s %-8s %7s %9s %10d\n", vs[i]->name, "(all)", "", "",
				   "", ib.main_fail);
		}
	}
	shim_variant = &patched__shim_variant_table;
	return 0;
}
