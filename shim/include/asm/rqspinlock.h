/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Forwarding header: the kernel's own arch/<arch>/include/asm/rqspinlock.h
 * of the tree being built (x86 or arm64, whichever the shim is built for),
 * which includes include/asm-generic/rqspinlock.h.
 */
#if defined(__x86_64__)
#include <arch/x86/include/asm/rqspinlock.h>
#else
#include <arch/arm64/include/asm/rqspinlock.h>
#endif
