/* step_pending.c: a step interrupted by another thread's stop stays pending on its thread,
 * as lldb's thread plans outlive a stop of another thread.
 *
 * A step (step, next, until, finish, nexti; C or C#) lets every thread run while its own
 * thread runs over a call or out of a function. When another thread stops the program on the
 * way (a breakpoint, a signal, a watchpoint) or the user interrupts it, that stop is shown and
 * the step is kept: `continue` goes on with it, so the program stops where the step ends (the
 * user is told that the interrupted step finished) or at whatever stops it first (the step
 * then stays pending still). A new step command on any thread replaces it (the user is told),
 * `thread step-abandon` drops it, and so do kill, detach and the program's end. A stop of
 * the stepping thread itself (a breakpoint in the function stepped over) ends the step, as in
 * gdb.
 *
 * Native steps go on through step.c (ses_step_resume_native) from the state kept here. A
 * managed step is the runtime's stepper, which stays active across the Continue when it is not
 * deactivated (ICorDebugStepper: dotnet/runtime src/coreclr/debug/di/rsstepper.cpp, a stepper
 * lives until StepComplete or Deactivate) and completes with its StepComplete.
 */
#include "session/ses_internal.h"

#include <stdio.h>

static void tell(struct ses *s, const char *text)
{
	struct ses_note n = {.kind = SES_NOTE_MESSAGE, .text = text};
	s->notify(s->notify_ctx, &n);
}

static int thread_num(struct ses *s, pid_t tid)
{
	const struct ses_thread *t = ses_thread_find(s, tid);
	return t ? t->num : 0;
}

/* Whether stop st leaves the step of thread tid pending: another thread's stop, or an
 * interrupt (which thread it names is chance), but not the program's end or a step's. */
static bool keeps_step(const struct ses_stop *st, pid_t tid)
{
	if (st->kind == SES_STOP_EXITED || st->kind == SES_STOP_STEP)
		return false;
	return st->tid != tid || st->kind == SES_STOP_INTERRUPT;
}

/* Forgets the pending step; a managed one's stepper is deactivated (now at a managed stop,
 * else when the runtime runs again). */
static void drop(struct ses *s)
{
	if (s->pending_kind == SES_PENDING_MANAGED)
		ses_managed_drop_stepper(s);
	s->pending_kind = SES_PENDING_NONE;
	s->pending_tid = 0;
}

void ses_pending_native(struct ses *s, const struct ses_step_state *state,
			const struct ses_stop *st)
{
	if (st->kind == SES_STOP_EXITED)
		return;
	if (st->tid != state->tid) {
		/* the stop shown is that thread's: it is the current one, as in gdb */
		s->cur_tid = st->tid;
		s->cur_frame = 0;
	}
	if (!keeps_step(st, state->tid))
		return;
	s->pending = *state;
	s->pending_kind = SES_PENDING_NATIVE;
	s->pending_tid = state->tid;
}

bool ses_pending_managed(struct ses *s, pid_t tid, const struct ses_stop *st)
{
	if (!s->mstepper || s->mstep_tid != tid || !keeps_step(st, tid))
		return false;
	s->pending_kind = SES_PENDING_MANAGED;
	s->pending_tid = tid;
	return true;
}

bool ses_pending_take_resumed(struct ses *s)
{
	bool was = s->pending_resumed;
	s->pending_resumed = false;
	return was;
}

void ses_pending_replace(struct ses *s)
{
	if (s->pending_kind == SES_PENDING_NONE)
		return;
	char text[96];
	snprintf(text, sizeof(text), "[abandoning thread %d's interrupted step]",
		 thread_num(s, s->pending_tid));
	tell(s, text);
	drop(s);
}

void ses_pending_forget(struct ses *s)
{
	s->pending_kind = SES_PENDING_NONE; /* (the managed stepper goes with the runtime) */
	s->pending_tid = 0;
	s->pending_resumed = false;
}

pid_t ses_step_pending_tid(const struct ses *s)
{
	return s->pending_kind == SES_PENDING_NONE ? 0 : s->pending_tid;
}

int ses_step_abandon(struct ses *s, int *num, struct mx_err *err)
{
	if (s->pending_kind == SES_PENDING_NONE)
		return mx_err_set(err, "No thread has an interrupted step.");
	*num = thread_num(s, s->pending_tid);
	drop(s);
	return 0;
}

/* continue with the runtime's stepper active: its StepComplete ends the step. */
static int continue_managed(struct ses *s, struct mx_err *err)
{
	pid_t tid = s->pending_tid;
	int rc = s->mstopped ? ses_managed_resume(s, err) : ses_send_continue(s, err);
	struct ses_stop st;
	if (rc != 0 || ses_wait_event(s, &st, err) != 0)
		return -1;
	bool done = st.kind == SES_STOP_STEP && st.tid == tid;
	if (done || !s->mstepper || !s->pid)
		ses_pending_forget(s);
	else
		s->pending_kind = SES_PENDING_MANAGED; /* a stop on the way: still pending */
	if (done) {
		char text[128];
		snprintf(text, sizeof(text),
			 "Thread %d finished the step it was doing before the stop.",
			 thread_num(s, tid));
		tell(s, text);
	}
	ses_report_stop(s, &st);
	return 0;
}

int ses_pending_continue(struct ses *s, struct mx_err *err)
{
	if (s->pending_kind == SES_PENDING_NONE)
		return 0;
	const struct ses_thread *t = ses_thread_find(s, s->pending_tid);
	if (!t || t->frozen) {
		if (t) {
			char text[128];
			snprintf(text, sizeof(text),
				 "[thread %d is frozen: its interrupted step is abandoned]",
				 t->num);
			tell(s, text);
		}
		drop(s);
		return 0;
	}
	if (s->pending_kind == SES_PENDING_MANAGED)
		return continue_managed(s, err) == 0 ? 1 : -1;
	s->pending_kind = SES_PENDING_NONE; /* kept again if another stop interrupts it */
	s->pending_tid = 0;
	return ses_step_resume_native(s, err) == 0 ? 1 : -1;
}
