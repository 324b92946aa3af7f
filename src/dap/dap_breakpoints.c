/* dap_breakpoints.c: setBreakpoints (per source file, each call replacing the file's set),
 * setFunctionBreakpoints (one set), setExceptionBreakpoints, and the breakpoint events for
 * breakpoints that bind late (a pending one, when its module loads or the program starts).
 *
 * A breakpoint is verified once the session has bound it to code (a native address or a
 * managed method and IL offset): before the program starts, breakpoints are pending.
 */
#include "dap/dap_conn.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dap/dap_decode.h"
#include "util/xalloc.h"

static const struct ses_bp *find_bp(struct dap_conn *c, int id)
{
	for (size_t i = 0; i < ses_break_count(c->ses); i++) {
		const struct ses_bp *b = ses_break_at(c->ses, i);
		if (b && b->id == id)
			return b;
	}
	return NULL;
}

/* The protocol's Breakpoint for session breakpoint id. path: the source the client named
 * (NULL: the bound location's); line: the line asked for (0: none). */
static json_t *bp_json(struct dap_conn *c, int id, const char *path, int line, const char *pending)
{
	const struct ses_bp *b = find_bp(c, id);
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(id));
	const struct ses_where *w = NULL;
	if (b && b->nmlocs)
		w = &b->mlocs[0].where;
	else if (b && b->nlocs)
		w = &b->locs[0].where;
	json_object_set_new(j, "verified", json_boolean(w != NULL));
	if (w && w->line > 0)
		line = w->line;
	if (line > 0)
		json_object_set_new(j, "line", json_integer(dap_line_out(c, line)));
	if (path)
		json_object_set_new(j, "source", dap_source_json(c, path));
	else if (w && w->file[0])
		json_object_set_new(j, "source", dap_source_json(c, w->file));
	if (!w) {
		char msg[1200];
		if (!ses_has_process(c->ses))
			snprintf(msg, sizeof(msg),
				 "Pending: breakpoints bind when the program runs. %s",
				 pending ? pending : "");
		else
			snprintf(msg, sizeof(msg), "%s",
				 pending ? pending : "Pending: no code here is loaded yet.");
		json_object_set_new(j, "message", dap_jstr(msg));
	}
	return j;
}

static json_t *unverified(struct dap_conn *c, int line, const char *path, const char *msg)
{
	json_t *j = json_object();
	json_object_set_new(j, "verified", json_false());
	if (line > 0)
		json_object_set_new(j, "line", json_integer(dap_line_out(c, line)));
	if (path)
		json_object_set_new(j, "source", dap_source_json(c, path));
	json_object_set_new(j, "message", dap_jstr(msg));
	return j;
}

/* Sets one breakpoint at spec with the condition and hit count asked for; returns its
 * protocol form and, in *id, its number (0 when none was set). */
static json_t *set_one(struct dap_conn *c, const char *spec, const struct dap_bp_args *a,
		       const char *path, int line, int *id)
{
	*id = 0;
	char msg[1200];
	struct mx_err err;
	enum ses_hit_op op = SES_HIT_ANY;
	uint64_t count = 0;
	bool has_hit = a->hit_condition && *a->hit_condition;
	if (has_hit && ses_hit_condition_parse(a->hit_condition, &op, &count, &err) != 0) {
		snprintf(msg, sizeof(msg), "Hit condition not set: %s; this breakpoint is not set.",
			 err.msg);
		return unverified(c, line, path, msg);
	}
	if (ses_break(c->ses, spec, false, id, msg, sizeof(msg), &err) != 0) {
		*id = 0;
		return unverified(c, line, path, err.msg);
	}
	const char *failed = NULL; /* what was refused, to say so */
	if (a->condition && *a->condition &&
	    ses_break_condition(c->ses, *id, a->condition, &err) != 0)
		failed = "Condition";
	else if (has_hit && ses_break_hit_condition(c->ses, *id, op, count, &err) != 0)
		failed = "Hit condition";
	else if (a->log_message && *a->log_message &&
		 ses_break_log(c->ses, *id, SES_LOG_MESSAGE, a->log_message, &err) != 0)
		failed = "Log message";
	if (failed) {
		ses_break_delete(c->ses, *id, NULL);
		*id = 0;
		const char *text = failed[0] == 'C'   ? a->condition
				   : failed[0] == 'H' ? a->hit_condition
						      : a->log_message;
		snprintf(msg, sizeof(msg), "%s '%.300s' not set: %s; this breakpoint is not set.",
			 failed, text, err.msg);
		return unverified(c, line, path, msg);
	}
	return bp_json(c, *id, path, line, msg);
}

