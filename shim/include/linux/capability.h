/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/capability.h: the simulated caller holds every
 * capability unless a test drops some (shim_caps_drop()).
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>

#define CAP_NET_ADMIN		12
#define CAP_SYS_ADMIN		21
#define CAP_PERFMON		38
#define CAP_BPF			39

bool capable(int cap);
void shim_caps_drop(u64 mask);
void shim_caps_restore(void);

#endif /* _LINUX_CAPABILITY_H */
