/* vars.c: variables of the selected frame, for `info locals`, `info args` and `print`:
 * native/vars reads them from DWARF with the frame's registers and CFA from the unwinder. */
#include "session/ses_internal.h"

#include <string.h>

#include "native/vars.h"

static int read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	return ses_read_memory(ctx, addr, buf, len, NULL);
}

/* Registers of the selected frame: all of them in frame 0; rsp, rip and the CFA above. */
static int frame_regs(struct ses *s, struct nat_frame_regs *fr, struct mx_err *err)
{
	memset(fr, 0, sizeof(*fr));
	const struct ses_frame *f;
	size_t n;
	if (!s->pid)
		return mx_err_set(err, "No frame selected (the program is not being run).");
	if (ses_backtrace(s, s->cur_tid, &f, &n, err) != 0)
		return -1;
	size_t k = (size_t)s->cur_frame < n ? (size_t)s->cur_frame : 0;
	fr->pc = f[k].lookup_pc;
	fr->cfa = k + 1 < n ? f[k + 1].sp : 0;
	if (k == 0) {
		struct user_regs_struct r;
		if (ses_get_regs(s, s->cur_tid, &r, err) != 0)
			return -1;
		uint64_t v[17] = {r.rax, r.rdx, r.rcx, r.rbx, r.rsi, r.rdi, r.rbp, r.rsp, r.r8,
				  r.r9,	 r.r10, r.r11, r.r12, r.r13, r.r14, r.r15, r.rip};
		for (int i = 0; i < 17; i++) {
			fr->r[i] = v[i];
			fr->valid[i] = true;
		}
	} else {
		fr->r[7] = f[k].sp;
		fr->valid[7] = true;
		fr->r[16] = f[k].pc;
		fr->valid[16] = true;
	}
	return 0;
}

int ses_frame_vars(struct ses *s, bool args,
		   void (*fn)(void *arg, const char *name, const char *value), void *arg,
		   struct mx_err *err)
{
	struct nat_frame_regs fr;
	if (frame_regs(s, &fr, err) != 0)
		return -1;
	struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
	int n =
	    nat_frame_vars(s->syms, &fr, &mem, args ? NAT_VAR_ARG : NAT_VAR_LOCAL, fn, arg, err);
	return n < 0 ? -1 : n;
}

int ses_print_var(struct ses *s, const char *name, char *out, size_t outlen, struct mx_err *err)
{
	struct nat_frame_regs fr;
	if (frame_regs(s, &fr, err) != 0)
		return -1;
	struct nat_mem_ops mem = {.read_mem = read_mem, .ctx = s};
	return nat_print_var(s->syms, &fr, &mem, name, out, outlen, err);
}
