/* mvalue.h: reading managed values (the first few the debugger needs to describe a stop). */
#ifndef MX_CLR_MVALUE_H
#define MX_CLR_MVALUE_H

#include <stddef.h>

#include "clr/clr.h"

/* The text of a System.String value (a reference or the string object itself). */
int clr_string_value(ICorDebugValue *v, char *buf, size_t len);
/* Field `field` of an object, declared by its class or a base class: 0 with *out (the
 * caller releases it), -1 if there is no such field or it cannot be read. */
int clr_object_field(struct clr *c, ICorDebugObjectValue *obj, const char *field,
		     ICorDebugValue **out);
/* The object a value refers to (or is): 0 with *out (the caller releases it), 1 for a null
 * reference, -1 when it is no object. */
int clr_value_object(ICorDebugValue *v, ICorDebugObjectValue **out);
/* The Message of an exception object: its System.Exception._message field. */
int clr_exception_message(struct clr *c, ICorDebugObjectValue *exc, char *buf, size_t len);

/* The exact type's name of a value ("System.FormatException"), "?" if unknown. */
void clr_value_type_name(struct clr *c, ICorDebugValue *v, char *buf, size_t len);

/* A value for display, C#-like: 42, 3.5, true, 'c', "text", null, {int[3]},
 * {Fixtures.Counter}; "<error: ...>" when it cannot be read. */
void clr_value_text(struct clr *c, ICorDebugValue *v, char *buf, size_t len);

#endif
