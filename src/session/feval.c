/* feval.c: function evaluation at a managed stop (see feval.h for what runs meanwhile and
 * what breakpoints and exceptions do).
 *
 * Runtime facts relied on (dotnet/runtime src/coreclr/debug/di/eval.cpp, rspriv.h, and
 * ICorDebugEval's documentation):
 * - ICorDebugThread::CreateEval then CallFunction/CallParameterizedFunction/NewString only set
 *   the evaluation up; it runs when the process is continued, and ends with an EvalComplete or
 *   EvalException callback. The process is stopped (synchronized) in that callback, at the
 *   same place as before: the stop goes on from there until the next Continue.
 * - Continue resumes every managed thread unless ICorDebugThread::SetDebugState (or
 *   ICorDebugProcess::SetAllThreadsDebugState) says THREAD_SUSPEND.
 * - ICorDebugEval::Abort asks the thread to abort the evaluation (a thread abort at the next
 *   point the runtime can raise one); the evaluation then ends with one of the two callbacks
 *   (GetResult: CORDBG_S_FUNC_EVAL_ABORTED). ICorDebugEval2::RudeAbort also skips the
 *   evaluated code's finally blocks; either may never complete (a thread stuck in native code).
 * - An evaluation cannot start on a thread that is not at a GC-safe point, is in optimized
 *   code or in native code: CallFunction fails with the reason (CORDBG_E_ILLEGAL_AT_GC_UNSAFE_
 *   POINT, CORDBG_E_ILLEGAL_IN_OPTIMIZED_CODE, CORDBG_E_ILLEGAL_IN_NATIVE_CODE, ...).
 */
#include "session/feval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clr/dbi.h"
#include "clr/mcall.h"
#include "clr/mtype.h"
#include "clr/mvalue.h"
#include "clr/symbols.h"
#include "session/meval.h"
#include "session/ses_internal.h"
#include "util/str.h"
#include "util/xalloc.h"

struct ses_abandoned_eval {
	ICorDebugEval *eval;
	char what[512]; /* the function, for the message when it ends */
};

static uint64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void note_text(struct ses *s, const char *text)
{
	struct ses_note n = {.kind = SES_NOTE_MESSAGE, .text = text};
	s->notify(s->notify_ctx, &n);
}

/* ---- settings ---- */

bool ses_feval_implicit(const struct ses *s)
{
	return s->eval_implicit;
}

void ses_feval_set_implicit(struct ses *s, bool on)
{
	s->eval_implicit = on;
}

uint32_t ses_feval_timeout(const struct ses *s)
{
	return s->eval_timeout_ms;
}

void ses_feval_set_timeout(struct ses *s, uint32_t ms)
{
	s->eval_timeout_ms = ms ? ms : 1;
}

bool ses_feval_set_explicit(struct ses *s, bool on)
{
	bool was = s->eval_explicit;
	s->eval_explicit = on;
	return was;
}

/* ---- the session's side ---- */

void ses_feval_forget(struct ses *s)
{
	for (size_t i = 0; i < s->nabandoned; i++)
		COM_RELEASE(s->abandoned[i].eval);
	free(s->abandoned);
	s->abandoned = NULL;
	s->nabandoned = s->cap_abandoned = 0;
	s->feval_waiting = NULL;
	s->feval_deadline_ms = 0;
}

/* "Exception of type 'System.X' was thrown: message" for an exception object (a reference). */
static void exception_message(struct ses *s, ICorDebugValue *exc, char *buf, size_t len)
{
	char type[256] = "", msg[512] = "";
	ICorDebugType *t = NULL;
	if (clr_value_type(exc, &t) == 0)
		clr_type_name(s->clr, t, type, sizeof(type));
	if (!type[0])
		snprintf(type, sizeof(type), "?");
	COM_RELEASE(t);
	ICorDebugReferenceValue *ref = NULL;
	ICorDebugValue *obj = NULL;
	ICorDebugObjectValue *ov = NULL;
	if (COM(exc, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) >= 0 &&
	    COM(ref, Dereference, &obj) >= 0 &&
	    COM(obj, QueryInterface, &IID_ICorDebugObjectValue, (void **)&ov) >= 0)
		clr_exception_message(s->clr, ov, msg, sizeof(msg));
	COM_RELEASE(ov);
	COM_RELEASE(obj);
	COM_RELEASE(ref);
	snprintf(buf, len, "Exception of type '%s' was thrown%s%s", type, msg[0] ? ": " : "", msg);
}

