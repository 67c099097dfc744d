/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/percpu-defs.h (+ asm-generic/percpu.h).
 *
 * Same scheme as the kernel: DEFINE_PER_CPU() puts the variable in a
 * dedicated section ("shim_percpu"); sim_init() makes one copy of that
 * section per simulated CPU and per_cpu_ptr(p, cpu) adds
 * __per_cpu_offset[cpu] to the address of the variable.  No CPU uses the
 * original, so a stray direct access is visibly wrong.
 *
 * this_cpu_*() read-modify-write ops are relaxed atomics: like a single
 * x86 "incl %gs:x" they cannot be torn by a nested context or by another
 * task sharing the CPU.
 */
#ifndef _LINUX_PERCPU_DEFS_H
#define _LINUX_PERCPU_DEFS_H

#include <linux/compiler.h>
#include <shim/sim.h>

#ifdef __SANITIZE_THREAD__
#define __SHIM_PCPU_ORDER	__ATOMIC_SEQ_CST	/* see linux/atomic.h */
#else
#define __SHIM_PCPU_ORDER	__ATOMIC_RELAXED
#endif

#define __PCPU_ATTRS(sec)	__percpu __attribute__((section("shim_percpu")))

#define DECLARE_PER_CPU_SECTION(type, name, sec)	extern __PCPU_ATTRS(sec) __typeof__(type) name
#define DEFINE_PER_CPU_SECTION(type, name, sec)		__PCPU_ATTRS(sec) __used __typeof__(type) name

#define DECLARE_PER_CPU(type, name)		DECLARE_PER_CPU_SECTION(type, name, "")
#define DEFINE_PER_CPU(type, name)		DEFINE_PER_CPU_SECTION(type, name, "")
#define DECLARE_PER_CPU_ALIGNED(type, name)	DECLARE_PER_CPU_SECTION(type, name, "") ____cacheline_aligned
#define DEFINE_PER_CPU_ALIGNED(type, name)	DEFINE_PER_CPU_SECTION(type, name, "") ____cacheline_aligned
#define DECLARE_PER_CPU_SHARED_ALIGNED(type, name) DECLARE_PER_CPU_ALIGNED(type, name)
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) DEFINE_PER_CPU_ALIGNED(type, name)
#define DECLARE_PER_CPU_READ_MOSTLY(type, name)	DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_READ_MOSTLY(type, name)	DEFINE_PER_CPU(type, name)
#define EXPORT_PER_CPU_SYMBOL(var)
#define EXPORT_PER_CPU_SYMBOL_GPL(var)

#define per_cpu_offset(x)	(__per_cpu_offset[x])

#define SHIFT_PERCPU_PTR(p, off)					\
	((typeof(*(p)) __kernel __force *)((unsigned long)(p) + (off)))

#define per_cpu_ptr(ptr, cpu)	SHIFT_PERCPU_PTR((ptr), per_cpu_offset(cpu))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), cpu))
#define raw_cpu_ptr(ptr)	per_cpu_ptr(ptr, sim_ctx.cpu)
#define this_cpu_ptr(ptr)	raw_cpu_ptr(ptr)
#define __this_cpu_ptr(ptr)	raw_cpu_ptr(ptr)

#define __pcpu_rmw(pcp, op, val)					\
	({ sim_sp(SIM_SP_WRITE);					\
	   __atomic_##op(raw_cpu_ptr(&(pcp)), (val), __SHIM_PCPU_ORDER); })

#define this_cpu_read(pcp)		READ_ONCE(*raw_cpu_ptr(&(pcp)))
#define this_cpu_write(pcp, val)	WRITE_ONCE(*raw_cpu_ptr(&(pcp)), val)
#define this_cpu_add(pcp, val)		((void)__pcpu_rmw(pcp, fetch_add, val))
#define this_cpu_sub(pcp, val)		((void)__pcpu_rmw(pcp, fetch_sub, val))
#define this_cpu_inc(pcp)		this_cpu_add(pcp, 1)
#define this_cpu_dec(pcp)		this_cpu_sub(pcp, 1)
#define this_cpu_and(pcp, val)		((void)__pcpu_rmw(pcp, fetch_and, val))
#define this_cpu_or(pcp, val)		((void)__pcpu_rmw(pcp, fetch_or, val))
#define this_cpu_add_return(pcp, val)	__pcpu_rmw(pcp, add_fetch, val)
#define this_cpu_sub_return(pcp, val)	__pcpu_rmw(pcp, sub_fetch, val)
#define this_cpu_inc_return(pcp)	this_cpu_add_return(pcp, 1)
#define this_cpu_dec_return(pcp)	this_cpu_sub_return(pcp, 1)
#define this_cpu_xchg(pcp, nval)					\
	({ sim_sp(SIM_SP_WRITE);					\
	   __atomic_exchange_n(raw_cpu_ptr(&(pcp)), (nval), __SHIM_PCPU_ORDER); })
#define this_cpu_cmpxchg(pcp, o, n)					\
({									\
	typeof(pcp) __pc_old = (o);					\
	sim_sp(SIM_SP_WRITE);						\
	__atomic_compare_exchange_n(raw_cpu_ptr(&(pcp)), &__pc_old, (n), \
				    false, __SHIM_PCPU_ORDER, __SHIM_PCPU_ORDER); \
	__pc_old;							\
})

#define __this_cpu_read		this_cpu_read
#define __this_cpu_write	this_cpu_write
#define __this_cpu_add		this_cpu_add
#define __this_cpu_sub		this_cpu_sub
#define __this_cpu_inc		this_cpu_inc
#define __this_cpu_dec		this_cpu_dec
#define __this_cpu_inc_return	this_cpu_inc_return
#define __this_cpu_dec_return	this_cpu_dec_return
#define __this_cpu_add_return	this_cpu_add_return
#define raw_cpu_read		this_cpu_read
#define raw_cpu_write		this_cpu_write
#define raw_cpu_add		this_cpu_add
#define raw_cpu_sub		this_cpu_sub
#define raw_cpu_inc		this_cpu_inc
#define raw_cpu_dec		this_cpu_dec
#define raw_cpu_inc_return	this_cpu_inc_return
#define raw_cpu_dec_return	this_cpu_dec_return

#endif /* _LINUX_PERCPU_DEFS_H */
