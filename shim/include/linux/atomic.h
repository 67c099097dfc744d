/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/atomic.h (atomic-instrumented.h and the arch
 * fallbacks): the atomic_t, atomic64_t and atomic_long_t API on C11 atomic
 * builtins.  Value-returning RMW ops without suffix are fully ordered
 * (seq_cst), void RMW ops are relaxed, as in the kernel's memory model.
 *
 * This file is written by hand once; the per-type blocks are identical
 * apart from the prefix and the value type.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/barrier.h>
#include <asm/cmpxchg.h>
#include <shim/sim.h>	/* sim_sp(): every op is a scheduling point in explore mode */

#define ATOMIC_INIT(i)		{ (i) }
#define ATOMIC64_INIT(i)	{ (i) }
#define ATOMIC_LONG_INIT(i)	{ (i) }

typedef struct {
	long counter;
} atomic_long_t;

/*
 * Under ThreadSanitizer, "relaxed" operations are seq_cst: kernel lockless
 * code orders through dependencies and fences (e.g. smp_wmb() before a
 * relaxed xchg_tail() that publishes an MCS node), which TSan's C11 model
 * cannot see.  See also asm/rwonce.h.
 */
#ifdef __SANITIZE_THREAD__
#define __SHIM_R	__ATOMIC_SEQ_CST
#else
#define __SHIM_R	__ATOMIC_RELAXED
#endif
#define __SHIM_A	__ATOMIC_ACQUIRE
#define __SHIM_L	__ATOMIC_RELEASE
#define __SHIM_F	__ATOMIC_SEQ_CST