/* Managed threads other than the evaluating one stay suspended while evaluations are under
 * way (waited for or abandoned at a breakpoint), and run again once none is. */
static void other_threads(struct ses *s, bool suspend, ICorDebugThread *except)
{
	COM(s->clr->process, SetAllThreadsDebugState, suspend ? THREAD_SUSPEND : THREAD_RUN,
	    suspend ? except : NULL);
}

int ses_feval_event(struct ses *s, const struct clr_event *ev, struct ses_stop *st)
{
	if (s->feval_waiting && ev->eval == s->feval_waiting) {
		st->eval_done = true;
		st->eval_exception = ev->kind == CLR_EV_EVAL_EXCEPTION;
		st->managed = true;
		st->tid = clr_thread_tid(ev->thread);
		s->mstopped = true; /* the stop goes on where the evaluation started */
		return 1;
	}
	for (size_t i = 0; i < s->nabandoned; i++) {
		if (s->abandoned[i].eval != ev->eval)
			continue;
		char text[1400], value[800] = "";
		ICorDebugValue *v = NULL;
		HRESULT hr = COM(ev->eval, GetResult, &v);
		if (ev->kind == CLR_EV_EVAL_EXCEPTION && v) {
			exception_message(s, v, value, sizeof(value));
			snprintf(text, sizeof(text),
				 "The function called from the debugger (%s) has ended: %s",
				 s->abandoned[i].what, value);
		} else {
			if (v)
				clr_value_text(s->clr, v, value, sizeof(value));
			snprintf(text, sizeof(text),
				 "The function called from the debugger (%s) has returned%s%s",
				 s->abandoned[i].what,
				 v	   ? ": "
				 : hr >= 0 ? " (void)"
					   : "",
				 value);
		}
		COM_RELEASE(v);
		COM_RELEASE(s->abandoned[i].eval);
		s->abandoned[i] = s->abandoned[--s->nabandoned];
		if (!s->nabandoned && !s->feval_waiting)
			other_threads(s, false, NULL);
		note_text(s, text);
		return 2;
	}
	return 0;
}

/* What every evaluation and every look-up for one needs: a managed stop. */
static int need_managed_stop(struct ses *s, struct mx_err *err)
{
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	if (!s->clr)
		return mx_err_set(err,
				  "function evaluation needs a .NET program stopped in managed "
				  "code (this program runs no managed code)");
	if (!s->mstopped)
		return mx_err_set(
		    err, "function evaluation needs a managed stop: at a native stop the "
			 "tracer holds the runtime's threads and ICorDebug cannot run code "
			 "(stop in C# code first, e.g. at a breakpoint there)");
	return 0;
}

/* The thread to evaluate on, after the checks every evaluation needs. */
static int eval_thread(struct ses *s, ICorDebugThread **t, struct mx_err *err)
{
	if (need_managed_stop(s, err) != 0)
		return -1;
	if (s->feval_waiting)
		return mx_err_set(err, "an evaluation is already under way");
	if (COM(s->clr->process, GetThread, (DWORD)s->cur_tid, t) < 0 || !*t)
		return mx_err_set(err,
				  "thread %d runs no managed code: nothing can be evaluated on it",
				  (int)s->cur_tid);
	return 0;
}

/* Waits until the evaluation ends, the deadline passes (0) or something else stops the program
 * (2: st filled). 1: ended (st->eval_done). -1: the program is gone or the wait failed. */
static int wait_eval(struct ses *s, ICorDebugEval *e, uint64_t deadline, bool skip_stops,
		     struct ses_stop *st, struct mx_err *err)
{
	s->feval_waiting = e;
	s->feval_deadline_ms = deadline;
	s->feval_skip_stops = skip_stops;
	s->feval_interrupted = false;
	int r = ses_wait_event(s, st, err);
	s->feval_waiting = NULL;
	s->feval_deadline_ms = 0;
	s->feval_skip_stops = false;
	if (r != 0)
		return -1;
	if (st->kind == SES_STOP_EXITED)
		return mx_err_set(err, "The program exited while the function was evaluated.");
	if (st->eval_timeout)
		return 0;
	return st->eval_done ? 1 : 2;
}

/* After a timeout: Abort, then RudeAbort; 1 once the evaluation ended, -1 (err set) if it
 * could not be ended or the program is gone. */
