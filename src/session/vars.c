/* vars.c: variables of the selected frame, for `info locals`, `info args` and `print`:
 * native/vars reads them from DWARF with the frame's registers and CFA from the unwinder. */
#include "session/meval.h"
#include "session/ses_internal.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "native/vars.h"

static int read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	return ses_read_memory(ctx, addr, buf, len, NULL);
}

/* Registers of the selected frame: all of them (and eflags) in frame 0; rsp, rip and the CFA
 * above. */
static int frame_regs(struct ses *s, struct nat_frame_regs *fr, struct mx_err *err)
{
	memset(fr, 0, sizeof(*fr));
	const struct ses_frame *f;
	size_t n;
	if (!s->pid)
		return mx_err_set(err, "No frame selected (the program is not being run).");
	if (ses_backtrace(s, s->cur_tid, &f, &n, err) != 0)
		return -1;
	size_t k = (size_t)s->cur_frame < n ? (size_t)s->cur_frame : 0;
	fr->pc = f[k].lookup_pc;
	fr->inline_depth = f[k].inline_depth;
	/* an inlined call's caller is the real frame below it, with its registers */
	size_t real = k;
	while (real > 0 && f[real].inline_depth > 0)
		real--;
	/* the CFA is the caller's rsp; a transition label inserted between them has none, and
	 * the frames of inlined calls share the real frame's */
	size_t caller = k + 1;
	while (caller < n && ((!f[caller].sp && f[caller].label[0]) || f[caller].inline_depth))
		caller++;
	fr->cfa = caller < n ? f[caller].sp : 0;
	if (real == 0) {
		struct user_regs_struct r;
		if (ses_get_regs(s, s->cur_tid, &r, err) != 0)
			return -1;
		uint64_t v[17] = {r.rax, r.rdx, r.rcx, r.rbx, r.rsi, r.rdi, r.rbp, r.rsp, r.r8,
				  r.r9,	 r.r10, r.r11, r.r12, r.r13, r.r14, r.r15, r.rip};
		for (int i = 0; i < 17; i++) {
			fr->r[i] = v[i];
			fr->valid[i] = true;
		}
		fr->eflags = r.eflags;
		fr->eflags_valid = true;
	} else {
		fr->r[7] = f[real].sp;
		fr->valid[7] = true;
		fr->r[16] = f[real].pc;
		fr->valid[16] = true;
	}
	return 0;
}

/* At a native stop of a .NET program, the selected frame may be a managed one: returns it
 * (NULL if not). */
static const struct ses_frame *selected_managed_frame(struct ses *s)
{
	const struct ses_frame *frames;
	size_t n;
	int cur = ses_current_frame(s);
	if (s->clr && ses_backtrace(s, s->cur_tid, &frames, &n, NULL) == 0 && cur >= 0 &&
	    (size_t)cur < n && frames[cur].managed)
		return &frames[cur];
	return NULL;
}

/* Whether the variables to read are the runtime's: at a managed stop, unless the selected
 * frame is native code in a stack the tracer holds (stack.c places native frames there). */
static bool runtime_frame_selected(struct ses *s)
{
	if (!s->mstopped)
		return false;
	const struct ses_frame *f;
	size_t n;
	int cur = ses_current_frame(s);
	if (!s->frozen || ses_backtrace(s, s->cur_tid, &f, &n, NULL) != 0 || cur < 0 ||
	    (size_t)cur >= n)
		return true;
	return f[cur].managed;
}

int ses_frame_vars(struct ses *s, bool args,
		   void (*fn)(void *arg, const char *name, const char *value), void *arg,
		   struct mx_err *err)
{
	if (runtime_frame_selected(s))
		return ses_managed_frame_vars(s, args, fn, arg, err);
	const struct ses_frame *mf = selected_managed_frame(s);
	if (mf && mf->label[0])
		return mx_err_set(err, "%s is a runtime transition: it has no variables",
				  mf->label);
	if (mf)
		return ses_managed_native_stop_vars(s, mf->pc, args, fn, arg, err);
	struct nat_frame_regs fr;
	if (frame_regs(s, &fr, err) != 0)
		return -1;
	struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
	int n =
	    nat_frame_vars(s->syms, &fr, &mem, args ? NAT_VAR_ARG : NAT_VAR_LOCAL, fn, arg, err);
	return n < 0 ? -1 : n;
}

