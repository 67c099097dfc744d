/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/delay.h: *delay() busy-wait (and so take
 * simulated interrupts), *sleep() sleep on the host.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/kernel.h>
#include <asm/processor.h>
#include <shim/sim.h>

static inline void ndelay(unsigned long ns)
{
	unsigned long long end = sim_clock_ns() + ns;

	while (sim_clock_ns() < end)
		cpu_relax();
}

#define udelay(us)	ndelay((us) * 1000UL)
#define mdelay(ms)	ndelay((ms) * 1000000UL)

static inline void msleep(unsigned int msecs)
{
	might_sleep();
	sim_sleep_ns(msecs * 1000000ULL);
}

static inline void usleep_range(unsigned long min, unsigned long max)
{
	might_sleep();
	sim_sleep_ns(min * 1000ULL);
}

static inline void fsleep(unsigned long usecs)
{
	usleep_range(usecs, usecs);
}

#endif /* _LINUX_DELAY_H */
