/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/gfp.h: the kernel's flag values, one helper. */
#ifndef __LINUX_GFP_H
#define __LINUX_GFP_H

#include <linux/gfp_types.h>

static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

#define NUMA_NO_NODE	(-1)

#endif /* __LINUX_GFP_H */
