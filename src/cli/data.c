/* data.c: `x` (examine memory) and `info registers` (general ones; the others in fpregs.c).
 * Disassembly for x/i is capstone's. */
#include "cli/cli.h"

#include <capstone/capstone.h>
#include <ctype.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	size_t off;
} regs64[] = {
#define R(n)                                                                                       \
	{                                                                                          \
#n, offsetof(struct user_regs_struct, n)                                           \
	}
    R(rax), R(rbx), R(rcx), R(rdx), R(rsi), R(rdi), R(rbp),	R(rsp),	    R(r8),
    R(r9),  R(r10), R(r11), R(r12), R(r13), R(r14), R(r15),	R(rip),	    R(eflags),
    R(cs),  R(ss),  R(ds),  R(es),  R(fs),  R(gs),  R(fs_base), R(gs_base),
#undef R
};
#define NREGS (sizeof(regs64) / sizeof(regs64[0]))

static uint64_t reg_value(const struct user_regs_struct *r, size_t i)
{
	uint64_t v;
	memcpy(&v, (const char *)r + regs64[i].off, sizeof(v));
	return v;
}

static int reg_index(const char *name)
{
	if (!strcmp(name, "pc"))
		name = "rip";
	else if (!strcmp(name, "sp"))
		name = "rsp";
	else if (!strcmp(name, "fp"))
		name = "rbp";
	for (size_t i = 0; i < NREGS; i++)
		if (!strcmp(regs64[i].name, name))
			return (int)i;
	return -1;
}

static int current_regs(struct cli *c, struct user_regs_struct *r)
{
	const struct ses_thread *t = ses_current_thread(c->ses);
	struct mx_err err;
	if (!ses_has_process(c->ses))
		return cli_error("The program has no registers now.");
	if (!t || ses_thread_regs(c->ses, t->tid, r, &err) != 0)
		return cli_error("%s", t ? err.msg : "No thread selected.");
	return 0;
}

static int eval_term(struct cli *c, const char *t, uint64_t *out)
{
	if (!*t)
		return cli_error("An address expression is required.");
	if (isdigit((unsigned char)*t)) {
		char *end;
		*out = strtoull(t, &end, 0);
		if (*end)
			return cli_error("Invalid number \"%s\".", t);
		return 0;
	}
	if (*t == '$') {
		int i = reg_index(t + 1);
		if (i < 0)
			return cli_error("Invalid register \"%s\".", t);
		struct user_regs_struct r;
		if (current_regs(c, &r) != 0)
			return -1;
		*out = reg_value(&r, (size_t)i);
		return 0;
	}
	if (*t == '&')
		t++;
	if (!ses_has_process(c->ses))
		return cli_error("No symbol \"%s\" in the current context (the program is not "
				 "running).",
				 t);
	if (ses_lookup_symbol(c->ses, t, out) != 0)
		return cli_error("No symbol \"%s\" in the current context.", t);
	return 0;
}

int cli_eval_address(struct cli *c, const char *expr, uint64_t *out)
{
	char buf[512];
	snprintf(buf, sizeof(buf), "%s", expr);
	uint64_t total = 0;
	int sign = 1;
	char *p = buf;
	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		char *start = p;
		while (*p && *p != '+' && *p != '-' && !isspace((unsigned char)*p))
			p++;
		char save = *p;
		*p = 0;
		uint64_t v;
		if (eval_term(c, start, &v) != 0)
			return -1;
		total += sign > 0 ? v : -v;
		*p = save;
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		if (*p != '+' && *p != '-')
			return cli_error("Syntax error in expression \"%s\".", expr);
		sign = *p == '+' ? 1 : -1;
		p++;
	}
	*out = total;
	return 0;
}

static void print_label(struct cli *c, uint64_t addr)
{
	struct ses_where w;
	ses_describe(c->ses, addr, &w);
	if (w.sym[0])
		printf("0x%" PRIx64 " <%s+%" PRIu64 ">:", addr, w.sym, w.sym_off);
	else
		printf("0x%" PRIx64 ":", addr);
}

