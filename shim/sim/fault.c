// SPDX-License-Identifier: GPL-2.0
/*
 * Lock-acquisition fault injection.  The storage code's lock wrapper (or the
 * shim's override of it) asks sim_fault_lock(site) before acquiring; a
 * non-zero answer is returned as if the resilient lock had failed.
 *
 * Configuration: sim_fault_set() or the SHIM_FAULT environment variable,
 * "SITE:NTH:ERR" or "SITE:every:ERR" with ERR = EDEADLK | ETIMEDOUT and
 * SITE = a site name or "*".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim/sim.h"
#include "sim-internal.h"

#define MAX_SITES 32

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
int sim_fault_armed;
static struct sim_fault_cfg cfg;
static char site_buf[64];
static atomic_int active;
static long matched;
static atomic_ulong injected;
static struct {
	const char *name;
	atomic_ulong hits;
} sites[MAX_SITES];

static void count_site(const char *site)
{
	int i;

	for (i = 0; i < MAX_SITES; i++) {
		const char *n = __atomic_load_n(&sites[i].name, __ATOMIC_ACQUIRE);

		if (!n) {
			const char *expected = NULL;

			if (!__atomic_compare_exchange_n(&sites[i].name, &expected, site, 0,
							 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE) &&
			    strcmp(expected, site))
				continue;
			n = site;
		}
		if (!strcmp(n, site)) {
			atomic_fetch_add_explicit(&sites[i].hits, 1, memory_order_relaxed);
			return;
		}
	}
}

unsigned long sim_fault_site_hits(const char *site)
{
	int i;

	for (i = 0; i < MAX_SITES; i++) {
		const char *n = __atomic_load_n(&sites[i].name, __ATOMIC_ACQUIRE);

		if (n && !strcmp(n, site))
			return atomic_load(&sites[i].hits);
	}
	return 0;
}

void sim_fault_report(void)
{
	int i;

	for (i = 0; i < MAX_SITES; i++) {
		const char *n = __atomic_load_n(&sites[i].name, __ATOMIC_ACQUIRE);

		if (n)
			fprintf(stderr, "shim: site %s hits %lu\n", n, atomic_load(&sites[i].hits));
	}
}

void sim_fault_set(const struct sim_fault_cfg *c)
{
	pthread_mutex_lock(&lock);
	cfg = *c;
	if (c->site && strcmp(c->site, "*")) {
		if (c->site != site_buf)
			snprintf(site_buf, sizeof(site_buf), "%s", c->site);
		cfg.site = site_buf;
	} else {
		cfg.site = NULL;
	}
	matched = 0;
	atomic_store(&active, 1);
	__atomic_store_n(&sim_fault_armed, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&lock);
}

static struct {
	struct sim_fault_cfg cfg;
	char site[64];
	long matched;
	int active;
} saved[4];
static int nr_saved;

void sim_fault_push(const struct sim_fault_cfg *c)
{
	pthread_mutex_lock(&lock);
	if (nr_saved == 4)
		sim_die("sim_fault_push: too deep");
	saved[nr_saved].cfg = cfg;
	snprintf(saved[nr_saved].site, sizeof(saved[nr_saved].site), "%s", site_buf);
	saved[nr_saved].matched = matched;
	saved[nr_saved].active = atomic_load(&active);
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
		snprintf(site_buf, sizeof(site_buf), "%s", saved[nr_saved].site);
		if (cfg.site)
			cfg.site = site_buf;
		matched = saved[nr_saved].matched;
		atomic_store(&active, saved[nr_saved].active);
		__atomic_store_n(&sim_fault_armed, saved[nr_saved].active, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&lock);
}

void sim_fault_clear(void)
{
	atomic_store(&active, 0);
	__atomic_store_n(&sim_fault_armed, 0, __ATOMIC_RELEASE);
}

/* ---- named address ranges, lock-free lookup ---- */
#define MAX_RANGES 1024

