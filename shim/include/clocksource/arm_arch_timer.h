/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/clocksource/arm_arch_timer.h: whether the timer event
 * stream is available is a run-time switch of the shim (SHIM_EVTSTRM=0
 * selects the spin-wait branch of arm64's timed wait).
 */
#ifndef __CLKSOURCE_ARM_ARCH_TIMER_H
#define __CLKSOURCE_ARM_ARCH_TIMER_H

#include <linux/types.h>

extern bool shim_arch_timer_evtstrm;

static inline bool arch_timer_evtstrm_available(void)
{
	return READ_ONCE(shim_arch_timer_evtstrm);
}

#endif /* __CLKSOURCE_ARM_ARCH_TIMER_H */
