/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for include/linux/module.h: module metadata is dropped. */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/init.h>
#include <linux/export.h>

#define MODULE_LICENSE(x)
#define MODULE_AUTHOR(x)
#define MODULE_DESCRIPTION(x)
#define MODULE_IMPORT_NS(x)
#define MODULE_ALIAS(x)

#endif /* _LINUX_MODULE_H */
