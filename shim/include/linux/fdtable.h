/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/fdtable.h: one descriptor table for all tasks. */
#ifndef __LINUX_FDTABLE_H
#define __LINUX_FDTABLE_H

#include <linux/fs.h>

struct files_struct {
	int unused;
};

extern struct files_struct init_files;

int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
int close_fd(unsigned int fd);

#endif /* __LINUX_FDTABLE_H */
