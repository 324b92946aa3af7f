/* thread_freeze.c: the user's freeze and thaw of single threads (`thread freeze N`).
 *
 * A frozen thread stays stopped while the program runs. Who holds it depends on the thread:
 *  - a thread the runtime knows (it has run managed code) is suspended by the runtime itself:
 *    ICorDebugThread::SetDebugState(THREAD_SUSPEND) at a managed stop, after which
 *    ICorDebugProcess::Continue leaves it suspended until THREAD_RUN (ICorDebug's contract,
 *    cordebug.idl). Holding such a thread with ptrace instead would stall the runtime: its
 *    next suspension for a GC or for the debugger waits for every managed thread to reach a
 *    safe point, and a ptrace-stopped thread in cooperative mode never does;
 *  - any other thread (a C program's, or a native-only thread of a .NET program) is held by
 *    the tracer, which leaves it stopped when it resumes the others (TR_REQ_USER_FREEZE).
 * If every thread that could make progress is frozen or blocked, `continue` waits forever:
 * Ctrl-C (or DAP pause) still stops the program.
 */
#include "session/ses_internal.h"

#include <stdio.h>
#include <string.h>

#include "clr/hresult.h"

static struct ses_thread *thread_by_num(struct ses *s, int num)
{
	for (size_t i = 0; i < s->nthreads; i++)
		if (s->threads[i].num == num)
			return &s->threads[i];
	return NULL;
}

/* 1: t is a runtime thread and its debug state was set; 0: the runtime does not know it; -1:
 * error. */
static int runtime_freeze(struct ses *s, struct ses_thread *t, bool freeze, struct mx_err *err)
{
	ICorDebugThread *ct = NULL;
	if (COM(s->clr->process, GetThread, (DWORD)t->tid, &ct) < 0 || !ct)
		return 0;
	HRESULT hr = COM(ct, SetDebugState, freeze ? THREAD_SUSPEND : THREAD_RUN);
	COM_RELEASE(ct);
	if (FAILED(hr)) {
		char name[128];
		return mx_err_set(err, "the runtime cannot %s thread %d: %s",
				  freeze ? "freeze" : "thaw", t->num,
				  clr_hresult_str(hr, name, sizeof(name)));
	}
	return 1;
}

static int tracer_freeze(struct ses *s, struct ses_thread *t, bool freeze, struct mx_err *err)
{
	if (ses_native_refused(s, "freezing a native thread", err) != 0)
		return -1;
	struct tr_user_freeze p = {.tid = t->tid, .frozen = freeze};
	return ses_call(s, TR_REQ_USER_FREEZE, &p, sizeof(p), NULL, err) == 0 ? 0 : -1;
}

int ses_thread_freeze(struct ses *s, int num, bool freeze, struct mx_err *err)
{
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	struct ses_thread *t = thread_by_num(s, num);
	if (!t)
		return mx_err_set(err, "Invalid thread ID: %d (see 'info threads').", num);
	if (t->frozen == freeze)
		return 0;
	if (freeze && s->clr && (ses_is_service_thread(s, t->tid) || t->runtime_helper))
		return mx_err_set(err,
				  "thread %d (\"%s\") is one of the runtime's service threads: the "
				  "debugger needs it running",
				  num, t->name);
	bool by_runtime = freeze ? false : t->frozen_by_runtime;
	if (s->clr && !s->untraced && !s->mstopped && (freeze || by_runtime))
		return mx_err_set(err,
				  "in a .NET program threads are %s at a managed stop (the runtime "
				  "holds them): stop in C# code first",
				  freeze ? "frozen" : "thawed");
	if (s->clr && s->mstopped) {
		int r = runtime_freeze(s, t, freeze, err);
		if (r < 0)
			return -1;
		by_runtime = r == 1;
		if (!by_runtime && !freeze && t->frozen_by_runtime)
			return mx_err_set(err, "thread %d is no longer known to the runtime", num);
	}
	if (!by_runtime && tracer_freeze(s, t, freeze, err) != 0)
		return -1;
	t->frozen = freeze;
	t->frozen_by_runtime = freeze && by_runtime;
	return 0;
}

int ses_refuse_frozen_step(struct ses *s, struct mx_err *err)
{
	const struct ses_thread *t = ses_current_thread(s);
	if (!t || !t->frozen)
		return 0;
	return mx_err_set(err,
			  "thread %d is frozen: it cannot step ('thread thaw %d' first, or select "
			  "another thread)",
			  t->num, t->num);
}

void ses_frozen_release_runtime(struct ses *s)
{
	if (!s->clr || !s->mstopped)
		return;
	for (size_t i = 0; i < s->nthreads; i++) {
		struct ses_thread *t = &s->threads[i];
		if (t->frozen && t->frozen_by_runtime && runtime_freeze(s, t, false, NULL) == 1)
			t->frozen = t->frozen_by_runtime = false;
	}
}
