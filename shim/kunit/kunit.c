// SPDX-License-Identifier: GPL-2.0
/*
 * User-space KUnit runtime: runs every suite found in the "shim_kunit_suites"
 * section and prints KTAP the way lib/kunit/test.c does in 6.12, so that
 * tools/testing/kunit/kunit.py parse reads it:
 *
 *   KTAP version 1
 *   1..<suites>
 *       KTAP version 1
 *       # Subtest: <suite>
 *       1..<cases>
 *       ok 1 <case>                      (not ok / # SKIP <reason>)
 *           KTAP version 1               (parameterised case)
 *           # Subtest: <case>
 *           ok 1 <param description>
 *       # <case>: pass:P fail:F skip:S total:T
 *       ok 2 <case>
 *   # <suite>: pass:P fail:F skip:S total:T
 *   # Totals: pass:P fail:F skip:S total:T
 *   ok 1 <suite>
 *
 * Each run of a case is a fresh task (simulated thread) on CPU 0, as KUnit
 * runs each case in a kthread; suite->init and ->exit run in it too.
 * A case that does not finish within SHIM_KUNIT_TIMEOUT seconds (default
 * 300, KUnit's own) is reported as failed and the run ends.
 *
 * Warnings (SHIM-ONLY, KUnit 6.12 has no such check): a WARN*() hit while a
 * case runs, on any task, fails the case unless the case expects it: the
 * table in kunit/expected.c for cases of the series' suites, or
 * kunit_shim_expect_warning() in the shim's own.  An expected warning that
 * did not happen by the end of the case fails it too.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <kunit/resource.h>
#include <shim/kunit.h>
#include <shim/sim.h>

extern struct kunit_suite *__start_shim_kunit_suites[];
extern struct kunit_suite *__stop_shim_kunit_suites[];
/* the section exists even without any suite */
static struct kunit_suite *__shim_no_suite[0]
	__used __attribute__((section("shim_kunit_suites"), aligned(sizeof(void *))));

struct kunit_result_stats {
	unsigned long passed, skipped, failed, total;
};

struct kunit_action_entry {
	struct list_head node;
	kunit_action_t *action;
	void *ctx;
};

struct kunit_expect_entry {
	struct list_head node;
	struct sim_warn_expect warn;
};

/* The case being run: cases run one at a time. */
static struct kunit *running_test;

void kunit_log_line(struct kunit *test, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = sim_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0 && buf[strlen(buf) - 1] == '\n')
		buf[strlen(buf) - 1] = 0;
	sim_printf("%s\n", buf);
}

static void kunit_set_failure(struct kunit *test)
{
	WRITE_ONCE(test->status, KUNIT_FAILURE);
}

void kunit_set_failure_msg(struct kunit *test, const char *file_line, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	sim_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	kunit_log_line(test, KUNIT_SUBTEST_INDENT "# %s: %s", test->name, buf);
	kunit_set_failure(test);
}

void kunit_abort(struct kunit *test)
{
	sim_throw();
}

void __kunit_mark_skipped(struct kunit *test, const char *fmt, ...)
{
	va_list ap;

	WRITE_ONCE(test->status, KUNIT_SKIPPED);
	va_start(ap, fmt);
	sim_vsnprintf(test->status_comment, KUNIT_STATUS_COMMENT_SIZE, fmt, ap);
	va_end(ap);
}

struct kunit *kunit_get_current_test(void)
{
	return sim_ctx.kunit_test;
}

void __kunit_fail_current_test(const char *file, int line, const char *fmt, ...)
{
	struct kunit *test = kunit_get_current_test();
	char buf[512];
	va_list ap;

	if (!test)
		return;
	va_start(ap, fmt);
	sim_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	kunit_log_line(test, KUNIT_SUBTEST_INDENT "# %s: %s:%d: %s", test->name, file, line, buf);
	kunit_set_failure(test);
}

/* ---- deferred actions and managed memory ---- */

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_action_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);
	unsigned long flags;

	if (!e)
		return -ENOMEM;
	e->action = action;
	e->ctx = ctx;
	spin_lock_irqsave(&test->lock, flags);
	list_add(&e->node, &test->resources);
	spin_unlock_irqrestore(&test->lock, flags);
	return 0;
}

int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action, void *ctx)
{
	int err = kunit_add_action(test, action, ctx);

	if (err)
		action(ctx);
	return err;
}

