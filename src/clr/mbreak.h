/* mbreak.h: managed breakpoints: source lines and methods bound to IL offsets.
 *
 * A location is a method (module + MethodDef token) and an IL offset. ICorDebug places the
 * breakpoint on the IL, so it holds for every native copy of the method: code JIT-compiled
 * later, re-JIT-compiled by tiered compilation, or instantiated for generics.
 */
#ifndef MX_CLR_MBREAK_H
#define MX_CLR_MBREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clr/clr.h"

struct clr_bp_loc {
	uint64_t module_base; /* identifies the module (its array entry may move) */
	mdMethodDef token;
	uint32_t il;
	struct clr_where where;
	ICorDebugFunctionBreakpoint *fbp;
};

/* Locations of FILE:LINE in module cm (several for lambdas and local functions on that line).
 * *resolved_line is the line actually used (a blank line moves to the next line with code).
 * Returns how many were written to out (at most max). */
size_t clr_find_line(struct clr *c, struct clr_module *cm, const char *file, int line,
		     struct clr_bp_loc *out, size_t max, int *resolved_line);
/* Locations of the methods called name ("Method", "Type.Method", "Ns.Type.Method"; every
 * overload) in module cm: each at the method's first sequence point (IL 0 without symbols). */
size_t clr_find_method(struct clr *c, struct clr_module *cm, const char *name,
		       struct clr_bp_loc *out, size_t max);
/* Creates and activates the runtime breakpoint for l. */
int clr_bp_loc_create(struct clr *c, struct clr_module *cm, struct clr_bp_loc *l,
		      struct mx_err *err);
void clr_bp_loc_activate(struct clr_bp_loc *l, bool on);
void clr_bp_loc_release(struct clr_bp_loc *l);
/* Whether the runtime's breakpoint bp is location l's. */
bool clr_bp_loc_is(const struct clr_bp_loc *l, ICorDebugBreakpoint *bp);

#endif
