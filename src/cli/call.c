/* call.c: `call EXPR` and the function-evaluation settings (`set eval-timeout`, `set
 * eval-implicit`).
 *
 * TEMPORARY: parse_call below is a hand-written front door for session/feval.h, only until
 * the C# expression evaluator takes over `call` and `print`. It knows one form:
 *	NAME(ARGS)  NAME.NAME(ARGS)  Ns.Type.Method(ARGS)  NAME.Property  Ns.Type.Property
 * with ARGS int literals, string literals ("..." with \" and \\), `this` or local names.
 */
#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/feval.h"

#define CALL_MAX_ARGS  8
#define CALL_MAX_PARTS 8

enum call_arg_kind { ARG_INT, ARG_STRING, ARG_NAME };

struct call_arg {
	enum call_arg_kind kind;
	long value;	/* ARG_INT */
	char text[256]; /* ARG_STRING (unescaped), ARG_NAME */
};

struct call_expr {
	char parts[CALL_MAX_PARTS][128]; /* the dotted target; the last is the member */
	size_t nparts;
	bool has_parens; /* a call (else a property) */
	struct call_arg args[CALL_MAX_ARGS];
	size_t nargs;
};

static const char *skip_blanks(const char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	return p;
}

static const char *parse_name(const char *p, char *out, size_t len)
{
	size_t n = 0;
	if (!(isalpha((unsigned char)*p) || *p == '_'))
		return NULL;
	while ((isalnum((unsigned char)*p) || *p == '_') && n + 1 < len)
		out[n++] = *p++;
	out[n] = 0;
	return isalnum((unsigned char)*p) || *p == '_' ? NULL : p;
}

static const char *parse_arg(const char *p, struct call_arg *a)
{
	if (*p == '"') {
		size_t n = 0;
		for (p++; *p && *p != '"'; p++) {
			if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				p++;
			if (n + 1 >= sizeof(a->text))
				return NULL;
			a->text[n++] = *p;
		}
		a->text[n] = 0;
		a->kind = ARG_STRING;
		return *p == '"' ? p + 1 : NULL;
	}
	if (isdigit((unsigned char)*p) || *p == '-') {
		char *end;
		errno = 0;
		a->value = strtol(p, &end, 0);
		if (end == p || errno || a->value < INT32_MIN || a->value > INT32_MAX)
			return NULL;
		a->kind = ARG_INT;
		return end;
	}
	a->kind = ARG_NAME;
	return parse_name(p, a->text, sizeof(a->text));
}

/* TEMPORARY (see the top of the file): the whole grammar the front door knows. */
static int parse_call(const char *text, struct call_expr *e)
{
	memset(e, 0, sizeof(*e));
	const char *p = skip_blanks(text);
	for (;;) {
		if (e->nparts == CALL_MAX_PARTS ||
		    !(p = parse_name(p, e->parts[e->nparts], sizeof(e->parts[0]))))
			return -1;
		e->nparts++;
		if (*p != '.')
			break;
		p++;
	}
	p = skip_blanks(p);
	if (*p == '(') {
		e->has_parens = true;
		p = skip_blanks(p + 1);
		while (*p != ')') {
			if (e->nargs == CALL_MAX_ARGS || !(p = parse_arg(p, &e->args[e->nargs])))
				return -1;
			e->nargs++;
			p = skip_blanks(p);
			if (*p == ',')
				p = skip_blanks(p + 1);
			else if (*p != ')')
				return -1;
		}
		p++;
	}
	p = skip_blanks(p);
	/* a property needs something to be read on */
	return *p || (!e->has_parens && e->nparts < 2) ? -1 : 0;
}

static int report(struct mx_err *err)
{
	return cli_error("%s", err->msg);
}

