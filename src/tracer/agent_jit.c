/* agent_jit.c: x86-64 machine code for an in-process breakpoint condition (agent.c).
 *
 * The trampoline a patched breakpoint jumps to:
 *
 *     lea  rsp, [rsp - (128 + FRAME - 8)]   step over the red zone (lea leaves the flags)
 *     pushfq                                 flags at [rsp]
 *     mov  [rsp+8], rax ; [rsp+16], rcx ; [rsp+24], rdx
 *   body:                                    the condition; operand stack at [rsp+32+8k]
 *     ... test rax, rax ; jnz trap_path      (any doubt also goes to trap_path)
 *     mov  rax, [rsp+8] ; rcx ; rdx ; popfq ; lea rsp, [rsp + 128 + FRAME - 8]
 *   copy:                                    the instruction the jump replaced, relocated
 *     jmp  bp_addr + len
 *   trap_path:
 *     mov  rax, [rsp+8] ; rcx ; rdx ; popfq ; lea rsp, [rsp + 128 + FRAME - 8]
 *   trap:
 *     int3                                   the tracer reports it as the breakpoint's hit
 *
 * Until the decision nothing outside the stack below the red zone is written, so a thread
 * stopped anywhere in it can be put back at the breakpoint address with its registers as
 * they were (agent.c, tr_agent_fix_pc, from the offsets in struct tr_tramp_layout). The trap
 * path runs the condition again in the tracer (condvm.c), which decides exactly as before:
 * this code only has to be right when it says "false", so everything it is unsure of (a
 * division by zero or by -1, a load outside the window below) takes the trap path.
 *
 * Memory loads: the session emits TR_OP_LOAD only for a variable's own stack home (cond.c:
 * register + offset from the variable's DWARF location at this pc; the condition language has
 * no dereference), so only that shape is compiled: REG(rsp or rbp) CONST ADD LOAD. At run
 * time the address must also lie in [rsp - 128, rsp - 128 + LOAD_WINDOW) (rsp as at the
 * breakpoint), a check against a frame pointer that is not one; anything else is refused.
 */
#include "tracer/agent.h"

#include <stddef.h>
#include <string.h>
#include <sys/user.h>

#include "proto/proto.h"

#define MAX_DEPTH   64
#define LOAD_WINDOW 65536
#define RED_ZONE    128

struct asm_buf {
	uint8_t *p;
	size_t len, cap;
	bool overflow;
	size_t trap_fix[128]; /* offsets of rel32 fields that jump to the trap path */
	size_t ntrap_fix;
};

static void put(struct asm_buf *a, const void *bytes, size_t n)
{
	if (a->len + n > a->cap) {
		a->overflow = true;
		return;
	}
	memcpy(a->p + a->len, bytes, n);
	a->len += n;
}

#define PUT(a, ...)                                                                                \
	do {                                                                                       \
		static const uint8_t b_[] = {__VA_ARGS__};                                         \
		put(a, b_, sizeof(b_));                                                            \
	} while (0)

static void put32(struct asm_buf *a, uint32_t v)
{
	put(a, &v, 4);
}

/* mov rax|rcx, [rsp + d] (reg 0 rax, 1 rcx) */
static void load_slot(struct asm_buf *a, int reg, uint32_t d)
{
	PUT(a, 0x48, 0x8B);
	uint8_t modrm = (uint8_t)(0x84 | (reg << 3));
	put(a, &modrm, 1);
	PUT(a, 0x24);
	put32(a, d);
}

/* mov [rsp + d], rax */
static void store_rax(struct asm_buf *a, uint32_t d)
{
	PUT(a, 0x48, 0x89, 0x84, 0x24);
	put32(a, d);
}

/* lea rax|rcx|rsp, [rsp + d] (reg 0, 1, 4) */
static void lea_rsp(struct asm_buf *a, int reg, int32_t d)
{
	PUT(a, 0x48, 0x8D);
	uint8_t modrm = (uint8_t)(0x84 | (reg << 3));
	put(a, &modrm, 1);
	PUT(a, 0x24);
	put32(a, (uint32_t)d);
}

