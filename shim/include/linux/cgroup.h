/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/cgroup.h: a cgroup with its self css refcount
 * (percpu_ref; "dying" once offlined) and its BPF storage pointer.
 */
#ifndef _LINUX_CGROUP_H
#define _LINUX_CGROUP_H

#include <linux/types.h>
#include <linux/percpu-refcount.h>
#include <linux/refcount.h>

struct bpf_local_storage;
struct shim_variant;

struct cgroup_subsys_state {
	struct percpu_ref refcnt;
};

struct cgroup {
	struct cgroup_subsys_state self;
	int id;
	struct bpf_local_storage __rcu *bpf_cgrp_storage;
	/* Test fields */
	refcount_t shim_refcnt;
	struct rcu_head shim_rcu;
	const struct shim_variant *shim_variant;
};

/* The default hierarchy's root: always online, never freed. */
struct cgroup_root {
	struct cgroup cgrp;
};
extern struct cgroup_root cgrp_dfl_root;

struct cgroup *cgroup_v1v2_get_from_fd(int fd);
void cgroup_get(struct cgroup *cgrp);
void cgroup_put(struct cgroup *cgrp);

#endif /* _LINUX_CGROUP_H */
