/* SPDX-License-Identifier: GPL-2.0 */
/* Declarations shared by the simulator's own files (libc side only). */
#ifndef __SHIM_SIM_INTERNAL_H
#define __SHIM_SIM_INTERNAL_H

#define likely_sim(x)	__builtin_expect(!!(x), 1)

void sim_die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void sim_rcu_init(void);
void sim_percpu_init(void);
void sim_rcu_occupy_enter(void);
void sim_rcu_occupy_exit(void);

/* sim/clock.c */
void sim_clock_init(void);
void sim_clock_thread_start(unsigned long long now);

void sim_clock_thread_exit(void);
/*
 * Around anything that blocks the thread on the host: the task leaves the
 * running set, and its clock catches up with machine time at the end.
 */
void sim_wait_begin(void);
void sim_wait_end(void);

#endif /* __SHIM_SIM_INTERNAL_H */