static void mov_rax_imm(struct asm_buf *a, uint64_t v)
{
	PUT(a, 0x48, 0xB8);
	put(a, &v, 8);
}

/* jcc rel32 to the trap path (cc: the second opcode byte, 0x80 | condition) */
static void jcc_trap(struct asm_buf *a, uint8_t cc)
{
	uint8_t op[2] = {0x0F, cc};
	put(a, op, 2);
	if (a->ntrap_fix < sizeof(a->trap_fix) / sizeof(a->trap_fix[0]))
		a->trap_fix[a->ntrap_fix++] = a->len;
	else
		a->overflow = true;
	put32(a, 0);
}

/* rax = (flags say cc) ? 1 : 0 (cc: the setcc opcode's second byte) */
static void setcc_rax(struct asm_buf *a, uint8_t cc)
{
	uint8_t op[3] = {0x0F, cc, 0xC0};
	put(a, op, 3);
	PUT(a, 0x0F, 0xB6, 0xC0); /* movzx eax, al (zero-extends into rax) */
}

static uint32_t slot(uint32_t k)
{
	return 32 + 8 * k;
}

/* rax = value of word idx of struct user_regs_struct at the breakpoint; false if that
 * register is not one the trampoline can give. */
static bool reg_value(struct asm_buf *a, unsigned idx, uint32_t frame, uint64_t bp_addr)
{
	/* a general register other than rax, rcx, rdx still holds the program's value; REX.R
	 * and the register's low bits for `mov rax, reg` (48/4C 89 modrm) */
	static const struct {
		size_t off;
		uint8_t rex, modrm;
	} same[] = {
	    {offsetof(struct user_regs_struct, rbx), 0x48, 0xD8},
	    {offsetof(struct user_regs_struct, rsi), 0x48, 0xF0},
	    {offsetof(struct user_regs_struct, rdi), 0x48, 0xF8},
	    {offsetof(struct user_regs_struct, rbp), 0x48, 0xE8},
	    {offsetof(struct user_regs_struct, r8), 0x4C, 0xC0},
	    {offsetof(struct user_regs_struct, r9), 0x4C, 0xC8},
	    {offsetof(struct user_regs_struct, r10), 0x4C, 0xD0},
	    {offsetof(struct user_regs_struct, r11), 0x4C, 0xD8},
	    {offsetof(struct user_regs_struct, r12), 0x4C, 0xE0},
	    {offsetof(struct user_regs_struct, r13), 0x4C, 0xE8},
	    {offsetof(struct user_regs_struct, r14), 0x4C, 0xF0},
	    {offsetof(struct user_regs_struct, r15), 0x4C, 0xF8},
	};
	size_t off = (size_t)idx * 8;
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		if (same[i].off != off)
			continue;
		uint8_t op[3] = {same[i].rex, 0x89, same[i].modrm};
		put(a, op, 3);
		return true;
	}
	if (off == offsetof(struct user_regs_struct, rax))
		load_slot(a, 0, 8);
	else if (off == offsetof(struct user_regs_struct, rcx))
		load_slot(a, 0, 16);
	else if (off == offsetof(struct user_regs_struct, rdx))
		load_slot(a, 0, 24);
	else if (off == offsetof(struct user_regs_struct, rsp))
		lea_rsp(a, 0, (int32_t)(RED_ZONE + frame));
	else if (off == offsetof(struct user_regs_struct, rip))
		mov_rax_imm(a, bp_addr);
	else
		return false; /* eflags, orig_rax, segments: left to the tracer */
	return true;
}

/* REG(rsp|rbp) CONST ADD LOAD at code[pc]: rax = the loaded value. Returns the bytes taken
 * (0: not that shape). */
