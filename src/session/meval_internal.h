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
/* The text `print` shows for an evaluated m (one level of contents). */
void meval_text(struct ses *s, const struct mv *m, char *out, size_t outlen);
/* meval_call.c: a call (CSX_CALL), and a property getter of a value or type. */
int meval_call(struct meval *e, const struct csx_node *n, struct mv *out);
int meval_property(struct meval *e, struct mv *target, const char *name, struct mv *out);
/* A new string in the program (for assignments). */
int meval_new_string(struct meval *e, const char *text, ICorDebugValue **out);
/* "text" with C#'s escapes for " \ and newline. */
void meval_quote(const char *s, char *buf, size_t len);

#endif
