/* mcall.h: running managed code in the debuggee (ICorDebugEval) and finding what to run.
 *
 * An evaluation is started on a thread stopped by the runtime; it runs when the process is
 * continued and ends with an EvalComplete or EvalException callback (clr/events.h), after
 * which the process is stopped again, where it was. The session drives that (session/feval.c);
 * this file only knows ICorDebug and the metadata.
 */
#ifndef MX_CLR_MCALL_H
#define MX_CLR_MCALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clr/clr.h"
#include "clr/mobject.h" /* clr_value_type */

/* Starts fn on thread t with args (`this` first for an instance method): CallFunction, or
 * ICorDebugEval2::CallParameterizedFunction with the type arguments (the class's, then the
 * method's) when ntargs > 0. */
int clr_eval_call(ICorDebugThread *t, ICorDebugFunction *fn, ICorDebugType **targs, size_t ntargs,
		  ICorDebugValue **args, size_t nargs, ICorDebugEval **out, struct mx_err *err);
/* Starts the creation of a System.String holding utf8. */
int clr_eval_new_string(ICorDebugThread *t, const char *utf8, ICorDebugEval **out,
			struct mx_err *err);
/* A debugger-side System.Int32 value (an argument for a call), without running anything. */
int clr_eval_int_value(ICorDebugThread *t, int32_t v, ICorDebugValue **out, struct mx_err *err);
/* Starts the creation of an object of type (its class's type arguments from it): through
 * constructor ctor with args (ICorDebugEval2::NewParameterizedObject), or with ctor NULL a
 * zeroed struct (NewParameterizedObjectNoConstructor). */
int clr_eval_new_object(ICorDebugThread *t, ICorDebugFunction *ctor, ICorDebugType *type,
			ICorDebugValue **args, size_t nargs, ICorDebugEval **out,
			struct mx_err *err);
/* A debugger-side value of a primitive element type (bool, char, numbers) holding bytes. */
int clr_eval_prim_value(ICorDebugThread *t, CorElementType et, const void *bytes,
			ICorDebugValue **out, struct mx_err *err);
/* A debugger-side null reference (an argument for a call). */
int clr_eval_null_value(ICorDebugThread *t, ICorDebugValue **out, struct mx_err *err);

/* A method found by name on a type or its bases. */
struct clr_method_cand {
	ICorDebugFunction *fn;
	ICorDebugType *owner; /* the (instantiated) type in the chain that declares it */
	bool is_static;
	uint32_t nparams;
	char params[512]; /* "(int, string)" */
	char full[512];	  /* "Fixtures.Widget.Describe" */
};
/* The methods called name that type t and its bases declare, nearest first (an override hides
 * the base method it overrides: same parameters); methods with generic parameters of their
 * own are left out. *out is allocated; free with clr_method_cands_free. */
void clr_methods_named(struct clr *c, ICorDebugType *t, const char *name,
		       struct clr_method_cand **out, size_t *n);
/* The same for methods with arity generic parameters of their own (Echo<T>: 1). */
void clr_methods_named_generic(struct clr *c, ICorDebugType *t, const char *name, uint32_t arity,
			       struct clr_method_cand **out, size_t *n);
void clr_method_cands_free(struct clr_method_cand *v, size_t n);
/* msubst.c: replaces the generic parameters in cd->params that are a parameter's whole type
 * (T, not List<T>) by the type arguments' names: the class's from cd->owner, the method's from
 * mtargs ("(T)" of Echo<T> called as Echo<long>: "(long)"). */
void clr_method_cand_substitute(struct clr *c, struct clr_method_cand *cd, ICorDebugType **mtargs,
				size_t nmtargs);
/* A predefined type's full name as its keyword, in place ("System.Int32" -> "int"); other
 * names are left alone. */
void clr_type_keyword_name(char *name, size_t len);
/* Chooses among cands the one C# would for args: by count, then by the arguments' types
 * (primitive element types, string, class). Returns the index, -1 if none takes that many
 * arguments, -2 if none takes arguments of those types, -3 if two fit equally (*other gets
 * the second). */
int clr_overload_pick(const struct clr_method_cand *cands, size_t n, ICorDebugValue **args,
		      size_t nargs, size_t *other);

/* How well argument arg fits parameter type ptype (a params text entry): 2 exactly, 1 by an
 * implicit conversion, 0 not at all. */
int clr_arg_fit(ICorDebugValue *arg, const char *ptype);
/* The i-th (0-based) parameter type of a candidate's params text ("int" of "(int, string)"). */
bool clr_param_type(const char *params, uint32_t i, char *buf, size_t len);

/* The type arguments of an instantiated type, in order; returns how many (at most max). */
size_t clr_type_args(ICorDebugType *t, ICorDebugType **out, size_t max);
/* A non-generic class or struct of a loaded module, by full ("Fixtures.Widget") or short
 * ("Widget") name; short names are looked up in the user's code (modules with symbols). */
int clr_type_by_name(struct clr *c, const char *name, ICorDebugType **out, struct mx_err *err);
/* Whether t or a base below System.Object / System.ValueType declares ToString(). */
bool clr_type_overrides_tostring(struct clr *c, ICorDebugType *t);
/* The class declaring fn, as a type (non-generic classes only). */
int clr_function_type(ICorDebugFunction *fn, ICorDebugType **out);

#endif
