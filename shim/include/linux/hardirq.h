/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/hardirq.h: context tests live in preempt.h. */
#ifndef LINUX_HARDIRQ_H
#define LINUX_HARDIRQ_H

#include <linux/preempt.h>
#include <linux/sched.h>

#endif /* LINUX_HARDIRQ_H */
