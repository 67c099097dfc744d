/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for asm/rwonce.h (asm-generic/rwonce.h).
 *
 * READ_ONCE()/WRITE_ONCE() are relaxed atomic accesses here instead of
 * volatile ones: the same code on x86_64/arm64, but visible as atomics to
 * ThreadSanitizer, which otherwise reports every intentional lockless access
 * in the kernel code as a data race.
 */
#ifndef __ASM_GENERIC_RWONCE_H
#define __ASM_GENERIC_RWONCE_H

#include <linux/compiler_types.h>
#include <shim/sim.h>	/* sim_sp(): scheduling points in explore mode */

#define compiletime_assert_rwonce_type(t)					\
	compiletime_assert(__native_word(t) || sizeof(t) == sizeof(long long),	\
		"Unsupported access size for {READ,WRITE}_ONCE().")

/*
 * Under ThreadSanitizer, marked accesses are acquire/release: the kernel's
 * lockless code orders through address dependencies and smp_wmb()/smp_rmb()
 * paired with READ_ONCE()/WRITE_ONCE() (e.g. an MCS node initialised, then
 * published with WRITE_ONCE(prev->next, node), then written through by the
 * predecessor), which the C11 model TSan implements cannot express.  This
 * over-approximates the ordering, so TSan can miss a missing barrier, but it
 * does not report false races.  Other builds use relaxed accesses.
 */
#ifdef __SANITIZE_THREAD__
#define __SHIM_RO_ORDER	__ATOMIC_ACQUIRE
#define __SHIM_WO_ORDER	__ATOMIC_RELEASE
#else
#define __SHIM_RO_ORDER	__ATOMIC_RELAXED
#define __SHIM_WO_ORDER	__ATOMIC_RELAXED
#endif

/* The type of x without qualifiers (lvalue conversion by the comma). */
#define __shim_unqual_typeof(x)	typeof(((void)0, (x)))

#define __READ_ONCE(x)							\
({									\
	__shim_unqual_typeof(x) __ro_val;				\
	sim_sp(SIM_SP_READ);						\
	__atomic_load((__shim_unqual_typeof(x) *)&(x), &__ro_val,	\
		      __SHIM_RO_ORDER);					\
	(typeof(x))__ro_val;						\
})

#define READ_ONCE(x)							\
({									\
	compiletime_assert_rwonce_type(x);				\
	__READ_ONCE(x);							\
})

#define __WRITE_ONCE(x, val)						\
do {									\
	__shim_unqual_typeof(x) __wo_val = (val);			\
	sim_sp(SIM_SP_WRITE);						\
	__atomic_store((__shim_unqual_typeof(x) *)&(x), &__wo_val,	\
		       __SHIM_WO_ORDER);				\
} while (0)

#define WRITE_ONCE(x, val)						\
do {									\
	compiletime_assert_rwonce_type(x);				\
	__WRITE_ONCE(x, val);						\
} while (0)

#define READ_ONCE_NOCHECK(x) READ_ONCE(x)

#endif /* __ASM_GENERIC_RWONCE_H */
