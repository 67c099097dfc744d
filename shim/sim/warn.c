// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel warnings and the ones a run expects; BUG() and the simulator's own
 * fatal errors.
 *
 * WARN*() print "WARNING: CPU: c PID: p at FILE:LINE: COND" on stderr, as
 * the kernel prints its first line; WARN_ON_ONCE() and WARN_ONCE() print
 * only their first time, as in the kernel.  Every time a condition is true
 * (a "hit", printed or not) it is matched against the armed expectations:
 * the FILE suffix and the COND text must both match.  A hit that matches
 * none is unexpected: counted, attributed to the running KUnit case by the
 * hook, and, if the kernel would not print it (a repeated _ONCE), printed
 * anyway with "[repeat of a once-only warning]" appended, so that an
 * expected first hit cannot hide a later unexpected one.
 *
 * Expectations are armed for the whole run (--expect-warn) or for the
 * duration of a KUnit case (kunit/kunit.c, kunit/expected.c).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim/sim.h"
#include "sim-internal.h"

void (*sim_warn_hook)(const char *file, int line, const char *cond, int expected);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct sim_warn_expect *armed;
static atomic_ulong printed, unexpected;

static int file_matches(const char *file, const char *suffix)
{
	size_t fl = strlen(file), sl = strlen(suffix);

	return fl >= sl && !strcmp(file + fl - sl, suffix) &&
	       (fl == sl || file[fl - sl - 1] == '/');
}

/* Count the hit on the first matching armed expectation; 1 if there is one. */
static int match(const char *file, const char *cond)
{
	struct sim_warn_expect *e;
	int found = 0;

	pthread_mutex_lock(&lock);
	for (e = armed; e; e = e->next) {
		if (file_matches(file, e->file) && !strcmp(cond, e->cond)) {
			__atomic_fetch_add(&e->hits, 1, __ATOMIC_RELAXED);
			found = 1;
			break;
		}
	}
	pthread_mutex_unlock(&lock);
	return found;
}

static void report(const char *file, int line, const char *cond, int print, int repeat)
{
	int expected = match(file, cond);

	if (!expected)
		atomic_fetch_add(&unexpected, 1);
	if (print || !expected) {
		if (print)
			atomic_fetch_add(&printed, 1);
		fflush(stdout);
		fprintf(stderr, "WARNING: CPU: %d PID: %d at %s:%d: %s%s\n", sim_ctx.cpu,
			(int)gettid(), file, line, cond,
			repeat ? " [repeat of a once-only warning]" : "");
	}
	if (sim_warn_hook)
		sim_warn_hook(file, line, cond, expected);
}

void sim_warn(const char *file, int line, const char *cond)
{
	report(file, line, cond, 1, 0);
}

void sim_warn_once(_Bool *warned, const char *file, int line, const char *cond)
{
	int first = !__atomic_exchange_n(warned, 1, __ATOMIC_RELAXED);

	report(file, line, cond, first, !first);
}

unsigned long sim_warn_count(void)
{
	return atomic_load(&printed);
}

unsigned long sim_warn_unexpected(void)
{
	return atomic_load(&unexpected);
}

void sim_warn_expect_arm(struct sim_warn_expect *e)
{
	__atomic_store_n(&e->hits, 0, __ATOMIC_RELAXED);
	pthread_mutex_lock(&lock);
	e->next = armed;
	armed = e;
	pthread_mutex_unlock(&lock);
}

void sim_warn_expect_disarm(struct sim_warn_expect *e)
{
	struct sim_warn_expect **p;

	pthread_mutex_lock(&lock);
	for (p = &armed; *p; p = &(*p)->next) {
		if (*p == e) {
			*p = e->next;
			break;
		}
	}
	pthread_mutex_unlock(&lock);
}

/* "FILE:COND" (COND is everything after the first ':'). */
int sim_warn_expect_parse(const char *spec, struct sim_warn_expect *e)
{
	const char *colon = strchr(spec, ':');
	static char bufs[SIM_WARN_EXPECT_MAX][256];
	static int n;
	char *buf;

	if (!colon || colon == spec || !colon[1] || n == SIM_WARN_EXPECT_MAX ||
	    strlen(spec) >= sizeof(bufs[0]))
		return -1;
	buf = bufs[n++];
	memcpy(buf, spec, strlen(spec) + 1);
	buf[colon - spec] = 0;
	memset(e, 0, sizeof(*e));
	e->file = buf;
	e->cond = buf + (colon - spec) + 1;
	return 0;
}

void sim_warn_expect_report(const struct sim_warn_expect *e)
{
	fprintf(stderr, "shim: expected warning %s: %s hits %lu\n", e->file, e->cond,
		__atomic_load_n(&e->hits, __ATOMIC_RELAXED));
}

void sim_die(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "shim: fatal: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}

void sim_bug(const char *file, int line, const char *what)
{
	fflush(stdout);
	fprintf(stderr, "kernel BUG at %s:%d: %s (CPU %d)\n", file, line, what, sim_ctx.cpu);
	abort();
}
