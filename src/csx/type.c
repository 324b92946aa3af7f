/* type.c: C# types as written in an expression (casts, typeof, sizeof, default, is, as,
 * new, generic arguments): predefined type keywords, dotted names with generic arguments on
 * the last part, nullable `?` and array rank specifiers.
 *
 * Parsing here is tentative: whoever tries a type (a cast, a generic name) gets NULL with the
 * tokens untouched when the text is not a type, and the reason waits in p->type_fail_* for a
 * caller that needed a type. Only the nesting limit is reported at once (no reading of the
 * text can succeed past it).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csx/csx_internal.h"
#include "util/xalloc.h"

/* Array ranks one type may stack (int[][][]...): more is never a real type. */
#define MAX_RANK_SPECIFIERS 32

static void type_fail(struct csx_parser *p, size_t pos, int code, const char *msg)
{
	p->type_fail_pos = pos;
	p->type_fail_code = code;
	snprintf(p->type_fail_msg, sizeof(p->type_fail_msg), "%s", msg);
}

void csx_report_type_fail(struct csx_parser *p)
{
	if (p->type_fail_code)
		csx_error_at(p, p->type_fail_pos, p->type_fail_code, "%s", p->type_fail_msg);
	else
		csx_refuse_at(p, p->type_fail_pos, "%s", p->type_fail_msg);
}

void csx_type_free(struct csx_type *t)
{
	while (t) {
		struct csx_type *elem = t->elem;
		csx_type_args_free(t->args, t->nargs);
		free(t->name);
		free(t);
		t = elem;
	}
}

void csx_type_args_free(struct csx_type **args, size_t n)
{
	for (size_t k = 0; k < n; k++)
		csx_type_free(args[k]);
	free(args);
}

struct csx_type *csx_type_arrays(struct csx_type *elem, const unsigned *ranks, size_t n)
{
	struct csx_type *t = elem;
	for (size_t k = n; k-- > 0;) {
		struct csx_type *a = xcalloc(1, sizeof(*a));
		a->rank = ranks[k];
		a->elem = t;
		a->pos = elem->pos;
		t = a;
	}
	return t;
}

int csx_parse_ranks(struct csx_parser *p, unsigned *ranks, size_t max)
{
	size_t n = 0;
	while (csx_is_punct(csx_peek(p, 0), "[")) {
		size_t k = 1;
		unsigned rank = 1;
		while (csx_is_punct(csx_peek(p, k), ",")) {
			k++;
			rank++;
		}
		if (!csx_is_punct(csx_peek(p, k), "]"))
			break; /* an index a[i], not a rank specifier */
		if (n == max) {
			csx_refuse_at(p, csx_peek(p, 0)->pos, "more than %zu array rank specifiers",
				      max);
			return -1;
		}
		ranks[n++] = rank;
		p->i += k + 1;
	}
	return (int)n;
}

bool csx_parse_type_args(struct csx_parser *p, struct csx_type ***args, size_t *nargs)
{
	size_t save = p->i;
	struct csx_type **a = NULL;
	size_t n = 0;
	p->i++; /* '<' */
	for (;;) {
		struct csx_type *t = csx_parse_type(p, false);
		if (!t)
			goto fail;
		a = xrealloc(a, (n + 1) * sizeof(*a));
		a[n++] = t;
		const struct csx_tok *next = csx_peek(p, 0);
		p->i++;
		if (csx_is_punct(next, ","))
			continue;
		if (csx_is_punct(next, ">"))
			break;
		p->i--;
		type_fail(p, next->pos, 1003, "Syntax error, '>' expected");
		goto fail;
	}
	*args = a;
	*nargs = n;
	return true;
fail:
	csx_type_args_free(a, n);
	p->i = save;
	return false;
}

