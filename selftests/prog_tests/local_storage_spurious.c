// SPDX-License-Identifier: GPL-2.0
/*
 * Spurious failures of the task and cgroup storage helpers, for
 * scripts/bench-kernel.sh of this repository (staged into the kernel's
 * selftests, not part of the series).
 *
 * In stock 6.12 the helpers called from a tracing program only try the
 * per-CPU "busy" counter of their storage type, while the map syscalls take
 * it unconditionally and hold it, preemptible, across the whole update or
 * delete.  A thread preempted there makes every helper call on its CPU fail,
 * whatever the owner: get(F_CREATE) returns NULL, delete returns -EBUSY.
 * With the series the storage and bucket locks are rqspinlocks held with
 * interrupts off, so nothing of the kind is left.
 *
 * Two threads pinned to one CPU: the map thread updates and deletes the
 * storage of a task (the main thread) and of a cgroup, by map syscalls; the
 * trigger thread calls getpgid(), whose fentry program gets and deletes the
 * storage of the trigger thread and of its cgroup (see
 * progs/local_storage_spurious.c).  The owners differ, so no failure is
 * expected.  The test prints the raw counts and both throughputs on one
 * "spurious:" line; it fails only when it cannot run, not on the counts,
 * which the benchmark compares between kernels.
 *
 * LS_SPURIOUS_SECS sets the duration (default 5 s).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <test_progs.h>
#include "cgroup_helpers.h"
#include "local_storage_spurious.skel.h"

struct map_thread {
	int task_map, cgrp_map, pidfd, cgfd;
	__u64 ops, ebusy, errs;
};

static struct local_storage_spurious *skel;
static pthread_barrier_t start;
static int cpu;
static bool stop;

static int pin_self(void)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

static bool stopped(void)
{
	return __atomic_load_n(&stop, __ATOMIC_RELAXED);
}

static void count_op(struct map_thread *t, int err)
{
	t->ops++;
	if (!err)
		return;
	if (errno == EBUSY)
		t->ebusy++;
	else
		t->errs++;
}

/*
 * Both threads wait at the barrier even when pinning failed, so that the
 * main thread never waits for ever; they report the failure when they return.
 */
static void *map_fn(void *arg)
{
	struct map_thread *t = arg;
	long val = 1;
	long err;

	err = pin_self();
	pthread_barrier_wait(&start);
	if (err)
		return (void *)err;
	while (!stopped()) {
		count_op(t, bpf_map_update_elem(t->task_map, &t->pidfd, &val, BPF_ANY));
		count_op(t, bpf_map_delete_elem(t->task_map, &t->pidfd));
		count_op(t, bpf_map_update_elem(t->cgrp_map, &t->cgfd, &val, BPF_ANY));
		count_op(t, bpf_map_delete_elem(t->cgrp_map, &t->cgfd));
	}
	return NULL;
}

static void *trigger_fn(void *arg __always_unused)
{
	long err;

	err = pin_self();
	skel->bss->trigger_tid = syscall(SYS_gettid);
	pthread_barrier_wait(&start);
	if (err)
		return (void *)err;
	while (!stopped())
		syscall(SYS_getpgid, 0);
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void serial_test_local_storage_spurious(void)
{
	struct map_thread mt = { .pidfd = -1, .cgfd = -1 };
	void *map_ret = NULL, *trigger_ret = NULL;
	pthread_t map_thr, trigger_thr;
	const char *env;
	double secs = 5, t0, t1;
	struct timespec nap;
	int err;

	env = getenv("LS_SPURIOUS_SECS");
	if (env)
		secs = atof(env);
	/* The last online CPU: the guest's init and console use CPU 0 more. */
	cpu = sysconf(_SC_NPROCESSORS_ONLN) - 1;

	skel = local_storage_spurious__open_and_load();
	if (!ASSERT_OK_PTR(skel, "open_and_load"))
		return;
	err = setup_cgroup_environment();
	if (!ASSERT_OK(err, "setup_cgroup_environment"))
		goto out_skel;
	mt.cgfd = create_and_get_cgroup("/spurious");
	if (!ASSERT_GE(mt.cgfd, 0, "create_and_get_cgroup"))
		goto out_cgroup;
	mt.pidfd = syscall(SYS_pidfd_open, getpid(), 0);
	if (!ASSERT_GE(mt.pidfd, 0, "pidfd_open"))
		goto out_cgroup;
	mt.task_map = bpf_map__fd(skel->maps.task_map);
	mt.cgrp_map = bpf_map__fd(skel->maps.cgrp_map);
	err = local_storage_spurious__attach(skel);
	if (!ASSERT_OK(err, "attach"))
		goto out_cgroup;

	if (!ASSERT_OK(pthread_barrier_init(&start, NULL, 3), "barrier"))
		goto out_cgroup;
	if (!ASSERT_OK(pthread_create(&map_thr, NULL, map_fn, &mt), "map thread"))
		goto out_barrier;
	if (!ASSERT_OK(pthread_create(&trigger_thr, NULL, trigger_fn, NULL),
		       "trigger thread")) {
		/* Release the map thread from the barrier and stop it. */
		__atomic_store_n(&stop, true, __ATOMIC_RELAXED);
		pthread_barrier_wait(&start);
		pthread_join(map_thr, NULL);
		goto out_barrier;
	}
	pthread_barrier_wait(&start);
	t0 = now();
	nap.tv_sec = secs;
	nap.tv_nsec = (secs - nap.tv_sec) * 1e9;
	nanosleep(&nap, NULL);
	__atomic_store_n(&stop, true, __ATOMIC_RELAXED);
	pthread_join(map_thr, &map_ret);
	pthread_join(trigger_thr, &trigger_ret);
	t1 = now();
	if (!ASSERT_NULL(map_ret, "map thread pinned") ||
	    !ASSERT_NULL(trigger_ret, "trigger thread pinned"))
		goto out_barrier;

	/* test_progs shows it with -v, as scripts/bench-kernel.sh runs it. */
	fprintf(stdout, "spurious: cpu %d secs %.3f map_ops %llu map_ebusy %llu map_err %llu "
		"calls %llu task_null %llu task_ebusy %llu task_enoent %llu task_err %llu "
		"cgrp_null %llu cgrp_ebusy %llu cgrp_enoent %llu cgrp_err %llu\n",
		cpu, t1 - t0, mt.ops, mt.ebusy, mt.errs, skel->bss->calls,
		skel->bss->task_null, skel->bss->task_ebusy, skel->bss->task_enoent,
		skel->bss->task_err, skel->bss->cgrp_null, skel->bss->cgrp_ebusy,
		skel->bss->cgrp_enoent, skel->bss->cgrp_err);
	ASSERT_GT(mt.ops, 0ULL, "map ops");
	ASSERT_GT(skel->bss->calls, 0ULL, "program calls");

out_barrier:
	pthread_barrier_destroy(&start);
out_cgroup:
	if (mt.pidfd >= 0)
		close(mt.pidfd);
	if (mt.cgfd >= 0)
		close(mt.cgfd);
	cleanup_cgroup_environment();
out_skel:
	local_storage_spurious__destroy(skel);
}
