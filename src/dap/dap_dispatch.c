/* dap_dispatch.c: the table of requests the adapter implements, and small helpers the
 * request handlers share. */
#include "dap/dap_conn.h"

#include <string.h>

struct dap_command {
	const char *name;
	void (*fn)(struct dap_conn *c, struct dap_req *r);
	bool quiet_stop; /* may interrupt a continue to be served, which then goes on */
};

static const struct dap_command commands[] = {
    {"initialize", dap_cmd_initialize, false},
    {"launch", dap_cmd_launch, false},
    {"attach", dap_cmd_attach, false},
    {"configurationDone", dap_cmd_configuration_done, false},
    {"disconnect", dap_cmd_disconnect, false},
    {"terminate", dap_cmd_terminate, false},
    {"setBreakpoints", dap_cmd_set_breakpoints, true},
    {"setFunctionBreakpoints", dap_cmd_set_function_breakpoints, true},
    {"setExceptionBreakpoints", dap_cmd_set_exception_breakpoints, true},
    {"continue", dap_cmd_continue, false},
    {"next", dap_cmd_next, false},
    {"stepIn", dap_cmd_step_in, false},
    {"stepOut", dap_cmd_step_out, false},
    {"pause", dap_cmd_pause, false},
    {"threads", dap_cmd_threads, false},
    {"stackTrace", dap_cmd_stack_trace, false},
    {"scopes", dap_cmd_scopes, false},
    {"variables", dap_cmd_variables, false},
    {"evaluate", dap_cmd_evaluate, false},
    {"setVariable", dap_cmd_set_variable, false},
    {"exceptionInfo", dap_cmd_exception_info, false},
    {"modules", dap_cmd_modules, false},
    {"loadedSources", dap_cmd_loaded_sources, false},
    {"source", dap_cmd_source, false},
    {"gotoTargets", dap_cmd_goto_targets, false},
    {"goto", dap_cmd_goto, false},
    {"freezeThread", dap_cmd_freeze_thread, false},
};

static const struct dap_command *find(const char *name)
{
	for (size_t i = 0; name && i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

bool dap_command_known(const char *command)
{
	return find(command) != NULL;
}

bool dap_runs_program(const char *command)
{
	static const char *const runs[] = {"continue", "next", "stepIn", "stepOut",
					   "configurationDone"};
	for (size_t i = 0; command && i < sizeof(runs) / sizeof(runs[0]); i++)
		if (strcmp(command, runs[i]) == 0)
			return true;
	return false;
}

bool dap_ends_session(const char *command)
{
	return command && (strcmp(command, "disconnect") == 0 || strcmp(command, "terminate") == 0);
}

bool dap_needs_quiet_stop(const char *command)
{
	const struct dap_command *cmd = find(command);
	return cmd && cmd->quiet_stop;
}

void dap_dispatch(struct dap_conn *c, struct dap_req *r)
{
	const struct dap_command *cmd = find(r->command);
	if (!cmd) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_UNSUPPORTED,
				  "mixdbg does not support the '%s' request.", r->command);
		return;
	}
	cmd->fn(c, r);
}

int dap_line_out(const struct dap_conn *c, int line)
{
	return c->lines_from_1 ? line : line - 1;
}

int dap_line_in(const struct dap_conn *c, json_int_t line)
{
	if (!c->lines_from_1)
		line++;
	return line < 0 ? 0 : line > 0x7fffffff ? 0x7fffffff : (int)line;
}

bool dap_need_stopped(struct dap_conn *c, const struct dap_req *r)
{
	if (!ses_has_process(c->ses)) {
		dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_STATE,
				  "There is no program being debugged.");
		return false;
	}
	return true;
}

bool dap_bad_args(struct dap_conn *c, const struct dap_req *r)
{
	if (!r->bad)
		return false;
	dap_respond_error(&c->out, r->seq, r->command, DAP_ERR_MALFORMED, "%s: %s.", r->command,
			  r->err);
	return true;
}

int dap_thread_num(struct dap_conn *c, pid_t tid)
{
	for (size_t i = 0; i < ses_thread_count(c->ses); i++) {
		const struct ses_thread *t = ses_thread_at(c->ses, i);
		if (t && t->tid == tid)
			return t->num;
	}
	return 0;
}

const char *dap_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

void dap_page(json_int_t start, json_int_t count, size_t n, size_t *from, size_t *to)
{
	*from = start > 0 && (unsigned long long)start < n ? (size_t)start : start > 0 ? n : 0;
	*to = n;
	if (count > 0 && (unsigned long long)count < n - *from)
		*to = *from + (size_t)count;
}