enum ses_vars_kind ses_vars_kind(struct ses *s)
{
	if (runtime_frame_selected(s))
		return SES_VARS_MANAGED;
	return selected_managed_frame(s) ? SES_VARS_SNAPSHOT : SES_VARS_NATIVE;
}

int ses_native_shape(struct ses *s, const char *expr, struct nat_shape *out,
		     void (*member_fn)(void *arg, const char *name), void *arg, struct mx_err *err)
{
	struct nat_frame_regs fr;
	if (frame_regs(s, &fr, err) != 0)
		return -1;
	struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
	return nat_eval_shape(s->syms, &fr, &mem, expr, out, member_fn, arg, err);
}

void ses_set_print_elements(struct ses *s, unsigned n)
{
	(void)s; /* one setting for the whole debugger, as gdb has it (native/print_limit.c) */
	nat_set_print_elements(n);
}

unsigned ses_print_elements(const struct ses *s)
{
	(void)s;
	return nat_print_elements();
}

int ses_print_var(struct ses *s, const char *expr, char *out, size_t outlen, struct mx_err *err)
{
	const char *e = expr + strspn(expr, " ");
	/* the managed exception in flight: a runtime's value, not a register */
	bool exception = strncmp(e, "$exception", 10) == 0 && !isalnum((unsigned char)e[10]);
	if (!exception && strchr(expr, '$') && ses_native_refused(s, "registers", err) != 0)
		return -1; /* $rip, $rsp...: the tracer has none to give */
	if (exception || runtime_frame_selected(s))
		return ses_managed_print(s, expr, out, outlen, err);
	/* print x = 5, print x += 2: assigned as set var does, then the new value shown */
	char lhs[512], value[1100];
	int assign = nat_split_assignment(expr, lhs, sizeof(lhs), value, sizeof(value));
	if (assign < 0)
		return mx_err_set(err, "A syntax error in expression, near `%s'.", expr);
	if (assign && ses_set_var(s, lhs, value, err) != 0)
		return -1;
	struct nat_frame_regs fr;
	if (frame_regs(s, &fr, err) != 0)
		return -1;
	struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
	const char *what = assign ? lhs : expr;
	int rc = nat_eval_print_repeated(s->syms, &fr, &mem, what, out, outlen, err);
	if (rc != 1)
		return rc;
	return nat_eval_print(s->syms, &fr, &mem, what, out, outlen, err);
}

bool ses_native_is_signed_at(struct ses *s, const char *expr, uint64_t addr)
{
	struct nat_frame_regs fr;
	struct nat_var_place pl;
	struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
	return frame_regs(s, &fr, NULL) == 0 &&
	       nat_eval_lvalue(s->syms, &fr, &mem, expr, &pl, NULL) == 0 && pl.addr == addr &&
	       !pl.is_float && pl.is_signed;
}

int ses_ptype(struct ses *s, const char *expr, bool whatis, char *out, size_t outlen,
	      struct mx_err *err)
{
	if (runtime_frame_selected(s))
		return ses_meval_ptype(s, expr, whatis, out, outlen, err);
	struct nat_frame_regs fr;
	if (frame_regs(s, &fr, err) != 0)
		return -1;
	struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
	return nat_eval_ptype(s->syms, &fr, &mem, expr, whatis, out, outlen, err);
}

int ses_call_expr(struct ses *s, const char *expr, char *out, size_t outlen, bool *has_value,
		  struct mx_err *err)
{
	*has_value = false;
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	if (runtime_frame_selected(s))
		return ses_meval_call(s, expr, out, outlen, has_value, err);
	if (selected_managed_frame(s))
		return mx_err_set(
		    err, "function evaluation needs a managed stop: at a native stop the "
			 "tracer holds the runtime's threads and ICorDebug cannot run code "
			 "(stop in C# code first, e.g. at a breakpoint there)");
	return mx_err_set(err, "calls of C functions are not supported yet (the selected frame "
			       "is native code)");
}

