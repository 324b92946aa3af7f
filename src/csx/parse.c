/* parse.c: recursive descent over the tokens of one C# expression, with C#'s precedence and
 * associativity (C# spec, "Operators" 12.4.2), from lowest to highest: assignment (right),
 * ?: (right), ?? (right), ||, &&, |, ^, &, == !=, < > <= >= is as, << >> >>>, + -, * / %,
 * range (..), unary (+ - ! ~ ^ ++ -- casts); primary expressions are in primary.c.
 * The range operator has a level of its own between unary and multiplicative, its operands
 * unary expressions that may each be left out (C# 8 standard, expressions.md "Range
 * operator": range_expression : unary_expression | unary_expression? '..' unary_expression?;
 * Roslyn's OperatorPrecedence.Range): 1..2*3 is (1..2)*3, and -1..^1 is (-1)..(^1).
 *
 * Casts or parentheses are told apart as C# does it (spec 12.9.7): `(T)x` is a cast when T
 * is a type that is not also an expression (int, int?, T[]), or when it is a name and the
 * next token is an identifier, a literal, '(', '~', '!' or a keyword other than is/as; so
 * `(a)-b` subtracts and `(int)-1` casts.
 * Every function returns NULL once p->failed is set (the first error is the one reported).
 */
#include <stdlib.h>
#include <string.h>

#include "csx/csx_internal.h"

static struct csx_node *parse_unary(struct csx_parser *p);

/* ---- unary and casts ---- */

/* Whether a cast's type could also be read as an expression (a name, maybe generic). */
static bool type_is_expression(const struct csx_type *t)
{
	return !t->rank && !t->nullable && !t->keyword;
}

/* Whether t, after `(Name)`, makes it a cast (spec 12.9.7). */
static bool cast_follower(const struct csx_tok *t)
{
	switch (t->kind) {
	case CSX_T_IDENT:
	case CSX_T_INT:
	case CSX_T_REAL:
	case CSX_T_CHAR:
	case CSX_T_STRING:
		return true;
	case CSX_T_KEYWORD:
		return !csx_is_kw(t, "as") && !csx_is_kw(t, "is");
	case CSX_T_PUNCT:
		return csx_is_punct(t, "~") || csx_is_punct(t, "!") || csx_is_punct(t, "(");
	case CSX_T_EOF:
		break;
	}
	return false;
}

/* At '(': a cast if C# reads one, else NULL with the tokens untouched (and p->failed unset). */
static struct csx_node *try_cast(struct csx_parser *p)
{
	size_t save = p->i, pos = csx_peek(p, 0)->pos;
	csx_next(p);
	struct csx_type *ty = csx_parse_type(p, false);
	if (ty && csx_is_punct(csx_peek(p, 0), ")") &&
	    (!type_is_expression(ty) || cast_follower(csx_peek(p, 1)))) {
		csx_next(p);
		if (!csx_enter(p, pos)) {
			csx_type_free(ty);
			return NULL;
		}
		struct csx_node *operand = parse_unary(p);
		csx_leave(p);
		if (!operand) {
			csx_type_free(ty);
			return NULL;
		}
		struct csx_node *n = csx_node_new(CSX_CAST, pos);
		n->type = ty;
		csx_node_add(n, operand);
		return csx_node_done(p, n) ? n : NULL;
	}
	csx_type_free(ty);
	p->i = save;
	return NULL;
}

static struct csx_node *parse_unary(struct csx_parser *p)
{
	const struct csx_tok *t = csx_peek(p, 0);
	static const struct {
		const char *tok;
		int op;
	} ops[] = {{"+", CSX_OP_PLUS},	{"-", CSX_OP_NEG},     {"!", CSX_OP_NOT},
		   {"~", CSX_OP_COMPL}, {"++", CSX_OP_PREINC}, {"--", CSX_OP_PREDEC}};
	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
		if (!csx_is_punct(t, ops[k].tok))
			continue;
		csx_next(p);
		if (!csx_enter(p, t->pos))
			return NULL;
		struct csx_node *operand = parse_unary(p);
		csx_leave(p);
		return operand ? csx_unary_node(p, ops[k].op, t->pos, operand) : NULL;
	}
	if (csx_is_punct(t, "^")) { /* index from end: a unary operator (C# 8) */
		csx_next(p);
		if (!csx_enter(p, t->pos))
			return NULL;
		struct csx_node *operand = parse_unary(p);
		csx_leave(p);
		if (!operand)
			return NULL;
		struct csx_node *n = csx_node_new(CSX_FROM_END, t->pos);
		csx_node_add(n, operand);
		return csx_node_done(p, n) ? n : NULL;
	}
	if (csx_is_punct(t, "(")) {
		struct csx_node *cast = try_cast(p);
		if (cast || p->failed)
			return cast;
	}
	return csx_parse_primary(p);
}

