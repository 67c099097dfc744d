/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/shmem_fs.h: a file on a fresh inode with an LSM blob. */
#ifndef __SHMEM_FS_H
#define __SHMEM_FS_H

#include <linux/fs.h>

struct file *shmem_file_setup(const char *name, loff_t size, unsigned long flags);

#endif /* __SHMEM_FS_H */
