/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/spinlock_types.h (+ _raw.h): a raw spinlock is
 * the kernel's queued spinlock (struct qspinlock, slow path compiled from
 * the stock tree's kernel/locking/qspinlock.c), as on x86 and arm64, plus
 * the owning CPU, which CONFIG_DEBUG_SPINLOCK keeps too.
 */
#ifndef __LINUX_SPINLOCK_TYPES_H
#define __LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>
#include <asm-generic/qspinlock_types.h>

typedef struct qspinlock arch_spinlock_t;

typedef struct raw_spinlock {
	arch_spinlock_t raw_lock;
	int owner_cpu;
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

#define __RAW_SPIN_LOCK_UNLOCKED(name)	{ .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, .owner_cpu = -1 }
#define __RAW_SPIN_LOCK_INITIALIZER(name) __RAW_SPIN_LOCK_UNLOCKED(name)
#define __SPIN_LOCK_UNLOCKED(name)	{ .rlock = __RAW_SPIN_LOCK_UNLOCKED(name) }
#define DEFINE_RAW_SPINLOCK(x)		raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)
#define DEFINE_SPINLOCK(x)		spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

#endif /* __LINUX_SPINLOCK_TYPES_H */
