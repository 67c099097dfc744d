/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for asm/bitops.h: the kernel's generic builtin-based bit search
 * helpers, and atomic bit ops on C11 atomics.
 */
#ifndef _ASM_GENERIC_BITOPS_H_SHIM
#define _ASM_GENERIC_BITOPS_H_SHIM

#include <asm-generic/bitops/builtin-__ffs.h>
#include <asm-generic/bitops/builtin-ffs.h>
#include <asm-generic/bitops/builtin-__fls.h>
#include <asm-generic/bitops/builtin-fls.h>
#include <asm-generic/bitops/ffz.h>
#include <asm-generic/bitops/fls64.h>
#include <asm-generic/bitops/sched.h>

static __always_inline void set_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_or((unsigned long *)addr + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_RELAXED);
}

static __always_inline void clear_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and((unsigned long *)addr + BIT_WORD(nr), ~BIT_MASK(nr), __ATOMIC_RELAXED);
}

static __always_inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	return __atomic_fetch_or((unsigned long *)addr + BIT_WORD(nr), BIT_MASK(nr),
				 __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

static __always_inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	return __atomic_fetch_and((unsigned long *)addr + BIT_WORD(nr), ~BIT_MASK(nr),
				  __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

#define __set_bit(nr, addr)		generic___set_bit(nr, addr)
#define __clear_bit(nr, addr)		generic___clear_bit(nr, addr)
#define test_bit(nr, addr)		generic_test_bit(nr, addr)
#define __test_and_set_bit(nr, addr)	generic___test_and_set_bit(nr, addr)
#define __test_and_clear_bit(nr, addr)	generic___test_and_clear_bit(nr, addr)

static __always_inline unsigned int __arch_hweight32(unsigned int w) { return __builtin_popcount(w); }
static __always_inline unsigned int __arch_hweight16(unsigned int w) { return __builtin_popcount(w & 0xffff); }
static __always_inline unsigned int __arch_hweight8(unsigned int w) { return __builtin_popcount(w & 0xff); }
static __always_inline unsigned long __arch_hweight64(__u64 w) { return __builtin_popcountll(w); }
#define hweight32(w)	__arch_hweight32(w)
#define hweight64(w)	__arch_hweight64(w)
#define hweight_long(w)	__arch_hweight64(w)

#endif /* _ASM_GENERIC_BITOPS_H_SHIM */
