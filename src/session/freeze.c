/* freeze.c: one stopped program at a managed stop.
 *
 * When the runtime reports a stop (a managed breakpoint, step or exception), it has parked the
 * threads that run managed code, but threads in native code (a C function called through
 * P/Invoke, threads the C library created) go on running. In mixed mode the tracer stops
 * those too, so the user sees the whole program stopped and native registers and stacks are
 * readable; only the runtime's own service threads are left running, because the runtime
 * answers ICorDebug's requests on them (the debugger's RC thread and its transport thread)
 * and may need the others to make progress (the PAL's synchronization manager, the tiered
 * JIT's worker, the GC's and EventPipe's threads). The program's threads run again at the
 * next resume. */
#include "session/ses_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Threads the runtime creates for itself and names (SetThreadName; Linux keeps 15 bytes of a
 * name in /proc/PID/task/TID/comm): none runs the program's code. The finalizer and thread
 * pool threads are not among them: they run the program's code. */
static const char *const service_threads[] = {
    ".NET Debugger",   /* the debugger's runtime controller (answers ICorDebug) */
    ".NET DebugPipe",  /* the debugger transport's pipe */
    ".NET SynchManag", /* the PAL's synchronization manager */
    ".NET EventPipe",  ".NET SigHandler", ".NET Tiered Com", ".NET BGC", ".NET Server GC",
};

bool ses_is_service_thread(struct ses *s, pid_t tid)
{
	pid_t pid = s->pid;
	char path[64], comm[32] = "";
	snprintf(path, sizeof(path), "/proc/%d/task/%d/comm", (int)pid, (int)tid);
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	if (!fgets(comm, sizeof(comm), f))
		comm[0] = 0;
	fclose(f);
	for (size_t i = 0; i < sizeof(service_threads) / sizeof(service_threads[0]); i++)
		if (strncmp(comm, service_threads[i], strlen(service_threads[i])) == 0)
			return true;
	return false;
}

/* A thread of the runtime's that has no name of its own: the debugger's lock canary
 * (HelperCanary in dotnet/runtime src/coreclr/debug/ee/canary.cpp). The debugger thread pings
 * it before requests such as SetIP and it must answer, else they fail with
 * CORDBG_E_HELPER_MAY_DEADLOCK for the rest of the stop (the answer is cached). It never runs
 * managed code and waits on an event inside libcoreclr; it is created during the runtime's
 * startup, by the debugger thread (then it has its name: Linux threads start with their
 * creator's) or by the main thread. So: once frozen, a thread the runtime does not know as a
 * managed thread, other than the main thread, whose innermost frames wait in libcoreclr is the
 * runtime's own, and runs on at every managed stop from then on. Checked once per thread. */
static bool is_unnamed_helper(struct ses *s, struct ses_thread *t)
{
	if (t->helper_checked)
		return t->runtime_helper;
	t->helper_checked = true;
	if (t->tid == s->pid || !s->clr || !s->clr->process)
		return false;
	ICorDebugThread *ct = NULL;
	if (COM(s->clr->process, GetThread, (DWORD)t->tid, &ct) >= 0 && ct) {
		COM_RELEASE(ct);
		return false;
	}
	const struct ses_frame *f;
	size_t n;
	if (ses_backtrace(s, t->tid, &f, &n, NULL) != 0)
		return false;
	/* four real frames: the frames of inlined calls (a libc with debug information has
	 * several in its futex wait) share their real frame's pc */
	for (size_t i = 0, real = 0; i < n && real < 4 && !t->runtime_helper; i++) {
		if (f[i].inline_depth)
			continue;
		real++;
		struct ses_where w;
		ses_describe(s, f[i].lookup_pc, &w);
		const char *slash = strrchr(w.module, '/');
		t->runtime_helper = strcmp(slash ? slash + 1 : w.module, "libcoreclr.so") == 0;
	}
	return t->runtime_helper;
}

static void keep_running(struct ses *s, const int32_t *tids, uint32_t n, struct tr_frozen *fr)
{
	size_t size = sizeof(struct tr_freeze) + (n + 1) * sizeof(int32_t);
	char *req = xcalloc(1, size);
	struct tr_freeze hdr = {.nkeep = n};
	memcpy(req, &hdr, sizeof(hdr));
	memcpy(req + sizeof(hdr), tids, n * sizeof(int32_t));
	struct tr_msg rep = {.fd = -1};
	if (ses_call(s, TR_REQ_FREEZE, req, (uint32_t)(sizeof(hdr) + n * sizeof(int32_t)), &rep,
		     NULL) == 0) {
		if (fr && rep.hdr.len >= sizeof(*fr))
			memcpy(fr, rep.payload, sizeof(*fr));
		s->frozen = true;
		tr_msg_free(&rep);
	}
	free(req);
}

void ses_freeze_at_managed_stop(struct ses *s)
{
	if (!s->pid || !s->clr || s->frozen || s->untraced)
		return; /* (managed-only: no thread is traced) */
	int32_t *keep = xcalloc(s->nthreads + 1, sizeof(*keep));
	uint32_t nkeep = 0;
	for (size_t i = 0; i < s->nthreads; i++)
		if (ses_is_service_thread(s, s->threads[i].tid) || s->threads[i].runtime_helper)
			keep[nkeep++] = s->threads[i].tid;
	struct tr_frozen fr = {0};
	keep_running(s, keep, nkeep, &fr);
	/* over_stop: a native event had stopped everything meanwhile, and its stop is queued
	 * here; the service threads run now all the same, and go back to that stop at the
	 * resume (TR_REQ_THAW), which is then reported */
	s->frozen_over_stop = s->frozen && fr.over_stop != 0;
	if (s->frozen) {
		nkeep = 0;
		for (size_t i = 0; i < s->nthreads; i++)
			if (!s->threads[i].helper_checked &&
			    !ses_is_service_thread(s, s->threads[i].tid) &&
			    is_unnamed_helper(s, &s->threads[i]))
				keep[nkeep++] = s->threads[i].tid;
		ses_stack_invalidate(s);
		if (nkeep)
			keep_running(s, keep, nkeep, NULL);
	}
	free(keep);
}

void ses_thaw(struct ses *s)
{
	if (!s->frozen)
		return;
	s->frozen = false;
	ses_call(s, s->frozen_over_stop ? TR_REQ_THAW : TR_REQ_CONT, NULL, 0, NULL, NULL);
	s->frozen_over_stop = false;
}
