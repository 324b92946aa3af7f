/* events.c: our ICorDebugManagedCallback (1 to 4) object and the queue it fills.
 *
 * One allocation holds the four interface faces (each a pointer to its vtable, so that
 * QueryInterface can hand out the right one) and the queue. It is reference-counted: the
 * runtime holds references, and so does the session until clr_events_free.
 */
#include "clr/events.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "util/xalloc.h"

struct clr_events {
	ICorDebugManagedCallback face1;
	ICorDebugManagedCallback2 face2;
	ICorDebugManagedCallback3 face3;
	ICorDebugManagedCallback4 face4;
	atomic_uint refs;
	pthread_mutex_t lock;
	struct clr_event *head, *tail;
	bool closed; /* the session is gone: discard */
	int efd;
};

#define FROM(face, p) ((struct clr_events *)((char *)(p)-offsetof(struct clr_events, face)))

static bool iid_eq(const IID *a, const IID *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

static HRESULT query(struct clr_events *q, const IID *riid, void **ppv)
{
	if (iid_eq(riid, &IID_IUnknown) || iid_eq(riid, &IID_ICorDebugManagedCallback))
		*ppv = &q->face1;
	else if (iid_eq(riid, &IID_ICorDebugManagedCallback2))
		*ppv = &q->face2;
	else if (iid_eq(riid, &IID_ICorDebugManagedCallback3))
		*ppv = &q->face3;
	else if (iid_eq(riid, &IID_ICorDebugManagedCallback4))
		*ppv = &q->face4;
	else {
		*ppv = NULL;
		return E_NOINTERFACE;
	}
	atomic_fetch_add(&q->refs, 1);
	return S_OK;
}

static ULONG release(struct clr_events *q)
{
	unsigned left = atomic_fetch_sub(&q->refs, 1) - 1;
	if (left == 0) {
		struct clr_event *e = q->head;
		while (e) {
			struct clr_event *next = e->next;
			clr_event_free(e);
			e = next;
		}
		close(q->efd);
		pthread_mutex_destroy(&q->lock);
		free(q);
	}
	return left;
}

static void push(struct clr_events *q, struct clr_event *ev)
{
	pthread_mutex_lock(&q->lock);
	if (q->closed) {
		pthread_mutex_unlock(&q->lock);
		clr_event_free(ev);
		return;
	}
	if (q->tail)
		q->tail->next = ev;
	else
		q->head = ev;
	q->tail = ev;
	uint64_t one = 1;
	if (write(q->efd, &one, sizeof(one)) < 0) {
		/* an eventfd write fails only on counter overflow: it is readable anyway */
	}
	pthread_mutex_unlock(&q->lock);
}

/* Records one callback. Each object argument gets a reference held by the event. */
static HRESULT record(struct clr_events *q, enum clr_ev_kind kind, const char *name,
		      struct clr_event tmpl)
{
	struct clr_event *ev = xmalloc(sizeof(*ev));
	*ev = tmpl;
	ev->kind = kind;
	ev->name = name;
	ev->next = NULL;
	ev->needs_continue = kind != CLR_EV_EXIT_PROCESS;
#define REF(field)                                                                                 \
	if (ev->field)                                                                             \
	ev->field->lpVtbl->AddRef(ev->field)
	REF(appdomain);
	REF(thread);
	REF(breakpoint);
	REF(stepper);
	REF(module);
	REF(assembly);
	REF(frame);
	REF(eval);
#undef REF
	push(q, ev);
	return S_OK;
}

void clr_event_free(struct clr_event *ev)
{
	if (!ev)
		return;
	COM_RELEASE(ev->appdomain);
	COM_RELEASE(ev->thread);
	COM_RELEASE(ev->breakpoint);
	COM_RELEASE(ev->stepper);
	COM_RELEASE(ev->module);
	COM_RELEASE(ev->assembly);
	COM_RELEASE(ev->frame);
	COM_RELEASE(ev->eval);
	free(ev);
}

/* ---- ICorDebugManagedCallback ---- */

#define Q1(self) FROM(face1, self)
typedef ICorDebugManagedCallback CB1;

static HRESULT cb1_query(CB1 *self, const IID *riid, void **ppv)
{
	return query(Q1(self), riid, ppv);
}
static ULONG cb1_addref(CB1 *self)
{
	return atomic_fetch_add(&Q1(self)->refs, 1) + 1;
}
static ULONG cb1_release(CB1 *self)
{
	return release(Q1(self));
}
static HRESULT cb1_breakpoint(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t,
			      ICorDebugBreakpoint *bp)
{
	return record(Q1(self), CLR_EV_BREAKPOINT, "Breakpoint",
		      (struct clr_event){.appdomain = ad, .thread = t, .breakpoint = bp});
}
static HRESULT cb1_step_complete(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t,
				 ICorDebugStepper *st, CorDebugStepReason reason)
{
	return record(
	    Q1(self), CLR_EV_STEP_COMPLETE, "StepComplete",
	    (struct clr_event){.appdomain = ad, .thread = t, .stepper = st, .step_reason = reason});
}
static HRESULT cb1_break(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t)
{
	return record(Q1(self), CLR_EV_BREAK, "Break",
		      (struct clr_event){.appdomain = ad, .thread = t});
}
static HRESULT cb1_exception(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t, BOOL unhandled)
{
	return record(Q1(self), CLR_EV_EXCEPTION, "Exception",
		      (struct clr_event){
			  .appdomain = ad, .thread = t, .exc_v1 = true, .unhandled = unhandled});
}
static HRESULT cb1_eval_complete(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t,
				 ICorDebugEval *e)
{
	return record(Q1(self), CLR_EV_EVAL_COMPLETE, "EvalComplete",
		      (struct clr_event){.appdomain = ad, .thread = t, .eval = e});
}
static HRESULT cb1_eval_exception(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t,
				  ICorDebugEval *e)
{
	return record(Q1(self), CLR_EV_EVAL_EXCEPTION, "EvalException",
		      (struct clr_event){.appdomain = ad, .thread = t, .eval = e});
}
static HRESULT cb1_create_process(CB1 *self, ICorDebugProcess *p)
{
	(void)p;
	return record(Q1(self), CLR_EV_CREATE_PROCESS, "CreateProcess", (struct clr_event){0});
}
static HRESULT cb1_exit_process(CB1 *self, ICorDebugProcess *p)
{
	(void)p;
	return record(Q1(self), CLR_EV_EXIT_PROCESS, "ExitProcess", (struct clr_event){0});
}
static HRESULT cb1_create_thread(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t)
{
	return record(Q1(self), CLR_EV_CREATE_THREAD, "CreateThread",
		      (struct clr_event){.appdomain = ad, .thread = t});
}
static HRESULT cb1_exit_thread(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t)
{
	return record(Q1(self), CLR_EV_EXIT_THREAD, "ExitThread",
		      (struct clr_event){.appdomain = ad, .thread = t});
}
static HRESULT cb1_load_module(CB1 *self, ICorDebugAppDomain *ad, ICorDebugModule *m)
{
	return record(Q1(self), CLR_EV_LOAD_MODULE, "LoadModule",
		      (struct clr_event){.appdomain = ad, .module = m});
}
static HRESULT cb1_unload_module(CB1 *self, ICorDebugAppDomain *ad, ICorDebugModule *m)
{
	return record(Q1(self), CLR_EV_UNLOAD_MODULE, "UnloadModule",
		      (struct clr_event){.appdomain = ad, .module = m});
}
static HRESULT cb1_load_class(CB1 *self, ICorDebugAppDomain *ad, ICorDebugClass *c)
{
	(void)c;
	return record(Q1(self), CLR_EV_OTHER, "LoadClass", (struct clr_event){.appdomain = ad});
}
static HRESULT cb1_unload_class(CB1 *self, ICorDebugAppDomain *ad, ICorDebugClass *c)
{
	(void)c;
	return record(Q1(self), CLR_EV_OTHER, "UnloadClass", (struct clr_event){.appdomain = ad});
}
static HRESULT cb1_debugger_error(CB1 *self, ICorDebugProcess *p, HRESULT hr, DWORD code)
{
	(void)p;
	(void)code;
	return record(Q1(self), CLR_EV_DEBUGGER_ERROR, "DebuggerError",
		      (struct clr_event){.hr = hr});
}
static HRESULT cb1_log_message(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t, LONG level,
			       WCHAR *sw, WCHAR *msg)
{
	(void)level;
	(void)sw;
	(void)msg;
	return record(Q1(self), CLR_EV_OTHER, "LogMessage",
		      (struct clr_event){.appdomain = ad, .thread = t});
}
static HRESULT cb1_log_switch(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t, LONG level,
			      ULONG reason, WCHAR *sw, WCHAR *parent)
{
	(void)level;
	(void)reason;
	(void)sw;
	(void)parent;
	return record(Q1(self), CLR_EV_OTHER, "LogSwitch",
		      (struct clr_event){.appdomain = ad, .thread = t});
}
static HRESULT cb1_create_appdomain(CB1 *self, ICorDebugProcess *p, ICorDebugAppDomain *ad)
{
	(void)p;
	return record(Q1(self), CLR_EV_CREATE_APPDOMAIN, "CreateAppDomain",
		      (struct clr_event){.appdomain = ad});
}
static HRESULT cb1_exit_appdomain(CB1 *self, ICorDebugProcess *p, ICorDebugAppDomain *ad)
{
	(void)p;
	return record(Q1(self), CLR_EV_EXIT_APPDOMAIN, "ExitAppDomain",
		      (struct clr_event){.appdomain = ad});
}
static HRESULT cb1_load_assembly(CB1 *self, ICorDebugAppDomain *ad, ICorDebugAssembly *a)
{
	return record(Q1(self), CLR_EV_LOAD_ASSEMBLY, "LoadAssembly",
		      (struct clr_event){.appdomain = ad, .assembly = a});
}
static HRESULT cb1_unload_assembly(CB1 *self, ICorDebugAppDomain *ad, ICorDebugAssembly *a)
{
	return record(Q1(self), CLR_EV_UNLOAD_ASSEMBLY, "UnloadAssembly",
		      (struct clr_event){.appdomain = ad, .assembly = a});
}
static HRESULT cb1_control_c_trap(CB1 *self, ICorDebugProcess *p)
{
	(void)p;
	return record(Q1(self), CLR_EV_OTHER, "ControlCTrap", (struct clr_event){0});
}
static HRESULT cb1_name_change(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t)
{
	return record(Q1(self), CLR_EV_NAME_CHANGE, "NameChange",
		      (struct clr_event){.appdomain = ad, .thread = t});
}
static HRESULT cb1_update_module_symbols(CB1 *self, ICorDebugAppDomain *ad, ICorDebugModule *m,
					 IStream *s)
{
	(void)s;
	return record(Q1(self), CLR_EV_OTHER, "UpdateModuleSymbols",
		      (struct clr_event){.appdomain = ad, .module = m});
}
static HRESULT cb1_enc_remap(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t,
			     ICorDebugFunction *f, BOOL accurate)
{
	(void)f;
	(void)accurate;
	return record(Q1(self), CLR_EV_OTHER, "EditAndContinueRemap",
		      (struct clr_event){.appdomain = ad, .thread = t});
}
static HRESULT cb1_breakpoint_set_error(CB1 *self, ICorDebugAppDomain *ad, ICorDebugThread *t,
					ICorDebugBreakpoint *bp, DWORD error)
{
	(void)error;
	return record(Q1(self), CLR_EV_BREAKPOINT_SET_ERROR, "BreakpointSetError",
		      (struct clr_event){.appdomain = ad, .thread = t, .breakpoint = bp});
}

static const struct ICorDebugManagedCallbackVtbl vtbl1 = {
    .QueryInterface = cb1_query,
    .AddRef = cb1_addref,
    .Release = cb1_release,
    .Breakpoint = cb1_breakpoint,
    .StepComplete = cb1_step_complete,
    .Break = cb1_break,
    .Exception = cb1_exception,
    .EvalComplete = cb1_eval_complete,
    .EvalException = cb1_eval_exception,
    .CreateProcess = cb1_create_process,
    .ExitProcess = cb1_exit_process,
    .CreateThread = cb1_create_thread,
    .ExitThread = cb1_exit_thread,
    .LoadModule = cb1_load_module,
    .UnloadModule = cb1_unload_module,
    .LoadClass = cb1_load_class,
    .UnloadClass = cb1_unload_class,
    .DebuggerError = cb1_debugger_error,
    .LogMessage = cb1_log_message,
    .LogSwitch = cb1_log_switch,
    .CreateAppDomain = cb1_create_appdomain,
    .ExitAppDomain = cb1_exit_appdomain,
    .LoadAssembly = cb1_load_assembly,
    .UnloadAssembly = cb1_unload_assembly,
    .ControlCTrap = cb1_control_c_trap,
    .NameChange = cb1_name_change,
    .UpdateModuleSymbols = cb1_update_module_symbols,
    .EditAndContinueRemap = cb1_enc_remap,
    .BreakpointSetError = cb1_breakpoint_set_error,
};

/* ---- ICorDebugManagedCallback2 ---- */

#define Q2(self) FROM(face2, self)
typedef ICorDebugManagedCallback2 CB2;

static HRESULT cb2_query(CB2 *self, const IID *riid, void **ppv)
{
	return query(Q2(self), riid, ppv);
}
static ULONG cb2_addref(CB2 *self)
{
	return atomic_fetch_add(&Q2(self)->refs, 1) + 1;
}
static ULONG cb2_release(CB2 *self)
{
	return release(Q2(self));
}
static HRESULT cb2_function_remap_opportunity(CB2 *self, ICorDebugAppDomain *ad, ICorDebugThread *t,
					      ICorDebugFunction *old_f, ICorDebugFunction *new_f,
					      ULONG32 old_il)
{
	(void)old_f;
	(void)new_f;
	(void)old_il;
	return record(Q2(self), CLR_EV_OTHER, "FunctionRemapOpportunity",
		      (struct clr_event){.appdomain = ad, .thread = t});
}
static HRESULT cb2_create_connection(CB2 *self, ICorDebugProcess *p, CONNID id, WCHAR *name)
{
	(void)p;
	(void)id;
	(void)name;
	return record(Q2(self), CLR_EV_OTHER, "CreateConnection", (struct clr_event){0});
}
static HRESULT cb2_change_connection(CB2 *self, ICorDebugProcess *p, CONNID id)
{
	(void)p;
	(void)id;
	return record(Q2(self), CLR_EV_OTHER, "ChangeConnection", (struct clr_event){0});
}
static HRESULT cb2_destroy_connection(CB2 *self, ICorDebugProcess *p, CONNID id)
{
	(void)p;
	(void)id;
	return record(Q2(self), CLR_EV_OTHER, "DestroyConnection", (struct clr_event){0});
}
static HRESULT cb2_exception(CB2 *self, ICorDebugAppDomain *ad, ICorDebugThread *t,
			     ICorDebugFrame *frame, ULONG32 offset,
			     CorDebugExceptionCallbackType type, DWORD flags)
{
	(void)flags;
	return record(Q2(self), CLR_EV_EXCEPTION, "Exception2",
		      (struct clr_event){.appdomain = ad,
					 .thread = t,
					 .frame = frame,
					 .exc_offset = offset,
					 .exc_type = type});
}
static HRESULT cb2_exception_unwind(CB2 *self, ICorDebugAppDomain *ad, ICorDebugThread *t,
				    CorDebugExceptionUnwindCallbackType type, DWORD flags)
{
	(void)type;
	(void)flags;
	return record(Q2(self), CLR_EV_OTHER, "ExceptionUnwind",
		      (struct clr_event){.appdomain = ad, .thread = t});
}
static HRESULT cb2_function_remap_complete(CB2 *self, ICorDebugAppDomain *ad, ICorDebugThread *t,
					   ICorDebugFunction *f)
{
	(void)f;
	return record(Q2(self), CLR_EV_OTHER, "FunctionRemapComplete",
		      (struct clr_event){.appdomain = ad, .thread = t});
}
static HRESULT cb2_mda_notification(CB2 *self, ICorDebugController *c, ICorDebugThread *t,
				    ICorDebugMDA *mda)
{
	(void)c;
	(void)mda;
	return record(Q2(self), CLR_EV_OTHER, "MDANotification", (struct clr_event){.thread = t});
}

static const struct ICorDebugManagedCallback2Vtbl vtbl2 = {
    .QueryInterface = cb2_query,
    .AddRef = cb2_addref,
    .Release = cb2_release,
    .FunctionRemapOpportunity = cb2_function_remap_opportunity,
    .CreateConnection = cb2_create_connection,
    .ChangeConnection = cb2_change_connection,
    .DestroyConnection = cb2_destroy_connection,
    .Exception = cb2_exception,
    .ExceptionUnwind = cb2_exception_unwind,
    .FunctionRemapComplete = cb2_function_remap_complete,
    .MDANotification = cb2_mda_notification,
};

/* ---- ICorDebugManagedCallback3 and 4 ---- */

#define Q3(self) FROM(face3, self)
typedef ICorDebugManagedCallback3 CB3;

static HRESULT cb3_query(CB3 *self, const IID *riid, void **ppv)
{
	return query(Q3(self), riid, ppv);
}
static ULONG cb3_addref(CB3 *self)
{
	return atomic_fetch_add(&Q3(self)->refs, 1) + 1;
}
static ULONG cb3_release(CB3 *self)
{
	return release(Q3(self));
}
static HRESULT cb3_custom_notification(CB3 *self, ICorDebugThread *t, ICorDebugAppDomain *ad)
{
	return record(Q3(self), CLR_EV_OTHER, "CustomNotification",
		      (struct clr_event){.appdomain = ad, .thread = t});
}

static const struct ICorDebugManagedCallback3Vtbl vtbl3 = {
    .QueryInterface = cb3_query,
    .AddRef = cb3_addref,
    .Release = cb3_release,
    .CustomNotification = cb3_custom_notification,
};

#define Q4(self) FROM(face4, self)
typedef ICorDebugManagedCallback4 CB4;

static HRESULT cb4_query(CB4 *self, const IID *riid, void **ppv)
{
	return query(Q4(self), riid, ppv);
}
static ULONG cb4_addref(CB4 *self)
{
	return atomic_fetch_add(&Q4(self)->refs, 1) + 1;
}
static ULONG cb4_release(CB4 *self)
{
	return release(Q4(self));
}
static HRESULT cb4_before_gc(CB4 *self, ICorDebugProcess *p)
{
	(void)p;
	return record(Q4(self), CLR_EV_OTHER, "BeforeGarbageCollection", (struct clr_event){0});
}
static HRESULT cb4_after_gc(CB4 *self, ICorDebugProcess *p)
{
	(void)p;
	return record(Q4(self), CLR_EV_OTHER, "AfterGarbageCollection", (struct clr_event){0});
}
static HRESULT cb4_data_breakpoint(CB4 *self, ICorDebugProcess *p, ICorDebugThread *t, BYTE *ctx,
				   ULONG32 size)
{
	(void)p;
	(void)ctx;
	(void)size;
	return record(Q4(self), CLR_EV_OTHER, "DataBreakpoint", (struct clr_event){.thread = t});
}

static const struct ICorDebugManagedCallback4Vtbl vtbl4 = {
    .QueryInterface = cb4_query,
    .AddRef = cb4_addref,
    .Release = cb4_release,
    .BeforeGarbageCollection = cb4_before_gc,
    .AfterGarbageCollection = cb4_after_gc,
    .DataBreakpoint = cb4_data_breakpoint,
};

/* ---- the queue ---- */

int clr_events_new(struct clr_events **out)
{
	struct clr_events *q = xcalloc(1, sizeof(*q));
	q->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (q->efd < 0) {
		free(q);
		return -1;
	}
	q->face1.lpVtbl = &vtbl1;
	q->face2.lpVtbl = &vtbl2;
	q->face3.lpVtbl = &vtbl3;
	q->face4.lpVtbl = &vtbl4;
	atomic_init(&q->refs, 1);
	pthread_mutex_init(&q->lock, NULL);
	*out = q;
	return 0;
}

ICorDebugManagedCallback *clr_events_callback(struct clr_events *q)
{
	return &q->face1;
}

int clr_events_fd(const struct clr_events *q)
{
	return q->efd;
}

struct clr_event *clr_events_pop(struct clr_events *q)
{
	pthread_mutex_lock(&q->lock);
	struct clr_event *ev = q->head;
	if (ev) {
		q->head = ev->next;
		if (!q->head)
			q->tail = NULL;
		ev->next = NULL;
	}
	if (!q->head) {
		uint64_t v;
		if (read(q->efd, &v, sizeof(v)) < 0) {
			/* EAGAIN: nothing to drain */
		}
	}
	pthread_mutex_unlock(&q->lock);
	return ev;
}

void clr_events_free(struct clr_events *q)
{
	if (!q)
		return;
	pthread_mutex_lock(&q->lock);
	q->closed = true;
	struct clr_event *e = q->head;
	q->head = q->tail = NULL;
	pthread_mutex_unlock(&q->lock);
	while (e) {
		struct clr_event *next = e->next;
		clr_event_free(e);
		e = next;
	}
	release(q);
}
