/* stack.c: call stacks at a stop. Unwinding is native/unwind's (elfutils CFI); memory comes
 * from /proc/PID/mem and registers from the tracer. The result is kept until the program
 * runs again, so `bt`, `frame`, `up` and `down` at one stop unwind once. */
#include "session/ses_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/snapshot.h"
#include "native/unwind.h"
#include "util/str.h"
#include "util/xalloc.h"

#define MAX_FRAMES 4096

void ses_stack_invalidate(struct ses *s)
{
	s->bt_tid = 0;
	s->bt_n = 0;
	s->cur_frame = 0;
}

static int get_regs(void *ctx, pid_t tid, struct user_regs_struct *r)
{
	return ses_get_regs(ctx, tid, r, NULL);
}

static size_t read_mem_count(void *ctx, uint64_t addr, void *buf, size_t len)
{
	/* the runtime's data access library reads in chunks that may cross into unmapped
	 * memory: report how much of the start is readable */
	if (ses_read_memory(ctx, addr, buf, len, NULL) == 0)
		return len;
	size_t got = 0;
	while (got < len) {
		size_t chunk = 4096 - ((addr + got) & 4095);
		if (chunk > len - got)
			chunk = len - got;
		if (ses_read_memory(ctx, addr + got, (char *)buf + got, chunk, NULL) != 0)
			break;
		got += chunk;
	}
	return got;
}

static void insert_label(struct ses *s, size_t at, const char *label)
{
	if (s->bt_n >= MAX_FRAMES)
		return;
	memmove(&s->bt[at + 1], &s->bt[at], (s->bt_n - at) * sizeof(*s->bt));
	memset(&s->bt[at], 0, sizeof(s->bt[at]));
	s->bt[at].managed = true;
	s->bt[at].rt_index = -1;
	snprintf(s->bt[at].label, sizeof(s->bt[at].label), "%s", label);
	s->bt_n++;
}

static void mark_transitions(struct ses *s);

/* At a native stop of a .NET program: the frames the native unwind could not name (JIT
 * code) are matched by address with the managed frames the runtime's own stack walk finds
 * in memory (clr/snapshot.h), and each switch between native and managed code is marked. */
static void merge_managed_frames(struct ses *s, pid_t tid)
{
	struct clr_dt_ops ops = {.read_mem = read_mem_count, .get_regs = get_regs, .ctx = s};
	struct clr_snap_frame *sf;
	size_t nsf;
	struct mx_err err;
	if (clr_snapshot_stack(s->clr, &ops, tid, &sf, &nsf, &err) != 0 || !nsf) {
		free(nsf ? sf : NULL);
		return;
	}
	bool any = false;
	for (size_t i = 0; i < s->bt_n; i++) {
		for (size_t j = 0; j < nsf; j++) {
			if (!sf[j].il || sf[j].ip != s->bt[i].pc)
				continue;
			struct ses_frame *f = &s->bt[i];
			f->managed = true;
			f->label[0] = 0;
			memset(&f->where, 0, sizeof(f->where));
			mx_strlcpy(f->where.func, sf[j].where.func, sizeof(f->where.func));
			mx_strlcpy(f->where.file, sf[j].where.file, sizeof(f->where.file));
			mx_strlcpy(f->where.module, sf[j].where.module, sizeof(f->where.module));
			f->where.line = sf[j].where.line;
			f->where.line_start = true;
			f->il = sf[j].where.il;
			any = true;
			break;
		}
	}
	free(sf);
	if (any)
		mark_transitions(s);
}

/* Marks each switch between native and managed code in s->bt, innermost first: native code
 * called from managed code, and managed code called from native code (the runtime's entry
 * into Main included). */
