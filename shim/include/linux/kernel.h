/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/kernel.h: the kernel's own small headers it
 * pulls in, plus might_sleep() (CONFIG_DEBUG_ATOMIC_SLEEP behaviour: a
 * warning when called with preemption or IRQs disabled).
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/stdarg.h>
#include <linux/align.h>
#include <linux/array_size.h>
#include <linux/limits.h>
#include <linux/linkage.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/bitops.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/typecheck.h>
#include <linux/printk.h>
#include <linux/build_bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <linux/cache.h>
#include <linux/init.h>
#include <shim/sim.h>

/* commonly visible through the kernel's own include web */
struct file;
struct inode;

#define might_sleep()							\
do {									\
	if (sim_ctx.preempt_count || sim_ctx.irqs_off)			\
		sim_warn(__FILE__, __LINE__,				\
			 "sleeping function called from invalid context"); \
} while (0)
#define might_sleep_if(c)	do { if (c) might_sleep(); } while (0)
#define might_resched()		do { } while (0)
#define cant_sleep()		do { } while (0)
#define cant_migrate()		do { } while (0)

#define STACK_MAGIC	0xdeadbeef

#endif /* _LINUX_KERNEL_H */
