// SPDX-License-Identifier: GPL-2.0
/* Output for the simulated kernel: KTAP on stdout, kernel log on stderr. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "shim/sim.h"

int sim_vprintf(const char *fmt, va_list ap)
{
	return vprintf(fmt, ap);
}

int sim_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int sim_eprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stderr, fmt, ap);
	va_end(ap);
	return n;
}

int sim_vsnprintf(char *buf, unsigned long size, const char *fmt, va_list ap)
{
	return vsnprintf(buf, size, fmt, ap);
}

int sim_snprintf(char *buf, unsigned long size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

void sim_flush(void)
{
	fflush(stdout);
	fflush(stderr);
}

/* printk(): "[kernel] " + message (KERN_<level> prefix dropped) on stderr. */
int vprintk(const char *fmt, va_list ap)
{
	char buf[1024];
	int n;

	if (fmt[0] == '\001' && fmt[1])
		fmt += 2;
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	fprintf(stderr, "[kernel] %s%s", buf,
		n > 0 && buf[strlen(buf) - 1] == '\n' ? "" : "\n");
	return n;
}

int _printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!size)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n >= (int)size ? (int)size - 1 : n;
}

ssize_t sized_strscpy(char *dest, const char *src, size_t count)
{
	size_t len = strnlen(src, count);

	if (!count)
		return -7;	/* -E2BIG */
	if (len == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = 0;
		return -7;
	}
	memcpy(dest, src, len + 1);
	return len;
}
