/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/cache.h: 64-byte cache lines (x86_64, arm64). */
#ifndef __LINUX_CACHE_H
#define __LINUX_CACHE_H

#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES		L1_CACHE_BYTES
#define ____cacheline_aligned	__attribute__((__aligned__(SMP_CACHE_BYTES)))
#define ____cacheline_aligned_in_smp ____cacheline_aligned
#define __cacheline_aligned	____cacheline_aligned
#define __cacheline_aligned_in_smp ____cacheline_aligned
#define __read_mostly
#define cache_line_size()	L1_CACHE_BYTES

#endif /* __LINUX_CACHE_H */
