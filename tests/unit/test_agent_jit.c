/* test_agent_jit.c: unit test of src/tracer/agent_jit.c. The trampolines are run for real in
 * this process: a "breakpoint site" (`lea rax, [rcx + rdx + 0]`, 5 bytes, then `ret`) in an
 * executable page gets the jump, and calling it as a function gives the condition's verdict:
 * false runs the relocated instruction and returns rcx + rdx; true reaches the int3, whose
 * SIGTRAP handler returns rcx + rdx + 1000 from the site's registers as the int3 saw them
 * (so rcx, rdx, rsp and the return address must be the program's own there).
 *
 *   make build/unit/test_agent_jit && build/unit/test_agent_jit
 * Prints "ok NAME" / "not ok NAME: why" per check, then "N passed, N failed".
 */
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/user.h>
#include <ucontext.h>

#include "proto/proto.h"
#include "tracer/agent.h"

static int passed, failed;
static uint8_t *page;		    /* site at 0, thunk at 64, trampoline at 1024 */
static volatile sig_atomic_t traps; /* int3s reached */

static void check(bool ok, const char *name)
{
	if (ok) {
		passed++;
		printf("ok %s\n", name);
	} else {
		failed++;
		printf("not ok %s\n", name);
	}
}

static void on_trap(int sig, siginfo_t *si, void *ucv)
{
	(void)sig;
	(void)si;
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;
	traps++;
	g[REG_RAX] = g[REG_RCX] + g[REG_RDX] + 1000;
	g[REG_RIP] = (greg_t)(uintptr_t)(page + 5); /* the site's ret */
}

struct prog {
	uint8_t code[256];
	size_t len;
};

static void op(struct prog *p, uint8_t o)
{
	p->code[p->len++] = o;
}

static void cst(struct prog *p, int64_t v)
{
	op(p, TR_OP_CONST);
	memcpy(p->code + p->len, &v, 8);
	p->len += 8;
}

static void reg(struct prog *p, size_t off)
{
	op(p, TR_OP_REG);
	op(p, (uint8_t)(off / 8));
}

/* REG(rsp) CONST off ADD LOAD size: the shape cond.c gives a variable's stack slot */
static void stack_load(struct prog *p, int64_t off, uint8_t size)
{
	reg(p, offsetof(struct user_regs_struct, rsp));
	cst(p, off);
	op(p, TR_OP_ADD);
	op(p, TR_OP_LOAD);
	op(p, size);
}

static const uint8_t site_insn[5] = {0x48, 0x8D, 0x44, 0x11, 0x00}; /* lea rax,[rcx+rdx+0] */

/* Installs a trampoline for p; false if the builder refused it. */
static bool install(const struct prog *p)
{
	memcpy(page, site_insn, 5);
	struct tr_tramp_req rq = {.cond = p->code,
				  .cond_len = p->len,
				  .bp_addr = (uint64_t)(uintptr_t)page,
				  .tramp_addr = (uint64_t)(uintptr_t)(page + 1024),
				  .insn = site_insn,
				  .insn_len = 5,
				  .disp_off = 0};
	struct tr_tramp_layout lay;
	if (tr_tramp_build(&rq, page + 1024, 3072, &lay) <= 0)
		return false;
	int32_t rel = 1024 - 5;
	page[0] = 0xE9;
	memcpy(page + 1, &rel, 4);
	return true;
}

typedef long (*site_fn)(long rdi, long rsi, long rdx, long rcx);
typedef long (*thunk_fn)(long rdi, long rsi, long rdx, long rcx);

/* Runs the site through the thunk (which pushes `pushed` first); true if the int3 ran. */
static bool verdict(long rdi, long rsi, int32_t pushed, bool *regs_ok)
{
	int before = traps;
	memcpy(page + 65, &pushed, 4);
	long r = ((thunk_fn)(uintptr_t)(page + 64))(rdi, rsi, 20, 22);
	bool trapped = traps != before;
	*regs_ok = r == (trapped ? 1042 : 42);
	return trapped;
}

/* (a OP b) == want must hold, and (a OP b) == want + 1 must not. */
static void binop(const char *name, uint8_t o, long a, long b, long want)
{
	for (int k = 0; k < 2; k++) {
		struct prog p = {.len = 0};
		reg(&p, offsetof(struct user_regs_struct, rdi));
		reg(&p, offsetof(struct user_regs_struct, rsi));
		op(&p, o);
		cst(&p, want + k);
		op(&p, TR_OP_EQ);
		bool ok = install(&p), regs;
		bool t = ok && verdict(a, b, 0, &regs);
		char n[96];
		snprintf(n, sizeof(n), "%s %s", name, k ? "wrong value is false" : "is true");
		check(ok && t == (k == 0) && regs, n);
	}
}

