/* exceptions.c: managed exception stops. The user's filters (`catch throw`, `catch
 * user-unhandled`: type lists with exclusions), the decision at each exception event of the
 * runtime, and what an exception object holds (type, message, inner exceptions) for `info
 * exception`, `print $exception` and the DAP's exceptionInfo.
 *
 * The runtime's exception events (ICorDebugManagedCallback2::Exception; dotnet/runtime
 * src/coreclr/debug/ee/debugger.cpp and the flags of ExceptionFlags in
 * src/coreclr/vm/exstatecommon.h, each event sent once per exception:
 * Ex_SentDebugFirstChance, Ex_SentDebugUserFirstChance, Ex_DebugCatchHandlerFound):
 *   DEBUG_EXCEPTION_FIRST_CHANCE        when it is thrown (the frame: the throwing one);
 *   DEBUG_EXCEPTION_USER_FIRST_CHANCE   when the first pass, looking for a handler, reaches a
 *                                       frame of user code (Just My Code: a module whose
 *                                       JMC status is set; mixdbg sets it on every module
 *                                       with a PDB as it loads), the frame being that one;
 *   DEBUG_EXCEPTION_CATCH_HANDLER_FOUND when the first pass finds the catching frame (that
 *                                       frame, and the catch's IL offset), user code or not
 *                                       while exception callbacks outside Just My Code stay
 *                                       enabled (ICorDebugProcess8::
 *                                       EnableExceptionCallbacksOutsideOfMyCode, default on);
 *   DEBUG_EXCEPTION_UNHANDLED           when the first pass finds no handler.
 * All of them come before the second pass unwinds anything: the thread's stack still has the
 * throw site on top, which is where every exception stop is shown.
 * "User-unhandled" is Visual Studio's notion: thrown in (or passing through) user code, not
 * caught there, caught in code that is not the user's (the framework). Here: a
 * USER_FIRST_CHANCE event, then a CATCH_HANDLER_FOUND whose frame is not user code.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/mvalue.h"
#include "session/ses_internal.h"
#include "util/str.h"
#include "util/xalloc.h"

/* ---- filters ---- */

static struct ses_exc_filter *filter_of(struct ses *s, enum ses_catch_kind kind)
{
	return kind == SES_CATCH_THROW ? &s->catch_throw : &s->catch_user_unhandled;
}

static void filter_clear(struct ses_exc_filter *f)
{
	free(f->types);
	memset(f, 0, sizeof(*f));
}

static bool type_name_char(char ch)
{
	/* letters, digits, namespaces, nested types (+), generic arity (`) */
	return isalnum((unsigned char)ch) || ch == '.' || ch == '_' || ch == '+' || ch == '`';
}

int ses_catch_set(struct ses *s, enum ses_catch_kind kind, const char *types, struct mx_err *err)
{
	struct ses_exc_filter f = {.on = true};
	size_t cap = 0;
	const char *p = types ? types : "";
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (!*p)
			break;
		bool excluded = *p == '!';
		if (excluded)
			p++;
		const char *start = p;
		while (*p && *p != ' ' && *p != '\t' && *p != ',')
			p++;
		size_t len = (size_t)(p - start);
		bool ok = len > 0 && len < sizeof(f.types[0].name);
		for (size_t i = 0; ok && i < len; i++)
			ok = type_name_char(start[i]);
		if (!ok || start[0] == '.' || start[len - 1] == '.') {
			filter_clear(&f);
			if (!len)
				return mx_err_set(err, "'!' must be followed by an exception type "
						       "name (as in !System.FormatException)");
			return mx_err_set(err,
					  "'%.*s' is not an exception type name (a full or "
					  "short name like System.FormatException or "
					  "FormatException, '!' before one to exclude it)",
					  (int)len, start);
		}
		xgrow((void **)&f.types, &cap, f.n + 1, sizeof(*f.types));
		struct ses_exc_type *t = &f.types[f.n++];
		memcpy(t->name, start, len);
		t->name[len] = 0;
		t->excluded = excluded;
	}
	struct ses_exc_filter *dst = filter_of(s, kind);
	filter_clear(dst);
	*dst = f;
	return 0;
}

