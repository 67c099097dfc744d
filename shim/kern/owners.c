// SPDX-License-Identifier: GPL-2.0
/*
 * The owners of BPF local storage (tasks, cgroups, inodes, sockets), the
 * files and descriptors that name them, and their tear-down paths.  Each
 * tear-down calls the storage free function where the kernel does, from the
 * same kind of context:
 *   task:   exit -> RCU -> delayed_put_task_struct(); last reference
 *           -> __put_task_struct() -> bpf_task_storage_free()
 *   cgroup: last reference -> RCU -> css_free_rwork_fn() -> bpf_cgrp_storage_free()
 *   inode:  last fput() -> evict -> security_inode_free()
 *           -> bpf_inode_storage_free(), the inode freed after RCU
 *   sock:   last sock_put() -> sk_free() -> __sk_destruct()
 *           -> bpf_sk_storage_free(), then sk_omem_alloc must be 0
 * The storage code called is that of the variant the owner was created for.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/pid.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/net.h>
#include <linux/shmem_fs.h>
#include <linux/bpf.h>
#include <linux/bpf_lsm.h>
#include <net/sock.h>
#include <shim/kern.h>

const struct shim_variant *shim_variant = &patched__shim_variant_table;

/* ---- files and descriptors ---- */

#define SHIM_MAX_FDS	4096
#define FD_RESERVED	((struct file *)1)

struct files_struct init_files;
static struct file *fd_table[SHIM_MAX_FDS];
static DEFINE_SPINLOCK(fd_lock);

static struct file *new_file(enum shim_file_kind kind, void *priv, struct inode *inode)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	atomic_long_set(&f->f_count, 1);
	f->kind = kind;
	f->private_data = priv;
	f->f_inode = inode;
	return f;
}

int get_unused_fd_flags(unsigned int flags)
{
	int fd;

	spin_lock(&fd_lock);
	for (fd = 3; fd < SHIM_MAX_FDS; fd++) {
		if (!fd_table[fd]) {
			fd_table[fd] = FD_RESERVED;
			spin_unlock(&fd_lock);
			return fd;
		}
	}
	spin_unlock(&fd_lock);
	return -EMFILE;
}

void put_unused_fd(unsigned int fd)
{
	spin_lock(&fd_lock);
	WARN_ON(fd_table[fd] != FD_RESERVED);
	fd_table[fd] = NULL;
	spin_unlock(&fd_lock);
}

void fd_install(unsigned int fd, struct file *file)
{
	spin_lock(&fd_lock);
	WARN_ON(fd_table[fd] != FD_RESERVED);
	fd_table[fd] = file;
	spin_unlock(&fd_lock);
}

static int install(struct file *f)
{
	int fd;

	if (IS_ERR(f))
		return PTR_ERR(f);
	fd = get_unused_fd_flags(0);
	if (fd < 0) {
		fput(f);
		return fd;
	}
	fd_install(fd, f);
	return fd;
}

/* fdget() without a reference: callers use the file within their call. */
struct file *shim_fget(int fd)
{
	struct file *f = NULL;

	if (fd < 0 || fd >= SHIM_MAX_FDS)
		return NULL;
	spin_lock(&fd_lock);
	f = fd_table[fd];
	spin_unlock(&fd_lock);
	return f == FD_RESERVED ? NULL : f;
}

