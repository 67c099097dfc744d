/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/string.h: libc provides the same functions. */
#ifndef _LINUX_STRING_H_
#define _LINUX_STRING_H_

#include <linux/types.h>
#include <shim/sim.h>	/* sized_strscpy() */

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *s1, const void *s2, size_t n);
size_t strlen(const char *s);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);
char *strchr(const char *s, int c);
char *strchrnul(const char *s, int c);
void *memchr(const void *s, int c, size_t n);
char *strstr(const char *haystack, const char *needle);
#define __shim_strscpy2(d, s)		sized_strscpy(d, s, sizeof(d))
#define __shim_strscpy3(d, s, n)	sized_strscpy(d, s, n)
#define __shim_strscpy_pick(_1, _2, _3, name, ...) name
#define strscpy(...) \
	__shim_strscpy_pick(__VA_ARGS__, __shim_strscpy3, __shim_strscpy2)(__VA_ARGS__)

static inline void *memset64(uint64_t *s, uint64_t v, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		s[i] = v;
	return s;
}

#endif /* _LINUX_STRING_H_ */
