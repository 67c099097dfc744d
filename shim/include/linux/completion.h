/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/completion.h: a counter and a futex wait. */
#ifndef __LINUX_COMPLETION_H
#define __LINUX_COMPLETION_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/jiffies.h>

struct completion {
	unsigned int done;
};

#define COMPLETION_INITIALIZER(work)	{ 0 }
#define DECLARE_COMPLETION(work)	struct completion work = COMPLETION_INITIALIZER(work)

static inline void init_completion(struct completion *x)
{
	WRITE_ONCE(x->done, 0);
}

static inline void reinit_completion(struct completion *x)
{
	WRITE_ONCE(x->done, 0);
}

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

#endif /* __LINUX_COMPLETION_H */