int close_fd(unsigned int fd)
{
	struct file *f = NULL;

	if (fd >= SHIM_MAX_FDS)
		return -EBADF;
	spin_lock(&fd_lock);
	if (fd_table[fd] != FD_RESERVED) {
		f = fd_table[fd];
		fd_table[fd] = NULL;
	}
	spin_unlock(&fd_lock);
	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

void shim_fd_close(int fd)
{
	close_fd(fd);
}

void shim_map_fd_release(struct bpf_map *map);
void shim_inode_evict(struct inode *inode);

void fput(struct file *f)
{
	if (!atomic_long_dec_and_test(&f->f_count))
		return;
	switch (f->kind) {
	case SHIM_FILE_PIDFD:
		put_pid(f->private_data);
		break;
	case SHIM_FILE_CGROUP:
		cgroup_put(f->private_data);
		break;
	case SHIM_FILE_MAP:
		shim_map_fd_release(f->private_data);
		break;
	case SHIM_FILE_SOCKET:
		sock_release(f->private_data);
		break;
	case SHIM_FILE_SHMEM:
		shim_inode_evict(f->f_inode);
		break;
	case SHIM_FILE_PLAIN:
		break;
	}
	kfree(f);
}

void __fput_sync(struct file *f)
{
	fput(f);
}

int shim_map_fd(struct bpf_map *map)
{
	bpf_map_inc_with_uref(map);
	return install(new_file(SHIM_FILE_MAP, map, NULL));
}

/* ---- tasks and pids ---- */

static atomic_t next_pid = ATOMIC_INIT(100);

struct task_struct *shim_task_new(const char *comm)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);
	struct pid *pid = kzalloc(sizeof(*pid), GFP_KERNEL);

	if (!t || !pid)
		BUG();
	refcount_set(&t->usage, 1);	/* dropped after exit, see shim_task_exit() */
	t->pid = atomic_inc_return(&next_pid);
	strscpy(t->comm, comm);
	t->files = &init_files;
	t->shim_variant = shim_variant;
	refcount_set(&pid->count, 1);
	pid->nr = t->pid;
	pid->task = t;
	t->thread_pid = pid;
	return t;
}

struct pid *get_task_pid(struct task_struct *task, enum pid_type type)
{
	refcount_inc(&task->thread_pid->count);
	return task->thread_pid;
}

int pidfd_prepare(struct pid *pid, unsigned int flags, struct file **ret)
{
	struct file *f;
	int fd = get_unused_fd_flags(O_CLOEXEC);

	if (fd < 0)
		return fd;
	refcount_inc(&pid->count);
	f = new_file(SHIM_FILE_PIDFD, pid, NULL);
	if (IS_ERR(f)) {
		put_pid(pid);
		put_unused_fd(fd);
		return PTR_ERR(f);
	}
	*ret = f;
	return fd;
}

int shim_task_pidfd(struct task_struct *task)
{
	struct file *f;
	int fd = pidfd_prepare(task->thread_pid, 0, &f);

	if (fd >= 0)
		fd_install(fd, f);
	return fd;
}

struct pid *pidfd_get_pid(unsigned int fd, unsigned int *flags)
{
	struct file *f = shim_fget(fd);
	struct pid *pid;

	if (!f)
		return ERR_PTR(-EBADF);
	if (f->kind != SHIM_FILE_PIDFD)
		return ERR_PTR(-EBADF);
	pid = f->private_data;
	refcount_inc(&pid->count);
	*flags = 0;
	return pid;
}

struct task_struct *pid_task(struct pid *pid, enum pid_type type)
{
	return rcu_dereference_check(pid->task, 1);
}

void put_pid(struct pid *pid)
{
	if (pid && refcount_dec_and_test(&pid->count))
		kfree(pid);
}

void __put_task_struct(struct task_struct *t)
{
	WARN_ON(!t->shim_dead);
	t->shim_variant->task_storage_free(t);
	put_pid(t->thread_pid);
	shim_kthread_free(t);
	kfree(t);
}

static void delayed_put_task_struct(struct rcu_head *rhp)
{
	put_task_struct(container_of(rhp, struct task_struct, rcu));
}

void shim_task_exit(struct task_struct *task)
{
	task->shim_dead = 1;
	WRITE_ONCE(task->thread_pid->task, NULL);	/* release_task() */
	call_rcu(&task->rcu, delayed_put_task_struct);
}

struct task_struct *shim_thread_task_alloc(void)
{
	return shim_task_new("sim-task");
}

void shim_thread_task_free(struct task_struct *task)
{
	shim_task_exit(task);
}

/* ---- cgroups ---- */

static atomic_t next_cgroup_id = ATOMIC_INIT(2);

