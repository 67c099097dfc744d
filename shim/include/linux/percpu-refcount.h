/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/percpu-refcount.h: an atomic count and the
 * "dying" flag set by percpu_ref_kill(), which is what the code reads.
 */
#ifndef _LINUX_PERCPU_REFCOUNT_H
#define _LINUX_PERCPU_REFCOUNT_H

#include <linux/types.h>
#include <linux/atomic.h>

struct percpu_ref {
	atomic_long_t count;
	bool dying;
};

static inline bool percpu_ref_is_dying(struct percpu_ref *ref)
{
	return READ_ONCE(ref->dying);
}

static inline void percpu_ref_kill(struct percpu_ref *ref)
{
	WRITE_ONCE(ref->dying, true);
}

static inline void percpu_ref_get(struct percpu_ref *ref)
{
	atomic_long_inc(&ref->count);
}

static inline bool percpu_ref_put_and_test(struct percpu_ref *ref)
{
	return atomic_long_dec_and_test(&ref->count);
}

#endif /* _LINUX_PERCPU_REFCOUNT_H */
