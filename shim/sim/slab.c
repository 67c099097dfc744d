// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc()/kfree() for the simulated kernel, after tools/testing/shared:
 * a live-object counter for leak checks between tests, and failure
 * injection (the nth allocation from now, or every allocation that cannot
 * sleep).  Objects of 64 bytes or more are cache-line aligned, so structures
 * with ____cacheline_aligned members are properly aligned (UBSan checks).
 * Use-after-free and double free are AddressSanitizer's job.
 */
#define _GNU_SOURCE
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "shim/sim.h"
#include "sim-internal.h"

static atomic_long outstanding;
static atomic_long fail_nth;
static atomic_int fail_atomic;
static atomic_ulong failed;

void *sim_kmalloc(unsigned long size, int zero, int cannot_sleep)
{
	long nth = atomic_load_explicit(&fail_nth, memory_order_relaxed);
	void *p;

	if (nth > 0 && atomic_fetch_sub(&fail_nth, 1) == 1)
		goto fail;
	if (cannot_sleep && atomic_load_explicit(&fail_atomic, memory_order_relaxed))
		goto fail;
	if (!size)
		return (void *)16;	/* ZERO_SIZE_PTR */
	if (size >= 64) {
		if (posix_memalign(&p, 64, size))
			p = NULL;
	} else {
		p = malloc(size);
	}
	if (!p)
		sim_die("host out of memory (%lu bytes)", size);
	if (zero)
		memset(p, 0, size);
	if (sim_objkey_on)
		sim_objkey_add(p);
	atomic_fetch_add_explicit(&outstanding, 1, memory_order_relaxed);
	return p;
fail:
	atomic_fetch_add(&failed, 1);
	return NULL;
}

void sim_kfree(const void *p)
{
	if ((unsigned long)p <= 16)
		return;
	atomic_fetch_sub_explicit(&outstanding, 1, memory_order_relaxed);
	if (sim_objkey_on)
		sim_objkey_del(p);
	free((void *)p);
}

void kfree(const void *p)
{
	sim_kfree(p);
}

void kvfree(const void *p)
{
	sim_kfree(p);
}

long sim_slab_outstanding(void)
{
	return atomic_load(&outstanding);
}

void sim_slab_fail_nth(long nth)
{
	atomic_store(&fail_nth, nth);
}

void sim_slab_fail_atomic(int on)
{
	atomic_store(&fail_atomic, on);
}

unsigned long sim_slab_failed(void)
{
	return atomic_load(&failed);
}
