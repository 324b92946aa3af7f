/* dap_goto.c: gotoTargets and goto (set next statement). gotoTargets asks the session whether
 * the current thread could go on at a source line (ses_set_next_statement, check only) and
 * answers that one target; goto moves the thread's pc there without running it, then, as the
 * protocol says, answers and sends a `stopped` event with reason "goto". A target's id stands
 * for its file and line: the last targets handed out are kept here. */
#include "dap/dap_conn.h"

#include <stdio.h>
#include <string.h>

#include "util/str.h"

static const struct dap_goto_target *find_target(const struct dap_conn *c, json_int_t id)
{
	for (size_t i = 0; i < DAP_GOTO_TARGETS; i++)
		if (c->gotos[i].id && c->gotos[i].id == id)
			return &c->gotos[i];
	return NULL;
}

static int remember_target(struct dap_conn *c, const char *file, int line)
{
	struct dap_goto_target *t = &c->gotos[c->next_goto % DAP_GOTO_TARGETS];
	t->id = ++c->next_goto;
	t->line = line;
	mx_strlcpy(t->file, file, sizeof(t->file));
	return t->id;
}

void dap_cmd_goto_targets(struct dap_conn *c, struct dap_req *r)
{
	json_t *source = dap_arg_object(r, r->args, "source", true);
	const char *path = source ? dap_arg_str(r, source, "path", true) : NULL;
	json_int_t line_arg = 0;
	dap_arg_int(r, r->args, "line", true, &line_arg);
	if (dap_bad_args(c, r) || !dap_need_stopped(c, r))
		return;
	int line = dap_line_in(c, line_arg);
	struct ses_jump j;
	struct mx_err err;
	if (ses_set_next_statement(c->ses, path, line, true, &j, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s", err.msg);
		return;
	}
	char label[600];
	const char *base = strrchr(path, '/');
	snprintf(label, sizeof(label), "%s:%d", base ? base + 1 : path, line);
	json_t *t = json_object();
	json_object_set_new(t, "id", json_integer(remember_target(c, path, line)));
	json_object_set_new(t, "label", dap_jstr(label));
	json_object_set_new(t, "line", json_integer(dap_line_out(c, line)));
	json_t *list = json_array();
	json_array_append_new(list, t);
	json_t *body = json_object();
	json_object_set_new(body, "targets", list);
	dap_respond(&c->out, r, body);
}

void dap_cmd_goto(struct dap_conn *c, struct dap_req *r)
{
	json_int_t tid = 0, id = 0;
	dap_arg_int(r, r->args, "threadId", true, &tid);
	dap_arg_int(r, r->args, "targetId", true, &id);
	if (dap_bad_args(c, r) || !dap_need_stopped(c, r))
		return;
	const struct dap_goto_target *t = find_target(c, id);
	if (!t) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "There is no goto target %lld (ask gotoTargets first).",
				  (long long)id);
		return;
	}
	int num = dap_thread_num(c, (pid_t)tid);
	struct mx_err err;
	if (!num || ses_select_thread(c->ses, num, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "There is no thread %lld.", (long long)tid);
		return;
	}
	struct ses_jump j;
	if (ses_set_next_statement(c->ses, t->file, t->line, false, &j, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s", err.msg);
		return;
	}
	dap_respond(&c->out, r, NULL);
	if (j.warning[0])
		dap_console(&c->out, "mixdbg: %s", j.warning);
	dap_frames_forget(c); /* the thread's frames are read again */
	struct ses_stop st = c->have_stop ? c->last_stop : (struct ses_stop){0};
	st.kind = SES_STOP_STEP;
	st.tid = (pid_t)tid;
	char why[600];
	snprintf(why, sizeof(why), "Moved to line %d", t->line);
	dap_send_stopped_as(c, &st, "goto", why);
}
