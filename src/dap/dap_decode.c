/* dap_decode.c: typed arguments of launch, attach and the breakpoint requests (see
 * dap_decode.h). */
#include "dap/dap_decode.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Splits a string of arguments on blanks (the form "args": "a b c" that some clients send). */
static void split_words(struct dap_launch_args *a, json_t *holder, const char *s)
{
	/* the words live in a JSON array attached to the request, so they die with it */
	json_t *words = json_array();
	while (*s) {
		while (isspace((unsigned char)*s))
			s++;
		const char *e = s;
		while (*e && !isspace((unsigned char)*e))
			e++;
		if (e > s)
			json_array_append_new(words, json_stringn(s, (size_t)(e - s)));
		s = e;
	}
	json_object_set_new(holder, "mixdbg.splitArgs", words);
	a->nargs = json_array_size(words);
	a->args = xcalloc(a->nargs + 1, sizeof(char *));
	for (size_t i = 0; i < a->nargs; i++)
		a->args[i] = json_string_value(json_array_get(words, i));
}

int dap_decode_launch(struct dap_req *r, struct dap_launch_args *a)
{
	memset(a, 0, sizeof(*a));
	a->program = dap_arg_str(r, r->args, "program", true);
	json_t *args = r->args ? json_object_get(r->args, "args") : NULL;
	if (json_is_string(args)) {
		split_words(a, r->root, json_string_value(args));
	} else if ((args = dap_arg_array(r, r->args, "args", false))) {
		a->nargs = json_array_size(args);
		a->args = xcalloc(a->nargs + 1, sizeof(char *));
		for (size_t i = 0; i < a->nargs; i++) {
			json_t *v = json_array_get(args, i);
			if (!json_is_string(v) ||
			    strlen(json_string_value(v)) != json_string_length(v))
				dap_arg_fail(
				    r, "argument 'args' must hold strings only (item %zu is %s)", i,
				    dap_json_type_name(v));
			else
				a->args[i] = json_string_value(v);
		}
	}
	a->cwd = dap_arg_str(r, r->args, "cwd", false);
	json_t *env = dap_arg_object(r, r->args, "env", false);
	if (env) {
		a->env = xcalloc(json_object_size(env) + 1, sizeof(*a->env));
		const char *k;
		json_t *v;
		json_object_foreach(env, k, v)
		{
			if (!*k || strchr(k, '=')) {
				dap_arg_fail(r, "environment variable name '%s' is not valid", k);
				break;
			}
			if (!json_is_null(v) &&
			    (!json_is_string(v) ||
			     strlen(json_string_value(v)) != json_string_length(v))) {
				dap_arg_fail(r,
					     "environment variable '%s' must be a string, not %s",
					     k, dap_json_type_name(v));
				break;
			}
			a->env[a->nenv].name = k;
			a->env[a->nenv++].value = json_string_value(v);
		}
	}
	a->stop_at_entry = dap_arg_bool(r, r->args, "stopAtEntry", false);
	a->just_my_code = dap_arg_bool(r, r->args, "justMyCode", true);
	a->native_debugging = dap_arg_bool(r, r->args, "nativeDebugging", true);
	a->no_debug = dap_arg_bool(r, r->args, "noDebug", false);
	a->console = dap_arg_str(r, r->args, "console", false);
	if (a->program && !*a->program)
		dap_arg_fail(r, "argument 'program' must not be empty");
	return r->bad ? -1 : 0;
}

void dap_launch_args_free(struct dap_launch_args *a)
{
	free(a->args);
	free(a->env);
	memset(a, 0, sizeof(*a));
}

int dap_decode_attach(struct dap_req *r, struct dap_attach_args *a)
{
	memset(a, 0, sizeof(*a));
	json_t *v = r->args ? json_object_get(r->args, "processId") : NULL;
	if (json_is_integer(v)) {
		a->pid = json_integer_value(v);
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v);
		char *end;
		errno = 0;
		a->pid = strtoll(s, &end, 10);
		if (errno || end == s || *end)
			dap_arg_fail(r, "argument 'processId' must be a process id, not '%.40s'",
				     s);
	} else if (!v || json_is_null(v)) {
		dap_arg_fail(r, "missing argument 'processId' (attaching needs a process id)");
	} else {
		dap_arg_fail(r, "argument 'processId' must be an integer, not %s",
			     dap_json_type_name(v));
	}
	if (!r->bad && (a->pid <= 0 || a->pid > 0x7fffffff))
		dap_arg_fail(r, "argument 'processId' must be a positive process id, not %lld",
			     a->pid);
	a->just_my_code = dap_arg_bool(r, r->args, "justMyCode", true);
	a->native_debugging = dap_arg_bool(r, r->args, "nativeDebugging", true);
	return r->bad ? -1 : 0;
}

