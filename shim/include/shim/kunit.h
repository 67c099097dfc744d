/* SPDX-License-Identifier: GPL-2.0 */
/* The shim's KUnit runtime (kunit/): its parts, and its entry point. */
#ifndef __SHIM_KUNIT_H
#define __SHIM_KUNIT_H

#include <linux/types.h>

struct kunit_suite;
struct kunit_case;

/* kunit/filter.c: kunit.py's filter_glob, see there. */
int kunit_filter_parse(const char *spec);
bool kunit_filter_case(const struct kunit_suite *suite, const struct kunit_case *test_case);
size_t kunit_filter_count(const struct kunit_suite *suite);
/* A filter that selected no case (NULL: none). */
const char *kunit_filter_unused(void);

#endif /* __SHIM_KUNIT_H */
