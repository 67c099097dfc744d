/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/bpf_lsm.h: the BPF LSM inode blob.  An inode
 * whose i_security is NULL has no blob (LSM not active for it).
 */
#ifndef _LINUX_BPF_LSM_H
#define _LINUX_BPF_LSM_H

#include <linux/bpf.h>
#include <linux/fs.h>

struct bpf_storage_blob {
	struct bpf_local_storage __rcu *storage;
};

extern bool bpf_lsm_initialized;

static inline struct bpf_storage_blob *bpf_inode(const struct inode *inode)
{
	if (unlikely(!inode->i_security))
		return NULL;
	return inode->i_security;
}

void bpf_inode_storage_free(struct inode *inode);

#endif /* _LINUX_BPF_LSM_H */
