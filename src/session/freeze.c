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

static bool is_service_thread(pid_t pid, pid_t tid)
{
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

void ses_freeze_at_managed_stop(struct ses *s)
{
	if (!s->pid || !s->clr || s->frozen || s->untraced)
		return; /* (managed-only: no thread is traced) */
	size_t size = sizeof(struct tr_freeze) + (s->nthreads + 1) * sizeof(int32_t);
	char *req = xcalloc(1, size);
	struct tr_freeze hdr = {0};
	int32_t *keep = (int32_t *)(req + sizeof(hdr));
	for (size_t i = 0; i < s->nthreads; i++)
		if (is_service_thread(s->pid, s->threads[i].tid))
			keep[hdr.nkeep++] = s->threads[i].tid;
	memcpy(req, &hdr, sizeof(hdr));
	struct tr_msg rep = {.fd = -1};
	if (ses_call(s, TR_REQ_FREEZE, req, (uint32_t)(sizeof(hdr) + hdr.nkeep * sizeof(int32_t)),
		     &rep, NULL) == 0) {
		struct tr_frozen fr = {0};
		if (rep.hdr.len >= sizeof(fr))
			memcpy(&fr, rep.payload, sizeof(fr));
		/* over_stop: a native event had stopped everything meanwhile, and its stop is
		 * queued here; the service threads run now all the same, and go back to that
		 * stop at the resume (TR_REQ_THAW), which is then reported */
		s->frozen = true;
		s->frozen_over_stop = fr.over_stop != 0;
		tr_msg_free(&rep);
	}
	free(req);
}

void ses_thaw(struct ses *s)
{
	if (!s->frozen)
		return;
	s->frozen = false;
	ses_call(s, s->frozen_over_stop ? TR_REQ_THAW : TR_REQ_CONT, NULL, 0, NULL, NULL);
	s->frozen_over_stop = false;
}
