/* regs_expr.c: registers in C expressions, by gdb's names for x86-64: the 64-bit general
 * registers ($rax ... $r15, $rip), $eflags, the aliases $pc (rip), $sp (rsp) and $fp (rbp, as
 * the tracer's breakpoint conditions take it: src/session/cond.c), and the 32-bit halves
 * ($eax, $r8d ...). Their values come from the frame's registers (nat_frame_regs): all of
 * them in frame 0, $pc, $sp and what the unwinder recovered in outer frames.
 *
 * Types follow gdb's amd64 target description (gdb/features/i386/64bit-core.xml): the
 * general registers are int64_t, rbp and rsp are data pointers (void *), rip a code pointer
 * (void (*)()), eflags a flags register shown as "[ PF ZF IF ]", the 32-bit names int32_t. */
#include <stdio.h>
#include <string.h>

#include "native/vars_internal.h"

enum reg_type { RT_LONG, RT_INT, RT_DATA_PTR, RT_CODE_PTR, RT_FLAGS };

#define REG_EFLAGS (-1) /* not a DWARF register of nat_frame_regs */

static const struct {
	const char *name;
	int dwarf; /* index into nat_frame_regs.r, or REG_EFLAGS */
	enum reg_type type;
} reg_table[] = {
    {"rax", NAT_REG_RAX, RT_LONG},
    {"rbx", NAT_REG_RBX, RT_LONG},
    {"rcx", NAT_REG_RCX, RT_LONG},
    {"rdx", NAT_REG_RDX, RT_LONG},
    {"rsi", NAT_REG_RSI, RT_LONG},
    {"rdi", NAT_REG_RDI, RT_LONG},
    {"rbp", NAT_REG_RBP, RT_DATA_PTR},
    {"rsp", NAT_REG_RSP, RT_DATA_PTR},
    {"r8", 8, RT_LONG},
    {"r9", 9, RT_LONG},
    {"r10", 10, RT_LONG},
    {"r11", 11, RT_LONG},
    {"r12", 12, RT_LONG},
    {"r13", 13, RT_LONG},
    {"r14", 14, RT_LONG},
    {"r15", 15, RT_LONG},
    {"rip", NAT_REG_RIP, RT_CODE_PTR},
    {"eflags", REG_EFLAGS, RT_FLAGS},
    {"pc", NAT_REG_RIP, RT_CODE_PTR},
    {"sp", NAT_REG_RSP, RT_DATA_PTR},
    {"fp", NAT_REG_RBP, RT_DATA_PTR},
    {"eax", NAT_REG_RAX, RT_INT},
    {"ebx", NAT_REG_RBX, RT_INT},
    {"ecx", NAT_REG_RCX, RT_INT},
    {"edx", NAT_REG_RDX, RT_INT},
    {"esi", NAT_REG_RSI, RT_INT},
    {"edi", NAT_REG_RDI, RT_INT},
    {"ebp", NAT_REG_RBP, RT_INT},
    {"esp", NAT_REG_RSP, RT_INT},
    {"r8d", 8, RT_INT},
    {"r9d", 9, RT_INT},
    {"r10d", 10, RT_INT},
    {"r11d", 11, RT_INT},
    {"r12d", 12, RT_INT},
    {"r13d", 13, RT_INT},
    {"r14d", 14, RT_INT},
    {"r15d", 15, RT_INT},
};

/* The entry of register `name` (without its '$'), or -1. */
static int reg_lookup(const char *name)
{
	for (size_t i = 0; i < sizeof(reg_table) / sizeof(reg_table[0]); i++)
		if (!strcmp(reg_table[i].name, name))
			return (int)i;
	return -1;
}

/* The value of table entry i in the frame of regs. */
static bool reg_read(struct ep *e, int i, uint64_t *out)
{
	const struct nat_frame_regs *regs = e->c.regs;
	if (!regs)
		return ep_fail(e, "No registers.");
	int d = reg_table[i].dwarf;
	if (d == REG_EFLAGS ? !regs->eflags_valid : !regs->valid[d])
		return ep_fail(e,
			       "value of $%s is not available in this frame (outer frames know "
			       "$pc, $sp and the registers the unwinder recovered)",
			       reg_table[i].name);
	*out = d == REG_EFLAGS ? regs->eflags : regs->r[d];
	return true;
}

bool ep_register(struct ep *e, struct ev *v)
{
	char name[32];
	if (!is_id0(e->p[1]))
		return ep_syntax(e);
	e->p++; /* '$' */
	if (!ep_ident(e, name, sizeof(name)))
		return false;
	int i = reg_lookup(name);
	if (i < 0) {
		/* gdb reads an unknown $name as an unset convenience variable: void. Here there
		 * are no convenience variables, so say what is missing. */
		return ep_fail(e,
			       "Unknown register \"$%s\" (x86-64 registers: $rax ... $r15, "
			       "$rip, $eflags, $pc, $sp, $fp, $eax ...).",
			       name);
	}
	uint64_t u;
	if (!reg_read(e, i, &u))
		return false;
	memset(v, 0, sizeof(*v));
	switch (reg_table[i].type) {
	case RT_LONG:
		ev_int(v, u, true, 8);
		break;
	case RT_INT:
	case RT_FLAGS:
		ev_int(v, (uint64_t)(int64_t)(int32_t)u, true, 4);
		break;
	case RT_DATA_PTR:
	case RT_CODE_PTR:
		v->kind = EV_INT;
		v->u = u;
		v->typed = true;
		v->is_void = true;
		v->ptr = 1;
		v->is_code = reg_table[i].type == RT_CODE_PTR;
		break;
	}
	return true;
}

bool ep_print_flags_register(struct ep *e, const char *expr, struct sb *b)
{
	char name[32];
	const char *p = expr + strspn(expr, " \t");
	if (*p != '$')
		return false;
	size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz0123456789");
	if (!n || n >= sizeof(name) || p[1 + n + strspn(p + 1 + n, " \t\n")])
		return false;
	memcpy(name, p + 1, n);
	name[n] = 0;
	int i = reg_lookup(name);
	uint64_t u;
	if (i < 0 || reg_table[i].type != RT_FLAGS)
		return false;
	if (!reg_read(e, i, &u))
		return true; /* the error is set */
	/* the named bits of EFLAGS, lowest first as gdb lists them (Intel SDM vol. 1, 3.4.3) */
	static const struct {
		int bit;
		const char *name;
	} flags[] = {{0, "CF"},	 {2, "PF"},   {4, "AF"},   {6, "ZF"},  {7, "SF"},  {8, "TF"},
		     {9, "IF"},	 {10, "DF"},  {11, "OF"},  {14, "NT"}, {16, "RF"}, {17, "VM"},
		     {18, "AC"}, {19, "VIF"}, {20, "VIP"}, {21, "ID"}};
	sb_puts(b, "[ ");
	for (size_t k = 0; k < sizeof(flags) / sizeof(flags[0]); k++)
		if (u >> flags[k].bit & 1)
			sb_printf(b, "%s ", flags[k].name);
	sb_puts(b, "]");
	return true;
}