static int abort_eval(struct ses *s, ICorDebugEval *e, struct ses_stop *st, struct mx_err *err)
{
	/* how long each kind of abort is given to complete */
	const uint64_t grace_ms = 3000;
	HRESULT hr = COM(e, Abort);
	int r = hr >= 0 ? wait_eval(s, e, now_ms() + grace_ms, true, st, err) : 0;
	if (r != 0)
		return r < 0 ? -1 : 1;
	ICorDebugEval2 *e2 = NULL;
	HRESULT hr2 = COM(e, QueryInterface, &IID_ICorDebugEval2, (void **)&e2);
	if (hr2 >= 0)
		hr2 = COM(e2, RudeAbort);
	COM_RELEASE(e2);
	r = hr2 >= 0 ? wait_eval(s, e, now_ms() + grace_ms, true, st, err) : 0;
	if (r != 0)
		return r < 0 ? -1 : 1;
	/* still running: stop the program so that the user can look at it */
	char a[160], b[160];
	snprintf(a, sizeof(a), "%s", hr >= 0 ? "no effect" : clr_hr(hr));
	snprintf(b, sizeof(b), "%s", hr2 >= 0 ? "no effect" : clr_hr(hr2));
	HRESULT hs = COM(s->clr->process, Stop, 0);
	if (hs >= 0) {
		s->mstopped = true;
		ses_freeze_at_managed_stop(s);
	}
	return mx_err_set(err,
			  "could not abort the evaluation (Abort: %s; RudeAbort: %s): the thread "
			  "still runs it%s",
			  a, b,
			  hs >= 0 ? "; the program is stopped"
				  : "; the program could not be stopped either");
}

/* Runs a started evaluation e on thread t to its end and takes its result. what names it for
 * messages. */
static int run_eval(struct ses *s, ICorDebugThread *t, ICorDebugEval *e, const char *what,
		    ICorDebugValue **result, ICorDebugValue **exc_out, struct mx_err *err)
{
	bool implicit = !s->eval_explicit;
	pid_t tid = s->cur_tid;
	int frame = s->cur_frame;
	uint64_t pc = s->last_stop_pc;
	*result = NULL;
	if (exc_out)
		*exc_out = NULL;
	other_threads(s, true, t);
	if (clr_continue(s->clr, err) != 0) {
		if (!s->nabandoned)
			other_threads(s, false, NULL);
		return -1;
	}
	s->mstopped = false;
	ses_thaw(s); /* the evaluating thread (and the native ones) were held by the tracer */
	struct ses_stop st;
	int r = wait_eval(s, e, now_ms() + s->eval_timeout_ms, implicit, &st, err);
	bool timed_out = false, interrupted = false;
	if (r == 0) {
		timed_out = true;
		interrupted = s->feval_interrupted; /* (the abort's own waits reset it) */
		r = abort_eval(s, e, &st, err);
	}
	if (r < 0)
		return -1;
	if (r == 2) {
		/* an explicit call stopped at a breakpoint: that stop is the user's now */
		xgrow((void **)&s->abandoned, &s->cap_abandoned, s->nabandoned + 1,
		      sizeof(*s->abandoned));
		struct ses_abandoned_eval *ab = &s->abandoned[s->nabandoned++];
		ab->eval = e;
		COM(e, AddRef);
		mx_strlcpy(ab->what, what, sizeof(ab->what));
		ses_report_stop(s, &st);
		return mx_err_set(
		    err,
		    "The program being debugged stopped while in a function called "
		    "from the debugger.\nEvaluation of the expression containing the "
		    "function (%s) will be abandoned.\nWhen the function is done "
		    "executing, the program stops again where it was called, with its "
		    "result.",
		    what);
	}
	/* the same stop as before: same thread, same selected frame (stacks are read again) */
	s->cur_tid = tid;
	s->cur_frame = frame;
	s->last_stop_pc = pc;
	if (!s->nabandoned)
		other_threads(s, false, NULL);
	if (timed_out) {
		if (interrupted)
			return mx_err_set(err, "The evaluation was interrupted and aborted");
		return mx_err_set(err, "The evaluation timed out after %g s and was aborted",
				  s->eval_timeout_ms / 1000.0);
	}
	ICorDebugValue *v = NULL;
	HRESULT hr = COM(e, GetResult, &v);
	if (st.eval_exception) {
		if (!v)
			return mx_err_set(err, "The evaluation ended with an exception: %s",
					  clr_hr(hr));
		char msg[900];
		exception_message(s, v, msg, sizeof(msg));
		if (exc_out)
			*exc_out = v;
		else
			COM_RELEASE(v);
		return mx_err_set(err, "%s", msg);
	}
	if (hr < 0)
		return mx_err_set(err, "the evaluation has no result: %s", clr_hr(hr));
	*result = v; /* NULL for a void function (CORDBG_S_FUNC_EVAL_HAS_NO_RESULT) */
	return 0;
}

