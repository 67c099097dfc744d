/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/init.h: initcalls are collected in a section
 * and run by sim_init() at start-up, in link order.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

typedef int (*initcall_t)(void);

#define __shim_initcall(fn)						\
	static initcall_t __initcall_##fn __used			\
	__attribute__((section("shim_initcall"))) = fn

#define early_initcall(fn)	__shim_initcall(fn)
#define core_initcall(fn)	__shim_initcall(fn)
#define subsys_initcall(fn)	__shim_initcall(fn)
#define fs_initcall(fn)		__shim_initcall(fn)
#define device_initcall(fn)	__shim_initcall(fn)
#define late_initcall(fn)	__shim_initcall(fn)
#define module_init(fn)		__shim_initcall(fn)
#define module_exit(fn)

#ifndef __init
#define __init
#define __exit
#define __initdata
#define __ro_after_init
#endif

#endif /* _LINUX_INIT_H */