void ses_catch_off(struct ses *s)
{
	filter_clear(&s->catch_throw);
	filter_clear(&s->catch_user_unhandled);
}

bool ses_catch_describe(const struct ses *s, enum ses_catch_kind kind, char *buf, size_t len)
{
	const struct ses_exc_filter *f =
	    kind == SES_CATCH_THROW ? &s->catch_throw : &s->catch_user_unhandled;
	if (!f->on)
		return false;
	size_t o = 0, nin = 0;
	buf[0] = 0;
	for (size_t i = 0; i < f->n; i++)
		if (!f->types[i].excluded)
			o += (size_t)snprintf(buf + (o < len ? o : len), o < len ? len - o : 0,
					      "%s%s", nin++ ? ", " : "", f->types[i].name);
	if (!nin)
		o += (size_t)snprintf(buf + (o < len ? o : len), o < len ? len - o : 0,
				      "every exception");
	size_t nex = 0;
	for (size_t i = 0; i < f->n; i++)
		if (f->types[i].excluded)
			o += (size_t)snprintf(buf + (o < len ? o : len), o < len ? len - o : 0,
					      "%s%s", nex++ ? ", " : " except ", f->types[i].name);
	return true;
}

/* Whether name (a full type name) is the filter's name n, full or short. */
static bool name_matches(const char *name, const char *n)
{
	if (strcmp(name, n) == 0)
		return true;
	const char *dot = strrchr(name, '.');
	return dot && !strchr(n, '.') && strcmp(dot + 1, n) == 0;
}

static bool filter_matches(const struct ses_exc_filter *f, const char *type)
{
	bool any_included = false, included = false;
	for (size_t i = 0; i < f->n; i++) {
		if (f->types[i].excluded) {
			if (name_matches(type, f->types[i].name))
				return false;
		} else {
			any_included = true;
			included = included || name_matches(type, f->types[i].name);
		}
	}
	return included || !any_included;
}

void ses_exc_free(struct ses *s)
{
	ses_catch_off(s);
	free(s->exc_threads);
	s->exc_threads = NULL;
	s->nexc_threads = s->cap_exc_threads = 0;
}

/* ---- exception objects ---- */

static void describe(struct ses *s, ICorDebugObjectValue *obj, struct ses_exc_desc *d)
{
	memset(d, 0, sizeof(*d));
	d->aggregate_count = -1;
	clr_value_type_name(s->clr, (ICorDebugValue *)obj, d->type, sizeof(d->type));
	d->has_message = clr_exception_message(s->clr, obj, d->message, sizeof(d->message)) == 0 &&
			 strcmp(d->message, "null") != 0;
	if (!d->has_message)
		d->message[0] = 0;
	/* AggregateException keeps every inner exception in _innerExceptions (an Exception[];
	 * dotnet/runtime System/AggregateException.cs) and the first as _innerException */
	ICorDebugValue *field = NULL, *arr = NULL;
	ICorDebugReferenceValue *ref = NULL;
	ICorDebugArrayValue *av = NULL;
	ULONG32 n = 0;
	BOOL is_null = 1;
	if (clr_object_field(s->clr, obj, "_innerExceptions", &field) == 0 &&
	    COM(field, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) >= 0 &&
	    COM(ref, IsNull, &is_null) >= 0 && !is_null && COM(ref, Dereference, &arr) >= 0 &&
	    COM(arr, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) >= 0 &&
	    COM(av, GetCount, &n) >= 0)
		d->aggregate_count = (int)n;
	COM_RELEASE(av);
	COM_RELEASE(arr);
	COM_RELEASE(ref);
	COM_RELEASE(field);
}

