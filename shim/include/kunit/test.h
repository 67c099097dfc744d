/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space KUnit: the 6.12 <kunit/test.h> API (cases, suites, parameters,
 * expectations/assertions, skips, logging, managed allocations and deferred
 * actions), run by kunit/kunit.c, which prints KTAP in the kernel's shape.
 *
 * As in the kernel, every test case runs in its own task (a simulated
 * thread, like KUnit's kthread), and a failed assertion ends that task:
 * here with a longjmp back to the case's entry, there with kthread_exit().
 * Deferred actions and managed allocations are released in both cases.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/module.h>
#include <kunit/resource.h>

#define KUNIT_STATUS_COMMENT_SIZE	256
#define KUNIT_PARAM_DESC_SIZE		128
#define KUNIT_SUBTEST_INDENT		"    "

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME	"shim"
#endif

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

enum kunit_speed {
	KUNIT_SPEED_UNSET,
	KUNIT_SPEED_VERY_SLOW,
	KUNIT_SPEED_SLOW,
	KUNIT_SPEED_NORMAL,
	KUNIT_SPEED_MAX = KUNIT_SPEED_NORMAL,
};

struct kunit_attributes {
	enum kunit_speed speed;
};

struct kunit;

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);
	struct kunit_attributes attr;

	/* private: internal use only. */
	enum kunit_status status;
	char *module_name;
};

static inline char *kunit_status_to_ok_not_ok(enum kunit_status status)
{
	return status == KUNIT_FAILURE ? "not ok" : "ok";
}

#define KUNIT_CASE(test_name)						\
		{ .run_case = test_name, .name = #test_name,		\
		  .module_name = KBUILD_MODNAME }
#define KUNIT_CASE_ATTR(test_name, attributes)				\
		{ .run_case = test_name, .name = #test_name,		\
		  .attr = attributes, .module_name = KBUILD_MODNAME }
#define KUNIT_CASE_SLOW(test_name)					\
		{ .run_case = test_name, .name = #test_name,		\
		  .attr.speed = KUNIT_SPEED_SLOW, .module_name = KBUILD_MODNAME }
#define KUNIT_CASE_PARAM(test_name, gen_params)				\
		{ .run_case = test_name, .name = #test_name,		\
		  .generate_params = gen_params, .module_name = KBUILD_MODNAME }
#define KUNIT_CASE_PARAM_ATTR(test_name, gen_params, attributes)	\
		{ .run_case = test_name, .name = #test_name,		\
		  .generate_params = gen_params,			\
		  .attr = attributes, .module_name = KBUILD_MODNAME }

struct kunit_suite {
	const char name[256];
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;
	struct kunit_attributes attr;

	/* private: internal use only */
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	int suite_init_err;
	bool is_init;
};

struct kunit {
	void *priv;

	/* private: internal use only. */
	const char *name;
	const void *param_value;
	int param_index;
	spinlock_t lock;
	enum kunit_status status;
	struct list_head resources;
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	void *shim_jmp;			/* where an assertion failure returns */
	struct list_head shim_expects;	/* warnings the case expects */
};

/* Suites are collected in a section, like .kunit_test_suites. */
#define kunit_test_suites(__suites...)					\
	static struct kunit_suite *__UNIQUE_ID(shim_kunit_suites)[]	\
	__used __attribute__((section("shim_kunit_suites"), aligned(sizeof(void *)))) = \
		{ __suites }
#define kunit_test_suite(suite)		kunit_test_suites(&suite)
#define kunit_test_init_section_suites(__suites...) kunit_test_suites(__suites)
#define kunit_test_init_section_suite(suite) kunit_test_suites(&suite)

#define kunit_suite_for_each_test_case(suite, test_case)		\
	for (test_case = suite->test_cases; test_case->run_case; test_case++)

/* ---- runtime entry points (kunit/kunit.c) ---- */
void __printf(2, 3) kunit_log_line(struct kunit *test, const char *fmt, ...);
void __printf(3, 4) kunit_set_failure_msg(struct kunit *test, const char *file_line,
					   const char *fmt, ...);
void __noreturn kunit_abort(struct kunit *test);
void __printf(2, 3) __kunit_mark_skipped(struct kunit *test, const char *fmt, ...);
struct kunit *kunit_get_current_test(void);
void __kunit_fail_current_test(const char *file, int line, const char *fmt, ...);
int kunit_run_all(const char *filter);
/*
 * SHIM-ONLY: the case expects a WARN*() hit in @file (path suffix) with the
 * condition text @cond before it ends, on any task; see kunit/kunit.c.
 */