/* atomic: atomic_t holding int */
static __always_inline int atomic_read(const atomic_t *v) { sim_sp(SIM_SP_READ); return __atomic_load_n(&v->counter, __SHIM_R); }
static __always_inline int atomic_read_acquire(const atomic_t *v) { sim_sp(SIM_SP_READ); return __atomic_load_n(&v->counter, __SHIM_A); }
static __always_inline void atomic_set(atomic_t *v, int i) { sim_sp(SIM_SP_WRITE); __atomic_store_n(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_set_release(atomic_t *v, int i) { sim_sp(SIM_SP_WRITE); __atomic_store_n(&v->counter, i, __SHIM_L); }
static __always_inline void atomic_add(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_add(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_sub(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_sub(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_and(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_and(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_or(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_or(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_xor(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_xor(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_andnot(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_and(&v->counter, ~i, __SHIM_R); }
static __always_inline void atomic_inc(atomic_t *v) { atomic_add(1, v); }
static __always_inline void atomic_dec(atomic_t *v) { atomic_sub(1, v); }
static __always_inline int atomic_fetch_add(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_F); }
static __always_inline int atomic_fetch_sub(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_F); }
static __always_inline int atomic_fetch_and(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_F); }
static __always_inline int atomic_fetch_or(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_F); }
static __always_inline int atomic_fetch_xor(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_F); }
static __always_inline int atomic_fetch_andnot(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_F); }
static __always_inline int atomic_add_return(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_F); }
static __always_inline int atomic_sub_return(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_F); }
static __always_inline int atomic_inc_return(atomic_t *v) { return atomic_add_return(1, v); }
static __always_inline int atomic_dec_return(atomic_t *v) { return atomic_sub_return(1, v); }
static __always_inline int atomic_fetch_inc(atomic_t *v) { return atomic_fetch_add(1, v); }
static __always_inline int atomic_fetch_dec(atomic_t *v) { return atomic_fetch_sub(1, v); }
static __always_inline int atomic_xchg(atomic_t *v, int n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_F); }
static __always_inline bool atomic_try_cmpxchg(atomic_t *v, int *old, int n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_F, __SHIM_F); }
static __always_inline int atomic_cmpxchg(atomic_t *v, int old, int n) { atomic_try_cmpxchg(v, &old, n); return old; }
static __always_inline int atomic_fetch_add_relaxed(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_R); }
static __always_inline int atomic_fetch_sub_relaxed(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_R); }
static __always_inline int atomic_fetch_and_relaxed(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_R); }
static __always_inline int atomic_fetch_or_relaxed(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_R); }
static __always_inline int atomic_fetch_xor_relaxed(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_R); }
static __always_inline int atomic_fetch_andnot_relaxed(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_R); }
static __always_inline int atomic_add_return_relaxed(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_R); }
static __always_inline int atomic_sub_return_relaxed(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_R); }
static __always_inline int atomic_inc_return_relaxed(atomic_t *v) { return atomic_add_return_relaxed(1, v); }
static __always_inline int atomic_dec_return_relaxed(atomic_t *v) { return atomic_sub_return_relaxed(1, v); }
static __always_inline int atomic_fetch_inc_relaxed(atomic_t *v) { return atomic_fetch_add_relaxed(1, v); }
static __always_inline int atomic_fetch_dec_relaxed(atomic_t *v) { return atomic_fetch_sub_relaxed(1, v); }
static __always_inline int atomic_xchg_relaxed(atomic_t *v, int n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_R); }
static __always_inline bool atomic_try_cmpxchg_relaxed(atomic_t *v, int *old, int n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_R, __SHIM_R); }
static __always_inline int atomic_cmpxchg_relaxed(atomic_t *v, int old, int n) { atomic_try_cmpxchg_relaxed(v, &old, n); return old; }
static __always_inline int atomic_fetch_add_acquire(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_A); }
static __always_inline int atomic_fetch_sub_acquire(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_A); }
static __always_inline int atomic_fetch_and_acquire(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_A); }
static __always_inline int atomic_fetch_or_acquire(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_A); }
static __always_inline int atomic_fetch_xor_acquire(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_A); }
static __always_inline int atomic_fetch_andnot_acquire(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_A); }
static __always_inline int atomic_add_return_acquire(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_A); }
static __always_inline int atomic_sub_return_acquire(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_A); }
static __always_inline int atomic_inc_return_acquire(atomic_t *v) { return atomic_add_return_acquire(1, v); }
static __always_inline int atomic_dec_return_acquire(atomic_t *v) { return atomic_sub_return_acquire(1, v); }
static __always_inline int atomic_fetch_inc_acquire(atomic_t *v) { return atomic_fetch_add_acquire(1, v); }
static __always_inline int atomic_fetch_dec_acquire(atomic_t *v) { return atomic_fetch_sub_acquire(1, v); }
static __always_inline int atomic_xchg_acquire(atomic_t *v, int n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_A); }
static __always_inline bool atomic_try_cmpxchg_acquire(atomic_t *v, int *old, int n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_A, __SHIM_A); }
static __always_inline int atomic_cmpxchg_acquire(atomic_t *v, int old, int n) { atomic_try_cmpxchg_acquire(v, &old, n); return old; }
static __always_inline int atomic_fetch_add_release(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_L); }
static __always_inline int atomic_fetch_sub_release(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_L); }
static __always_inline int atomic_fetch_and_release(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_L); }
static __always_inline int atomic_fetch_or_release(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_L); }
static __always_inline int atomic_fetch_xor_release(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_L); }
static __always_inline int atomic_fetch_andnot_release(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_L); }
static __always_inline int atomic_add_return_release(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_L); }
static __always_inline int atomic_sub_return_release(int i, atomic_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_L); }
static __always_inline int atomic_inc_return_release(atomic_t *v) { return atomic_add_return_release(1, v); }
static __always_inline int atomic_dec_return_release(atomic_t *v) { return atomic_sub_return_release(1, v); }
static __always_inline int atomic_fetch_inc_release(atomic_t *v) { return atomic_fetch_add_release(1, v); }
static __always_inline int atomic_fetch_dec_release(atomic_t *v) { return atomic_fetch_sub_release(1, v); }
static __always_inline int atomic_xchg_release(atomic_t *v, int n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_L); }
static __always_inline bool atomic_try_cmpxchg_release(atomic_t *v, int *old, int n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_L, __ATOMIC_RELAXED); }
static __always_inline int atomic_cmpxchg_release(atomic_t *v, int old, int n) { atomic_try_cmpxchg_release(v, &old, n); return old; }
static __always_inline bool atomic_sub_and_test(int i, atomic_t *v) { return atomic_sub_return(i, v) == 0; }
static __always_inline bool atomic_dec_and_test(atomic_t *v) { return atomic_dec_return(v) == 0; }
static __always_inline bool atomic_inc_and_test(atomic_t *v) { return atomic_inc_return(v) == 0; }
static __always_inline bool atomic_add_negative(int i, atomic_t *v) { return atomic_add_return(i, v) < 0; }
static __always_inline int atomic_fetch_add_unless(atomic_t *v, int a, int u)
{
	int c = atomic_read(v);

	do {
		if (c == u)
			break;
	} while (!atomic_try_cmpxchg(v, &c, c + a));
	return c;
}
static __always_inline bool atomic_add_unless(atomic_t *v, int a, int u) { return atomic_fetch_add_unless(v, a, u) != u; }
static __always_inline bool atomic_inc_not_zero(atomic_t *v) { return atomic_add_unless(v, 1, 0); }
static __always_inline int atomic_dec_if_positive(atomic_t *v)
{
	int c = atomic_read(v), d;

	do {
		d = c - 1;
		if (d < 0)
			break;
	} while (!atomic_try_cmpxchg(v, &c, d));
	return d;
}
#define atomic_cond_read_relaxed(v, c)	smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_cond_read_acquire(v, c)	smp_cond_load_acquire(&(v)->counter, (c))

