/* SPDX-License-Identifier: GPL-2.0 */
/* Forwarding header: the kernel's own include/linux/instruction_pointer.h, used as-is. */
#include <include/linux/instruction_pointer.h>
