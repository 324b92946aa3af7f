/* datatarget.h: our ICorDebugDataTarget over a ptrace-stopped process.
 *
 * With every thread of the debuggee held by the tracer, the runtime cannot answer ICorDebug
 * (its helper threads are stopped too). The runtime's data access library can still read its
 * state from memory: OpenVirtualProcessImpl2 builds a read-only ICorDebugProcess over a data
 * target that reads memory and thread registers for it (coreclr-debugging-facts.md section
 * 6). This is that data target: memory from /proc/PID/mem, registers from the tracer.
 */
#ifndef MX_CLR_DATATARGET_H
#define MX_CLR_DATATARGET_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

#include "clr/cordebug.h"

struct clr_dt_ops {
	/* reads up to len bytes at addr; returns how many were read */
	size_t (*read_mem)(void *ctx, uint64_t addr, void *buf, size_t len);
	/* a stopped thread's registers; 0 on success */
	int (*get_regs)(void *ctx, pid_t tid, struct user_regs_struct *regs);
	void *ctx;
};

/* A new data target (one reference, released with its Release method). */
ICorDebugDataTarget *clr_data_target_new(const struct clr_dt_ops *ops);

/* Size of the Windows AMD64 CONTEXT record the runtime's data access library expects. */
#define CLR_AMD64_CONTEXT_SIZE 1232

/* Fills an AMD64 CONTEXT (integer and control registers) from Linux registers. */
void clr_context_from_regs(const struct user_regs_struct *r, uint32_t flags, uint8_t *ctx);

#endif
