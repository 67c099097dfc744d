/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/cpumask.h: CPUs 0..sim_nr_cpus-1, all online. */
#ifndef __LINUX_CPUMASK_H
#define __LINUX_CPUMASK_H

#include <shim/sim.h>

#define NR_CPUS			CONFIG_NR_CPUS
#define nr_cpu_ids		((unsigned int)sim_nr_cpus)
#define num_possible_cpus()	((unsigned int)sim_nr_cpus)
#define num_online_cpus()	((unsigned int)sim_nr_cpus)
#define cpu_online(cpu)		((unsigned int)(cpu) < (unsigned int)sim_nr_cpus)
#define cpu_possible(cpu)	cpu_online(cpu)

struct cpumask;
#define cpu_online_mask		((const struct cpumask *)0)
#define cpu_possible_mask	((const struct cpumask *)0)
#define cpumask_first(mask)	0U
#define cpumask_last(mask)	((unsigned int)sim_nr_cpus - 1)
#define cpumask_next(n, mask)	((unsigned int)(n) + 1)

#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < sim_nr_cpus; (cpu)++)
#define for_each_online_cpu(cpu)   for_each_possible_cpu(cpu)
#define for_each_present_cpu(cpu)  for_each_possible_cpu(cpu)

#endif /* __LINUX_CPUMASK_H */
