/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/net.h: a socket holds one reference to its
 * sock; sock_release() drops it (the last one runs __sk_destruct()).
 */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H

#include <linux/types.h>
#include <linux/fs.h>

#define PF_INET		2
#define AF_INET		PF_INET
#define SOCK_STREAM	1
#define IPPROTO_TCP	6

struct sock;
struct net;

struct socket {
	struct sock *sk;
	struct file *file;
};

int sock_create_kern(struct net *net, int family, int type, int proto, struct socket **res);
void sock_release(struct socket *sock);
struct file *sock_alloc_file(struct socket *sock, int flags, const char *dname);
struct socket *sockfd_lookup(int fd, int *err);
void sockfd_put(struct socket *sock);

#endif /* _LINUX_NET_H */
