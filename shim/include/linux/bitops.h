/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/bitops.h: bit search and bit ops from
 * asm/bitops.h plus the generic helpers the code under test uses.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <asm/types.h>
#include <linux/bits.h>
#include <linux/typecheck.h>
#include <linux/compiler.h>

#define BITS_PER_TYPE(type)	(sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_LONGS(nr)	__KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(long))

#include <asm-generic/bitops/generic-non-atomic.h>
#include <asm/bitops.h>

static inline int get_bitmask_order(unsigned int count)
{
	return fls(count);
}

static __always_inline int fls_long(unsigned long l)
{
	return fls64(l);
}

static inline unsigned int __ffs64(u64 word)
{
	return __ffs((unsigned long)word);
}

#endif /* _LINUX_BITOPS_H */
