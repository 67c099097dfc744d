// SPDX-License-Identifier: GPL-2.0
/* bpf_sk_storage_del() before its conversion: the unlink may fail. */

static int bpf_sk_storage_del(struct sock *sk, struct bpf_map *map)
{
	struct bpf_local_storage_data *sdata;

	sdata = bpf_sk_storage_lookup(sk, map, false);
	if (!sdata)
		return -ENOENT;

	bpf_selem_unlink(SELEM(sdata));	/* cocci: rqspinlock_unchecked */

	return 0;
}