/* one reference that is never dropped keeps the root alive */
struct cgroup_root cgrp_dfl_root = {
	.cgrp = { .id = 1, .shim_refcnt = REFCOUNT_INIT(1),
		  .shim_variant = &patched__shim_variant_table },
};

struct cgroup *shim_cgroup_new(void)
{
	struct cgroup *cg = kzalloc(sizeof(*cg), GFP_KERNEL);

	if (!cg)
		BUG();
	cg->id = atomic_inc_return(&next_cgroup_id);
	refcount_set(&cg->shim_refcnt, 1);
	cg->shim_variant = shim_variant;
	return cg;
}

void cgroup_get(struct cgroup *cgrp)
{
	refcount_inc(&cgrp->shim_refcnt);
}

int shim_cgroup_fd(struct cgroup *cgrp)
{
	cgroup_get(cgrp);
	return install(new_file(SHIM_FILE_CGROUP, cgrp, NULL));
}

struct cgroup *cgroup_v1v2_get_from_fd(int fd)
{
	struct file *f = shim_fget(fd);
	struct cgroup *cg;

	if (!f)
		return ERR_PTR(-EBADF);
	if (f->kind != SHIM_FILE_CGROUP)
		return ERR_PTR(-EBADF);
	cg = f->private_data;
	cgroup_get(cg);
	return cg;
}

static void css_free_rcu(struct rcu_head *rhp)
{
	struct cgroup *cg = container_of(rhp, struct cgroup, shim_rcu);

	cg->shim_variant->cgrp_storage_free(cg);
	kfree(cg);
}

void cgroup_put(struct cgroup *cgrp)
{
	if (refcount_dec_and_test(&cgrp->shim_refcnt)) {
		percpu_ref_kill(&cgrp->self.refcnt);
		call_rcu(&cgrp->shim_rcu, css_free_rcu);
	}
}

void shim_cgroup_kill(struct cgroup *cgrp)
{
	percpu_ref_kill(&cgrp->self.refcnt);
}

/* cgroup2 root directory: get_fs_type() + kern_mount() + dentry_open() */
static struct file_system_type cgroup2_fs_type = { .name = "cgroup2" };

struct file_system_type *get_fs_type(const char *name)
{
	return strcmp(name, "cgroup2") ? NULL : &cgroup2_fs_type;
}

void put_filesystem(struct file_system_type *fs)
{
}

struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	struct dentry *root = kzalloc(sizeof(*root), GFP_KERNEL);

	if (!mnt || !root) {
		kfree(mnt);
		kfree(root);
		return ERR_PTR(-ENOMEM);
	}
	root->shim_cgroup = &cgrp_dfl_root.cgrp;
	mnt->mnt_root = root;
	return mnt;
}

void kern_unmount(struct vfsmount *mnt)
{
	kfree(mnt->mnt_root);
	kfree(mnt);
}

struct file *dentry_open(const struct path *path, int flags, const struct cred *cred)
{
	struct cgroup *cg = path->dentry->shim_cgroup;

	if (!cg)
		return ERR_PTR(-ENOENT);
	cgroup_get(cg);
	return new_file(SHIM_FILE_CGROUP, cg, NULL);
}

/* ---- inodes ---- */

bool bpf_lsm_initialized = true;
static atomic_long_t inode_ino = ATOMIC_LONG_INIT(1000);

struct inode *shim_inode_new(bool lsm_blob)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		BUG();
	inode->i_ino = atomic_long_inc_return(&inode_ino);
	inode->shim_variant = shim_variant;
	if (lsm_blob) {
		inode->i_security = kzalloc(sizeof(struct bpf_storage_blob), GFP_KERNEL);
		if (!inode->i_security)
			BUG();
	}
	return inode;
}

int shim_inode_fd(struct inode *inode)
{
	return install(new_file(SHIM_FILE_PLAIN, NULL, inode));
}

static void inode_free_rcu(struct rcu_head *rhp)
{
	struct inode *inode = container_of(rhp, struct inode, shim_rcu);

	kfree(inode->i_security);
	kfree(inode);
}