/* Disassembles count instructions from addr, or up to end when count < 0; marks mark. */
static int disasm(struct cli *c, uint64_t addr, int count, uint64_t end, uint64_t mark,
		  bool markers)
{
	csh cs;
	if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK)
		return cli_error("cannot start the disassembler");
	int rc = 0;
	for (int i = 0; count < 0 ? addr < end : i < count; i++) {
		uint8_t code[16];
		struct mx_err err;
		size_t n = sizeof(code);
		while (n && ses_read_memory(c->ses, addr, code, n, &err) != 0)
			n--;
		if (!n) {
			rc = cli_error("Cannot access memory at address 0x%" PRIx64, addr);
			break;
		}
		cs_insn *insn;
		size_t got = cs_disasm(cs, code, n, addr, 1, &insn);
		if (markers)
			printf("%s", addr == mark ? "=> " : "   ");
		print_label(c, addr);
		if (!got) {
			printf("\t(bad)\n");
			addr++;
			continue;
		}
		printf("\t%s\t%s", insn[0].mnemonic, insn[0].op_str);
		/* name the target of a direct call or jump */
		uint64_t target;
		char *end;
		if (!strncmp(insn[0].op_str, "0x", 2) &&
		    (target = strtoull(insn[0].op_str, &end, 16), !*end)) {
			struct ses_where tw;
			ses_describe(c->ses, target, &tw);
			if (tw.sym[0])
				printf(" <%s+%" PRIu64 ">", tw.sym, tw.sym_off);
		}
		printf("\n");
		addr += insn[0].size;
		cs_free(insn, got);
	}
	cs_close(&cs);
	return rc;
}

static int examine_string(struct cli *c, uint64_t addr, int count)
{
	for (int i = 0; i < count; i++) {
		print_label(c, addr);
		printf("\t\"");
		for (int k = 0; k < 4096; k++) {
			unsigned char ch;
			struct mx_err err;
			if (ses_read_memory(c->ses, addr++, &ch, 1, &err) != 0) {
				printf("\"\n");
				return cli_error("%s", err.msg);
			}
			if (!ch)
				break;
			if (isprint(ch) && ch != '"' && ch != '\\')
				putchar(ch);
			else
				printf("\\%03o", ch);
		}
		printf("\"\n");
	}
	return 0;
}

int cli_cmd_x(struct cli *c, const char *args)
{
	int count = 1;
	char fmt = 'x', size = 'w';
	if (*args == '/') {
		args++;
		if (isdigit((unsigned char)*args))
			count = (int)strtol(args, (char **)&args, 10);
		while (*args && !isspace((unsigned char)*args)) {
			if (strchr("xduotcsia", *args))
				fmt = *args;
			else if (strchr("bhwg", *args))
				size = *args;
			else
				return cli_error(
				    "Invalid format letter '%c' in x/FMT (formats: x d u "
				    "o t c a s i; sizes: b h w g).",
				    *args);
			args++;
		}
	}
	while (isspace((unsigned char)*args))
		args++;
	if (count <= 0 || count > 100000)
		return cli_error("Invalid repeat count.");
	uint64_t addr;
	if (!*args)
		return cli_error("Argument required (starting display address).");
	if (cli_eval_address(c, args, &addr) != 0)
		return -1;
	if (!ses_has_process(c->ses))
		return cli_error("The program is not being run.");
	if (fmt == 'i')
		return disasm(c, addr, count, 0, 0, false);
	if (fmt == 's')
		return examine_string(c, addr, count);
	if (fmt == 'a')
		size = 'g';
	if (fmt == 'c')
		size = 'b';
	size_t unit = size == 'b' ? 1 : size == 'h' ? 2 : size == 'w' ? 4 : 8;
	int per_line = unit == 8 ? 2 : unit == 4 ? 4 : 8;
	for (int i = 0; i < count; i++) {
		uint64_t v = 0;
		struct mx_err err;
		if (ses_read_memory(c->ses, addr, &v, unit, &err) != 0) {
			if (i % per_line)
				printf("\n");
			return cli_error("%s", err.msg);
		}
		if (i % per_line == 0) {
			if (i)
				printf("\n");
			print_label(c, addr);
		}
		int bits = (int)unit * 8;
		int64_t sv = bits == 64 ? (int64_t)v : (int64_t)(v << (64 - bits)) >> (64 - bits);
		switch (fmt) {
		case 'd':
			printf("\t%" PRId64, sv);
			break;
		case 'u':
			printf("\t%" PRIu64, v);
			break;
		case 'o':
			printf("\t0%" PRIo64, v);
			break;
		case 't': {
			printf("\t");
			for (int b = bits - 1; b >= 0; b--)
				putchar((v >> b) & 1 ? '1' : '0');
			break;
		}
		case 'c':
			printf("\t%d '%c'", (int)(int8_t)v, isprint((int)v) ? (int)v : '?');
			break;
		default:
			printf("\t0x%0*" PRIx64, (int)unit * 2, v);
		}
		addr += unit;
	}
	printf("\n");
	return 0;
}

