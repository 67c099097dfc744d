/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/net/sock.h (+ linux/net.h socket lookup): a socket
 * trimmed to what sk storage touches: the storage pointer, the refcount,
 * the option-memory counter it charges, and the netns sysctl bounding it.
 */
#ifndef _SOCK_H
#define _SOCK_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/refcount.h>
#include <linux/rcupdate.h>
#include <net/netlink.h>
#include <linux/net.h>

struct bpf_local_storage;
struct shim_variant;

struct netns_core {
	int sysctl_optmem_max;
};

struct net {
	struct netns_core core;
};

extern struct net init_net;

struct sock {
	refcount_t sk_refcnt;
	atomic_t sk_omem_alloc;
	struct net *sk_net;
	bool sk_fullsock;	/* Test field: false models a request/timewait sock */
	struct bpf_local_storage __rcu *sk_bpf_storage;
	/* Test fields */
	struct rcu_head shim_rcu;
	const struct shim_variant *shim_variant;
	int shim_fd;
};


static inline struct net *sock_net(const struct sock *sk)
{
	return sk->sk_net;
}

static inline bool sk_fullsock(const struct sock *sk)
{
	return sk->sk_fullsock;
}

/* kern/owners.c: sk_free() runs bpf_sk_storage_free() as __sk_destruct() does */
void sk_free(struct sock *sk);

static inline void sock_hold(struct sock *sk)
{
	refcount_inc(&sk->sk_refcnt);
}

static inline void sock_put(struct sock *sk)
{
	if (refcount_dec_and_test(&sk->sk_refcnt))
		sk_free(sk);
}

#define sock_gen_put(sk)	sock_put(sk)

#endif /* _SOCK_H */
