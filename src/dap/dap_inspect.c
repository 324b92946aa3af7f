/* dap_inspect.c: looking at a stopped program: threads, call stacks (managed and native frames
 * from the one session backtrace), and the exception or signal a thread stopped for (scopes,
 * variables, evaluate and setVariable are dap_vars.c's).
 *
 * Frame ids stand for (thread, level) at the current stop only.
 */
#include "dap/dap_conn.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void dap_frames_forget(struct dap_conn *c)
{
	c->nframes = 0;
	dap_var_refs_forget(c);
}

static json_int_t frame_id(struct dap_conn *c, pid_t tid, int level)
{
	for (size_t i = 0; i < c->nframes; i++)
		if (c->frames[i].tid == tid && c->frames[i].level == level)
			return (json_int_t)i + 1;
	xgrow((void **)&c->frames, &c->cap_frames, c->nframes + 1, sizeof(*c->frames));
	c->frames[c->nframes].tid = tid;
	c->frames[c->nframes].level = level;
	return (json_int_t)++c->nframes;
}

json_t *dap_threads_body(struct dap_conn *c)
{
	json_t *list = json_array();
	for (size_t i = 0; ses_has_process(c->ses) && i < ses_thread_count(c->ses); i++) {
		const struct ses_thread *t = ses_thread_at(c->ses, i);
		if (!t)
			continue;
		json_t *j = json_object();
		json_object_set_new(j, "id", json_integer(t->tid));
		char name[64];
		if (t->name[0])
			snprintf(name, sizeof(name), "%s", t->name);
		else
			snprintf(name, sizeof(name), "Thread %d", t->num);
		/* a frozen thread stays stopped when the others run: the client should know */
		if (t->frozen)
			snprintf(name + strlen(name), sizeof(name) - strlen(name), " (frozen)");
		json_object_set_new(j, "name", dap_jstr(name));
		json_array_append_new(list, j);
	}
	pthread_mutex_lock(&c->mu);
	json_decref(c->thread_list);
	c->thread_list = json_deep_copy(list);
	pthread_mutex_unlock(&c->mu);
	json_t *body = json_object();
	json_object_set_new(body, "threads", list);
	return body;
}

void dap_cmd_threads(struct dap_conn *c, struct dap_req *r)
{
	dap_respond(&c->out, r, dap_threads_body(c));
}

void dap_cmd_freeze_thread(struct dap_conn *c, struct dap_req *r)
{
	json_int_t tid = 0;
	dap_arg_int(r, r->args, "threadId", true, &tid);
	bool freeze = dap_arg_bool(r, r->args, "freeze", true);
	if (dap_bad_args(c, r) || !dap_need_stopped(c, r))
		return;
	int num = dap_thread_num(c, (pid_t)tid);
	struct mx_err err;
	if (!num) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "There is no thread %lld.", (long long)tid);
		return;
	}
	if (ses_thread_freeze(c->ses, num, freeze, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s", err.msg);
		return;
	}
	dap_respond(&c->out, r, NULL);
}

static json_t *frame_json(struct dap_conn *c, pid_t tid, int level, const struct ses_frame *f)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(frame_id(c, tid, level)));
	int line = 0;
	const char *file = NULL;
	struct ses_where w; /* file points into it */
	if (f->managed) {
		if (f->label[0]) {
			json_object_set_new(j, "name", dap_jstr(f->label));
			json_object_set_new(j, "presentationHint", json_string("label"));
		} else {
			json_object_set_new(j, "name",
					    dap_jstr(f->where.func[0] ? f->where.func : "??"));
			if (f->where.file[0]) {
				file = f->where.file;
				line = f->where.line;
			}
		}
	} else {
		if (f->inline_depth > 0)
			w = f->where; /* an inlined call's caller: the call's function and line */
		else
			ses_describe(c->ses, f->lookup_pc, &w);
		const char *name = w.func[0] ? w.func : w.sym[0] ? w.sym : "??";
		if (!w.file[0] && w.module[0]) {
			char *n = xasprintf("%s (%s)", name, dap_basename(w.module));
			json_object_set_new(j, "name", dap_jstr(n));
			free(n);
		} else {
			json_object_set_new(j, "name", dap_jstr(name));
		}
		if (w.file[0]) {
			file = w.file;
			line = w.line;
		} else {
			json_object_set_new(j, "presentationHint", json_string("subtle"));
		}
		if (w.module[0])
			json_object_set_new(j, "moduleId", dap_jstr(w.module));
		char pc[32];
		snprintf(pc, sizeof(pc), "0x%" PRIx64, f->pc);
		json_object_set_new(j, "instructionPointerReference", json_string(pc));
	}
	if (file) {
		json_object_set_new(j, "source", dap_source_json(c, file));
		json_object_set_new(j, "line", json_integer(dap_line_out(c, line)));
		json_object_set_new(j, "column", json_integer(c->columns_from_1 ? 1 : 0));
	} else {
		json_object_set_new(j, "line", json_integer(0));
		json_object_set_new(j, "column", json_integer(0));
	}
	return j;
}