/* The object or type the member is looked up on. */
static int resolve_target(struct ses *s, const struct call_expr *e, ICorDebugValue **obj,
			  ICorDebugType **type, struct mx_err *err)
{
	*obj = NULL;
	*type = NULL;
	if (e->nparts == 1)
		return ses_feval_frame_self(s, obj, type, err);
	if (e->nparts == 2 && ses_feval_var(s, e->parts[0], obj, err) == 0)
		return 0;
	char name[CALL_MAX_PARTS * 128] = "";
	for (size_t i = 0; i + 1 < e->nparts; i++) {
		if (i)
			strcat(name, ".");
		strcat(name, e->parts[i]);
	}
	if (ses_feval_type(s, name, type, err) == 0)
		return 0;
	if (e->nparts == 2 && strstr(err->msg, "could not be found"))
		snprintf(err->msg, sizeof(err->msg),
			 "The name '%.400s' does not exist in the current context", name);
	return -1;
}

static int make_args(struct ses *s, const struct call_expr *e, ICorDebugValue **vals,
		     struct mx_err *err)
{
	for (size_t i = 0; i < e->nargs; i++) {
		const struct call_arg *a = &e->args[i];
		int r = a->kind == ARG_INT	? ses_feval_int(s, (int32_t)a->value, &vals[i], err)
			: a->kind == ARG_STRING ? ses_feval_new_string(s, a->text, &vals[i], err)
						: ses_feval_var(s, a->text, &vals[i], err);
		if (r != 0)
			return -1;
	}
	return 0;
}

int cli_cmd_call(struct cli *c, const char *args)
{
	struct call_expr e;
	if (!*args)
		return cli_error("Usage: call EXPRESSION");
	if (parse_call(args, &e) != 0)
		return cli_error(
		    "cannot evaluate '%s' yet: `call` takes NAME(ARGS), NAME.NAME(ARGS), "
		    "Type.Method(ARGS) or OBJECT.Property, with int literals, string "
		    "literals, this or local names as arguments (C# expressions come "
		    "later)",
		    args);
	struct mx_err err;
	struct ses *s = c->ses;
	ICorDebugValue *obj = NULL, *result = NULL;
	ICorDebugType *type = NULL;
	ICorDebugValue *vals[CALL_MAX_ARGS] = {0};
	int r = -1;
	if (resolve_target(s, &e, &obj, &type, &err) == 0 && make_args(s, &e, vals, &err) == 0) {
		const char *member = e.parts[e.nparts - 1];
		bool was = ses_feval_set_explicit(s, true);
		r = e.has_parens
			? ses_feval_invoke(s, obj, type, member, vals, e.nargs, &result, &err)
			: ses_feval_property(s, obj, type, member, &result, &err);
		ses_feval_set_explicit(s, was);
	}
	if (r == 0 && result) {
		char text[4096];
		ses_feval_value_text(s, result, text, sizeof(text));
		printf("%s = %s\n", skip_blanks(args), text);
	}
	for (size_t i = 0; i < CALL_MAX_ARGS; i++)
		if (vals[i])
			COM_RELEASE(vals[i]);
	if (result)
		COM_RELEASE(result);
	if (obj)
		COM_RELEASE(obj);
	if (type)
		COM_RELEASE(type);
	return r == 0 ? 0 : report(&err);
}

int cli_cmd_set_eval_timeout(struct cli *c, const char *args)
{
	if (!*args) {
		printf("Function evaluations are aborted after %u ms.\n",
		       ses_feval_timeout(c->ses));
		return 0;
	}
	char *end;
	errno = 0;
	unsigned long ms = strtoul(args, &end, 10);
	if (end == args || *skip_blanks(end) || errno || ms == 0 || ms > 3600000)
		return cli_error("Expected a time in milliseconds (1 to 3600000), not \"%s\".",
				 args);
	ses_feval_set_timeout(c->ses, (uint32_t)ms);
	return 0;
}

int cli_cmd_set_eval_implicit(struct cli *c, const char *args)
{
	if (!*args) {
		printf("Implicit function evaluation is %s.\n",
		       ses_feval_implicit(c->ses) ? "on" : "off");
		return 0;
	}
	if (strcmp(args, "on") == 0 || strcmp(args, "1") == 0)
		ses_feval_set_implicit(c->ses, true);
	else if (strcmp(args, "off") == 0 || strcmp(args, "0") == 0)
		ses_feval_set_implicit(c->ses, false);
	else
		return cli_error("Expected \"on\" or \"off\", not \"%s\".", args);
	return 0;
}
