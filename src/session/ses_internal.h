/* ses_internal.h: the session's private state, shared by the files of session/ only. */
#ifndef MX_SESSION_SES_INTERNAL_H
#define MX_SESSION_SES_INTERNAL_H

#include "clr/clr.h"
#include "clr/mstack.h"
#include "clr/runtime.h"
#include "clr/startup.h"
#include "native/lines.h"
#include "native/sym.h"
#include "proto/proto.h"
#include "session/session.h"

/* Tracer group id of the dynamic loader's breakpoint (user breakpoints count from 1). */
#define SES_GROUP_SOLIB 0xFFFFFF00u
/* Tracer group of the stepping engine's temporary breakpoints (step.c). */
#define SES_GROUP_STEP 0xFFFFFF01u

struct ses_lib {
	char *path;			 /* as the link map names it (resolved to a real file) */
	uint64_t bias;			 /* l_addr */
	const struct nat_module *module; /* in s->syms */
	bool permanent;			 /* the executable or the dynamic loader */
};

/* A P/Invoke declaration: the library DllImport names and the entry point in it. */
struct ses_pinvoke {
	char library[256];
	char entry[256];
};

/* One name of an exception filter (exceptions.c). */
struct ses_exc_type {
	char name[256];
	bool excluded; /* !TYPE */
};
struct ses_exc_filter {
	bool on;
	struct ses_exc_type *types;
	size_t n;
};
/* What a thread's exception dispatch has shown so far (exceptions.c). */
struct ses_exc_thread {
	pid_t tid;
	bool user_first_chance; /* the search for a handler reached user code */
	bool stopped;		/* we stopped at its first chance already */
};

/* Where a native step (step.c) goes on when the program runs to its internal breakpoint
 * and the step's thread gets there: the part of the step after that run. */
enum ses_step_phase {
	SES_STEP_PHASE_LINE,	/* back from a call stepped over: on through the line */
	SES_STEP_PHASE_BODY,	/* entered a function: its body reached ends the step */
	SES_STEP_PHASE_OUT_TOP, /* out of code without lines at the step's start */
	SES_STEP_PHASE_OUT_MID, /* out of code without lines reached on the way */
	SES_STEP_PHASE_RETURN,	/* finish, nexti: the return address reached ends it */
};

/* A native step's state while its thread runs to an internal breakpoint (step.c); kept as
 * the pending step when another thread's stop interrupts that run (step_pending.c). */
struct ses_step_state {
	pid_t tid;
	bool into, until;
	struct nat_line_range lr; /* the line being stepped */
	uint64_t cfa, start_pc;
	uint64_t addr, want_sp; /* the run's target: pc, and rsp there (0: any) */
	uint64_t run_sp;	/* rsp when the run began (for C# callbacks on the way) */
	bool over_callbacks;
	enum ses_step_phase phase;
};

/* The step a stop of another thread interrupted, pending on its thread (step_pending.c). */
enum ses_pending_kind {
	SES_PENDING_NONE,
	SES_PENDING_NATIVE,  /* pending.state says how it goes on */
	SES_PENDING_MANAGED, /* the runtime's stepper s->mstepper stays active */
};

struct ses {
	/* the tracer */
	pid_t tracer_pid;
	int sock;
	uint32_t next_seq;
	struct tr_msg *queued; /* events that arrived while a reply was awaited (FIFO) */
	size_t nqueued, cap_queued;
	int intr_pipe[2]; /* written by ses_request_interrupt */

	/* the program */
	char *program; /* path to execute */
	char **args;
	int nargs;
	struct nat_syms *static_syms; /* the program file at bias 0, before it runs */

	/* the process */
	pid_t pid;
	bool attached;
	int memfd;
	struct nat_syms *syms;
	char *debug_dirs;
	struct ses_lib *libs;
	size_t nlibs, cap_libs;
	uint64_t r_debug_addr;	/* the loader's struct r_debug */
	uint64_t solib_bp_addr; /* _dl_debug_state, where the loader reports changes */
	uint8_t solib_bp_orig;
	bool solib_bp_inserted;

	/* hardware watchpoints (watch.c) */
	struct ses_watch *watches;
	size_t nwatches, cap_watches;

	/* breakpoints */
	struct ses_bp **bps;
	size_t nbps, cap_bps;
	int next_bp_id;

