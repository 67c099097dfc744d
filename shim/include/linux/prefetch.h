/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/prefetch.h: compiler builtins. */
#ifndef _LINUX_PREFETCH_H
#define _LINUX_PREFETCH_H

#define prefetch(x)	__builtin_prefetch(x)
#define prefetchw(x)	__builtin_prefetch(x, 1)

#endif /* _LINUX_PREFETCH_H */
