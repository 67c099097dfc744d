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

#define compiletime_assert_rwonce_type(t)					\
	compiletime_assert(__native_word(t) || sizeof(t) == sizeof(long long),	\
		"Unsupported access size for {READ,WRITE}_ONCE().")

#define __READ_ONCE(x)							\
({									\
	__unqual_scalar_typeof(x) __ro_val;				\
	__atomic_load((__unqual_scalar_typeof(x) *)&(x), &__ro_val,	\
		      __ATOMIC_RELAXED);				\
	(typeof(x))__ro_val;						\
})

#define READ_ONCE(x)							\
({									\
	compiletime_assert_rwonce_type(x);				\
	__READ_ONCE(x);							\
})

#define __WRITE_ONCE(x, val)						\
do {									\
	typeof(x) __wo_val = (val);					\
	__atomic_store((typeof(x) *)&(x), &__wo_val, __ATOMIC_RELAXED);	\
} while (0)

#define WRITE_ONCE(x, val)						\
do {									\
	compiletime_assert_rwonce_type(x);				\
	__WRITE_ONCE(x, val);						\
} while (0)

#define READ_ONCE_NOCHECK(x) READ_ONCE(x)

#endif /* __ASM_GENERIC_RWONCE_H */
