// SPDX-License-Identifier: GPL-2.0
/* An endless loop that is only left once the unlink succeeds. */

static void storage_clear(struct bpf_local_storage_elem *selem)
{
	for (;;) {
		if (!bpf_selem_unlink(selem))	/* cocci: rqspinlock_retry */
			break;
		cpu_relax();
	}
}
