// SPDX-License-Identifier: GPL-2.0
/*
 * The tracing side of the spurious failure benchmark, see
 * selftests/prog_tests/local_storage_spurious.c in this repository.
 *
 * Each getpgid() of the trigger thread creates and deletes its own task
 * storage and the storage of its cgroup, and counts how each helper call
 * ended.  Nothing else touches these owners, so every NULL and every -EBUSY
 * is spurious.
 */
#include "vmlinux.h"
#include <errno.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "bpf_misc.h"

char _license[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, long);
} task_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGRP_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, long);
} cgrp_map SEC(".maps");

int trigger_tid;

/*
 * Only the trigger thread runs the program (it filters on the thread id),
 * so plain increments are enough: there is never a second writer.
 */
__u64 calls;
__u64 task_null, task_ebusy, task_enoent, task_err;
__u64 cgrp_null, cgrp_ebusy, cgrp_enoent, cgrp_err;

/*
 * A delete after a NULL get finds nothing (-ENOENT): count it apart, it is
 * the shadow of the NULL already counted.  Anything else but 0 and -EBUSY
 * (-EDEADLK, -ETIMEDOUT from an rqspinlock) is counted as an error.
 */
static void count_delete(long err, __u64 *ebusy, __u64 *enoent, __u64 *other)
{
	if (err == -EBUSY)
		(*ebusy)++;
	else if (err == -ENOENT)
		(*enoent)++;
	else if (err)
		(*other)++;
}

/* No argument is used: -Wextra wants to hear it. */
SEC("fentry/" SYS_PREFIX "sys_getpgid")
int on_getpgid(void *ctx __attribute__((unused)))
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct cgroup *cgrp;
	long *v;

	if (!trigger_tid || task->pid != trigger_tid)
		return 0;
	calls++;

	v = bpf_task_storage_get(&task_map, task, 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!v)
		task_null++;
	count_delete(bpf_task_storage_delete(&task_map, task),
		     &task_ebusy, &task_enoent, &task_err);

	cgrp = task->cgroups->dfl_cgrp;
	v = bpf_cgrp_storage_get(&cgrp_map, cgrp, 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!v)
		cgrp_null++;
	count_delete(bpf_cgrp_storage_delete(&cgrp_map, cgrp),
		     &cgrp_ebusy, &cgrp_enoent, &cgrp_err);
	return 0;
}