/* ---- range ---- */

/* Whether t can begin the operand after `..` (else the range is open at its end: `a[1..]`). */
static bool starts_operand(const struct csx_tok *t)
{
	switch (t->kind) {
	case CSX_T_IDENT:
	case CSX_T_INT:
	case CSX_T_REAL:
	case CSX_T_CHAR:
	case CSX_T_STRING:
		return true;
	case CSX_T_KEYWORD:
		return !csx_is_kw(t, "as") && !csx_is_kw(t, "is");
	case CSX_T_PUNCT: {
		static const char *const starts[] = {"(", "-", "+", "!", "~", "^", "++", "--"};
		for (size_t k = 0; k < sizeof(starts) / sizeof(starts[0]); k++)
			if (csx_is_punct(t, starts[k]))
				return true;
		return false;
	}
	case CSX_T_EOF:
		break;
	}
	return false;
}

static struct csx_node *parse_range(struct csx_parser *p)
{
	struct csx_node *start = NULL;
	const struct csx_tok *t = csx_peek(p, 0);
	if (!csx_is_punct(t, "..")) {
		start = parse_unary(p);
		t = csx_peek(p, 0);
		if (!start || !csx_is_punct(t, ".."))
			return start;
	}
	csx_next(p);
	struct csx_node *n = csx_node_new(CSX_RANGE, t->pos);
	if (start) {
		n->flags |= CSX_RANGE_START;
		csx_node_add(n, start);
	}
	if (starts_operand(csx_peek(p, 0))) {
		struct csx_node *end = parse_unary(p);
		if (!end) {
			csx_free(n);
			return NULL;
		}
		n->flags |= CSX_RANGE_END;
		csx_node_add(n, end);
	}
	return csx_node_done(p, n) ? n : NULL;
}

/* ---- binary operators ---- */

enum {
	PREC_COALESCE = 1,
	PREC_OROR,
	PREC_ANDAND,
	PREC_OR,
	PREC_XOR,
	PREC_AND,
	PREC_EQUALITY,
	PREC_RELATIONAL,
	PREC_SHIFT,
	PREC_ADDITIVE,
	PREC_MULTIPLICATIVE,
};

struct binop {
	int op;	      /* enum csx_op; 0 for is / as */
	int prec;     /* PREC_* */
	size_t ntoks; /* tokens it spans (>> is two '>') */
	bool right;   /* right-associative */
};

/* '>' followed without space by each of the strings in more (">>" is '>' '>'). */
static bool gt_run(const struct csx_parser *p, const char *const *more, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const struct csx_tok *t = csx_peek(p, k + 1);
		if (!csx_is_punct(t, more[k]) || !t->adjacent)
			return false;
	}
	return true;
}

/* The assignment operator at p->i: its op (0 for =) and length in tokens, or 0 tokens. */
static size_t assign_op(const struct csx_parser *p, int *op)
{
	static const struct {
		const char *tok;
		int op;
	} ops[] = {{"=", CSX_OP_NONE},	{"+=", CSX_OP_ADD},	  {"-=", CSX_OP_SUB},
		   {"*=", CSX_OP_MUL},	{"/=", CSX_OP_DIV},	  {"%=", CSX_OP_MOD},
		   {"&=", CSX_OP_AND},	{"|=", CSX_OP_OR},	  {"^=", CSX_OP_XOR},
		   {"<<=", CSX_OP_SHL}, {"?\?=", CSX_OP_COALESCE}};
	const struct csx_tok *t = csx_peek(p, 0);
	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
		if (csx_is_punct(t, ops[k].tok)) {
			*op = ops[k].op;
			return 1;
		}
	static const char *const shr[] = {">="}, *const ushr[] = {">", ">="};
	if (csx_is_punct(t, ">") && gt_run(p, shr, 1)) {
		*op = CSX_OP_SHR;
		return 2;
	}
	if (csx_is_punct(t, ">") && gt_run(p, ushr, 2)) {
		*op = CSX_OP_USHR;
		return 3;
	}
	return 0;
}

