/* stack.c: call stacks at a stop. Unwinding is native/unwind's (elfutils CFI); memory comes
 * from /proc/PID/mem and registers from the tracer. The result is kept until the program
 * runs again, so `bt`, `frame`, `up` and `down` at one stop unwind once. */
#include "session/ses_internal.h"

#include <stdlib.h>
#include <string.h>

#include "native/unwind.h"
#include "util/xalloc.h"

#define MAX_FRAMES 4096

void ses_stack_invalidate(struct ses *s)
{
	s->bt_tid = 0;
	s->bt_n = 0;
	s->cur_frame = 0;
}

static int read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	return ses_read_memory(ctx, addr, buf, len, NULL);
}

static int get_regs(void *ctx, pid_t tid, struct user_regs_struct *r)
{
	return ses_get_regs(ctx, tid, r, NULL);
}

int ses_backtrace(struct ses *s, pid_t tid, const struct ses_frame **frames, size_t *n,
		  struct mx_err *err)
{
	if (!s->pid)
		return mx_err_set(err, "No stack (the program is not being run).");
	if (s->bt_tid != tid && s->mstopped) {
		/* at a managed stop: the runtime's view of the thread's managed frames */
		struct ses_frame *mf;
		size_t got;
		if (ses_managed_backtrace(s, tid, &mf, &got, err) != 0)
			return -1;
		if (!s->bt)
			s->bt = xmalloc(MAX_FRAMES * sizeof(*s->bt));
		if (got > MAX_FRAMES)
			got = MAX_FRAMES;
		memcpy(s->bt, mf, got * sizeof(*mf));
		free(mf);
		s->bt_n = got;
		s->bt_tid = tid;
	}
	if (s->bt_tid != tid) {
		struct nat_frame *nf = xmalloc(MAX_FRAMES * sizeof(*nf));
		struct nat_unwind_ops ops = {.read_mem = read_mem, .get_regs = get_regs, .ctx = s};
		size_t got = 0;
		int rc = nat_unwind(s->syms, &ops, s->pid, tid, nf, MAX_FRAMES, &got, err);
		if (rc != 0) {
			free(nf);
			return -1;
		}
		if (!s->bt)
			s->bt = xmalloc(MAX_FRAMES * sizeof(*s->bt));
		for (size_t i = 0; i < got; i++) {
			s->bt[i].pc = nf[i].pc;
			s->bt[i].lookup_pc = nf[i].lookup_pc;
			s->bt[i].sp = nf[i].sp;
			s->bt[i].managed = false;
			s->bt[i].label[0] = 0;
		}
		free(nf);
		s->bt_n = got;
		s->bt_tid = tid;
	}
	*frames = s->bt;
	*n = s->bt_n;
	return 0;
}

int ses_select_frame(struct ses *s, int level, struct mx_err *err)
{
	const struct ses_frame *f;
	size_t n;
	if (ses_backtrace(s, s->cur_tid, &f, &n, err) != 0)
		return -1;
	if (level < 0)
		return mx_err_set(err, "Bottom (innermost) frame selected; you cannot go down.");
	if ((size_t)level >= n)
		return mx_err_set(err, "No frame at level %d (the stack has %zu frames).", level,
				  n);
	s->cur_frame = level;
	return 0;
}

int ses_current_frame(const struct ses *s)
{
	return s->cur_frame;
}
