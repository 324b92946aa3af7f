/* eval_check.c: whether a C expression would evaluate at a code address, without a process:
 * the breakpoint condition the tracer cannot compile is checked with this when it is set, and
 * evaluated by the session at each hit (src/session/cond.c). The parse is the evaluator's own
 * (vars.c), over a frame whose registers and memory all read as zeros, so names, members and
 * types are checked as at a real hit while no value can make it fail. */
#include <string.h>

#include "native/vars_internal.h"

/* Where the made-up frame's registers point: any address, since every read gives zeros. */
#define CHECK_FRAME_ADDR 0x1000u

static int read_zeros(void *ctx, uint64_t addr, void *buf, size_t len)
{
	(void)ctx;
	(void)addr;
	memset(buf, 0, len);
	return 0;
}

int nat_eval_check(struct nat_syms *s, uint64_t pc, const char *expr, struct mx_err *err)
{
	struct nat_frame_regs regs;
	memset(&regs, 0, sizeof(regs));
	for (int i = 0; i < NAT_NREGS; i++) {
		regs.r[i] = CHECK_FRAME_ADDR;
		regs.valid[i] = true;
	}
	regs.r[NAT_REG_RIP] = regs.pc = pc; /* a breakpoint's address: frame 0, no pc - 1 */
	regs.cfa = CHECK_FRAME_ADDR;
	regs.eflags_valid = true;
	struct nat_mem_ops mem = {.read_mem = read_zeros, .ctx = NULL};
	struct ep e;
	ep_begin(&e, s, &regs, &mem, expr, err);
	e.types_only = true; /* an optimized-out variable still has its type */
	e.no_values = true;
	struct ev v;
	uint64_t u;
	double d;
	bool is_float, is_signed;
	ep_skip(&e);
	bool ok = *e.p && ep_expr(&e, &v);
	if (ok) {
		ep_skip(&e);
		ok = !*e.p && ev_scalar(&e, &v, &u, &d, &is_float, &is_signed);
	}
	if (!ok && !e.failed)
		ep_syntax(&e);
	ep_end(&e);
	return ok ? 0 : -1;
}
