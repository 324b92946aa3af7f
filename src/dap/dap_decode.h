/* dap_decode.h: the arguments of the requests that carry more than a number or two, decoded
 * into C structs with every type checked (a wrong one marks the request bad, see dap_msg.h).
 * Strings point into the request's JSON: valid while the request lives.
 *
 * Pure: no I/O, no session; fuzzed by fuzz/fuzz_dap.c.
 */
#ifndef MX_DAP_DAP_DECODE_H
#define MX_DAP_DAP_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "dap/dap_msg.h"

struct dap_env_var {
	const char *name;
	const char *value; /* NULL: remove the variable */
};

struct dap_launch_args {
	const char *program;
	const char **args; /* nargs strings (malloc'd array) */
	size_t nargs;
	const char *cwd; /* NULL: the adapter's */
	struct dap_env_var *env;
	size_t nenv;
	bool stop_at_entry;
	bool just_my_code;     /* default true */
	bool native_debugging; /* default true; false: managed-only (ses_set_managed_only) */
	bool no_debug;
	const char *console; /* NULL, "internalConsole", "integratedTerminal"... */
};

struct dap_attach_args {
	long long pid; /* processId: a number or a string of digits */
	bool just_my_code;
	bool native_debugging; /* default true; false: managed-only */
};

/* One breakpoint of setBreakpoints or setFunctionBreakpoints. */
struct dap_bp_args {
	json_int_t line;	   /* setBreakpoints */
	const char *name;	   /* setFunctionBreakpoints */
	const char *condition;	   /* NULL or "" when none */
	const char *hit_condition; /* NULL or "" when none */
	const char *log_message;   /* NULL when not a logpoint */
};

struct dap_bps_args {
	const char *path; /* setBreakpoints: source.path */
	struct dap_bp_args *bps;
	size_t n;
};

struct dap_exc_filter {
	const char *filter;
	const char *condition; /* filterOptions only: NULL when none */
};

struct dap_exc_args {
	struct dap_exc_filter *filters; /* filters[] then filterOptions[] */
	size_t n;
};

/* Each returns 0, or -1 with r->bad set; the structs are freed by the matching free function
 * in either case. */
int dap_decode_launch(struct dap_req *r, struct dap_launch_args *a);
void dap_launch_args_free(struct dap_launch_args *a);
int dap_decode_attach(struct dap_req *r, struct dap_attach_args *a);
int dap_decode_set_breakpoints(struct dap_req *r, struct dap_bps_args *a);
int dap_decode_set_function_breakpoints(struct dap_req *r, struct dap_bps_args *a);
void dap_bps_args_free(struct dap_bps_args *a);
int dap_decode_set_exception_breakpoints(struct dap_req *r, struct dap_exc_args *a);
void dap_exc_args_free(struct dap_exc_args *a);

#endif