static bool binary_op(const struct csx_parser *p, struct binop *b)
{
	static const struct {
		const char *tok;
		int op, prec;
	} ops[] = {
	    {"??", CSX_OP_COALESCE, PREC_COALESCE},
	    {"||", CSX_OP_OROR, PREC_OROR},
	    {"&&", CSX_OP_ANDAND, PREC_ANDAND},
	    {"|", CSX_OP_OR, PREC_OR},
	    {"^", CSX_OP_XOR, PREC_XOR},
	    {"&", CSX_OP_AND, PREC_AND},
	    {"==", CSX_OP_EQ, PREC_EQUALITY},
	    {"!=", CSX_OP_NE, PREC_EQUALITY},
	    {"<", CSX_OP_LT, PREC_RELATIONAL},
	    {"<=", CSX_OP_LE, PREC_RELATIONAL},
	    {">=", CSX_OP_GE, PREC_RELATIONAL},
	    {"<<", CSX_OP_SHL, PREC_SHIFT},
	    {"+", CSX_OP_ADD, PREC_ADDITIVE},
	    {"-", CSX_OP_SUB, PREC_ADDITIVE},
	    {"*", CSX_OP_MUL, PREC_MULTIPLICATIVE},
	    {"/", CSX_OP_DIV, PREC_MULTIPLICATIVE},
	    {"%", CSX_OP_MOD, PREC_MULTIPLICATIVE},
	};
	const struct csx_tok *t = csx_peek(p, 0);
	*b = (struct binop){0, PREC_RELATIONAL, 1, false};
	if (csx_is_kw(t, "is") || csx_is_kw(t, "as"))
		return true;
	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
		if (csx_is_punct(t, ops[k].tok)) {
			*b =
			    (struct binop){ops[k].op, ops[k].prec, 1, ops[k].op == CSX_OP_COALESCE};
			return true;
		}
	if (!csx_is_punct(t, ">"))
		return false;
	static const char *const shr[] = {">"}, *const ushr[] = {">", ">"}, *const asg[] = {">="},
				 *const uasg[] = {">", ">="};
	if (gt_run(p, asg, 1) || gt_run(p, uasg, 2))
		return false; /* >>= and >>>= are assignments */
	if (gt_run(p, ushr, 2))
		*b = (struct binop){CSX_OP_USHR, PREC_SHIFT, 3, false};
	else if (gt_run(p, shr, 1))
		*b = (struct binop){CSX_OP_SHR, PREC_SHIFT, 2, false};
	else
		*b = (struct binop){CSX_OP_GT, PREC_RELATIONAL, 1, false};
	return true;
}

/* The type after `is` / `as` (the keyword is at p->i). */
static struct csx_node *is_as(struct csx_parser *p, struct csx_node *left)
{
	const struct csx_tok *kw = csx_next(p);
	bool is = csx_is_kw(kw, "is");
	struct csx_node *n = csx_node_new(is ? CSX_IS : CSX_AS, kw->pos);
	csx_node_add(n, left);
	const struct csx_tok *t = csx_peek(p, 0);
	if (is && t->kind == CSX_T_IDENT && strcmp(t->text, "not") == 0 &&
	    csx_peek(p, 1)->kind != CSX_T_PUNCT) {
		n->flags |= CSX_IS_NOT;
		csx_next(p);
		t = csx_peek(p, 0);
	}
	if (is && csx_is_kw(t, "null")) {
		n->flags |= CSX_IS_NULL;
		csx_next(p);
	} else {
		n->type = csx_parse_type(p, true);
		if (!n->type) {
			if (is && csx_peek(p, 0)->kind != CSX_T_EOF)
				csx_refuse_at(
				    p, csx_peek(p, 0)->pos,
				    "only the patterns `is T`, `is null` and `is not ...` "
				    "are supported");
			else
				csx_report_type_fail(p);
			csx_free(n);
			return NULL;
		}
	}
	t = csx_peek(p, 0);
	if (is && t->kind == CSX_T_IDENT) { /* x is T name, x is T and ... */
		csx_refuse_at(p, t->pos,
			      "only the patterns `is T`, `is null` and `is not ...` are supported");
		csx_free(n);
		return NULL;
	}
	return csx_node_done(p, n) ? n : NULL;
}

