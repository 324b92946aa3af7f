/* parse.c: recursive descent over the tokens of one C# expression, with C#'s precedence and
 * associativity (C# spec, "Operators" 12.4.2), from lowest to highest: assignment (right),
 * ?: (right), ?? (right), ||, &&, |, ^, &, == !=, < > <= >= is as, << >> >>>, + -, * / %,
 * unary (+ - ! ~ ++ -- casts), primary (x.y x?.y x[i] x?[i] f(x) x++ x-- x! new typeof
 * default sizeof).
 *
 * Two ambiguities are settled as C# settles them:
 * - cast or parentheses (spec 12.9.7): `(T)x` is a cast when T is a type that is not also an
 *   expression (int, int?, T[]), or when it is a name and the next token is an identifier, a
 *   literal, '(', '~', '!' or a keyword other than is/as; so `(a)-b` subtracts and `(int)-1`
 *   casts.
 * - generic name or less-than (spec 6.2.5, "Grammar ambiguities"): `F<A, B>` keeps its type
 *   arguments when the token after '>' is one of ( ) ] } : ; , . ? == != | ^ && || & [ or
 *   the end; `a < b > c` compares.
 * Every function returns NULL once p->failed is set (the first error is the one reported).
 */
#include <stdlib.h>
#include <string.h>

#include "csx/csx_internal.h"
#include "util/xalloc.h"

static struct csx_node *parse_expr(struct csx_parser *p);
static struct csx_node *parse_unary(struct csx_parser *p);

static const struct csx_tok *next_tok(struct csx_parser *p)
{
	const struct csx_tok *t = csx_peek(p, 0);
	if (p->i < p->ntoks - 1)
		p->i++;
	return t;
}

/* Consumes punctuator s or reports C#'s message for its absence. */
static bool expect(struct csx_parser *p, const char *s)
{
	const struct csx_tok *t = csx_peek(p, 0);
	if (csx_is_punct(t, s)) {
		next_tok(p);
		return true;
	}
	if (strcmp(s, ")") == 0)
		csx_error_at(p, t->pos, 1026, ") expected");
	else
		csx_error_at(p, t->pos, 1003, "Syntax error, '%s' expected", s);
	return false;
}

/* Reports a token where an expression should start. */
static void bad_term(struct csx_parser *p, const struct csx_tok *t)
{
	char buf[64];
	if (t->kind == CSX_T_EOF)
		csx_error_at(p, t->pos, 1733, "Expected expression");
	else
		csx_error_at(p, t->pos, 1525, "Invalid expression term '%s'",
			     csx_tok_text(p, t, buf, sizeof(buf)));
}

static struct csx_node *unary_node(struct csx_parser *p, int op, size_t pos,
				   struct csx_node *operand)
{
	struct csx_node *n = csx_node_new(CSX_UNARY, pos);
	n->op = op;
	csx_node_add(n, operand);
	return csx_node_done(p, n) ? n : NULL;
}

static struct csx_node *binary_node(struct csx_parser *p, enum csx_kind kind, int op, size_t pos,
				    struct csx_node *a, struct csx_node *b)
{
	struct csx_node *n = csx_node_new(kind, pos);
	n->op = op;
	csx_node_add(n, a);
	csx_node_add(n, b);
	return csx_node_done(p, n) ? n : NULL;
}

/* ---- generic names ---- */

/* Whether t may follow a type argument list (spec 6.2.5). */
static bool follows_type_args(const struct csx_tok *t)
{
	static const char *const set[] = {"(",	")",  "]",  "}", ":", ";",  ",",  ".", "?",
					  "?.", "==", "!=", "|", "^", "&&", "||", "&", "["};
	if (t->kind == CSX_T_EOF)
		return true;
	if (t->kind != CSX_T_PUNCT)
		return false;
	for (size_t k = 0; k < sizeof(set) / sizeof(set[0]); k++)
		if (strcmp(t->p, set[k]) == 0)
			return true;
	return false;
}

/* At '<' after a name or member: takes the type arguments if C# would. */
static void try_type_args(struct csx_parser *p, struct csx_node *n)
{
	if (!csx_is_punct(csx_peek(p, 0), "<"))
		return;
	size_t save = p->i;
	struct csx_type **args;
	size_t nargs;
	if (!csx_parse_type_args(p, &args, &nargs))
		return;
	if (!follows_type_args(csx_peek(p, 0))) {
		csx_type_args_free(args, nargs);
		p->i = save;
		return;
	}
	n->type_args = args;
	n->ntype_args = nargs;
}

