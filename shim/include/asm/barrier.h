/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for asm/barrier.h: the architecture part is C11 atomics (so that
 * ThreadSanitizer understands acquire/release), the rest is the kernel's own
 * include/asm-generic/barrier.h.
 */
#ifndef __SHIM_ASM_BARRIER_H
#define __SHIM_ASM_BARRIER_H

#include <linux/compiler.h>
#include <asm/rwonce.h>

#ifdef __SANITIZE_THREAD__
/*
 * ThreadSanitizer does not model fences: a full barrier becomes a seq_cst
 * RMW of one global word, which orders every barrier after every earlier
 * one.  That is stronger than the kernel's barriers, so it can hide a race
 * that relies on a missing barrier, but not report a false one.
 */
extern unsigned long __shim_tsan_fence;
#define __shim_fence()	((void)__atomic_fetch_add(&__shim_tsan_fence, 0, __ATOMIC_SEQ_CST))
#define mb()		__shim_fence()
#define rmb()		__shim_fence()
#define wmb()		__shim_fence()
#else
/* a barrier is a scheduling point in explore mode (shim/sim.h) */
#define mb()	({ sim_sp(SIM_SP_READ); __atomic_thread_fence(__ATOMIC_SEQ_CST); })
#define rmb()	({ sim_sp(SIM_SP_READ); __atomic_thread_fence(__ATOMIC_ACQUIRE); })
#define wmb()	({ sim_sp(SIM_SP_READ); __atomic_thread_fence(__ATOMIC_RELEASE); })
#endif

#define __smp_mb()	mb()
#define __smp_rmb()	rmb()
#define __smp_wmb()	wmb()

#define __smp_store_release(p, v)					\
do {									\
	__shim_unqual_typeof(*(p)) __sr_val = (v);			\
	sim_sp(SIM_SP_WRITE);						\
	__atomic_store((__shim_unqual_typeof(*(p)) *)(p), &__sr_val,	\
		       __ATOMIC_RELEASE);				\
} while (0)

#define __smp_load_acquire(p)						\
({									\
	__shim_unqual_typeof(*(p)) __la_val;				\
	sim_sp(SIM_SP_READ);						\
	__atomic_load((__shim_unqual_typeof(*(p)) *)(p), &__la_val,	\
		      __ATOMIC_ACQUIRE);				\
	(typeof(*(p)))__la_val;						\
})

/*
 * An acquire load on every iteration instead of relaxed loads and a final
 * smp_acquire__after_ctrl_dep(): the same guarantee, expressed so that
 * ThreadSanitizer sees the release/acquire pair.
 */
#define smp_cond_load_acquire(ptr, cond_expr)				\
({									\
	typeof(ptr) __PTR = (ptr);					\
	__unqual_scalar_typeof(*ptr) VAL;				\
	for (;;) {							\
		VAL = __smp_load_acquire(__PTR);			\
		if (cond_expr)						\
			break;						\
		cpu_relax();						\
	}								\
	(typeof(*ptr))VAL;						\
})

#include <asm/processor.h>
#include <include/asm-generic/barrier.h>

#endif /* __SHIM_ASM_BARRIER_H */
