/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/mutex.h: not used by the code under test. */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#endif /* __LINUX_MUTEX_H */