static struct kunit_action_entry *find_action(struct kunit *test, kunit_action_t *action,
					      void *ctx)
{
	struct kunit_action_entry *e, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&test->lock, flags);
	list_for_each_entry(e, &test->resources, node) {
		if (e->action == action && e->ctx == ctx) {
			list_del(&e->node);
			found = e;
			break;
		}
	}
	spin_unlock_irqrestore(&test->lock, flags);
	return found;
}

void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	kfree(find_action(test, action, ctx));
}

void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_action_entry *e = find_action(test, action, ctx);

	if (e) {
		e->action(e->ctx);
		kfree(e);
	}
}

static void kunit_cleanup(struct kunit *test)
{
	for (;;) {
		struct kunit_action_entry *e = NULL;
		unsigned long flags;

		spin_lock_irqsave(&test->lock, flags);
		if (!list_empty(&test->resources)) {
			e = list_first_entry(&test->resources, struct kunit_action_entry, node);
			list_del(&e->node);
		}
		spin_unlock_irqrestore(&test->lock, flags);
		if (!e)
			break;
		e->action(e->ctx);
		kfree(e);
	}
}

static void kfree_action(void *p)
{
	kfree(p);
}

void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	void *p = kmalloc_array(n, size, gfp);

	if (p && kunit_add_action_or_reset(test, kfree_action, p))
		return NULL;
	return p;
}

void kunit_kfree(struct kunit *test, const void *ptr)
{
	if (ptr)
		kunit_release_action(test, kfree_action, (void *)ptr);
}

/* ---- expected warnings ---- */

int kunit_shim_expect_warning(struct kunit *test, const char *file, const char *cond)
{
	struct kunit_expect_entry *e = kzalloc(sizeof(*e), GFP_KERNEL);

	if (!e)
		return -ENOMEM;
	e->warn.file = file;
	e->warn.cond = cond;
	list_add_tail(&e->node, &test->shim_expects);
	sim_warn_expect_arm(&e->warn);
	return 0;
}

/* At the end of the case: every expected warning must have happened. */
static void check_expected_warnings(struct kunit *test)
{
	struct kunit_expect_entry *e, *tmp;

	list_for_each_entry_safe(e, tmp, &test->shim_expects, node) {
		sim_warn_expect_disarm(&e->warn);
		if (!READ_ONCE(e->warn.hits)) {
			kunit_log_line(test, KUNIT_SUBTEST_INDENT
				       "# %s: expected WARNING in %s: %s did not happen",
				       test->name, e->warn.file, e->warn.cond);
			kunit_set_failure(test);
		}
		list_del(&e->node);
		kfree(e);
	}
}

static void warn_hook(const char *file, int line, const char *cond, int expected)
{
	struct kunit *test = kunit_get_current_test() ?: READ_ONCE(running_test);

	if (!test)
		return;
	kunit_log_line(test, KUNIT_SUBTEST_INDENT "# %s: %s WARNING at %s:%d: %s",
		       test->name, expected ? "expected" : "unexpected", file, line, cond);
	if (!expected)
		kunit_set_failure(test);
}

/* ---- running cases ---- */

struct case_run {
	struct kunit_suite *suite;
	struct kunit_case *test_case;
	struct kunit *test;
	const char *desc;		/* of the parameter, or NULL */
};

static void run_case_body(void *arg)
{
	struct case_run *r = arg;

	r->test_case->run_case(r->test);
}

static void run_exit(void *arg)
{
	struct case_run *r = arg;

	r->suite->exit(r->test);
}

static void reset_ctx_after_abort(struct kunit *test)
{
	if (sim_ctx.preempt_count || sim_ctx.irqs_off || sim_ctx.rcu_depth ||
	    sim_ctx.rcu_trace_depth) {
		kunit_log_line(test, KUNIT_SUBTEST_INDENT
			       "# %s: case ended in atomic context (preempt_count %#x irqs_off %d rcu %d/%d)",
			       test->name, sim_ctx.preempt_count, sim_ctx.irqs_off,
			       sim_ctx.rcu_depth, sim_ctx.rcu_trace_depth);
		kunit_set_failure(test);
		while (sim_ctx.rcu_depth)
			sim_rcu_read_unlock();
		while (sim_ctx.rcu_trace_depth)
			sim_rcu_read_unlock_trace();
		sim_ctx.preempt_count = 0;
		sim_ctx.irqs_off = 0;
		if (sim_ctx.occupied)
			sim_cpu_release();
	}
}

