/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/seq_file.h: the iterator callbacks' types. */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>

struct seq_file {
	void *private;
};

struct seq_operations {
	void * (*start) (struct seq_file *m, loff_t *pos);
	void (*stop) (struct seq_file *m, void *v);
	void * (*next) (struct seq_file *m, void *v, loff_t *pos);
	int (*show) (struct seq_file *m, void *v);
};

#endif /* _LINUX_SEQ_FILE_H */