/* atomic64: atomic64_t holding s64 */
static __always_inline s64 atomic64_read(const atomic64_t *v) { sim_sp(SIM_SP_READ); return __atomic_load_n(&v->counter, __SHIM_R); }
static __always_inline s64 atomic64_read_acquire(const atomic64_t *v) { sim_sp(SIM_SP_READ); return __atomic_load_n(&v->counter, __SHIM_A); }
static __always_inline void atomic64_set(atomic64_t *v, s64 i) { sim_sp(SIM_SP_WRITE); __atomic_store_n(&v->counter, i, __SHIM_R); }
static __always_inline void atomic64_set_release(atomic64_t *v, s64 i) { sim_sp(SIM_SP_WRITE); __atomic_store_n(&v->counter, i, __SHIM_L); }
static __always_inline void atomic64_add(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_add(&v->counter, i, __SHIM_R); }
static __always_inline void atomic64_sub(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_sub(&v->counter, i, __SHIM_R); }
static __always_inline void atomic64_and(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_and(&v->counter, i, __SHIM_R); }
static __always_inline void atomic64_or(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_or(&v->counter, i, __SHIM_R); }
static __always_inline void atomic64_xor(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_xor(&v->counter, i, __SHIM_R); }
static __always_inline void atomic64_andnot(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_and(&v->counter, ~i, __SHIM_R); }
static __always_inline void atomic64_inc(atomic64_t *v) { atomic64_add(1, v); }
static __always_inline void atomic64_dec(atomic64_t *v) { atomic64_sub(1, v); }
static __always_inline s64 atomic64_fetch_add(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_F); }
static __always_inline s64 atomic64_fetch_sub(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_F); }
static __always_inline s64 atomic64_fetch_and(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_F); }
static __always_inline s64 atomic64_fetch_or(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_F); }
static __always_inline s64 atomic64_fetch_xor(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_F); }
static __always_inline s64 atomic64_fetch_andnot(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_F); }
static __always_inline s64 atomic64_add_return(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_F); }
static __always_inline s64 atomic64_sub_return(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_F); }
static __always_inline s64 atomic64_inc_return(atomic64_t *v) { return atomic64_add_return(1, v); }
static __always_inline s64 atomic64_dec_return(atomic64_t *v) { return atomic64_sub_return(1, v); }
static __always_inline s64 atomic64_fetch_inc(atomic64_t *v) { return atomic64_fetch_add(1, v); }
static __always_inline s64 atomic64_fetch_dec(atomic64_t *v) { return atomic64_fetch_sub(1, v); }
static __always_inline s64 atomic64_xchg(atomic64_t *v, s64 n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_F); }
static __always_inline bool atomic64_try_cmpxchg(atomic64_t *v, s64 *old, s64 n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_F, __SHIM_F); }
static __always_inline s64 atomic64_cmpxchg(atomic64_t *v, s64 old, s64 n) { atomic64_try_cmpxchg(v, &old, n); return old; }
static __always_inline s64 atomic64_fetch_add_relaxed(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_R); }
static __always_inline s64 atomic64_fetch_sub_relaxed(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_R); }
static __always_inline s64 atomic64_fetch_and_relaxed(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_R); }
static __always_inline s64 atomic64_fetch_or_relaxed(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_R); }
static __always_inline s64 atomic64_fetch_xor_relaxed(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_R); }
static __always_inline s64 atomic64_fetch_andnot_relaxed(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_R); }
static __always_inline s64 atomic64_add_return_relaxed(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_R); }
static __always_inline s64 atomic64_sub_return_relaxed(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_R); }
static __always_inline s64 atomic64_inc_return_relaxed(atomic64_t *v) { return atomic64_add_return_relaxed(1, v); }
static __always_inline s64 atomic64_dec_return_relaxed(atomic64_t *v) { return atomic64_sub_return_relaxed(1, v); }
static __always_inline s64 atomic64_fetch_inc_relaxed(atomic64_t *v) { return atomic64_fetch_add_relaxed(1, v); }
static __always_inline s64 atomic64_fetch_dec_relaxed(atomic64_t *v) { return atomic64_fetch_sub_relaxed(1, v); }
static __always_inline s64 atomic64_xchg_relaxed(atomic64_t *v, s64 n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_R); }
static __always_inline bool atomic64_try_cmpxchg_relaxed(atomic64_t *v, s64 *old, s64 n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_R, __SHIM_R); }
static __always_inline s64 atomic64_cmpxchg_relaxed(atomic64_t *v, s64 old, s64 n) { atomic64_try_cmpxchg_relaxed(v, &old, n); return old; }
static __always_inline s64 atomic64_fetch_add_acquire(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_A); }
static __always_inline s64 atomic64_fetch_sub_acquire(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_A); }
static __always_inline s64 atomic64_fetch_and_acquire(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_A); }
static __always_inline s64 atomic64_fetch_or_acquire(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_A); }
static __always_inline s64 atomic64_fetch_xor_acquire(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_A); }
static __always_inline s64 atomic64_fetch_andnot_acquire(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_A); }
static __always_inline s64 atomic64_add_return_acquire(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_A); }
static __always_inline s64 atomic64_sub_return_acquire(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_A); }
static __always_inline s64 atomic64_inc_return_acquire(atomic64_t *v) { return atomic64_add_return_acquire(1, v); }
static __always_inline s64 atomic64_dec_return_acquire(atomic64_t *v) { return atomic64_sub_return_acquire(1, v); }
static __always_inline s64 atomic64_fetch_inc_acquire(atomic64_t *v) { return atomic64_fetch_add_acquire(1, v); }
static __always_inline s64 atomic64_fetch_dec_acquire(atomic64_t *v) { return atomic64_fetch_sub_acquire(1, v); }
static __always_inline s64 atomic64_xchg_acquire(atomic64_t *v, s64 n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_A); }
static __always_inline bool atomic64_try_cmpxchg_acquire(atomic64_t *v, s64 *old, s64 n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_A, __SHIM_A); }
static __always_inline s64 atomic64_cmpxchg_acquire(atomic64_t *v, s64 old, s64 n) { atomic64_try_cmpxchg_acquire(v, &old, n); return old; }
static __always_inline s64 atomic64_fetch_add_release(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_L); }
static __always_inline s64 atomic64_fetch_sub_release(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_L); }
static __always_inline s64 atomic64_fetch_and_release(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_L); }
static __always_inline s64 atomic64_fetch_or_release(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_L); }
static __always_inline s64 atomic64_fetch_xor_release(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_L); }
static __always_inline s64 atomic64_fetch_andnot_release(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_L); }
static __always_inline s64 atomic64_add_return_release(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_L); }
static __always_inline s64 atomic64_sub_return_release(s64 i, atomic64_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_L); }
static __always_inline s64 atomic64_inc_return_release(atomic64_t *v) { return atomic64_add_return_release(1, v); }
static __always_inline s64 atomic64_dec_return_release(atomic64_t *v) { return atomic64_sub_return_release(1, v); }
static __always_inline s64 atomic64_fetch_inc_release(atomic64_t *v) { return atomic64_fetch_add_release(1, v); }
static __always_inline s64 atomic64_fetch_dec_release(atomic64_t *v) { return atomic64_fetch_sub_release(1, v); }
static __always_inline s64 atomic64_xchg_release(atomic64_t *v, s64 n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_L); }
static __always_inline bool atomic64_try_cmpxchg_release(atomic64_t *v, s64 *old, s64 n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_L, __ATOMIC_RELAXED); }
static __always_inline s64 atomic64_cmpxchg_release(atomic64_t *v, s64 old, s64 n) { atomic64_try_cmpxchg_release(v, &old, n); return old; }
static __always_inline bool atomic64_sub_and_test(s64 i, atomic64_t *v) { return atomic64_sub_return(i, v) == 0; }
static __always_inline bool atomic64_dec_and_test(atomic64_t *v) { return atomic64_dec_return(v) == 0; }
static __always_inline bool atomic64_inc_and_test(atomic64_t *v) { return atomic64_inc_return(v) == 0; }
static __always_inline bool atomic64_add_negative(s64 i, atomic64_t *v) { return atomic64_add_return(i, v) < 0; }
static __always_inline s64 atomic64_fetch_add_unless(atomic64_t *v, s64 a, s64 u)
{
	s64 c = atomic64_read(v);

	do {
		if (c == u)
			break;
	} while (!atomic64_try_cmpxchg(v, &c, c + a));
	return c;
}
static __always_inline bool atomic64_add_unless(atomic64_t *v, s64 a, s64 u) { return atomic64_fetch_add_unless(v, a, u) != u; }
static __always_inline bool atomic64_inc_not_zero(atomic64_t *v) { return atomic64_add_unless(v, 1, 0); }
static __always_inline s64 atomic64_dec_if_positive(atomic64_t *v)
{
	s64 c = atomic64_read(v), d;

	do {
		d = c - 1;
		if (d < 0)
			break;
	} while (!atomic64_try_cmpxchg(v, &c, d));
	return d;
}
#define atomic64_cond_read_relaxed(v, c)	smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic64_cond_read_acquire(v, c)	smp_cond_load_acquire(&(v)->counter, (c))

