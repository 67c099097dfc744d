/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for asm/barrier.h: the architecture part is C11 atomics (so that
 * ThreadSanitizer understands acquire/release), the rest is the kernel's own
 * include/asm-generic/barrier.h.
 */
#ifndef __SHIM_ASM_BARRIER_H
#define __SHIM_ASM_BARRIER_H

#include <linux/compiler.h>

#define mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)

#define __smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define __smp_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define __smp_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)

#define __smp_store_release(p, v)					\
do {									\
	typeof(*(p)) __sr_val = (v);					\
	__atomic_store((p), &__sr_val, __ATOMIC_RELEASE);		\
} while (0)

#define __smp_load_acquire(p)						\
({									\
	__unqual_scalar_typeof(*(p)) __la_val;				\
	__atomic_load((__unqual_scalar_typeof(*(p)) *)(p), &__la_val,	\
		      __ATOMIC_ACQUIRE);				\
	(typeof(*(p)))__la_val;						\
})

#include <asm/processor.h>
#include <include/asm-generic/barrier.h>

#endif /* __SHIM_ASM_BARRIER_H */