	/* threads */
	struct ses_thread *threads;
	size_t nthreads, cap_threads;
	int next_thread_num;
	pid_t cur_tid;
	uint64_t last_stop_pc;

	unsigned sigpolicy[65]; /* mirror of the tracer's, TR_SIG_* */

	/* the call stack of one thread at the current stop (stack.c) */
	pid_t bt_tid; /* 0: nothing cached */
	struct ses_frame *bt;
	size_t bt_n;
	int cur_frame; /* selected frame of the current thread */

	/* the managed side (managed.c) */
	bool native_only;	     /* the user turned managed debugging off */
	bool managed_only;	     /* the user turned native debugging off (managed_only.c) */
	bool untraced;		     /* managed-only: the tracer let go of every thread */
	bool jmc;		     /* Just My Code */
	struct clr_app app;	     /* what the program is, decided at run */
	struct clr_startup *startup; /* waiting for the runtime's startup handshake */
	struct clr *clr;	     /* the attached runtime */
	bool mstopped;		     /* stopped by the runtime (a managed stop) */
	bool frozen; /* at a managed stop, the tracer holds the other threads (freeze.c) */
	bool frozen_over_stop; /* ... over a native stop it reported meanwhile (queued here) */
	ICorDebugThread *mstop_thread;
	ICorDebugStepper *mstepper;
	enum clr_step_kind mstep_kind;
	int mstep_retries;
	struct ses_exc_filter catch_throw; /* exceptions.c */
	struct ses_exc_filter catch_user_unhandled;
	struct ses_exc_thread *exc_threads; /* per thread: the exception being dispatched */
	size_t nexc_threads, cap_exc_threads;
	bool sig_user_set[65]; /* the user changed this signal's policy with `handle` */
	bool attaching;	       /* the runtime's attach events are coming */
	int attach_threads_expected, attach_threads_seen;
	bool print_events; /* `set print managed-events on` */
	bool in_mevent;	   /* handling a managed event: the runtime takes requests */
	struct clr_bp_loc **deferred_release; /* managed locations deleted at a native stop */
	size_t ndeferred_release, cap_deferred_release;
	bool deferred_sync; /* breakpoints changed at a native stop: sync them at resume */
	pid_t mstep_tid;    /* the thread of s->mstepper */
	/* managed steppers abandoned at a native stop, cancelled when the runtime runs again */
	ICorDebugStepper **stale_steppers;
	size_t nstale_steppers, cap_stale_steppers;

	/* a step from C# into native code (crossing.c): the P/Invokes the line calls and the
	 * internal breakpoints at their native functions */
	struct ses_pinvoke *pstep;
	size_t npstep;
	uint64_t *pstep_addrs;
	size_t npstep_addrs, cap_pstep_addrs;

	/* a step interrupted by another thread's stop, resumed by continue (step_pending.c) */
	enum ses_pending_kind pending_kind;
	pid_t pending_tid;
	struct ses_step_state pending;
	bool pending_resumed; /* a resumed step runs on: its end gets the user's note */

	/* function evaluation (feval.c) */
	uint32_t eval_timeout_ms;     /* `set eval-timeout`: an evaluation is aborted after it */
	bool eval_implicit;	      /* `set eval-implicit`: getters and ToString for display */
	bool eval_explicit;	      /* the evaluation now is one the user asked for (`call`) */
	ICorDebugEval *feval_waiting; /* the evaluation ses_wait_event waits for */
	bool feval_skip_stops;	      /* ... and breakpoints hit meanwhile are passed over */
	uint64_t feval_deadline_ms;   /* CLOCK_MONOTONIC; 0: no deadline */
	bool feval_interrupted;	      /* the user's Ctrl-C ended the wait */
	int feval_display_depth;      /* the display hook runs (no evaluation within it) */
	/* explicit evaluations that stopped at a breakpoint: still running, reported when done */
	struct ses_abandoned_eval *abandoned;
	size_t nabandoned, cap_abandoned;

	ses_notify_fn notify;
	void *notify_ctx;
};

/* step.c: goes on with the pending native step s->pending (its thread has not reached
 * the run's target yet): the program runs until it does and the step ends as it would have,
 * or something else stops it first. */
int ses_step_resume_native(struct ses *s, struct mx_err *err);

/* step_pending.c */
/* The native step *state was interrupted by stop st (not yet reported): it stays pending
 * when st is another thread's stop or an interrupt (a copy of *state is kept), and that
 * stop's thread becomes the current one. */
