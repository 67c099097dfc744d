/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/filter.h: only BPF_CALL_x(), which defines a
 * helper as "u64 name(u64 r1..r5)" around a typed body "____name(args)",
 * the same calling convention the verifier and bpf_func_proto.func use.
 */
#ifndef __LINUX_FILTER_H__
#define __LINUX_FILTER_H__

#include <linux/bpf.h>

/* DUP */
#define MAX_BPF_STACK	512

#define __SHIM_A0(m)
#define __SHIM_A1(m, t1, a1) m(t1, a1, r1)
#define __SHIM_A2(m, t1, a1, t2, a2) m(t1, a1, r1), m(t2, a2, r2)
#define __SHIM_A3(m, t1, a1, t2, a2, t3, a3) \
	m(t1, a1, r1), m(t2, a2, r2), m(t3, a3, r3)
#define __SHIM_A4(m, t1, a1, t2, a2, t3, a3, t4, a4) \
	m(t1, a1, r1), m(t2, a2, r2), m(t3, a3, r3), m(t4, a4, r4)
#define __SHIM_A5(m, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	m(t1, a1, r1), m(t2, a2, r2), m(t3, a3, r3), m(t4, a4, r4), m(t5, a5, r5)

#define __SHIM_DECL(t, a, r)	t a
#define __SHIM_CAST(t, a, r)	(t)(unsigned long)(r)
#define __SHIM_VOID_0		void
#define __SHIM_VOID_1
#define __SHIM_VOID_2
#define __SHIM_VOID_3
#define __SHIM_VOID_4
#define __SHIM_VOID_5

#define BPF_CALL_x(x, name, ...)					\
	static __always_inline u64					\
	____##name(__SHIM_VOID_##x __SHIM_A##x(__SHIM_DECL, ##__VA_ARGS__)); \
	u64 name(u64 r1, u64 r2, u64 r3, u64 r4, u64 r5);		\
	u64 name(u64 r1, u64 r2, u64 r3, u64 r4, u64 r5)		\
	{								\
		return ____##name(__SHIM_A##x(__SHIM_CAST, ##__VA_ARGS__)); \
	}								\
	static __always_inline u64					\
	____##name(__SHIM_VOID_##x __SHIM_A##x(__SHIM_DECL, ##__VA_ARGS__))

#define BPF_CALL_0(name, ...)	BPF_CALL_x(0, name, __VA_ARGS__)
#define BPF_CALL_1(name, ...)	BPF_CALL_x(1, name, __VA_ARGS__)
#define BPF_CALL_2(name, ...)	BPF_CALL_x(2, name, __VA_ARGS__)
#define BPF_CALL_3(name, ...)	BPF_CALL_x(3, name, __VA_ARGS__)
#define BPF_CALL_4(name, ...)	BPF_CALL_x(4, name, __VA_ARGS__)
#define BPF_CALL_5(name, ...)	BPF_CALL_x(5, name, __VA_ARGS__)

#endif /* __LINUX_FILTER_H__ */
