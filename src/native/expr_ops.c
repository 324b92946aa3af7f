/* expr_ops.c: the parts of C's expression language that vars.c's parser hands over: floating
 * literals, sizeof, the conditional operator, and splitting `print x = 5` / `print x += 2`
 * into the assignment the session performs. */
#include <dwarf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "native/vars_internal.h"

bool ep_keyword(struct ep *e, const char *kw)
{
	ep_skip(e);
	size_t n = strlen(kw);
	if (strncmp(e->p, kw, n) || is_id(e->p[n]))
		return false;
	e->p += n;
	return true;
}

bool ep_enumerator(struct ep *e, const char *name, struct ev *v)
{
	Dwarf_Die type, item;
	int guard = 0;
	if (!e->have_cu || dwarf_child(&e->cu, &type) != 0)
		return false;
	do {
		if (dwarf_tag(&type) != DW_TAG_enumeration_type || dwarf_child(&type, &item) != 0)
			continue;
		do {
			const char *nm = dwarf_diename(&item);
			Dwarf_Attribute a;
			Dwarf_Sword val;
			if (dwarf_tag(&item) != DW_TAG_enumerator || !nm || strcmp(nm, name) ||
			    !dwarf_attr(&item, DW_AT_const_value, &a) ||
			    dwarf_formsdata(&a, &val) != 0)
				continue;
			memset(v, 0, sizeof(*v));
			v->kind = EV_INT;
			v->typed = true;
			v->type = type;
			v->u = (uint64_t)val;
			return true;
		} while (++guard < 1000000 && dwarf_siblingof(&item, &item) == 0);
	} while (++guard < 1000000 && dwarf_siblingof(&type, &type) == 0);
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool ep_float_literal(struct ep *e, struct ev *v)
{
	const char *s = e->p;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return false; /* hexadecimal integers (and no hex floats) */
	const char *q = s;
	while (is_digit(*q))
		q++;
	if (*q != '.' && *q != 'e' && *q != 'E')
		return false;
	char *end;
	errno = 0;
	double d = strtod(s, &end);
	if (end == s)
		return ep_syntax(e), true;
	/* out of range is not an error: 1e400 is inf, as gdb prints it */
	bool as_float = *end == 'f' || *end == 'F';
	if (as_float || *end == 'l' || *end == 'L')
		end++;
	if (is_id(*end) || *end == '.') {
		e->p = end;
		return ep_syntax(e), true;
	}
	e->p = end;
	ev_flt(v, d);
	Dwarf_Die ft;
	if (as_float && e->have_cu && find_type_in_cu(&e->cu, DW_TAG_base_type, "float", &ft)) {
		/* 1.5f has type float: a typed rvalue holding the float's bits, as a cast makes */
		float f = (float)d;
		uint32_t bits;
		memcpy(&bits, &f, 4);
		memset(v, 0, sizeof(*v));
		v->kind = EV_INT;
		v->typed = true;
		v->type = ft;
		v->u = bits;
	}
	return true;
}

bool ep_sizeof(struct ep *e, struct ev *v)
{
	bool saved = e->types_only;
	struct ev t;
	int is_type = 0;
	bool ok;
	/* the operand is not evaluated in C: only its type counts */
	e->types_only = true;
	ep_skip(e);
	const char *save = e->p;
	if (*e->p == '(') {
		e->p++;
		ep_skip(e);
		if (ep_keyword(e, "void") && ep_accept(e, ")")) {
			e->types_only = saved;
			ev_int(v, 1, true, 4); /* gdb (and gcc's extension): sizeof(void) is 1 */
			return true;
		}
		e->p = save + 1;
		is_type = ep_type_name(e, &t, true);
		if (!is_type)
			e->p = save;
	}
	ok = is_type < 0 ? false : is_type ? true : ep_unary(e, &t);
	e->types_only = saved;
	if (!ok)
		return false;
	uint64_t size;
	if (!t.typed)
		size = t.kind == EV_FLT ? 8 : (uint64_t)t.size;
	else if (!ev_size(&t, &size))
		return ep_fail(e, "The size of that type is not known (an incomplete type or "
				  "void).");
	/* gdb gives sizeof the type int */
	ev_int(v, size, true, 4);
	return true;
}

/* Moves past one operand of ?: without evaluating it: up to its ':' (when the middle one) or
 * to where the conditional ends (a ')', ']' or ',' not its own, an enclosing ?:'s ':', or the
 * end). Char literals and nesting are followed; the skipped text is not checked otherwise. */
static bool skip_operand(struct ep *e)
{
	const char *q = e->p;
	int depth = 0, nested = 0;
	ep_skip(e);
	const char *first = e->p;
	for (q = e->p; *q; q++) {
		if (*q == '\'' || *q == '"') {
			char quote = *q;
			for (q++; *q && *q != quote; q++)
				if (*q == '\\' && q[1])
					q++;
			if (!*q)
				break;
		} else if (*q == '(' || *q == '[') {
			depth++;
		} else if (*q == ')' || *q == ']' || *q == ',') {
			if (!depth)
				break;
			if (*q != ',')
				depth--;
		} else if (*q == '?' && !depth) {
			nested++;
		} else if (*q == ':' && !depth) {
			if (!nested)
				break;
			nested--;
		}
	}
	e->p = q;
	if (q == first)
		return ep_syntax(e);
	return true;
}

bool ep_conditional(struct ep *e, struct ev *v)
{
	if (!ep_binary(e, v, 1))
		return false;
	if (!ep_accept(e, "?"))
		return true;
	uint64_t u;
	double d;
	bool is_flt, is_signed;
	if (!ev_scalar(e, v, &u, &d, &is_flt, &is_signed))
		return false;
	bool cond = is_flt ? d != 0 : u != 0;
	if (!(cond ? ep_expr(e, v) : skip_operand(e)))
		return false;
	if (!ep_accept(e, ":"))
		return ep_syntax(e);
	return cond ? skip_operand(e) : ep_conditional(e, v);
}

int nat_split_assignment(const char *expr, char *lhs, size_t lhslen, char *value, size_t valuelen)
{
	static const char *const compound[] = {"<<", ">>", "+", "-", "*", "/", "%", "&", "|", "^"};
	int depth = 0;
	for (const char *q = expr; *q; q++) {
		if (*q == '\'' || *q == '"') {
			char quote = *q;
			for (q++; *q && *q != quote; q++)
				if (*q == '\\' && q[1])
					q++;
			if (!*q)
				return 0;
			continue;
		}
		if (*q == '(' || *q == '[')
			depth++;
		if (*q == ')' || *q == ']')
			depth--;
		if (*q != '=' || depth)
			continue;
		if (q[1] == '=') { /* == */
			q++;
			continue;
		}
		/* <=, >=, != are comparisons; <<=, >>= and the others assignments */
		const char *op_at = q;
		const char *op = "";
		for (size_t i = 0; i < sizeof(compound) / sizeof(compound[0]); i++) {
			size_t n = strlen(compound[i]);
			if ((size_t)(q - expr) >= n && !strncmp(q - n, compound[i], n)) {
				op = compound[i];
				op_at = q - n;
				break;
			}
		}
		if (!*op && q > expr && (q[-1] == '<' || q[-1] == '>' || q[-1] == '!'))
			continue;
		size_t n = (size_t)(op_at - expr);
		while (n && (expr[n - 1] == ' ' || expr[n - 1] == '\t'))
			n--;
		const char *rhs = q + 1 + strspn(q + 1, " \t");
		if (!n || !*rhs || n >= lhslen)
			return -1;
		memcpy(lhs, expr, n);
		lhs[n] = 0;
		int w = *op ? snprintf(value, valuelen, "(%s) %s (%s)", lhs, op, rhs)
			    : snprintf(value, valuelen, "%s", rhs);
		return w < 0 || (size_t)w >= valuelen ? -1 : 1;
	}
	return 0;
}
