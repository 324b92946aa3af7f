/* csx_internal.h: what the C# expression parser's files share: tokens, the lexer, the parser
 * state, error reporting and node construction. Not for the evaluator (it uses csx.h).
 */
#ifndef MX_CSX_INTERNAL_H
#define MX_CSX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "csx/csx.h"

enum csx_tok_kind {
	CSX_T_EOF,
	CSX_T_IDENT,   /* text: the name (without @; $names with their $) */
	CSX_T_KEYWORD, /* kw: the keyword (static string) */
	CSX_T_INT,     /* u64, flags; text: source */
	CSX_T_REAL,    /* f64, flags; text: source */
	CSX_T_CHAR,    /* u64: the UTF-16 unit */
	CSX_T_STRING,  /* text: UTF-8 contents */
	CSX_T_PUNCT,   /* p: the punctuator (">" is always single: >> is two adjacent tokens) */
};

struct csx_tok {
	enum csx_tok_kind kind;
	size_t pos;	/* byte offset of the first character */
	size_t end;	/* byte offset after the last character */
	bool adjacent;	/* no space between the previous token and this one */
	char p[4];	/* PUNCT */
	const char *kw; /* KEYWORD */
	char *text;	/* IDENT, STRING, INT and REAL source (owned) */
	uint64_t u64;	/* INT, CHAR */
	double f64;	/* REAL */
	unsigned flags; /* CSX_LIT_* */
};

/* The parser's state (one per csx_parse). */
struct csx_parser {
	const char *src;
	struct csx_tok *toks; /* the whole input, ending with an EOF token */
	size_t ntoks, cap;
	size_t i;	  /* the next token */
	unsigned nesting; /* current recursion, bounded by CSX_MAX_NESTING */
	bool failed;	  /* err is set: every level unwinds */
	struct mx_err *err;
	/* Where a type could not be parsed (a tentative parse does not report; whoever needed
	 * the type reports this). */
	size_t type_fail_pos;
	int type_fail_code;
	char type_fail_msg[128];
};

/* Bounded text output (csx_type_text, csx_dump). */
struct csx_out {
	char *buf;
	size_t len; /* size of buf */
	size_t n;   /* characters written so far (buf always NUL-terminated) */
};
void csx_put(struct csx_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void csx_put_type(struct csx_out *o, const struct csx_type *t);

/* Reports "(line,col): error CSnnnn: message" at byte offset pos (only the first error). */
void csx_error_at(struct csx_parser *p, size_t pos, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The same without a C# error code (for what C# accepts and mixdbg does not). */
void csx_refuse_at(struct csx_parser *p, size_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Splits p->src into p->toks. Returns 0, or -1 with the error reported. */
int csx_lex(struct csx_parser *p);
void csx_toks_free(struct csx_parser *p);
/* The token's text for messages ("')'", "'foo'", "end of input"), into buf. */
const char *csx_tok_text(const struct csx_parser *p, const struct csx_tok *t, char *buf,
			 size_t len);

/* Literal scanners (literal.c): each starts at s[*i] and advances *i past the literal, or
 * reports an error and returns -1. */
int csx_lex_number(struct csx_parser *p, size_t *i, struct csx_tok *t);
int csx_lex_char(struct csx_parser *p, size_t *i, struct csx_tok *t);
int csx_lex_string(struct csx_parser *p, size_t *i, struct csx_tok *t);
int csx_lex_verbatim_string(struct csx_parser *p, size_t *i, struct csx_tok *t);

/* Token tests. */
static inline const struct csx_tok *csx_peek(const struct csx_parser *p, size_t ahead)
{
	size_t k = p->i + ahead;
	return &p->toks[k < p->ntoks ? k : p->ntoks - 1];
}
/* Consumes the next token (never past the EOF token) and returns it. */
const struct csx_tok *csx_next(struct csx_parser *p);
/* Consumes punctuator s, or reports C#'s message for its absence and returns false. */
bool csx_expect(struct csx_parser *p, const char *s);
/* Reports t where an expression should start (CS1733 at the end, else CS1525). */
void csx_bad_term(struct csx_parser *p, const struct csx_tok *t);
bool csx_is_punct(const struct csx_tok *t, const char *s);
bool csx_is_kw(const struct csx_tok *t, const char *kw);
/* int, string, object...: a predefined type keyword (void included, for typeof(void)). */
bool csx_is_type_keyword(const struct csx_tok *t);

/* Types (type.c). Parses a type at p->i; on failure returns NULL with p->i unchanged and the
 * reason in p->type_fail_*, reporting nothing (unless the nesting limit is hit, which is
 * fatal). in_is_as: `x is T ? a : b` / `x as T ? ...`: a ? followed by an expression is the
 * conditional operator, not nullable. */
struct csx_type *csx_parse_type(struct csx_parser *p, bool in_is_as);
/* Type arguments `<T, U>` at p->i (which is '<'); false on failure as above. */
bool csx_parse_type_args(struct csx_parser *p, struct csx_type ***args, size_t *nargs);
void csx_type_args_free(struct csx_type **args, size_t n);
/* Rank specifiers [] [,] ... at p->i into ranks (at most max); returns how many (0 if
 * none), or -1 if too many (reported). */
int csx_parse_ranks(struct csx_parser *p, unsigned *ranks, size_t max);
/* Wraps elem into arrays of ranks[0] (outermost) ... ranks[n-1] (innermost), as C# reads
 * int[][,]: an array of two-dimensional arrays. */
struct csx_type *csx_type_arrays(struct csx_type *elem, const unsigned *ranks, size_t n);
/* Reports the failure csx_parse_type recorded. */
void csx_report_type_fail(struct csx_parser *p);

/* Nesting: enter before recursing (false: too deep, reported), leave after. */
bool csx_enter(struct csx_parser *p, size_t pos);
static inline void csx_leave(struct csx_parser *p)
{
	p->nesting--;
}

/* Nodes (node.c). */
struct csx_node *csx_node_new(enum csx_kind kind, size_t pos);
void csx_node_add(struct csx_node *n, struct csx_node *kid);
/* op applied to operand / to a and b (kind BINARY or ASSIGN); NULL if the tree gets too
 * deep (reported; the kids are freed). */
struct csx_node *csx_unary_node(struct csx_parser *p, int op, size_t pos, struct csx_node *operand);
struct csx_node *csx_binary_node(struct csx_parser *p, enum csx_kind kind, int op, size_t pos,
				 struct csx_node *a, struct csx_node *b);
/* Checks the tree height after n's kids are attached: false (reported, n freed) if too
 * deep. */
bool csx_node_done(struct csx_parser *p, struct csx_node *n);

/* The parser's levels: a whole expression (assignment level, parse.c) and a primary
 * expression with its postfix operators (primary.c). */
struct csx_node *csx_parse_expr(struct csx_parser *p);
struct csx_node *csx_parse_primary(struct csx_parser *p);

#endif