int main(void)
{
	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		    0);
	if (page == MAP_FAILED) {
		printf("not ok mmap\n");
		return 1;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_trap;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGTRAP, &sa, NULL);
	page[5] = 0xC3; /* ret after the site's instruction */
	/* thunk: push imm32; call site; add rsp, 8; ret */
	static const uint8_t thunk[] = {0x68, 0, 0,    0,    0,	   0xE8, 0,   0,
					0,    0, 0x48, 0x83, 0xC4, 0x08, 0xC3};
	memcpy(page + 64, thunk, sizeof(thunk));
	int32_t call_rel = -(64 + 10);
	memcpy(page + 70, &call_rel, 4);

	binop("add", TR_OP_ADD, 40, 2, 42);
	binop("sub", TR_OP_SUB, 40, 50, -10);
	binop("mul", TR_OP_MUL, -6, 7, -42);
	binop("div", TR_OP_DIV, -43, 5, -8); /* C truncates */
	binop("mod", TR_OP_MOD, -43, 5, -3);
	binop("shl", TR_OP_SHL, 3, 65, 6); /* the count is taken mod 64, as condvm.c */
	binop("shr", TR_OP_SHR, -64, 2, -16);
	binop("and", TR_OP_AND, 12, 10, 8);
	binop("or", TR_OP_OR, 12, 10, 14);
	binop("xor", TR_OP_XOR, 12, 10, 6);
	binop("lt", TR_OP_LT, -1, 0, 1);
	binop("le", TR_OP_LE, 5, 5, 1);
	binop("gt", TR_OP_GT, -1, 0, 0);
	binop("ge", TR_OP_GE, 0, -1, 1);
	binop("ne", TR_OP_NE, 3, 3, 0);
	binop("land", TR_OP_LAND, 2, 4, 1);
	binop("lor", TR_OP_LOR, 0, 0, 0);

	struct prog p = {.len = 0};
	bool regs;
	/* -rdi == 5, !rdi, ~rdi */
	reg(&p, offsetof(struct user_regs_struct, rdi));
	op(&p, TR_OP_NEG);
	cst(&p, 5);
	op(&p, TR_OP_EQ);
	check(install(&p) && verdict(-5, 0, 0, &regs) && regs && !verdict(5, 0, 0, &regs) && regs,
	      "neg");
	p.len = 0;
	reg(&p, offsetof(struct user_regs_struct, rdi));
	op(&p, TR_OP_NOT);
	check(install(&p) && verdict(0, 0, 0, &regs) && regs && !verdict(9, 0, 0, &regs) && regs,
	      "not");
	p.len = 0;
	reg(&p, offsetof(struct user_regs_struct, rdi));
	op(&p, TR_OP_BNOT);
	cst(&p, -1);
	op(&p, TR_OP_EQ);
	check(install(&p) && verdict(0, 0, 0, &regs) && regs && !verdict(1, 0, 0, &regs) && regs,
	      "bnot");

	/* registers the trampoline itself uses are read from their saved copies */
	p.len = 0;
	reg(&p, offsetof(struct user_regs_struct, rcx));
	cst(&p, 22);
	op(&p, TR_OP_EQ);
	reg(&p, offsetof(struct user_regs_struct, rdx));
	cst(&p, 20);
	op(&p, TR_OP_EQ);
	op(&p, TR_OP_LAND);
	check(install(&p) && verdict(0, 0, 0, &regs) && regs, "rcx and rdx as at the site");
	p.len = 0;
	reg(&p, offsetof(struct user_regs_struct, rip));
	cst(&p, (int64_t)(uintptr_t)page);
	op(&p, TR_OP_EQ);
	check(install(&p) && verdict(0, 0, 0, &regs) && regs, "rip is the breakpoint's address");

	/* stack slots: [rsp] is the thunk's return address, [rsp + 8] what it pushed */
	p.len = 0;
	stack_load(&p, 8, 8);
	cst(&p, 0x1234);
	op(&p, TR_OP_EQ);
	check(install(&p) && verdict(0, 0, 0x1234, &regs) && regs &&
		  !verdict(0, 0, 0x1235, &regs) && regs,
	      "8-byte stack load at rsp + 8");
	p.len = 0;
	stack_load(&p, 8, 1);
	cst(&p, -128);
	op(&p, TR_OP_EQ);
	check(install(&p) && verdict(0, 0, 0x80, &regs) && regs, "1-byte load sign-extended");
	p.len = 0;
	stack_load(&p, 8, 2 | 0x80);
	cst(&p, 0xff80);
	op(&p, TR_OP_EQ);
	check(install(&p) && verdict(0, 0, 0xff80, &regs) && regs, "2-byte load zero-extended");
	p.len = 0;
	stack_load(&p, 8, 4);
	cst(&p, -2);
	op(&p, TR_OP_EQ);
	check(install(&p) && verdict(0, 0, -2, &regs) && regs, "4-byte load sign-extended");

	/* what it cannot be sure of goes to the int3 (the tracer decides) */
	p.len = 0;
	stack_load(&p, 1 << 20, 8); /* outside the window: not loaded at all */
	cst(&p, 0);
	op(&p, TR_OP_EQ);
	check(install(&p) && verdict(0, 0, 0, &regs) && regs, "load outside the window traps");
	p.len = 0;
	stack_load(&p, -256, 8); /* below the red zone */
	cst(&p, 0);
	op(&p, TR_OP_EQ);
	check(install(&p) && verdict(0, 0, 0, &regs) && regs, "load below the red zone traps");
	p.len = 0;
	cst(&p, 7);
	reg(&p, offsetof(struct user_regs_struct, rdi));
	op(&p, TR_OP_DIV);
	cst(&p, 12345);
	op(&p, TR_OP_EQ);
	check(install(&p) && verdict(0, 0, 0, &regs) && regs, "division by zero traps");
	check(install(&p) && verdict(-1, 0, 0, &regs) && regs, "division by -1 traps");
	check(install(&p) && !verdict(2, 0, 0, &regs) && regs, "other divisions run");

	/* refused: loads of other shapes, registers it cannot give, malformed programs */
	p.len = 0;
	reg(&p, offsetof(struct user_regs_struct, rdi));
	op(&p, TR_OP_LOAD);
	op(&p, 8);
	check(!install(&p), "a load from a computed address is refused");
	p.len = 0;
	reg(&p, offsetof(struct user_regs_struct, eflags));
	check(!install(&p), "eflags is refused");
	p.len = 0;
	op(&p, TR_OP_ADD);
	check(!install(&p), "a malformed program is refused");
	p.len = 0;
	cst(&p, 1);
	cst(&p, 2);
	check(!install(&p), "a program leaving two values is refused");

	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