/* evict(): security_inode_free() (the BPF LSM frees the storage), then RCU */
void shim_inode_evict(struct inode *inode)
{
	if (inode->i_security)
		inode->shim_variant->inode_storage_free(inode);
	call_rcu(&inode->shim_rcu, inode_free_rcu);
}

void shim_inode_free(struct inode *inode)
{
	shim_inode_evict(inode);
}

struct file *shmem_file_setup(const char *name, loff_t size, unsigned long flags)
{
	struct inode *inode = shim_inode_new(bpf_lsm_initialized);
	struct file *f = new_file(SHIM_FILE_SHMEM, NULL, inode);

	if (IS_ERR(f))
		shim_inode_evict(inode);
	return f;
}

/* ---- sockets ---- */

struct net init_net = { .core = { .sysctl_optmem_max = 131072 } };
static atomic_long_t socks_live;

struct sock *shim_sock_new(void)
{
	struct sock *sk = kzalloc(sizeof(*sk), GFP_KERNEL);

	if (!sk)
		BUG();
	refcount_set(&sk->sk_refcnt, 1);
	sk->sk_net = &init_net;
	sk->sk_fullsock = true;
	sk->shim_variant = shim_variant;
	sk->shim_fd = -1;
	atomic_long_inc(&socks_live);
	return sk;
}

long shim_sock_live(void)
{
	return atomic_long_read(&socks_live);
}

int sock_create_kern(struct net *net, int family, int type, int proto, struct socket **res)
{
	struct socket *sock = kzalloc(sizeof(*sock), GFP_KERNEL);

	if (!sock)
		return -ENOMEM;
	sock->sk = shim_sock_new();
	sock->sk->sk_net = net;
	*res = sock;
	return 0;
}

void sock_release(struct socket *sock)
{
	struct sock *sk = sock->sk;

	sock->sk = NULL;
	if (sk)
		sock_put(sk);
	kfree(sock);
}

struct file *sock_alloc_file(struct socket *sock, int flags, const char *dname)
{
	struct file *f = new_file(SHIM_FILE_SOCKET, sock, NULL);

	if (IS_ERR(f)) {
		sock_release(sock);
		return f;
	}
	sock->file = f;
	return f;
}

/* a descriptor for an existing sock (takes its own reference) */
int shim_sock_fd(struct sock *sk)
{
	struct socket *sock = kzalloc(sizeof(*sock), GFP_KERNEL);

	if (!sock)
		return -ENOMEM;
	sock_hold(sk);
	sock->sk = sk;
	return install(sock_alloc_file(sock, 0, NULL));
}

struct socket *sockfd_lookup(int fd, int *err)
{
	struct file *f = shim_fget(fd);

	if (!f) {
		*err = -EBADF;
		return NULL;
	}
	if (f->kind != SHIM_FILE_SOCKET) {
		*err = -ENOTSOCK;
		return NULL;
	}
	return f->private_data;
}

void sockfd_put(struct socket *sock)
{
}

static void sk_free_rcu(struct rcu_head *rhp)
{
	kfree(container_of(rhp, struct sock, shim_rcu));
}

void sk_free(struct sock *sk)
{
	/* __sk_destruct() */
	sk->shim_variant->sk_storage_free(sk);
	/* sk_omem_alloc must be back to zero (net/core/sock.c warns too) */
	WARN_ON(atomic_read(&sk->sk_omem_alloc));
	atomic_long_dec(&socks_live);
	call_rcu(&sk->shim_rcu, sk_free_rcu);
}

struct sock *shim_sock_clone(struct sock *sk)
{
	struct sock *newsk = shim_sock_new();
	int err;

	newsk->shim_variant = sk->shim_variant;
	RCU_INIT_POINTER(newsk->sk_bpf_storage, NULL);
	err = sk->shim_variant->sk_storage_clone(sk, newsk);
	if (err) {
		/* sk_clone_lock(): the caller frees the partial clone */
		sock_put(newsk);
		return ERR_PTR(err);
	}
	return newsk;
}
