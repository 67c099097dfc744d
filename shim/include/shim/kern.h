/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel-side API of the shim for tests and the benchmark: create and tear
 * down the objects that own BPF local storage, create maps the way the
 * bpf() syscall does, and wait for deferred work.  Owners are torn down
 * along the kernel's paths (RCU-deferred task free, __sk_destruct(), ...)
 * and call the storage code of the variant they were created for.
 */
#ifndef __SHIM_KERN_H
#define __SHIM_KERN_H

#include <linux/bpf.h>
#include <linux/bpf_lsm.h>
#include <linux/cgroup.h>
#include <linux/fs.h>
#include <linux/pid.h>
#include <net/sock.h>
#include <shim/sim.h>
#include <shim/variant.h>

/* kern/boot.c: wait until the kworker is idle and all RCU callbacks ran. */
void shim_quiesce(void);

/* kern/workqueue.c: the kworker; whether a workqueue has nothing to do. */
void shim_kworker_start(int nr_cpus);
void shim_kworker_stop(void);
struct workqueue_struct;
bool shim_workqueue_idle(struct workqueue_struct *wq);

/* kern/kthread.c: the first wake-up of a kthread starts it (true then). */
bool shim_kthread_wake(struct task_struct *t);
/* ...and its record goes with its task_struct (NULL: not a kthread). */
void shim_kthread_free(struct task_struct *t);

/* Tasks.  shim_task_new() returns a live task (usage 1) with a pid. */
struct task_struct *shim_task_new(const char *comm);
int shim_task_pidfd(struct task_struct *task);
/* release_task(): the pid no longer resolves; the last reference is dropped
 * after an RCU grace period (delayed_put_task_struct). */
void shim_task_exit(struct task_struct *task);
/* The task of a simulator thread (sim_task_alloc_hook/sim_task_free_hook). */
struct task_struct *shim_thread_task_alloc(void);
void shim_thread_task_free(struct task_struct *task);

/* Cgroups: a reference from creation; kill = offline (css dying). */
struct cgroup *shim_cgroup_new(void);
int shim_cgroup_fd(struct cgroup *cgrp);
void shim_cgroup_kill(struct cgroup *cgrp);

/* Inodes, with or without a BPF LSM blob; free = inode eviction. */
struct inode *shim_inode_new(bool lsm_blob);
int shim_inode_fd(struct inode *inode);
void shim_inode_free(struct inode *inode);

/* Sockets: refcount 1 from creation; sock_put() of the last ref destructs. */
struct sock *shim_sock_new(void);
int shim_sock_fd(struct sock *sk);
/* sk_clone_lock()'s storage part: returns the new socket or an ERR_PTR. */
struct sock *shim_sock_clone(struct sock *sk);
long shim_sock_live(void);

/* Maps.  Special fields of the value (offsets must be sorted). */
struct shim_value_field {
	enum btf_field_type type;	/* BPF_SPIN_LOCK or BPF_KPTR_REF */
	u32 offset;
};

struct bpf_map *shim_map_create(const struct bpf_map_ops *ops,
				enum bpf_map_type type, u32 value_size,
				u32 map_flags,
				const struct shim_value_field *fields, int nr_fields);
/* Drop the creator's reference; map_free runs in the kworker. */
void shim_map_release(struct bpf_map *map);
/* The same, map_free running on the calling task (as the kworker would). */
void shim_map_release_now(struct bpf_map *map);
int shim_map_fd(struct bpf_map *map);
void shim_fd_close(int fd);
long shim_maps_live(void);
/* The kptr objects bpf_obj_free_fields() releases (kfree'd). */
void *shim_kptr_new(void);
void shim_kptr_put(void *p);
long shim_kptr_live(void);

/*
 * The warnings local storage tear-down gives when it leaks by design, as
 * WARN*() reports them (file, condition text): destroy failing the storage
 * lock, map_free failing a bucket lock.
 */
#define SHIM_LS_FILE		"kernel/bpf/bpf_local_storage.c"
#define SHIM_WARN_DESTROY_LS	"err && !in_map_free"
#define SHIM_WARN_MAP_FREE_B	"err && in_map_free"

/*
 * Lock sites of the patched storage code (enum bpf_ls_test_site) by name,
 * kern/ls_sites.c: the name of a site (NULL if none), the sites a name
 * stands for (a site, "ls", "b", "*"; 0 if none) and the name of an
 * interrupt injection point.
 */
const char *shim_ls_site_name(unsigned int site);
u64 shim_ls_sites(const char *name);
const char *shim_irq_point_name(unsigned int point, char *buf, size_t size);


/* Call a helper through its bpf_func_proto, like a BPF program does. */
static inline u64 shim_call(const struct bpf_func_proto *p, u64 r1, u64 r2,
			    u64 r3, u64 r4, u64 r5)
{
	return p->func(r1, r2, r3, r4, r5);
}

#endif /* __SHIM_KERN_H */