/* Parses a literal value for a variable of the place's type and fills the bytes to write:
 * 0, -1 (a literal that does not fit, err set) or -2 (not a literal). */
static int parse_value(const char *value, const struct nat_var_place *pl, uint8_t *bytes,
		       struct mx_err *err)
{
	char *end;
	errno = 0;
	if (pl->is_float) {
		double d = strtod(value, &end);
		if (end == value || *end || errno)
			return mx_err_set(err, "'%s' is not a number", value), -2;
		if (pl->size == 4) {
			float f = (float)d;
			memcpy(bytes, &f, 4);
		} else {
			memcpy(bytes, &d, 8);
		}
		return 0;
	}
	int64_t v;
	if (value[0] == '\'' && value[1] && value[2] == '\'' && !value[3]) {
		v = (unsigned char)value[1];
	} else {
		v = value[0] == '-' ? strtoll(value, &end, 0) : (int64_t)strtoull(value, &end, 0);
		if (end == value || *end || errno)
			return mx_err_set(err, "'%s' is not an integer", value), -2;
	}
	if (pl->size < 8) {
		int bits = (int)pl->size * 8;
		int64_t lo = pl->is_signed ? -(1ll << (bits - 1)) : -(1ll << (bits - 1));
		int64_t hi = pl->is_signed ? (1ll << (bits - 1)) - 1 : (1ll << bits) - 1;
		if (v < lo || v > hi)
			return mx_err_set(err, "%s does not fit in %d bytes", value, (int)pl->size);
	}
	memcpy(bytes, &v, pl->size); /* little endian: the low bytes */
	return 0;
}

int ses_set_var(struct ses *s, const char *name, const char *value, struct mx_err *err)
{
	if (runtime_frame_selected(s))
		return ses_meval_assign(s, name, value, err);
	struct nat_frame_regs fr;
	if (frame_regs(s, &fr, err) != 0)
		return -1;
	struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
	struct nat_var_place pl;
	bool plain =
	    (isalpha((unsigned char)name[0]) || name[0] == '_') &&
	    strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
		strlen(name);
	/* a plain name may live in a register; any other lvalue (p->x, a[i], *p) is memory */
	if ((plain ? nat_locate_var(s->syms, &fr, &mem, name, &pl, err)
		   : nat_eval_lvalue(s->syms, &fr, &mem, name, &pl, err)) != 0)
		return -1;
	uint8_t bytes[8] = {0};
	int lit = parse_value(value, &pl, bytes, err);
	if (lit == -1)
		return -1; /* a literal that does not fit */
	if (lit == -2) {
		/* not a literal: evaluate it as an expression, converted as C assigns */
		uint64_t u;
		double d;
		bool is_float;
		if (nat_eval_scalar(s->syms, &fr, &mem, value, &u, &d, &is_float, err) != 0)
			return -1;
		if (pl.is_float && pl.size == 4) {
			float f = (float)(is_float ? d : (double)(int64_t)u);
			memcpy(bytes, &f, 4);
		} else if (pl.is_float) {
			double x = is_float ? d : (double)(int64_t)u;
			memcpy(bytes, &x, 8);
		} else {
			uint64_t x = is_float ? (uint64_t)(int64_t)d : u;
			memcpy(bytes, &x, pl.size); /* the low bytes, as a C conversion keeps */
		}
	}
	int frame = s->cur_frame; /* the stack may change, the selection stays */
	ses_stack_invalidate(s);
	s->cur_frame = frame;
	if (pl.in_memory) {
		if (s->memfd < 0 ||
		    pwrite(s->memfd, bytes, pl.size, (off_t)pl.addr) != (ssize_t)pl.size)
			return mx_err_errno(err, errno, "cannot write '%s' at 0x%" PRIx64, name,
					    pl.addr);
		return 0;
	}
	if (s->cur_frame != 0)
		return mx_err_set(err,
				  "'%s' lives in a register of an outer frame: select frame 0 "
				  "to assign to it",
				  name);
	struct tr_regs tr = {.tid = s->cur_tid};
	if (ses_get_regs(s, s->cur_tid, &tr.regs, err) != 0)
		return -1;
	/* DWARF register numbers (System V x86-64 psABI) to struct user_regs_struct fields */
	unsigned long long *map[17] = {
	    &tr.regs.rax, &tr.regs.rdx, &tr.regs.rcx, &tr.regs.rbx, &tr.regs.rsi, &tr.regs.rdi,
	    &tr.regs.rbp, &tr.regs.rsp, &tr.regs.r8,  &tr.regs.r9,  &tr.regs.r10, &tr.regs.r11,
	    &tr.regs.r12, &tr.regs.r13, &tr.regs.r14, &tr.regs.r15, &tr.regs.rip};
	if (pl.regno < 0 || pl.regno >= 17 || pl.is_float)
		return mx_err_set(err, "cannot assign to '%s' in that register", name);
	uint64_t v = 0;
	memcpy(&v, bytes, pl.size);
	*map[pl.regno] = v;
	return ses_call(s, TR_REQ_SET_REGS, &tr, sizeof(tr), NULL, err) == 0 ? 0 : -1;
}

