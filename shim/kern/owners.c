// SPDX-License-Identifier: GPL-2.0
/*
 * The owners of BPF local storage (tasks, cgroups, inodes, sockets), the
 * descriptors that name them, and their tear-down paths.  Each tear-down
 * calls the storage free function where the kernel does, from the same kind
 * of context:
 *   task:   release_task() -> RCU -> delayed_put_task_struct()
 *           -> __put_task_struct() -> bpf_task_storage_free()
 *   cgroup: css released -> RCU -> css_free_rwork_fn() -> bpf_cgrp_storage_free()
 *   inode:  evict -> security_inode_free() -> bpf_inode_storage_free(),
 *           the inode itself freed after RCU
 *   sock:   last sock_put() -> sk_free() -> __sk_destruct()
 *           -> bpf_sk_storage_free(), then sk_omem_alloc must be 0
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/pid.h>
#include <linux/file.h>
#include <linux/bpf.h>
#include <linux/bpf_lsm.h>
#include <net/sock.h>
#include <shim/kern.h>

const struct shim_variant *shim_variant = &patched__shim_variant_table;

/* ---- descriptors ---- */

#define SHIM_MAX_FDS	4096
static struct file *fd_table[SHIM_MAX_FDS];
static DEFINE_SPINLOCK(fd_lock);

static int fd_install_new(enum shim_file_kind kind, void *priv, struct inode *inode)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	int fd;

	if (!f)
		return -ENOMEM;
	f->kind = kind;
	f->private_data = priv;
	f->f_inode = inode;
	spin_lock(&fd_lock);
	for (fd = 3; fd < SHIM_MAX_FDS; fd++) {
		if (!fd_table[fd]) {
			fd_table[fd] = f;
			spin_unlock(&fd_lock);
			return fd;
		}
	}
	spin_unlock(&fd_lock);
	kfree(f);
	return -EMFILE;
}

struct file *shim_fget(int fd)
{
	struct file *f = NULL;

	if (fd < 0 || fd >= SHIM_MAX_FDS)
		return NULL;
	spin_lock(&fd_lock);
	f = fd_table[fd];
	spin_unlock(&fd_lock);
	return f;
}

void shim_map_fd_release(struct bpf_map *map);

void shim_fd_close(int fd)
{
	struct file *f;

	spin_lock(&fd_lock);
	f = fd_table[fd];
	fd_table[fd] = NULL;
	spin_unlock(&fd_lock);
	if (!f)
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
	case SHIM_FILE_SOCKET: {
		struct socket *sock = f->private_data;

		sock_put(sock->sk);
		kfree(sock);
		break;
	}
	default:
		break;
	}
	kfree(f);
}

int shim_map_fd(struct bpf_map *map)
{
	bpf_map_inc_with_uref(map);
	return fd_install_new(SHIM_FILE_MAP, map, NULL);
}

/* ---- tasks and pids ---- */

static atomic_t next_pid = ATOMIC_INIT(100);

struct task_struct *shim_task_new(const char *comm)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);
	struct pid *pid = kzalloc(sizeof(*pid), GFP_KERNEL);

	if (!t || !pid)
		BUG();
	refcount_set(&t->usage, 1);
	t->pid = atomic_inc_return(&next_pid);
	strscpy(t->comm, comm);
	t->shim_variant = shim_variant;
	refcount_set(&pid->count, 1);
	pid->nr = t->pid;
	pid->task = t;
	t->thread_pid = pid;
	return t;
}

int shim_task_pidfd(struct task_struct *task)
{
	refcount_inc(&task->thread_pid->count);
	return fd_install_new(SHIM_FILE_PIDFD, task->thread_pid, NULL);
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
	kfree(t);
}

static void delayed_put_task_struct(struct rcu_head *rhp)
{
	put_task_struct(container_of(rhp, struct task_struct, rcu));
}

void shim_task_exit(struct task_struct *task)
{
	task->shim_dead = 1;
	WRITE_ONCE(task->thread_pid->task, NULL);
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

static atomic_t next_cgroup_id = ATOMIC_INIT(1);

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

int shim_cgroup_fd(struct cgroup *cgrp)
{
	refcount_inc(&cgrp->shim_refcnt);
	return fd_install_new(SHIM_FILE_CGROUP, cgrp, NULL);
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
	refcount_inc(&cg->shim_refcnt);
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
	return fd_install_new(SHIM_FILE_PLAIN, NULL, inode);
}

static void inode_free_rcu(struct rcu_head *rhp)
{
	struct inode *inode = container_of(rhp, struct inode, shim_rcu);

	kfree(inode->i_security);
	kfree(inode);
}

void shim_inode_free(struct inode *inode)
{
	/* security_inode_free(): the BPF LSM frees the storage first */
	if (inode->i_security)
		inode->shim_variant->inode_storage_free(inode);
	call_rcu(&inode->shim_rcu, inode_free_rcu);
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

int shim_sock_fd(struct sock *sk)
{
	struct socket *sock = kzalloc(sizeof(*sock), GFP_KERNEL);
	int fd;

	if (!sock)
		return -ENOMEM;
	sock->sk = sk;
	sock_hold(sk);
	fd = fd_install_new(SHIM_FILE_SOCKET, sock, NULL);
	if (fd < 0) {
		sock_put(sk);
		kfree(sock);
	}
	return fd;
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
