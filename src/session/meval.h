/* meval.h: the C# expression evaluator at a managed stop: a tree from csx_parse walked over
 * the frame's values (ICorDebug), with C#'s arithmetic done here. */
#ifndef MX_SESSION_MEVAL_H
#define MX_SESSION_MEVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clr/clr.h"
#include "clr/mobject.h"
#include "session/meval_decimal.h"
#include "util/err.h"

struct ses;

/* What an expression stands for while it is evaluated. */
enum mv_kind {
	MV_NONE,
	MV_VALUE, /* a value in the debuggee (v): objects, arrays, and lvalues of any type */
	MV_PRIM,  /* a number, bool or char computed here (et, n) */
	MV_STR,	  /* a string computed here (str, UTF-8) */
	MV_NULL,  /* the null literal, or the result of ?. on null */
	MV_TYPE,  /* a type named for its static members (td) */
	MV_NS,	  /* a namespace prefix still being read ("Fixtures" of Fixtures.Values.T) */
	MV_DEC,	  /* a decimal computed here (dec) */
};

struct mv {
	enum mv_kind kind;
	ICorDebugValue *v; /* MV_VALUE: owned */
	CorElementType et; /* MV_PRIM: BOOLEAN, CHAR, I1..U8, R4, R8 */
	union {
		int64_t i;
		uint64_t u;
		double d;
	} n;
	char *str;	       /* MV_STR: owned; MV_NS: the prefix, owned */
	struct clr_typedef td; /* MV_TYPE; for MV_PRIM: the enum type it is a value of, if any */
	struct mdec dec;       /* MV_DEC */
};

void mv_clear(struct mv *v);

/* ---- meval_ops.c: C#'s operators on numbers, bools, chars and strings ---- */

/* C#'s name of a primitive element type ("int"), "?" for others. */
const char *mv_prim_name(CorElementType et);
bool mv_is_numeric(CorElementType et);
bool mv_is_signed(CorElementType et);
unsigned mv_prim_size(CorElementType et);
/* A primitive as C# shows it: 42, 2.25, true, 'c'. */
void mv_prim_text(const struct mv *v, char *buf, size_t len);
/* Unary - + ! ~ on a primitive; -1 with C#'s error for a wrong operand type. */
int mv_unary(int op, const struct mv *a, struct mv *out, struct mx_err *err);
/* Binary arithmetic, shift, comparison, equality, bitwise and logical (non-short-circuit)
 * operators on two primitives, or + and == != on strings (str may be NULL for null). */
int mv_binary(int op, const struct mv *a, const struct mv *b, struct mv *out, struct mx_err *err);
/* Converts a primitive to element type to: explicit casts (unchecked, like C#'s default)
 * or, with explicit false, C#'s implicit conversions (and constants that fit). */
int mv_convert(const struct mv *a, CorElementType to, bool explicit_cast, struct mv *out,
	       struct mx_err *err);
/* The raw bytes of a primitive of element type et (size bytes) for writing; and back. */
void mv_to_bytes(const struct mv *v, uint8_t *bytes, size_t size);
void mv_from_bytes(struct mv *v, CorElementType et, const uint8_t *bytes);
/* The element type of a predefined type keyword ("int" -> I4), 0 for string/object/others. */
CorElementType mv_keyword_type(const char *keyword);
/* The full name of a predefined type keyword ("int" -> "System.Int32"), NULL if none. */
const char *mv_keyword_full_name(const char *keyword);

/* ---- meval_decops.c: decimals ---- */

/* a (a decimal, or an integer or char) as decimal; float and double only by explicit cast. */
int mv_to_dec(const struct mv *a, bool explicit_cast, struct mdec *out, struct mx_err *err);
/* A decimal to a primitive: only explicit (integers truncate; out of range is an error). */
int mv_dec_to_prim(const struct mv *a, CorElementType to, bool explicit_cast, struct mv *out,
		   struct mx_err *err);
/* Unary - + and the binary arithmetic and comparisons with a decimal operand. */
int mv_dec_unary(int op, const struct mv *a, struct mv *out, struct mx_err *err);
int mv_dec_binary(int op, const struct mv *a, const struct mv *b, struct mv *out,
		  struct mx_err *err);
/* Whether v (stripped) is a System.Decimal; its value read and written through its fields. */
bool mv_is_decimal_value(struct clr *c, ICorDebugValue *v);
int mv_read_decimal(struct clr *c, ICorDebugValue *v, struct mdec *out, struct mx_err *err);
int mv_write_decimal(struct clr *c, ICorDebugValue *v, const struct mdec *d, struct mx_err *err);

/* ---- meval.c ---- */

/* Evaluates expr in the selected frame of the current thread (leaf false) or in the leaf
 * frame of thread tid (leaf true, conditions at a breakpoint hit: no function calls). */
struct meval_opts {
	bool leaf;
	pid_t tid;
	bool no_calls;
	/* with no_calls: who runs no code, for the refusals ("a breakpoint condition" when NULL) */
	const char *no_calls_who;
};
/* Evaluates and formats the result for `print` (one level of contents). */
int ses_meval_print(struct ses *s, const char *expr, const struct meval_opts *o, char *out,
		    size_t outlen, struct mx_err *err);
/* Evaluates a condition: *result true or false; a non-bool is an error. */
int ses_meval_bool(struct ses *s, const char *expr, const struct meval_opts *o, bool *result,
		   struct mx_err *err);
/* `set var LHS = RHS` (also given as one assignment expression). */
int ses_meval_assign(struct ses *s, const char *lhs, const char *rhs, struct mx_err *err);
/* `call EXPR`: evaluates like print (calls explicit); *has_value false for a void result
 * (out is then left alone). */
int ses_meval_call(struct ses *s, const char *expr, char *out, size_t outlen, bool *has_value,
		   struct mx_err *err);
/* `ptype EXPR` / `whatis EXPR` (whatis true: the type's name only) over a managed frame. */
int ses_meval_ptype(struct ses *s, const char *expr, bool whatis, char *out, size_t outlen,
		    struct mx_err *err);

/* ---- meval_ptype.c: the declared type of a variable next to its object's type ---- */

/* The declared type of local or argument `name` of method tok at IL offset il, from the
 * method's locals and parameters signatures: true with its C# text ("Fixtures.Animal"). */
bool meval_frame_declared(const struct clr_module *cm, mdMethodDef tok, uint32_t il,
			  const char *name, char *buf, size_t len);
/* Whether v refers to an object whose type differs from declared (a declared type's text);
 * dynamic: that type's name. False for null and for declared types naming generic
 * parameters. */
bool meval_declared_differs(struct clr *c, const char *declared, ICorDebugValue *v, char *dynamic,
			    size_t dlen);
/* Puts "(declared) " before an object's text ("{Fixtures.Dog} {...}"), in place. */
void meval_prefix_declared(const char *declared, char *text, size_t len);
/* The declared type of the variable or field expr names (o: which frame; NULL: the selected
 * one) when its value's type differs: true with both names. Reads only (no code runs). */
bool ses_meval_declared(struct ses *s, const char *expr, const struct meval_opts *o, char *declared,
			size_t dlen, char *dynamic, size_t dynlen);

#endif
