// SPDX-License-Identifier: GPL-2.0
/*
 * hrtimers: a started timer is a simulated interrupt request on the CPU
 * that started it; it fires in hardirq context at the first delivery point
 * of a task of that CPU after its expiry, by that task's clock (see
 * sim/clock.c and sim/irq.c).
 */
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/smp.h>
#include <shim/kern.h>

static void hrtimer_fire(struct sim_irq_req *req)
{
	struct hrtimer *timer = container_of(req, struct hrtimer, req);

	WRITE_ONCE(timer->running, 1);
	if (timer->function(timer) == HRTIMER_RESTART)
		sim_irq_raise(smp_processor_id(), &timer->req);
	__atomic_store_n(&timer->running, 0, __ATOMIC_RELEASE);
}

void hrtimer_init(struct hrtimer *timer, int which_clock, enum hrtimer_mode mode)
{
	memset(timer, 0, sizeof(*timer));
	timer->req.cpu = -1;
	timer->req.fn = hrtimer_fire;
}

void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode)
{
	sim_irq_cancel(&timer->req);
	timer->expires = (mode & HRTIMER_MODE_REL) ? sim_clock_ns() + tim : tim;
	timer->req.expires = timer->expires;
	sim_irq_raise(smp_processor_id(), &timer->req);
}

void hrtimer_restart(struct hrtimer *timer)
{
	hrtimer_start(timer, timer->expires, HRTIMER_MODE_ABS);
}

int hrtimer_try_to_cancel(struct hrtimer *timer)
{
	if (READ_ONCE(timer->running))
		return -1;
	return sim_irq_cancel(&timer->req);
}

int hrtimer_cancel(struct hrtimer *timer)
{
	int ret;

	while ((ret = hrtimer_try_to_cancel(timer)) < 0)
		cpu_relax();
	return ret;
}

bool hrtimer_active(const struct hrtimer *timer)
{
	return READ_ONCE(timer->req.cpu) >= 0 || READ_ONCE(timer->running);
}
