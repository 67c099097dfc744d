/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shim's ".config": the kernel options the simulated kernel is "built"
 * with.  Read by the kernel's own include/linux/kconfig.h (IS_ENABLED() etc.),
 * exactly as the generated file of a real build is.
 *
 * Only options that change the code compiled from the kernel sources are
 * listed.  Debug options (lockdep, PROVE_RCU, DEBUG_LIST) are off, as in a
 * production kernel; the shim has its own checks instead.
 */
#ifndef __SHIM_GENERATED_AUTOCONF_H
#define __SHIM_GENERATED_AUTOCONF_H

#if defined(__x86_64__)
#define CONFIG_X86 1
#define CONFIG_X86_64 1
/* x86: rqspinlock uses the test-and-set lock when virt_spin_lock_key is on */
#define CONFIG_PARAVIRT 1
#elif defined(__aarch64__)
#define CONFIG_ARM64 1
#else
#error "the shim models x86_64 and arm64 only"
#endif

#define CONFIG_64BIT 1
#define CONFIG_MMU 1
#define CONFIG_SMP 1
/* Upper bound of simulated CPUs; the number in use is set at run time. */
#define CONFIG_NR_CPUS 16
#define CONFIG_PREEMPTION 1
#define CONFIG_PREEMPT 1
#define CONFIG_PREEMPT_COUNT 1
#define CONFIG_PREEMPT_RCU 1
#define CONFIG_TREE_RCU 1
#define CONFIG_TASKS_TRACE_RCU 1
#define CONFIG_ARCH_USE_QUEUED_SPINLOCKS 1
#define CONFIG_QUEUED_SPINLOCKS 1

#define CONFIG_BPF 1
#define CONFIG_BPF_SYSCALL 1
#define CONFIG_BPF_JIT 1
#define CONFIG_BPF_LSM 1
#define CONFIG_BPF_EVENTS 1
#define CONFIG_CGROUPS 1
#define CONFIG_CGROUP_BPF 1
#define CONFIG_NET 1
#define CONFIG_INET 1
#define CONFIG_SECURITY 1

#define CONFIG_KUNIT 1
#define CONFIG_BPF_LOCAL_STORAGE_KUNIT_TEST 1
#define CONFIG_BPF_RQSPINLOCK_KUNIT_TEST 1

#define CONFIG_FUNCTION_ALIGNMENT 0
#define CONFIG_HZ 1000

#endif /* __SHIM_GENERATED_AUTOCONF_H */
