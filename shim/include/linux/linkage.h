/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/linkage.h: calling-convention markers only. */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#include <linux/compiler_types.h>
#include <linux/stringify.h>
#include <linux/export.h>

#define asmlinkage
#define __lockfunc	/* no .spinlock.text section here (linux/spinlock.h) */
#define __visible	__attribute__((__externally_visible__))
#define cond_syscall(x)
#define SYSCALL_ALIAS(alias, name)

#endif /* _LINUX_LINKAGE_H */
