/* mstack.h: a managed thread's call stack and the steppers that move along it. */
#ifndef MX_CLR_MSTACK_H
#define MX_CLR_MSTACK_H

#include <stdbool.h>
#include <stddef.h>

#include <sys/user.h>

#include "clr/clr.h"

struct clr_frame {
	bool il; /* an IL frame: where is set */
	struct clr_where where;
	char label[64];	       /* other frames: "[native code]", "[managed-to-native]", ... */
	ICorDebugFrame *frame; /* a reference (IL frames only), NULL otherwise */
	bool has_regs;	       /* IL frames: regs below are the frame's, from the runtime */
	struct user_regs_struct regs; /* rip: the frame's pc (a return address above the
					 innermost frame); rsp, rbp and the callee-saved ones */
};

/* The frames of thread t, innermost first. The caller frees with clr_stack_free. */
int clr_stack(struct clr *c, ICorDebugThread *t, struct clr_frame **frames, size_t *n,
	      struct mx_err *err);
void clr_stack_free(struct clr_frame *frames, size_t n);

/* A step into the next managed code thread t runs, for a thread stopped in native code (a C
 * function about to call a C# delegate): it completes in the first user method entered. */
int clr_step_in_from_native(ICorDebugThread *t, ICorDebugStepper **out, struct mx_err *err);

enum clr_step_kind {
	CLR_STEP_IN,	    /* step: into calls, by source line */
	CLR_STEP_OVER,	    /* next */
	CLR_STEP_OUT,	    /* finish */
	CLR_STEP_IL,	    /* stepi: one IL instruction's worth, into calls */
	CLR_STEP_IN_NATIVE, /* from native code into the next user method (ses_managed_step) */
};

/* Starts a step of thread t from its active frame (the caller then continues the process
 * and waits for StepComplete). jmc: Just My Code (skip code without symbols). */
int clr_step(struct clr *c, ICorDebugThread *t, enum clr_step_kind kind, bool jmc,
	     ICorDebugStepper **out, struct mx_err *err);

#endif
