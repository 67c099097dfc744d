/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/kthread.h: a kthread is a simulated task
 * (thread) on the CPU it was bound to, the creator's CPU by default.
 * kthread_create() leaves it asleep until wake_up_process(); kthread_stop()
 * wakes it, waits for its function to return and gives back the result.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

__printf(3, 4)
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char namefmt[], ...);
void kthread_bind(struct task_struct *k, unsigned int cpu);
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt);

#define kthread_run(threadfn, data, namefmt, ...)			\
({									\
	struct task_struct *__k						\
		= kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k;								\
})

static inline struct task_struct *
kthread_run_on_cpu(int (*threadfn)(void *data), void *data, unsigned int cpu,
		   const char *namefmt)
{
	struct task_struct *p = kthread_create_on_cpu(threadfn, data, cpu, namefmt);

	if (!IS_ERR(p))
		wake_up_process(p);
	return p;
}

bool kthread_should_stop(void);
int kthread_stop(struct task_struct *k);

#endif /* _LINUX_KTHREAD_H */
