// SPDX-License-Identifier: GPL-2.0
/* An initialiser keeps the error of bpf_selem_unlink() but nobody reads it. */

static void inode_storage_drop(struct bpf_local_storage_elem *selem)
{
	int err = bpf_selem_unlink(selem);	/* cocci: rqspinlock_unchecked */

	pr_debug("dropped %p\n", selem);
}