static void mark_transitions(struct ses *s)
{
	for (size_t i = 0; i + 1 < s->bt_n; i++) {
		bool here = s->bt[i].managed && !s->bt[i].label[0];
		bool next = s->bt[i + 1].managed && !s->bt[i + 1].label[0];
		if (s->bt[i].label[0] || s->bt[i + 1].label[0] || here == next)
			continue;
		struct ses_where w;
		ses_describe(s, s->bt[i].lookup_pc, &w);
		if (!here && !w.module[0] && !w.func[0]) {
			/* code in no module right below managed code: the runtime's P/Invoke
			 * stub, which is the transition itself */
			s->bt[i].managed = true;
			snprintf(s->bt[i].label, sizeof(s->bt[i].label), "[managed-to-native]");
			continue;
		}
		if (here) {
			ses_describe(s, s->bt[i + 1].lookup_pc, &w);
			if (!w.module[0] && !w.func[0]) {
				/* code in no module right above managed code: the runtime's
				 * stub for a call from native code (a delegate's function
				 * pointer), the transition itself */
				s->bt[i + 1].managed = true;
				snprintf(s->bt[i + 1].label, sizeof(s->bt[i + 1].label),
					 "[native-to-managed]");
				i++;
				continue;
			}
		}
		insert_label(s, i + 1, here ? "[native-to-managed]" : "[managed-to-native]");
		i++;
	}
}

/* Registers for the native unwind: the thread's own from the tracer, or for a managed stop's
 * thread parked by the runtime, its innermost managed frame's (the thread's real pc is
 * inside the runtime, which is none of the user's business). */
struct seeded_regs {
	struct ses *s;
	pid_t tid;
	const struct user_regs_struct *seed;
};

static int seeded_get_regs(void *ctx, pid_t tid, struct user_regs_struct *r)
{
	struct seeded_regs *sr = ctx;
	if (sr->seed && tid == sr->tid) {
		*r = *sr->seed;
		return 0;
	}
	return ses_get_regs(sr->s, tid, r, NULL);
}

static int seeded_read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	return ses_read_memory(((struct seeded_regs *)ctx)->s, addr, buf, len, NULL);
}

/* Unwinds thread tid natively into s->bt (from seed when given). */
static int unwind_native(struct ses *s, pid_t tid, const struct user_regs_struct *seed,
			 struct mx_err *err)
{
	struct seeded_regs sr = {.s = s, .tid = tid, .seed = seed};
	struct nat_frame *nf = xmalloc(MAX_FRAMES * sizeof(*nf));
	struct nat_unwind_ops ops = {
	    .read_mem = seeded_read_mem, .get_regs = seeded_get_regs, .ctx = &sr};
	size_t got = 0;
	int rc = nat_unwind(s->syms, &ops, s->pid, tid, nf, MAX_FRAMES, &got, err);
	if (rc != 0) {
		free(nf);
		return -1;
	}
	if (!s->bt)
		s->bt = xmalloc(MAX_FRAMES * sizeof(*s->bt));
	for (size_t i = 0; i < got; i++) {
		memset(&s->bt[i], 0, sizeof(s->bt[i]));
		s->bt[i].pc = nf[i].pc;
		s->bt[i].lookup_pc = nf[i].lookup_pc;
		s->bt[i].sp = nf[i].sp;
		s->bt[i].rt_index = -1;
	}
	free(nf);
	s->bt_n = got;
	return 0;
}

/* A native frame whose pc is in inlined code (at native stops, and at managed stops in the
 * native stack the runtime's frames were placed in) is shown as gdb shows it: one frame for the
 * innermost inlined function, then one per inlined call, each naming the function the call was
 * made in and the call's line (nat_inline_calls), all with the real frame's pc and sp. */
static void expand_inlined_calls(struct ses *s)
{
	for (size_t i = 0; i < s->bt_n; i++) {
		struct nat_inline_call calls[16];
		if (s->bt[i].managed || s->bt[i].inline_depth || s->bt[i].label[0])
			continue;
		int k = nat_inline_calls(s->syms, s->bt[i].lookup_pc, calls, 16);
		if (k <= 0 || s->bt_n + (size_t)k > MAX_FRAMES)
			continue;
		memmove(&s->bt[i + 1 + (size_t)k], &s->bt[i + 1],
			(s->bt_n - i - 1) * sizeof(*s->bt));
		struct ses_where w;
		ses_describe(s, s->bt[i].lookup_pc, &w);
		for (int d = 1; d <= k; d++) {
			struct ses_frame *f = &s->bt[i + (size_t)d];
			*f = s->bt[i];
			f->inline_depth = d;
			memset(&f->where, 0, sizeof(f->where));
			mx_strlcpy(f->where.func, calls[d - 1].func, sizeof(f->where.func));
			mx_strlcpy(f->where.file, calls[d - 1].file, sizeof(f->where.file));
			mx_strlcpy(f->where.module, w.module, sizeof(f->where.module));
			f->where.line = calls[d - 1].line;
			f->where.line_start = true;
		}
		s->bt_n += (size_t)k;
		i += (size_t)k;
	}
}