static void function_name(struct ses *s, ICorDebugFunction *fn, char *buf, size_t len)
{
	ICorDebugModule *m = NULL;
	mdMethodDef tok = 0;
	struct clr_module *cm = NULL;
	if (COM(fn, GetModule, &m) >= 0 && COM(fn, GetToken, &tok) >= 0)
		cm = clr_module_find(s->clr, m);
	if (cm)
		clr_sym_method_name(cm, tok, buf, len);
	else
		snprintf(buf, len, "a function");
	COM_RELEASE(m);
}

int ses_feval_call(struct ses *s, ICorDebugFunction *fn, ICorDebugType **targs, size_t ntargs,
		   ICorDebugValue **args, size_t nargs, ICorDebugValue **result,
		   ICorDebugValue **exc_out, struct mx_err *err)
{
	ICorDebugThread *t = NULL;
	ICorDebugEval *e = NULL;
	if (eval_thread(s, &t, err) != 0)
		return -1;
	int r = -1;
	char what[512];
	function_name(s, fn, what, sizeof(what));
	if (clr_eval_call(t, fn, targs, ntargs, args, nargs, &e, err) == 0)
		r = run_eval(s, t, e, what, result, exc_out, err);
	COM_RELEASE(e);
	COM_RELEASE(t);
	return r;
}

int ses_feval_new_string(struct ses *s, const char *utf8, ICorDebugValue **out, struct mx_err *err)
{
	ICorDebugThread *t = NULL;
	ICorDebugEval *e = NULL;
	if (eval_thread(s, &t, err) != 0)
		return -1;
	int r = -1;
	if (clr_eval_new_string(t, utf8, &e, err) == 0)
		r = run_eval(s, t, e, "a new string", out, NULL, err);
	COM_RELEASE(e);
	COM_RELEASE(t);
	return r;
}

/* ---- calls by name ---- */

/* An argument's type as C# names it, for messages ("<null>" for a null reference). */
static void arg_type_text(struct ses *s, ICorDebugValue *arg, char *buf, size_t len)
{
	ICorDebugReferenceValue *ref = NULL;
	BOOL is_null = 0;
	if (COM(arg, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) >= 0)
		COM(ref, IsNull, &is_null);
	COM_RELEASE(ref);
	ICorDebugType *t = NULL;
	mx_strlcpy(buf, is_null ? "<null>" : "?", len);
	if (!is_null && clr_value_type(arg, &t) == 0) {
		buf[0] = 0;
		clr_type_name(s->clr, t, buf, len);
	}
	COM_RELEASE(t);
}

static int integer_to_decimal(struct ses *s, ICorDebugValue *arg, CorElementType from,
			      ICorDebugValue **box, ICorDebugValue **out, struct mx_err *err)
{
	ICorDebugGenericValue *gv = NULL;
	uint8_t raw[16] = {0};
	HRESULT hr = COM(arg, QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv);
	if (hr >= 0)
		hr = COM(gv, GetValue, raw);
	COM_RELEASE(gv);
	if (hr < 0)
		return mx_err_set(err, "cannot read the argument: %s", clr_hr(hr));
	struct mv a = {0};
	struct mdec d;
	mv_from_bytes(&a, from, raw);
	if (mv_to_dec(&a, false, &d, err) != 0)
		return -1;
	return ses_feval_new_decimal(s, &d, box, out, err);
}

/* The arguments as the chosen method takes them: numbers converted to the parameters' number
 * types (the implicit conversions the overload choice allowed: 7 for a byte, an int for a
 * double). *conv gets new references. */
