/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for include/linux/file.h: struct fd and its cleanup class over
 * the simulated descriptor table (kern/owners.c).
 */
#ifndef __LINUX_FILE_H
#define __LINUX_FILE_H

#include <linux/types.h>
#include <linux/cleanup.h>
#include <linux/fs.h>
#include <linux/fdtable.h>

struct fd {
	struct file *file;
};

#define fd_file(f)	((f).file)
static inline bool fd_empty(struct fd f)
{
	return !f.file;
}

struct file *shim_fget(int fd);

static inline struct fd fdget(unsigned int fd)
{
	return (struct fd){ shim_fget(fd) };
}
#define fdget_raw(fd)	fdget(fd)
static inline void fdput(struct fd fd) { }

DEFINE_CLASS(fd, struct fd, fdput(_T), fdget(fd), int fd)
DEFINE_CLASS(fd_raw, struct fd, fdput(_T), fdget_raw(fd), int fd)

#endif /* __LINUX_FILE_H */
