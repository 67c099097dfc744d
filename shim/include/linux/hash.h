/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Forwarding header: the kernel's own include/linux/hash.h, but for
 * hash_ptr(), which hashes sim_obj_key(ptr): the address as in the kernel,
 * or, in explore runs, a key that does not depend on where malloc put the
 * object (sim/objkey.c), so that a seed replays the same buckets.
 */
#ifndef __SHIM_LINUX_HASH_H
#define __SHIM_LINUX_HASH_H

#define hash_ptr __kernel_hash_ptr
#include <include/linux/hash.h>
#undef hash_ptr
#include <shim/sim.h>

static inline u32 hash_ptr(const void *ptr, unsigned int bits)
{
	return hash_long(sim_obj_key(ptr), bits);
}

#endif /* __SHIM_LINUX_HASH_H */