static void *case_thread(void *arg)
{
	struct case_run *r = arg;
	struct kunit *test = r->test;

	sim_ctx.kunit_test = test;
	kunit_shim_expect_known(test, r->suite->name, r->test_case->name, r->desc);
	if (r->suite->init) {
		int err = r->suite->init(test);

		if (err) {
			kunit_log_line(test, KUNIT_SUBTEST_INDENT "# %s: failed to initialize: %d",
				       test->name, err);
			kunit_set_failure(test);
		}
	}
	if (READ_ONCE(test->status) != KUNIT_FAILURE) {
		sim_try(run_case_body, r);
		reset_ctx_after_abort(test);
	}
	if (r->suite->exit) {
		sim_try(run_exit, r);
		reset_ctx_after_abort(test);
	}
	kunit_cleanup(test);
	check_expected_warnings(test);
	sim_ctx.kunit_test = NULL;
	return NULL;
}

static unsigned long long case_timeout_ns(void)
{
	const char *s = sim_getenv("SHIM_KUNIT_TIMEOUT");
	unsigned long long secs = 300;

	if (s && *s) {
		secs = 0;
		while (*s >= '0' && *s <= '9')
			secs = secs * 10 + (*s++ - '0');
	}
	return secs * 1000000000ULL;
}

static void run_one(struct kunit_suite *suite, struct kunit_case *test_case,
		    struct kunit *test, const char *desc)
{
	struct case_run r = {
		.suite = suite, .test_case = test_case, .test = test, .desc = desc,
	};
	struct sim_thread t;
	int timed_out;

	WRITE_ONCE(running_test, test);
	if (sim_thread_start(&t, 0, case_thread, &r))
		BUG();
	timed_out = sim_thread_join_timeout(&t, case_timeout_ns());
	WRITE_ONCE(running_test, NULL);
	if (timed_out) {
		kunit_log_line(test, KUNIT_SUBTEST_INDENT "# %s: try timed out", test->name);
		kunit_log_line(NULL, KUNIT_SUBTEST_INDENT "not ok %d %s # TIMEOUT",
			       1, test_case->name);
		sim_flush();
		sim_bug(__FILE__, __LINE__, "KUnit case timed out");
	}
}

static void init_test(struct kunit *test, const char *name)
{
	memset(test, 0, sizeof(*test));
	test->name = name;
	spin_lock_init(&test->lock);
	INIT_LIST_HEAD(&test->resources);
	INIT_LIST_HEAD(&test->shim_expects);
	test->status = KUNIT_SUCCESS;
}

static void update_stats(struct kunit_result_stats *stats, enum kunit_status status)
{
	if (status == KUNIT_SUCCESS)
		stats->passed++;
	else if (status == KUNIT_SKIPPED)
		stats->skipped++;
	else
		stats->failed++;
	stats->total++;
}

static void print_ok(int indent, enum kunit_status status, size_t n, const char *desc,
		     const char *comment)
{
	sim_printf("%*s%s %zu %s%s%s\n", indent, "", kunit_status_to_ok_not_ok(status), n, desc,
		   status == KUNIT_SKIPPED ? " # SKIP " : "",
		   status == KUNIT_SKIPPED ? comment : "");
}

static enum kunit_status run_suite(struct kunit_suite *suite, size_t suite_nr,
				   struct kunit_result_stats *all)
{
	struct kunit_result_stats suite_stats = { 0 }, total_stats = { 0 };
	enum kunit_status suite_status = KUNIT_SKIPPED;
	struct kunit_case *test_case;
	size_t case_nr = 0;

	if (suite->suite_init) {
		suite->suite_init_err = suite->suite_init(suite);
		if (suite->suite_init_err) {
			sim_printf(KUNIT_SUBTEST_INDENT "# failed to initialize (%d)\n",
				   suite->suite_init_err);
			print_ok(0, KUNIT_FAILURE, suite_nr, suite->name, "");
			all->failed++;
			all->total++;
			return KUNIT_FAILURE;
		}
	}
	sim_printf(KUNIT_SUBTEST_INDENT "KTAP version 1\n");
	sim_printf(KUNIT_SUBTEST_INDENT "# Subtest: %s\n", suite->name);
	sim_printf(KUNIT_SUBTEST_INDENT "1..%zu\n", kunit_filter_count(suite));

