// SPDX-License-Identifier: GPL-2.0
/* The error of bpf_local_storage_alloc() is overwritten before it is read. */

static int first_elem(void *owner, struct bpf_local_storage_map *smap,
		      struct bpf_local_storage_elem *selem)
{
	int err;

	err = bpf_local_storage_alloc(owner, smap, selem, GFP_ATOMIC);	/* cocci: rqspinlock_unchecked */
	err = check_owner(owner);
	if (err)
		return err;
	return 0;
}
