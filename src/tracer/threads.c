/* threads.c: the tracer's table of debuggee threads (a small array: lookups are linear, which
 * is cheaper than hashing for the few dozen threads a program has). */
#include "tracer/tracer.h"

#include <string.h>

#include "util/xalloc.h"

struct tr_thread *tr_thread_find(struct tracer *t, pid_t tid)
{
	for (size_t i = 0; i < t->nthreads; i++)
		if (t->threads[i].tid == tid)
			return &t->threads[i];
	return NULL;
}

struct tr_thread *tr_thread_add(struct tracer *t, pid_t tid)
{
	struct tr_thread *th = tr_thread_find(t, tid);
	if (th)
		return th;
	xgrow((void **)&t->threads, &t->cap_threads, t->nthreads + 1, sizeof(*t->threads));
	th = &t->threads[t->nthreads++];
	memset(th, 0, sizeof(*th));
	th->tid = tid;
	return th;
}

void tr_thread_remove(struct tracer *t, pid_t tid)
{
	for (size_t i = 0; i < t->nthreads; i++) {
		if (t->threads[i].tid == tid) {
			t->threads[i] = t->threads[--t->nthreads];
			return;
		}
	}
}

void tr_threads_reset(struct tracer *t)
{
	t->nthreads = 0;
	t->report_cursor = 0;
}
