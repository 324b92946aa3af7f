/* mtypedesc.h: a managed type spelled out C#-like for `ptype`: its kind, name and base, then
 * its members one per line (fields, properties, constructors and methods; an enum's members
 * with their values), from the metadata of the module that defines it. */
#ifndef MX_CLR_MTYPEDESC_H
#define MX_CLR_MTYPEDESC_H

#include <stddef.h>

#include "clr/clr.h"
#include "clr/mobject.h"

/* Writes the description of td into buf (len bytes, truncated with a "..." line if need be).
 * t is the runtime type when known (its name, with generic arguments, heads the text and its
 * base follows the colon); NULL describes the TypeDef from its metadata alone. */
void clr_type_describe(struct clr *c, const struct clr_typedef *td, ICorDebugType *t, char *buf,
		       size_t len);

#endif
