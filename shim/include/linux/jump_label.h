/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/jump_label.h: static keys are plain booleans,
 * so a test can flip one at run time (e.g. virt_spin_lock_key, to run the
 * rqspinlock test-and-set path of x86 paravirt guests).
 */
#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H

#include <linux/types.h>
#include <linux/compiler.h>

struct static_key {
	int enabled;
};
struct static_key_true {
	struct static_key key;
};
struct static_key_false {
	struct static_key key;
};

#define DEFINE_STATIC_KEY_TRUE(name)	struct static_key_true name = { { 1 } }
#define DEFINE_STATIC_KEY_FALSE(name)	struct static_key_false name = { { 0 } }
#define DECLARE_STATIC_KEY_TRUE(name)	extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name)	extern struct static_key_false name

#define static_key_enabled(x)		READ_ONCE((x)->key.enabled)
#define static_branch_likely(x)		likely(static_key_enabled(x))
#define static_branch_unlikely(x)	unlikely(static_key_enabled(x))
#define static_branch_enable(x)		WRITE_ONCE((x)->key.enabled, 1)
#define static_branch_disable(x)	WRITE_ONCE((x)->key.enabled, 0)

#endif /* _LINUX_JUMP_LABEL_H */
