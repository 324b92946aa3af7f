/* managed.c: the managed side of a session: the runtime's startup handshake, ICorDebug's
 * events merged into the session's wait loop, managed breakpoints, stops, stacks and steps.
 *
 * A .NET program is launched under the tracer like any other; before it runs, the runtime's
 * startup semaphores are created (clr/startup.h), so the runtime waits for us before any
 * managed code runs. Its events then arrive on an eventfd that the wait loop polls beside
 * the tracer's socket: one loop, one event at a time. A managed stop is the runtime's own
 * (its threads synchronized by the runtime); `continue` then goes to ICorDebug.
 */
#include "session/ses_internal.h"

#include <ctype.h>
#include <inttypes.h>
#include <signal.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clr/dbi.h"
#include "clr/hresult.h"
#include "clr/mbreak.h"
#include "clr/mstack.h"
#include "clr/startup.h"
#include "clr/mformat.h"
#include "clr/mlocals.h"
#include "session/meval.h"
#include "clr/mvalue.h"
#include "session/feval.h"
#include "clr/selftest.h"
#include "clr/snapshot.h"
#include "clr/symbols.h"
#include "meta/meta.h"
#include "util/str.h"
#include "util/utf16.h"
#include "util/xalloc.h"

extern char **environ;

static void note_text(struct ses *s, const char *text);
static void cancel_stale_steppers(struct ses *s, bool deactivate);

/* ---- launch ---- */

int ses_managed_detect(struct ses *s, struct mx_err *err)
{
	clr_app_free(&s->app);
	if (s->native_only)
		return 0;
	if (clr_app_detect(s->program, s->nargs, s->args, &s->app, err) != 0)
		return -1;
	if (s->app.kind == CLR_APP_NONE)
		return 0;
	const char *off = clr_env_disables_debugger(environ);
	if (off)
		return mx_err_set(err,
				  "%s turns off the runtime's debugger support, so managed code "
				  "cannot be debugged; unset it (or use 'set native-only on')",
				  off);
	return 0;
}

bool ses_managed_wanted(const struct ses *s)
{
	return s->app.kind != CLR_APP_NONE;
}

/* The runtime's own signals pass without a stop and without a word (unless the user said
 * otherwise with `handle`): SIGRTMIN suspends threads for the GC and the debugger; SIGSEGV
 * and SIGFPE become NullReferenceException and DivideByZeroException; SIGTRAP is its
 * breakpoints and steps (coreclr-debugging-facts.md section 5). */
void ses_managed_signal_defaults(struct ses *s, unsigned *policy)
{
	if (!ses_managed_wanted(s))
		return;
	static const int runtime_sigs[] = {SIGSEGV, SIGFPE, SIGBUS, SIGILL, SIGTRAP, SIGPIPE};
	for (size_t i = 0; i < sizeof(runtime_sigs) / sizeof(runtime_sigs[0]); i++) {
		int sig = runtime_sigs[i];
		if (s->sig_user_set[sig])
			continue;
		policy[sig] = TR_SIG_PASS;
		/* ...unless the fault is in native code: a crash, stopped before the runtime's
		 * crash handling (tracer/faults.c) */
		if (sig != SIGTRAP && sig != SIGPIPE)
			policy[sig] |= TR_SIG_NATIVE_FAULT;
	}
	for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		if (!s->sig_user_set[sig])
			policy[sig] = TR_SIG_PASS;
}

int ses_managed_prepare(struct ses *s, struct mx_err *err)
{
	if (!ses_managed_wanted(s))
		return 0;
	return clr_startup_prepare(&s->startup, s->pid, err);
}

void ses_managed_library_loaded(struct ses *s, const char *path)
{
	const char *base = strrchr(path, '/');
	if (!s->startup || !base || strcmp(base, "/libcoreclr.so") != 0)
		return;
	/* A runtime that finds our startup semaphores believes a debugger is attached and
	 * later waits for it. If we could not attach (no debugger library in its folder), it
	 * would wait forever: so decide now, while it is being loaded, long before its
	 * handshake, and remove the semaphores if we cannot debug it. */
	char dir[4096], dbi[4200], dac[4200];
	snprintf(dir, sizeof(dir), "%.*s", (int)(base - path), path);
	snprintf(dbi, sizeof(dbi), "%s/libmscordbi.so", dir);
	snprintf(dac, sizeof(dac), "%s/libmscordaccore.so", dir);
	const char *missing = access(dbi, R_OK) != 0   ? "libmscordbi.so"
			      : access(dac, R_OK) != 0 ? "libmscordaccore.so"
						       : NULL;
	if (!missing)
		return;
	char msg[4400];
	snprintf(msg, sizeof(msg),
		 "managed debugging is not available: the runtime in %s has no %s (the "
		 "runtime's debugger library); the program runs without it",
		 dir, missing);
	note_text(s, msg);
	clr_startup_free(s->startup);
	s->startup = NULL;
}

/* ---- forgetting ---- */

static void drop_stop_state(struct ses *s)
{
	COM_RELEASE(s->mstop_thread);
	if (s->pending_kind != SES_PENDING_MANAGED)
		COM_RELEASE(s->mstepper); /* (a pending step's stays active: step_pending.c) */
	s->mstopped = false;
}

static void drop_managed_locs(struct ses *s)
{
	for (size_t i = 0; i < s->ndeferred_release; i++) {
		clr_bp_loc_release(s->deferred_release[i]);
		free(s->deferred_release[i]);
	}
	free(s->deferred_release);
	s->deferred_release = NULL;
	s->ndeferred_release = s->cap_deferred_release = 0;
	s->deferred_sync = false;
	for (size_t i = 0; i < s->nbps; i++) {
		struct ses_bp *bp = s->bps[i];
		for (size_t j = 0; j < bp->nmlocs; j++) {
			clr_bp_loc_release(bp->mlocs[j].impl);
			free(bp->mlocs[j].impl);
		}
		bp->nmlocs = 0;
	}
}

void ses_managed_forget(struct ses *s)
{
	ses_feval_forget(s);
	drop_stop_state(s);
	s->nexc_threads = 0; /* the exceptions in flight were this process's */
	cancel_stale_steppers(s, false);
	free(s->stale_steppers);
	s->stale_steppers = NULL;
	s->cap_stale_steppers = 0;
	drop_managed_locs(s);
	clr_startup_free(s->startup);
	s->startup = NULL;
	clr_free(s->clr);
	s->clr = NULL;
}

bool ses_is_managed_stop(const struct ses *s)
{
	return s->mstopped;
}

/* ---- descriptors for the wait loop ---- */

size_t ses_managed_fds(struct ses *s, int *fds, size_t max)
{
	size_t n = 0;
	if (s->startup && n < max)
		fds[n++] = clr_startup_fd(s->startup);
	if (s->clr && n < max)
		fds[n++] = clr_event_fd(s->clr);
	return n;
}

static void note_text(struct ses *s, const char *text)
{
	struct ses_note n = {.kind = SES_NOTE_MESSAGE, .text = text};
	s->notify(s->notify_ctx, &n);
}

/* The runtime posted its startup semaphore: it waits for us. Attach ICorDebug and let it go
 * on. If anything fails the program still runs, without managed debugging. */
