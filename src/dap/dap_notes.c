/* dap_notes.c: the session's news as protocol events: stops, the exit, threads, modules,
 * breakpoints bound late, signals and the debugger's own messages. Called on the main thread,
 * from inside the session's calls. */
#include "dap/dap_conn.h"

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "util/xalloc.h"

static const char *reason_of(const struct dap_conn *c, const struct ses_stop *st)
{
	switch (st->kind) {
	case SES_STOP_BREAKPOINT:
		return st->bp_temporary && c->stop_at_entry ? "entry" : "breakpoint";
	case SES_STOP_WATCH:
		return "data breakpoint";
	case SES_STOP_SIGNAL:
		return "exception"; /* a signal is the native exception (exceptionInfo names it) */
	case SES_STOP_INTERRUPT:
		return "pause";
	case SES_STOP_STEP:
		return "step";
	case SES_STOP_EXCEPTION:
		return "exception";
	case SES_STOP_EXITED:
		break;
	}
	return "pause";
}

static void describe(const struct ses_stop *st, char *buf, size_t len)
{
	switch (st->kind) {
	case SES_STOP_BREAKPOINT:
		snprintf(buf, len, "%s %d",
			 st->bp_temporary ? "Temporary breakpoint" : "Breakpoint", st->bp_id);
		break;
	case SES_STOP_WATCH:
		snprintf(buf, len, "Watchpoint %d", st->watch_id);
		break;
	case SES_STOP_SIGNAL:
		if (st->signo == SIGSEGV || st->signo == SIGBUS || st->signo == SIGFPE ||
		    st->signo == SIGILL)
			snprintf(buf, len, "Signal %s (%s) at address 0x%" PRIx64,
				 ses_signal_name(st->signo), ses_signal_desc(st->signo),
				 st->fault_addr);
		else
			snprintf(buf, len, "Signal %s (%s)", ses_signal_name(st->signo),
				 ses_signal_desc(st->signo));
		break;
	case SES_STOP_EXCEPTION:
		snprintf(buf, len, "%s exception: %s",
			 st->exc_unhandled	  ? "Unhandled"
			 : st->exc_user_unhandled ? "User-unhandled"
						  : "Thrown",
			 st->exc_text);
		break;
	case SES_STOP_INTERRUPT:
		snprintf(buf, len, "Paused");
		break;
	case SES_STOP_STEP:
		snprintf(buf, len, "Step");
		break;
	case SES_STOP_EXITED:
		buf[0] = 0;
		break;
	}
}

void dap_flush_breakpoint_events(struct dap_conn *c)
{
	for (size_t i = 0; i < c->nresolved; i++)
		dap_breakpoint_resolved(c, c->resolved[i]);
	c->nresolved = 0;
}

/* The client may ask about the stop as soon as it hears of it: from then on the program
 * counts as stopped, even though the session's call returns only after this. */
static void no_longer_running(struct dap_conn *c, bool alive)
{
	pthread_mutex_lock(&c->mu);
	c->running = false;
	c->has_process = alive;
	pthread_mutex_unlock(&c->mu);
}

void dap_send_stopped(struct dap_conn *c, const struct ses_stop *st, const char *why)
{
	dap_send_stopped_as(c, st, NULL, why);
}

void dap_send_stopped_as(struct dap_conn *c, const struct ses_stop *st, const char *reason,
			 const char *why)
{
	no_longer_running(c, true);
	dap_stdio_drain(c);
	dap_flush_breakpoint_events(c);
	json_decref(dap_threads_body(c)); /* the list `threads` answers while it runs */
	char text[1024];
	describe(st, text, sizeof(text));
	json_t *body = json_object();
	json_object_set_new(body, "reason", json_string(reason ? reason : reason_of(c, st)));
	json_object_set_new(body, "description", dap_jstr(why ? why : text));
	if (st->kind == SES_STOP_EXCEPTION)
		json_object_set_new(body, "text", dap_jstr(st->exc_text));
	if (st->tid)
		json_object_set_new(body, "threadId", json_integer(st->tid));
	json_object_set_new(body, "allThreadsStopped", json_true());
	if (st->kind == SES_STOP_BREAKPOINT && st->bp_id > 0 &&
	    !(st->bp_temporary && c->stop_at_entry)) {
		json_t *ids = json_array();
		json_array_append_new(ids, json_integer(st->bp_id));
		json_object_set_new(body, "hitBreakpointIds", ids);
	}
	dap_event(&c->out, "stopped", body);
}

static void on_stopped(struct dap_conn *c, const struct ses_stop *st)
{
	c->last_stop = *st;
	c->have_stop = true;
	if (c->suppress_stops)
		return;
	pthread_mutex_lock(&c->mu);
	if (st->kind == SES_STOP_INTERRUPT) {
		bool was_asked = c->intr_outstanding;
		c->intr_outstanding = false;
		/* an interrupt of ours (to serve requests, or left over from a run that stopped
		 * otherwise first) resumes a continue; a step it cut short is shown */
		if (!c->pause_requested && (c->ending || (was_asked && c->run_resumable))) {
			/* our own interrupt: no stop for the client */
			if (!c->ending)
				c->resume_after = true;
			pthread_mutex_unlock(&c->mu);
			return;
		}
	}
	c->pause_requested = false;
	pthread_mutex_unlock(&c->mu);
	dap_send_stopped(c, st, NULL);
}

