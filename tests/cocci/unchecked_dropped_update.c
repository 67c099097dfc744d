// SPDX-License-Identifier: GPL-2.0
/* bpf_local_storage_update() returns an ERR_PTR() that is dropped here. */

static long task_storage_update(struct task_struct *task, struct bpf_map *map,
				void *value, u64 map_flags)
{
	bpf_local_storage_update(task, (struct bpf_local_storage_map *)map,	/* cocci: rqspinlock_unchecked */
				 value, map_flags, GFP_ATOMIC);
	return 0;
}
