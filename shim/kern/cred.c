// SPDX-License-Identifier: GPL-2.0
/*
 * Capabilities: every task has all of them, unless a test drops some
 * (shim_caps_drop()) to see a permission check fail.
 */
#include <linux/kernel.h>
#include <linux/capability.h>

static u64 caps_dropped;

bool capable(int cap)
{
	return !(READ_ONCE(caps_dropped) & (1ULL << cap));
}

void shim_caps_drop(u64 mask)
{
	WRITE_ONCE(caps_dropped, mask);
}

void shim_caps_restore(void)
{
	WRITE_ONCE(caps_dropped, 0);
}
