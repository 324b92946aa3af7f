/* mtype.h: names of runtime types (ICorDebugType), C#-like: int, string, List<int>, int[]. */
#ifndef MX_CLR_MTYPE_H
#define MX_CLR_MTYPE_H

#include <stddef.h>

#include "clr/clr.h"

/* Appends the name of type t to buf (len bytes, NUL-terminated, truncated if need be). */
void clr_type_name(struct clr *c, ICorDebugType *t, char *buf, size_t len);
/* Replaces the generic parameter lists of a method's display name ("Ns.Box<T>.Map<U>") by the
 * frame's actual type arguments ("Ns.Box<int>.Map<string>"), in order. */
void clr_instantiate_name(struct clr *c, ICorDebugFrame *f, char *name, size_t len);

#endif