	kunit_suite_for_each_test_case(suite, test_case) {
		struct kunit_result_stats param_stats = { 0 };
		struct kunit test;

		if (!kunit_filter_case(suite, test_case))
			continue;
		case_nr++;
		init_test(&test, test_case->name);
		if (!test_case->generate_params) {
			run_one(suite, test_case, &test, NULL);
			test_case->status = test.status;
			update_stats(&param_stats, test.status);
		} else {
			char desc[KUNIT_PARAM_DESC_SIZE];
			const void *param;
			int index = 0;

			test_case->status = KUNIT_SKIPPED;
			sim_printf(KUNIT_SUBTEST_INDENT KUNIT_SUBTEST_INDENT "KTAP version 1\n");
			sim_printf(KUNIT_SUBTEST_INDENT KUNIT_SUBTEST_INDENT "# Subtest: %s\n",
				   test_case->name);
			desc[0] = 0;
			param = test_case->generate_params(NULL, desc);
			while (param) {
				init_test(&test, test_case->name);
				test.param_value = param;
				test.param_index = index;
				if (!desc[0])
					sim_snprintf(desc, sizeof(desc), "param-%d", index);
				run_one(suite, test_case, &test, desc);
				print_ok(8, test.status, index + 1, desc, test.status_comment);
				update_stats(&param_stats, test.status);
				if (test.status == KUNIT_FAILURE)
					test_case->status = KUNIT_FAILURE;
				else if (test_case->status != KUNIT_FAILURE &&
					 test.status == KUNIT_SUCCESS)
					test_case->status = KUNIT_SUCCESS;
				desc[0] = 0;
				param = test_case->generate_params(param, desc);
				index++;
			}
			sim_printf(KUNIT_SUBTEST_INDENT "# %s: pass:%lu fail:%lu skip:%lu total:%lu\n",
				   test_case->name, param_stats.passed, param_stats.failed,
				   param_stats.skipped, param_stats.total);
			test.status_comment[0] = 0;
		}
		print_ok(4, test_case->status, case_nr, test_case->name, test.status_comment);
		update_stats(&suite_stats, test_case->status);
		total_stats.passed += param_stats.passed;
		total_stats.failed += param_stats.failed;
		total_stats.skipped += param_stats.skipped;
		total_stats.total += param_stats.total;
		if (test_case->status == KUNIT_FAILURE)
			suite_status = KUNIT_FAILURE;
		else if (test_case->status == KUNIT_SUCCESS && suite_status != KUNIT_FAILURE)
			suite_status = KUNIT_SUCCESS;
	}
	if (suite->suite_exit)
		suite->suite_exit(suite);
	sim_printf("# %s: pass:%lu fail:%lu skip:%lu total:%lu\n", suite->name,
		   suite_stats.passed, suite_stats.failed, suite_stats.skipped, suite_stats.total);
	sim_printf("# Totals: pass:%lu fail:%lu skip:%lu total:%lu\n", total_stats.passed,
		   total_stats.failed, total_stats.skipped, total_stats.total);
	print_ok(0, suite_status, suite_nr, suite->name, "");
	all->passed += total_stats.passed;
	all->failed += total_stats.failed;
	all->skipped += total_stats.skipped;
	all->total += total_stats.total;
	return suite_status;
}

int kunit_run_all(const char *filter)
{
	struct kunit_result_stats all = { 0 };
	struct kunit_suite **s;
	size_t n = 0, nr = 0;
	const char *unused;
	int failed = 0;

	if (kunit_filter_parse(filter))
		return -EINVAL;
	sim_warn_hook = warn_hook;
	for (s = __start_shim_kunit_suites; s < __stop_shim_kunit_suites; s++)
		if (kunit_filter_count(*s))
			n++;
	sim_printf("KTAP version 1\n1..%zu\n", n);
	for (s = __start_shim_kunit_suites; s < __stop_shim_kunit_suites; s++) {
		if (!kunit_filter_count(*s))
			continue;
		if (run_suite(*s, ++nr, &all) == KUNIT_FAILURE)
			failed = 1;
	}
	sim_flush();
	unused = kunit_filter_unused();
	if (unused) {
		sim_eprintf("shim: filter '%s' selects no test\n", unused);
		failed = 1;
	}
	return failed;
}
