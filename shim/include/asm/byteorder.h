/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for asm/byteorder.h: x86_64 and arm64 (as built) are little endian. */
#ifndef __SHIM_ASM_BYTEORDER_H
#define __SHIM_ASM_BYTEORDER_H

#ifndef __LITTLE_ENDIAN
#define __LITTLE_ENDIAN 1234
#endif

#endif /* __SHIM_ASM_BYTEORDER_H */