static int convert_args(struct ses *s, const struct clr_method_cand *c, ICorDebugValue **args,
			size_t nargs, ICorDebugValue **conv, ICorDebugValue **held,
			struct mx_err *err)
{
	for (size_t i = 0; i < nargs; i++) {
		char ptype[256];
		CorElementType from = 0, to = 0;
		ICorDebugGenericValue *gv = NULL;
		uint8_t raw[16] = {0};
		COM(args[i], GetType, &from);
		if (clr_param_type(c->params, (uint32_t)i, ptype, sizeof(ptype)))
			to = mv_keyword_type(ptype);
		bool boxes = !strcmp(ptype, "object") || !strcmp(ptype, "System.ValueType") ||
			     !strcmp(ptype, "System.Enum");
		if (from == ELEMENT_TYPE_VALUETYPE && !boxes && !strchr(ptype, '<') &&
		    !strchr(ptype, '?') && strchr(ptype, '.')) {
			/* a struct or enum goes by value: it must be of the parameter's own type
			 * (another one would be read with the wrong size) */
			char have[256], want[256];
			arg_type_text(s, args[i], have, sizeof(have));
			snprintf(want, sizeof(want), "%s", ptype);
			clr_type_keyword_name(have, sizeof(have));
			clr_type_keyword_name(want, sizeof(want));
			if (strcmp(have, want) != 0) {
				for (size_t k = 0; k < i; k++)
					COM_RELEASE(conv[k]);
				return mx_err_set(err,
						  "error CS1503: Argument %zu: cannot convert from "
						  "'%s' to '%s'",
						  i + 1, have, want);
			}
		}
		if (boxes && (mv_is_numeric(from) || from == ELEMENT_TYPE_BOOLEAN ||
			      from == ELEMENT_TYPE_VALUETYPE)) {
			/* the runtime takes a reference for object: passing the value itself
			 * would have it read the number as an address */
			if (ses_feval_box(s, args[i], &conv[i], err) != 0) {
				for (size_t k = 0; k < i; k++)
					COM_RELEASE(conv[k]);
				return -1;
			}
			continue;
		}
		if ((!strcmp(ptype, "decimal") || !strcmp(ptype, "System.Decimal")) &&
		    mv_is_numeric(from) && from != ELEMENT_TYPE_R4 && from != ELEMENT_TYPE_R8) {
			/* an integer for a decimal: C#'s implicit conversion, to a System.Decimal
			 * made in the program (its box held until the call is done) */
			if (integer_to_decimal(s, args[i], from, &held[i], &conv[i], err) != 0) {
				for (size_t k = 0; k < i; k++)
					COM_RELEASE(conv[k]);
				return -1;
			}
			continue;
		}
		if (!to || to == from || !(mv_is_numeric(from) || from == ELEMENT_TYPE_BOOLEAN) ||
		    COM(args[i], QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv) < 0) {
			conv[i] = args[i];
			COM(conv[i], AddRef);
			continue;
		}
		struct mv a = {0}, b = {0};
		HRESULT hr = COM(gv, GetValue, raw);
		COM_RELEASE(gv);
		mv_from_bytes(&a, from, raw);
		if (hr < 0 || mv_convert(&a, to, false, &b, err) != 0) {
			for (size_t k = 0; k < i; k++)
				COM_RELEASE(conv[k]);
			return -1;
		}
		uint8_t bytes[8] = {0};
		mv_to_bytes(&b, bytes, mv_prim_size(to));
		if (ses_feval_prim(s, to, bytes, &conv[i], err) != 0) {
			for (size_t k = 0; k < i; k++)
				COM_RELEASE(conv[k]);
			return -1;
		}
	}
	return 0;
}

static void cand_signature(const struct clr_method_cand *c, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s", c->full, c->params);
}

/* No candidate takes the arguments' types: with one candidate of that many parameters, C#
 * names the first argument that does not convert (CS1503); with several, the best match. */
static void invalid_arguments(struct ses *s, const struct clr_method_cand *cands, size_t n,
			      ICorDebugValue **args, size_t nargs, struct mx_err *err)
{
	size_t k = 0, count = 0;
	for (size_t i = 0; i < n; i++)
		if (cands[i].nparams == nargs && count++ == 0)
			k = i;
	for (size_t a = 0; count == 1 && a < nargs; a++) {
		char ptype[256], have[256];
		if (!clr_param_type(cands[k].params, (uint32_t)a, ptype, sizeof(ptype)) ||
		    clr_arg_fit(args[a], ptype) != 0)
			continue;
		arg_type_text(s, args[a], have, sizeof(have));
		mx_err_set(err, "error CS1503: Argument %zu: cannot convert from '%s' to '%s'",
			   a + 1, have, ptype);
		return;
	}
	char sig[1100];
	cand_signature(&cands[k], sig, sizeof(sig));
	mx_err_set(err, "The best overloaded method match for '%s' has some invalid arguments",
		   sig);
}

int ses_feval_invoke(struct ses *s, ICorDebugValue *obj, ICorDebugType *type, const char *name,
		     ICorDebugValue **args, size_t nargs, ICorDebugValue **result,
		     struct mx_err *err)
{
	return ses_feval_invoke_generic(s, obj, type, name, NULL, 0, args, nargs, result, err);
}