static void runtime_started(struct ses *s)
{
	struct mx_err err = {{0}};
	struct clr_runtime rt;
	int r = clr_runtime_find(s->pid, &rt, &err);
	if (r == 0)
		mx_err_set(&err, "the runtime announced itself but libcoreclr.so is not mapped");
	if (r == 1 && clr_attach(&s->clr, s->pid, &rt, &err) == 0)
		err.msg[0] = 0;
	if (!err.msg[0] && s->managed_only) {
		/* the runtime waits for our "continue": let go of its threads now, before any
		 * managed code runs (if that fails the program stays traced, in mixed mode) */
		struct mx_err uerr;
		if (ses_untrace(s, &uerr) != 0) {
			char msg[700];
			snprintf(msg, sizeof(msg),
				 "managed-only mode is not available (%s): debugging in mixed mode",
				 uerr.msg);
			note_text(s, msg);
		}
	}
	clr_startup_release(s->startup);
	clr_startup_free(s->startup);
	s->startup = NULL;
	if (err.msg[0]) {
		char msg[700];
		snprintf(msg, sizeof(msg), "managed debugging is not available: %s%s", err.msg,
			 s->managed_only ? " (the program stays traced: mixed mode)" : "");
		note_text(s, msg);
	}
}

/* ---- breakpoints ---- */

/* Whether ICorDebug can send requests to the runtime now: at a managed stop or while a
 * managed event is handled (the runtime is synchronized and its helper thread answers). At a
 * native stop the tracer holds the runtime's threads too: a request would wait forever. */
