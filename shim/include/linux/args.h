/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/args.h, used as-is. */
#include <include/linux/args.h>