int ses_feval_invoke_generic(struct ses *s, ICorDebugValue *obj, ICorDebugType *type,
			     const char *name, ICorDebugType **mtargs, size_t nmtargs,
			     ICorDebugValue **args, size_t nargs, ICorDebugValue **result,
			     struct mx_err *err)
{
	*result = NULL;
	if (!s->clr || !s->mstopped) {
		ICorDebugThread *t = NULL;
		if (eval_thread(s, &t, err) != 0)
			return -1;
		COM_RELEASE(t);
	}
	ICorDebugType *t = NULL;
	if (obj) {
		if (clr_value_type(obj, &t) != 0)
			return mx_err_set(err, "the object's type cannot be read");
	} else if (type) {
		t = type;
		COM(t, AddRef);
	} else {
		return mx_err_set(err, "a method needs an object or a type to be called on");
	}
	char tname[512] = "";
	clr_type_name(s->clr, t, tname, sizeof(tname));
	struct clr_method_cand *all = NULL;
	size_t nall = 0;
	clr_methods_named_generic(s->clr, t, name, (uint32_t)nmtargs, &all, &nall);
	COM_RELEASE(t);
	/* without an object only static methods can be called */
	struct clr_method_cand *cands = xcalloc(nall ? nall : 1, sizeof(*cands));
	size_t n = 0;
	bool instance_only = false;
	for (size_t i = 0; i < nall; i++) {
		if (!obj && !all[i].is_static) {
			instance_only = true;
			continue;
		}
		cands[n++] = all[i];
		/* Echo<long>'s T is a long: arguments are chosen and converted for that */
		clr_method_cand_substitute(s->clr, &cands[n - 1], mtargs, nmtargs);
	}
	int r = -1;
	size_t other = 0;
	int pick = n ? clr_overload_pick(cands, n, args, nargs, &other) : -4;
	if (pick == -4 && instance_only) {
		mx_err_set(err,
			   "An object reference is required for the non-static field, method, or "
			   "property '%s.%s'",
			   tname, name);
	} else if (pick == -4 && nmtargs) {
		mx_err_set(err,
			   "'%s' does not contain a generic method '%s' with %zu type "
			   "parameters",
			   tname, name, nmtargs);
	} else if (pick == -4) {
		mx_err_set(err, "'%s' does not contain a definition for '%s'", tname, name);
	} else if (pick == -1) {
		mx_err_set(err, "No overload for method '%s' takes %zu arguments", name, nargs);
	} else if (pick == -2) {
		invalid_arguments(s, cands, n, args, nargs, err);
	} else if (pick == -3) {
		char a[1100], b[1100];
		cand_signature(&cands[other], a, sizeof(a));
		size_t k = 0;
		while (k < n && (k == other || cands[k].nparams != nargs))
			k++;
		cand_signature(&cands[k < n ? k : other], b, sizeof(b));
		mx_err_set(err,
			   "The call is ambiguous between the following methods or properties: "
			   "'%s' and '%s'",
			   b, a);
	} else {
		const struct clr_method_cand *c = &cands[pick];
		ICorDebugValue **full = xcalloc(nargs + 1, sizeof(*full));
		ICorDebugValue **conv = xcalloc(nargs + 1, sizeof(*conv));
		ICorDebugValue **held = xcalloc(nargs + 1, sizeof(*held));
		size_t nfull = 0;
		if (!c->is_static)
			full[nfull++] = obj;
		if (convert_args(s, c, args, nargs, conv, held, err) != 0) {
			for (size_t i = 0; i < nargs; i++)
				COM_RELEASE(held[i]);
			free(held);
			free(conv);
			free(full);
			goto done;
		}
		for (size_t i = 0; i < nargs; i++)
			full[nfull++] = conv[i];
		/* the class's type arguments, then the method's */
		ICorDebugType *targs[32];
		size_t ntargs = clr_type_args(c->owner, targs, 16);
		for (size_t i = 0; i < nmtargs && ntargs < 32; i++) {
			targs[ntargs] = mtargs[i];
			COM(targs[ntargs], AddRef);
			ntargs++;
		}
		r = ses_feval_call(s, c->fn, targs, ntargs, full, nfull, result, NULL, err);
		for (size_t i = 0; i < ntargs; i++)
			COM_RELEASE(targs[i]);
		for (size_t i = 0; i < nargs; i++) {
			COM_RELEASE(conv[i]);
			COM_RELEASE(held[i]);
		}
		free(held);
		free(conv);
		free(full);
	}
done:
	free(cands);
	clr_method_cands_free(all, nall);
	return r;
}