void ses_pending_native(struct ses *s, const struct ses_step_state *state,
			const struct ses_stop *st);
/* The managed step of thread tid (s->mstepper) was interrupted by stop st: the same for the
 * runtime's stepper, which stays active. Whether it is kept. */
bool ses_pending_managed(struct ses *s, pid_t tid, const struct ses_stop *st);
/* While a resumed native step runs on: whether its end is to be announced (cleared). */
bool ses_pending_take_resumed(struct ses *s);
/* Before a new step command: the pending step, if any, is abandoned (and the user told). */
void ses_pending_replace(struct ses *s);
/* The process is gone, or detached: the pending step with it (nothing told). */
void ses_pending_forget(struct ses *s);
/* continue: goes on with the pending step if there is one (1: done, the stop reported; 0:
 * none, the caller continues as usual; -1: error). */
int ses_pending_continue(struct ses *s, struct mx_err *err);

/* link.c */
int ses_link_start(struct ses *s, const char *tracer_path, struct mx_err *err);
void ses_link_stop(struct ses *s);
/* Sends a request and waits for its reply (events that come first are queued). Returns the
 * reply status; on failure err gets the tracer's message. reply (may be NULL) is filled only on
 * success, and is then the caller's to free. */
int ses_call(struct ses *s, uint32_t kind, const void *p, uint32_t len, struct tr_msg *reply,
	     struct mx_err *err);
/* Next event: returns 1 with *m filled, 0 if interrupted by ses_request_interrupt, 2 when
 * timeout_ms (-1: none) passed, 3 when the managed side has news (ses_managed_pump), or -1
 * if the tracer is gone. */
int ses_next_event(struct ses *s, struct tr_msg *m, int timeout_ms);

/* solib.c */
int ses_solib_init(struct ses *s, struct mx_err *err);
void ses_solib_sync(struct ses *s);
void ses_solib_clear(struct ses *s);

/* breakpoints.c */
void ses_bp_resolve_in(struct ses *s, struct ses_bp *bp, const struct nat_module *m, bool notify);
void ses_bp_resolve_all_in(struct ses *s, const struct nat_module *m);
void ses_bp_drop_module(struct ses *s, const struct nat_module *m);
void ses_bp_process_gone(struct ses *s);
void ses_bp_apply_ignores(struct ses *s);
struct ses_bp *ses_bp_find(struct ses *s, int id);
int ses_insert_raw(struct ses *s, uint64_t addr, uint32_t group, uint32_t flags, uint8_t *orig);

/* threads */
struct ses_thread *ses_thread_add(struct ses *s, pid_t tid);
struct ses_thread *ses_thread_find(struct ses *s, pid_t tid);
void ses_thread_remove(struct ses *s, pid_t tid);

/* session.c: waiting for the program, one stop at a time. ses_wait_event fills *out with
 * the next stop the user would see (or an internal step stop) without announcing it;
 * ses_report_stop announces it. */
int ses_wait_event(struct ses *s, struct ses_stop *out, struct mx_err *err);
void ses_report_stop(struct ses *s, const struct ses_stop *st);
int ses_send_continue(struct ses *s, struct mx_err *err);

/* watch.c */
struct ses_watch *ses_watch_find(struct ses *s, int id);
int ses_watch_delete(struct ses *s, int id);
void ses_watch_process_gone(struct ses *s);
/* Whether C expression expr (a variable's name) in the selected frame is a signed integer of
 * its size at addr: the type of a watched variable, to show its values (vars.c). */
bool ses_native_is_signed_at(struct ses *s, const char *expr, uint64_t addr);
/* A watchpoint's debug register triggered: false when the hit is not reported (a read
 * watchpoint's write). */
bool ses_watch_hit(struct ses *s, int slot, struct ses_stop *st);

/* stack.c */
void ses_stack_invalidate(struct ses *s);

/* freeze.c: at a managed stop in mixed mode the tracer stops every thread but the runtime's
 * service threads; ses_thaw (at the resume, after the runtime's continue) lets them go. */
void ses_freeze_at_managed_stop(struct ses *s);
void ses_thaw(struct ses *s);

/* freeze.c: whether tid is one of the runtime's service threads (they answer ICorDebug). */
bool ses_is_service_thread(struct ses *s, pid_t tid);