static size_t fused_load(struct asm_buf *a, const uint8_t *code, size_t len, size_t pc,
			 uint32_t frame)
{
	if (pc + 14 > len || code[pc] != TR_OP_REG || code[pc + 2] != TR_OP_CONST ||
	    code[pc + 11] != TR_OP_ADD || code[pc + 12] != TR_OP_LOAD)
		return 0;
	size_t off = (size_t)code[pc + 1] * 8;
	if (off != offsetof(struct user_regs_struct, rsp) &&
	    off != offsetof(struct user_regs_struct, rbp))
		return 0;
	int64_t disp;
	memcpy(&disp, code + pc + 3, 8);
	unsigned size = code[pc + 13] & 0x7f;
	bool zext = code[pc + 13] & 0x80;
	if ((size != 1 && size != 2 && size != 4 && size != 8) || disp < -(1 << 30) ||
	    disp > (1 << 30))
		return 0;
	if (off == offsetof(struct user_regs_struct, rsp))
		lea_rsp(a, 0, (int32_t)(RED_ZONE + frame));
	else
		PUT(a, 0x48, 0x89, 0xE8); /* mov rax, rbp */
	PUT(a, 0x48, 0x05);		  /* add rax, imm32 */
	put32(a, (uint32_t)(int32_t)disp);
	/* rdx = addr - (rsp_at_bp - 128); unsigned: below the red zone wraps to huge */
	PUT(a, 0x48, 0x89, 0xC2); /* mov rdx, rax */
	lea_rsp(a, 1, (int32_t)frame);
	PUT(a, 0x48, 0x29, 0xCA); /* sub rdx, rcx */
	PUT(a, 0x48, 0x81, 0xFA); /* cmp rdx, imm32 */
	put32(a, LOAD_WINDOW - size);
	jcc_trap(a, 0x87); /* ja */
	switch (size) {
	case 1:
		if (zext)
			PUT(a, 0x0F, 0xB6, 0x00); /* movzx eax, byte [rax] */
		else
			PUT(a, 0x48, 0x0F, 0xBE, 0x00); /* movsx rax, byte [rax] */
		break;
	case 2:
		if (zext)
			PUT(a, 0x0F, 0xB7, 0x00);
		else
			PUT(a, 0x48, 0x0F, 0xBF, 0x00);
		break;
	case 4:
		if (zext)
			PUT(a, 0x8B, 0x00); /* mov eax, [rax] */
		else
			PUT(a, 0x48, 0x63, 0x00); /* movsxd rax, dword [rax] */
		break;
	default:
		PUT(a, 0x48, 0x8B, 0x00);
		break;
	}
	return 14;
}

/* The deepest operand stack of a program, or -1 if it is malformed. */
static int max_depth(const uint8_t *code, size_t len)
{
	int d = 0, maxd = 0;
	for (size_t pc = 0; pc < len;) {
		uint8_t op = code[pc++];
		if (op == TR_OP_CONST) {
			if (pc + 8 > len)
				return -1;
			pc += 8;
			d++;
		} else if (op == TR_OP_REG) {
			if (pc + 1 > len)
				return -1;
			pc++;
			d++;
		} else if (op == TR_OP_LOAD) {
			if (pc + 1 > len || d < 1)
				return -1;
			pc++;
		} else if (op == TR_OP_NEG || op == TR_OP_NOT || op == TR_OP_BNOT) {
			if (d < 1)
				return -1;
		} else if (op >= TR_OP_ADD && op <= TR_OP_LOR) {
			if (d < 2)
				return -1;
			d--;
		} else {
			return -1;
		}
		if (d > maxd)
			maxd = d;
	}
	return d == 1 && maxd <= MAX_DEPTH ? maxd : -1;
}