static void on_exited(struct dap_conn *c, const struct ses_stop *st)
{
	no_longer_running(c, false);
	dap_set_has_process(c, false); /* and forget its threads */
	dap_stdio_drain(c);
	dap_flush_breakpoint_events(c);
	dap_frames_forget(c);
	c->have_stop = false;
	int code = st->exit_signo ? 128 + st->exit_signo : st->exit_code;
	if (st->exit_unknown)
		dap_console(&c->out,
			    "[process %d exited; its exit status is unknown (attached, not "
			    "traced)]",
			    (int)st->pid);
	else if (st->exit_signo)
		dap_console(&c->out, "[process %d killed by signal %s]", (int)st->pid,
			    ses_signal_name(st->exit_signo));
	else
		dap_console(&c->out, "[process %d exited with code %d]", (int)st->pid,
			    st->exit_code);
	if (!st->exit_unknown) { /* "exited" must carry a code: none to give otherwise */
		json_t *body = json_object();
		json_object_set_new(body, "exitCode", json_integer(code));
		dap_event(&c->out, "exited", body);
	}
	if (!c->terminated_sent) {
		c->terminated_sent = true;
		dap_event(&c->out, "terminated", NULL);
	}
}

static json_t *thread_json(pid_t tid, const char *name, int num)
{
	json_t *t = json_object();
	json_object_set_new(t, "id", json_integer(tid));
	if (name && *name) {
		json_object_set_new(t, "name", dap_jstr(name));
	} else {
		char buf[32];
		snprintf(buf, sizeof(buf), "Thread %d", num);
		json_object_set_new(t, "name", json_string(buf));
	}
	return t;
}

/* Adds a new thread (and the first one, if a launch has not shown it yet) to the list. */
static void add_thread(struct dap_conn *c, pid_t tid, int num)
{
	const struct ses_thread *first = ses_thread_count(c->ses) ? ses_thread_at(c->ses, 0) : NULL;
	const struct ses_thread *t = NULL;
	/* a new thread is the last one, or near it */
	for (size_t i = ses_thread_count(c->ses); i-- > 0 && !t;) {
		const struct ses_thread *x = ses_thread_at(c->ses, i);
		if (x && x->tid == tid)
			t = x;
	}
	pthread_mutex_lock(&c->mu);
	if (first && first->tid != tid) {
		bool known = false;
		size_t i;
		json_t *j;
		json_array_foreach(c->thread_list, i, j)
		{
			known = known || json_integer_value(json_object_get(j, "id")) == first->tid;
		}
		if (!known)
			json_array_insert_new(c->thread_list, 0,
					      thread_json(first->tid, first->name, first->num));
	}
	json_array_append_new(c->thread_list, thread_json(tid, t ? t->name : NULL, num));
	pthread_mutex_unlock(&c->mu);
}

static void thread_event(struct dap_conn *c, const struct ses_note *n, bool started)
{
	json_t *body = json_object();
	json_object_set_new(body, "reason", json_string(started ? "started" : "exited"));
	json_object_set_new(body, "threadId", json_integer(n->tid));
	dap_event(&c->out, "thread", body);
	/* keep the list `threads` answers while the program runs */
	pthread_mutex_lock(&c->mu);
	size_t i;
	json_t *t;
	json_array_foreach(c->thread_list, i, t)
	{
		if (json_integer_value(json_object_get(t, "id")) == n->tid) {
			if (!started)
				json_array_remove(c->thread_list, i);
			pthread_mutex_unlock(&c->mu);
			return;
		}
	}
	pthread_mutex_unlock(&c->mu);
	if (started)
		add_thread(c, n->tid, n->thread_num);
}

static void module_event(struct dap_conn *c, const char *path, bool added)
{
	json_t *m = json_object();
	json_object_set_new(m, "id", dap_jstr(path));
	json_object_set_new(m, "name", dap_jstr(dap_basename(path)));
	if (added)
		json_object_set_new(m, "path", dap_jstr(path));
	json_t *body = json_object();
	json_object_set_new(body, "reason", json_string(added ? "new" : "removed"));
	json_object_set_new(body, "module", m);
	dap_event(&c->out, "module", body);
}

void dap_on_note(void *ctx, const struct ses_note *n)
{
	struct dap_conn *c = ctx;
	switch (n->kind) {
	case SES_NOTE_STOPPED:
		on_stopped(c, n->stop);
		break;
	case SES_NOTE_EXITED:
		on_exited(c, n->stop);
		break;
	case SES_NOTE_THREAD_NEW:
	case SES_NOTE_THREAD_EXIT:
		thread_event(c, n, n->kind == SES_NOTE_THREAD_NEW);
		break;
	case SES_NOTE_SIGNAL:
		dap_console(&c->out, "Thread %d received signal %s, %s.", n->thread_num,
			    ses_signal_name(n->signo), ses_signal_desc(n->signo));
		break;
	case SES_NOTE_LIBRARY_LOAD:
	case SES_NOTE_LIBRARY_UNLOAD:
		if (n->text)
			module_event(c, n->text, n->kind == SES_NOTE_LIBRARY_LOAD);
		break;
	case SES_NOTE_BP_RESOLVED:
		/* the event is sent at the next stop or exit, from a quiet place: the session is
		 * in the middle of loading a module now */
		xgrow((void **)&c->resolved, &c->cap_resolved, c->nresolved + 1,
		      sizeof(*c->resolved));
		c->resolved[c->nresolved++] = n->bp_id;
		if (n->text)
			dap_console(&c->out, "%s", n->text);
		break;
	case SES_NOTE_EXEC:
		dap_console(&c->out, "process %d is executing new program: %s",
			    (int)ses_pid(c->ses), n->text ? n->text : "?");
		break;
	case SES_NOTE_MESSAGE:
		if (n->text)
			dap_console(&c->out, "%s", n->text);
		break;
	case SES_NOTE_LOG: /* a logpoint's line: the program goes on (session/bplog.c) */
		dap_output(&c->out, "console", n->text, strlen(n->text));
		dap_output(&c->out, "console", "\n", 1);
		break;
	}
}
