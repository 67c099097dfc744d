/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Forwarding header: the kernel's own arch/<arch>/include/asm/rqspinlock.h
 * of the tree being built (x86 or arm64, whichever the shim is built for),
 * which includes include/asm-generic/rqspinlock.h.
 *
 * Fault injection (the tools/testing/vma override pattern): files built with
 * SHIM_LOCK_FAULTS (the storage files, not rqspinlock.c or its tests) get
 * acquisitions that first ask the simulator whether to fail, by lock site:
 * "b" for a bucket lock of a storage map, "ls" for any other (the storage
 * lock).  An injected failure leaves the lock, the held-lock table, IRQ and
 * preemption state exactly as a real failed acquisition does: untouched.
 * The same points are interrupt injection points ("<site>_lock" before the
 * acquisition, IRQs on; "<site>_locked" inside the critical section).
 */
#if defined(__x86_64__)
#include <arch/x86/include/asm/rqspinlock.h>
#else
#include <arch/arm64/include/asm/rqspinlock.h>
#endif

#if defined(SHIM_LOCK_FAULTS) && !defined(__SHIM_RQSPINLOCK_FAULTS)
#define __SHIM_RQSPINLOCK_FAULTS

int shim_lock_fault(void *lock);
void shim_lock_acquired(void *lock);

static __always_inline int __must_check
__shim_raw_res_spin_lock_irqsave(rqspinlock_t *lock, unsigned long *flagsp)
{
	int ret = shim_lock_fault(lock);

	if (ret)
		return ret;
	ret = __raw_res_spin_lock_irqsave(lock, flagsp);
	if (!ret)
		shim_lock_acquired(lock);
	return ret;
}

static __always_inline int __must_check __shim_raw_res_spin_lock(rqspinlock_t *lock)
{
	int ret = shim_lock_fault(lock);

	if (ret)
		return ret;
	ret = raw_res_spin_lock(lock);
	if (!ret)
		shim_lock_acquired(lock);
	return ret;
}

#undef raw_res_spin_lock_irqsave
#define raw_res_spin_lock_irqsave(lock, flags)				\
	__shim_raw_res_spin_lock_irqsave(lock, &(flags))
#define raw_res_spin_lock(lock)	__shim_raw_res_spin_lock(lock)

#endif
