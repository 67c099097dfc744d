// SPDX-License-Identifier: GPL-2.0
/*
 * Boot and shut-down of the simulated machine: the simulator (CPUs, per-CPU
 * units, RCU, the boot task), the run-time switches of the architecture
 * code, the initcalls, the kworker; and waiting until nothing deferred is
 * left.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jump_label.h>
#include <linux/rcupdate.h>
#include <linux/rcupdate_trace.h>
#include <linux/workqueue.h>
#include <shim/kern.h>

/* x86: on = "running under a hypervisor without PV spinlocks" (SHIM_VIRT_SPIN_LOCK=1) */
DEFINE_STATIC_KEY_FALSE(virt_spin_lock_key);
/* arm64: timer event stream for WFE-based waits (SHIM_EVTSTRM=0 turns it off) */
bool shim_arch_timer_evtstrm = true;

extern initcall_t __start_shim_initcall[], __stop_shim_initcall[];
/* the section exists even if no initcall is linked in */
static int shim_no_initcall(void) { return 0; }
__shim_initcall(shim_no_initcall);

void shim_boot(int nr_cpus)
{
	const char *e;
	initcall_t *fn;

	sim_task_alloc_hook = shim_thread_task_alloc;
	sim_task_free_hook = shim_thread_task_free;
	sim_init(nr_cpus);
	/* x86: rqspinlock's test-and-set path, as in a guest without PV locks */
	e = sim_getenv("SHIM_VIRT_SPIN_LOCK");
	if (e && *e == '1')
		static_branch_enable(&virt_spin_lock_key);
	/* arm64: the spinning branch of the timed wait, no event stream */
	e = sim_getenv("SHIM_EVTSTRM");
	if (e && *e == '0')
		WRITE_ONCE(shim_arch_timer_evtstrm, false);
	for (fn = __start_shim_initcall; fn < __stop_shim_initcall; fn++)
		WARN_ON((*fn)());
	shim_kworker_start(nr_cpus);
}

/* Stop the kworker and end the boot task, so that nothing is left allocated. */
void shim_shutdown(void)
{
	shim_quiesce();
	shim_kworker_stop();
	sim_thread_exit();	/* the boot task: freed after a grace period */
	rcu_barrier();
	rcu_barrier_tasks_trace();
}

void shim_quiesce(void)
{
	int i;

	/*
	 * Work items may queue RCU callbacks and callbacks queue more
	 * callbacks (a Tasks Trace one chains a normal one) or work: go on
	 * until a round ends with none of either left.
	 */
	for (i = 0; i < 100; i++) {
		flush_workqueue(system_wq);
		rcu_barrier_tasks_trace();
		rcu_barrier();
		if (!sim_rcu_pending() && shim_workqueue_idle(system_wq))
			return;
	}
	WARN(1, "shim_quiesce: RCU callbacks or work still queued after %d rounds", i);
}