/* thread_freeze.c: a stepping command on a thread the user froze is refused (-1 with err). */
int ses_refuse_frozen_step(struct ses *s, struct mx_err *err);
/* Before a detach at a managed stop: the runtime lets the threads it holds for us go. */
void ses_frozen_release_runtime(struct ses *s);

/* cond.c: breakpoint conditions over registers and literals */

int ses_cond_compile(const char *expr, struct nat_syms *syms, uint64_t pc, uint8_t *code,
		     size_t cap, size_t *len, bool *needs_session, struct mx_err *err);
/* Evaluates a condition in the session (the fallback for what the tracer cannot run). */
int ses_cond_eval_here(struct ses *s, pid_t tid, const char *expr, bool *result,
		       struct mx_err *err);
/* vars.c: in the innermost frame of thread tid (a breakpoint hit not yet reported): a C
 * expression formatted as print does, or its value as a number. */
int ses_print_here(struct ses *s, pid_t tid, const char *expr, char *out, size_t outlen,
		   struct mx_err *err);
int ses_scalar_here(struct ses *s, pid_t tid, const char *expr, uint64_t *u, double *d,
		    bool *is_float, struct mx_err *err);

/* bplog.c: hit conditions and logging breakpoints, at a hit of bp by thread tid (its
 * condition held, hits counted). Whether the hit count makes it a hit. */
bool ses_bp_hit_wanted(const struct ses_bp *bp, uint64_t hits);
/* A logging breakpoint (bp->log_kind set): its line goes out as a note. managed: the hit is
 * the runtime's (evaluated in C#, in the hit's callback), else a native one. */
void ses_bp_log_hit(struct ses *s, struct ses_bp *bp, pid_t tid, bool managed);
void ses_bp_log_free(struct ses_bp *bp);

/* The code addresses of breakpoint id, in s->syms (running) or the program file's symbols
 * (not yet running); returns how many (at most max). */
size_t ses_bp_pcs(struct ses *s, int id, struct nat_syms **syms, uint64_t *pcs, size_t max);
int ses_cond_install(struct ses *s, int id, const char *expr, struct mx_err *err);

/* crossing.c */
/* At a managed stop, before a step into: breakpoints at the native functions of the
 * P/Invokes the current line calls (now, or when their library loads). Returns how many
 * P/Invokes the line calls. */
size_t ses_pstep_arm(struct ses *s);
void ses_pstep_resolve_in(struct ses *s, const struct nat_module *m);
void ses_pstep_disarm(struct ses *s);
bool ses_pstep_is_target(const struct ses *s, uint64_t pc);
/* Whether pc is in a loaded ELF file (not in the runtime's generated code). */
bool ses_pc_in_native_module(struct ses *s, uint64_t pc);

/* exceptions.c */
/* A managed exception event: whether the user's filters make it a stop (st's exception fields
 * filled; the caller fills where). */
bool ses_exc_event(struct ses *s, const struct clr_event *ev, struct ses_stop *st);
/* The current thread's exception object (ICorDebugThread::GetCurrentException) at a managed
 * stop: 0 with *out (the caller releases it), -1 with err when there is none. For the C#
 * evaluator's $exception. */
int ses_managed_exception_value(struct ses *s, ICorDebugValue **out, struct mx_err *err);
/* `print $exception`: "{System.FormatException: message}". */
int ses_exception_print(struct ses *s, char *out, size_t outlen, struct mx_err *err);
void ses_exc_free(struct ses *s);

/* managed_only.c */
/* Once ICorDebug is attached in managed-only mode: the tracer lets go of the program's threads
 * (TR_REQ_UNTRACE); the threads known from then on are ICorDebug's. */
int ses_untrace(struct ses *s, struct mx_err *err);
/* 0, or -1 with a message saying that `what` needs mixed mode, when the program is untraced. */
int ses_native_refused(const struct ses *s, const char *what, struct mx_err *err);
/* A thread's registers from the tracer: kind TR_REQ_GET_REGS or TR_REQ_GET_FPREGS, whose reply
 * (size bytes) is copied to out. */
int ses_thread_registers(struct ses *s, enum tr_kind kind, pid_t tid, void *out, size_t size,
			 struct mx_err *err);
/* Untraced, no thread's end is reported unless it ran managed code: drop the threads gone. */
void ses_untraced_prune_threads(struct ses *s);

