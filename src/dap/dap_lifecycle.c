/* dap_lifecycle.c: a session's beginning and end: initialize (capabilities), launch and attach
 * (which prepare), configurationDone (which starts or resumes the program, once the client
 * has set its breakpoints), disconnect and terminate. */
#include "dap/dap_conn.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dap/dap_decode.h"

/* the condition of either exception filter: a type list, as vsdbg's */
#define TYPES_CONDITION                                                                            \
	"Exception types, full or short names, separated by commas; !Type excludes one "           \
	"(System.FormatException, ArgumentException or !TimeoutException)"

/* Only what works: every flag here is backed by a request handler. */
static json_t *capabilities(void)
{
	json_t *c = json_object();
	json_object_set_new(c, "supportsConfigurationDoneRequest", json_true());
	json_object_set_new(c, "supportsFunctionBreakpoints", json_true());
	json_object_set_new(c, "supportsConditionalBreakpoints", json_true());
	json_object_set_new(c, "supportsHitConditionalBreakpoints", json_true());
	json_object_set_new(c, "supportsEvaluateForHovers", json_true());
	json_object_set_new(c, "supportsSetVariable", json_true());
	/* variables honours start/count (the protocol names this flag for clients; VS Code pages
	 * through indexedVariables either way) */
	json_object_set_new(c, "supportsVariablePaging", json_true());
	json_object_set_new(c, "supportsExceptionInfoRequest", json_true());
	json_object_set_new(c, "supportsExceptionFilterOptions", json_true());
	json_object_set_new(c, "supportsTerminateRequest", json_true());
	json_object_set_new(c, "supportTerminateDebuggee", json_true());
	json_object_set_new(c, "supportsModulesRequest", json_true());
	json_object_set_new(c, "supportsDelayedStackTraceLoading", json_true());
	json_object_set_new(c, "supportsLogPoints", json_true());
	json_object_set_new(c, "supportsLoadedSourcesRequest", json_true());
	json_object_set_new(c, "supportsGotoTargetsRequest", json_true());
	json_object_set_new(c, "supportsStepBack", json_false());
	json_object_set_new(c, "supportsRestartRequest", json_false());
	json_t *all = json_object();
	json_object_set_new(all, "filter", json_string("all"));
	json_object_set_new(all, "label", json_string("All .NET exceptions (when thrown)"));
	json_object_set_new(all, "description",
			    json_string("Stop at every managed exception when it is thrown, "
					"caught or not. Unhandled exceptions always stop."));
	json_object_set_new(all, "default", json_false());
	json_object_set_new(all, "supportsCondition", json_true());
	json_object_set_new(all, "conditionDescription", json_string(TYPES_CONDITION));
	json_t *uu = json_object();
	json_object_set_new(uu, "filter", json_string("user-unhandled"));
	json_object_set_new(uu, "label", json_string("User-unhandled .NET exceptions"));
	json_object_set_new(uu, "description",
			    json_string("Stop when an exception thrown in or through your code "
					"(modules with symbols) is not caught there but by other "
					"code, such as the framework."));
	json_object_set_new(uu, "default", json_false());
	json_object_set_new(uu, "supportsCondition", json_true());
	json_object_set_new(uu, "conditionDescription", json_string(TYPES_CONDITION));
	json_t *sig = json_object();
	json_object_set_new(sig, "filter", json_string("signals"));
	json_object_set_new(sig, "label", json_string("Native signals"));
	json_object_set_new(sig, "description",
			    json_string("Stop when the program gets a signal (as gdb: all but "
					"those programs use routinely, such as SIGALRM and "
					"SIGCHLD). Off, signals are shown and passed on; a crash "
					"in native code stops either way."));
	/* on: as gdb, and as the adapter does for a client that sets no filters */
	json_object_set_new(sig, "default", json_true());
	json_object_set_new(sig, "supportsCondition", json_true());
	json_object_set_new(sig, "conditionDescription",
			    json_string("The signals to stop at, separated by commas (SIGUSR1, "
					"SIGSEGV)"));
	json_t *filters = json_array();
	json_array_append_new(filters, all);
	json_array_append_new(filters, uu);
	json_array_append_new(filters, sig);
	json_object_set_new(c, "exceptionBreakpointFilters", filters);
	return c;
}

void dap_cmd_initialize(struct dap_conn *c, struct dap_req *r)
{
	c->lines_from_1 = dap_arg_bool(r, r->args, "linesStartAt1", true);
	c->columns_from_1 = dap_arg_bool(r, r->args, "columnsStartAt1", true);
	const char *fmt = dap_arg_str(r, r->args, "pathFormat", false);
	dap_arg_str(r, r->args, "adapterID", false);
	if (dap_bad_args(c, r))
		return;
	if (fmt && strcmp(fmt, "path") != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_UNSUPPORTED,
				  "pathFormat '%s' is not supported: mixdbg takes file paths.",
				  fmt);
		return;
	}
	dap_respond(&c->out, r, capabilities());
}

/* Starts (launch) or resumes (attach) the program once both the launch or attach and the
 * configuration are done. */
static void start_if_ready(struct dap_conn *c)
{
	if (!c->configured || c->launch_started || c->mode == DAP_MODE_NONE)
		return;
	c->launch_started = true;
	json_t *body = json_object();
	json_object_set_new(body, "threadId", json_integer(ses_pid(c->ses)));
	json_object_set_new(body, "allThreadsContinued", json_true());
	if (c->mode == DAP_MODE_LAUNCH) {
		dap_run(c, DAP_RUN_START);
		json_decref(body);
	} else if (ses_has_process(c->ses)) {
		dap_event(&c->out, "continued", body);
		dap_run(c, DAP_RUN_CONTINUE);
	} else {
		json_decref(body);
	}
}

