// SPDX-License-Identifier: GPL-2.0
/*
 * Deterministic keys for pointer hashing (explore mode).
 *
 * The storage code picks a map bucket by hash_ptr() of the storage's
 * address.  Addresses come from the host's malloc and differ from run to
 * run and between processes, and the bucket decides how many empty buckets
 * map_free walks first, so how many scheduling points it passes: the same
 * seed would give another schedule.  While the explorer tracks allocations
 * (from a scenario's setup to its teardown), each object the shim's
 * kmalloc returns gets the number of its allocation in the run, and the
 * shim's hash_ptr() (include/linux/hash.h) hashes that number instead of
 * the address.  Allocation order is a function of the seed, so buckets
 * are too.  Objects stay ordinary malloc blocks: ASan and LSan see them as
 * before.  Pointers that are not the start of a tracked object (nor the
 * object of a bpf_mem_alloc unit, 64 bytes into one) hash by address.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>

#include "shim/sim.h"
#include "sim-internal.h"

#define OBJKEY_SLOTS	8192	/* power of 2; a run allocates far fewer */
#define OBJKEY_TOMB	((const void *)1)
#define MA_HDR		64	/* kern/memalloc.c: a unit's object follows it */

struct slot {
	const void *ptr;
	unsigned long key;
};

static struct slot slots[OBJKEY_SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long next_key;
int sim_objkey_on;

static unsigned long index_of(const void *p)
{
	return ((unsigned long)p >> 4) * 0x9e3779b97f4a7c15UL >> 51;	/* 13 bits */
}

void sim_objkey_start(void)
{
	pthread_mutex_lock(&lock);
	memset(slots, 0, sizeof(slots));
	next_key = 0;
	sim_objkey_on = 1;
	pthread_mutex_unlock(&lock);
}

void sim_objkey_stop(void)
{
	sim_objkey_on = 0;
}

void sim_objkey_add(const void *p)
{
	unsigned long i, n;

	pthread_mutex_lock(&lock);
	for (i = index_of(p), n = 0; n < OBJKEY_SLOTS; i = (i + 1) % OBJKEY_SLOTS, n++) {
		if (!slots[i].ptr || slots[i].ptr == OBJKEY_TOMB || slots[i].ptr == p) {
			slots[i].ptr = p;
			slots[i].key = ++next_key;
			break;
		}
	}
	pthread_mutex_unlock(&lock);
	if (n == OBJKEY_SLOTS)
		sim_die("explore: more than %d live objects in a run", OBJKEY_SLOTS);
}

static struct slot *find(const void *p)
{
	unsigned long i, n;

	for (i = index_of(p), n = 0; n < OBJKEY_SLOTS && slots[i].ptr;
	     i = (i + 1) % OBJKEY_SLOTS, n++)
		if (slots[i].ptr == p)
			return &slots[i];
	return NULL;
}

void sim_objkey_del(const void *p)
{
	struct slot *s;

	pthread_mutex_lock(&lock);
	s = find(p);
	if (s)
		s->ptr = OBJKEY_TOMB;
	pthread_mutex_unlock(&lock);
}

unsigned long sim_obj_key(const void *p)
{
	unsigned long key = (unsigned long)p;
	struct slot *s;

	if (!sim_objkey_on)
		return key;
	pthread_mutex_lock(&lock);
	s = find(p);
	if (!s)
		s = find((const char *)p - MA_HDR);
	if (s)
		key = s->key << 6;	/* like an address: low bits clear */
	pthread_mutex_unlock(&lock);
	return key;
}