/* feval.c */
/* A managed event about an evaluation (EvalComplete, EvalException): 1 = the one waited for
 * ended (st->eval_done; the runtime stopped again, where the evaluation started), 2 = an
 * abandoned one ended (told; a stop for the user at thread ev->thread), 0 = neither. */
int ses_feval_event(struct ses *s, const struct clr_event *ev, struct ses_stop *st);
/* The process is gone: forget the evaluations under way. */
void ses_feval_forget(struct ses *s);
/* Lets clr/mvalue.c show obj.ToString() (s->clr's display hook). */
void ses_feval_install(struct ses *s);

/* managed.c */
/* A local, an argument or `this` of the selected managed frame, by name. */
int ses_managed_var_value(struct ses *s, const char *name, ICorDebugValue **out,
			  struct mx_err *err);
/* The selected managed frame's method: its function (a reference) and whether it has `this`. */
int ses_managed_frame_function(struct ses *s, ICorDebugFunction **fn, bool *has_this,
			       struct mx_err *err);
/* The P/Invokes called by the current line of the current thread's top managed frame (at
 * a managed stop): fills at most max, returns how many. */
size_t ses_managed_line_pinvokes(struct ses *s, struct ses_pinvoke *out, size_t max);
/* A managed step whose thread is stopped in native code (it stepped into a P/Invoke's
 * function): whether one is under way for the current thread. */
bool ses_managed_step_parked(const struct ses *s);
/* Drops a parked step (the user resumes otherwise): cancelled when the runtime runs again. */
void ses_managed_abandon_step(struct ses *s);
/* Drops s->mstepper: deactivated now at a managed stop, else as ses_managed_abandon_step. */
void ses_managed_drop_stepper(struct ses *s);
int ses_managed_detect(struct ses *s, struct mx_err *err);
bool ses_managed_wanted(const struct ses *s);
void ses_managed_signal_defaults(struct ses *s, unsigned *policy);
int ses_managed_prepare(struct ses *s, struct mx_err *err);
/* A library loaded: when it is the runtime (libcoreclr.so), check that its folder has the
 * debugger's libraries before the runtime reaches its startup handshake. */
void ses_managed_library_loaded(struct ses *s, const char *path);
void ses_managed_forget(struct ses *s);
/* Before attaching to pid: is it .NET (and not native-only)? Fills rt and marks the session
 * managed if so. */
bool ses_managed_probe(struct ses *s, pid_t pid, struct clr_runtime *rt);
/* After the tracer attached (all threads stopped): attaches ICorDebug and waits for the
 * runtime's attach events; the process is then stopped by the runtime and the stop reported.
 * Returns -1 (with a message told) when managed debugging is impossible: the process is then
 * stopped natively, as after a native attach. */
int ses_managed_attach(struct ses *s, const struct clr_runtime *rt);
/* A temporary breakpoint at the program's managed entry point (for `start`). */
int ses_managed_break_entry(struct ses *s, char *msg, size_t msglen, struct mx_err *err);
/* Detaches ICorDebug from the runtime (stopping it first if it runs), leaving it running. */
void ses_managed_detach(struct ses *s);
size_t ses_managed_fds(struct ses *s, int *fds, size_t max);
/* Takes one managed event: 1 = a stop for the user (st filled), 0 = nothing to report. */
int ses_managed_pump(struct ses *s, struct ses_stop *st);
int ses_managed_resume(struct ses *s, struct mx_err *err);
/* After the native side resumed: the managed breakpoint changes made at a native stop (when
 * the runtime, stopped by the tracer, cannot take requests) are sent to it now. */
void ses_managed_run_deferred(struct ses *s);
/* At a native interrupt stop of a .NET program: resumes the native side and stops the runtime
 * instead (ICorDebugProcess::Stop), so the stop is a managed one. */
int ses_managed_async_break(struct ses *s, struct ses_stop *st, struct mx_err *err);
int ses_managed_step(struct ses *s, enum clr_step_kind kind, struct mx_err *err);
/* At a native stop: resumes every thread but tid and stops the runtime (a managed stop with
 * nothing reported); tid stays held by the tracer until ses_managed_release. -2 (nothing
 * done) when another thread has an event to report first. */
int ses_managed_stop_holding(struct ses *s, pid_t tid, struct mx_err *err);
void ses_managed_release(struct ses *s, pid_t tid);
/* At a managed stop: the runtime's frames of thread tid (IL frames with their pc and sp from
 * the runtime's unwind, rt_index = position). *leaf gets the innermost frame's registers when
 * that frame is managed code (*has_leaf), the start of a native unwind through the rest. */
