/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/percpu.h.  Dynamic per-CPU memory is carved
 * from the same per-CPU units as the static section (sim/percpu.c), so
 * per_cpu_ptr() works the same on both.
 */
#ifndef __LINUX_PERCPU_H
#define __LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/percpu-defs.h>
#include <linux/smp.h>
#include <linux/preempt.h>
#include <shim/sim.h>	/* sim_alloc_percpu(), sim_free_percpu() */

#define __alloc_percpu_gfp(size, align, gfp)	sim_alloc_percpu(size, align)
#define __alloc_percpu(size, align)		sim_alloc_percpu(size, align)
#define alloc_percpu_gfp(type, gfp)					\
	((typeof(type) __percpu *)sim_alloc_percpu(sizeof(type), __alignof__(type)))
#define alloc_percpu(type)	alloc_percpu_gfp(type, GFP_KERNEL)
#define free_percpu(p)		sim_free_percpu(p)

#define get_cpu_ptr(var)	({ preempt_disable(); this_cpu_ptr(var); })
#define put_cpu_ptr(var)	do { (void)(var); preempt_enable(); } while (0)
#define get_cpu_var(var)	(*({ preempt_disable(); this_cpu_ptr(&var); }))
#define put_cpu_var(var)	do { (void)&(var); preempt_enable(); } while (0)

#endif /* __LINUX_PERCPU_H */