int kunit_shim_expect_warning(struct kunit *test, const char *file, const char *cond);
/* Arms what kunit/expected.c lists for this suite, case and parameter. */
void kunit_shim_expect_known(struct kunit *test, const char *suite,
			     const char *test_case, const char *param);

#define kunit_printk(lvl, test, fmt, ...)				\
	kunit_log_line(test, KUNIT_SUBTEST_INDENT "# %s: " fmt,		\
		       (test)->name, ##__VA_ARGS__)
#define kunit_info(test, fmt, ...)	kunit_printk(KERN_INFO, test, fmt, ##__VA_ARGS__)
#define kunit_warn(test, fmt, ...)	kunit_printk(KERN_WARNING, test, fmt, ##__VA_ARGS__)
#define kunit_err(test, fmt, ...)	kunit_printk(KERN_ERR, test, fmt, ##__VA_ARGS__)
#define kunit_log(lvl, test_or_suite, fmt, ...)				\
	kunit_log_line(NULL, fmt, ##__VA_ARGS__)

#define kunit_mark_skipped(test, fmt, ...)				\
	__kunit_mark_skipped(test, fmt, ##__VA_ARGS__)
#define kunit_skip(test, fmt, ...)					\
	do {								\
		kunit_mark_skipped(test, fmt, ##__VA_ARGS__);		\
		kunit_abort(test);					\
	} while (0)

#define kunit_fail_current_test(fmt, ...)				\
	__kunit_fail_current_test(__FILE__, __LINE__, fmt, ##__VA_ARGS__)

/* ---- managed memory ---- */
void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp);
void kunit_kfree(struct kunit *test, const void *ptr);

static inline void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, 1, size, gfp);
}

static inline void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc(test, size, gfp | __GFP_ZERO);
}

static inline void *kunit_kcalloc(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, n, size, gfp | __GFP_ZERO);
}

/* ---- expectations and assertions ---- */
#define __KUNIT_FILE_LINE	__FILE__ ":" __stringify(__LINE__)

#define __KUNIT_END(test, assert)					\
	do {								\
		if (assert)						\
			kunit_abort(test);				\
	} while (0)

