/* meval_internal.h: the evaluator's pieces shared by its files (meval.c walks the tree,
 * meval_assign.c writes values, meval_ptype.c describes types). */
#ifndef MX_SESSION_MEVAL_INTERNAL_H
#define MX_SESSION_MEVAL_INTERNAL_H

#include "csx/csx.h"
#include "session/meval.h"

struct meval {
	struct ses *s;
	struct clr *c;
	const struct meval_opts *o;
	ICorDebugILFrame *ilf;
	ICorDebugFrame *frame;
	struct clr_module *cm;
	mdMethodDef tok;
	uint32_t il;
	struct mx_err *err;
	/* boxes made for arguments (an enum constant is passed as the value inside one): kept
	 * alive until the evaluation ends */
	ICorDebugValue *held[16];
	size_t nheld;
};

/* Sets up e for the frame o names; meval_end releases it. */
int meval_begin(struct meval *e, struct ses *s, const struct meval_opts *o, struct mx_err *err);
void meval_end(struct meval *e);
/* Evaluates a tree: lvalues stay MV_VALUE (the debuggee's own storage). */
int meval(struct meval *e, const struct csx_node *n, struct mv *out);
/* Turns an MV_VALUE of a number, bool, char, enum or string into MV_PRIM / MV_STR / MV_NULL. */
int meval_load(struct meval *e, struct mv *m);
/* The C# name of m's type, for messages. */
void meval_type_text(struct meval *e, const struct mv *m, char *buf, size_t len);
/* Parses and evaluates expr (no MV_NS left over). */
int meval_parse_eval(struct ses *s, const char *expr, const struct meval_opts *o, struct mv *out,
		     struct mx_err *err);
/* meval_call.c: a call (CSX_CALL), and a property getter of a value or type. */
int meval_call(struct meval *e, const struct csx_node *n, struct mv *out);
int meval_property(struct meval *e, struct mv *target, const char *name, struct mv *out);
/* target[args] on an object whose type has an indexer: its getter get_Item runs. */
int meval_indexer(struct meval *e, struct mv *target, const struct csx_node *n, struct mv *out);
/* Refuses (-1, err set) code running in a condition; what names it. 0 otherwise. */
int meval_refuse_calls(struct meval *e, const char *what);
/* Takes the frame again after an evaluation neutered it. */
int meval_refresh(struct meval *e);
/* The values of n argument trees in the program (free with meval_arguments_free). */
int meval_arguments(struct meval *e, const struct csx_node *const *kids, size_t n,
		    ICorDebugValue ***out);
void meval_arguments_free(ICorDebugValue **args, size_t n);
/* A number, bool, char or enum (MV_PRIM) boxed in the program, as for an object variable:
 * *out is a reference to the box. Runs code (refused in conditions); the frame is taken again. */
int meval_box(struct meval *e, const struct mv *m, ICorDebugValue **out);
/* meval_ptype.c: the declared type of what n names when it names a local, an argument or a
 * field (its signature's C# text: "object", "Fixtures.Animal"); false otherwise. */
bool meval_declared_type(struct meval *e, const struct csx_node *n, char *buf, size_t len);
/* meval_ptype.c: Name, FullName or Namespace of typeof(written) (target: its MV_TYPE), from
 * the metadata; other members are refused with err. */
int meval_typeof_member(struct meval *e, const struct csx_type *written, const struct mv *target,
			const char *member, struct mv *out);
/* meval_new.c: the runtime type a written type names (int, Dog, Box<int>); `new T(args)`. */
int meval_resolve_type(struct meval *e, const struct csx_type *t, ICorDebugType **out);
int meval_new(struct meval *e, const struct csx_node *n, struct mv *out);
/* A new string in the program (for assignments). */
int meval_new_string(struct meval *e, const char *text, ICorDebugValue **out);
/* A result as `print` shows it ("(void)" for MV_NONE). */
/* meval_range.c: n (an INDEX whose one index is a RANGE or FROM_END node) applied to its
 * evaluated target: an array element counted from the end, a string's char or substring. */
int meval_index_range(struct meval *e, struct mv *target, const struct csx_node *n, struct mv *out);
/* `print arr[a..b]` on an array: "{[a] = x, [a+1] = y...}" (at most `print elements` of
 * them) into out. Returns 1 when expr is not a range of an array (evaluate it as usual), 0,
 * or -1 with err. */
int meval_print_slice(struct ses *s, const char *expr, const struct meval_opts *o, char *out,
		      size_t outlen, struct mx_err *err);
void meval_format(struct ses *s, const struct mv *m, char *out, size_t outlen);
/* "text" with C#'s escapes for " \ and newline. */
void meval_quote(const char *s, char *buf, size_t len);

#endif