/* At a managed stop with the other threads held (freeze.c): the native unwind of thread tid
 * with the runtime's frames (rt, which have the pc the runtime's own unwind gives each: the
 * same return addresses) placed where their pc is. False when some managed frame found no
 * place (an unwind that stopped early): the runtime's list alone is then the better one. */
static bool place_runtime_frames(struct ses *s, const struct ses_frame *rt, size_t nrt)
{
	size_t at = 0;
	for (size_t j = 0; j < nrt; j++) {
		if (rt[j].label[0])
			continue; /* transitions are marked below, from what the unwind saw */
		if (!rt[j].pc)
			return false;
		while (at < s->bt_n && s->bt[at].pc != rt[j].pc)
			at++;
		if (at == s->bt_n)
			return false;
		struct ses_frame *f = &s->bt[at++];
		f->managed = true;
		f->where = rt[j].where;
		f->il = rt[j].il;
		f->rt_index = rt[j].rt_index;
	}
	mark_transitions(s);
	return true;
}

static void keep_runtime_list(struct ses *s, const struct ses_frame *rt, size_t nrt)
{
	if (!s->bt)
		s->bt = xmalloc(MAX_FRAMES * sizeof(*s->bt));
	if (nrt > MAX_FRAMES)
		nrt = MAX_FRAMES;
	memcpy(s->bt, rt, nrt * sizeof(*rt));
	s->bt_n = nrt;
}

int ses_backtrace(struct ses *s, pid_t tid, const struct ses_frame **frames, size_t *n,
		  struct mx_err *err)
{
	if (!s->pid)
		return mx_err_set(err, "No stack (the program is not being run).");
	if (s->bt_tid != tid && s->mstopped) {
		/* at a managed stop: the runtime's view of the thread's managed frames, placed
		 * in the native stack when the tracer holds the thread */
		struct ses_frame *rt = NULL;
		size_t nrt = 0;
		struct user_regs_struct leaf;
		bool has_leaf = false;
		struct mx_err rterr;
		bool managed =
		    ses_managed_backtrace(s, tid, &rt, &nrt, &leaf, &has_leaf, &rterr) == 0;
		bool placed = false, held = false;
		if (s->frozen) {
			struct user_regs_struct own;
			/* a thread the runtime parked shows from its managed frame on; one in
			 * native code (or native-only), from its own registers */
			held = ses_get_regs(s, tid, &own, NULL) == 0;
			if ((has_leaf || held) &&
			    unwind_native(s, tid, has_leaf ? &leaf : NULL, NULL) == 0)
				placed = managed ? place_runtime_frames(s, rt, nrt) : true;
		}
		if (!placed && !managed) {
			free(rt);
			if (s->frozen && !held)
				return mx_err_set(
				    err,
				    "thread %d is one of the runtime's service threads, "
				    "left running at managed stops (they answer the "
				    "debugger)",
				    (int)tid);
			return mx_err_set(err, "%s", rterr.msg);
		}
		if (placed) /* C code in the stack shows its inlined calls as at a native stop */
			expand_inlined_calls(s);
		else
			keep_runtime_list(s, rt, nrt);
		free(rt);
		s->bt_tid = tid;
	}
	if (s->bt_tid != tid && ses_native_refused(s, "native stacks", err) != 0)
		return -1;
	if (s->bt_tid != tid) {
		if (unwind_native(s, tid, NULL, err) != 0)
			return -1;
		expand_inlined_calls(s);
		s->bt_tid = tid;
		if (s->clr)
			merge_managed_frames(s, tid);
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