static bool runtime_answers(const struct ses *s)
{
	return s->clr && (s->mstopped || s->in_mevent);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool ses_spec_is_managed_only(const char *spec)
{
	const char *colon = strrchr(spec, ':');
	if (colon) {
		/* a C# (or F#, VB) source file */
		char file[512];
		snprintf(file, sizeof(file), "%.*s", (int)(colon - spec), spec);
		return ends_with(file, ".cs") || ends_with(file, ".fs") || ends_with(file, ".vb");
	}
	/* C identifiers have no '.': Namespace.Type.Method is managed */
	return spec[0] != '*' && strchr(spec, '.') != NULL;
}

bool ses_spec_may_be_managed(const struct ses *s, const char *spec)
{
	if (!ses_managed_wanted(s) && !s->clr)
		return false;
	if (ses_spec_is_managed_only(spec))
		return true;
	return spec[0] != '*' && !strchr(spec, ':'); /* a bare method name: both sides */
}

static void bind_in_module(struct ses *s, struct ses_bp *bp, struct clr_module *cm, bool notify)
{
	struct clr_bp_loc found[32];
	size_t n;
	int resolved = 0;
	const char *colon = strrchr(bp->spec, ':');
	if (colon) {
		char file[512];
		snprintf(file, sizeof(file), "%.*s", (int)(colon - bp->spec), bp->spec);
		n = clr_find_line(s->clr, cm, file, atoi(colon + 1), found, 32, &resolved);
	} else if (!cm->user_code && !strchr(bp->spec, '.')) {
		/* a bare method name means the user's code: `break Add` must not plant
		 * breakpoints in every framework method called Add (a qualified name may) */
		n = 0;
	} else {
		n = clr_find_method(s->clr, cm, bp->spec, found, 32);
	}
	size_t added = 0;
	for (size_t i = 0; i < n; i++) {
		struct mx_err err;
		if (clr_bp_loc_create(s->clr, cm, &found[i], &err) != 0) {
			note_text(s, err.msg);
			continue;
		}
		if (!bp->enabled)
			clr_bp_loc_activate(&found[i], false);
		xgrow((void **)&bp->mlocs, &bp->cap_mlocs, bp->nmlocs + 1, sizeof(*bp->mlocs));
		struct ses_mloc *ml = &bp->mlocs[bp->nmlocs++];
		memset(ml, 0, sizeof(*ml));
		ml->impl = xmalloc(sizeof(struct clr_bp_loc));
		*ml->impl = found[i];
		ml->il = found[i].il;
		mx_strlcpy(ml->where.func, found[i].where.func, sizeof(ml->where.func));
		mx_strlcpy(ml->where.file, found[i].where.file, sizeof(ml->where.file));
		mx_strlcpy(ml->where.module, cm->name, sizeof(ml->where.module));
		ml->where.line = found[i].where.line;
		added++;
	}
	if (added && notify) {
		const struct ses_mloc *ml = &bp->mlocs[bp->nmlocs - added];
		char text[1400];
		snprintf(text, sizeof(text), "%s %d at %s: file %s, line %d.%s", ses_bp_word(bp),
			 bp->id, ml->where.func, ml->where.file, ml->where.line,
			 added > 1 ? " (and more locations)" : "");
		struct ses_note note = {
		    .kind = SES_NOTE_BP_RESOLVED, .bp_id = bp->id, .text = text};
		s->notify(s->notify_ctx, &note);
	}
}

void ses_managed_bind(struct ses *s, struct ses_bp *bp)
{
	if (!s->clr || !bp->managed)
		return;
	if (!runtime_answers(s)) {
		bp->mbind_pending = true;
		s->deferred_sync = true;
		return;
	}
	bp->mbind_pending = false;
	for (size_t i = 0; i < s->clr->nmods; i++)
		bind_in_module(s, bp, &s->clr->mods[i], false);
}

void ses_managed_enable(struct ses *s, struct ses_bp *bp, bool on)
{
	if (!s->clr)
		return; /* nothing bound yet: bound as modules load, with bp->enabled */
	if (!runtime_answers(s)) {
		s->deferred_sync = true; /* activated or not at the next resume */
		return;
	}
	for (size_t j = 0; j < bp->nmlocs; j++)
		clr_bp_loc_activate(bp->mlocs[j].impl, on);
}

void ses_managed_unbind(struct ses *s, struct ses_bp *bp)
{
	for (size_t j = 0; j < bp->nmlocs; j++) {
		if (s->clr && !runtime_answers(s) && bp->mlocs[j].impl->fbp) {
			/* deactivated at the next resume (a hit before that is ignored) */
			xgrow((void **)&s->deferred_release, &s->cap_deferred_release,
			      s->ndeferred_release + 1, sizeof(*s->deferred_release));
			s->deferred_release[s->ndeferred_release++] = bp->mlocs[j].impl;
			continue;
		}
		clr_bp_loc_release(bp->mlocs[j].impl);
		free(bp->mlocs[j].impl);
	}
	free(bp->mlocs);
	bp->mlocs = NULL;
	bp->nmlocs = bp->cap_mlocs = 0;
}

void ses_managed_run_deferred(struct ses *s)
{
	if (s->clr && s->nstale_steppers) {
		s->in_mevent = true; /* the runtime runs: its helper thread takes requests */
		cancel_stale_steppers(s, true);
		s->in_mevent = false;
	}
	if (!s->clr || (!s->deferred_sync && !s->ndeferred_release))
		return;
	/* the runtime runs again: its helper thread takes requests */
	for (size_t i = 0; i < s->ndeferred_release; i++) {
		clr_bp_loc_release(s->deferred_release[i]);
		free(s->deferred_release[i]);
	}
	s->ndeferred_release = 0;
	if (s->deferred_sync) {
		s->deferred_sync = false;
		/* Not wrapped in ICorDebugProcess::Stop: with one of the runtime's callbacks still
		 * in our queue (not yet continued) that waits forever. So code that runs right
		 * after the resume may pass a breakpoint set at the native stop before it is in. */
		s->in_mevent = true; /* requests are safe now */
		for (size_t i = 0; i < s->nbps; i++) {
			struct ses_bp *bp = s->bps[i];
			if (bp->mbind_pending)
				ses_managed_bind(s, bp);
			for (size_t j = 0; j < bp->nmlocs; j++)
				clr_bp_loc_activate(bp->mlocs[j].impl, bp->enabled);
		}
		s->in_mevent = false;
	}
}

static struct ses_bp *bp_of_hit(struct ses *s, ICorDebugBreakpoint *hit)
{
	for (size_t i = 0; i < s->nbps; i++)
		for (size_t j = 0; j < s->bps[i]->nmlocs; j++)
			if (clr_bp_loc_is(s->bps[i]->mlocs[j].impl, hit))
				return s->bps[i];
	return NULL;
}

/* ---- stops ---- */

static void fill_stop(struct ses *s, ICorDebugThread *t, struct ses_stop *st)
{
	st->managed = true;
	st->tid = clr_thread_tid(t);
	ses_thread_add(s, st->tid);
	ICorDebugFrame *f = NULL;
	struct clr_where w = {0};
	if (COM(t, GetActiveFrame, &f) >= 0 && f) {
		if (!clr_describe_frame(s->clr, f, &w))
			snprintf(w.func, sizeof(w.func), "[not in managed code]");
		CORDB_ADDRESS start = 0, end = 0;
		if (COM(f, GetStackRange, &start, &end) >= 0)
			st->pc = st->frame_sp = start;
		COM_RELEASE(f);
	}
	memset(&st->where, 0, sizeof(st->where));
	mx_strlcpy(st->where.func, w.func, sizeof(st->where.func));
	mx_strlcpy(st->where.file, w.file, sizeof(st->where.file));
	mx_strlcpy(st->where.module, w.module, sizeof(st->where.module));
	st->where.line = w.line;
	st->where.line_start = w.il_exact;
	st->il = w.il;
}

/* Whether thread t's active frame is at its method's opening brace (a nop in debug builds,
 * where a step into a method first lands). */
bool ses_managed_at_entry_brace(struct ses *s, ICorDebugThread *t)
{
	ICorDebugFrame *f = NULL;
	ICorDebugFunction *fn = NULL;
	ICorDebugModule *m = NULL;
	struct clr_where w;
	bool brace = false;
	if (COM(t, GetActiveFrame, &f) >= 0 && f && clr_describe_frame(s->clr, f, &w) &&
	    COM(f, GetFunction, &fn) >= 0 && COM(fn, GetModule, &m) >= 0) {
		struct clr_module *cm = clr_module_find(s->clr, m);
		brace = cm && w.il < clr_sym_first_il(cm, w.token);
	}
	COM_RELEASE(m);
	COM_RELEASE(fn);
	COM_RELEASE(f);
	return brace;
}

/* Whether thread t's active frame is in a module with symbols (a PDB). */
static bool active_frame_has_symbols(struct ses *s, ICorDebugThread *t)
{
	ICorDebugFrame *f = NULL;
	ICorDebugFunction *fn = NULL;
	ICorDebugModule *m = NULL;
	bool yes = false;
	if (COM(t, GetActiveFrame, &f) >= 0 && f && COM(f, GetFunction, &fn) >= 0 &&
	    COM(fn, GetModule, &m) >= 0) {
		struct clr_module *cm = clr_module_find(s->clr, m);
		yes = cm && cm->user_code;
	}
	COM_RELEASE(m);
	COM_RELEASE(fn);
	COM_RELEASE(f);
	return yes;
}

static void enter_stop(struct ses *s, ICorDebugThread *t, const struct ses_stop *st)
{
	if (s->mstepper && !ses_pending_managed(s, s->mstep_tid, st)) {
		/* a stop that ends a step early (a breakpoint on the way) abandons the step,
		 * unless it is another thread's: the step then stays pending */
		COM(s->mstepper, Deactivate);
		COM_RELEASE(s->mstepper);
	}
	COM_RELEASE(s->mstop_thread);
	s->mstop_thread = t;
	COM(t, AddRef);
	s->mstopped = true;
}

/* `set print managed-events on`: one line per runtime event, with what it names. */
static void print_event(struct ses *s, const struct clr_event *ev)
{
	char text[1200], what[1100] = "";
	if (ev->module) {
		WCHAR name[512];
		ULONG32 n = 0;
		if (COM(ev->module, GetName, 512, &n, name) >= 0)
			utf16_to_utf8(name, n, what, sizeof(what));
	} else if (ev->assembly) {
		WCHAR name[512];
		ULONG32 n = 0;
		if (COM(ev->assembly, GetName, 512, &n, name) >= 0)
			utf16_to_utf8(name, n, what, sizeof(what));
	} else if (ev->thread) {
		snprintf(what, sizeof(what), "%d", (int)clr_thread_tid(ev->thread));
	}
	static const char *const exc_kinds[] = {"", " first-chance", " user-first-chance",
						" catch-handler-found", " unhandled"};
	const char *exc =
	    ev->kind == CLR_EV_EXCEPTION && !ev->exc_v1 && ev->exc_type >= 1 && ev->exc_type <= 4
		? exc_kinds[ev->exc_type]
		: "";
	snprintf(text, sizeof(text), "[managed] %s%s%s%s", ev->name, what[0] ? " " : "", what, exc);
	note_text(s, text);
}

/* Attaching: the runtime reports what already exists as events (process, app domains,
 * assemblies, modules, then its threads), all while the process stays stopped. The last of
 * them is the CreateThread for the last thread the runtime knows: count those at the start. */
static void attach_count_threads(struct ses *s)
{
	ICorDebugThreadEnum *te = NULL;
	ULONG n = 0;
	if (COM(s->clr->process, EnumerateThreads, &te) >= 0 && COM(te, GetCount, &n) >= 0)
		s->attach_threads_expected = (int)n;
	COM_RELEASE(te);
}

/* The runtime has no "attach complete" event: ours comes once, after its last attach event
 * and before any real one. The process stays stopped there (the runtime holds it). */
static void attach_complete(struct ses *s, struct ses_stop *st)
{
	s->attaching = false;
	if (s->print_events)
		note_text(s, "[managed] attach complete");
	ICorDebugThread *main_thread = NULL;
	st->kind = SES_STOP_INTERRUPT;
	if (COM(s->clr->process, GetThread, (DWORD)s->pid, &main_thread) >= 0 && main_thread) {
		fill_stop(s, main_thread, st);
		enter_stop(s, main_thread, st);
		COM_RELEASE(main_thread);
	}
}

/* Handles one managed event. Returns 1 when it is a stop for the user (st filled; the
 * runtime keeps the process stopped), 0 when the process was resumed. */
/* A managed breakpoint's C# condition, tested in the hit's callback (values only: no
 * function calls while the runtime waits in a callback). An error stops, as gdb does. */
static bool condition_holds(struct ses *s, const struct ses_bp *bp, ICorDebugThread *t)
{
	struct meval_opts o = {.leaf = true, .tid = clr_thread_tid(t), .no_calls = true};
	struct mx_err err = {0};
	bool holds = false;
	if (ses_meval_bool(s, bp->condition, &o, &holds, &err) == 0)
		return holds;
	char text[700];
	snprintf(text, sizeof(text), "Error in testing condition for breakpoint %d: %s", bp->id,
		 err.msg);
	note_text(s, text);
	return true;
}

static int handle_event(struct ses *s, struct clr_event *ev, struct ses_stop *st)
{
	struct clr *c = s->clr;
	bool stop = false;
	if (s->print_events)
		print_event(s, ev);
	switch (ev->kind) {
	case CLR_EV_CREATE_PROCESS:
		if (s->attaching)
			attach_count_threads(s);
		break;
	case CLR_EV_LOAD_MODULE: {
		struct clr_module *cm = clr_module_loaded(c, ev->module);
		if (cm->user_code) {
			/* the user's code: Just My Code steps stop in it, and it is compiled
			 * without optimizations so every line and local is there. Only allowed
			 * in this callback. */
			ICorDebugModule2 *m2 = NULL;
			if (COM(ev->module, QueryInterface, &IID_ICorDebugModule2, (void **)&m2) >=
			    0) {
				COM(m2, SetJITCompilerFlags, CORDEBUG_JIT_DISABLE_OPTIMIZATION);
				COM(m2, SetJMCStatus, 1, 0, NULL);
				COM_RELEASE(m2);
			}
		}
		for (size_t i = 0; i < s->nbps; i++)
			if (s->bps[i]->managed)
				bind_in_module(s, s->bps[i], cm, true);
		struct ses_note n = {.kind = SES_NOTE_LIBRARY_LOAD, .text = cm->path};
		s->notify(s->notify_ctx, &n);
		break;
	}
	case CLR_EV_UNLOAD_MODULE:
		clr_module_unloaded(c, ev->module);
		break;
	case CLR_EV_BREAKPOINT: {
		struct ses_bp *bp = bp_of_hit(s, ev->breakpoint);
		/* an implicit evaluation (display, a condition) passes over the user's breakpoints
		 * (feval.h) */
		if (!bp || !bp->enabled || s->feval_skip_stops)
			break;
		/* as gdb and the tracer count: a hit is one whose condition holds; the ignore
		 * count and the hit condition then pick the hits that stop */
		if (bp->condition && !condition_holds(s, bp, ev->thread))
			break;
		bp->hits++;
		if (bp->ignore) {
			bp->ignore--;
			break;
		}
		if (!ses_bp_hit_wanted(bp, bp->hits))
			break;
		if (bp->log_kind != SES_LOG_NONE) {
			ses_bp_log_hit(s, bp, clr_thread_tid(ev->thread), true);
			break;
		}
		stop = true;
		st->kind = SES_STOP_BREAKPOINT;
		st->bp_id = bp->id;
		st->bp_hits = bp->hits;
		st->bp_temporary = bp->temporary;
		fill_stop(s, ev->thread, st);
		if (bp->temporary)
			ses_break_delete(s, bp->id, NULL);
		break;
	}
	case CLR_EV_STEP_COMPLETE: {
		if (!s->mstepper || ev->stepper != s->mstepper)
			break; /* a step abandoned at an earlier stop that completed anyway */
		COM_RELEASE(s->mstepper);
		fill_stop(s, ev->thread, st);
		/* landed on a hidden sequence point (compiler-generated code), or stepped into
		 * a method and stopped at its opening brace: keep going to a statement */
		bool hidden =
		    !st->where.line && (s->jmc || active_frame_has_symbols(s, ev->thread));
		/* with Just My Code off a step may enter code without symbols: stop there */
		if ((hidden || ses_managed_at_entry_brace(s, ev->thread)) && s->mstep_retries < 8 &&
		    s->mstep_kind != CLR_STEP_IL && s->mstep_kind != CLR_STEP_OUT) {
			s->mstep_retries++;
			struct mx_err err;
			if (clr_step(c, ev->thread, CLR_STEP_OVER, s->jmc, &s->mstepper, &err) == 0)
				break;
		}
		stop = true;
		st->kind = SES_STOP_STEP;
		st->line_step = s->mstep_kind != CLR_STEP_IL;
		break;
	}
	case CLR_EV_BREAK:
		if (s->feval_skip_stops)
			break; /* Debugger.Break() in an implicitly evaluated function */
		stop = true;
		st->kind = SES_STOP_INTERRUPT;
		fill_stop(s, ev->thread, st);
		break;
	case CLR_EV_EXCEPTION:
		/* the ManagedCallback2 form says more: we decide on that one; one thrown in an
		 * evaluated function is its business (feval.c reports what escapes it) */
		if (!ev->exc_v1 && !s->feval_waiting && ses_exc_event(s, ev, st)) {
			stop = true;
			fill_stop(s, ev->thread, st);
		}
		break;
	case CLR_EV_EVAL_COMPLETE:
	case CLR_EV_EVAL_EXCEPTION:
		switch (ses_feval_event(s, ev, st)) {
		case 1:
			return 1; /* the stop goes on: the evaluation's caller takes it */
		case 2:
			stop = true; /* an abandoned call ended: stop where it was made */
			st->kind = SES_STOP_INTERRUPT;
			fill_stop(s, ev->thread, st);
			break;
		default:
			break;
		}
		break;
	case CLR_EV_EXIT_PROCESS:
		c->exited = true;
		return 0; /* no Continue after ExitProcess; the tracer reports the exit */
	case CLR_EV_EXIT_THREAD: {
		struct ses_thread *gone =
		    s->untraced ? ses_thread_find(s, clr_thread_tid(ev->thread)) : NULL;
		if (gone && gone->tid != s->pid) {
			struct ses_note n = {.kind = SES_NOTE_THREAD_EXIT,
					     .tid = gone->tid,
					     .thread_num = gone->num};
			s->notify(s->notify_ctx, &n);
			ses_thread_remove(s, n.tid);
		}
		break;
	}
	case CLR_EV_DEBUGGER_ERROR: {
		char msg[256];
		snprintf(msg, sizeof(msg), "the runtime's debugger reported an error: %s",
			 clr_hr(ev->hr));
		note_text(s, msg);
		break;
	}
	case CLR_EV_CREATE_THREAD:
		if (s->untraced && !ses_thread_find(s, clr_thread_tid(ev->thread))) {
			/* untraced, the runtime's news are the only thread news */
			struct ses_thread *nt = ses_thread_add(s, clr_thread_tid(ev->thread));
			struct ses_note n = {
			    .kind = SES_NOTE_THREAD_NEW, .tid = nt->tid, .thread_num = nt->num};
			s->notify(s->notify_ctx, &n);
		}
		ses_thread_add(s, clr_thread_tid(ev->thread));
		if (s->attaching && ++s->attach_threads_seen >= s->attach_threads_expected) {
			attach_complete(s, st);
			if (s->mstopped)
				return 1;
		}
		break;
	default:
		break;
	}
	if (stop) {
		enter_stop(s, ev->thread, st);
		return 1;
	}
	struct mx_err err;
	if (clr_continue(c, &err) != 0 && !c->exited)
		note_text(s, err.msg);
	return 0;
}

int ses_managed_pump(struct ses *s, struct ses_stop *st)
{
	if (s->startup) {
		uint64_t v;
		if (read(clr_startup_fd(s->startup), &v, sizeof(v)) == sizeof(v)) {
			runtime_started(s);
			return 0;
		}
	}
	if (!s->clr)
		return 0;
	ses_feval_install(s);
	struct clr_event *ev = clr_next_event(s->clr);
	if (!ev)
		return 0;
	memset(st, 0, sizeof(*st));
	s->in_mevent = true;
	int r = handle_event(s, ev, st);
	s->in_mevent = false;
	clr_event_free(ev);
	if (r == 1) {
		if (s->untraced) {
			ses_solib_sync(s); /* no loader breakpoint: libraries are read at stops */
			ses_untraced_prune_threads(s);
		}
		struct ses_thread *t = ses_thread_find(s, st->tid);
		st->thread_num = t ? t->num : 0;
		s->cur_tid = st->tid;
		s->mstep_retries = 0;
	}
	return r;
}

int ses_managed_resume(struct ses *s, struct mx_err *err)
{
	drop_stop_state(s);
	ses_stack_invalidate(s);
	int r = clr_continue(s->clr, err);
	ses_thaw(s); /* the runtime has the continue: the threads the tracer held go too */
	return r;
}

int ses_managed_async_break(struct ses *s, struct ses_stop *st, struct mx_err *err)
{
	/* the runtime suspends its threads itself: none may be held by ptrace meanwhile */
	if (!s->untraced && ses_send_continue(s, err) != 0)
		return -1;
	HRESULT hr = COM(s->clr->process, Stop, 0);
	if (hr < 0)
		return mx_err_set(err, "the runtime could not stop the program: %s", clr_hr(hr));
	memset(st, 0, sizeof(*st));
	st->kind = SES_STOP_INTERRUPT;
	ICorDebugThread *t = NULL;
	if (COM(s->clr->process, GetThread, (DWORD)s->pid, &t) < 0 || !t) {
		st->managed = true;
		st->tid = s->pid;
		s->mstopped = true;
	} else {
		fill_stop(s, t, st);
		enter_stop(s, t, st);
		COM_RELEASE(t);
	}
	struct ses_thread *th = ses_thread_find(s, st->tid);
	st->thread_num = th ? th->num : 0;
	s->cur_tid = st->tid;
	ses_freeze_at_managed_stop(s);
	ses_stack_invalidate(s);
	return 0;
}

int ses_managed_stop_holding(struct ses *s, pid_t tid, struct mx_err *err)
{
	/* the others run so the runtime can suspend them; tid, in native code, counts as
	 * suspended for the runtime (preemptive mode) and stays where it is */
	struct tr_pid hold = {.pid = tid};
	ses_stack_invalidate(s);
	int r = ses_call(s, TR_REQ_CONT_HOLD, &hold, sizeof(hold), NULL, err);
	if (r == -EAGAIN)
		return -2; /* another thread's event comes first; nothing changed */
	if (r != 0)
		return -1;
	ses_managed_run_deferred(s);
	HRESULT hr = COM(s->clr->process, Stop, 0);
	if (hr < 0) {
		ses_managed_release(s, tid);
		return mx_err_set(err, "the runtime could not stop the program: %s", clr_hr(hr));
	}
	s->mstopped = true;
	s->cur_tid = tid;
	return 0;
}

void ses_managed_release(struct ses *s, pid_t tid)
{
	struct tr_pid rel = {.pid = tid};
	ses_call(s, TR_REQ_RELEASE, &rel, sizeof(rel), NULL, NULL);
}

/* ---- steps ---- */

int ses_managed_step(struct ses *s, enum clr_step_kind kind, struct mx_err *err)
{
	ICorDebugThread *t = NULL;
	if (COM(s->clr->process, GetThread, (DWORD)s->cur_tid, &t) < 0 || !t)
		return mx_err_set(err, "thread %d is not a managed thread", (int)s->cur_tid);
	ICorDebugStepper *stepper = NULL;
	int r = kind == CLR_STEP_IN_NATIVE ? clr_step_in_from_native(t, &stepper, err)
					   : clr_step(s->clr, t, kind, s->jmc, &stepper, err);
	COM_RELEASE(t);
	if (r != 0)
		return -1;
	if (ses_managed_resume(s, err) != 0) {
		COM_RELEASE(stepper);
		return -1;
	}
	s->mstepper = stepper;
	s->mstep_tid = s->cur_tid;
	s->mstep_kind = kind;
	s->mstep_retries = 0;
	return 0;
}

bool ses_managed_step_parked(const struct ses *s)
{
	return s->mstepper && !s->mstopped && s->mstep_tid == s->cur_tid;
}

void ses_managed_abandon_step(struct ses *s)
{
	if (!s->mstepper || s->mstopped)
		return;
	/* its StepComplete, if it comes first, is ignored (not s->mstepper any more) */
	xgrow((void **)&s->stale_steppers, &s->cap_stale_steppers, s->nstale_steppers + 1,
	      sizeof(*s->stale_steppers));
	s->stale_steppers[s->nstale_steppers++] = s->mstepper;
	s->mstepper = NULL;
}

void ses_managed_drop_stepper(struct ses *s)
{
	if (!s->mstepper)
		return;
	if (s->mstopped) {
		/* stopped by the runtime: it takes the request now */
		COM(s->mstepper, Deactivate);
		COM_RELEASE(s->mstepper);
		return;
	}
	ses_managed_abandon_step(s);
}

static void cancel_stale_steppers(struct ses *s, bool deactivate)
{
	for (size_t i = 0; i < s->nstale_steppers; i++) {
		if (deactivate)
			COM(s->stale_steppers[i], Deactivate);
		COM_RELEASE(s->stale_steppers[i]);
	}
	s->nstale_steppers = 0;
}

/* ---- stacks ---- */

int ses_managed_backtrace(struct ses *s, pid_t tid, struct ses_frame **out, size_t *n,
			  struct user_regs_struct *leaf, bool *has_leaf, struct mx_err *err)
{
	*has_leaf = false;
	ICorDebugThread *t = NULL;
	if (COM(s->clr->process, GetThread, (DWORD)tid, &t) < 0 || !t)
		return mx_err_set(err, "thread %d runs no managed code", (int)tid);
	struct clr_frame *frames;
	size_t nf;
	int r = clr_stack(s->clr, t, &frames, &nf, err);
	COM_RELEASE(t);
	if (r != 0)
		return -1;
	struct ses_frame *v = xcalloc(nf ? nf : 1, sizeof(*v));
	if (nf && frames[0].il && frames[0].has_regs) {
		*leaf = frames[0].regs;
		*has_leaf = true;
	}
	for (size_t i = 0; i < nf; i++) {
		v[i].managed = true;
		v[i].rt_index = (int)i;
		if (frames[i].has_regs) {
			v[i].pc = frames[i].regs.rip;
			v[i].sp = frames[i].regs.rsp;
		}
		if (frames[i].il) {
			struct ses_where *w = &v[i].where;
			mx_strlcpy(w->func, frames[i].where.func, sizeof(w->func));
			mx_strlcpy(w->file, frames[i].where.file, sizeof(w->file));
			mx_strlcpy(w->module, frames[i].where.module, sizeof(w->module));
			w->line = frames[i].where.line;
			w->line_start = true;
			v[i].il = frames[i].where.il;
		} else {
			mx_strlcpy(v[i].label, frames[i].label, sizeof(v[i].label));
		}
	}
	clr_stack_free(frames, nf);
	*out = v;
	*n = nf;
	return 0;
}

int ses_managed_leaf_regs(struct ses *s, pid_t tid, struct user_regs_struct *leaf)
{
	struct ses_frame *v = NULL;
	size_t n = 0;
	bool has_leaf = false;
	if (ses_managed_backtrace(s, tid, &v, &n, leaf, &has_leaf, NULL) != 0)
		return -1;
	free(v);
	return has_leaf ? 0 : -1;
}

int ses_managed_thread_where(struct ses *s, pid_t tid, struct ses_where *w)
{
	if (!s->mstopped)
		return -1;
	ICorDebugThread *t = NULL;
	ICorDebugFrame *f = NULL;
	struct clr_where cw;
	int r = -1;
	if (COM(s->clr->process, GetThread, (DWORD)tid, &t) >= 0 && t &&
	    COM(t, GetActiveFrame, &f) >= 0 && f && clr_describe_frame(s->clr, f, &cw)) {
		memset(w, 0, sizeof(*w));
		mx_strlcpy(w->func, cw.func, sizeof(w->func));
		mx_strlcpy(w->file, cw.file, sizeof(w->file));
		mx_strlcpy(w->module, cw.module, sizeof(w->module));
		w->line = cw.line;
		r = 0;
	}
	COM_RELEASE(f);
	COM_RELEASE(t);
	return r;
}

int ses_managed_selftest(struct ses *s, const char *exception_type,
			 void (*report)(void *ctx, bool ok, const char *what), void *ctx,
			 struct mx_err *err)
{
	if (!s->mstopped || !s->mstop_thread)
		return mx_err_set(err,
				  "the check needs a managed stop (a breakpoint or exception)");
	return clr_selftest(s->clr, s->mstop_thread, exception_type, report, ctx);
}

/* ---- variables ---- */

/* Frame `want` of the current thread, as an IL frame with its module (references the caller
 * releases), or -1 with err. */
static int il_frame_at(struct ses *s, int want, ICorDebugILFrame **ilf, struct clr_module **cm,
		       mdMethodDef *tok, uint32_t *il, struct mx_err *err)
{
	ICorDebugThread *t = NULL;
	if (COM(s->clr->process, GetThread, (DWORD)s->cur_tid, &t) < 0 || !t)
		return mx_err_set(err, "thread %d runs no managed code", (int)s->cur_tid);
	struct clr_frame *frames;
	size_t n;
	int r = clr_stack(s->clr, t, &frames, &n, err);
	COM_RELEASE(t);
	if (r != 0)
		return -1;
	r = -1;
	if (want < 0 || (size_t)want >= n || !frames[want].il) {
		mx_err_set(err, "frame %d is not a managed method (no variables)", want);
	} else if (COM(frames[want].frame, QueryInterface, &IID_ICorDebugILFrame, (void **)ilf) >=
		   0) {
		ICorDebugFunction *fn = NULL;
		ICorDebugModule *m = NULL;
		if (COM(frames[want].frame, GetFunction, &fn) >= 0 && COM(fn, GetModule, &m) >= 0)
			*cm = clr_module_find(s->clr, m);
		COM_RELEASE(m);
		COM_RELEASE(fn);
		*tok = frames[want].where.token;
		*il = frames[want].where.il;
		r = *cm ? 0 : mx_err_set(err, "the frame's module is unknown");
		if (r != 0)
			COM_RELEASE(*ilf);
	}
	clr_stack_free(frames, n);
	return r;
}

/* The selected frame of the current thread (see il_frame_at). */
static int selected_il_frame(struct ses *s, ICorDebugILFrame **ilf, struct clr_module **cm,
			     mdMethodDef *tok, uint32_t *il, struct mx_err *err)
{
	/* the selected level counts native frames too (stack.c): the runtime's index */
	const struct ses_frame *f;
	size_t n;
	int level = ses_current_frame(s);
	if (ses_backtrace(s, s->cur_tid, &f, &n, err) != 0)
		return -1;
	if (level < 0 || (size_t)level >= n || f[level].rt_index < 0)
		return mx_err_set(err, "frame %d is not a managed method", level);
	return il_frame_at(s, f[level].rt_index, ilf, cm, tok, il, err);
}

int ses_managed_top_il_frame(struct ses *s, ICorDebugILFrame **ilf, struct clr_module **cm,
			     mdMethodDef *tok, uint32_t *il, struct mx_err *err)
{
	if (!s->mstopped)
		return mx_err_set(err, "not at a managed stop");
	return il_frame_at(s, 0, ilf, cm, tok, il, err);
}

size_t ses_managed_line_pinvokes(struct ses *s, struct ses_pinvoke *out, size_t max)
{
	ICorDebugILFrame *ilf = NULL;
	struct clr_module *cm = NULL;
	mdMethodDef tok;
	uint32_t il, start, end;
	if (!s->mstopped || il_frame_at(s, 0, &ilf, &cm, &tok, &il, NULL) != 0)
		return 0;
	COM_RELEASE(ilf);
	struct meta_method_body body;
	if (!cm->img || !clr_sym_line_range(cm, tok, il, &start, &end) ||
	    meta_method_body(cm->img, tok, &body, NULL) != 0)
		return 0;
	uint32_t called[64];
	size_t ncalled = meta_il_calls(body.code, body.code_size, start, end, called, 64);
	size_t n = 0;
	for (size_t i = 0; i < ncalled && n < max; i++) {
		const char *lib = NULL, *entry = NULL;
		if (META_TOKEN_TABLE(called[i]) != META_T_METHODDEF ||
		    meta_pinvoke(cm->img, called[i], &lib, &entry) != 1 || !lib || !entry)
			continue;
		mx_strlcpy(out[n].library, lib, sizeof(out[n].library));
		mx_strlcpy(out[n].entry, entry, sizeof(out[n].entry));
		n++;
	}
	return n;
}

/* One variable of a frame, read before any is shown. */
struct frame_var {
	char name[128];
	ICorDebugValue *v; /* NULL: not available (why) */
	HRESULT why;
};

/* Calls fn for each argument (`this` first for an instance method) or each local in scope of
 * an IL frame; name filters to one variable (NULL: all). Returns how many were seen. Every
 * value is read before the first is shown: showing one may run its ToString() in the program
 * (feval.c), and that neuters the frame (CORDBG_E_OBJECT_NEUTERED from then on; the values
 * already read stay valid). */
struct vars_read {
	struct frame_var *vars;
	size_t n, cap;
};

static int read_var(void *arg, const char *name, ICorDebugValue *v, HRESULT hr)
{
	struct vars_read *vr = arg;
	xgrow((void **)&vr->vars, &vr->cap, vr->n + 1, sizeof(*vr->vars));
	struct frame_var *fv = &vr->vars[vr->n++];
	mx_strlcpy(fv->name, name, sizeof(fv->name));
	fv->v = v;
	fv->why = hr;
	if (v)
		COM(v, AddRef);
	return 0;
}

static int il_frame_vars(struct clr *c, ICorDebugILFrame *ilf, struct clr_module *cm,
			 mdMethodDef tok, uint32_t il, bool args, const char *name,
			 void (*fn)(void *arg, const char *name, const char *value), void *arg)
{
	struct vars_read vr = {0};
	clr_frame_values(c, ilf, cm, tok, il, args, name, read_var, &vr);
	char text[4096], declared[512], dynamic[512];
	for (size_t i = 0; i < vr.n; i++) {
		if (vr.vars[i].v) {
			clr_value_contents(c, vr.vars[i].v, text, sizeof(text));
			if (meval_frame_declared(cm, tok, il, vr.vars[i].name, declared,
						 sizeof(declared)) &&
			    meval_declared_differs(c, declared, vr.vars[i].v, dynamic,
						   sizeof(dynamic)))
				meval_prefix_declared(declared, text, sizeof(text));
		} else
			snprintf(text, sizeof(text), "<not available: %s>", clr_hr(vr.vars[i].why));
		fn(arg, vr.vars[i].name, text);
		COM_RELEASE(vr.vars[i].v);
	}
	free(vr.vars);
	return (int)vr.n;
}

static int managed_vars(struct ses *s, bool args, const char *name,
			void (*fn)(void *arg, const char *name, const char *value), void *arg,
			struct mx_err *err)
{
	ICorDebugILFrame *ilf = NULL;
	struct clr_module *cm = NULL;
	mdMethodDef tok = 0;
	uint32_t il = 0;
	if (selected_il_frame(s, &ilf, &cm, &tok, &il, err) != 0)
		return -1;
	int count = il_frame_vars(s->clr, ilf, cm, tok, il, args, name, fn, arg);
	COM_RELEASE(ilf);
	return count;
}

int ses_managed_frame_function(struct ses *s, ICorDebugFunction **fn, bool *has_this,
			       struct mx_err *err)
{
	ICorDebugILFrame *ilf = NULL;
	struct clr_module *cm = NULL;
	mdMethodDef tok = 0;
	uint32_t il = 0;
	if (selected_il_frame(s, &ilf, &cm, &tok, &il, err) != 0)
		return -1;
	struct meta_method_attrs attrs = {0};
	if (cm->img)
		meta_method_attrs(cm->img, tok, &attrs, NULL);
	*has_this = attrs.has_this;
	HRESULT hr = COM(ilf, GetFunction, fn);
	COM_RELEASE(ilf);
	return hr >= 0 ? 0 : mx_err_set(err, "the frame's method cannot be read: %s", clr_hr(hr));
}

int ses_managed_var_value(struct ses *s, const char *name, ICorDebugValue **out, struct mx_err *err)
{
	ICorDebugILFrame *ilf = NULL;
	struct clr_module *cm = NULL;
	mdMethodDef tok = 0;
	uint32_t il = 0;
	*out = NULL;
	if (selected_il_frame(s, &ilf, &cm, &tok, &il, err) != 0)
		return -1;
	/* a local hides an argument of the same name (C# forbids both; IL allows it) */
	struct meta_local *locals = NULL;
	size_t n = 0;
	if (cm->pdb && meta_pdb_locals(cm->pdb, tok, il, &locals, &n, NULL) == 0)
		for (size_t i = 0; i < n && !*out; i++)
			if (!locals[i].hidden && strcmp(locals[i].name, name) == 0 &&
			    COM(ilf, GetLocalVariable, locals[i].index, out) < 0)
				*out = NULL;
	free(locals);
	struct meta_method_attrs attrs = {0};
	if (!*out && cm->img && meta_method_attrs(cm->img, tok, &attrs, NULL) == 0) {
		uint32_t count = attrs.param_count + (attrs.has_this ? 1 : 0);
		for (uint32_t i = 0; i < count && !*out; i++) {
			const char *pname = NULL;
			if (attrs.has_this && i == 0)
				pname = "this";
			else
				meta_method_param_name(cm->img, tok, attrs.has_this ? i : i + 1,
						       &pname, NULL);
			if (pname && strcmp(pname, name) == 0 && COM(ilf, GetArgument, i, out) < 0)
				*out = NULL;
		}
	}
	COM_RELEASE(ilf);
	if (!*out)
		return mx_err_set(err, "The name '%s' does not exist in the current context", name);
	return 0;
}

/* At a native stop: the variables of a managed frame, read from the runtime's memory
 * through the read-only process over our data target (clr/snapshot.h). */
struct snap_vars {
	struct ses *s;
	bool args;
	void (*fn)(void *arg, const char *name, const char *value);
	void *arg;
	struct mx_err *err;
};

static int snap_frame_vars(void *arg, ICorDebugFrame *f)
{
	struct snap_vars *sv = arg;
	ICorDebugILFrame *ilf = NULL;
	ICorDebugFunction *fn = NULL;
	ICorDebugModule *m = NULL;
	struct clr_module *cm = NULL;
	mdMethodDef tok = 0;
	ULONG32 il = 0;
	CorDebugMappingResult map;
	int r = -1;
	if (COM(f, QueryInterface, &IID_ICorDebugILFrame, (void **)&ilf) >= 0 &&
	    COM(ilf, GetIP, &il, &map) >= 0 && COM(f, GetFunction, &fn) >= 0 &&
	    COM(fn, GetToken, &tok) >= 0 && COM(fn, GetModule, &m) >= 0 &&
	    (cm = clr_module_find(sv->s->clr, m)) != NULL)
		r = il_frame_vars(sv->s->clr, ilf, cm, tok, il, sv->args, NULL, sv->fn, sv->arg);
	else
		mx_err_set(sv->err, "cannot read that managed frame");
	COM_RELEASE(m);
	COM_RELEASE(fn);
	COM_RELEASE(ilf);
	return r;
}

static size_t snap_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	if (ses_read_memory(ctx, addr, buf, len, NULL) == 0)
		return len;
	size_t got = 0;
	while (got < len) {
		size_t chunk = 4096 - ((addr + got) & 4095);
		if (chunk > len - got)
			chunk = len - got;
		if (ses_read_memory(ctx, addr + got, (char *)buf + got, chunk, NULL) != 0)
			break;
		got += chunk;
	}
	return got;
}

