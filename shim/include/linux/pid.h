/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/pid.h: a pid is a refcounted task reference. */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/types.h>
#include <linux/refcount.h>

enum pid_type { PIDTYPE_PID, PIDTYPE_TGID, PIDTYPE_PGID, PIDTYPE_SID, PIDTYPE_MAX };

struct task_struct;

struct pid {
	refcount_t count;
	int nr;
	struct task_struct *task;	/* NULL once the task is reaped */
};

struct pid *pidfd_get_pid(unsigned int fd, unsigned int *flags);
struct task_struct *pid_task(struct pid *pid, enum pid_type type);
void put_pid(struct pid *pid);
struct pid *get_task_pid(struct task_struct *task, enum pid_type type);
struct file;
int pidfd_prepare(struct pid *pid, unsigned int flags, struct file **ret);

#endif /* _LINUX_PID_H */
