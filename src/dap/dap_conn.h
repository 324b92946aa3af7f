/* dap_conn.h: one client connection's state, shared by the files of dap/.
 *
 * Threads. The main thread takes requests from a queue, in order, and is the only one that
 * calls the session (its blocking calls, ses_continue and the steps, return at the next stop).
 * The request reader thread (dap_reader.c) parses what the client sends and queues it; while
 * the program runs it answers `pause` itself (ses_request_interrupt is safe from any thread),
 * answers `threads` from the list kept at the last stop, and interrupts the program quietly
 * when a queued request needs it stopped (breakpoints changed while it runs, disconnect). The
 * program's output reader thread (dap_stdio.c) turns its stdout and stderr into output events.
 * All writing goes through dap_out (one mutex). Lock order: conn.mu, then out.mu.
 */
#ifndef MX_DAP_DAP_CONN_H
#define MX_DAP_DAP_CONN_H

#include <pthread.h>
#include <stdbool.h>
#include <sys/types.h>

#include "dap/dap.h"
#include "dap/dap_msg.h"
#include "dap/dap_out.h"
#include "session/session.h"

struct dap_stdio;

struct dap_qitem {
	struct dap_req req;
	struct dap_qitem *next;
};

/* A frame handed to the client: its id is its index + 1. */
struct dap_frame_ref {
	pid_t tid;
	int level;
};

/* A variables reference handed to the client (dap_vars.c): its number is var_ref_base + its
 * index + 1, so that numbers are never reused and one from an earlier stop is known as such. */
enum dap_var_ref_kind { DAP_REF_LOCALS, DAP_REF_ARGS, DAP_REF_VALUE };
struct dap_var_ref {
	json_int_t frame; /* the frame id it is read in; 0: the session's selected frame */
	enum dap_var_ref_kind kind;
	char *expr; /* DAP_REF_VALUE: the expression of the value whose parts it lists */
};

/* The breakpoints of one source file (setBreakpoints replaces them all). */
struct dap_source_bps {
	char *path;
	int *ids; /* session breakpoint numbers */
	size_t n;
};

/* A goto target handed out by gotoTargets (dap_goto.c). */
struct dap_goto_target {
	int id; /* 0: free */
	int line;
	char file[512];
};
#define DAP_GOTO_TARGETS 8

enum dap_mode {
	DAP_MODE_NONE,	 /* no launch or attach yet */
	DAP_MODE_LAUNCH, /* launch prepared: the program starts at configurationDone */
	DAP_MODE_ATTACH, /* attached: the program resumes at configurationDone */
};

struct dap_conn {
	struct dap_out out;
	struct ses *ses;
	int in_fd;
	int wake[2]; /* written to stop the request reader */
	pthread_t reader;
	bool reader_started;

	/* shared with the request reader: under mu */
	pthread_mutex_t mu;
	pthread_cond_t cond;
	struct dap_qitem *qhead, *qtail;
	bool eof;	       /* the client closed its end */
	bool running;	       /* the main thread is in a call that runs the program */
	bool run_resumable;    /* that call is a continue: a quiet interrupt may resume it */
	bool pause_requested;  /* the client paused during this run */
	bool pause_deferred;   /* a pause came while a queued request was to run it */
	bool run_pending;      /* the main thread took a request that runs the program */
	bool intr_outstanding; /* an interrupt was asked for and its stop not yet seen */
	bool ending;	       /* disconnect, terminate or end of input: stop, do not resume */
	bool has_process;      /* a program is being debugged */
	json_t *thread_list;   /* the threads at the last stop, for `threads` while running */

	/* main thread only */
	enum dap_mode mode;
	bool launch_started; /* configurationDone ran the launched program */
	bool configured;     /* configurationDone came */
	bool stop_at_entry;
	bool lines_from_1, columns_from_1;
	bool quit;	      /* disconnect answered: close the connection */
	bool resume_after;    /* the stop that just came was our own: run on */
	bool suppress_stops;  /* attaching: the attach's stop is not the user's */
	bool terminated_sent; /* a terminated event went out */
	bool have_stop;
	struct ses_stop last_stop;
	struct dap_frame_ref *frames;
	size_t nframes, cap_frames;
	struct dap_var_ref *var_refs; /* valid until the program runs (dap_frames_forget) */
	size_t nvar_refs, cap_var_refs;
	json_int_t var_ref_base;
	struct dap_source_bps *sources;
	size_t nsources, cap_sources;
	int *func_bps;
	size_t nfunc_bps;
	int *resolved; /* breakpoints bound since the last stop: events to send */
	size_t nresolved, cap_resolved;
	struct dap_stdio *stdio;
	struct dap_goto_target gotos[DAP_GOTO_TARGETS]; /* the last ones handed out */
	int next_goto;