static int snap_regs(void *ctx, pid_t tid, struct user_regs_struct *r)
{
	return ses_get_regs(ctx, tid, r, NULL);
}

int ses_managed_native_stop_vars(struct ses *s, uint64_t ip, bool args,
				 void (*fn)(void *arg, const char *name, const char *value),
				 void *arg, struct mx_err *err)
{
	struct clr_dt_ops ops = {.read_mem = snap_read, .get_regs = snap_regs, .ctx = s};
	struct snap_vars sv = {.s = s, .args = args, .fn = fn, .arg = arg, .err = err};
	return clr_snapshot_with_frame(s->clr, &ops, s->cur_tid, ip, snap_frame_vars, &sv, err);
}

int ses_managed_frame_vars(struct ses *s, bool args,
			   void (*fn)(void *arg, const char *name, const char *value), void *arg,
			   struct mx_err *err)
{
	return managed_vars(s, args, NULL, fn, arg, err);
}

int ses_managed_print(struct ses *s, const char *expr, char *out, size_t outlen, struct mx_err *err)
{
	char name[32];
	size_t skip = strspn(expr, " ");
	mx_strlcpy(name, expr + skip, sizeof(name));
	name[strcspn(name, " ")] = 0;
	if (strcmp(name, "$exception") == 0 &&
	    expr[skip + strlen(name) + strspn(expr + skip + strlen(name), " ")] == 0)
		return ses_exception_print(s, out, outlen, err); /* {Type: message} */
	struct meval_opts o = {0};
	return ses_meval_print(s, expr, &o, out, outlen, err);
}

