/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/workqueue.h: one simulated "kworker" task
 * (kern/workqueue.c) runs queued work items in process context.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/list.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	struct list_head entry;
	work_func_t func;
	int pending;
};

struct workqueue_struct;
extern struct workqueue_struct *system_wq;

#define INIT_WORK(_work, _func)						\
do {									\
	INIT_LIST_HEAD(&(_work)->entry);				\
	(_work)->func = (_func);					\
	(_work)->pending = 0;						\
} while (0)

bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
void flush_workqueue(struct workqueue_struct *wq);

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline void flush_scheduled_work(void)
{
	flush_workqueue(system_wq);
}

#endif /* _LINUX_WORKQUEUE_H */
