// SPDX-License-Identifier: GPL-2.0
/*
 * Lock-acquisition fault injection.  The patched storage code asks its test
 * call-out before taking a storage or bucket lock; the shim's call-out
 * (kern/variant.c) asks sim_fault_lock(site), and a non-zero answer is
 * returned as if the resilient lock had failed.  Sites are the values of
 * the series' enum bpf_ls_test_site; the simulator only counts and matches
 * them (names: kern/ls_sites.c).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>

#include "shim/sim.h"
#include "sim-internal.h"

#define MAX_SAVED	4

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
int sim_fault_armed;
static struct sim_fault_cfg cfg;
static long matched;
static atomic_ulong injected;
static atomic_ulong hits[SIM_FAULT_MAX_SITES];

static struct {
	struct sim_fault_cfg cfg;
	long matched;
	int armed;
} saved[MAX_SAVED];
static int nr_saved;

void sim_fault_set(const struct sim_fault_cfg *c)
{
	pthread_mutex_lock(&lock);
	cfg = *c;
	matched = 0;
	__atomic_store_n(&sim_fault_armed, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&lock);
}

void sim_fault_push(const struct sim_fault_cfg *c)
{
	pthread_mutex_lock(&lock);
	if (nr_saved == MAX_SAVED)
		sim_die("sim_fault_push: too deep");
	saved[nr_saved].cfg = cfg;
	saved[nr_saved].matched = matched;
	saved[nr_saved].armed = sim_fault_armed;
	nr_saved++;
	pthread_mutex_unlock(&lock);
	sim_fault_set(c);
}

void sim_fault_pop(void)
{
	pthread_mutex_lock(&lock);
	if (nr_saved) {
		nr_saved--;
		cfg = saved[nr_saved].cfg;
		matched = saved[nr_saved].matched;
		__atomic_store_n(&sim_fault_armed, saved[nr_saved].armed, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&lock);
}

void sim_fault_clear(void)
{
	__atomic_store_n(&sim_fault_armed, 0, __ATOMIC_RELEASE);
}

int sim_fault_lock(unsigned int site)
{
	int err = 0;

	if (site >= SIM_FAULT_MAX_SITES)
		sim_die("lock site %u out of range", site);
	atomic_fetch_add_explicit(&hits[site], 1, memory_order_relaxed);
	pthread_mutex_lock(&lock);
	if (sim_fault_armed && (cfg.sites & (1ULL << site))) {
		matched++;
		if (cfg.every || matched == cfg.nth)
			err = cfg.err;
	}
	pthread_mutex_unlock(&lock);
	if (err)
		atomic_fetch_add(&injected, 1);
	return err;
}

unsigned long sim_fault_site_hits(unsigned int site)
{
	return site < SIM_FAULT_MAX_SITES ? atomic_load(&hits[site]) : 0;
}

unsigned long sim_fault_injected(void)
{
	return atomic_load(&injected);
}
