// SPDX-License-Identifier: GPL-2.0
/* The error is read on one path only: with a NULL owner it is lost. */

static int delete_elem(void *owner, struct bpf_local_storage_elem *selem)
{
	int err;

	err = bpf_selem_unlink(selem);	/* cocci: rqspinlock_unchecked */
	if (!owner)
		return 0;
	return err;
}