/* Operators of precedence min_prec and above (precedence climbing). */
static struct csx_node *parse_binary(struct csx_parser *p, int min_prec)
{
	struct csx_node *left = parse_range(p);
	struct binop b;
	while (left && binary_op(p, &b) && b.prec >= min_prec) {
		if (!b.op) {
			left = is_as(p, left);
			continue;
		}
		const struct csx_tok *t = csx_peek(p, 0);
		p->i += b.ntoks;
		struct csx_node *right;
		if (b.right) { /* a ?? b ?? c recurses as deep as the chain is long */
			if (!csx_enter(p, t->pos)) {
				csx_free(left);
				return NULL;
			}
			right = parse_binary(p, b.prec);
			csx_leave(p);
		} else {
			right = parse_binary(p, b.prec + 1);
		}
		if (!right) {
			csx_free(left);
			return NULL;
		}
		left = csx_binary_node(p, CSX_BINARY, b.op, t->pos, left, right);
	}
	return left;
}

/* ---- conditional, assignment ---- */

static struct csx_node *parse_conditional(struct csx_parser *p)
{
	struct csx_node *c = parse_binary(p, PREC_COALESCE);
	const struct csx_tok *q = csx_peek(p, 0);
	if (!c || !csx_is_punct(q, "?"))
		return c;
	csx_next(p);
	struct csx_node *n = csx_node_new(CSX_COND, q->pos);
	csx_node_add(n, c);
	struct csx_node *a = csx_parse_expr(p);
	if (!a)
		goto fail;
	csx_node_add(n, a);
	if (!csx_expect(p, ":"))
		goto fail;
	struct csx_node *b = csx_parse_expr(p);
	if (!b)
		goto fail;
	csx_node_add(n, b);
	return csx_node_done(p, n) ? n : NULL;
fail:
	csx_free(n);
	return NULL;
}

struct csx_node *csx_parse_expr(struct csx_parser *p)
{
	if (!csx_enter(p, csx_peek(p, 0)->pos))
		return NULL;
	struct csx_node *left = parse_conditional(p);
	int op;
	size_t ntoks;
	if (left && (ntoks = assign_op(p, &op)) > 0) {
		size_t pos = csx_peek(p, 0)->pos;
		p->i += ntoks;
		struct csx_node *right = csx_parse_expr(p);
		if (right)
			left = csx_binary_node(p, CSX_ASSIGN, op, pos, left, right);
		else {
			csx_free(left);
			left = NULL;
		}
	}
	csx_leave(p);
	return left;
}

int csx_parse(const char *text, struct csx_node **out, struct mx_err *err)
{
	struct csx_parser p = {.src = text ? text : "", .err = err};
	*out = NULL;
	if (err)
		err->msg[0] = 0;
	if (csx_lex(&p) < 0) {
		csx_toks_free(&p);
		return -1;
	}
	struct csx_node *n = csx_parse_expr(&p);
	if (n && p.failed) { /* the nesting limit, hit while trying a reading that failed */
		csx_free(n);
		n = NULL;
	}
	if (n && csx_peek(&p, 0)->kind != CSX_T_EOF) {
		char buf[64];
		const struct csx_tok *t = csx_peek(&p, 0);
		csx_error_at(&p, t->pos, 1073, "Unexpected token '%s'",
			     csx_tok_text(&p, t, buf, sizeof(buf)));
		csx_free(n);
		n = NULL;
	}
	csx_toks_free(&p);
	if (!n) {
		if (!p.failed) /* every failing path reports; this is a safety net */
			mx_err_set(err, "error: the expression could not be parsed");
		return -1;
	}
	*out = n;
	return 0;
}
