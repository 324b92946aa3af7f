/* mstack.c: managed call stacks (chains of frames) and steppers. */
#include "clr/mstack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/dbi.h"
#include "clr/symbols.h"
#include "util/str.h"
#include "util/xalloc.h"

static const char *internal_frame_label(ICorDebugFrame *f)
{
	ICorDebugInternalFrame *inf = NULL;
	if (COM(f, QueryInterface, &IID_ICorDebugInternalFrame, (void **)&inf) < 0)
		return "[runtime frame]";
	CorDebugInternalFrameType type = STUBFRAME_NONE;
	COM(inf, GetFrameType, &type);
	COM_RELEASE(inf);
	switch (type) {
	case STUBFRAME_M2U:
		return "[managed-to-native]";
	case STUBFRAME_U2M:
		return "[native-to-managed]";
	case STUBFRAME_APPDOMAIN_TRANSITION:
		return "[appdomain transition]";
	case STUBFRAME_LIGHTWEIGHT_FUNCTION:
		return "[lightweight function]";
	case STUBFRAME_FUNC_EVAL:
		return "[function evaluation]";
	case STUBFRAME_INTERNALCALL:
		return "[runtime call]";
	case STUBFRAME_CLASS_INIT:
		return "[class initializer]";
	case STUBFRAME_EXCEPTION:
		return "[exception]";
	case STUBFRAME_SECURITY:
		return "[security]";
	case STUBFRAME_JIT_COMPILATION:
		return "[JIT compilation]";
	default:
		return "[runtime frame]";
	}
}

/* The registers the runtime's stack walk has for frame fr (its native frame's register set):
 * for the innermost frame the thread's context, for a caller the context unwound to it. */
static bool frame_regs(ICorDebugFrame *fr, struct user_regs_struct *r)
{
	ICorDebugNativeFrame *nf = NULL;
	ICorDebugRegisterSet *rs = NULL;
	/* the AMD64 register numbers 0..16: rip rsp rbp rax rcx rdx rbx rsi rdi r8..r15 */
	CORDB_REGISTER v[17] = {0};
	bool ok = COM(fr, QueryInterface, &IID_ICorDebugNativeFrame, (void **)&nf) >= 0 &&
		  COM(nf, GetRegisterSet, &rs) >= 0 && rs &&
		  COM(rs, GetRegisters, (1ull << 17) - 1, 17, v) >= 0;
	COM_RELEASE(rs);
	COM_RELEASE(nf);
	if (!ok)
		return false;
	memset(r, 0, sizeof(*r));
	r->rip = v[REGISTER_AMD64_RIP];
	r->rsp = v[REGISTER_AMD64_RSP];
	r->rbp = v[REGISTER_AMD64_RBP];
	r->rax = v[REGISTER_AMD64_RAX];
	r->rcx = v[REGISTER_AMD64_RCX];
	r->rdx = v[REGISTER_AMD64_RDX];
	r->rbx = v[REGISTER_AMD64_RBX];
	r->rsi = v[REGISTER_AMD64_RSI];
	r->rdi = v[REGISTER_AMD64_RDI];
	r->r8 = v[REGISTER_AMD64_R8];
	r->r9 = v[REGISTER_AMD64_R9];
	r->r10 = v[REGISTER_AMD64_R10];
	r->r11 = v[REGISTER_AMD64_R11];
	r->r12 = v[REGISTER_AMD64_R12];
	r->r13 = v[REGISTER_AMD64_R13];
	r->r14 = v[REGISTER_AMD64_R14];
	r->r15 = v[REGISTER_AMD64_R15];
	return r->rip != 0;
}

static void push_frame(struct clr_frame **v, size_t *n, size_t *cap, const struct clr_frame *f)
{
	xgrow((void **)v, cap, *n + 1, sizeof(**v));
	(*v)[(*n)++] = *f;
}

static void add_chain_frames(struct clr *c, ICorDebugChain *ch, struct clr_frame **v, size_t *n,
			     size_t *cap)
{
	BOOL managed = 0;
	COM(ch, IsManaged, &managed);
	if (!managed) {
		struct clr_frame f = {0};
		snprintf(f.label, sizeof(f.label), "[native code]");
		push_frame(v, n, cap, &f);
		return;
	}
	ICorDebugFrameEnum *fe = NULL;
	if (COM(ch, EnumerateFrames, &fe) < 0)
		return;
	for (;;) {
		ICorDebugFrame *fr = NULL;
		ULONG got = 0;
		if (COM(fe, Next, 1, &fr, &got) < 0 || got == 0)
			break;
		struct clr_frame f = {0};
		if (clr_describe_frame(c, fr, &f.where)) {
			f.il = true;
			f.frame = fr;
			f.has_regs = frame_regs(fr, &f.regs);
		} else {
			mx_strlcpy(f.label, internal_frame_label(fr), sizeof(f.label));
			COM_RELEASE(fr);
		}
		push_frame(v, n, cap, &f);
	}
	COM_RELEASE(fe);
}

