/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/refcount.h: the same saturation semantics
 * (warn on increment from zero, on underflow) on a plain atomic_t.
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/bug.h>

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n)	{ .refs = ATOMIC_INIT(n), }

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return atomic_read(&r->refs);
}

static inline bool refcount_inc_not_zero(refcount_t *r)
{
	int old = atomic_read(&r->refs);

	do {
		if (!old)
			return false;
	} while (!atomic_try_cmpxchg_relaxed(&r->refs, &old, old + 1));
	WARN_ON_ONCE(old < 0);
	return true;
}

static inline void refcount_inc(refcount_t *r)
{
	int old = atomic_fetch_add_relaxed(1, &r->refs);

	WARN_ONCE(old <= 0, "refcount_t: addition on 0; use-after-free.\n");
}

static inline void refcount_add(int i, refcount_t *r)
{
	int old = atomic_fetch_add_relaxed(i, &r->refs);

	WARN_ONCE(old <= 0, "refcount_t: addition on 0; use-after-free.\n");
}

/*
 * The kernel's is release, plus acquire when it hits zero (a control
 * dependency and smp_acquire__after_ctrl_dep()); fully ordered here, which
 * ThreadSanitizer can follow.
 */
static inline bool refcount_sub_and_test(int i, refcount_t *r)
{
	int old = atomic_fetch_sub(i, &r->refs);

	if (old == i)
		return true;
	WARN_ONCE(old < i, "refcount_t: underflow; use-after-free.\n");
	return false;
}

static inline bool refcount_dec_and_test(refcount_t *r)
{
	return refcount_sub_and_test(1, r);
}

/* lib/refcount.c: a 1 -> 0 transition with release ordering, or nothing */
static inline bool refcount_dec_if_one(refcount_t *r)
{
	int val = 1;

	return atomic_try_cmpxchg_release(&r->refs, &val, 0);
}

static inline bool refcount_dec_not_one(refcount_t *r)
{
	int val = atomic_read(&r->refs);

	do {
		if (val == 1)
			return false;
	} while (!atomic_try_cmpxchg_release(&r->refs, &val, val - 1));
	return true;
}

static inline void refcount_dec(refcount_t *r)
{
	WARN_ONCE(atomic_fetch_sub_release(1, &r->refs) <= 1,
		  "refcount_t: decrement hit 0; leaking memory.\n");
}

#endif /* _LINUX_REFCOUNT_H */
