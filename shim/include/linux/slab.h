/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/slab.h: kmalloc & co on the simulator's
 * allocator (sim/slab.c), which counts live objects and can be told to fail
 * (the nth allocation, or every non-sleeping one) like tools/testing/shared.
 * Leaks and double frees are left to LeakSanitizer/AddressSanitizer.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/kernel.h>
#include <shim/sim.h>

#define KMALLOC_SHIFT_MAX	(22)	/* 4 MiB, any value > 64 KiB will do */
#define KMALLOC_MAX_SIZE	(1UL << KMALLOC_SHIFT_MAX)
#define ARCH_KMALLOC_MINALIGN	8
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

static inline void *kmalloc_noprof(size_t size, gfp_t flags)
{
	if (flags & __GFP_DIRECT_RECLAIM)
		might_sleep();
	return sim_kmalloc(size, !!(flags & __GFP_ZERO),
			   !gfpflags_allow_blocking(flags));
}

#define kmalloc(size, flags)		kmalloc_noprof(size, flags)
#define kzalloc(size, flags)		kmalloc_noprof(size, (flags) | __GFP_ZERO)
#define kmalloc_node(size, flags, node)	kmalloc(size, flags)
#define kzalloc_node(size, flags, node)	kzalloc(size, flags)
#define kvmalloc(size, flags)		kmalloc(size, flags)
#define kvzalloc(size, flags)		kzalloc(size, flags)
#define kvmalloc_node(size, flags, node) kmalloc(size, flags)

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc(bytes, flags);
}
#define kcalloc(n, size, flags)		kmalloc_array(n, size, (flags) | __GFP_ZERO)
#define kvcalloc(n, size, flags)	kcalloc(n, size, flags)
#define kvmalloc_array(n, size, flags)	kmalloc_array(n, size, flags)

#define kfree_sensitive(p)	kfree(p)

#endif /* _LINUX_SLAB_H */
