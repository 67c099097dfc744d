/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/spinlock.h: the non-resilient spinlocks of the
 * stock kernel (raw_spinlock_t, spinlock_t), on the kernel's queued spinlock
 * (asm-generic/qspinlock.h, slow path from kernel/locking/qspinlock.c).
 *
 * Acquiring disables preemption (and IRQs/BH for the variants), so the task
 * occupies its simulated CPU while holding the lock.  Taking a lock already
 * held by the same CPU can only be a nested context (IRQ/NMI) deadlocking on
 * it: that is reported as CONFIG_DEBUG_SPINLOCK's "spinlock recursion" and
 * the run aborts instead of hanging.
 *
 * Interrupt injection points (SIM_IRQ_POINT_*): before the acquisition,
 * before IRQs go off in the _irqsave variants, and inside the critical
 * section.
 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

#include <linux/spinlock_types.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/atomic.h>
#include <linux/bug.h>
#include <shim/sim.h>

#include <asm/qspinlock.h>

void sim_raw_spin_lock_recursion(raw_spinlock_t *lock);

static inline void raw_spin_lock_init(raw_spinlock_t *lock)
{
	*lock = (raw_spinlock_t)__RAW_SPIN_LOCK_UNLOCKED(lock);
}
#define spin_lock_init(l)	raw_spin_lock_init(&(l)->rlock)

static inline void do_raw_spin_lock(raw_spinlock_t *lock)
{
	sim_irq_point(SIM_IRQ_POINT_SPIN_LOCK, lock);
	/*
	 * The owner cannot be another task on this CPU (it would occupy the
	 * CPU), so this is a nested context (IRQ, NMI) about to spin on a
	 * lock its own CPU holds: a real deadlock.
	 */
	if (unlikely(READ_ONCE(lock->owner_cpu) == sim_ctx.cpu))
		sim_raw_spin_lock_recursion(lock);
	queued_spin_lock(&lock->raw_lock);
	WRITE_ONCE(lock->owner_cpu, sim_ctx.cpu);
	sim_irq_point(SIM_IRQ_POINT_SPIN_LOCKED, lock);
}

static inline int do_raw_spin_trylock(raw_spinlock_t *lock)
{
	if (!queued_spin_trylock(&lock->raw_lock))
		return 0;
	WRITE_ONCE(lock->owner_cpu, sim_ctx.cpu);
	return 1;
}

static inline void do_raw_spin_unlock(raw_spinlock_t *lock)
{
	WARN_ON_ONCE(!queued_spin_is_locked(&lock->raw_lock));
	WRITE_ONCE(lock->owner_cpu, -1);
	queued_spin_unlock(&lock->raw_lock);
}

static inline int raw_spin_is_locked(raw_spinlock_t *lock)
{
	return queued_spin_is_locked(&lock->raw_lock);
}

static inline void raw_spin_lock(raw_spinlock_t *lock)
{
	preempt_disable();
	do_raw_spin_lock(lock);
}

static inline void raw_spin_unlock(raw_spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	preempt_enable();
}

static inline int raw_spin_trylock(raw_spinlock_t *lock)
{
	preempt_disable();
	if (do_raw_spin_trylock(lock))
		return 1;
	preempt_enable();
	return 0;
}

static inline void raw_spin_lock_irq(raw_spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	do_raw_spin_lock(lock);
}

static inline void raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

static inline unsigned long __raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	unsigned long flags;

	/* an interrupt may still arrive here, before IRQs go off */
	sim_irq_point(SIM_IRQ_POINT_SPIN_LOCK_IRQSAVE, lock);
	local_irq_save(flags);
	preempt_disable();
	do_raw_spin_lock(lock);
	return flags;
}

#define raw_spin_lock_irqsave(lock, flags)				\
do {									\
	typecheck(unsigned long, flags);				\
	flags = __raw_spin_lock_irqsave(lock);				\
} while (0)

static inline void raw_spin_unlock_irqrestore(raw_spinlock_t *lock,
					      unsigned long flags)
{
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

static inline void raw_spin_lock_bh(raw_spinlock_t *lock)
{
	local_bh_disable();
	do_raw_spin_lock(lock);
}

static inline void raw_spin_unlock_bh(raw_spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	local_bh_enable();
}

#define spin_lock(l)			raw_spin_lock(&(l)->rlock)
#define spin_unlock(l)			raw_spin_unlock(&(l)->rlock)
#define spin_trylock(l)			raw_spin_trylock(&(l)->rlock)
#define spin_lock_irq(l)		raw_spin_lock_irq(&(l)->rlock)
#define spin_unlock_irq(l)		raw_spin_unlock_irq(&(l)->rlock)
#define spin_lock_irqsave(l, f)		raw_spin_lock_irqsave(&(l)->rlock, f)
#define spin_unlock_irqrestore(l, f)	raw_spin_unlock_irqrestore(&(l)->rlock, f)
#define spin_lock_bh(l)			raw_spin_lock_bh(&(l)->rlock)
#define spin_unlock_bh(l)		raw_spin_unlock_bh(&(l)->rlock)
#define spin_is_locked(l)		raw_spin_is_locked(&(l)->rlock)

#define assert_spin_locked(l)	WARN_ON_ONCE(!spin_is_locked(l))
#define assert_raw_spin_locked(l) WARN_ON_ONCE(!raw_spin_is_locked(l))
#define lockdep_assert_held(l)	do { (void)(l); } while (0)

#endif /* __LINUX_SPINLOCK_H */