static void apply_env(struct dap_conn *c, const struct dap_launch_args *a)
{
	/* The program inherits the adapter's environment (the session has no other); this
	 * process serves one session, so changing it here touches nobody else. */
	for (size_t i = 0; i < a->nenv; i++) {
		if (a->env[i].value)
			setenv(a->env[i].name, a->env[i].value, 1);
		else
			unsetenv(a->env[i].name);
	}
	(void)c;
}

void dap_cmd_launch(struct dap_conn *c, struct dap_req *r)
{
	if (c->mode != DAP_MODE_NONE) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "A program is already %s in this session.",
				  c->mode == DAP_MODE_LAUNCH ? "launched" : "attached");
		return;
	}
	struct dap_launch_args a;
	if (dap_decode_launch(r, &a) != 0) {
		dap_bad_args(c, r);
		dap_launch_args_free(&a);
		return;
	}
	/* the session runs the program in our working directory */
	if (a.cwd && *a.cwd && chdir(a.cwd) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER,
				  "Cannot use '%s' as the working directory: %s.", a.cwd,
				  strerror(errno));
		dap_launch_args_free(&a);
		return;
	}
	struct mx_err err;
	if (ses_set_program(c->ses, a.program, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s.", err.msg);
		dap_launch_args_free(&a);
		return;
	}
	if (ses_set_managed_only(c->ses, !a.native_debugging, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s.", err.msg);
		dap_launch_args_free(&a);
		return;
	}
	apply_env(c, &a);
	ses_set_args(c->ses, (int)a.nargs, (char *const *)a.args);
	ses_set_jmc(c->ses, a.just_my_code);
	c->stop_at_entry = a.stop_at_entry;
	c->mode = DAP_MODE_LAUNCH;
	if (a.console && strcmp(a.console, "internalConsole") != 0) {
		static const char msg[] = "mixdbg: only \"console\": \"internalConsole\" is "
					  "supported; the program's output comes to the debug "
					  "console.\n";
		dap_output(&c->out, "important", msg, sizeof(msg) - 1);
	}
	if (a.no_debug)
		dap_console(&c->out, "mixdbg: noDebug is not supported: the program runs under "
				     "the debugger.");
	dap_launch_args_free(&a);
	dap_respond(&c->out, r, NULL);
	dap_event(&c->out, "initialized", NULL);
	start_if_ready(c);
}

void dap_cmd_attach(struct dap_conn *c, struct dap_req *r)
{
	if (c->mode != DAP_MODE_NONE) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "A program is already %s in this session.",
				  c->mode == DAP_MODE_LAUNCH ? "launched" : "attached");
		return;
	}
	struct dap_attach_args a;
	if (dap_decode_attach(r, &a) != 0) {
		dap_bad_args(c, r);
		return;
	}
	ses_set_jmc(c->ses, a.just_my_code);
	struct mx_err err;
	if (ses_set_managed_only(c->ses, !a.native_debugging, &err) != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s.", err.msg);
		return;
	}
	c->suppress_stops = true; /* the attach stops the program: not a stop to show */
	int rc = ses_attach(c->ses, (pid_t)a.pid, &err);
	c->suppress_stops = false;
	if (rc != 0) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_DEBUGGER, "%s.", err.msg);
		return;
	}
	c->mode = DAP_MODE_ATTACH;
	dap_set_has_process(c, true);
	json_decref(dap_threads_body(c));
	dap_respond(&c->out, r, NULL);
	dap_event(&c->out, "initialized", NULL);
	start_if_ready(c);
}

void dap_cmd_configuration_done(struct dap_conn *c, struct dap_req *r)
{
	c->configured = true;
	dap_respond(&c->out, r, NULL);
	start_if_ready(c);
}

static void let_go(struct dap_conn *c, bool kill)
{
	if (!ses_has_process(c->ses))
		return;
	struct mx_err err;
	pid_t pid = ses_pid(c->ses);
	int rc = kill ? ses_kill(c->ses, &err) : ses_detach(c->ses, &err);
	if (rc != 0)
		dap_console(&c->out, "mixdbg: %s", err.msg);
	else if (!kill)
		dap_console(&c->out, "mixdbg: detached from process %d; it runs on.", (int)pid);
	dap_set_has_process(c, false);
	dap_frames_forget(c);
}

void dap_cmd_disconnect(struct dap_conn *c, struct dap_req *r)
{
	/* by default a launched program ends with the session and an attached one runs on */
	bool kill = dap_arg_bool(r, r->args, "terminateDebuggee", c->mode != DAP_MODE_ATTACH);
	dap_arg_bool(r, r->args, "restart", false);
	if (dap_bad_args(c, r))
		return;
	let_go(c, kill);
	dap_respond(&c->out, r, NULL);
	c->quit = true;
}

void dap_cmd_terminate(struct dap_conn *c, struct dap_req *r)
{
	dap_arg_bool(r, r->args, "restart", false);
	if (dap_bad_args(c, r))
		return;
	let_go(c, true);
	dap_respond(&c->out, r, NULL);
	if (!c->terminated_sent) {
		c->terminated_sent = true;
		dap_event(&c->out, "terminated", NULL);
	}
}

void dap_end_session(struct dap_conn *c)
{
	let_go(c, c->mode != DAP_MODE_ATTACH);
}