int clr_stack(struct clr *c, ICorDebugThread *t, struct clr_frame **frames, size_t *n,
	      struct mx_err *err)
{
	*frames = NULL;
	*n = 0;
	size_t cap = 0;
	ICorDebugChainEnum *ce = NULL;
	HRESULT hr = COM(t, EnumerateChains, &ce);
	if (hr < 0)
		return mx_err_set(err, "cannot walk the managed stack: %s", clr_hr(hr));
	for (;;) {
		ICorDebugChain *ch = NULL;
		ULONG got = 0;
		if (COM(ce, Next, 1, &ch, &got) < 0 || got == 0)
			break;
		add_chain_frames(c, ch, frames, n, &cap);
		COM_RELEASE(ch);
	}
	COM_RELEASE(ce);
	/* a thread that has left managed code for good shows a lone native chain */
	return 0;
}

void clr_stack_free(struct clr_frame *frames, size_t n)
{
	for (size_t i = 0; i < n; i++)
		COM_RELEASE(frames[i].frame);
	free(frames);
}

int clr_step(struct clr *c, ICorDebugThread *t, enum clr_step_kind kind, bool jmc,
	     ICorDebugStepper **out, struct mx_err *err)
{
	ICorDebugFrame *frame = NULL;
	HRESULT hr = COM(t, GetActiveFrame, &frame);
	if (hr < 0 || !frame)
		return mx_err_set(err, "the thread has no managed frame to step from");
	ICorDebugStepper *st = NULL;
	hr = COM(frame, CreateStepper, &st);
	if (hr < 0) {
		COM_RELEASE(frame);
		return mx_err_set(err, "cannot create a stepper: %s", clr_hr(hr));
	}
	/* stop only in code with IL mappings; never in interceptors (class initializers,
	 * security stubs...) unless they are the user's code */
	COM(st, SetInterceptMask, INTERCEPT_NONE);
	COM(st, SetUnmappedStopMask, STOP_NONE);
	ICorDebugStepper2 *st2 = NULL;
	if (COM(st, QueryInterface, &IID_ICorDebugStepper2, (void **)&st2) >= 0) {
		COM(st2, SetJMC, jmc ? 1 : 0);
		COM_RELEASE(st2);
	}
	if (kind == CLR_STEP_OUT) {
		hr = COM(st, StepOut);
	} else {
		struct clr_where w;
		COR_DEBUG_STEP_RANGE range = {0, 0};
		bool have_range = false;
		if (clr_describe_frame(c, frame, &w)) {
			ICorDebugFunction *fn = NULL;
			ICorDebugModule *m = NULL;
			struct clr_module *cm = NULL;
			if (COM(frame, GetFunction, &fn) >= 0 && COM(fn, GetModule, &m) >= 0)
				cm = clr_module_find(c, m);
			COM_RELEASE(m);
			COM_RELEASE(fn);
			if (kind == CLR_STEP_IL) {
				range.startOffset = w.il;
				range.endOffset = w.il + 1;
				have_range = true;
			} else if (cm && clr_sym_line_range(cm, w.token, w.il, &range.startOffset,
							    &range.endOffset)) {
				have_range = true;
			}
		}
		BOOL in = kind != CLR_STEP_OVER;
		hr = have_range ? COM(st, StepRange, in, &range, 1) : COM(st, Step, in);
	}
	COM_RELEASE(frame);
	if (hr < 0) {
		COM_RELEASE(st);
		return mx_err_set(err, "cannot step: %s", clr_hr(hr));
	}
	*out = st;
	return 0;
}

int clr_step_in_from_native(ICorDebugThread *t, ICorDebugStepper **out, struct mx_err *err)
{
	ICorDebugStepper *st = NULL;
	HRESULT hr = COM(t, CreateStepper, &st);
	if (hr < 0)
		return mx_err_set(err, "cannot create a stepper: %s", clr_hr(hr));
	COM(st, SetInterceptMask, INTERCEPT_NONE);
	COM(st, SetUnmappedStopMask, STOP_NONE);
	/* Just My Code: a thread in native code has no range to step; a JMC stepper on it arms
	 * the runtime's method-enter hook, so the first user method the thread enters stops it
	 * (seen on .NET 10: a frame's stepper, as clr_step makes, does not; the thread's does) */
	ICorDebugStepper2 *st2 = NULL;
	if (COM(st, QueryInterface, &IID_ICorDebugStepper2, (void **)&st2) >= 0) {
		COM(st2, SetJMC, 1);
		COM_RELEASE(st2);
	}
	hr = COM(st, Step, 1);
	if (hr < 0) {
		COM_RELEASE(st);
		return mx_err_set(err, "cannot step: %s", clr_hr(hr));
	}
	*out = st;
	return 0;
}