/* ---- modules ---- */

void ses_managed_sources(struct ses *s, void (*fn)(void *ctx, const char *path), void *ctx)
{
	for (size_t i = 0; s->clr && i < s->clr->nmods; i++) {
		const struct meta_pdb *pdb = s->clr->mods[i].pdb;
		uint32_t n = pdb ? meta_pdb_document_count(pdb) : 0;
		for (uint32_t d = 1; d <= n; d++) {
			const struct meta_document *doc = meta_pdb_document(pdb, d);
			if (doc && doc->name && doc->name[0])
				fn(ctx, doc->name);
		}
	}
}

size_t ses_managed_module_count(const struct ses *s)
{
	return s->clr ? s->clr->nmods : 0;
}

void ses_managed_module_at(const struct ses *s, size_t i, struct ses_module_info *out)
{
	const struct clr_module *cm = &s->clr->mods[i];
	memset(out, 0, sizeof(*out));
	out->path = cm->path;
	out->lo = cm->base;
	out->hi = cm->base;
	out->has_dwarf = cm->pdb != NULL; /* "symbols" for a managed module: its PDB */
	out->managed = true;
}

/* ---- attach ---- */

bool ses_managed_probe(struct ses *s, pid_t pid, struct clr_runtime *rt)
{
	clr_app_free(&s->app);
	if (s->native_only)
		return false;
	struct mx_err err;
	int r = clr_runtime_find(pid, rt, &err);
	if (r < 0) {
		char msg[700];
		snprintf(msg, sizeof(msg), "debugging native code only: %s", err.msg);
		note_text(s, msg);
	}
	if (r != 1)
		return false;
	s->app.kind = CLR_APP_HOST; /* a .NET process: the runtime's signals pass quietly */
	return true;
}

