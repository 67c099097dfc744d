// SPDX-License-Identifier: GPL-2.0
/* A prototype of a failable local storage function without __must_check. */

int bpf_selem_unlink(struct bpf_local_storage_elem *selem);	/* cocci: rqspinlock_must_check */

int __must_check bpf_selem_link_map(struct bpf_local_storage_map *smap,
				    struct bpf_local_storage *local_storage,
				    struct bpf_local_storage_elem *selem);