/* The object field `field` of obj refers to: 0 with *out, else nothing there. */
static int object_field(struct ses *s, ICorDebugObjectValue *obj, const char *field,
			ICorDebugObjectValue **out)
{
	*out = NULL;
	ICorDebugValue *v = NULL;
	if (clr_object_field(s->clr, obj, field, &v) != 0)
		return -1;
	int r = clr_value_object(v, out);
	COM_RELEASE(v);
	return r == 0 ? 0 : -1;
}

int ses_managed_exception_value(struct ses *s, ICorDebugValue **out, struct mx_err *err)
{
	*out = NULL;
	if (!s->clr || !s->mstopped)
		return mx_err_set(err, "No current exception: the program is not at a managed "
				       "stop (a managed breakpoint, step or exception stop)");
	ICorDebugThread *t = NULL;
	if (COM(s->clr->process, GetThread, (DWORD)s->cur_tid, &t) < 0 || !t)
		return mx_err_set(err, "No current exception: thread %d runs no managed code",
				  (int)s->cur_tid);
	/* S_FALSE and no value when the thread has no exception in flight */
	HRESULT hr = COM(t, GetCurrentException, out);
	COM_RELEASE(t);
	if (hr < 0 || !*out) {
		*out = NULL;
		return mx_err_set(err,
				  "Thread %d has no current exception (there is one at an "
				  "exception stop, and in a catch block)",
				  (int)s->cur_tid);
	}
	return 0;
}

/* The current thread's exception object. */
static int current_exception(struct ses *s, ICorDebugObjectValue **out, struct mx_err *err)
{
	ICorDebugValue *v = NULL;
	*out = NULL;
	if (ses_managed_exception_value(s, &v, err) != 0)
		return -1;
	int r = clr_value_object(v, out);
	COM_RELEASE(v);
	if (r != 0)
		return mx_err_set(err, "the current exception of thread %d cannot be read",
				  (int)s->cur_tid);
	return 0;
}

int ses_exception_print(struct ses *s, char *out, size_t outlen, struct mx_err *err)
{
	ICorDebugObjectValue *obj = NULL;
	if (current_exception(s, &obj, err) != 0)
		return -1;
	struct ses_exc_desc d;
	describe(s, obj, &d);
	COM_RELEASE(obj);
	if (d.has_message)
		snprintf(out, outlen, "{%s: %s}", d.type, d.message);
	else
		snprintf(out, outlen, "{%s}", d.type);
	return 0;
}

/* A string field of obj; "" when null or unreadable. */
static void string_field(struct ses *s, ICorDebugObjectValue *obj, const char *field, char *buf,
			 size_t len)
{
	ICorDebugValue *v = NULL;
	buf[0] = 0;
	if (clr_object_field(s->clr, obj, field, &v) == 0 &&
	    (clr_string_value(v, buf, len) != 0 || strcmp(buf, "null") == 0))
		buf[0] = 0;
	COM_RELEASE(v);
}

int ses_exception_info(struct ses *s, struct ses_exc_info *out, struct mx_err *err)
{
	memset(out, 0, sizeof(*out));
	ICorDebugObjectValue *obj = NULL;
	if (current_exception(s, &obj, err) != 0)
		return -1;
	describe(s, obj, &out->exc);
	/* saved text only (see struct ses_exc_info): no function evaluation */
	string_field(s, obj, "_stackTraceString", out->stack_trace, sizeof(out->stack_trace));
	if (!out->stack_trace[0])
		string_field(s, obj, "_remoteStackTraceString", out->stack_trace,
			     sizeof(out->stack_trace));
	for (size_t n = strlen(out->stack_trace);
	     n && isspace((unsigned char)out->stack_trace[n - 1]);)
		out->stack_trace[--n] = 0;
	ICorDebugObjectValue *cur = obj;
	for (;;) {
		ICorDebugObjectValue *inner = NULL;
		if (object_field(s, cur, "_innerException", &inner) != 0)
			break;
		COM_RELEASE(cur);
		cur = inner;
		if (out->ninner == SES_EXC_MAX_INNER) {
			out->more_inner = true;
			break;
		}
		describe(s, cur, &out->inner[out->ninner++]);
	}
	COM_RELEASE(cur);
	return 0;
}