	/* dap_signals.c (main thread): each signal's policy before the `signals` filter */
	unsigned sig_default[65];
	bool sig_defaults_known;

	/* dap_sources.c (main thread): the paths handed out as sourceReference i + 1 */
	char **source_refs;
	size_t nsource_refs, cap_source_refs;
};

/* dap_server.c: serving one connection (in_fd, out_fd may be the same socket). */
int dap_serve_fds(int in_fd, int out_fd, const struct dap_options *opt);

/* dap_queue.c (callers hold c->mu) */
void dap_queue_push(struct dap_conn *c, struct dap_qitem *it);
struct dap_qitem *dap_queue_pop(struct dap_conn *c);
/* The first queued request that pred accepts, taken out of the queue; NULL if none. */
struct dap_qitem *dap_queue_take(struct dap_conn *c, bool (*pred)(const char *command));
bool dap_queue_any(struct dap_conn *c, bool (*pred)(const char *command));
void dap_queue_free_all(struct dap_conn *c);

/* dap_reader.c: the request reader thread. */
int dap_reader_start(struct dap_conn *c);
void dap_reader_stop(struct dap_conn *c);

/* dap_dispatch.c: runs one request on the main thread. */
void dap_dispatch(struct dap_conn *c, struct dap_req *r);
/* Requests that need a stopped program and may be served by a quiet interrupt of a run. */
bool dap_needs_quiet_stop(const char *command);
/* Whether the command is one the adapter implements. */
bool dap_command_known(const char *command);
/* Requests that run the program (continue, the steps, configurationDone). */
bool dap_runs_program(const char *command);
/* disconnect and terminate. */
bool dap_ends_session(const char *command);

/* dap_lifecycle.c */
void dap_cmd_initialize(struct dap_conn *c, struct dap_req *r);
void dap_cmd_launch(struct dap_conn *c, struct dap_req *r);
void dap_cmd_attach(struct dap_conn *c, struct dap_req *r);
void dap_cmd_configuration_done(struct dap_conn *c, struct dap_req *r);
void dap_cmd_disconnect(struct dap_conn *c, struct dap_req *r);
void dap_cmd_terminate(struct dap_conn *c, struct dap_req *r);
/* The client is gone (end of input): let go of the program as disconnect would. */
void dap_end_session(struct dap_conn *c);

/* dap_run.c */
void dap_cmd_continue(struct dap_conn *c, struct dap_req *r);
void dap_cmd_next(struct dap_conn *c, struct dap_req *r);
void dap_cmd_step_in(struct dap_conn *c, struct dap_req *r);
void dap_cmd_step_out(struct dap_conn *c, struct dap_req *r);
void dap_cmd_pause(struct dap_conn *c, struct dap_req *r);
enum dap_run_kind {
	DAP_RUN_START,
	DAP_RUN_CONTINUE,
	DAP_RUN_NEXT,
	DAP_RUN_STEP_IN,
	DAP_RUN_STEP_OUT
};
/* Runs the program (blocking until it stops or exits) and serves the quiet stops on the way. */
void dap_run(struct dap_conn *c, enum dap_run_kind kind);
/* Tells the request reader whether a program is being debugged. */
void dap_set_has_process(struct dap_conn *c, bool on);

/* dap_breakpoints.c */
void dap_cmd_set_breakpoints(struct dap_conn *c, struct dap_req *r);
void dap_cmd_set_function_breakpoints(struct dap_conn *c, struct dap_req *r);
void dap_cmd_set_exception_breakpoints(struct dap_conn *c, struct dap_req *r);
/* dap_signals.c: the `signals` exception filter on (condition: the signals to stop at, NULL
 * or blank: the default ones) or off; -1 with msg (and nothing changed) for a bad list. */
int dap_signals_filter(struct dap_conn *c, bool on, const char *condition, char *msg, size_t len);
/* A breakpoint of ours got a location: a `breakpoint` event. */
void dap_breakpoint_resolved(struct dap_conn *c, int id);
void dap_breakpoints_free(struct dap_conn *c);