int ses_cond_eval_here(struct ses *s, pid_t tid, const char *expr, bool *result, struct mx_err *err)
{
	/* the stopping thread's innermost frame, whatever the user had selected */
	pid_t saved_tid = s->cur_tid;
	int saved_frame = s->cur_frame;
	s->cur_tid = tid;
	s->cur_frame = 0;
	ses_stack_invalidate(s);
	struct nat_frame_regs fr;
	int rc = frame_regs(s, &fr, err);
	if (rc == 0) {
		struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
		uint64_t u;
		double d;
		bool is_float;
		rc = nat_eval_scalar(s->syms, &fr, &mem, expr, &u, &d, &is_float, err);
		if (rc == 0)
			*result = is_float ? d != 0 : u != 0;
	}
	ses_stack_invalidate(s);
	s->cur_tid = saved_tid;
	s->cur_frame = saved_frame;
	return rc;
}

/* The stopping thread's innermost frame, whatever the user had selected, for what a
 * breakpoint hit evaluates before it is reported (conditions here, logpoints). */
struct frame_swap {
	pid_t tid;
	int frame;
};

static void swap_in(struct ses *s, pid_t tid, struct frame_swap *saved)
{
	saved->tid = s->cur_tid;
	saved->frame = s->cur_frame;
	s->cur_tid = tid;
	s->cur_frame = 0;
	ses_stack_invalidate(s);
}

static void swap_out(struct ses *s, const struct frame_swap *saved)
{
	ses_stack_invalidate(s);
	s->cur_tid = saved->tid;
	s->cur_frame = saved->frame;
}

int ses_print_here(struct ses *s, pid_t tid, const char *expr, char *out, size_t outlen,
		   struct mx_err *err)
{
	struct frame_swap saved;
	swap_in(s, tid, &saved);
	struct nat_frame_regs fr;
	int rc = frame_regs(s, &fr, err);
	if (rc == 0) {
		struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
		rc = nat_eval_print(s->syms, &fr, &mem, expr, out, outlen, err);
	}
	swap_out(s, &saved);
	return rc;
}

int ses_scalar_here(struct ses *s, pid_t tid, const char *expr, uint64_t *u, double *d,
		    bool *is_float, struct mx_err *err)
{
	struct frame_swap saved;
	swap_in(s, tid, &saved);
	struct nat_frame_regs fr;
	int rc = frame_regs(s, &fr, err);
	if (rc == 0) {
		struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
		rc = nat_eval_scalar(s->syms, &fr, &mem, expr, u, d, is_float, err);
	}
	swap_out(s, &saved);
	return rc;
}
