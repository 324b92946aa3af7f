/* dap_run.c: the requests that let the program run (continue, next, stepIn, stepOut) and the
 * run itself: a blocking session call on the main thread, answered before it starts (the
 * client learns of the stop by the stopped event).
 *
 * Quiet stops. A request that needs the program stopped (setBreakpoints...) arriving during a
 * continue makes the reader interrupt the program; that stop is not shown: the requests are
 * served and the program continues. An interrupt whose stop never came (the program stopped
 * for another reason first) may still be pending in the session and stop a later run at once:
 * that stop is ours too, and the run goes on.
 */
#include "dap/dap_conn.h"

#include <stdlib.h>
#include <string.h>

void dap_set_has_process(struct dap_conn *c, bool on)
{
	pthread_mutex_lock(&c->mu);
	c->has_process = on;
	if (!on)
		json_array_clear(c->thread_list);
	pthread_mutex_unlock(&c->mu);
}

/* Serves the queued requests that a quiet stop is for. */
static void serve_quiet(struct dap_conn *c)
{
	for (;;) {
		pthread_mutex_lock(&c->mu);
		struct dap_qitem *it = dap_queue_take(c, dap_needs_quiet_stop);
		pthread_mutex_unlock(&c->mu);
		if (!it)
			return;
		dap_dispatch(c, &it->req);
		dap_req_free(&it->req);
		free(it);
	}
}

static int run_once(struct dap_conn *c, enum dap_run_kind kind, struct mx_err *err)
{
	switch (kind) {
	case DAP_RUN_START: {
		int fds[3] = {-1, -1, -1};
		if (dap_stdio_start(c, fds) != 0)
			dap_console(&c->out, "mixdbg: cannot capture the program's output; it "
					     "goes to the adapter's own.");
		int rc = ses_run_stdio(c->ses, c->stop_at_entry, fds, err);
		dap_stdio_launched(c);
		return rc;
	}
	case DAP_RUN_CONTINUE:
		return ses_continue(c->ses, err);
	case DAP_RUN_NEXT:
		return ses_step(c->ses, false, err);
	case DAP_RUN_STEP_IN:
		return ses_step(c->ses, true, err);
	case DAP_RUN_STEP_OUT:
		return ses_finish(c->ses, err);
	}
	return 0;
}

void dap_run(struct dap_conn *c, enum dap_run_kind kind)
{
	pthread_mutex_lock(&c->mu);
	c->running = true;
	c->run_pending = false;
	pthread_mutex_unlock(&c->mu);
	for (;;) {
		bool resumable = kind == DAP_RUN_START || kind == DAP_RUN_CONTINUE;
		pthread_mutex_lock(&c->mu);
		/* what came while the program was stopped, and is meant for the run */
		if (c->eof || dap_queue_any(c, dap_ends_session))
			c->ending = true;
		bool ending = c->ending;
		c->run_resumable = resumable;
		if (!ending && c->pause_deferred) {
			c->pause_deferred = false;
			c->pause_requested = true;
			ses_request_interrupt(c->ses);
			c->intr_outstanding = true;
		} else if (!ending && resumable && !c->intr_outstanding &&
			   dap_queue_any(c, dap_needs_quiet_stop)) {
			/* requests came before the run did: stop at once to serve them */
			ses_request_interrupt(c->ses);
			c->intr_outstanding = true;
		}
		pthread_mutex_unlock(&c->mu);
		if (ending)
			break; /* the client is leaving: the program stays stopped for it */
		c->resume_after = false;
		dap_frames_forget(c);
		struct mx_err err = {{0}};
		int rc = run_once(c, kind, &err);
		bool alive = ses_has_process(c->ses);
		dap_set_has_process(c, alive);
		if (rc != 0) {
			dap_output(&c->out, "important", err.msg, strlen(err.msg));
			dap_output(&c->out, "important", "\n", 1);
			if (alive) {
				/* the program did not move (or stopped): show where it is */
				struct ses_stop st =
				    c->have_stop ? c->last_stop : (struct ses_stop){0};
				st.kind = SES_STOP_INTERRUPT;
				dap_send_stopped(c, &st, err.msg);
			} else if (!c->terminated_sent) {
				c->terminated_sent = true;
				dap_event(&c->out, "terminated", NULL);
			}
			break;
		}
		if (!c->resume_after || !alive)
			break;
		serve_quiet(c);
		kind = DAP_RUN_CONTINUE;
	}
	pthread_mutex_lock(&c->mu);
	c->running = false;
	pthread_mutex_unlock(&c->mu);
}

/* Selects the thread a step request names (the session steps its current thread). */
static bool select_thread(struct dap_conn *c, struct dap_req *r)
{
	json_int_t tid = 0;
	if (!dap_arg_int(r, r->args, "threadId", false, &tid))
		return !dap_bad_args(c, r);
	int num = dap_thread_num(c, (pid_t)tid);
	struct mx_err err;
	if (!num || ses_select_thread(c->ses, num, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "There is no thread %lld.", (long long)tid);
		return false;
	}
	return true;
}

static void step(struct dap_conn *c, struct dap_req *r, enum dap_run_kind kind)
{
	if (!dap_need_stopped(c, r) || !select_thread(c, r))
		return;
	const char *granularity = dap_arg_str(r, r->args, "granularity", false);
	if (dap_bad_args(c, r))
		return;
	if (granularity && strcmp(granularity, "statement") != 0 &&
	    strcmp(granularity, "line") != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_UNSUPPORTED,
				  "Stepping by '%s' is not supported (only by line).", granularity);
		return;
	}
	dap_respond(&c->out, r, NULL);
	dap_run(c, kind);
}

void dap_cmd_continue(struct dap_conn *c, struct dap_req *r)
{
	json_int_t tid;
	dap_arg_int(r, r->args, "threadId", false, &tid);
	dap_arg_bool(r, r->args, "singleThread", false);
	if (dap_bad_args(c, r) || !dap_need_stopped(c, r))
		return;
	json_t *body = json_object();
	json_object_set_new(body, "allThreadsContinued", json_true());
	dap_respond(&c->out, r, body);
	dap_run(c, DAP_RUN_CONTINUE);
}

void dap_cmd_next(struct dap_conn *c, struct dap_req *r)
{
	step(c, r, DAP_RUN_NEXT);
}

void dap_cmd_step_in(struct dap_conn *c, struct dap_req *r)
{
	step(c, r, DAP_RUN_STEP_IN);
}

void dap_cmd_step_out(struct dap_conn *c, struct dap_req *r)
{
	step(c, r, DAP_RUN_STEP_OUT);
}

void dap_cmd_pause(struct dap_conn *c, struct dap_req *r)
{
	/* the reader answers pause while the program runs; here it is stopped already */
	if (!dap_need_stopped(c, r))
		return;
	dap_respond(&c->out, r, NULL);
}
