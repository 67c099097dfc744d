// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU memory, the kernel's scheme: DEFINE_PER_CPU places a variable in
 * the "shim_percpu" section, each CPU gets a copy of the section at
 * __per_cpu_offset[cpu], and alloc_percpu() carves from the same units.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "shim/sim.h"
#include "sim-internal.h"

unsigned long __per_cpu_offset[SIM_MAX_CPUS];

/*
 * Per-CPU units: [static section copy | dynamic area], one unit per CPU,
 * at a fixed distance from each other so one offset per CPU serves both.
 */
#define SIM_PCPU_UNIT	(1UL << 20)
extern char __start_shim_percpu[], __stop_shim_percpu[];
static char *pcpu_base;
static unsigned long pcpu_dyn_next;
static pthread_mutex_t pcpu_lock = PTHREAD_MUTEX_INITIALIZER;

/* Make sure the section exists even if nothing else defines per-CPU data. */
static int sim_percpu_anchor __attribute__((section("shim_percpu"), used));

void sim_percpu_init(void)
{
	unsigned long size = __stop_shim_percpu - __start_shim_percpu;
	int cpu;

	if (size > SIM_PCPU_UNIT / 2)
		sim_die("per-CPU section too large: %lu", size);
	pcpu_base = mmap(NULL, SIM_PCPU_UNIT * SIM_MAX_CPUS, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pcpu_base == MAP_FAILED)
		sim_die("mmap per-CPU units: %s", strerror(errno));
	for (cpu = 0; cpu < SIM_MAX_CPUS; cpu++) {
		char *unit = pcpu_base + cpu * SIM_PCPU_UNIT;

		memcpy(unit, __start_shim_percpu, size);
		__per_cpu_offset[cpu] = (unsigned long)unit - (unsigned long)__start_shim_percpu;
	}
	pcpu_dyn_next = (size + 63) & ~63UL;
}

/*
 * Bump allocator, but a freed chunk is taken again by an allocation of the
 * same size and alignment: explore runs create and free maps (and their
 * bpf_mem_alloc caches) by the ten thousand.
 */
struct pcpu_chunk {
	unsigned long off, size;
	int free;
};
static struct pcpu_chunk *chunks;
static unsigned long nr_chunks, cap_chunks;

void *sim_alloc_percpu(unsigned long size, unsigned long align)
{
	unsigned long off, i;
	int cpu;

	if (align < 8)
		align = 8;
	pthread_mutex_lock(&pcpu_lock);
	for (i = 0; i < nr_chunks; i++) {
		if (chunks[i].free && chunks[i].size == size && !(chunks[i].off & (align - 1))) {
			chunks[i].free = 0;
			off = chunks[i].off;
			goto found;
		}
	}
	off = (pcpu_dyn_next + align - 1) & ~(align - 1);
	if (off + size > SIM_PCPU_UNIT) {
		pthread_mutex_unlock(&pcpu_lock);
		return NULL;
	}
	if (nr_chunks == cap_chunks) {
		cap_chunks = cap_chunks ? cap_chunks * 2 : 256;
		chunks = realloc(chunks, cap_chunks * sizeof(*chunks));
		if (!chunks)
			sim_die("out of memory for per-CPU chunks");
	}
	chunks[nr_chunks++] = (struct pcpu_chunk){ .off = off, .size = size };
	pcpu_dyn_next = off + size;
found:
	pthread_mutex_unlock(&pcpu_lock);
	for (cpu = 0; cpu < SIM_MAX_CPUS; cpu++)
		memset(pcpu_base + cpu * SIM_PCPU_UNIT + off, 0, size);
	/* the "canonical" address, only ever used through per_cpu_ptr() */
	return __start_shim_percpu + off;
}

void sim_free_percpu(void *p)
{
	unsigned long off = (char *)p - __start_shim_percpu, i;

	if (!p)
		return;
	pthread_mutex_lock(&pcpu_lock);
	for (i = 0; i < nr_chunks; i++) {
		if (chunks[i].off == off && !chunks[i].free) {
			chunks[i].free = 1;
			break;
		}
	}
	pthread_mutex_unlock(&pcpu_lock);
}