int ses_managed_backtrace(struct ses *s, pid_t tid, struct ses_frame **out, size_t *n,
			  struct user_regs_struct *leaf, bool *has_leaf, struct mx_err *err);
/* The documents of the loaded assemblies' PDBs (ses_sources). */
void ses_managed_sources(struct ses *s, void (*fn)(void *ctx, const char *path), void *ctx);
/* At a managed stop: the current thread's innermost runtime frame as an IL frame, with its
 * module, method and IL offset (ilf is the caller's to release); -1 with err when that frame
 * is not a managed method (the thread waits in native code). */
int ses_managed_top_il_frame(struct ses *s, ICorDebugILFrame **ilf, struct clr_module **cm,
			     mdMethodDef *tok, uint32_t *il, struct mx_err *err);
/* At a managed stop: the registers of thread tid's innermost frame when that is managed code;
 * -1 otherwise. */
int ses_managed_leaf_regs(struct ses *s, pid_t tid, struct user_regs_struct *leaf);
/* The IL frame an expression is evaluated in: the selected frame of the current thread, or
 * (leaf) the innermost frame of thread tid. References the caller releases. */
int ses_managed_eval_frame(struct ses *s, bool leaf, pid_t tid, ICorDebugILFrame **ilf,
			   struct clr_module **cm, mdMethodDef *tok, uint32_t *il,
			   struct mx_err *err);
int ses_managed_frame_vars(struct ses *s, bool args,
			   void (*fn)(void *arg, const char *name, const char *value), void *arg,
			   struct mx_err *err);
/* vars.c: whose variables the selected frame has: C's (DWARF), C#'s at a managed stop (the
 * evaluator), or C#'s read from a snapshot at a native stop (values only, no evaluator). */
enum ses_vars_kind { SES_VARS_NATIVE, SES_VARS_MANAGED, SES_VARS_SNAPSHOT };
enum ses_vars_kind ses_vars_kind(struct ses *s);
/* nat_eval_shape in the selected (native) frame. */
struct nat_shape;
int ses_native_shape(struct ses *s, const char *expr, struct nat_shape *out,
		     void (*member_fn)(void *arg, const char *name), void *arg, struct mx_err *err);
/* children.c: the part indices [*from, *end) a request for count (0: all, up to
 * SES_CHILDREN_MAX) from start covers among total. */
void ses_children_page(size_t start, size_t count, size_t total, size_t *from, size_t *end);
/* expr, parenthesized when a postfix operator (.x, ->x, [i]) cannot follow it as it is. */
void ses_postfix_base(const char *expr, char *out, size_t len);
/* mchildren.c: ses_var_describe and ses_var_children over a C# frame. The type and parts of
 * expr's value (no code runs); -1 with err if it cannot be evaluated. */
int ses_managed_shape(struct ses *s, const char *expr, char *type, size_t typelen, size_t *named,
		      size_t *indexed, struct mx_err *err);
int ses_managed_describe(struct ses *s, const char *expr, ses_var_fn fn, void *arg,
			 struct mx_err *err);
int ses_managed_children(struct ses *s, const char *expr, size_t start, size_t count,
			 enum ses_children_filter filter, ses_var_fn fn, void *arg,
			 struct mx_err *err);
/* At a native stop, the variables of the managed frame whose instruction address is ip. */
int ses_managed_native_stop_vars(struct ses *s, uint64_t ip, bool args,
				 void (*fn)(void *arg, const char *name, const char *value),
				 void *arg, struct mx_err *err);
int ses_managed_print(struct ses *s, const char *expr, char *out, size_t outlen,
		      struct mx_err *err);
bool ses_spec_is_managed_only(const char *spec);
bool ses_managed_at_entry_brace(struct ses *s, ICorDebugThread *t);
bool ses_spec_may_be_managed(const struct ses *s, const char *spec);
void ses_managed_bind(struct ses *s, struct ses_bp *bp);
void ses_managed_enable(struct ses *s, struct ses_bp *bp, bool on);
void ses_managed_unbind(struct ses *s, struct ses_bp *bp);
size_t ses_managed_module_count(const struct ses *s);
void ses_managed_module_at(const struct ses *s, size_t i, struct ses_module_info *out);

#endif
