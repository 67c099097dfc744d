/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/uapi/linux/posix_types.h, used as-is. */
#include <include/uapi/linux/posix_types.h>