/* atomic_long: atomic_long_t holding long */
static __always_inline long atomic_long_read(const atomic_long_t *v) { sim_sp(SIM_SP_READ); return __atomic_load_n(&v->counter, __SHIM_R); }
static __always_inline long atomic_long_read_acquire(const atomic_long_t *v) { sim_sp(SIM_SP_READ); return __atomic_load_n(&v->counter, __SHIM_A); }
static __always_inline void atomic_long_set(atomic_long_t *v, long i) { sim_sp(SIM_SP_WRITE); __atomic_store_n(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_long_set_release(atomic_long_t *v, long i) { sim_sp(SIM_SP_WRITE); __atomic_store_n(&v->counter, i, __SHIM_L); }
static __always_inline void atomic_long_add(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_add(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_long_sub(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_sub(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_long_and(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_and(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_long_or(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_or(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_long_xor(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_xor(&v->counter, i, __SHIM_R); }
static __always_inline void atomic_long_andnot(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); __atomic_fetch_and(&v->counter, ~i, __SHIM_R); }
static __always_inline void atomic_long_inc(atomic_long_t *v) { atomic_long_add(1, v); }
static __always_inline void atomic_long_dec(atomic_long_t *v) { atomic_long_sub(1, v); }
static __always_inline long atomic_long_fetch_add(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_F); }
static __always_inline long atomic_long_fetch_sub(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_F); }
static __always_inline long atomic_long_fetch_and(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_F); }
static __always_inline long atomic_long_fetch_or(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_F); }
static __always_inline long atomic_long_fetch_xor(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_F); }
static __always_inline long atomic_long_fetch_andnot(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_F); }
static __always_inline long atomic_long_add_return(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_F); }
static __always_inline long atomic_long_sub_return(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_F); }
static __always_inline long atomic_long_inc_return(atomic_long_t *v) { return atomic_long_add_return(1, v); }
static __always_inline long atomic_long_dec_return(atomic_long_t *v) { return atomic_long_sub_return(1, v); }
static __always_inline long atomic_long_fetch_inc(atomic_long_t *v) { return atomic_long_fetch_add(1, v); }
static __always_inline long atomic_long_fetch_dec(atomic_long_t *v) { return atomic_long_fetch_sub(1, v); }
static __always_inline long atomic_long_xchg(atomic_long_t *v, long n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_F); }
static __always_inline bool atomic_long_try_cmpxchg(atomic_long_t *v, long *old, long n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_F, __SHIM_F); }
static __always_inline long atomic_long_cmpxchg(atomic_long_t *v, long old, long n) { atomic_long_try_cmpxchg(v, &old, n); return old; }
static __always_inline long atomic_long_fetch_add_relaxed(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_R); }
static __always_inline long atomic_long_fetch_sub_relaxed(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_R); }
static __always_inline long atomic_long_fetch_and_relaxed(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_R); }
static __always_inline long atomic_long_fetch_or_relaxed(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_R); }
static __always_inline long atomic_long_fetch_xor_relaxed(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_R); }
static __always_inline long atomic_long_fetch_andnot_relaxed(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_R); }
static __always_inline long atomic_long_add_return_relaxed(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_R); }
static __always_inline long atomic_long_sub_return_relaxed(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_R); }
static __always_inline long atomic_long_inc_return_relaxed(atomic_long_t *v) { return atomic_long_add_return_relaxed(1, v); }
static __always_inline long atomic_long_dec_return_relaxed(atomic_long_t *v) { return atomic_long_sub_return_relaxed(1, v); }
static __always_inline long atomic_long_fetch_inc_relaxed(atomic_long_t *v) { return atomic_long_fetch_add_relaxed(1, v); }
static __always_inline long atomic_long_fetch_dec_relaxed(atomic_long_t *v) { return atomic_long_fetch_sub_relaxed(1, v); }
static __always_inline long atomic_long_xchg_relaxed(atomic_long_t *v, long n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_R); }
static __always_inline bool atomic_long_try_cmpxchg_relaxed(atomic_long_t *v, long *old, long n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_R, __SHIM_R); }
static __always_inline long atomic_long_cmpxchg_relaxed(atomic_long_t *v, long old, long n) { atomic_long_try_cmpxchg_relaxed(v, &old, n); return old; }
static __always_inline long atomic_long_fetch_add_acquire(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_A); }
static __always_inline long atomic_long_fetch_sub_acquire(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_A); }
static __always_inline long atomic_long_fetch_and_acquire(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_A); }
static __always_inline long atomic_long_fetch_or_acquire(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_A); }
static __always_inline long atomic_long_fetch_xor_acquire(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_A); }
static __always_inline long atomic_long_fetch_andnot_acquire(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_A); }
static __always_inline long atomic_long_add_return_acquire(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_A); }
static __always_inline long atomic_long_sub_return_acquire(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_A); }
static __always_inline long atomic_long_inc_return_acquire(atomic_long_t *v) { return atomic_long_add_return_acquire(1, v); }
static __always_inline long atomic_long_dec_return_acquire(atomic_long_t *v) { return atomic_long_sub_return_acquire(1, v); }
static __always_inline long atomic_long_fetch_inc_acquire(atomic_long_t *v) { return atomic_long_fetch_add_acquire(1, v); }
static __always_inline long atomic_long_fetch_dec_acquire(atomic_long_t *v) { return atomic_long_fetch_sub_acquire(1, v); }
static __always_inline long atomic_long_xchg_acquire(atomic_long_t *v, long n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_A); }
static __always_inline bool atomic_long_try_cmpxchg_acquire(atomic_long_t *v, long *old, long n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_A, __SHIM_A); }
static __always_inline long atomic_long_cmpxchg_acquire(atomic_long_t *v, long old, long n) { atomic_long_try_cmpxchg_acquire(v, &old, n); return old; }
static __always_inline long atomic_long_fetch_add_release(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_add(&v->counter, i, __SHIM_L); }
static __always_inline long atomic_long_fetch_sub_release(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_sub(&v->counter, i, __SHIM_L); }
static __always_inline long atomic_long_fetch_and_release(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, i, __SHIM_L); }
static __always_inline long atomic_long_fetch_or_release(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_or(&v->counter, i, __SHIM_L); }
static __always_inline long atomic_long_fetch_xor_release(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_xor(&v->counter, i, __SHIM_L); }
static __always_inline long atomic_long_fetch_andnot_release(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_fetch_and(&v->counter, ~i, __SHIM_L); }
static __always_inline long atomic_long_add_return_release(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_add_fetch(&v->counter, i, __SHIM_L); }
static __always_inline long atomic_long_sub_return_release(long i, atomic_long_t *v) { sim_sp(SIM_SP_WRITE); return __atomic_sub_fetch(&v->counter, i, __SHIM_L); }
static __always_inline long atomic_long_inc_return_release(atomic_long_t *v) { return atomic_long_add_return_release(1, v); }
static __always_inline long atomic_long_dec_return_release(atomic_long_t *v) { return atomic_long_sub_return_release(1, v); }
static __always_inline long atomic_long_fetch_inc_release(atomic_long_t *v) { return atomic_long_fetch_add_release(1, v); }
static __always_inline long atomic_long_fetch_dec_release(atomic_long_t *v) { return atomic_long_fetch_sub_release(1, v); }
static __always_inline long atomic_long_xchg_release(atomic_long_t *v, long n) { sim_sp(SIM_SP_WRITE); return __atomic_exchange_n(&v->counter, n, __SHIM_L); }
static __always_inline bool atomic_long_try_cmpxchg_release(atomic_long_t *v, long *old, long n) { sim_sp(SIM_SP_WRITE); return __atomic_compare_exchange_n(&v->counter, old, n, false, __SHIM_L, __ATOMIC_RELAXED); }
static __always_inline long atomic_long_cmpxchg_release(atomic_long_t *v, long old, long n) { atomic_long_try_cmpxchg_release(v, &old, n); return old; }
static __always_inline bool atomic_long_sub_and_test(long i, atomic_long_t *v) { return atomic_long_sub_return(i, v) == 0; }
static __always_inline bool atomic_long_dec_and_test(atomic_long_t *v) { return atomic_long_dec_return(v) == 0; }
static __always_inline bool atomic_long_inc_and_test(atomic_long_t *v) { return atomic_long_inc_return(v) == 0; }
static __always_inline bool atomic_long_add_negative(long i, atomic_long_t *v) { return atomic_long_add_return(i, v) < 0; }
static __always_inline long atomic_long_fetch_add_unless(atomic_long_t *v, long a, long u)
{
	long c = atomic_long_read(v);

	do {
		if (c == u)
			break;
	} while (!atomic_long_try_cmpxchg(v, &c, c + a));
	return c;
}
static __always_inline bool atomic_long_add_unless(atomic_long_t *v, long a, long u) { return atomic_long_fetch_add_unless(v, a, u) != u; }
static __always_inline bool atomic_long_inc_not_zero(atomic_long_t *v) { return atomic_long_add_unless(v, 1, 0); }
static __always_inline long atomic_long_dec_if_positive(atomic_long_t *v)
{
	long c = atomic_long_read(v), d;

	do {
		d = c - 1;
		if (d < 0)
			break;
	} while (!atomic_long_try_cmpxchg(v, &c, d));
	return d;
}
#define atomic_long_cond_read_relaxed(v, c)	smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_long_cond_read_acquire(v, c)	smp_cond_load_acquire(&(v)->counter, (c))

#endif /* _LINUX_ATOMIC_H */
