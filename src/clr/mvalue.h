/* mvalue.h: reading managed values (the first few the debugger needs to describe a stop). */
#ifndef MX_CLR_MVALUE_H
#define MX_CLR_MVALUE_H

#include <stddef.h>

#include "clr/clr.h"

/* The text of a System.String value (a reference or the string object itself). */
int clr_string_value(ICorDebugValue *v, char *buf, size_t len);
/* The Message of an exception object: its System.Exception._message field. */
int clr_exception_message(struct clr *c, ICorDebugObjectValue *exc, char *buf, size_t len);

/* A value for display, C#-like: 42, 3.5, true, 'c', "text", null, {int[3]},
 * {Fixtures.Counter}; "<error: ...>" when it cannot be read. */
void clr_value_text(struct clr *c, ICorDebugValue *v, char *buf, size_t len);

#endif
