/* feval.h: function evaluation at a managed stop: running code in the debuggee (property
 * getters, ToString() for display, calls the user types) through ICorDebugEval.
 *
 * Only at a managed stop (the runtime holds the program): at a native stop ICorDebug cannot
 * send the runtime anything, so every call here refuses then. The evaluation runs on the
 * current thread (the stop's thread or the one `thread N` selected), where that thread stopped.
 *
 * What runs meanwhile: the evaluating thread, the runtime's service threads, and the threads in
 * native code (the tracer lets every thread it froze at the stop go, as on a `continue`: a
 * thread of the runtime the evaluation waits for, such as a GC's or the finalizer's, must not be
 * held). The other managed threads stay suspended by the runtime (SetAllThreadsDebugState
 * THREAD_SUSPEND, back to THREAD_RUN once the evaluation ends): they cannot hit breakpoints or
 * move the program on, and a GC the evaluation starts still finds them at safe points (the
 * runtime suspends them itself). A native breakpoint hit by a thread meanwhile is passed over.
 * Afterwards the stop is the same: same thread, same selected frame; cached stacks are read
 * again.
 *
 * Breakpoints: an implicit evaluation (display, conditions) passes over the user's breakpoints
 * it hits; an explicit one (the user's `call`) stops there like gdb: the call is abandoned,
 * the user can look around and evaluate again (nested), and when `continue` lets it finish the
 * program stops again where the call was made, with its result shown. Exceptions thrown inside
 * an evaluation never stop it (not even with `catch throw`): one that escapes ends it with an
 * error.
 */
#ifndef MX_SESSION_FEVAL_H
#define MX_SESSION_FEVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clr/cordebug.h"
#include "session/session.h"
#include "util/err.h"

/* Runs fn on the current stop's managed thread with args (`this` first for instance methods)
 * and generic type arguments (the class's then the method's; ntargs 0: plain CallFunction).
 * *result gets the return value (NULL for void). If fn throws: -1, err says "Exception of type
 * 'System.X' was thrown: <Message>", and *exc_out (if exc_out is non-NULL) gets the exception
 * object. Past the evaluation timeout it is aborted (Abort, then RudeAbort): -1 with "The
 * evaluation timed out after 5 s and was aborted"; the process stays usable. */
int ses_feval_call(struct ses *s, ICorDebugFunction *fn, ICorDebugType **targs, size_t ntargs,
		   ICorDebugValue **args, size_t nargs, ICorDebugValue **result,
		   ICorDebugValue **exc_out, struct mx_err *err);
/* A new System.String in the debuggee. */
int ses_feval_new_string(struct ses *s, const char *utf8, ICorDebugValue **out, struct mx_err *err);
/* Finds and calls method name: on obj (non-NULL: the methods of its exact type and its bases,
 * instantiated as its type is; a static one is called without obj) or a static one of type
 * (obj NULL). Overloads are chosen by argument count, then by argument types (primitive element
 * types, string, class). Errors as C# says them ("'T' does not contain a definition for 'M'",
 * "No overload for method 'M' takes N arguments"). */
int ses_feval_invoke(struct ses *s, ICorDebugValue *obj, ICorDebugType *type, const char *name,
		     ICorDebugValue **args, size_t nargs, ICorDebugValue **result,
		     struct mx_err *err);
/* The same for a generic method: its own type arguments mtargs (Echo<int>: one); the
 * candidates are the methods with that many generic parameters. */
int ses_feval_invoke_generic(struct ses *s, ICorDebugValue *obj, ICorDebugType *type,
			     const char *name, ICorDebugType **mtargs, size_t nmtargs,
			     ICorDebugValue **args, size_t nargs, ICorDebugValue **result,
			     struct mx_err *err);
/* `new T(args)`: a new object of type (a class or a struct), through the constructor C# would
 * choose for args; a struct without arguments and no parameterless constructor is its zeroed
 * default. Errors as C# says them. */
