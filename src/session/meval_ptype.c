/* meval_ptype.c: `ptype` and `whatis` of C# expressions. */
#include "session/meval_internal.h"

int ses_meval_ptype(struct ses *s, const char *expr, bool whatis, char *out, size_t outlen,
		    struct mx_err *err)
{
	(void)s, (void)expr, (void)whatis, (void)out, (void)outlen;
	return mx_err_set(err, "ptype and whatis of C# expressions are not implemented yet.");
}
