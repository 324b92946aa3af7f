/* condvm.c: runs a breakpoint's compiled condition (proto.h's enum tr_cond_op) at a hit,
 * with the thread's registers and memory, so that a false condition resumes the thread at
 * once. Any failure counts as true (the user then sees the stop). */
#include "tracer/tracer.h"

#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>
#include <stdlib.h>
#include <unistd.h>

#include "util/xalloc.h"

#define STACK 64

bool tr_cond_true(struct tracer *t, pid_t tid, const uint8_t *code, size_t len)
{
	struct user_regs_struct regs;
	bool have_regs = false;
	int64_t st[STACK];
	size_t sp = 0, pc = 0;
	while (pc < len) {
		uint8_t op = code[pc++];
		if (op == TR_OP_CONST) {
			if (pc + 8 > len || sp == STACK)
				return true;
			memcpy(&st[sp++], code + pc, 8);
			pc += 8;
			continue;
		}
		if (op == TR_OP_REG) {
			if (pc + 1 > len || sp == STACK)
				return true;
			unsigned idx = code[pc++];
			if (idx >= sizeof(regs) / 8)
				return true;
			if (!have_regs && ptrace(PTRACE_GETREGS, tid, 0, &regs) != 0)
				return true;
			have_regs = true;
			memcpy(&st[sp++], (const char *)&regs + idx * 8, 8);
			continue;
		}
		if (op == TR_OP_LOAD) {
			if (pc + 1 > len || sp < 1)
				return true;
			unsigned size = code[pc] & 0x7f;
			bool zero_extend = code[pc++] & 0x80;
			if (size != 1 && size != 2 && size != 4 && size != 8)
				return true;
			uint64_t v = 0;
			if (pread(t->memfd, &v, size, (off_t)st[sp - 1]) != (ssize_t)size)
				return true;
			int shift = 64 - 8 * (int)size;
			st[sp - 1] =
			    shift && !zero_extend ? (int64_t)(v << shift) >> shift : (int64_t)v;
			continue;
		}
		if (op == TR_OP_NEG || op == TR_OP_NOT || op == TR_OP_BNOT) {
			if (sp < 1)
				return true;
			int64_t a = st[sp - 1];
			st[sp - 1] = op == TR_OP_NEG   ? (int64_t)(0 - (uint64_t)a)
				     : op == TR_OP_NOT ? !a
						       : ~a;
			continue;
		}
		if (sp < 2)
			return true;
		int64_t b = st[--sp], a = st[sp - 1], r;
		uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
		switch (op) {
		case TR_OP_ADD:
			r = (int64_t)(ua + ub);
			break;
		case TR_OP_SUB:
			r = (int64_t)(ua - ub);
			break;
		case TR_OP_MUL:
			r = (int64_t)(ua * ub);
			break;
		case TR_OP_DIV:
		case TR_OP_MOD:
			if (b == 0 || (a == INT64_MIN && b == -1))
				return true;
			r = op == TR_OP_DIV ? a / b : a % b;
			break;
		case TR_OP_SHL:
			r = (int64_t)(ua << (ub & 63));
			break;
		case TR_OP_SHR:
			r = a >> (ub & 63);
			break;
		case TR_OP_AND:
			r = a & b;
			break;
		case TR_OP_OR:
			r = a | b;
			break;
		case TR_OP_XOR:
			r = a ^ b;
			break;
		case TR_OP_EQ:
			r = a == b;
			break;
		case TR_OP_NE:
			r = a != b;
			break;
		case TR_OP_LT:
			r = a < b;
			break;
		case TR_OP_LE:
			r = a <= b;
			break;
		case TR_OP_GT:
			r = a > b;
			break;
		case TR_OP_GE:
			r = a >= b;
			break;
		case TR_OP_LAND:
			r = a && b;
			break;
		case TR_OP_LOR:
			r = a || b;
			break;
		default:
			return true;
		}
		st[sp - 1] = r;
	}
	return sp != 1 || st[0] != 0;
}

const struct tr_condprog *tr_cond_find(const struct tracer *t, uint32_t id)
{
	for (size_t i = 0; i < t->nconds; i++)
		if (t->conds[i].id == id)
			return &t->conds[i];
	return NULL;
}

void tr_cond_set(struct tracer *t, uint32_t id, const uint8_t *code, uint32_t len)
{
	tr_agent_cond_changed(t, id);
	for (size_t i = 0; i < t->nconds; i++) {
		if (t->conds[i].id != id)
			continue;
		free(t->conds[i].code);
		t->conds[i] = t->conds[--t->nconds];
		break;
	}
	if (!len)
		return;
	xgrow((void **)&t->conds, &t->cap_conds, t->nconds + 1, sizeof(*t->conds));
	struct tr_condprog *c = &t->conds[t->nconds++];
	c->id = id;
	c->len = len;
	c->gen = ++t->cond_gen;
	c->code = xmalloc(len);
	memcpy(c->code, code, len);
}

void tr_cond_free_all(struct tracer *t)
{
	for (size_t i = 0; i < t->nconds; i++)
		free(t->conds[i].code);
	free(t->conds);
	t->conds = NULL;
	t->nconds = t->cap_conds = 0;
}