static void decode_common(struct dap_req *r, json_t *o, struct dap_bp_args *b)
{
	b->condition = dap_arg_str(r, o, "condition", false);
	b->hit_condition = dap_arg_str(r, o, "hitCondition", false);
	b->log_message = dap_arg_str(r, o, "logMessage", false);
}

int dap_decode_set_breakpoints(struct dap_req *r, struct dap_bps_args *a)
{
	memset(a, 0, sizeof(*a));
	json_t *src = dap_arg_object(r, r->args, "source", true);
	if (src) {
		a->path = dap_arg_str(r, src, "path", false);
		if (!r->bad && (!a->path || !*a->path))
			dap_arg_fail(r, "the source has no 'path' (sources known only by "
					"reference are not supported)");
	}
	json_t *bps = dap_arg_array(r, r->args, "breakpoints", false);
	json_t *lines = bps ? NULL : dap_arg_array(r, r->args, "lines", false);
	size_t n = bps ? json_array_size(bps) : lines ? json_array_size(lines) : 0;
	a->bps = xcalloc(n + 1, sizeof(*a->bps));
	for (size_t i = 0; i < n && !r->bad; i++) {
		struct dap_bp_args *b = &a->bps[a->n++];
		if (lines) {
			json_t *v = json_array_get(lines, i);
			if (!json_is_integer(v))
				dap_arg_fail(r,
					     "argument 'lines' must hold integers (item %zu is %s)",
					     i, dap_json_type_name(v));
			else
				b->line = json_integer_value(v);
			continue;
		}
		json_t *o = json_array_get(bps, i);
		if (!json_is_object(o)) {
			dap_arg_fail(r, "each of 'breakpoints' must be an object (item %zu is %s)",
				     i, dap_json_type_name(o));
			break;
		}
		dap_arg_int(r, o, "line", true, &b->line);
		decode_common(r, o, b);
	}
	return r->bad ? -1 : 0;
}

int dap_decode_set_function_breakpoints(struct dap_req *r, struct dap_bps_args *a)
{
	memset(a, 0, sizeof(*a));
	json_t *bps = dap_arg_array(r, r->args, "breakpoints", true);
	size_t n = bps ? json_array_size(bps) : 0;
	a->bps = xcalloc(n + 1, sizeof(*a->bps));
	for (size_t i = 0; i < n && !r->bad; i++) {
		struct dap_bp_args *b = &a->bps[a->n++];
		json_t *o = json_array_get(bps, i);
		if (!json_is_object(o)) {
			dap_arg_fail(r, "each of 'breakpoints' must be an object (item %zu is %s)",
				     i, dap_json_type_name(o));
			break;
		}
		b->name = dap_arg_str(r, o, "name", true);
		decode_common(r, o, b);
	}
	return r->bad ? -1 : 0;
}

void dap_bps_args_free(struct dap_bps_args *a)
{
	free(a->bps);
	memset(a, 0, sizeof(*a));
}

int dap_decode_set_exception_breakpoints(struct dap_req *r, struct dap_exc_args *a)
{
	memset(a, 0, sizeof(*a));
	json_t *filters = dap_arg_array(r, r->args, "filters", true);
	json_t *opts = dap_arg_array(r, r->args, "filterOptions", false);
	size_t n = json_array_size(filters) + json_array_size(opts);
	a->filters = xcalloc(n + 1, sizeof(*a->filters));
	for (size_t i = 0; i < json_array_size(filters) && !r->bad; i++) {
		json_t *v = json_array_get(filters, i);
		if (!json_is_string(v)) {
			dap_arg_fail(r, "argument 'filters' must hold strings (item %zu is %s)", i,
				     dap_json_type_name(v));
			break;
		}
		a->filters[a->n++].filter = json_string_value(v);
	}
	for (size_t i = 0; i < json_array_size(opts) && !r->bad; i++) {
		json_t *o = json_array_get(opts, i);
		if (!json_is_object(o)) {
			dap_arg_fail(r,
				     "each of 'filterOptions' must be an object (item %zu is %s)",
				     i, dap_json_type_name(o));
			break;
		}
		struct dap_exc_filter *f = &a->filters[a->n++];
		f->filter = dap_arg_str(r, o, "filterId", true);
		f->condition = dap_arg_str(r, o, "condition", false);
	}
	return r->bad ? -1 : 0;
}

void dap_exc_args_free(struct dap_exc_args *a)
{
	free(a->filters);
	memset(a, 0, sizeof(*a));
}