/* ---- the runtime's exception events ---- */

static struct ses_exc_thread *exc_thread(struct ses *s, pid_t tid)
{
	for (size_t i = 0; i < s->nexc_threads; i++)
		if (s->exc_threads[i].tid == tid)
			return &s->exc_threads[i];
	xgrow((void **)&s->exc_threads, &s->cap_exc_threads, s->nexc_threads + 1,
	      sizeof(*s->exc_threads));
	struct ses_exc_thread *et = &s->exc_threads[s->nexc_threads++];
	memset(et, 0, sizeof(*et));
	et->tid = tid;
	return et;
}

/* Whether a frame's method is in user code (a module with symbols: Just My Code). */
static bool frame_in_user_code(struct ses *s, ICorDebugFrame *f)
{
	ICorDebugFunction *fn = NULL;
	ICorDebugModule *m = NULL;
	bool yes = false;
	if (f && COM(f, GetFunction, &fn) >= 0 && fn && COM(fn, GetModule, &m) >= 0) {
		struct clr_module *cm = clr_module_find(s->clr, m);
		yes = cm && cm->user_code;
	}
	COM_RELEASE(m);
	COM_RELEASE(fn);
	return yes;
}

/* "Type: message" of thread t's current exception (exc_text of a stop), and its type. */
static void exception_text(struct ses *s, ICorDebugThread *t, char *text, size_t len, char *type,
			   size_t tlen)
{
	snprintf(text, len, "an exception");
	snprintf(type, tlen, "?");
	ICorDebugValue *v = NULL;
	ICorDebugObjectValue *obj = NULL;
	if (COM(t, GetCurrentException, &v) >= 0 && v && clr_value_object(v, &obj) == 0) {
		struct ses_exc_desc d;
		describe(s, obj, &d);
		mx_strlcpy(type, d.type, tlen);
		snprintf(text, len, "%s%s%s", d.type, d.has_message ? ": " : "", d.message);
	}
	COM_RELEASE(obj);
	COM_RELEASE(v);
}

bool ses_exc_event(struct ses *s, const struct clr_event *ev, struct ses_stop *st)
{
	struct ses_exc_thread *et = exc_thread(s, clr_thread_tid(ev->thread));
	const struct ses_exc_filter *f = NULL;
	switch (ev->exc_type) {
	case DEBUG_EXCEPTION_FIRST_CHANCE:
		/* a new exception on this thread (or a rethrow): its dispatch starts over */
		et->user_first_chance = false;
		et->stopped = false;
		if (!s->catch_throw.on)
			return false;
		f = &s->catch_throw;
		break;
	case DEBUG_EXCEPTION_USER_FIRST_CHANCE:
		et->user_first_chance = true;
		return false;
	case DEBUG_EXCEPTION_CATCH_HANDLER_FOUND: {
		bool through_user = et->user_first_chance;
		et->user_first_chance = false;
		/* one stop per exception: not again when `catch throw` stopped at its throw */
		if (!s->catch_user_unhandled.on || !through_user || et->stopped ||
		    frame_in_user_code(s, ev->frame))
			return false;
		f = &s->catch_user_unhandled;
		break;
	}
	case DEBUG_EXCEPTION_UNHANDLED:
		break; /* always a stop */
	default:
		return false;
	}
	char text[1024], type[256];
	exception_text(s, ev->thread, text, sizeof(text), type, sizeof(type));
	if (f && !filter_matches(f, type))
		return false;
	et->stopped = true;
	st->kind = SES_STOP_EXCEPTION;
	st->exc_unhandled = ev->exc_type == DEBUG_EXCEPTION_UNHANDLED;
	st->exc_user_unhandled = ev->exc_type == DEBUG_EXCEPTION_CATCH_HANDLER_FOUND;
	mx_strlcpy(st->exc_text, text, sizeof(st->exc_text));
	return true;
}
