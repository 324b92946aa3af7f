/* children.c: values as trees for front ends that expand them (DAP variables): a variable's
 * type and how many parts it has, and the parts themselves, each with an expression that
 * evaluates to it again. C values through native/vars (nat_eval_shape, then print of each
 * part's expression), C# values through the evaluator (mchildren.c).
 */
#include "session/ses_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "native/vars.h"
#include "session/feval.h"
#include "session/meval_internal.h"
#include "util/str.h"
#include "util/xalloc.h"

#define VALUE_LEN 4096 /* the text of one value (as nat_frame_vars gives it) */
#define EXPR_LEN  1024 /* an expression naming a part */

/* Whether a postfix operator (.x, ->x, [i]) can follow expr as it is: a chain of names,
 * members and indexings, or one parenthesized whole. Anything else ("*p", "a + b") is put in
 * parentheses first. */
static bool postfix_safe(const char *e)
{
	size_t n = strlen(e);
	if (n >= 2 && e[0] == '(' && e[n - 1] == ')') {
		int depth = 0;
		for (size_t i = 0; i < n; i++) {
			depth += e[i] == '(' ? 1 : e[i] == ')' ? -1 : 0;
			if (depth == 0 && i + 1 < n)
				return false; /* "(a) + (b)" */
		}
		return true;
	}
	int depth = 0;
	for (const char *p = e; *p; p++) {
		if (*p == '[' || *p == '(') {
			depth++;
		} else if (*p == ']' || *p == ')') {
			depth--;
		} else if (depth == 0) {
			bool word = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				    (*p >= '0' && *p <= '9') || *p == '_' || *p == '$' || *p == '.';
			bool arrow = p[0] == '-' && p[1] == '>';
			if (arrow)
				p++;
			else if (!word)
				return false;
		}
	}
	return depth == 0 && n > 0;
}

/* expr, parenthesized when a postfix operator cannot follow it as it is. */
void ses_postfix_base(const char *expr, char *out, size_t len)
{
	snprintf(out, len, postfix_safe(expr) ? "%s" : "(%s)", expr);
}

void ses_children_page(size_t start, size_t count, size_t total, size_t *from, size_t *end)
{
	*from = start < total ? start : total;
	*end = count && count < total - *from ? *from + count : total;
	if (*end - *from > SES_CHILDREN_MAX)
		*end = *from + SES_CHILDREN_MAX;
}

/* ---- C ---- */

struct names {
	char **v;
	size_t n, cap;
};

static void add_name(void *arg, const char *name)
{
	struct names *ns = arg;
	xgrow((void **)&ns->v, &ns->cap, ns->n + 1, sizeof(*ns->v));
	ns->v[ns->n++] = xstrdup(name);
}

