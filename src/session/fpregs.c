/* fpregs.c: a thread's floating-point and vector registers, asked of the tracer (which owns
 * ptrace) like the general ones. */
#include "session/ses_internal.h"

int ses_get_fpregs(struct ses *s, pid_t tid, struct tr_fpregs *out, struct mx_err *err)
{
	return ses_thread_registers(s, TR_REQ_GET_FPREGS, tid, out, sizeof(*out), err);
}