int ses_feval_new_object(struct ses *s, ICorDebugType *type, ICorDebugValue **args, size_t nargs,
			 ICorDebugValue **result, struct mx_err *err)
{
	*result = NULL;
	ICorDebugThread *th = NULL;
	if (eval_thread(s, &th, err) != 0)
		return -1;
	char tname[512] = "";
	clr_type_name(s->clr, type, tname, sizeof(tname));
	struct clr_typedef want, owner;
	struct clr_method_cand *all = NULL;
	size_t nall = 0, n = 0;
	clr_methods_named(s->clr, type, ".ctor", &all, &nall);
	/* constructors are not inherited: the type's own only */
	struct clr_method_cand *cands = xcalloc(nall ? nall : 1, sizeof(*cands));
	bool have_want = clr_type_typedef(s->clr, type, &want);
	for (size_t i = 0; i < nall; i++)
		if (have_want && !all[i].is_static &&
		    clr_type_typedef(s->clr, all[i].owner, &owner) && owner.cm == want.cm &&
		    owner.token == want.token) {
			cands[n++] = all[i];
			/* Box<long>(T item) takes a long */
			clr_method_cand_substitute(s->clr, &cands[n - 1], NULL, 0);
		}
	CorElementType et = 0;
	COM(type, GetType, &et);
	size_t other = 0;
	int pick = n ? clr_overload_pick(cands, n, args, nargs, &other) : -1;
	int r = -1;
	char what[600];
	snprintf(what, sizeof(what), "new %s", tname);
	ICorDebugEval *e = NULL;
	if (pick == -1 && nargs == 0 && et == ELEMENT_TYPE_VALUETYPE) {
		/* a struct's parameterless constructor is its zeroed default */
		if (clr_eval_new_object(th, NULL, type, NULL, 0, &e, err) == 0)
			r = run_eval(s, th, e, what, result, NULL, err);
	} else if (pick == -1) {
		mx_err_set(err,
			   "error CS1729: '%s' does not contain a constructor that takes %zu "
			   "arguments",
			   tname, nargs);
	} else if (pick == -2 || pick == -3) {
		size_t k = 0;
		while (cands[k].nparams != nargs)
			k++;
		mx_err_set(err,
			   "The best overloaded method match for '%s%s' has some invalid arguments",
			   tname, cands[pick == -3 ? other : k].params);
	} else {
		/* the arguments as the constructor takes them (numbers converted, boxed) */
		ICorDebugValue **conv = xcalloc(nargs + 1, sizeof(*conv));
		ICorDebugValue **held = xcalloc(nargs + 1, sizeof(*held));
		if (convert_args(s, &cands[pick], args, nargs, conv, held, err) == 0) {
			COM_RELEASE(e);
			if (clr_eval_new_object(th, cands[pick].fn, type, conv, nargs, &e, err) ==
			    0)
				r = run_eval(s, th, e, what, result, NULL, err);
			for (size_t i = 0; i < nargs; i++)
				COM_RELEASE(conv[i]);
		}
		for (size_t i = 0; i < nargs; i++)
			COM_RELEASE(held[i]);
		free(held);
		free(conv);
	}
	COM_RELEASE(e);
	free(cands);
	clr_method_cands_free(all, nall);
	COM_RELEASE(th);
	return r;
}

int ses_feval_new_zeroed(struct ses *s, ICorDebugType *type, ICorDebugValue **result,
			 struct mx_err *err)
{
	*result = NULL;
	ICorDebugThread *th = NULL;
	ICorDebugEval *e = NULL;
	if (eval_thread(s, &th, err) != 0)
		return -1;
	int r = clr_eval_new_object(th, NULL, type, NULL, 0, &e, err);
	if (r == 0)
		r = run_eval(s, th, e, "a new boxed value", result, NULL, err);
	COM_RELEASE(e);
	COM_RELEASE(th);
	return r;
}

int ses_feval_prim(struct ses *s, CorElementType et, const void *bytes, ICorDebugValue **out,
		   struct mx_err *err)
{
	ICorDebugThread *t = NULL;
	if (eval_thread(s, &t, err) != 0)
		return -1;
	int r = clr_eval_prim_value(t, et, bytes, out, err);
	COM_RELEASE(t);
	return r;
}

int ses_feval_null(struct ses *s, ICorDebugValue **out, struct mx_err *err)
{
	ICorDebugThread *t = NULL;
	if (eval_thread(s, &t, err) != 0)
		return -1;
	int r = clr_eval_null_value(t, out, err);
	COM_RELEASE(t);
	return r;
}

