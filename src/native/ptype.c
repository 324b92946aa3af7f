/* ptype.c: `ptype` and `whatis` of C expressions. */
#include "native/vars.h"

int nat_eval_ptype(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, const char *expr, bool whatis, char *out,
		   size_t outlen, struct mx_err *err)
{
	(void)s, (void)regs, (void)mem, (void)expr, (void)whatis, (void)out, (void)outlen;
	return mx_err_set(err, "ptype and whatis of C expressions are not implemented yet.");
}
