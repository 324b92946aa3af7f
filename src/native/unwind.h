/* unwind.h: call stacks of a stopped thread, unwound with elfutils' CFI unwinder (.eh_frame
 * and .debug_frame, with libdw's x86_64 frame-pointer fallback) over the modules of a
 * nat_syms. Memory and registers come from the caller (the session reads /proc/PID/mem and
 * asks the tracer), so this layer never touches ptrace. */
#ifndef MX_NATIVE_UNWIND_H
#define MX_NATIVE_UNWIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

#include "native/sym.h"
#include "util/err.h"

struct nat_unwind_ops {
	/* reads len bytes at addr; 0 on success */
	int (*read_mem)(void *ctx, uint64_t addr, void *buf, size_t len);
	/* the thread's registers; 0 on success */
	int (*get_regs)(void *ctx, pid_t tid, struct user_regs_struct *regs);
	void *ctx;
};

struct nat_frame {
	uint64_t pc;	    /* the frame's pc (a return address for frames above #0) */
	uint64_t lookup_pc; /* the address to describe: pc - 1 for return addresses, so a call
			       at the end of a function or line is attributed to it */
	uint64_t sp;	    /* rsp in this frame: for frame k+1, the CFA of frame k (the
			       identity of a frame across steps, as gdb's frame ids) */
};

/* Unwinds thread tid into out[0..max); *n gets the number of frames. Returns 0 (also when
 * the unwind stopped early: it ends where the CFI ends), or -1 with err when not even the
 * first frame could be read. */
int nat_unwind(struct nat_syms *s, const struct nat_unwind_ops *ops, pid_t pid, pid_t tid,
	       struct nat_frame *out, size_t max, size_t *n, struct mx_err *err);

#endif