/* ---- primary ---- */

/* Expressions separated by ',' up to close (")" or "]"), added to n's kids. */
static bool parse_args(struct csx_parser *p, struct csx_node *n, const char *close)
{
	if (csx_is_punct(csx_peek(p, 0), close)) {
		next_tok(p);
		return true;
	}
	for (;;) {
		const struct csx_tok *t = csx_peek(p, 0);
		if (csx_is_kw(t, "ref") || csx_is_kw(t, "out") || csx_is_kw(t, "in")) {
			csx_refuse_at(p, t->pos, "ref, out and in arguments are not supported");
			return false;
		}
		struct csx_node *arg = parse_expr(p);
		if (!arg)
			return false;
		csx_node_add(n, arg);
		if (csx_is_punct(csx_peek(p, 0), ",")) {
			next_tok(p);
			continue;
		}
		return expect(p, close);
	}
}

static struct csx_node *literal(struct csx_parser *p, enum csx_kind kind)
{
	struct csx_tok *t = &p->toks[p->i];
	struct csx_node *n = csx_node_new(kind, t->pos);
	n->u64 = t->u64;
	n->f64 = t->f64;
	n->flags = t->flags;
	n->text = t->text; /* the node takes it */
	t->text = NULL;
	next_tok(p);
	return n;
}

/* typeof(T), sizeof(T), default(T): the keyword is consumed. */
static struct csx_node *type_operator(struct csx_parser *p, enum csx_kind kind, size_t pos)
{
	if (!expect(p, "("))
		return NULL;
	struct csx_type *ty = csx_parse_type(p, false);
	if (!ty) {
		csx_report_type_fail(p);
		return NULL;
	}
	if (!expect(p, ")")) {
		csx_type_free(ty);
		return NULL;
	}
	struct csx_node *n = csx_node_new(kind, pos);
	n->type = ty;
	return n;
}

/* new T(args), new T[n, m][]: `new` is consumed. */
static struct csx_node *parse_new(struct csx_parser *p, size_t pos)
{
	const struct csx_tok *t = csx_peek(p, 0);
	if (csx_is_punct(t, "(") || csx_is_punct(t, "[") || csx_is_punct(t, "{")) {
		csx_refuse_at(p, t->pos,
			      "new without a type (new(), new[] {...}) is not supported: name the "
			      "type");
		return NULL;
	}
	struct csx_type *ty = csx_parse_type(p, false);
	if (!ty) {
		csx_report_type_fail(p);
		return NULL;
	}
	struct csx_node *n = csx_node_new(CSX_NEW, pos);
	t = csx_peek(p, 0);
	if (csx_is_punct(t, "[") && !ty->rank) {
		n->flags |= CSX_NEW_ARRAY;
		next_tok(p);
		if (!parse_args(p, n, "]"))
			goto fail;
		if (n->nkids == 0) {
			csx_error_at(p, t->pos, 1586,
				     "Array creation must have array size or array initializer");
			goto fail;
		}
		unsigned ranks[33];
		ranks[0] = (unsigned)n->nkids;
		int more = csx_parse_ranks(p, ranks + 1, 32);
		if (more < 0)
			goto fail;
		ty = csx_type_arrays(ty, ranks, (size_t)more + 1);
	} else if (csx_is_punct(t, "(")) {
		next_tok(p);
		if (!parse_args(p, n, ")"))
			goto fail;
	} else if (ty->rank && !csx_is_punct(t, "{")) {
		csx_error_at(p, t->pos, 1586,
			     "Array creation must have array size or array initializer");
		goto fail;
	} else if (!csx_is_punct(t, "{")) {
		csx_error_at(p, t->pos, 1526,
			     "A new expression requires an argument list or (), [], "
			     "or {} after type");
		goto fail;
	}
	if (csx_is_punct(csx_peek(p, 0), "{")) {
		csx_refuse_at(
		    p, csx_peek(p, 0)->pos,
		    "object, collection and array initializers ({...}) are not supported");
		goto fail;
	}
	n->type = ty;
	return csx_node_done(p, n) ? n : NULL;
fail:
	csx_type_free(ty);
	csx_free(n);
	return NULL;
}

