/* mobject.h: the parts of managed values: fields of objects and structs (inherited and static
 * ones too), array elements, types found by name. Reads only: no code runs in the debuggee. */
#ifndef MX_CLR_MOBJECT_H
#define MX_CLR_MOBJECT_H

#include <stdbool.h>
#include <stddef.h>

#include "clr/clr.h"

/* Follows references and boxes: *out is the object, struct, array, string or primitive
 * itself (a new reference), or NULL for a null reference. */
int clr_value_strip(ICorDebugValue *v, ICorDebugValue **out);

/* The value's exact runtime type (a new reference), or -1. */
int clr_value_type(ICorDebugValue *v, ICorDebugType **out);

/* One field as clr_fields reports it: the C# name (an auto-property's backing field is named
 * after the property), its value or why it has none. */
struct clr_field {
	const char *name;
	ICorDebugValue *value; /* NULL when hr says why */
	HRESULT hr;
	bool is_static;
	ICorDebugType *owner; /* the type declaring it (borrowed) */
	mdFieldDef token;
};

/* Calls fn for each field of an object or struct value (v already stripped), its own type's
 * first, then its base types' (not System.Object's, System.ValueType's, System.Enum's);
 * static ones too when statics is set (thread-static ones need frame, which may be NULL).
 * Compiler-made fields other than backing fields are skipped. fn returns non-zero to stop. */
int clr_fields(struct clr *c, ICorDebugValue *v, ICorDebugFrame *frame, bool statics,
	       int (*fn)(void *arg, const struct clr_field *f), void *arg);

/* Calls fn for each static field of type t and of its bases (as clr_fields orders them),
 * read in frame (thread-static ones need it: without one their hr is an error). */
int clr_static_fields(struct clr *c, ICorDebugType *t, ICorDebugFrame *frame,
		      int (*fn)(void *arg, const struct clr_field *f), void *arg);

/* The field (or auto-property's backing field) NAME of an object or struct value, instance or
 * static: 0 and *out, 1 if the type has no such field, -1 with err. */
int clr_field_named(struct clr *c, ICorDebugValue *v, ICorDebugFrame *frame, const char *name,
		    ICorDebugValue **out, struct mx_err *err);

/* A static field NAME of type t or its bases: 0, 1 if none, -1 with err. */
int clr_static_field_named(struct clr *c, ICorDebugType *t, ICorDebugFrame *frame, const char *name,
			   ICorDebugValue **out, struct mx_err *err);

/* Element at indices idx[0..n) of an array value (stripped), with bounds checked: C#'s
 * "Index was outside the bounds of the array." when not. */
int clr_array_element(ICorDebugValue *arr, const uint32_t *idx, size_t n, ICorDebugValue **out,
		      struct mx_err *err);

/* A type defined in a loaded module, by full name ("Fixtures.Counter", nested
 * "Fixtures.Outer.Inner") or by its last name part ("Counter") when only one type has it;
 * generic types by their name without arguments. The user's modules are searched first. */
struct clr_typedef {
	struct clr_module *cm;
	mdTypeDef token;
};
int clr_find_typedef(struct clr *c, const char *name, struct clr_typedef *out, struct mx_err *err);
/* The same among the types with arity generic parameters of their own (UINT32_MAX: any). */
int clr_find_typedef_arity(struct clr *c, const char *name, uint32_t arity, struct clr_typedef *out,
			   struct mx_err *err);

/* The non-generic type of a TypeDef, for static members (ICorDebugClass2::GetParameterizedType). */
int clr_typedef_type(struct clr_typedef *td, ICorDebugType **out, struct mx_err *err);

/* The TypeDef of a type (class or value type; 0 for others) and its module. */
bool clr_type_typedef(struct clr *c, ICorDebugType *t, struct clr_typedef *out);

/* Whether C# names the TypeDef without type arguments: neither it nor a type enclosing it is
 * generic (the evaluator reads statics of such types by name: "Ns.Type.Field"). */
bool clr_typedef_nameable(const struct clr_typedef *td);

/* Whether the type is, or derives from, the type named full (by TypeDef name). */
bool clr_type_is(struct clr *c, ICorDebugType *t, const char *full);

/* Whether the type named (full or short name) is an interface. */
bool clr_type_is_interface_name(struct clr *c, const char *name);

#endif