#define __KUNIT_FAIL(test, assert, fmt, ...)				\
	do {								\
		kunit_set_failure_msg(test, __KUNIT_FILE_LINE,		\
				      fmt, ##__VA_ARGS__);		\
		__KUNIT_END(test, assert);				\
	} while (0)

#define __KUNIT_TRUE(test, assert, kind, cond, expect, fmt, ...)	\
	do {								\
		bool __cond = !!(cond);					\
		if (__cond != (expect)) {				\
			kunit_set_failure_msg(test, __KUNIT_FILE_LINE,	\
				"%s FAILED at %s\n" KUNIT_SUBTEST_INDENT \
				"Expected %s to be %s" fmt "%s",	\
				kind, __KUNIT_FILE_LINE, #cond,		\
				(expect) ? "true" : "false",		\
				##__VA_ARGS__, "");			\
			__KUNIT_END(test, assert);			\
		}							\
	} while (0)

#define __KUNIT_BINARY(test, assert, kind, left, op, right, fmt, ...)	\
	do {								\
		const typeof(left) __left = (left);			\
		const typeof(right) __right = (right);			\
		if (!(__left op __right)) {				\
			kunit_set_failure_msg(test, __KUNIT_FILE_LINE,	\
				"%s FAILED at %s\n" KUNIT_SUBTEST_INDENT \
				"Expected %s %s %s, but\n"		\
				KUNIT_SUBTEST_INDENT "    %s == %lld (%#llx)\n" \
				KUNIT_SUBTEST_INDENT "    %s == %lld (%#llx)" fmt "%s", \
				kind, __KUNIT_FILE_LINE, #left, #op, #right, \
				#left, (long long)__left, (long long)__left, \
				#right, (long long)__right, (long long)__right, \
				##__VA_ARGS__, "");			\
			__KUNIT_END(test, assert);			\
		}							\
	} while (0)

#define __KUNIT_PTR(test, assert, kind, left, op, right, fmt, ...)	\
	do {								\
		/* typeof() as in the kernel: an array operand fails */ \
		const typeof(left) __left = (left);			\
		const typeof(right) __right = (right);			\
		if (!(__left op __right)) {				\
			kunit_set_failure_msg(test, __KUNIT_FILE_LINE,	\
				"%s FAILED at %s\n" KUNIT_SUBTEST_INDENT \
				"Expected %s %s %s, but\n"		\
				KUNIT_SUBTEST_INDENT "    %s == %p\n"	\
				KUNIT_SUBTEST_INDENT "    %s == %p" fmt "%s", \
				kind, __KUNIT_FILE_LINE, #left, #op, #right, \
				#left, (const void *)__left,		\
				#right, (const void *)__right,		\
				##__VA_ARGS__, "");			\
			__KUNIT_END(test, assert);			\
		}							\
	} while (0)

#define __KUNIT_STR(test, assert, kind, left, op, right, fmt, ...)	\
	do {								\
		const char *__left = (left);				\
		const char *__right = (right);				\
		if (!(strcmp(__left, __right) op 0)) {			\
			kunit_set_failure_msg(test, __KUNIT_FILE_LINE,	\
				"%s FAILED at %s\n" KUNIT_SUBTEST_INDENT \
				"Expected %s %s %s, but\n"		\
				KUNIT_SUBTEST_INDENT "    %s == \"%s\"\n" \
				KUNIT_SUBTEST_INDENT "    %s == \"%s\"" fmt "%s", \
				kind, __KUNIT_FILE_LINE, #left, #op, #right, \
				#left, (const void *)__left,		\
				#right, (const void *)__right,		\
				##__VA_ARGS__, "");			\
			__KUNIT_END(test, assert);			\
		}							\
	} while (0)

#define __KUNIT_MEM(test, assert, kind, left, op, right, size, fmt, ...) \
	do {								\
		const void *__left = (left);				\
		const void *__right = (right);				\
		if (!(memcmp(__left, __right, size) op 0)) {		\
			kunit_set_failure_msg(test, __KUNIT_FILE_LINE,	\
				"%s FAILED at %s\n" KUNIT_SUBTEST_INDENT \
				"Expected %s %s %s (%zu bytes)" fmt "%s", \
				kind, __KUNIT_FILE_LINE, #left, #op, #right, \
				(size_t)(size), ##__VA_ARGS__, "");	\
			__KUNIT_END(test, assert);			\
		}							\
	} while (0)

#define __KUNIT_ERR_OR_NULL(test, assert, kind, ptr, fmt, ...)	\
	do {								\
		const void *__ptr = (ptr);				\
		if (IS_ERR_OR_NULL(__ptr)) {				\
			kunit_set_failure_msg(test, __KUNIT_FILE_LINE,	\
				"%s FAILED at %s\n" KUNIT_SUBTEST_INDENT \
				"Expected %s is not error, but is: %ld" fmt "%s", \
				kind, __KUNIT_FILE_LINE, #ptr,		\
				__ptr ? PTR_ERR(__ptr) : 0L,		\
				##__VA_ARGS__, "");			\
			__KUNIT_END(test, assert);			\
		}							\
	} while (0)

#define __KE	"EXPECTATION"
#define __KA	"ASSERTION"
#define __KMSG(fmt)	"\n" KUNIT_SUBTEST_INDENT fmt

#define KUNIT_FAIL(test, fmt, ...)					\
	kunit_set_failure_msg(test, __KUNIT_FILE_LINE, "EXPECTATION FAILED at %s\n" \
			      KUNIT_SUBTEST_INDENT fmt, __KUNIT_FILE_LINE, ##__VA_ARGS__)
#define KUNIT_FAIL_AND_ABORT(test, fmt, ...)				\
	do { KUNIT_FAIL(test, fmt, ##__VA_ARGS__); kunit_abort(test); } while (0)
#define KUNIT_SUCCEED(test)	do { } while (0)

#define KUNIT_EXPECT_TRUE(t, c)		__KUNIT_TRUE(t, 0, __KE, c, 1, "")
#define KUNIT_EXPECT_FALSE(t, c)	__KUNIT_TRUE(t, 0, __KE, c, 0, "")
#define KUNIT_ASSERT_TRUE(t, c)		__KUNIT_TRUE(t, 1, __KA, c, 1, "")
#define KUNIT_ASSERT_FALSE(t, c)	__KUNIT_TRUE(t, 1, __KA, c, 0, "")
#define KUNIT_EXPECT_TRUE_MSG(t, c, f, ...)  __KUNIT_TRUE(t, 0, __KE, c, 1, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_FALSE_MSG(t, c, f, ...) __KUNIT_TRUE(t, 0, __KE, c, 0, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_TRUE_MSG(t, c, f, ...)  __KUNIT_TRUE(t, 1, __KA, c, 1, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE_MSG(t, c, f, ...) __KUNIT_TRUE(t, 1, __KA, c, 0, __KMSG(f), ##__VA_ARGS__)

#define KUNIT_EXPECT_EQ(t, l, r)	__KUNIT_BINARY(t, 0, __KE, l, ==, r, "")
#define KUNIT_EXPECT_NE(t, l, r)	__KUNIT_BINARY(t, 0, __KE, l, !=, r, "")
#define KUNIT_EXPECT_LT(t, l, r)	__KUNIT_BINARY(t, 0, __KE, l, <, r, "")
#define KUNIT_EXPECT_LE(t, l, r)	__KUNIT_BINARY(t, 0, __KE, l, <=, r, "")
#define KUNIT_EXPECT_GT(t, l, r)	__KUNIT_BINARY(t, 0, __KE, l, >, r, "")
#define KUNIT_EXPECT_GE(t, l, r)	__KUNIT_BINARY(t, 0, __KE, l, >=, r, "")
#define KUNIT_ASSERT_EQ(t, l, r)	__KUNIT_BINARY(t, 1, __KA, l, ==, r, "")
#define KUNIT_ASSERT_NE(t, l, r)	__KUNIT_BINARY(t, 1, __KA, l, !=, r, "")
#define KUNIT_ASSERT_LT(t, l, r)	__KUNIT_BINARY(t, 1, __KA, l, <, r, "")
#define KUNIT_ASSERT_LE(t, l, r)	__KUNIT_BINARY(t, 1, __KA, l, <=, r, "")
#define KUNIT_ASSERT_GT(t, l, r)	__KUNIT_BINARY(t, 1, __KA, l, >, r, "")
#define KUNIT_ASSERT_GE(t, l, r)	__KUNIT_BINARY(t, 1, __KA, l, >=, r, "")
#define KUNIT_EXPECT_EQ_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 0, __KE, l, ==, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_NE_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 0, __KE, l, !=, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_LT_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 0, __KE, l, <, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_LE_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 0, __KE, l, <=, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_GT_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 0, __KE, l, >, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_GE_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 0, __KE, l, >=, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_EQ_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 1, __KA, l, ==, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_NE_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 1, __KA, l, !=, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_LT_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 1, __KA, l, <, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_LE_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 1, __KA, l, <=, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_GT_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 1, __KA, l, >, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_GE_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, 1, __KA, l, >=, r, __KMSG(f), ##__VA_ARGS__)

#define KUNIT_EXPECT_PTR_EQ(t, l, r)	__KUNIT_PTR(t, 0, __KE, l, ==, r, "")
#define KUNIT_EXPECT_PTR_NE(t, l, r)	__KUNIT_PTR(t, 0, __KE, l, !=, r, "")
#define KUNIT_ASSERT_PTR_EQ(t, l, r)	__KUNIT_PTR(t, 1, __KA, l, ==, r, "")
#define KUNIT_ASSERT_PTR_NE(t, l, r)	__KUNIT_PTR(t, 1, __KA, l, !=, r, "")
#define KUNIT_EXPECT_PTR_EQ_MSG(t, l, r, f, ...) __KUNIT_PTR(t, 0, __KE, l, ==, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_NE_MSG(t, l, r, f, ...) __KUNIT_PTR(t, 0, __KE, l, !=, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_EQ_MSG(t, l, r, f, ...) __KUNIT_PTR(t, 1, __KA, l, ==, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_NE_MSG(t, l, r, f, ...) __KUNIT_PTR(t, 1, __KA, l, !=, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_NULL(t, p)		__KUNIT_PTR(t, 0, __KE, p, ==, NULL, "")
#define KUNIT_EXPECT_NOT_NULL(t, p)	__KUNIT_PTR(t, 0, __KE, p, !=, NULL, "")
#define KUNIT_ASSERT_NULL(t, p)		__KUNIT_PTR(t, 1, __KA, p, ==, NULL, "")
#define KUNIT_ASSERT_NOT_NULL(t, p)	__KUNIT_PTR(t, 1, __KA, p, !=, NULL, "")
#define KUNIT_EXPECT_NULL_MSG(t, p, f, ...)	__KUNIT_PTR(t, 0, __KE, p, ==, NULL, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL_MSG(t, p, f, ...)	__KUNIT_PTR(t, 0, __KE, p, !=, NULL, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_NULL_MSG(t, p, f, ...)	__KUNIT_PTR(t, 1, __KA, p, ==, NULL, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL_MSG(t, p, f, ...)	__KUNIT_PTR(t, 1, __KA, p, !=, NULL, __KMSG(f), ##__VA_ARGS__)

#define KUNIT_EXPECT_STREQ(t, l, r)	__KUNIT_STR(t, 0, __KE, l, ==, r, "")
#define KUNIT_EXPECT_STRNEQ(t, l, r)	__KUNIT_STR(t, 0, __KE, l, !=, r, "")
#define KUNIT_ASSERT_STREQ(t, l, r)	__KUNIT_STR(t, 1, __KA, l, ==, r, "")
#define KUNIT_ASSERT_STRNEQ(t, l, r)	__KUNIT_STR(t, 1, __KA, l, !=, r, "")
#define KUNIT_EXPECT_STREQ_MSG(t, l, r, f, ...)	__KUNIT_STR(t, 0, __KE, l, ==, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_STRNEQ_MSG(t, l, r, f, ...) __KUNIT_STR(t, 0, __KE, l, !=, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_STREQ_MSG(t, l, r, f, ...)	__KUNIT_STR(t, 1, __KA, l, ==, r, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_STRNEQ_MSG(t, l, r, f, ...) __KUNIT_STR(t, 1, __KA, l, !=, r, __KMSG(f), ##__VA_ARGS__)

#define KUNIT_EXPECT_MEMEQ(t, l, r, n)	__KUNIT_MEM(t, 0, __KE, l, ==, r, n, "")
#define KUNIT_EXPECT_MEMNEQ(t, l, r, n)	__KUNIT_MEM(t, 0, __KE, l, !=, r, n, "")
#define KUNIT_ASSERT_MEMEQ(t, l, r, n)	__KUNIT_MEM(t, 1, __KA, l, ==, r, n, "")
#define KUNIT_ASSERT_MEMNEQ(t, l, r, n)	__KUNIT_MEM(t, 1, __KA, l, !=, r, n, "")
#define KUNIT_EXPECT_MEMEQ_MSG(t, l, r, n, f, ...)  __KUNIT_MEM(t, 0, __KE, l, ==, r, n, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_EXPECT_MEMNEQ_MSG(t, l, r, n, f, ...) __KUNIT_MEM(t, 0, __KE, l, !=, r, n, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMEQ_MSG(t, l, r, n, f, ...)  __KUNIT_MEM(t, 1, __KA, l, ==, r, n, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMNEQ_MSG(t, l, r, n, f, ...) __KUNIT_MEM(t, 1, __KA, l, !=, r, n, __KMSG(f), ##__VA_ARGS__)

#define KUNIT_EXPECT_NOT_ERR_OR_NULL(t, p)	__KUNIT_ERR_OR_NULL(t, 0, __KE, p, "")
#define KUNIT_ASSERT_NOT_ERR_OR_NULL(t, p)	__KUNIT_ERR_OR_NULL(t, 1, __KA, p, "")
#define KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(t, p, f, ...) __KUNIT_ERR_OR_NULL(t, 0, __KE, p, __KMSG(f), ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(t, p, f, ...) __KUNIT_ERR_OR_NULL(t, 1, __KA, p, __KMSG(f), ##__VA_ARGS__)

/* ---- parameter generators, 6.12 signature (prev, desc) ---- */
#define KUNIT_ARRAY_PARAM(name, array, get_desc)				\
	static const void *name##_gen_params(const void *prev, char *desc)	\
	{									\
		typeof((array)[0]) *__next = prev ? ((typeof(__next)) prev) + 1 : (array); \
		if (__next - (array) < ARRAY_SIZE((array))) {			\
			void (*__get_desc)(typeof(__next), char *) = get_desc;	\
			if (__get_desc)						\
				__get_desc(__next, desc);			\
			return __next;						\
		}								\
		return NULL;							\
	}

#define KUNIT_ARRAY_PARAM_DESC(name, array, desc_member)			\
	static const void *name##_gen_params(const void *prev, char *desc)	\
	{									\
		typeof((array)[0]) *__next = prev ? ((typeof(__next)) prev) + 1 : (array); \
		if (__next - (array) < ARRAY_SIZE((array))) {			\
			strscpy(desc, __next->desc_member, KUNIT_PARAM_DESC_SIZE); \
			return __next;						\
		}								\
		return NULL;							\
	}

#endif /* _KUNIT_TEST_H */
