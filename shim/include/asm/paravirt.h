/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for asm/paravirt.h: nothing is paravirtualised but the key below. */
#ifndef _ASM_X86_PARAVIRT_H
#define _ASM_X86_PARAVIRT_H

#endif /* _ASM_X86_PARAVIRT_H */