/* The runtime accepts a debugger only if its transport is listening: the FIFO pair
 * $TMPDIR/clr-debug-pipe-PID-KEY-{in,out} (dotnet/runtime pal/src/thread/process.cpp,
 * PAL_GetTransportPipeName). DOTNET_EnableDiagnostics=0 means there is none. */
static bool transport_listening(pid_t pid)
{
	uint64_t key;
	if (clr_process_key(pid, &key, NULL) != 0)
		return false;
	const char *tmp = getenv("TMPDIR");
	char path[4200];
	snprintf(path, sizeof(path), "%s/clr-debug-pipe-%d-%" PRIu64 "-in",
		 tmp && *tmp ? tmp : "/tmp", (int)pid, key);
	return access(path, F_OK) == 0;
}

int ses_managed_attach(struct ses *s, const struct clr_runtime *rt)
{
	char msg[800];
	struct mx_err err = {{0}};
	if (!transport_listening(s->pid)) {
		snprintf(msg, sizeof(msg),
			 "process %d runs .NET but its runtime accepts no debugger (it was started "
			 "with DOTNET_EnableDiagnostics=0?)%s",
			 (int)s->pid, s->managed_only ? "" : ": debugging its native code only");
		note_text(s, msg);
		return -1;
	}
	/* ICorDebug talks to the runtime's own threads: they must run while it attaches
	 * (managed-only: they run untraced from now on) */
	if ((s->managed_only ? ses_untrace(s, &err) : ses_send_continue(s, &err)) != 0)
		goto failed;
	if (clr_attach(&s->clr, s->pid, rt, &err) != 0)
		goto stop_native;
	s->attaching = true;
	s->attach_threads_expected = 1 << 30;
	s->attach_threads_seen = 0;
	struct ses_stop st;
	if (ses_wait_event(s, &st, &err) != 0)
		goto failed;
	ses_report_stop(s, &st);
	return 0;
stop_native:
	snprintf(msg, sizeof(msg), "managed debugging is not available: %s", err.msg);
	note_text(s, msg);
	if (s->managed_only)
		return -1; /* untraced already: the caller lets it go */
	ses_call(s, TR_REQ_INTERRUPT, NULL, 0, NULL, NULL);
	{
		struct ses_stop st;
		if (ses_wait_event(s, &st, &err) == 0)
			ses_report_stop(s, &st);
	}
	return 0;
failed:
	snprintf(msg, sizeof(msg), "attaching to the runtime failed: %s", err.msg);
	note_text(s, msg);
	return s->managed_only && !s->clr ? -1 : 0;
}