void dap_cmd_stack_trace(struct dap_conn *c, struct dap_req *r)
{
	json_int_t tid = 0, start = 0, levels = 0;
	dap_arg_int(r, r->args, "threadId", true, &tid);
	dap_arg_int(r, r->args, "startFrame", false, &start);
	dap_arg_int(r, r->args, "levels", false, &levels);
	dap_arg_object(r, r->args, "format", false);
	if (dap_bad_args(c, r) || !dap_need_stopped(c, r))
		return;
	if (start < 0 || levels < 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_MALFORMED,
				  "stackTrace: startFrame and levels must not be negative.");
		return;
	}
	if (!dap_thread_num(c, (pid_t)tid)) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "There is no thread %lld.", (long long)tid);
		return;
	}
	const struct ses_frame *f;
	size_t n;
	struct mx_err err;
	if (ses_backtrace(c->ses, (pid_t)tid, &f, &n, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s", err.msg);
		return;
	}
	json_t *list = json_array();
	size_t from, end;
	dap_page(start, levels, n, &from, &end);
	for (size_t k = from; k < end; k++)
		json_array_append_new(list, frame_json(c, (pid_t)tid, (int)k, &f[k]));
	json_t *body = json_object();
	json_object_set_new(body, "stackFrames", list);
	json_object_set_new(body, "totalFrames", json_integer((json_int_t)n));
	dap_respond(&c->out, r, body);
}

int dap_select_frame(struct dap_conn *c, json_int_t id, bool *managed, struct mx_err *err)
{
	if (id < 1 || (size_t)id > c->nframes)
		return mx_err_set(err, "Unknown frame %lld (frames are valid for one stop).",
				  (long long)id);
	const struct dap_frame_ref *fr = &c->frames[id - 1];
	int num = dap_thread_num(c, fr->tid);
	if (!num)
		return mx_err_set(err, "Thread %d is gone.", (int)fr->tid);
	if (ses_select_thread(c->ses, num, err) != 0)
		return -1;
	const struct ses_frame *f;
	size_t n;
	if (ses_backtrace(c->ses, fr->tid, &f, &n, err) != 0)
		return -1;
	if ((size_t)fr->level >= n)
		return mx_err_set(err, "Frame %lld is gone.", (long long)id);
	*managed = f[fr->level].managed;
	return ses_select_frame(c->ses, fr->level, err);
}

/* DAP ExceptionDetails of one exception object. */
static json_t *exception_details(const struct ses_exc_desc *d)
{
	json_t *j = json_object();
	const char *dot = strrchr(d->type, '.');
	json_object_set_new(j, "message", dap_jstr(d->message));
	json_object_set_new(j, "typeName", dap_jstr(dot ? dot + 1 : d->type));
	json_object_set_new(j, "fullTypeName", dap_jstr(d->type));
	return j;
}

void dap_cmd_exception_info(struct dap_conn *c, struct dap_req *r)
{
	json_int_t tid = 0;
	dap_arg_int(r, r->args, "threadId", true, &tid);
	if (dap_bad_args(c, r) || !dap_need_stopped(c, r))
		return;
	const struct ses_stop *st = &c->last_stop;
	if (!c->have_stop || st->tid != (pid_t)tid ||
	    (st->kind != SES_STOP_EXCEPTION && st->kind != SES_STOP_SIGNAL)) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "Thread %lld did not stop for an exception or a signal.",
				  (long long)tid);
		return;
	}
	json_t *body = json_object();
	if (st->kind == SES_STOP_SIGNAL) {
		json_object_set_new(body, "exceptionId", json_string(ses_signal_name(st->signo)));
		json_object_set_new(body, "description", json_string(ses_signal_desc(st->signo)));
		json_object_set_new(body, "breakMode", json_string("always"));
		dap_respond(&c->out, r, body);
		return;
	}
	json_object_set_new(body, "description", dap_jstr(st->exc_text));
	json_object_set_new(body, "breakMode",
			    json_string(st->exc_unhandled	 ? "unhandled"
					: st->exc_user_unhandled ? "userUnhandled"
								 : "always"));
	struct ses_exc_info *info = xmalloc(sizeof(*info));
	struct mx_err err;
	if (ses_exception_info(c->ses, info, &err) == 0) {
		json_object_set_new(body, "exceptionId", dap_jstr(info->exc.type));
		json_t *details = exception_details(&info->exc);
		if (info->stack_trace[0])
			json_object_set_new(details, "stackTrace", dap_jstr(info->stack_trace));
		/* DAP's innerException: an array of details, each with its own; here the chain
		 * flattened, one level per inner exception */
		json_t *outer = details;
		for (size_t i = 0; i < info->ninner; i++) {
			json_t *in = exception_details(&info->inner[i]);
			json_t *arr = json_array();
			json_array_append_new(arr, in);
			json_object_set_new(outer, "innerException", arr);
			outer = in;
		}
		json_object_set_new(body, "details", details);
	} else {
		/* the exception object is gone (the thread moved on): what the stop said */
		char type[700];
		snprintf(type, sizeof(type), "%s", st->exc_text);
		char *sep = strstr(type, ": ");
		if (sep)
			*sep = 0;
		json_object_set_new(body, "exceptionId", dap_jstr(type));
	}
	free(info);
	dap_respond(&c->out, r, body);
}
