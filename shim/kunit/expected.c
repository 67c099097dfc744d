// SPDX-License-Identifier: GPL-2.0
/*
 * Warnings that cases of the series' KUnit suites provoke on purpose.
 *
 * KUnit in 6.12 cannot say that a case expects a WARN; the shim fails a
 * case on any warning it does not expect (kunit/kunit.c), so the cases that
 * warn by design are listed here, by suite, case and parameter description,
 * each with the file and the condition text of the warning.  The warning
 * must then happen during that case: if the kernel code stops warning
 * there, or the case is renamed, the case fails and this table needs the
 * same change.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <shim/kern.h>

struct kunit_known_warning {
	const char *suite, *test_case, *param;	/* param NULL: any */
	const char *file, *cond;
};

static const struct kunit_known_warning known_warnings[] = {
	/*
	 * destroy cannot take the storage lock: the element and the storage
	 * are leaked with a warning; the case checks them and frees them.
	 */
	{ "bpf_local_storage", "bpf_local_storage_test_teardown_fault", "destroy_ls",
	  SHIM_LS_FILE, SHIM_WARN_DESTROY_LS },
	{ "bpf_local_storage", "bpf_local_storage_test_teardown_fault", "both_ls",
	  SHIM_LS_FILE, SHIM_WARN_DESTROY_LS },
	{ "bpf_local_storage", "bpf_local_storage_test_teardown_fault", "owner_gone",
	  SHIM_LS_FILE, SHIM_WARN_DESTROY_LS },
	/*
	 * map_free cannot take a bucket lock: the element stays in the
	 * bucket and is leaked with a warning; the case checks and frees it.
	 */
	{ "bpf_local_storage", "bpf_local_storage_test_teardown_fault", "map_free_b",
	  SHIM_LS_FILE, SHIM_WARN_MAP_FREE_B },
	{ "bpf_local_storage", "bpf_local_storage_test_teardown_fault", "both_b",
	  SHIM_LS_FILE, SHIM_WARN_MAP_FREE_B },
	/*
	 * destroy runs while a delete holds the storage lock on the same
	 * CPU: it cannot take it and warns; the delete finishes the job.
	 */
	{ "bpf_local_storage", "bpf_local_storage_test_unlink_vs_destroy", NULL,
	  SHIM_LS_FILE, SHIM_WARN_DESTROY_LS },
	/*
	 * destroy gets no storage lock while map_free pins the owner; map_free
	 * cannot take a bucket lock and restarts its bucket: both warn.
	 */
	{ "bpf_local_storage", "bpf_local_storage_test_destroy_vs_map_free", "pinned_sk",
	  SHIM_LS_FILE, SHIM_WARN_DESTROY_LS },
	{ "bpf_local_storage", "bpf_local_storage_test_destroy_vs_map_free", "restart_sk",
	  SHIM_LS_FILE, SHIM_WARN_MAP_FREE_B },
	/* The second destroy of one storage warns and returns at once. */
	{ "bpf_local_storage", "bpf_local_storage_test_destroy_twice", NULL,
	  SHIM_LS_FILE, "!refcount_read(&local_storage->owner_refcnt)" },
};

void kunit_shim_expect_known(struct kunit *test, const char *suite,
			     const char *test_case, const char *param)
{
	const struct kunit_known_warning *k;

	for (k = known_warnings; k < known_warnings + ARRAY_SIZE(known_warnings); k++) {
		if (strcmp(k->suite, suite) || strcmp(k->test_case, test_case))
			continue;
		if (k->param && (!param || strcmp(k->param, param)))
			continue;
		if (kunit_shim_expect_warning(test, k->file, k->cond))
			KUNIT_FAIL(test, "cannot record an expected warning");
	}
}