static struct {
	const void *start;	/* NULL: free slot */
	const void *end;
	const char *site;
} ranges[MAX_RANGES];
static int nr_ranges;		/* high-water mark */
static pthread_mutex_t range_lock = PTHREAD_MUTEX_INITIALIZER;

void sim_fault_range_add(const void *start, unsigned long len, const char *site)
{
	int i;

	pthread_mutex_lock(&range_lock);
	for (i = 0; i < MAX_RANGES; i++) {
		if (!__atomic_load_n(&ranges[i].start, __ATOMIC_RELAXED)) {
			__atomic_store_n(&ranges[i].end, (const char *)start + len, __ATOMIC_RELAXED);
			__atomic_store_n(&ranges[i].site, site, __ATOMIC_RELAXED);
			__atomic_store_n(&ranges[i].start, start, __ATOMIC_RELEASE);
			if (i >= nr_ranges)
				__atomic_store_n(&nr_ranges, i + 1, __ATOMIC_RELEASE);
			break;
		}
	}
	pthread_mutex_unlock(&range_lock);
	if (i == MAX_RANGES)
		sim_die("too many named address ranges");
}

const char *sim_fault_range_site(const void *p)
{
	int i, n = __atomic_load_n(&nr_ranges, __ATOMIC_ACQUIRE);

	for (i = 0; i < n; i++) {
		const void *start = __atomic_load_n(&ranges[i].start, __ATOMIC_ACQUIRE);

		if (start && p >= start &&
		    p < __atomic_load_n(&ranges[i].end, __ATOMIC_RELAXED))
			return __atomic_load_n(&ranges[i].site, __ATOMIC_RELAXED);
	}
	return NULL;
}

void sim_fault_range_forget(const void *start)
{
	int i, n = __atomic_load_n(&nr_ranges, __ATOMIC_ACQUIRE);

	if (!n)
		return;
	pthread_mutex_lock(&range_lock);
	for (i = 0; i < n; i++)
		if (__atomic_load_n(&ranges[i].start, __ATOMIC_RELAXED) == start)
			__atomic_store_n(&ranges[i].start, NULL, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&range_lock);
}

/*
 * A configured site matches itself, and a lock kind matches every site of
 * that kind: "ls" matches "update_ls", "destroy_ls", ...; "b" the "*_b".
 */
static int site_matches(const char *want, const char *site)
{
	size_t wl, sl;

	if (!want || !strcmp(want, site))
		return 1;
	wl = strlen(want);
	sl = strlen(site);
	return sl > wl + 1 && site[sl - wl - 1] == '_' && !strcmp(site + sl - wl, want);
}

int sim_fault_lock(const char *site)
{
	int err = 0;

	count_site(site);
	if (!atomic_load_explicit(&active, memory_order_acquire))
		return 0;
	pthread_mutex_lock(&lock);
	if (site_matches(cfg.site, site)) {
		matched++;
		if (cfg.every || matched == cfg.nth)
			err = cfg.err;
	}
	pthread_mutex_unlock(&lock);
	if (err)
		atomic_fetch_add(&injected, 1);
	return err;
}

unsigned long sim_fault_injected(void)
{
	return atomic_load(&injected);
}

int sim_fault_parse(const char *spec, struct sim_fault_cfg *c)
{
	static char parsed_site[64];
	char buf[128], *site, *how, *err;

	snprintf(buf, sizeof(buf), "%s", spec);
	site = strtok(buf, ":");
	how = strtok(NULL, ":");
	err = strtok(NULL, ":");
	if (!site || !how || !err)
		return -1;
	memset(c, 0, sizeof(*c));
	snprintf(parsed_site, sizeof(parsed_site), "%s", site);
	c->site = parsed_site;
	if (!strcmp(how, "every"))
		c->every = 1;
	else
		c->nth = strtol(how, NULL, 0);
	if (!strcmp(err, "EDEADLK"))
		c->err = -EDEADLK;
	else if (!strcmp(err, "ETIMEDOUT"))
		c->err = -ETIMEDOUT;
	else
		return -1;
	return 0;
}
