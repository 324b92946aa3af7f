/* dap_vars.c: values for the client to expand: scopes (locals and arguments of a frame),
 * variables (a scope's variables, or the parts of a value: fields, members, elements, a
 * pointee, paged by start/count and filtered named/indexed), evaluate (a value with its own
 * reference when it has parts), setVariable (a variable of a scope, or a part of a value
 * assigned through its expression: "dog.Name", "p->x"). The session decides what the parts
 * are and names each by an expression (ses_var_children); here they are only numbered.
 *
 * A variables reference stands for (frame id, scope) or (frame id, expression) until the
 * program runs again; numbers are not reused, so one from an earlier stop is refused as such.
 */
#include "dap/dap_conn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void dap_var_refs_forget(struct dap_conn *c)
{
	for (size_t i = 0; i < c->nvar_refs; i++)
		free(c->var_refs[i].expr);
	c->var_ref_base += (json_int_t)c->nvar_refs;
	c->nvar_refs = 0;
}

void dap_var_refs_free(struct dap_conn *c)
{
	dap_var_refs_forget(c);
	free(c->var_refs);
	c->var_refs = NULL;
	c->cap_var_refs = 0;
}

/* The reference for (frame, kind, expr), made if new. */
static json_int_t var_ref(struct dap_conn *c, json_int_t frame, enum dap_var_ref_kind kind,
			  const char *expr)
{
	for (size_t i = 0; i < c->nvar_refs; i++) {
		const struct dap_var_ref *r = &c->var_refs[i];
		if (r->frame == frame && r->kind == kind &&
		    (kind != DAP_REF_VALUE || strcmp(r->expr, expr) == 0))
			return c->var_ref_base + (json_int_t)i + 1;
	}
	xgrow((void **)&c->var_refs, &c->cap_var_refs, c->nvar_refs + 1, sizeof(*c->var_refs));
	struct dap_var_ref *r = &c->var_refs[c->nvar_refs++];
	r->frame = frame;
	r->kind = kind;
	r->expr = kind == DAP_REF_VALUE ? xstrdup(expr) : NULL;
	return c->var_ref_base + (json_int_t)c->nvar_refs;
}

/* A copy of reference id's entry (expr owned by the caller), its frame selected; false after
 * an error response. */
static bool take_ref(struct dap_conn *c, struct dap_req *r, json_int_t id, struct dap_var_ref *out)
{
	if (id >= 1 && id <= c->var_ref_base) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "Variables reference %lld is from an earlier stop (references "
				  "are valid until the program runs).",
				  (long long)id);
		return false;
	}
	if (id <= c->var_ref_base || id > c->var_ref_base + (json_int_t)c->nvar_refs) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "Unknown variables reference %lld.", (long long)id);
		return false;
	}
	*out = c->var_refs[id - c->var_ref_base - 1];
	out->expr = out->expr ? xstrdup(out->expr) : NULL;
	struct mx_err err;
	bool managed;
	if (out->frame && dap_select_frame(c, out->frame, &managed, &err) != 0) {
		free(out->expr);
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE, "%s", err.msg);
		return false;
	}
	return true;
}

/* The fields of a DAP Variable (or evaluate/setVariable body) that tell a value's parts. */
static void put_parts(struct dap_conn *c, json_t *j, json_int_t frame, const struct ses_var *v,
		      const char *ref_key)
{
	if (v->type && v->type[0])
		json_object_set_new(j, "type", dap_jstr(v->type));
	json_int_t ref = 0;
	if (v->named || v->indexed)
		ref = var_ref(c, frame, DAP_REF_VALUE, v->eval_name);
	json_object_set_new(j, ref_key, json_integer(ref));
	if (v->named)
		json_object_set_new(j, "namedVariables", json_integer((json_int_t)v->named));
	if (v->indexed)
		json_object_set_new(j, "indexedVariables", json_integer((json_int_t)v->indexed));
}

struct var_list {
	struct dap_conn *c;
	json_int_t frame;
	json_t *list;
};

static void add_var(void *arg, const struct ses_var *v)
{
	struct var_list *vl = arg;
	json_t *j = json_object();
	json_object_set_new(j, "name", dap_jstr(v->name));
	json_object_set_new(j, "value", dap_jstr(v->value));
	json_object_set_new(j, "evaluateName", dap_jstr(v->eval_name));
	put_parts(vl->c, j, vl->frame, v, "variablesReference");
	if (v->is_group || v->is_static) {
		json_t *hint = json_object();
		if (v->is_group)
			json_object_set_new(hint, "kind", json_string("class"));
		else
			json_object_set_new(hint, "attributes", json_pack("[s]", "static"));
		json_object_set_new(j, "presentationHint", hint);
	}
	json_array_append_new(vl->list, j);
}

static json_t *scope(const char *name, const char *hint, json_int_t ref)
{
	json_t *s = json_object();
	json_object_set_new(s, "name", json_string(name));
	if (hint)
		json_object_set_new(s, "presentationHint", json_string(hint));
	json_object_set_new(s, "variablesReference", json_integer(ref));
	json_object_set_new(s, "expensive", json_false());
	return s;
}

void dap_cmd_scopes(struct dap_conn *c, struct dap_req *r)
{
	json_int_t id = 0;
	dap_arg_int(r, r->args, "frameId", true, &id);
	if (dap_bad_args(c, r) || !dap_need_stopped(c, r))
		return;
	bool managed;
	struct mx_err err;
	if (dap_select_frame(c, id, &managed, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE, "%s", err.msg);
		return;
	}
	/* managed and native frames have the same two scopes */
	json_t *list = json_array();
	json_array_append_new(list,
			      scope("Locals", "locals", var_ref(c, id, DAP_REF_LOCALS, NULL)));
	json_array_append_new(list,
			      scope("Arguments", "arguments", var_ref(c, id, DAP_REF_ARGS, NULL)));
	json_t *body = json_object();
	json_object_set_new(body, "scopes", list);
	dap_respond(&c->out, r, body);
}

