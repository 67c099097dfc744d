/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/sched/task.h: task references live in sched.h. */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>

#endif /* _LINUX_SCHED_TASK_H */