static struct csx_node *parse_keyword(struct csx_parser *p)
{
	const struct csx_tok *t = csx_peek(p, 0);
	size_t pos = t->pos;
	if (csx_is_kw(t, "true") || csx_is_kw(t, "false")) {
		struct csx_node *n = csx_node_new(CSX_BOOL, pos);
		n->u64 = csx_is_kw(t, "true");
		next_tok(p);
		return n;
	}
	if (csx_is_kw(t, "null") || csx_is_kw(t, "this")) {
		next_tok(p);
		return csx_node_new(csx_is_kw(t, "null") ? CSX_NULL : CSX_THIS, pos);
	}
	if (csx_is_kw(t, "base")) {
		const struct csx_tok *after = csx_peek(p, 1);
		if (!csx_is_punct(after, ".") && !csx_is_punct(after, "[")) {
			csx_error_at(p, pos, 175,
				     "Use of keyword 'base' is not valid in this context");
			return NULL;
		}
		next_tok(p);
		return csx_node_new(CSX_BASE, pos);
	}
	if (csx_is_type_keyword(t) && csx_is_punct(csx_peek(p, 1), ".")) { /* int.MaxValue */
		struct csx_node *n = csx_node_new(CSX_NAME, pos);
		n->text = xstrdup(t->kw);
		n->flags = CSX_NAME_KEYWORD;
		next_tok(p);
		return n;
	}
	if (csx_is_kw(t, "typeof") || csx_is_kw(t, "sizeof")) {
		next_tok(p);
		return type_operator(p, csx_is_kw(t, "typeof") ? CSX_TYPEOF : CSX_SIZEOF, pos);
	}
	if (csx_is_kw(t, "default")) {
		next_tok(p);
		if (csx_is_punct(csx_peek(p, 0), "("))
			return type_operator(p, CSX_DEFAULT, pos);
		return csx_node_new(CSX_DEFAULT, pos); /* the default literal */
	}
	if (csx_is_kw(t, "new")) {
		next_tok(p);
		return parse_new(p, pos);
	}
	if (csx_is_kw(t, "checked") || csx_is_kw(t, "unchecked")) {
		csx_refuse_at(p, pos, "%s(...) is not supported", t->kw);
		return NULL;
	}
	bad_term(p, t);
	return NULL;
}

static struct csx_node *parse_primary(struct csx_parser *p)
{
	const struct csx_tok *t = csx_peek(p, 0);
	switch (t->kind) {
	case CSX_T_INT:
		return literal(p, CSX_INT);
	case CSX_T_REAL:
		return literal(p, CSX_REAL);
	case CSX_T_CHAR:
		return literal(p, CSX_CHAR);
	case CSX_T_STRING:
		return literal(p, CSX_STRING);
	case CSX_T_KEYWORD:
		return parse_keyword(p);
	case CSX_T_IDENT: {
		struct csx_node *n = csx_node_new(CSX_NAME, t->pos);
		n->text = xstrdup(t->text);
		next_tok(p);
		try_type_args(p, n);
		return n;
	}
	case CSX_T_PUNCT:
		if (csx_is_punct(t, "(")) {
			next_tok(p);
			struct csx_node *n = parse_expr(p);
			if (n && !expect(p, ")")) {
				csx_free(n);
				return NULL;
			}
			return n;
		}
		if (csx_is_punct(t, "=>") || csx_is_punct(t, "->") || csx_is_punct(t, "*") ||
		    csx_is_punct(t, "&") || csx_is_punct(t, "^")) {
			char buf[8];
			csx_refuse_at(p, t->pos,
				      "'%s' (lambdas, pointers, indices) is not supported",
				      csx_tok_text(p, t, buf, sizeof(buf)));
			return NULL;
		}
		break;
	case CSX_T_EOF:
		break;
	}
	bad_term(p, t);
	return NULL;
}

/* .name / ?.name after n (the dot is at p->i). */
static struct csx_node *member(struct csx_parser *p, struct csx_node *n, bool conditional)
{
	const struct csx_tok *dot = next_tok(p), *name = csx_peek(p, 0);
	if (name->kind != CSX_T_IDENT) {
		csx_error_at(p, name->pos, 1001, "Identifier expected");
		csx_free(n);
		return NULL;
	}
	struct csx_node *m = csx_node_new(CSX_MEMBER, dot->pos);
	m->text = xstrdup(name->text);
	m->conditional = conditional;
	csx_node_add(m, n);
	next_tok(p);
	try_type_args(p, m);
	return csx_node_done(p, m) ? m : NULL;
}

