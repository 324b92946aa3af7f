/* fpregs.c: a thread's floating-point and vector registers, asked of the tracer (which owns
 * ptrace) like the general ones. */
#include <string.h>

#include "session/ses_internal.h"

int ses_get_fpregs(struct ses *s, pid_t tid, struct tr_fpregs *out, struct mx_err *err)
{
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	if (ses_native_refused(s, "registers", err) != 0)
		return -1;
	struct tr_pid p = {.pid = tid};
	struct tr_msg rep = {.fd = -1};
	if (ses_call(s, TR_REQ_GET_FPREGS, &p, sizeof(p), &rep, err) != 0)
		return -1;
	int rc = 0;
	if (rep.hdr.len >= sizeof(*out))
		memcpy(out, rep.payload, sizeof(*out));
	else
		rc = mx_err_set(err, "short floating-point register reply from the tracer");
	tr_msg_free(&rep);
	return rc;
}