static struct dap_source_bps *source_set(struct dap_conn *c, const char *path)
{
	for (size_t i = 0; i < c->nsources; i++)
		if (strcmp(c->sources[i].path, path) == 0)
			return &c->sources[i];
	xgrow((void **)&c->sources, &c->cap_sources, c->nsources + 1, sizeof(*c->sources));
	struct dap_source_bps *s = &c->sources[c->nsources++];
	memset(s, 0, sizeof(*s));
	s->path = xstrdup(path);
	return s;
}

static void delete_all(struct dap_conn *c, int **ids, size_t *n)
{
	for (size_t i = 0; i < *n; i++) {
		ses_break_delete(c->ses, (*ids)[i], NULL);
	}
	free(*ids);
	*ids = NULL;
	*n = 0;
}

void dap_cmd_set_breakpoints(struct dap_conn *c, struct dap_req *r)
{
	struct dap_bps_args a;
	if (dap_decode_set_breakpoints(r, &a) != 0) {
		dap_bad_args(c, r);
		dap_bps_args_free(&a);
		return;
	}
	struct dap_source_bps *set = source_set(c, a.path);
	delete_all(c, &set->ids, &set->n);
	set->ids = xcalloc(a.n + 1, sizeof(int));
	json_t *list = json_array();
	for (size_t i = 0; i < a.n; i++) {
		int line = dap_line_in(c, a.bps[i].line);
		json_t *j;
		int id = 0;
		if (line <= 0) {
			j = unverified(c, 0, a.path, "Line numbers start at 1.");
		} else {
			char *spec = xasprintf("%s:%d", a.path, line);
			j = set_one(c, spec, &a.bps[i], a.path, line, &id);
			free(spec);
		}
		if (id)
			set->ids[set->n++] = id;
		json_array_append_new(list, j);
	}
	dap_bps_args_free(&a);
	json_t *body = json_object();
	json_object_set_new(body, "breakpoints", list);
	dap_respond(&c->out, r, body);
}

void dap_cmd_set_function_breakpoints(struct dap_conn *c, struct dap_req *r)
{
	struct dap_bps_args a;
	if (dap_decode_set_function_breakpoints(r, &a) != 0) {
		dap_bad_args(c, r);
		dap_bps_args_free(&a);
		return;
	}
	delete_all(c, &c->func_bps, &c->nfunc_bps);
	c->func_bps = xcalloc(a.n + 1, sizeof(int));
	json_t *list = json_array();
	for (size_t i = 0; i < a.n; i++) {
		int id = 0;
		json_t *j;
		const char *name = a.bps[i].name;
		/* a function name, not a location of another form (FILE:LINE, *ADDRESS) */
		if (!*name || strchr(name, ':') || name[0] == '*' ||
		    isdigit((unsigned char)name[0]))
			j = unverified(c, 0, NULL, "A function breakpoint needs a function name.");
		else
			j = set_one(c, name, &a.bps[i], NULL, 0, &id);
		if (id)
			c->func_bps[c->nfunc_bps++] = id;
		json_array_append_new(list, j);
	}
	dap_bps_args_free(&a);
	json_t *body = json_object();
	json_object_set_new(body, "breakpoints", list);
	dap_respond(&c->out, r, body);
}