static void free_names(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

static void shape_counts(const struct nat_shape *sh, size_t *named, size_t *indexed)
{
	*named = *indexed = 0;
	if (sh->kind == NAT_SHAPE_ARRAY)
		*indexed = (size_t)sh->count;
	else if (sh->kind != NAT_SHAPE_PLAIN)
		*named = (size_t)sh->count;
}

/* Reports part `name` of a C value, evaluated by its expression eval. */
static void native_part(struct ses *s, const char *name, const char *eval, ses_var_fn fn, void *arg)
{
	char *value = xmalloc(VALUE_LEN);
	struct mx_err err = {{0}};
	if (ses_print_var(s, eval, value, VALUE_LEN, &err) != 0)
		snprintf(value, VALUE_LEN, "<error: %s>", err.msg);
	struct nat_shape sh;
	if (ses_native_shape(s, eval, &sh, NULL, NULL, &err) != 0)
		memset(&sh, 0, sizeof(sh));
	struct ses_var v = {.name = name, .value = value, .type = sh.type, .eval_name = eval};
	shape_counts(&sh, &v.named, &v.indexed);
	fn(arg, &v);
	free(value);
}

static int native_children(struct ses *s, const char *expr, size_t start, size_t count,
			   enum ses_children_filter filter, ses_var_fn fn, void *arg,
			   struct mx_err *err)
{
	struct names members = {0};
	struct nat_shape sh;
	if (ses_native_shape(s, expr, &sh, add_name, &members, err) != 0) {
		free_names(&members);
		return -1;
	}
	bool indexed = sh.kind == NAT_SHAPE_ARRAY;
	size_t total = sh.kind == NAT_SHAPE_PLAIN ? 0 : (size_t)sh.count;
	if ((filter == SES_CHILDREN_NAMED && indexed) ||
	    (filter == SES_CHILDREN_INDEXED && !indexed))
		total = 0;
	size_t from, end;
	ses_children_page(start, count, total, &from, &end);
	char base[EXPR_LEN], name[EXPR_LEN + 8], eval[2 * EXPR_LEN + 16];
	ses_postfix_base(expr, base, sizeof(base));
	int n = 0;
	for (size_t i = from; i < end; i++, n++) {
		switch (sh.kind) {
		case NAT_SHAPE_ARRAY:
			snprintf(name, sizeof(name), "[%zu]", i);
			snprintf(eval, sizeof(eval), "%s[%zu]", base, i);
			break;
		case NAT_SHAPE_RECORD:
		case NAT_SHAPE_PTR_RECORD:
			mx_strlcpy(name, i < members.n ? members.v[i] : "?", sizeof(name));
			snprintf(eval, sizeof(eval), "%s%s%s", base,
				 sh.kind == NAT_SHAPE_RECORD ? "." : "->", name);
			break;
		default: /* NAT_SHAPE_PTR */
			snprintf(name, sizeof(name), "*%s", base);
			snprintf(eval, sizeof(eval), "(*%s)", base);
			break;
		}
		native_part(s, name, eval, fn, arg);
	}
	free_names(&members);
	return n;
}

/* ---- both ---- */

struct frame_var_list {
	char **names, **values;
	size_t n, cap, cap2;
};

static void keep_var(void *arg, const char *name, const char *value)
{
	struct frame_var_list *l = arg;
	xgrow((void **)&l->names, &l->cap, l->n + 1, sizeof(*l->names));
	xgrow((void **)&l->values, &l->cap2, l->n + 1, sizeof(*l->values));
	l->names[l->n] = xstrdup(name);
	l->values[l->n++] = xstrdup(value);
}

int ses_frame_vars_ex(struct ses *s, bool args, ses_var_fn fn, void *arg, struct mx_err *err)
{
	struct frame_var_list l = {0};
	int rc = ses_frame_vars(s, args, keep_var, &l, err);
	enum ses_vars_kind kind = ses_vars_kind(s);
	/* each variable's shape by its name: C# and C variables shadowed by an inner one of the
	 * same name get the inner one's shape */
	for (size_t i = 0; rc >= 0 && i < l.n; i++) {
		char type[256] = "";
		struct ses_var v = {.name = l.names[i],
				    .value = l.values[i],
				    .type = type,
				    .eval_name = l.names[i]};
		struct mx_err ignored = {{0}};
		if (kind == SES_VARS_MANAGED) {
			if (ses_managed_shape(s, l.names[i], type, sizeof(type), &v.named,
					      &v.indexed, &ignored) != 0)
				v.named = v.indexed = 0;
		} else if (kind == SES_VARS_NATIVE) {
			struct nat_shape sh;
			if (ses_native_shape(s, l.names[i], &sh, NULL, NULL, &ignored) == 0) {
				mx_strlcpy(type, sh.type, sizeof(type));
				shape_counts(&sh, &v.named, &v.indexed);
			}
		}
		fn(arg, &v);
	}
	for (size_t i = 0; i < l.n; i++) {
		free(l.names[i]);
		free(l.values[i]);
	}
	free(l.names);
	free(l.values);
	return rc;
}

int ses_var_describe(struct ses *s, const char *expr, ses_var_fn fn, void *arg, struct mx_err *err)
{
	const char *e = expr + strspn(expr, " ");
	if (ses_vars_kind(s) == SES_VARS_MANAGED && strncmp(e, "$exception", 10) != 0)
		return ses_managed_describe(s, expr, fn, arg, err);
	/* C expressions have no side effects: printed, then shaped; $exception and the C#
	 * frames read at a native stop are values without parts */
	char *value = xmalloc(VALUE_LEN);
	if (ses_print_var(s, expr, value, VALUE_LEN, err) != 0) {
		free(value);
		return -1;
	}
	struct ses_var v = {.name = expr, .value = value, .type = "", .eval_name = expr};
	struct nat_shape sh;
	struct mx_err ignored = {{0}};
	if (ses_vars_kind(s) == SES_VARS_NATIVE &&
	    ses_native_shape(s, expr, &sh, NULL, NULL, &ignored) == 0) {
		v.type = sh.type;
		shape_counts(&sh, &v.named, &v.indexed);
	}
	fn(arg, &v);
	free(value);
	return 0;
}

int ses_var_describe_pure(struct ses *s, const char *expr, ses_var_fn fn, void *arg,
			  struct mx_err *err)
{
	const char *e = expr + strspn(expr, " ");
	char lhs[512], value[1100];
	if (ses_vars_kind(s) != SES_VARS_MANAGED &&
	    nat_split_assignment(expr, lhs, sizeof(lhs), value, sizeof(value)) != 0)
		return mx_err_set(err, "'%s' assigns: not evaluated without side effects", expr);
	if (ses_vars_kind(s) != SES_VARS_MANAGED || strncmp(e, "$exception", 10) == 0)
		return ses_var_describe(s, expr, fn, arg, err);
	/* evaluated first as a breakpoint condition is, refusing calls, getters and indexers;
	 * what passes reads memory only, and is then described with implicit evaluation (a
	 * ToString() for its text) off */
	struct meval_opts o = {.no_calls = true, .no_calls_who = "evaluating for a hover"};
	struct mv m = {0};
	if (meval_parse_eval(s, expr, &o, &m, err) != 0)
		return -1;
	mv_clear(&m);
	bool implicit = ses_feval_implicit(s);
	ses_feval_set_implicit(s, false);
	int rc = ses_managed_describe(s, expr, fn, arg, err);
	ses_feval_set_implicit(s, implicit);
	return rc;
}

int ses_var_children(struct ses *s, const char *expr, size_t start, size_t count,
		     enum ses_children_filter filter, ses_var_fn fn, void *arg, struct mx_err *err)
{
	switch (ses_vars_kind(s)) {
	case SES_VARS_MANAGED:
		return ses_managed_children(s, expr, start, count, filter, fn, arg, err);
	case SES_VARS_NATIVE:
		return native_children(s, expr, start, count, filter, fn, arg, err);
	default:
		return mx_err_set(err,
				  "the values of a C# frame at a native stop have no parts to show "
				  "(the runtime's evaluator needs a managed stop)");
	}
}

int ses_var_child_expr(struct ses *s, const char *expr, const char *child, char *out, size_t outlen,
		       struct mx_err *err)
{
	char base[EXPR_LEN];
	ses_postfix_base(expr, base, sizeof(base));
	if (child[0] == '[') {
		snprintf(out, outlen, "%s%s", base, child);
		return 0;
	}
	if (child[0] == '*') {
		if (strcmp(child + 1, base) != 0)
			return mx_err_set(err, "'%s' is not a part of '%s'", child, expr);
		snprintf(out, outlen, "(*%s)", base);
		return 0;
	}
	if (strcmp(child, SES_STATICS_GROUP) == 0)
		return mx_err_set(err, "'%s' of '%s' is a group of static fields, not one value",
				  child, expr);
	const char *sep = ".";
	if (ses_vars_kind(s) == SES_VARS_NATIVE) {
		struct nat_shape sh;
		if (ses_native_shape(s, expr, &sh, NULL, NULL, err) != 0)
			return -1;
		if (sh.kind == NAT_SHAPE_PTR_RECORD)
			sep = "->";
	}
	snprintf(out, outlen, "%s%s%s", base, sep, child);
	return 0;
}
