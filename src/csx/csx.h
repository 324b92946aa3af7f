/* csx.h: the C# expression subset a user types in a watch window, `print`, a breakpoint
 * condition or `set var`, parsed into a tree (pure C: no runtime, no ICorDebug). The evaluator
 * walks this tree; the parser only checks syntax (names, types and lvalues are its business).
 *
 * What is parsed, with C#'s precedence and associativity (C# spec, "Operators"): literals,
 * names (with @keyword escapes and debugger names such as $exception, $1), this, base, member
 * access (. and ?.), element access ([] and ?[]), calls, generic names Foo<int> (C#'s
 * disambiguation: a `<...>` is a type argument list when one of ( ) ] } : ; , . ? == != | ^
 * && || & [ or the end follows it), x++ x-- x! (null-forgiving, dropped), unary + - ! ~ ++ --,
 * casts (C#'s cast disambiguation), * / % + - << >> >>> < > <= >= is as == != & ^ | && || ??
 * ?: and the assignments = op= ??=, ranges a..b (any side may be left out) and ^i (index from
 * the end), typeof(T) sizeof(T) default(T) default, new T(args) and
 * new T[n]. Not parsed (a clear error): lambdas, interpolated strings, patterns other than
 * `is T`, `is null`, `is not ...`, object and collection initializers, unsafe pointers.
 */
#ifndef MX_CSX_CSX_H
#define MX_CSX_CSX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/* Nesting the parser accepts (parentheses, unary operators, generic arguments...): deeper
 * input is refused so that hostile text cannot exhaust the stack. */
#define CSX_MAX_NESTING 200
/* Height of the tree the parser builds (a chain a+b+c+... is parsed by a loop but is as
 * deep as it is long, and whoever walks the tree recurses). */
#define CSX_MAX_TREE_DEPTH 1000

enum csx_kind {
	CSX_INT,      /* integer literal: u64 holds the value; flags CSX_LIT_U / CSX_LIT_L suffixes;
			 text = the literal as written */
	CSX_REAL,     /* real literal: f64; flags CSX_LIT_F (f), CSX_LIT_D (d), CSX_LIT_M (m,
			 decimal); text = the literal as written */
	CSX_CHAR,     /* 'a', '\n', '\u0041': u64 = UTF-16 code unit */
	CSX_STRING,   /* "..." with C# escapes, and verbatim @"...": text = UTF-8 */
	CSX_BOOL,     /* true/false: u64 0/1 */
	CSX_NULL,     /* null */
	CSX_THIS,     /* this */
	CSX_BASE,     /* base (only as base.X or base[i]: C# allows no other use) */
	CSX_NAME,     /* identifier: text (without the @ of @keyword; $names keep their $);
			 type_args for Foo<int>; flag CSX_NAME_KEYWORD for a predefined type
			 keyword used as a value's target (int.MaxValue: text "int");
			 nint and nuint are contextual keywords in C#, so plain names here */
	CSX_MEMBER,   /* kids[0].text; text = member name; conditional for ?.; type_args for
			 x.Foo<int> */
	CSX_INDEX,    /* kids[0][kids[1], kids[2]...]; conditional for ?[ */
	CSX_CALL,     /* kids[0](kids[1..]): kids[0] is a NAME or MEMBER (or any expression) */
	CSX_UNARY,    /* op on kids[0]: CSX_OP_NEG '-', CSX_OP_PLUS '+', CSX_OP_NOT '!',
			 CSX_OP_COMPL '~', CSX_OP_PREINC/PREDEC, CSX_OP_POSTINC/POSTDEC */
	CSX_BINARY,   /* kids[0] op kids[1], op an enum csx_op */
	CSX_COND,     /* kids[0] ? kids[1] : kids[2] */
	CSX_CAST,     /* (type)kids[0] */
	CSX_IS,	      /* kids[0] is type; flags CSX_IS_NULL (type NULL: `is null`) and CSX_IS_NOT
			 (`is not T`, `is not null`) */
	CSX_AS,	      /* kids[0] as type */
	CSX_TYPEOF,   /* typeof(type) */
	CSX_DEFAULT,  /* default(type); type NULL for the default literal `default` */
	CSX_SIZEOF,   /* sizeof(type) */
	CSX_NEW,      /* new type(kids...); with flag CSX_NEW_ARRAY: new T[kids...], type is the
			 array type (T[] for new T[n], T[,] for new T[n, m]) */
	CSX_ASSIGN,   /* kids[0] = kids[1]; op 0 for =, else the operator of op= (CSX_OP_ADD for +=,
			 CSX_OP_COALESCE for ??=) */
	CSX_FROM_END, /* ^kids[0]: an index counted from the end (System.Index) */
	CSX_RANGE,    /* start..end (System.Range): flags CSX_RANGE_START / CSX_RANGE_END tell
			 which operands are written; kids hold those, start first */
};

