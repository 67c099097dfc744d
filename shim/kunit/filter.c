// SPDX-License-Identifier: GPL-2.0
/*
 * Which suites and cases a run selects: kunit.py's filter_glob.
 *
 * A filter is "SUITE_GLOB" (every case of the suites it matches) or
 * "SUITE_GLOB.CASE_GLOB" (split at the first '.'), matched with the
 * kernel's own glob_match() (lib/glob.c) the way lib/kunit/executor.c
 * does, so "make FILTER=x" here and "make kunit-qemu FILTER=x" run the same
 * cases.  A shim extension: several filters separated by commas (no suite
 * or case name has one) select what any of them selects.
 *
 * Every filter must select at least one case: a filter that selects
 * nothing is a typo, and a run that tests nothing must not pass.
 *
 * Without a filter every suite runs but the benchmarks (names ending in
 * "_bench"): they assert only that nothing failed, take long, and need as
 * many host cores as threads to mean anything; make bench names them.
 */
#include <linux/kernel.h>
#include <linux/glob.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <shim/kunit.h>

#define FILTER_MAX	16
#define FILTER_LEN	128

struct filter {
	char suite[FILTER_LEN];
	char test[FILTER_LEN];		/* "" = every case */
	bool used;			/* selected a case */
};

static struct filter filters[FILTER_MAX];
static int nr_filters;

int kunit_filter_parse(const char *spec)
{
	nr_filters = 0;
	while (spec && *spec) {
		const char *end = strchrnul(spec, ',');
		const char *dot = memchr(spec, '.', end - spec);
		struct filter *f = &filters[nr_filters];
		size_t slen = (dot ? dot : end) - spec;
		size_t tlen = dot ? end - dot - 1 : 0;

		if (nr_filters == FILTER_MAX || slen >= FILTER_LEN || tlen >= FILTER_LEN ||
		    !slen)
			return -EINVAL;
		memcpy(f->suite, spec, slen);
		f->suite[slen] = 0;
		memcpy(f->test, dot ? dot + 1 : "", tlen);
		f->test[tlen] = 0;
		f->used = false;
		nr_filters++;
		spec = *end ? end + 1 : end;
	}
	return 0;
}

static bool is_bench(const char *name)
{
	size_t len = strlen(name);

	return len >= 6 && !strcmp(name + len - 6, "_bench");
}

bool kunit_filter_case(const struct kunit_suite *suite, const struct kunit_case *test_case)
{
	bool selected = false;
	int i;

	if (!nr_filters)
		return !is_bench(suite->name);
	for (i = 0; i < nr_filters; i++) {
		struct filter *f = &filters[i];

		if (glob_match(f->suite, suite->name) &&
		    (!f->test[0] || glob_match(f->test, test_case->name))) {
			f->used = true;
			selected = true;
		}
	}
	return selected;
}

size_t kunit_filter_count(const struct kunit_suite *suite)
{
	const struct kunit_case *test_case;
	size_t n = 0;

	kunit_suite_for_each_test_case(suite, test_case)
		n += kunit_filter_case(suite, test_case);
	return n;
}

const char *kunit_filter_unused(void)
{
	static char buf[2 * FILTER_LEN + 1];
	int i;

	for (i = 0; i < nr_filters; i++) {
		if (!filters[i].used) {
			scnprintf(buf, sizeof(buf), "%s%s%s", filters[i].suite,
				  filters[i].test[0] ? "." : "", filters[i].test);
			return buf;
		}
	}
	return NULL;
}
