/* managed_only.c: managed-only mode: a .NET program debugged with ICorDebug alone.
 *
 * The tracer still starts (or attaches to) the program: it owns its stdio, the exec, and the
 * startup handshake happens under it (clr/startup.h). Once ICorDebug is attached, the tracer
 * lets go of every thread (TR_REQ_UNTRACE) but keeps a launched program as its child, so its
 * exit code still comes as TR_EV_EXIT and `kill` still works. From then on every stop is the
 * runtime's, the threads are those ICorDebug reports, and whatever needs ptrace (native
 * breakpoints, registers, watchpoints, signal policies, instruction steps in native code) is
 * refused with a message instead of failing in the tracer.
 */
#include "session/ses_internal.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

int ses_set_managed_only(struct ses *s, bool on, struct mx_err *err)
{
	if (s->pid)
		return mx_err_set(err, "managed-only mode cannot change while a program is being "
				       "debugged (kill or detach it first)");
	if (on && s->native_only)
		return mx_err_set(err, "managed-only and native-only exclude each other (set "
				       "native-only off first)");
	if (on && ses_watch_count(s))
		return mx_err_set(err, "watchpoints need mixed mode: delete them first");
	for (size_t i = 0; on && i < s->nbps; i++)
		if (!s->bps[i]->managed)
			return mx_err_set(err,
					  "breakpoint %d (%s) is a native one, which needs mixed "
					  "mode: delete it first",
					  s->bps[i]->id, s->bps[i]->spec);
	/* a bare name (Main) binds on both sides in mixed mode, only in managed code here */
	for (size_t i = 0; i < s->nbps; i++)
		if (s->bps[i]->managed && !ses_spec_is_managed_only(s->bps[i]->spec))
			s->bps[i]->native = !on;
	s->managed_only = on;
	return 0;
}

bool ses_managed_only(const struct ses *s)
{
	return s->managed_only;
}

bool ses_is_untraced(const struct ses *s)
{
	return s->untraced;
}

int ses_native_refused(const struct ses *s, const char *what, struct mx_err *err)
{
	if (!s->untraced)
		return 0;
	return mx_err_set(err,
			  "%s need%s mixed mode (set managed-only off): in managed-only mode the "
			  "program is not traced",
			  what, what[strlen(what) - 1] == 's' ? "" : "s");
}

/* Events the tracer sent before it let go: a stop it reported then is over (the threads were
 * detached from it), and its thread news are superseded by ICorDebug's. */
static void drop_queued_native_events(struct ses *s)
{
	size_t kept = 0;
	for (size_t i = 0; i < s->nqueued; i++) {
		uint32_t kind = s->queued[i].hdr.kind;
		if (kind == TR_EV_STOP || kind == TR_EV_THREAD)
			tr_msg_free(&s->queued[i]);
		else
			s->queued[kept++] = s->queued[i];
	}
	s->nqueued = kept;
}

int ses_untrace(struct ses *s, struct mx_err *err)
{
	if (s->untraced)
		return 0;
	if (ses_call(s, TR_REQ_UNTRACE, NULL, 0, NULL, err) != 0)
		return -1;
	s->untraced = true;
	drop_queued_native_events(s);
	ses_pstep_disarm(s);
	/* the tracer removed every int3 byte, the dynamic loader's included */
	s->solib_bp_inserted = false;
	for (size_t i = 0; i < s->nbps; i++)
		for (size_t j = 0; j < s->bps[i]->nlocs; j++)
			s->bps[i]->locs[j].inserted = false;
	/* the threads known so far stay; new ones come from the runtime's CreateThread events,
	 * and those that end unseen are pruned at stops (ses_untraced_prune_threads) */
	s->cur_tid = s->pid;
	ses_stack_invalidate(s);
	return 0;
}

void ses_untraced_prune_threads(struct ses *s)
{
	for (size_t i = 0; i < s->nthreads;) {
		char path[64];
		snprintf(path, sizeof(path), "/proc/%d/task/%d", (int)s->pid,
			 (int)s->threads[i].tid);
		if (s->threads[i].tid == s->pid || access(path, F_OK) == 0) {
			i++;
			continue;
		}
		struct ses_note n = {.kind = SES_NOTE_THREAD_EXIT,
				     .tid = s->threads[i].tid,
				     .thread_num = s->threads[i].num};
		s->notify(s->notify_ctx, &n);
		ses_thread_remove(s, n.tid);
	}
}
