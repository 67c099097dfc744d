// SPDX-License-Identifier: GPL-2.0
/* The error of bpf_selem_unlink_map() is stored but never read. */

static int unlink_old(struct bpf_local_storage_elem *old)
{
	int err;

	err = bpf_selem_unlink_map(old);	/* cocci: rqspinlock_unchecked */
	bpf_selem_free(old, true);
	return 0;
}
