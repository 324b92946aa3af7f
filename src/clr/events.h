/* events.h: managed callbacks, turned into queued events.
 *
 * The runtime's debugger library (mscordbi) calls our ICorDebugManagedCallback methods on a
 * thread of its own. Each callback only records what happened (with references to the objects
 * it names) in a queue and signals an eventfd; the session loop, the only caller of ICorDebug,
 * takes them in order. The process stays stopped after each callback until the session calls
 * ICorDebugController::Continue for it (every callback except ExitProcess needs one).
 */
#ifndef MX_CLR_EVENTS_H
#define MX_CLR_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "clr/cordebug.h"

enum clr_ev_kind {
	CLR_EV_BREAKPOINT,
	CLR_EV_STEP_COMPLETE,
	CLR_EV_BREAK, /* Debugger.Break() or an async break completing */
	CLR_EV_EXCEPTION,
	CLR_EV_CREATE_PROCESS,
	CLR_EV_EXIT_PROCESS,
	CLR_EV_CREATE_THREAD,
	CLR_EV_EXIT_THREAD,
	CLR_EV_LOAD_MODULE,
	CLR_EV_UNLOAD_MODULE,
	CLR_EV_CREATE_APPDOMAIN,
	CLR_EV_EXIT_APPDOMAIN,
	CLR_EV_LOAD_ASSEMBLY,
	CLR_EV_UNLOAD_ASSEMBLY,
	CLR_EV_NAME_CHANGE,
	CLR_EV_DEBUGGER_ERROR,
	CLR_EV_BREAKPOINT_SET_ERROR,
	CLR_EV_EVAL_COMPLETE,  /* a function evaluation returned: eval */
	CLR_EV_EVAL_EXCEPTION, /* ... or ended with an exception (or was aborted): eval */
	CLR_EV_OTHER,	       /* anything we only acknowledge (LoadClass, LogMessage, ...) */
};

struct clr_event {
	enum clr_ev_kind kind;
	const char *name; /* the callback's name, for logs */
	/* references owned by the event (released by clr_event_free) */
	ICorDebugAppDomain *appdomain;
	ICorDebugThread *thread;
	ICorDebugBreakpoint *breakpoint;
	ICorDebugStepper *stepper;
	ICorDebugModule *module;
	ICorDebugAssembly *assembly;
	ICorDebugFrame *frame;
	ICorDebugEval *eval;
	CorDebugStepReason step_reason;
	CorDebugExceptionCallbackType exc_type; /* CLR_EV_EXCEPTION (ManagedCallback2) */
	uint32_t exc_offset;
	bool exc_v1;	/* the ManagedCallback (v1) form: only `unhandled` is meaningful */
	bool unhandled; /* v1 form */
	HRESULT hr;	/* DebuggerError */
	bool needs_continue;
	struct clr_event *next;
};

struct clr_events;

/* The callback object to hand to ICorDebug::SetManagedHandler, and its queue. */
int clr_events_new(struct clr_events **out);
ICorDebugManagedCallback *clr_events_callback(struct clr_events *q);
/* Readable while events are queued. */
int clr_events_fd(const struct clr_events *q);
/* The oldest event, or NULL. The caller frees it with clr_event_free. */
struct clr_event *clr_events_pop(struct clr_events *q);
void clr_event_free(struct clr_event *ev);
/* Drops the queue (and the callback object's reference to it). The runtime may still hold the
 * callback object: it stays valid and discards what arrives. */
void clr_events_free(struct clr_events *q);

#endif
