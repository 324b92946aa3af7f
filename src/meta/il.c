/* il.c: walking IL instructions (ECMA-335 Partition III): the length of each instruction's
 * operand, enough to find the methods a range of IL calls. */
#include "meta/meta.h"

#include <string.h>

/* Operand bytes of one-byte opcodes 0x00-0xE0; -1: unused opcode; SWITCH_OPERAND: switch's
 * count-prefixed table. */
#define SWITCH_OPERAND 100

static int one_byte_operand(uint8_t op)
{
	if (op <= 0x0D)
		return 0; /* nop, break, ldarg.0-3, ldloc.0-3, stloc.0-3 */
	if (op <= 0x13)
		return 1; /* ldarg.s ... stloc.s */
	if (op <= 0x1E)
		return 0; /* ldnull, ldc.i4.m1 ... ldc.i4.8 */
	switch (op) {
	case 0x1F:
		return 1; /* ldc.i4.s */
	case 0x20:
	case 0x22:
		return 4; /* ldc.i4, ldc.r4 */
	case 0x21:
	case 0x23:
		return 8; /* ldc.i8, ldc.r8 */
	case 0x24:
		return -1;
	case 0x25:
	case 0x26:
	case 0x2A:
		return 0; /* dup, pop, ret */
	case 0x27:
	case 0x28:
	case 0x29:
		return 4; /* jmp, call, calli */
	case 0x45:
		return SWITCH_OPERAND;
	default:
		break;
	}
	if (op >= 0x2B && op <= 0x37)
		return 1; /* short branches */
	if (op >= 0x38 && op <= 0x44)
		return 4; /* long branches */
	if (op >= 0x46 && op <= 0x6E)
		return 0; /* ldind, stind, arithmetic, conversions */
	if (op >= 0x6F && op <= 0x75)
		return 4; /* callvirt, cpobj, ldobj, ldstr, newobj, castclass, isinst */
	if (op == 0x76 || op == 0x7A || (op >= 0x82 && op <= 0x8B) || op == 0x8E ||
	    (op >= 0x90 && op <= 0xA2) || (op >= 0xB3 && op <= 0xBA) || op == 0xC3 ||
	    (op >= 0xD1 && op <= 0xDC) || op == 0xDF || op == 0xE0)
		return 0;
	if ((op >= 0x79 && op <= 0x81 && op != 0x7A) || op == 0x8C || op == 0x8D || op == 0x8F ||
	    (op >= 0xA3 && op <= 0xA5) || op == 0xC2 || op == 0xC6 || op == 0xD0 || op == 0xDD)
		return 4; /* tokens (unbox, ldfld ... stobj, box, newarr, ...), leave */
	if (op == 0xDE)
		return 1; /* leave.s */
	return -1;
}

/* Operand bytes of two-byte opcodes 0xFE xx. */
static int two_byte_operand(uint8_t op)
{
	switch (op) {
	case 0x06:
	case 0x07:
	case 0x15:
	case 0x16:
	case 0x1C:
		return 4; /* ldftn, ldvirtftn, initobj, constrained., sizeof */
	case 0x09:
	case 0x0A:
	case 0x0B:
	case 0x0C:
	case 0x0D:
	case 0x0E:
		return 2; /* ldarg, ldarga, starg, ldloc, ldloca, stloc */
	case 0x12:
	case 0x19:
		return 1; /* unaligned., no. */
	case 0x00:
	case 0x01:
	case 0x02:
	case 0x03:
	case 0x04:
	case 0x05:
	case 0x0F:
	case 0x11:
	case 0x13:
	case 0x14:
	case 0x17:
	case 0x18:
	case 0x1A:
	case 0x1D:
	case 0x1E:
		return 0;
	default:
		return -1;
	}
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

size_t meta_il_calls(const uint8_t *code, uint32_t size, uint32_t from, uint32_t to,
		     uint32_t *tokens, size_t max)
{
	size_t n = 0;
	uint32_t off = 0;
	if (to > size)
		to = size;
	while (off < to) {
		uint32_t at = off;
		uint8_t op = code[off++];
		int operand;
		if (op == 0xFE) {
			if (off >= size)
				break;
			operand = two_byte_operand(code[off++]);
		} else {
			operand = one_byte_operand(op);
		}
		if (operand < 0)
			break; /* not IL we understand: stop rather than misread the rest */
		if (operand == SWITCH_OPERAND) {
			if (size - off < 4)
				break;
			uint32_t targets = le32(code + off);
			if (targets > (size - off - 4) / 4)
				break;
			operand = 4 + (int)targets * 4;
		}
		if ((uint32_t)operand > size - off)
			break;
		bool is_call = op == 0x28 || op == 0x6F || op == 0x73; /* call, callvirt, newobj */
		if (is_call && at >= from && n < max)
			tokens[n++] = le32(code + off);
		off += (uint32_t)operand;
	}
	return n;
}