int ses_feval_property(struct ses *s, ICorDebugValue *obj, ICorDebugType *type, const char *name,
		       ICorDebugValue **result, struct mx_err *err)
{
	char getter[300];
	snprintf(getter, sizeof(getter), "get_%s", name);
	if (ses_feval_invoke(s, obj, type, getter, NULL, 0, result, err) == 0)
		return 0;
	/* say it in the property's terms, not its getter's */
	char *quoted = strstr(err->msg, "'get_");
	if (quoted && strstr(err->msg, "does not contain a definition")) {
		char msg[sizeof(err->msg)];
		snprintf(msg, sizeof(msg), "%.*s'%s'", (int)(quoted - err->msg), err->msg, name);
		mx_strlcpy(err->msg, msg, sizeof(err->msg));
	}
	return -1;
}

int ses_feval_tostring(struct ses *s, ICorDebugValue *obj, char *buf, size_t len,
		       struct mx_err *err)
{
	ICorDebugValue *v = NULL;
	if (ses_feval_invoke(s, obj, NULL, "ToString", NULL, 0, &v, err) != 0)
		return -1;
	int r = v && clr_string_value(v, buf, len) == 0
		    ? 0
		    : mx_err_set(err, "ToString() did not return a string");
	COM_RELEASE(v);
	return r;
}

/* ---- value display ---- */

static int display_tostring(void *ctx, ICorDebugValue *obj, char *buf, size_t len)
{
	struct ses *s = ctx;
	/* not while an event is handled or an evaluation runs, nor for a value shown by the
	 * hook itself */
	if (!s->eval_implicit || !s->mstopped || s->in_mevent || s->feval_waiting ||
	    s->feval_display_depth)
		return -1;
	ICorDebugType *t = NULL;
	if (clr_value_type(obj, &t) != 0)
		return -1;
	bool overrides = clr_type_overrides_tostring(s->clr, t);
	COM_RELEASE(t);
	if (!overrides)
		return -1;
	struct mx_err err;
	bool was_explicit = ses_feval_set_explicit(s, false);
	s->feval_display_depth++;
	int r = ses_feval_tostring(s, obj, buf, len, &err);
	s->feval_display_depth--;
	ses_feval_set_explicit(s, was_explicit);
	return r;
}

void ses_feval_install(struct ses *s)
{
	if (s->clr && !s->clr->display_tostring) {
		s->clr->display_tostring = display_tostring;
		s->clr->display_ctx = s;
	}
}

/* ---- helpers for expression front ends ---- */

int ses_feval_var(struct ses *s, const char *name, ICorDebugValue **out, struct mx_err *err)
{
	if (need_managed_stop(s, err) != 0)
		return -1;
	return ses_managed_var_value(s, name, out, err);
}

int ses_feval_frame_self(struct ses *s, ICorDebugValue **self, ICorDebugType **type,
			 struct mx_err *err)
{
	*self = NULL;
	*type = NULL;
	if (need_managed_stop(s, err) != 0)
		return -1;
	ICorDebugFunction *fn = NULL;
	bool has_this = false;
	if (ses_managed_frame_function(s, &fn, &has_this, err) != 0)
		return -1;
	int r = 0;
	if (has_this)
		r = ses_managed_var_value(s, "this", self, err);
	if (r == 0 && clr_function_type(fn, type) != 0)
		r = mx_err_set(err, "the frame's class cannot be read");
	COM_RELEASE(fn);
	if (r != 0)
		COM_RELEASE(*self);
	return r;
}

int ses_feval_type(struct ses *s, const char *name, ICorDebugType **out, struct mx_err *err)
{
	if (need_managed_stop(s, err) != 0)
		return -1;
	return clr_type_by_name(s->clr, name, out, err);
}

int ses_feval_int(struct ses *s, int32_t v, ICorDebugValue **out, struct mx_err *err)
{
	ICorDebugThread *t = NULL;
	if (eval_thread(s, &t, err) != 0)
		return -1;
	int r = clr_eval_int_value(t, v, out, err);
	COM_RELEASE(t);
	return r;
}

void ses_feval_value_text(struct ses *s, ICorDebugValue *v, char *buf, size_t len)
{
	clr_value_text(s->clr, v, buf, len);
}

void ses_feval_type_name(struct ses *s, ICorDebugType *t, char *buf, size_t len)
{
	buf[0] = 0;
	clr_type_name(s->clr, t, buf, len);
}