int cli_cmd_disassemble(struct cli *c, const char *args)
{
	uint64_t pc;
	if (*args) {
		if (cli_eval_address(c, args, &pc) != 0)
			return -1;
	} else {
		const struct ses_thread *t = ses_current_thread(c->ses);
		const struct ses_frame *f;
		size_t n;
		struct mx_err err;
		if (!ses_has_process(c->ses) || !t)
			return cli_error("No frame selected.");
		if (ses_backtrace(c->ses, t->tid, &f, &n, &err) != 0)
			return cli_error("%s", err.msg);
		pc = f[ses_current_frame(c->ses)].pc;
	}
	struct ses_where w;
	ses_describe(c->ses, pc, &w);
	if (!w.sym[0] || !w.sym_size)
		return cli_error("No function contains address 0x%" PRIx64 ".", pc);
	uint64_t start = pc - w.sym_off;
	printf("Dump of assembler code for function %s:\n", w.sym);
	int rc = disasm(c, start, -1, start + w.sym_size, pc, true);
	printf("End of assembler dump.\n");
	return rc;
}

static void print_eflags(uint64_t v)
{
	static const struct {
		int bit;
		const char *name;
	} flags[] = {{0, "CF"}, {2, "PF"}, {4, "AF"},  {6, "ZF"}, {7, "SF"},
		     {8, "TF"}, {9, "IF"}, {10, "DF"}, {11, "OF"}};
	printf("[ ");
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (v & (1ull << flags[i].bit))
			printf("%s ", flags[i].name);
	printf("]");
}

static void print_reg(struct cli *c, const struct user_regs_struct *r, size_t i)
{
	uint64_t v = reg_value(r, i);
	printf("%-15s0x%-18" PRIx64, regs64[i].name, v);
	if (!strcmp(regs64[i].name, "eflags")) {
		print_eflags(v);
	} else if (!strcmp(regs64[i].name, "rip")) {
		struct ses_where w;
		ses_describe(c->ses, v, &w);
		if (w.sym[0])
			printf("0x%" PRIx64 " <%s+%" PRIu64 ">", v, w.sym, w.sym_off);
		else
			printf("0x%" PRIx64, v);
	} else if (!strcmp(regs64[i].name, "rsp") || !strcmp(regs64[i].name, "rbp") ||
		   !strcmp(regs64[i].name, "fs_base") || !strcmp(regs64[i].name, "gs_base")) {
		printf("0x%" PRIx64, v);
	} else {
		printf("%" PRId64, (int64_t)v);
	}
	printf("\n");
}

int cli_cmd_info_registers(struct cli *c, const char *args)
{
	struct user_regs_struct r;
	if (current_regs(c, &r) != 0)
		return -1;
	if (!*args) {
		for (size_t i = 0; i < NREGS; i++)
			print_reg(c, &r, i);
		return 0;
	}
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", args);
	for (char *tok = strtok(buf, " \t"); tok; tok = strtok(NULL, " \t")) {
		const char *name = tok[0] == '$' ? tok + 1 : tok;
		int i = reg_index(name), fp = i < 0 ? cli_info_fp_register(c, name) : 0;
		if (fp < 0)
			return -1;
		if (i < 0 && !fp)
			return cli_error("Invalid register `%s'", tok);
		if (i >= 0)
			print_reg(c, &r, (size_t)i);
	}
	return 0;
}

int cli_cmd_info_all_registers(struct cli *c, const char *args)
{
	struct user_regs_struct r;
	if (*args)
		return cli_cmd_info_registers(c, args);
	if (current_regs(c, &r) != 0)
		return -1;
	for (size_t i = 0; i < NREGS; i++)
		print_reg(c, &r, i);
	return cli_info_all_fp_registers(c);
}