static bool binary_op(struct asm_buf *a, uint8_t op)
{
	switch (op) {
	case TR_OP_ADD:
		PUT(a, 0x48, 0x01, 0xC8);
		return true;
	case TR_OP_SUB:
		PUT(a, 0x48, 0x29, 0xC8);
		return true;
	case TR_OP_MUL:
		PUT(a, 0x48, 0x0F, 0xAF, 0xC1); /* imul rax, rcx */
		return true;
	case TR_OP_DIV:
	case TR_OP_MOD:
		/* condvm.c gives up (true) on b == 0 and on INT64_MIN / -1: so do we, and on
		 * any division by -1 (the tracer then decides) */
		PUT(a, 0x48, 0x85, 0xC9);	/* test rcx, rcx */
		jcc_trap(a, 0x84);		/* jz */
		PUT(a, 0x48, 0x83, 0xF9, 0xFF); /* cmp rcx, -1 */
		jcc_trap(a, 0x84);		/* je */
		PUT(a, 0x48, 0x99);		/* cqo */
		PUT(a, 0x48, 0xF7, 0xF9);	/* idiv rcx */
		if (op == TR_OP_MOD)
			PUT(a, 0x48, 0x89, 0xD0); /* mov rax, rdx */
		return true;
	case TR_OP_SHL:
		PUT(a, 0x48, 0xD3, 0xE0); /* shl rax, cl (the CPU masks the count to 6 bits) */
		return true;
	case TR_OP_SHR:
		PUT(a, 0x48, 0xD3, 0xF8); /* sar rax, cl */
		return true;
	case TR_OP_AND:
		PUT(a, 0x48, 0x21, 0xC8);
		return true;
	case TR_OP_OR:
		PUT(a, 0x48, 0x09, 0xC8);
		return true;
	case TR_OP_XOR:
		PUT(a, 0x48, 0x31, 0xC8);
		return true;
	case TR_OP_LAND:
	case TR_OP_LOR:
		PUT(a, 0x48, 0x85, 0xC0, 0x0F, 0x95, 0xC0); /* test rax, rax; setne al */
		PUT(a, 0x48, 0x85, 0xC9, 0x0F, 0x95, 0xC1); /* test rcx, rcx; setne cl */
		if (op == TR_OP_LAND)
			PUT(a, 0x20, 0xC8); /* and al, cl */
		else
			PUT(a, 0x08, 0xC8); /* or al, cl */
		PUT(a, 0x0F, 0xB6, 0xC0);
		return true;
	default:
		break;
	}
	static const struct {
		uint8_t op, setcc;
	} cmp[] = {{TR_OP_EQ, 0x94}, {TR_OP_NE, 0x95}, {TR_OP_LT, 0x9C},
		   {TR_OP_LE, 0x9E}, {TR_OP_GT, 0x9F}, {TR_OP_GE, 0x9D}};
	for (size_t i = 0; i < sizeof(cmp) / sizeof(cmp[0]); i++) {
		if (cmp[i].op != op)
			continue;
		PUT(a, 0x48, 0x39, 0xC8); /* cmp rax, rcx */
		setcc_rax(a, cmp[i].setcc);
		return true;
	}
	return false;
}

static bool body(struct asm_buf *a, const uint8_t *code, size_t len, uint32_t frame,
		 uint64_t bp_addr)
{
	uint32_t d = 0;
	for (size_t pc = 0; pc < len && !a->overflow;) {
		size_t fused = fused_load(a, code, len, pc, frame);
		if (fused) {
			store_rax(a, slot(d++));
			pc += fused;
			continue;
		}
		uint8_t op = code[pc++];
		if (op == TR_OP_CONST) {
			uint64_t v;
			memcpy(&v, code + pc, 8);
			pc += 8;
			mov_rax_imm(a, v);
			store_rax(a, slot(d++));
		} else if (op == TR_OP_REG) {
			if (!reg_value(a, code[pc++], frame, bp_addr))
				return false;
			store_rax(a, slot(d++));
		} else if (op == TR_OP_NEG || op == TR_OP_NOT || op == TR_OP_BNOT) {
			load_slot(a, 0, slot(d - 1));
			if (op == TR_OP_NEG)
				PUT(a, 0x48, 0xF7, 0xD8);
			else if (op == TR_OP_BNOT)
				PUT(a, 0x48, 0xF7, 0xD0);
			else {
				PUT(a, 0x48, 0x85, 0xC0); /* test rax, rax */
				setcc_rax(a, 0x94);	  /* sete */
			}
			store_rax(a, slot(d - 1));
		} else if (op == TR_OP_LOAD) {
			return false; /* a load of any other shape */
		} else {
			load_slot(a, 0, slot(d - 2));
			load_slot(a, 1, slot(d - 1));
			if (!binary_op(a, op))
				return false;
			d--;
			store_rax(a, slot(d - 1));
		}
	}
	load_slot(a, 0, slot(0));
	PUT(a, 0x48, 0x85, 0xC0); /* test rax, rax */
	jcc_trap(a, 0x85);	  /* jnz: true */
	return !a->overflow;
}