/* setExceptionBreakpoints: the filters replace every exception catchpoint. "all" is
 * `catch throw`, "user-unhandled" `catch user-unhandled`; a condition is their type list
 * (commas between the names, !Type to exclude one), as vsdbg takes it. "signals" sets which
 * native signals stop (dap_signals.c), its condition a list of signal names. */
void dap_cmd_set_exception_breakpoints(struct dap_conn *c, struct dap_req *r)
{
	struct dap_exc_args a;
	if (dap_decode_set_exception_breakpoints(r, &a) != 0) {
		dap_bad_args(c, r);
		dap_exc_args_free(&a);
		return;
	}
	ses_catch_off(c->ses);
	/* the signals filter as a whole (given in filters, filterOptions or both) */
	bool signals_on = false;
	const char *signals_cond = NULL;
	for (size_t i = 0; i < a.n; i++)
		if (strcmp(a.filters[i].filter, "signals") == 0) {
			signals_on = true;
			if (a.filters[i].condition)
				signals_cond = a.filters[i].condition;
		}
	char signals_msg[700] = "";
	bool signals_ok =
	    dap_signals_filter(c, signals_on, signals_cond, signals_msg, sizeof(signals_msg)) == 0;
	json_t *list = json_array();
	for (size_t i = 0; i < a.n; i++) {
		const struct dap_exc_filter *f = &a.filters[i];
		json_t *j = json_object();
		bool ok = true;
		char msg[700] = "";
		struct mx_err err;
		if (strcmp(f->filter, "all") == 0 || strcmp(f->filter, "user-unhandled") == 0) {
			enum ses_catch_kind kind = strcmp(f->filter, "all") == 0
						       ? SES_CATCH_THROW
						       : SES_CATCH_USER_UNHANDLED;
			if (ses_catch_set(c->ses, kind, f->condition, &err) != 0) {
				ok = false;
				snprintf(msg, sizeof(msg), "Exception filter '%s': %s", f->filter,
					 err.msg);
			}
		} else if (strcmp(f->filter, "signals") == 0) {
			ok = signals_ok;
			snprintf(msg, sizeof(msg), "%s", signals_msg);
		} else if (strcmp(f->filter, "unhandled") != 0) {
			/* "unhandled": those always stop */
			ok = false;
			snprintf(msg, sizeof(msg),
				 "Unknown exception filter '%s' (mixdbg has 'all', "
				 "'user-unhandled' and 'signals').",
				 f->filter);
		}
		json_object_set_new(j, "verified", json_boolean(ok));
		if (!ok)
			json_object_set_new(j, "message", dap_jstr(msg));
		json_array_append_new(list, j);
	}
	dap_exc_args_free(&a);
	json_t *body = json_object();
	json_object_set_new(body, "breakpoints", list);
	dap_respond(&c->out, r, body);
}

static bool ours(struct dap_conn *c, int id, const char **path)
{
	*path = NULL;
	for (size_t i = 0; i < c->nsources; i++)
		for (size_t k = 0; k < c->sources[i].n; k++)
			if (c->sources[i].ids[k] == id) {
				*path = c->sources[i].path;
				return true;
			}
	for (size_t k = 0; k < c->nfunc_bps; k++)
		if (c->func_bps[k] == id)
			return true;
	return false;
}

void dap_breakpoint_resolved(struct dap_conn *c, int id)
{
	const char *path;
	if (!ours(c, id, &path))
		return;
	json_t *body = json_object();
	json_object_set_new(body, "reason", json_string("changed"));
	json_object_set_new(body, "breakpoint", bp_json(c, id, path, 0, NULL));
	dap_event(&c->out, "breakpoint", body);
}

void dap_breakpoints_free(struct dap_conn *c)
{
	for (size_t i = 0; i < c->nsources; i++) {
		free(c->sources[i].path);
		free(c->sources[i].ids);
	}
	free(c->sources);
	c->sources = NULL;
	c->nsources = c->cap_sources = 0;
	free(c->func_bps);
	c->func_bps = NULL;
	c->nfunc_bps = 0;
	free(c->resolved);
	c->resolved = NULL;
	c->nresolved = c->cap_resolved = 0;
}