/* Operators. The single-character ones are their character, so that `case '+':` works too. */
enum csx_op {
	CSX_OP_NONE = 0,
	CSX_OP_ADD = '+',
	CSX_OP_SUB = '-',
	CSX_OP_MUL = '*',
	CSX_OP_DIV = '/',
	CSX_OP_MOD = '%',
	CSX_OP_LT = '<',
	CSX_OP_GT = '>',
	CSX_OP_AND = '&', /* bitwise or logical (bool) and, not short-circuit */
	CSX_OP_XOR = '^',
	CSX_OP_OR = '|',
	CSX_OP_NOT = '!',
	CSX_OP_COMPL = '~',
	CSX_OP_NEG = '-',  /* unary minus (same value as CSX_OP_SUB) */
	CSX_OP_PLUS = '+', /* unary plus (same value as CSX_OP_ADD) */
	CSX_OP_SHL = 256,  /* << */
	CSX_OP_SHR,	   /* >> */
	CSX_OP_USHR,	   /* >>> */
	CSX_OP_LE,	   /* <= */
	CSX_OP_GE,	   /* >= */
	CSX_OP_EQ,	   /* == */
	CSX_OP_NE,	   /* != */
	CSX_OP_ANDAND,	   /* && */
	CSX_OP_OROR,	   /* || */
	CSX_OP_COALESCE,   /* ?? */
	CSX_OP_PREINC,	   /* ++x */
	CSX_OP_PREDEC,	   /* --x */
	CSX_OP_POSTINC,	   /* x++ */
	CSX_OP_POSTDEC,	   /* x-- */
};

/* flags */
#define CSX_LIT_U	 0x01u	 /* integer suffix u (also part of ul / lu) */
#define CSX_LIT_L	 0x02u	 /* integer suffix l */
#define CSX_LIT_F	 0x04u	 /* real suffix f: float */
#define CSX_LIT_D	 0x08u	 /* real suffix d: double */
#define CSX_LIT_M	 0x10u	 /* real suffix m: decimal (text keeps the digits) */
#define CSX_LIT_HEX	 0x20u	 /* integer written 0x... */
#define CSX_LIT_BIN	 0x40u	 /* integer written 0b... */
#define CSX_NAME_KEYWORD 0x80u	 /* NAME is a predefined type keyword (int, string...) */
#define CSX_IS_NULL	 0x100u	 /* IS: `is null` */
#define CSX_IS_NOT	 0x200u	 /* IS: `is not ...` */
#define CSX_NEW_ARRAY	 0x400u	 /* NEW: new T[n...] */
#define CSX_RANGE_START	 0x800u	 /* RANGE: a start is written (a.. or a..b) */
#define CSX_RANGE_END	 0x1000u /* RANGE: an end is written (..b or a..b) */

struct csx_type {		/* a C# type as written */
	char *name;		/* "int", "string", "System.Collections.Generic.List",
				   "Fixtures.Outer.Inner" (dotted, without generic args); NULL
				   for an array */
	struct csx_type **args; /* generic arguments, nargs */
	size_t nargs;
	unsigned rank;	       /* array: 1 for T[], 2 for T[,], ... 0 if not an array */
	struct csx_type *elem; /* for arrays (and nested arrays T[][]): the element type */
	bool nullable;	       /* int? */
	bool keyword;	       /* name is a predefined type keyword (int, string, object...) */
	size_t pos;	       /* byte offset in the source */
};

struct csx_node {
	enum csx_kind kind;
	int op;			     /* enum csx_op for UNARY/BINARY/ASSIGN */
	unsigned flags;		     /* CSX_LIT_*, CSX_NAME_KEYWORD, CSX_IS_*, CSX_NEW_ARRAY */
	bool conditional;	     /* ?. ?[ */
	uint64_t u64;		     /* INT, CHAR, BOOL value */
	double f64;		     /* REAL value (for m: the nearest double; text is exact) */
	char *text;		     /* NAME, MEMBER name, STRING contents (UTF-8, never holds NUL),
					literal source text for INT/REAL */
	struct csx_type *type;	     /* CAST, IS, AS, TYPEOF, DEFAULT, SIZEOF, NEW */
	struct csx_type **type_args; /* generic method args: Foo<int>(x) */
	size_t ntype_args;
	struct csx_node **kids;
	size_t nkids;
	size_t pos;	 /* byte offset in the source, for messages */
	unsigned height; /* 1 + the largest height of kids (bounded by
			    CSX_MAX_TREE_DEPTH) */
};

/* Parses a whole expression. On success returns 0 and *out (free with csx_free). On error
 * returns -1 with err set to C#'s own wording where it has one, with the line and column
 * (1-based, in characters), e.g. "(1,5): error CS1525: Invalid expression term ')'". */
int csx_parse(const char *text, struct csx_node **out, struct mx_err *err);
void csx_free(struct csx_node *n);
void csx_type_free(struct csx_type *t);
/* Writes the type as C# text ("List<int>[]", "int?"), truncated to len. */
void csx_type_text(const struct csx_type *t, char *buf, size_t len);
/* s-expression dump for tests: (+ (name a) (int 1)); truncated to len. */
void csx_dump(const struct csx_node *n, char *buf, size_t len);

#endif
