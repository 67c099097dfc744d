/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for asm/cmpxchg.h: xchg/cmpxchg/try_cmpxchg on any 1/2/4/8-byte
 * object with the kernel's ordering suffixes, on C11 atomic builtins.
 * Fully ordered = seq_cst (like the kernel's full barrier before and after).
 */
#ifndef __SHIM_ASM_CMPXCHG_H
#define __SHIM_ASM_CMPXCHG_H

#include <shim/sim.h>	/* sim_sp(): scheduling points in explore mode */

/* Under ThreadSanitizer relaxed becomes seq_cst, see linux/atomic.h. */
#ifdef __SANITIZE_THREAD__
#define __SHIM_RELAXED	__ATOMIC_SEQ_CST
#else
#define __SHIM_RELAXED	__ATOMIC_RELAXED
#endif

#define __shim_xchg(ptr, v, mo)						\
({									\
	__unqual_scalar_typeof(*(ptr)) __xv = (v), __xo;		\
	sim_sp(SIM_SP_WRITE);						\
	__atomic_exchange((ptr), &__xv, &__xo, mo);			\
	__xo;								\
})

#define __shim_cmpxchg(ptr, o, n, mo)					\
({									\
	__unqual_scalar_typeof(*(ptr)) __co = (o), __cn = (n);		\
	sim_sp(SIM_SP_WRITE);						\
	__atomic_compare_exchange((ptr), &__co, &__cn, false, mo,	\
		(mo) == __ATOMIC_RELEASE ? __ATOMIC_RELAXED :		\
		(mo) == __ATOMIC_ACQ_REL ? __ATOMIC_ACQUIRE : (mo));	\
	__co;								\
})

#define __shim_try_cmpxchg(ptr, pold, n, mo)				\
({									\
	__unqual_scalar_typeof(*(ptr)) __tn = (n);			\
	sim_sp(SIM_SP_WRITE);						\
	__atomic_compare_exchange((ptr), (pold), &__tn, false, mo,	\
		(mo) == __ATOMIC_RELEASE ? __ATOMIC_RELAXED :		\
		(mo) == __ATOMIC_ACQ_REL ? __ATOMIC_ACQUIRE : (mo));	\
})

#define xchg(p, v)		__shim_xchg(p, v, __ATOMIC_SEQ_CST)
#define xchg_relaxed(p, v)	__shim_xchg(p, v, __SHIM_RELAXED)
#define xchg_acquire(p, v)	__shim_xchg(p, v, __ATOMIC_ACQUIRE)
#define xchg_release(p, v)	__shim_xchg(p, v, __ATOMIC_RELEASE)

#define cmpxchg(p, o, n)		__shim_cmpxchg(p, o, n, __ATOMIC_SEQ_CST)
#define cmpxchg_relaxed(p, o, n)	__shim_cmpxchg(p, o, n, __SHIM_RELAXED)
#define cmpxchg_acquire(p, o, n)	__shim_cmpxchg(p, o, n, __ATOMIC_ACQUIRE)
#define cmpxchg_release(p, o, n)	__shim_cmpxchg(p, o, n, __ATOMIC_RELEASE)
#define cmpxchg64(p, o, n)		cmpxchg(p, o, n)
#define cmpxchg_local(p, o, n)		cmpxchg(p, o, n)

#define try_cmpxchg(p, po, n)		__shim_try_cmpxchg(p, po, n, __ATOMIC_SEQ_CST)
#define try_cmpxchg_relaxed(p, po, n)	__shim_try_cmpxchg(p, po, n, __SHIM_RELAXED)
#define try_cmpxchg_acquire(p, po, n)	__shim_try_cmpxchg(p, po, n, __ATOMIC_ACQUIRE)
#define try_cmpxchg_release(p, po, n)	__shim_try_cmpxchg(p, po, n, __ATOMIC_RELEASE)

#ifdef __aarch64__
#include <shim/sim.h>

/*
 * arm64's WFE-based wait: return when the value at ptr differs from val or
 * when an event arrives.  Events are the timer event stream (10 kHz on
 * Linux), so the wait lasts at most 100 us of the task's clock; the value is
 * polled meanwhile.  In a guest, WFE traps to the hypervisor, which runs
 * another vCPU: the shim yields the host core as often.
 */
#define __cmpwait_relaxed(ptr, val)					\
do {									\
	unsigned long long __cw_end;					\
									\
	sim_spin_yield();						\
	__cw_end = sim_clock_ns() + 100000;				\
	while (__atomic_load_n((ptr), __SHIM_RELAXED) == (val) &&	\
	       sim_clock_ns() < __cw_end)				\
		sim_cpu_relax();					\
} while (0)
#endif

#endif /* __SHIM_ASM_CMPXCHG_H */
