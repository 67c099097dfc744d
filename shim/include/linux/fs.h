/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/fs.h: inodes (with their LSM blob), refcounted
 * files and the little of the VFS that names a cgroup directory.  The final
 * fput() tears down what the file owns: the socket, the pid, the cgroup
 * reference, or (shmem) the inode, through security_inode_free().
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/err.h>

#define O_RDONLY	00000000
#define O_DIRECTORY	00200000
#define O_CLOEXEC	02000000

struct socket;
struct pid;
struct cgroup;
struct bpf_map;
struct shim_variant;

struct inode {
	unsigned long i_ino;
	void *i_security;	/* LSM blobs; NULL: no BPF LSM blob */
	/* Test fields */
	struct rcu_head shim_rcu;
	const struct shim_variant *shim_variant;
};

/* What a simulated file refers to (Test field). */
enum shim_file_kind { SHIM_FILE_PLAIN, SHIM_FILE_SHMEM, SHIM_FILE_SOCKET,
		      SHIM_FILE_PIDFD, SHIM_FILE_CGROUP, SHIM_FILE_MAP };

struct file {
	atomic_long_t f_count;
	struct inode *f_inode;
	enum shim_file_kind kind;
	void *private_data;	/* socket, pid, cgroup or bpf_map */
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

static inline struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

void fput(struct file *file);
void __fput_sync(struct file *file);

/* A cgroup2 mount, enough to open its root directory. */
struct file_system_type {
	const char *name;
};

struct dentry {
	struct cgroup *shim_cgroup;
};

struct vfsmount {
	struct dentry *mnt_root;
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct cred;

struct file_system_type *get_fs_type(const char *name);
void put_filesystem(struct file_system_type *fs);
struct vfsmount *kern_mount(struct file_system_type *type);
void kern_unmount(struct vfsmount *mnt);
struct file *dentry_open(const struct path *path, int flags, const struct cred *cred);

static inline const struct cred *current_cred(void)
{
	return NULL;
}

#endif /* _LINUX_FS_H */
