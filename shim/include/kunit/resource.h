/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space KUnit: deferred actions (the 6.12 kunit/resource.h action API).
 * Actions run in reverse order of registration when the case ends, whether
 * it passed, failed an assertion or was skipped.
 */
#ifndef _KUNIT_RESOURCE_H
#define _KUNIT_RESOURCE_H

#include <linux/types.h>

struct kunit;

typedef void (kunit_action_t)(void *);

#define KUNIT_DEFINE_ACTION_WRAPPER(wrapper, orig, arg_type)	\
	static void wrapper(void *in)				\
	{							\
		arg_type arg = (arg_type)in;			\
		orig(arg);					\
	}

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx);
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action, void *ctx);
void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx);
void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx);

#endif /* _KUNIT_RESOURCE_H */
