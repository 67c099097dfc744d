/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/fs.h: an inode with its LSM blob; files. */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>

struct inode {
	unsigned long i_ino;
	void *i_security;	/* LSM blobs; NULL: no BPF LSM blob */
	/* Test fields */
	struct rcu_head shim_rcu;
	const struct shim_variant *shim_variant;
};

struct socket;
struct pid;
struct cgroup;
struct bpf_map;
struct shim_variant;

/* What a simulated file descriptor refers to (Test field). */
enum shim_file_kind { SHIM_FILE_PLAIN, SHIM_FILE_SOCKET, SHIM_FILE_PIDFD,
		      SHIM_FILE_CGROUP, SHIM_FILE_MAP };

struct file {
	struct inode *f_inode;
	enum shim_file_kind kind;
	void *private_data;	/* socket, pid, cgroup or bpf_map */
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

#endif /* _LINUX_FS_H */
