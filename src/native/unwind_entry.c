/* unwind_entry.c: the caller of frame 0 when its function has no CFI and its frame is not
 * set up yet. libdw's x86_64 fallback (elfutils backends/x86_64_unwind.c) walks the rbp
 * chain, which holds only once `push %rbp; mov %rsp,%rbp` has run: at the function's first
 * instructions, and at its `ret` after `leave`/`pop %rbp`, rbp is still (or again) the
 * caller's, so that walk would skip the caller. gdb reads the prologue for the same reason
 * (gdb/amd64-tdep.c, amd64_analyze_prologue); here the return address is read where it is. */
#include <stdlib.h>
#include <string.h>

#include "native/sym_internal.h"
#include "native/unwind_internal.h"

/* Whether the module holding pc has call frame information (.eh_frame or .debug_frame) for
 * it. */
static bool has_cfi(Dwfl_Module *mod, Dwarf_Addr pc)
{
	Dwarf_Addr bias;
	Dwarf_CFI *cfis[2] = {dwfl_module_eh_cfi(mod, &bias), NULL};
	Dwarf_Addr eh_bias = bias;
	cfis[1] = dwfl_module_dwarf_cfi(mod, &bias);
	Dwarf_Addr biases[2] = {eh_bias, bias};
	for (int i = 0; i < 2; i++) {
		Dwarf_Frame *frame = NULL;
		if (cfis[i] && dwarf_cfi_addrframe(cfis[i], pc - biases[i], &frame) == 0) {
			free(frame);
			return true;
		}
	}
	return false;
}

bool nat_unwind_entry_caller(Dwfl *dwfl, const struct nat_unwind_ops *ops, pid_t tid, uint64_t pc,
			     struct nat_frame *caller)
{
	Dwfl_Module *mod = dwfl_addrmodule(dwfl, pc);
	GElf_Off off = 0;
	GElf_Sym sym;
	struct user_regs_struct r;
	if (!mod || has_cfi(mod, pc) ||
	    !dwfl_module_addrinfo(mod, pc, &off, &sym, NULL, NULL, NULL) ||
	    ops->get_regs(ops->ctx, tid, &r) != 0 || r.rip != pc)
		return false;
	uint8_t code[8], here = 0;
	uint64_t start = r.rip - off;
	if (ops->read_mem(ops->ctx, start, code, sizeof(code)) != 0 ||
	    ops->read_mem(ops->ctx, r.rip, &here, 1) != 0)
		return false;
	/* gcc's frame setup: [endbr64 (f3 0f 1e fa)] push %rbp (55); mov %rsp,%rbp (48 89 e5) */
	size_t push = memcmp(code, "\xf3\x0f\x1e\xfa", 4) == 0 ? 4 : 0;
	uint64_t ret_at;
	if (r.rip <= start + push || here == 0xc3 /* ret */)
		ret_at = r.rsp; /* nothing pushed yet, or all popped */
	else if (code[push] == 0x55 && r.rip == start + push + 1)
		ret_at = r.rsp + 8; /* rbp pushed, not yet the frame pointer */
	else
		return false; /* the rbp chain holds */
	uint64_t ret;
	if (ops->read_mem(ops->ctx, ret_at, &ret, sizeof(ret)) != 0 || !ret)
		return false;
	caller->pc = ret;
	caller->lookup_pc = ret - 1;
	caller->sp = ret_at + 8; /* the CFA of frame 0 */
	return true;
}