/* n[...] / n?[...] / n(...) (the bracket is at p->i). */
static struct csx_node *index_or_call(struct csx_parser *p, struct csx_node *n, enum csx_kind kind,
				      bool conditional)
{
	const struct csx_tok *open = next_tok(p);
	struct csx_node *m = csx_node_new(kind, open->pos);
	m->conditional = conditional;
	csx_node_add(m, n);
	if (!parse_args(p, m, kind == CSX_CALL ? ")" : "]")) {
		csx_free(m);
		return NULL;
	}
	if (kind == CSX_INDEX && m->nkids == 1) {
		csx_error_at(p, open->end, 443, "Syntax error; value expected");
		csx_free(m);
		return NULL;
	}
	return csx_node_done(p, m) ? m : NULL;
}

static struct csx_node *parse_postfix(struct csx_parser *p, struct csx_node *n)
{
	while (n) {
		const struct csx_tok *t = csx_peek(p, 0);
		if (csx_is_punct(t, ".")) {
			n = member(p, n, false);
		} else if (csx_is_punct(t, "?.")) {
			n = member(p, n, true);
		} else if (csx_is_punct(t, "?") && csx_is_punct(csx_peek(p, 1), "[")) {
			next_tok(p);
			n = index_or_call(p, n, CSX_INDEX, true);
		} else if (csx_is_punct(t, "[")) {
			n = index_or_call(p, n, CSX_INDEX, false);
		} else if (csx_is_punct(t, "(")) {
			n = index_or_call(p, n, CSX_CALL, false);
		} else if (csx_is_punct(t, "++") || csx_is_punct(t, "--")) {
			next_tok(p);
			n = unary_node(p, t->p[0] == '+' ? CSX_OP_POSTINC : CSX_OP_POSTDEC, t->pos,
				       n);
		} else if (csx_is_punct(t, "!")) {
			next_tok(p); /* x! only silences nullable warnings: no operation */
		} else {
			break;
		}
	}
	return n;
}

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
	next_tok(p);
	struct csx_type *ty = csx_parse_type(p, false);
	if (ty && csx_is_punct(csx_peek(p, 0), ")") &&
	    (!type_is_expression(ty) || cast_follower(csx_peek(p, 1)))) {
		next_tok(p);
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
		next_tok(p);
		if (!csx_enter(p, t->pos))
			return NULL;
		struct csx_node *operand = parse_unary(p);
		csx_leave(p);
		return operand ? unary_node(p, ops[k].op, t->pos, operand) : NULL;
	}
	if (csx_is_punct(t, "(")) {
		struct csx_node *cast = try_cast(p);
		if (cast || p->failed)
			return cast;
	}
	return parse_postfix(p, parse_primary(p));
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
	const struct csx_tok *kw = next_tok(p);
	bool is = csx_is_kw(kw, "is");
	struct csx_node *n = csx_node_new(is ? CSX_IS : CSX_AS, kw->pos);
	csx_node_add(n, left);
	const struct csx_tok *t = csx_peek(p, 0);
	if (is && t->kind == CSX_T_IDENT && strcmp(t->text, "not") == 0 &&
	    csx_peek(p, 1)->kind != CSX_T_PUNCT) {
		n->flags |= CSX_IS_NOT;
		next_tok(p);
		t = csx_peek(p, 0);
	}
	if (is && csx_is_kw(t, "null")) {
		n->flags |= CSX_IS_NULL;
		next_tok(p);
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
	struct csx_node *left = parse_unary(p);
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
		left = binary_node(p, CSX_BINARY, b.op, t->pos, left, right);
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
	next_tok(p);
	struct csx_node *n = csx_node_new(CSX_COND, q->pos);
	csx_node_add(n, c);
	struct csx_node *a = parse_expr(p);
	if (!a)
		goto fail;
	csx_node_add(n, a);
	if (!expect(p, ":"))
		goto fail;
	struct csx_node *b = parse_expr(p);
	if (!b)
		goto fail;
	csx_node_add(n, b);
	return csx_node_done(p, n) ? n : NULL;
fail:
	csx_free(n);
	return NULL;
}

static struct csx_node *parse_expr(struct csx_parser *p)
{
	if (!csx_enter(p, csx_peek(p, 0)->pos))
		return NULL;
	struct csx_node *left = parse_conditional(p);
	int op;
	size_t ntoks;
	if (left && (ntoks = assign_op(p, &op)) > 0) {
		size_t pos = csx_peek(p, 0)->pos;
		p->i += ntoks;
		struct csx_node *right = parse_expr(p);
		if (right)
			left = binary_node(p, CSX_ASSIGN, op, pos, left, right);
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
	struct csx_node *n = parse_expr(&p);
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
