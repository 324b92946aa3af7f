/* primary.c: the primary expressions of C# (literals, names, this, base, parentheses, new,
 * typeof, sizeof, default) and what may follow them: x.y x?.y x[i] x?[i] f(x) x++ x-- and x!
 * (null-forgiving: no operation).
 *
 * Generic name or less-than is settled as C# does it (spec 6.2.5, "Grammar ambiguities"):
 * `F<A, B>` keeps its type arguments when the token after '>' is one of
 * ( ) ] } : ; , . ? == != | ^ && || & [ or the end; `a < b > c` compares.
 */
#include <stdlib.h>
#include <string.h>

#include "csx/csx_internal.h"
#include "util/xalloc.h"

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
		csx_next(p);
		return true;
	}
	for (;;) {
		const struct csx_tok *t = csx_peek(p, 0);
		if (csx_is_kw(t, "ref") || csx_is_kw(t, "out") || csx_is_kw(t, "in")) {
			csx_refuse_at(p, t->pos, "ref, out and in arguments are not supported");
			return false;
		}
		if (t->kind == CSX_T_IDENT && csx_is_punct(csx_peek(p, 1), ":")) {
			csx_refuse_at(p, t->pos, "named arguments (%s: ...) are not supported",
				      t->text);
			return false;
		}
		struct csx_node *arg = csx_parse_expr(p);
		if (!arg)
			return false;
		csx_node_add(n, arg);
		if (csx_is_punct(csx_peek(p, 0), ",")) {
			csx_next(p);
			continue;
		}
		return csx_expect(p, close);
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
	csx_next(p);
	return n;
}

/* typeof(T), sizeof(T), default(T): the keyword is consumed. */
static struct csx_node *type_operator(struct csx_parser *p, enum csx_kind kind, size_t pos)
{
	if (!csx_expect(p, "("))
		return NULL;
	struct csx_type *ty = csx_parse_type(p, false);
	if (!ty) {
		csx_report_type_fail(p);
		return NULL;
	}
	if (!csx_expect(p, ")")) {
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
		csx_next(p);
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
		csx_next(p);
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
		csx_next(p);
		return n;
	}
	if (csx_is_kw(t, "null") || csx_is_kw(t, "this")) {
		csx_next(p);
		return csx_node_new(csx_is_kw(t, "null") ? CSX_NULL : CSX_THIS, pos);
	}
	if (csx_is_kw(t, "base")) {
		const struct csx_tok *after = csx_peek(p, 1);
		if (!csx_is_punct(after, ".") && !csx_is_punct(after, "[")) {
			csx_error_at(p, pos, 175,
				     "Use of keyword 'base' is not valid in this context");
			return NULL;
		}
		csx_next(p);
		return csx_node_new(CSX_BASE, pos);
	}
	if (csx_is_type_keyword(t) && csx_is_punct(csx_peek(p, 1), ".")) { /* int.MaxValue */
		struct csx_node *n = csx_node_new(CSX_NAME, pos);
		n->text = xstrdup(t->kw);
		n->flags = CSX_NAME_KEYWORD;
		csx_next(p);
		return n;
	}
	if (csx_is_kw(t, "typeof") || csx_is_kw(t, "sizeof")) {
		csx_next(p);
		return type_operator(p, csx_is_kw(t, "typeof") ? CSX_TYPEOF : CSX_SIZEOF, pos);
	}
	if (csx_is_kw(t, "default")) {
		csx_next(p);
		if (csx_is_punct(csx_peek(p, 0), "("))
			return type_operator(p, CSX_DEFAULT, pos);
		return csx_node_new(CSX_DEFAULT, pos); /* the default literal */
	}
	if (csx_is_kw(t, "new")) {
		csx_next(p);
		return parse_new(p, pos);
	}
	if (csx_is_kw(t, "checked") || csx_is_kw(t, "unchecked")) {
		csx_refuse_at(p, pos, "%s(...) is not supported", t->kw);
		return NULL;
	}
	csx_bad_term(p, t);
	return NULL;
}

static struct csx_node *primary(struct csx_parser *p)
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
		csx_next(p);
		try_type_args(p, n);
		return n;
	}
	case CSX_T_PUNCT:
		if (csx_is_punct(t, "(")) {
			csx_next(p);
			struct csx_node *n = csx_parse_expr(p);
			if (n && !csx_expect(p, ")")) {
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
	csx_bad_term(p, t);
	return NULL;
}

/* .name / ?.name after n (the dot is at p->i). */
static struct csx_node *member(struct csx_parser *p, struct csx_node *n, bool conditional)
{
	const struct csx_tok *dot = csx_next(p), *name = csx_peek(p, 0);
	if (name->kind != CSX_T_IDENT) {
		csx_error_at(p, name->pos, 1001, "Identifier expected");
		csx_free(n);
		return NULL;
	}
	struct csx_node *m = csx_node_new(CSX_MEMBER, dot->pos);
	m->text = xstrdup(name->text);
	m->conditional = conditional;
	csx_node_add(m, n);
	csx_next(p);
	try_type_args(p, m);
	return csx_node_done(p, m) ? m : NULL;
}

/* n[...] / n?[...] / n(...) (the bracket is at p->i). */
static struct csx_node *index_or_call(struct csx_parser *p, struct csx_node *n, enum csx_kind kind,
				      bool conditional)
{
	const struct csx_tok *open = csx_next(p);
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

static struct csx_node *postfix(struct csx_parser *p, struct csx_node *n)
{
	while (n) {
		const struct csx_tok *t = csx_peek(p, 0);
		if (csx_is_punct(t, ".")) {
			n = member(p, n, false);
		} else if (csx_is_punct(t, "?.")) {
			n = member(p, n, true);
		} else if (csx_is_punct(t, "?") && csx_is_punct(csx_peek(p, 1), "[")) {
			csx_next(p);
			n = index_or_call(p, n, CSX_INDEX, true);
		} else if (csx_is_punct(t, "[")) {
			n = index_or_call(p, n, CSX_INDEX, false);
		} else if (csx_is_punct(t, "(")) {
			n = index_or_call(p, n, CSX_CALL, false);
		} else if (csx_is_punct(t, "++") || csx_is_punct(t, "--")) {
			csx_next(p);
			n = csx_unary_node(p, t->p[0] == '+' ? CSX_OP_POSTINC : CSX_OP_POSTDEC,
					   t->pos, n);
		} else if (csx_is_punct(t, "!")) {
			csx_next(p); /* x! only silences nullable warnings: no operation */
		} else {
			break;
		}
	}
	return n;
}

struct csx_node *csx_parse_primary(struct csx_parser *p)
{
	return postfix(p, primary(p));
}