/* The keyword or dotted name with its generic arguments. */
static struct csx_type *parse_named(struct csx_parser *p)
{
	const struct csx_tok *t = csx_peek(p, 0);
	if (csx_is_type_keyword(t) || t->kind == CSX_T_IDENT) {
		struct csx_type *ty = xcalloc(1, sizeof(*ty));
		ty->pos = t->pos;
		ty->keyword = t->kind == CSX_T_KEYWORD;
		ty->name = xstrdup(ty->keyword ? t->kw : t->text);
		p->i++;
		while (!ty->keyword) {
			const struct csx_tok *dot = csx_peek(p, 0), *next = csx_peek(p, 1);
			if (csx_is_punct(dot, "<")) {
				if (!csx_parse_type_args(p, &ty->args, &ty->nargs)) {
					csx_type_free(ty);
					return NULL;
				}
				dot = csx_peek(p, 0);
				if (csx_is_punct(dot, ".") && csx_peek(p, 1)->kind == CSX_T_IDENT) {
					type_fail(p, dot->pos, 0,
						  "type arguments on an enclosing type "
						  "(Outer<T>.Inner) are not supported");
					csx_type_free(ty);
					return NULL;
				}
				break;
			}
			if (!csx_is_punct(dot, ".") || next->kind != CSX_T_IDENT)
				break;
			char *name = xasprintf("%s.%s", ty->name, next->text);
			free(ty->name);
			ty->name = name;
			p->i += 2;
		}
		return ty;
	}
	type_fail(p, t->pos, 1031, "Type expected");
	return NULL;
}

/* Whether t can begin an expression (after `x is T ?`: then the ? is the conditional). */
static bool starts_expression(const struct csx_tok *t)
{
	static const char *const ops[] = {"(", "-", "+", "!", "~", "++", "--"};
	if (t->kind == CSX_T_PUNCT) {
		for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
			if (strcmp(t->p, ops[k]) == 0)
				return true;
		return false;
	}
	return t->kind != CSX_T_EOF && !csx_is_kw(t, "is") && !csx_is_kw(t, "as");
}

/* Whether the '?' at p->i makes the type nullable. */
static bool nullable_mark(struct csx_parser *p, bool in_is_as)
{
	if (!csx_is_punct(csx_peek(p, 0), "?"))
		return false;
	return !in_is_as || !starts_expression(csx_peek(p, 1));
}

struct csx_type *csx_parse_type(struct csx_parser *p, bool in_is_as)
{
	size_t save = p->i;
	if (!csx_enter(p, csx_peek(p, 0)->pos))
		return NULL;
	struct csx_type *ty = parse_named(p);
	if (ty && nullable_mark(p, in_is_as)) {
		ty->nullable = true;
		p->i++;
	}
	unsigned ranks[MAX_RANK_SPECIFIERS];
	int n = ty ? csx_parse_ranks(p, ranks, MAX_RANK_SPECIFIERS) : 0;
	if (n < 0) {
		csx_type_free(ty);
		ty = NULL;
	} else if (n > 0) {
		ty = csx_type_arrays(ty, ranks, (size_t)n);
		if (nullable_mark(p, in_is_as)) { /* int[]? (a nullable reference) */
			ty->nullable = true;
			p->i++;
		}
	}
	csx_leave(p);
	if (!ty)
		p->i = save;
	return ty;
}

void csx_put(struct csx_out *o, const char *fmt, ...)
{
	if (!o->len || o->n + 1 >= o->len)
		return;
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(o->buf + o->n, o->len - o->n, fmt, ap);
	va_end(ap);
	if (w > 0)
		o->n = o->n + (size_t)w < o->len ? o->n + (size_t)w : o->len - 1;
}

void csx_put_type(struct csx_out *o, const struct csx_type *t)
{
	if (!t) {
		csx_put(o, "?");
		return;
	}
	if (t->rank) {
		const struct csx_type *base = t;
		while (base->rank && base->elem)
			base = base->elem;
		csx_put_type(o, base->rank ? NULL : base);
		for (const struct csx_type *a = t; a && a->rank; a = a->elem) {
			csx_put(o, "[");
			for (unsigned k = 1; k < a->rank; k++)
				csx_put(o, ",");
			csx_put(o, "]%s", a->nullable ? "?" : "");
		}
		return;
	}
	csx_put(o, "%s", t->name ? t->name : "?");
	if (t->nargs) {
		csx_put(o, "<");
		for (size_t k = 0; k < t->nargs; k++) {
			if (k)
				csx_put(o, ", ");
			csx_put_type(o, t->args[k]);
		}
		csx_put(o, ">");
	}
	if (t->nullable)
		csx_put(o, "?");
}

void csx_type_text(const struct csx_type *t, char *buf, size_t len)
{
	struct csx_out o = {buf, len, 0};
	if (len)
		buf[0] = 0;
	csx_put_type(&o, t);
}
