/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/bug.h (and asm-generic/bug.h).
 *
 * WARN*() report through sim_warn()/sim_warn_once(): a "WARNING:" line on
 * stderr (once for the _ONCE forms, as in the kernel) and a KTAP diagnostic.
 * A warning no test or run declared as expected fails the running KUnit
 * case and the run; see sim/warn.c.  BUG() aborts.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <shim/sim.h>

#define BUG()		sim_bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(c)	do { if (unlikely(c)) sim_bug(__FILE__, __LINE__, #c); } while (0)

#define __WARN_printf(cond, ...)	sim_warn(__FILE__, __LINE__, cond)

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		sim_warn(__FILE__, __LINE__, #condition);		\
	unlikely(__ret_warn_on);					\
})

#define WARN(condition, format...) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		sim_warn(__FILE__, __LINE__, #condition);		\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(condition) ({					\
	static bool __warned;						\
	int __ret_warn_once = !!(condition);				\
	if (unlikely(__ret_warn_once))					\
		sim_warn_once(&__warned, __FILE__, __LINE__, #condition); \
	unlikely(__ret_warn_once);					\
})

#define WARN_ONCE(condition, format...) WARN_ON_ONCE(condition)
#define WARN_TAINT(condition, taint, format...) WARN(condition, format)
#define WARN_TAINT_ONCE(condition, taint, format...) WARN_ON_ONCE(condition)

#define BUILD_BUG_ON_INVALID(e)	((void)(sizeof((__force long)(e))))

static inline void check_data_corruption_noop(void) { }
#define CHECK_DATA_CORRUPTION(condition, fmt, ...) WARN_ON(condition)

#endif /* _LINUX_BUG_H */
