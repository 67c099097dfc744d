/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/kthread.h: a kthread is a simulated task. */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

struct task_struct *kthread_run_on_cpu(int (*threadfn)(void *data), void *data,
				       unsigned int cpu, const char *namefmt);
struct task_struct *shim_kthread_run(int (*threadfn)(void *data), void *data,
				     const char *namefmt, ...);
#define kthread_run(threadfn, data, namefmt, ...) \
	shim_kthread_run(threadfn, data, namefmt, ##__VA_ARGS__)
bool kthread_should_stop(void);
int kthread_stop(struct task_struct *k);

#endif /* _LINUX_KTHREAD_H */