/* Restores rax, rcx, rdx and the flags, then rsp; returns the offset of the final lea. */
static size_t epilogue(struct asm_buf *a, uint32_t frame)
{
	load_slot(a, 0, 8);
	load_slot(a, 1, 16);
	PUT(a, 0x48, 0x8B, 0x94, 0x24); /* mov rdx, [rsp + 24] */
	put32(a, 24);
	PUT(a, 0x9D); /* popfq */
	size_t lea_at = a->len;
	lea_rsp(a, 4, (int32_t)(RED_ZONE + frame - 8));
	return lea_at;
}

int tr_tramp_build(const struct tr_tramp_req *rq, uint8_t *out, size_t cap,
		   struct tr_tramp_layout *lay)
{
	int depth = max_depth(rq->cond, rq->cond_len);
	if (depth < 0 || rq->insn_len < 5 || rq->insn_len > 15)
		return -1;
	uint32_t frame = slot((uint32_t)depth);
	struct asm_buf a = {.p = out, .cap = cap};
	memset(lay, 0, sizeof(*lay));
	lay->frame = frame;
	lea_rsp(&a, 4, -(int32_t)(RED_ZONE + frame - 8));
	lay->pushf = (uint16_t)a.len;
	PUT(&a, 0x9C); /* pushfq */
	store_rax(&a, 8);
	PUT(&a, 0x48, 0x89, 0x8C, 0x24); /* mov [rsp + 16], rcx */
	put32(&a, 16);
	PUT(&a, 0x48, 0x89, 0x94, 0x24); /* mov [rsp + 24], rdx */
	put32(&a, 24);
	lay->body = (uint16_t)a.len;
	if (!body(&a, rq->cond, rq->cond_len, frame, rq->bp_addr))
		return -1;
	lay->false_lea = (uint16_t)epilogue(&a, frame);
	lay->copy = (uint16_t)a.len;
	size_t at = a.len;
	put(&a, rq->insn, rq->insn_len);
	if (rq->disp_off && !a.overflow) {
		/* re-aim the RIP-relative operand: same length, so the same end-of-instruction
		 * base moved by (bp_addr - copy address) */
		int32_t disp;
		memcpy(&disp, out + at + rq->disp_off, 4);
		int64_t moved = (int64_t)disp + (int64_t)(rq->bp_addr - (rq->tramp_addr + at));
		if (moved < INT32_MIN || moved > INT32_MAX)
			return -1;
		disp = (int32_t)moved;
		memcpy(out + at + rq->disp_off, &disp, 4);
	}
	lay->copy_end = (uint16_t)a.len;
	/* a direct jump back (the trampoline is within +-1 GiB; no indirect branch) */
	int64_t back =
	    (int64_t)(rq->bp_addr + rq->insn_len) - (int64_t)(rq->tramp_addr + a.len + 5);
	if (rq->tramp_addr && (back < INT32_MIN || back > INT32_MAX))
		return -1;
	PUT(&a, 0xE9);
	put32(&a, (uint32_t)(int32_t)back);
	lay->true_epi = (uint16_t)a.len;
	lay->true_lea = (uint16_t)epilogue(&a, frame);
	lay->trap = (uint16_t)a.len;
	PUT(&a, 0xCC);
	lay->size = (uint16_t)a.len;
	if (a.overflow || a.len > 0xFFFF)
		return -1;
	for (size_t i = 0; i < a.ntrap_fix; i++) {
		int32_t rel = (int32_t)((int64_t)lay->true_epi - (int64_t)(a.trap_fix[i] + 4));
		memcpy(out + a.trap_fix[i], &rel, 4);
	}
	return (int)a.len;
}
