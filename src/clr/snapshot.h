/* snapshot.h: managed frames of a thread while the tracer holds every thread (a native stop).
 *
 * ICorDebug's live process cannot answer then (the runtime's own threads are stopped), so
 * the runtime's state is read from memory instead: OpenVirtualProcessImpl2 over our data
 * target (clr/datatarget.h) gives a read-only ICorDebugProcess, and its stack walk, which
 * starts from the thread's real registers, lists the thread's managed frames with their
 * native IP and stack pointer, to be merged with the native unwind.
 */
#ifndef MX_CLR_SNAPSHOT_H
#define MX_CLR_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>

#include "clr/clr.h"
#include "clr/datatarget.h"

struct clr_snap_frame {
	uint64_t ip, sp;
	bool il; /* a managed method: where is set; else label */
	struct clr_where where;
	char label[64];
};

/* The managed frames (and runtime frames) of thread tid, innermost first. */
int clr_snapshot_stack(struct clr *c, const struct clr_dt_ops *ops, pid_t tid,
		       struct clr_snap_frame **frames, size_t *n, struct mx_err *err);

/* Finds thread tid's managed frame whose instruction address is ip and calls fn with it
 * (while the read-only process lives); returns fn's result, or -1 with err if not found. */
int clr_snapshot_with_frame(struct clr *c, const struct clr_dt_ops *ops, pid_t tid, uint64_t ip,
			    int (*fn)(void *arg, ICorDebugFrame *f), void *arg, struct mx_err *err);

#endif