/* ---- entry point, detach, settings ---- */

int ses_managed_break_entry(struct ses *s, char *msg, size_t msglen, struct mx_err *err)
{
	struct meta_image *img = NULL;
	if (meta_image_open(s->app.assembly, &img, err) != 0)
		return -1;
	uint32_t ep = meta_entry_point(img);
	char *name = NULL;
	int r = 0;
	if (!ep || meta_method_full_name(img, ep, &name, NULL) != 0)
		r = mx_err_set(err, "%s has no entry point (Main)", s->app.assembly);
	meta_image_close(img);
	if (r != 0)
		return -1;
	r = ses_break(s, name, true, NULL, msg, msglen, err);
	free(name);
	return r;
}

void ses_managed_detach(struct ses *s)
{
	if (!s->clr)
		return;
	drop_stop_state(s);
	drop_managed_locs(s);
	if (!s->clr->exited) {
		/* ICorDebug detaches only from a synchronized process */
		COM(s->clr->process, Stop, 0);
		struct mx_err err;
		if (clr_detach(s->clr, &err) != 0)
			note_text(s, err.msg);
	}
	clr_free(s->clr);
	s->clr = NULL;
}

void ses_set_native_only(struct ses *s, bool on)
{
	s->native_only = on;
}

bool ses_native_only(const struct ses *s)
{
	return s->native_only;
}

void ses_set_print_events(struct ses *s, bool on)
{
	s->print_events = on;
}

void ses_set_jmc(struct ses *s, bool on)
{
	s->jmc = on;
}

bool ses_jmc(const struct ses *s)
{
	return s->jmc;
}

bool ses_is_managed(const struct ses *s)
{
	return s->clr != NULL;
}

/* ---- frames for the evaluator (meval.c) ---- */

int ses_managed_eval_frame(struct ses *s, bool leaf, pid_t tid, ICorDebugILFrame **ilf,
			   struct clr_module **cm, mdMethodDef *tok, uint32_t *il,
			   struct mx_err *err)
{
	*ilf = NULL;
	*cm = NULL;
	/* leaf: a breakpoint's condition, tested in the runtime's callback (before the stop) */
	if (!s->clr || (!leaf && !s->mstopped))
		return mx_err_set(err, "C# expressions are evaluated only at a managed stop");
	if (!leaf)
		return selected_il_frame(s, ilf, cm, tok, il, err);
	pid_t saved = s->cur_tid;
	s->cur_tid = tid;
	int r = il_frame_at(s, 0, ilf, cm, tok, il, err);
	s->cur_tid = saved;
	return r;
}