/* dap_inspect.c */
void dap_cmd_threads(struct dap_conn *c, struct dap_req *r);
void dap_cmd_stack_trace(struct dap_conn *c, struct dap_req *r);
void dap_cmd_exception_info(struct dap_conn *c, struct dap_req *r);
/* freezeThread (mixdbg's own request, as the CLI's `thread freeze`): {threadId, freeze:
 * true (default) or false to thaw}; a frozen thread stays stopped when the program runs. */
void dap_cmd_freeze_thread(struct dap_conn *c, struct dap_req *r);
/* Selects frame id's thread and frame in the session; *managed tells its kind. */
int dap_select_frame(struct dap_conn *c, json_int_t id, bool *managed, struct mx_err *err);

/* dap_vars.c: scopes, variables (values expanded part by part), evaluate, setVariable. */
void dap_cmd_scopes(struct dap_conn *c, struct dap_req *r);
void dap_cmd_variables(struct dap_conn *c, struct dap_req *r);
void dap_cmd_evaluate(struct dap_conn *c, struct dap_req *r);
void dap_cmd_set_variable(struct dap_conn *c, struct dap_req *r);
/* Variables references are valid for one stop; dap_var_refs_free at the end. */
void dap_var_refs_forget(struct dap_conn *c);
void dap_var_refs_free(struct dap_conn *c);
/* The threads response body from the session (the program is stopped); also kept in
 * c->thread_list. */
json_t *dap_threads_body(struct dap_conn *c);
/* Frame ids are valid for one stop. */
void dap_frames_forget(struct dap_conn *c);

/* dap_modules.c */
void dap_cmd_modules(struct dap_conn *c, struct dap_req *r);
void dap_cmd_loaded_sources(struct dap_conn *c, struct dap_req *r);
json_t *dap_module_json(const char *id, const char *path, bool managed, bool has_symbols,
			uint64_t lo, uint64_t hi);

/* dap_sources.c: Source objects, and `source` for text that is not on disk (embedded). */
/* The protocol's Source for path, with a sourceReference when the file is missing here but
 * a loaded assembly's PDB embeds its text. */
json_t *dap_source_json(struct dap_conn *c, const char *path);
void dap_cmd_source(struct dap_conn *c, struct dap_req *r);
void dap_sources_free(struct dap_conn *c);

/* dap_goto.c */
void dap_cmd_goto_targets(struct dap_conn *c, struct dap_req *r);
void dap_cmd_goto(struct dap_conn *c, struct dap_req *r);

/* dap_notes.c: the session's notify callback (ctx: the connection). */
void dap_on_note(void *ctx, const struct ses_note *n);
/* The stopped event for a stop (why: its description, NULL to say it from the stop). */
void dap_send_stopped(struct dap_conn *c, const struct ses_stop *st, const char *why);
/* The same with the reason given (NULL: from the stop). */
void dap_send_stopped_as(struct dap_conn *c, const struct ses_stop *st, const char *reason,
			 const char *why);
/* Sends the breakpoint events held back since the last stop. */
void dap_flush_breakpoint_events(struct dap_conn *c);

/* dap_stdio.c: the launched program's standard streams. */
/* Makes stdin (/dev/null) and pipes for stdout and stderr, and starts their reader thread;
 * fds gets the descriptors for ses_run_stdio. */
int dap_stdio_start(struct dap_conn *c, int fds[3]);
/* After the launch: closes our copies of the program's ends. */
void dap_stdio_launched(struct dap_conn *c);
/* Sends whatever the program has written so far (before a stop or exit is told). */
void dap_stdio_drain(struct dap_conn *c);
void dap_stdio_stop(struct dap_conn *c);

/* Helpers (dap_dispatch.c). */
int dap_line_out(const struct dap_conn *c, int line); /* session line -> client line */
int dap_line_in(const struct dap_conn *c, json_int_t line);
/* Responds with an error when there is no stopped program; returns false then. */
bool dap_need_stopped(struct dap_conn *c, const struct dap_req *r);
/* Responds to a request whose arguments were bad; returns true if it did. */
bool dap_bad_args(struct dap_conn *c, const struct dap_req *r);
/* The user-visible number of thread tid (0 if unknown). */
int dap_thread_num(struct dap_conn *c, pid_t tid);
const char *dap_basename(const char *path);
/* The items [*from, *to) of n that paging arguments ask for (count <= 0: all the rest). */
void dap_page(json_int_t start, json_int_t count, size_t n, size_t *from, size_t *to);

#endif
