/* unwind_internal.h: what unwind.c builds on from its sibling unwind_entry.c. */
#ifndef MX_NATIVE_UNWIND_INTERNAL_H
#define MX_NATIVE_UNWIND_INTERNAL_H

#include <elfutils/libdwfl.h>

#include "native/unwind.h"

/* When frame 0 of thread tid (at pc) is in a function without CFI whose frame is not set up (its
 * first instructions, or its `ret`), its caller (the frame libdw's frame-pointer walk would
 * skip) into *caller: true. False when the rbp chain (or CFI) already gives the caller. */
bool nat_unwind_entry_caller(Dwfl *dwfl, const struct nat_unwind_ops *ops, pid_t tid, uint64_t pc,
			     struct nat_frame *caller);

#endif