void dap_cmd_variables(struct dap_conn *c, struct dap_req *r)
{
	json_int_t id = 0, start = 0, count = 0;
	dap_arg_int(r, r->args, "variablesReference", true, &id);
	const char *filter = dap_arg_str(r, r->args, "filter", false);
	dap_arg_int(r, r->args, "start", false, &start);
	dap_arg_int(r, r->args, "count", false, &count);
	dap_arg_object(r, r->args, "format", false);
	if (dap_bad_args(c, r) || !dap_need_stopped(c, r))
		return;
	enum ses_children_filter which = SES_CHILDREN_ALL;
	if (filter && strcmp(filter, "indexed") == 0) {
		which = SES_CHILDREN_INDEXED;
	} else if (filter && strcmp(filter, "named") == 0) {
		which = SES_CHILDREN_NAMED;
	} else if (filter) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_MALFORMED,
				  "variables: filter must be \"indexed\" or \"named\", not \"%s\".",
				  filter);
		return;
	}
	if (start < 0 || count < 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_MALFORMED,
				  "variables: start and count must not be negative.");
		return;
	}
	struct dap_var_ref ref;
	if (!take_ref(c, r, id, &ref))
		return;
	struct var_list vl = {c, ref.frame, json_array()};
	struct mx_err err;
	int rc = 0;
	if (ref.kind == DAP_REF_VALUE) {
		rc = ses_var_children(c->ses, ref.expr, (size_t)start, (size_t)count, which,
				      add_var, &vl, &err);
	} else if (which != SES_CHILDREN_INDEXED) {
		/* a scope's variables are all named */
		json_t *all = vl.list;
		vl.list = json_array();
		rc = ses_frame_vars_ex(c->ses, ref.kind == DAP_REF_ARGS, add_var, &vl, &err);
		size_t from, to;
		dap_page(start, count, json_array_size(vl.list), &from, &to);
		for (size_t i = from; rc >= 0 && i < to; i++)
			json_array_append(all, json_array_get(vl.list, i));
		json_decref(vl.list);
		vl.list = all;
	}
	free(ref.expr);
	if (rc < 0) {
		json_decref(vl.list);
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s", err.msg);
		return;
	}
	json_t *body = json_object();
	json_object_set_new(body, "variables", vl.list);
	dap_respond(&c->out, r, body);
}

/* Fills an evaluate or setVariable body from the one ses_var described. */
struct described {
	struct dap_conn *c;
	json_int_t frame;
	json_t *body;
	const char *value_key;
};

static void put_described(void *arg, const struct ses_var *v)
{
	struct described *d = arg;
	json_object_set_new(d->body, d->value_key, dap_jstr(v->value));
	put_parts(d->c, d->body, d->frame, v, "variablesReference");
}

void dap_cmd_evaluate(struct dap_conn *c, struct dap_req *r)
{
	json_int_t id = 0;
	const char *expr = dap_arg_str(r, r->args, "expression", true);
	bool has_frame = dap_arg_int(r, r->args, "frameId", false, &id);
	const char *context = dap_arg_str(r, r->args, "context", false);
	if (dap_bad_args(c, r) || !dap_need_stopped(c, r))
		return;
	struct mx_err err;
	bool managed;
	/* without frameId: the session's selected frame, now and when the result is expanded */
	if (has_frame && dap_select_frame(c, id, &managed, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE, "%s", err.msg);
		return;
	}
	struct described d = {c, has_frame ? id : 0, json_object(), "result"};
	/* a hover must not run code in the program (the text under the mouse may be
	 * obj.Method()); watch, repl and the rest evaluate as print does */
	bool hover = context && strcmp(context, "hover") == 0;
	if ((hover ? ses_var_describe_pure : ses_var_describe)(c->ses, expr, put_described, &d,
							       &err) != 0) {
		json_decref(d.body);
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s", err.msg);
		return;
	}
	dap_respond(&c->out, r, d.body);
}

void dap_cmd_set_variable(struct dap_conn *c, struct dap_req *r)
{
	json_int_t id = 0;
	dap_arg_int(r, r->args, "variablesReference", true, &id);
	const char *name = dap_arg_str(r, r->args, "name", true);
	const char *value = dap_arg_str(r, r->args, "value", true);
	dap_arg_object(r, r->args, "format", false);
	if (dap_bad_args(c, r) || !dap_need_stopped(c, r))
		return;
	struct dap_var_ref ref;
	if (!take_ref(c, r, id, &ref))
		return;
	struct mx_err err;
	char target[2048];
	int rc = 0;
	if (ref.kind == DAP_REF_VALUE)
		rc = ses_var_child_expr(c->ses, ref.expr, name, target, sizeof(target), &err);
	else
		snprintf(target, sizeof(target), "%s", name);
	free(ref.expr);
	struct described d = {c, ref.frame, json_object(), "value"};
	if (rc != 0 || ses_set_var(c->ses, target, value, &err) != 0 ||
	    ses_var_describe(c->ses, target, put_described, &d, &err) != 0) {
		json_decref(d.body);
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s", err.msg);
		return;
	}
	dap_respond(&c->out, r, d.body);
}
