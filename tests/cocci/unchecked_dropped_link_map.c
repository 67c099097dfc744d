// SPDX-License-Identifier: GPL-2.0
/* Cloning sk storage links the copy into the map bucket, which may fail. */

static int clone_one(struct bpf_local_storage *new_sk_storage,
		     struct bpf_local_storage_map *smap,
		     struct bpf_local_storage_elem *copy_selem)
{
	bpf_selem_link_map(smap, new_sk_storage, copy_selem);	/* cocci: rqspinlock_unchecked */
	bpf_selem_link_storage_nolock(new_sk_storage, copy_selem);
	return 0;
}
