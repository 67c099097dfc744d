/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space KUnit: CONFIG_KUNIT is on, so VISIBLE_IF_KUNIT functions are
 * global (as in a KUnit kernel) and the export is a no-op.
 */
#ifndef _KUNIT_VISIBILITY_H
#define _KUNIT_VISIBILITY_H

#define VISIBLE_IF_KUNIT
#define EXPORT_SYMBOL_IF_KUNIT(symbol)

#endif /* _KUNIT_VISIBILITY_H */
