/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/net/net_namespace.h: only init_net exists. */
#ifndef __NET_NET_NAMESPACE_H
#define __NET_NET_NAMESPACE_H

#include <net/sock.h>

#endif /* __NET_NET_NAMESPACE_H */
