// SPDX-License-Identifier: GPL-2.0
/* bpf_local_storage_update() returns an ERR_PTR(); it needs __must_check too. */

struct bpf_local_storage_data *
bpf_local_storage_update(void *owner, struct bpf_local_storage_map *smap,	/* cocci: rqspinlock_must_check */
			 void *value, u64 map_flags, gfp_t gfp_flags);