int ses_feval_new_object(struct ses *s, ICorDebugType *type, ICorDebugValue **args, size_t nargs,
			 ICorDebugValue **result, struct mx_err *err);
/* A new zeroed object of type in the program, without a constructor (its static constructor
 * may run): for a value type, a boxed one (the runtime's NEW_OBJECT_NC evaluation allocates
 * the type's boxed form, dotnet/runtime debug/ee/funceval.cpp). *result is a reference. */
int ses_feval_new_zeroed(struct ses *s, ICorDebugType *type, ICorDebugValue **result,
			 struct mx_err *err);
/* feval_box.c: v (a number, bool, char or enum value) boxed in the program, as C# boxes a value
 * passed for an object parameter: *out is a reference to the new box. A struct of another
 * kind is refused (err says so). */
int ses_feval_box(struct ses *s, ICorDebugValue *v, ICorDebugValue **out, struct mx_err *err);
/* A new box of type (a primitive's System type, or an enum) holding bytes, a number of element
 * type et (an enum's underlying type): *ref is the box, *contents (if non-NULL) the value in
 * it (for an enum, a value of the enum type, which an enum parameter takes). */
int ses_feval_new_boxed(struct ses *s, ICorDebugType *type, CorElementType et, const void *bytes,
			ICorDebugValue **ref, ICorDebugValue **contents, struct mx_err *err);
/* A new System.Decimal holding d, made in the program: *ref the box holding it (keep it until
 * the value is used), *contents the decimal value (what a decimal parameter takes). */
struct mdec;
int ses_feval_new_decimal(struct ses *s, const struct mdec *d, ICorDebugValue **ref,
			  ICorDebugValue **contents, struct mx_err *err);
/* A value of a primitive element type (bool, char, numbers) made from its bytes; a null
 * reference. For arguments; nothing runs. */
int ses_feval_prim(struct ses *s, CorElementType et, const void *bytes, ICorDebugValue **out,
		   struct mx_err *err);
int ses_feval_null(struct ses *s, ICorDebugValue **out, struct mx_err *err);
/* A property's value through its getter (get_NAME), instance or static as for invoke. */
int ses_feval_property(struct ses *s, ICorDebugValue *obj, ICorDebugType *type, const char *name,
		       ICorDebugValue **result, struct mx_err *err);
/* obj.ToString() as text; -1 if it cannot be run (err set). */
int ses_feval_tostring(struct ses *s, ICorDebugValue *obj, char *buf, size_t len,
		       struct mx_err *err);

/* Settings. Implicit evaluation (getters and ToString for display; `set eval-implicit`, on by
 * default). The timeout in milliseconds (`set eval-timeout`, 5000 by default, at least 1). */
bool ses_feval_implicit(const struct ses *s);
void ses_feval_set_implicit(struct ses *s, bool on);
uint32_t ses_feval_timeout(const struct ses *s);
void ses_feval_set_timeout(struct ses *s, uint32_t ms);
/* Marks the evaluations that follow as the user's own (true) or implicit (false, the
 * default); returns the previous mode. */
bool ses_feval_set_explicit(struct ses *s, bool on);

/* Helpers for expression front ends, at a managed stop: a local, argument or `this` of the
 * selected frame by name; the selected frame's `this` (NULL in a static method) and its
 * declaring type; a type by name; an int value; a value's display text. References returned
 * are the caller's to release. */
int ses_feval_var(struct ses *s, const char *name, ICorDebugValue **out, struct mx_err *err);
int ses_feval_frame_self(struct ses *s, ICorDebugValue **self, ICorDebugType **type,
			 struct mx_err *err);
int ses_feval_type(struct ses *s, const char *name, ICorDebugType **out, struct mx_err *err);
int ses_feval_int(struct ses *s, int32_t v, ICorDebugValue **out, struct mx_err *err);
void ses_feval_value_text(struct ses *s, ICorDebugValue *v, char *buf, size_t len);
/* The C#-like name of a type ("Fixtures.Widget"). */
void ses_feval_type_name(struct ses *s, ICorDebugType *t, char *buf, size_t len);

#endif
