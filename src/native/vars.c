/* vars.c: variables of a native frame from DWARF, and gdb-like value formatting (see vars.h).
 *
 * Elfutils facts relied on:
 * - dwfl_module_addrdie gives the CU and the bias to subtract from run-time addresses;
 *   dwarf_getscopes(cu, pc - bias) lists the scopes holding pc innermost first (lexical blocks,
 *   inlined subroutines, the subprogram, finally the CU) in a malloc'ed array.
 * - dwarf_getlocation_addr returns 1 and the expression for an exprloc (valid everywhere), the
 *   number of matching entries for a location list (0 when none covers the address), -1 on
 *   error. libdw stores signed operands (DW_OP_consts, fbreg, bregN) sign-extended in
 *   Dwarf_Op.number.
 * - dwarf_attr_integrate follows DW_AT_abstract_origin/specification, so names and types of
 *   inlined and concrete instances resolve; locations are read from the instance itself.
 *
 * Every walk is bounded: type chains and nesting to MAX_DEPTH, expressions to MAX_OPS, member
 * and element lists to MAX_ITEMS, and the output buffer stops growing when full.
 */
#include "native/vars.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "native/sym_internal.h"
#include "native/vars_internal.h"
#include "util/xalloc.h"

#define MAX_DEPTH      8     /* nesting of values and type chains */
#define MAX_PEEL       16    /* typedef/qualifier links followed */
#define MAX_OPS	       64    /* operations of one DWARF expression */
#define MAX_ITEMS      200   /* characters of a string (gdb's limit) */
#define MAX_CHARS_READ 65536 /* of a char array shown without a limit (gdb's max-value-size) */
#define MAX_MEMBERS    1024  /* members of one struct */
#define MAX_CHILDREN   65536 /* children of one scope examined */
#define REPEAT_MIN     10    /* runs longer than this print as <repeats N times> (gdb) */
#define VALUE_LEN      4096  /* formatted value of one variable in nat_frame_vars */

/* ---- output buffer ---- */

void sb_puts(struct sb *b, const char *s)
{
	size_t n = strlen(s);
	if (!b->cap || b->len + 1 >= b->cap)
		return;
	if (n > b->cap - 1 - b->len)
		n = b->cap - 1 - b->len;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = 0;
}

void sb_printf(struct sb *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	sb_puts(b, tmp);
}

bool sb_full(const struct sb *b)
{
	return !b->cap || b->len + 1 >= b->cap;
}

/* ---- evaluation context ---- */

static int read_mem(struct vctx *c, uint64_t addr, void *buf, size_t len)
{
	if (!c->mem || !c->mem->read_mem || !len)
		return len ? -1 : 0;
	return c->mem->read_mem(c->mem->ctx, addr, buf, len) == 0 ? 0 : -1;
}

/* Reads n bytes at offset off of v; 0 ok. */
static int val_read(struct vctx *c, const struct val *v, uint64_t off, void *buf, size_t n)
{
	if (v->kind == VAL_MEM)
		return read_mem(c, v->addr + off, buf, n);
	if (v->kind == VAL_BYTES && off <= v->len && n <= v->len - off) {
		for (size_t i = 0; v->known && i < n; i++)
			if (!v->known[off + i])
				return -1;
		memcpy(buf, v->bytes + off, n);
		return 0;
	}
	return -1;
}

/* The part of v at offset off (v must outlive the result when it is VAL_BYTES). */
static struct val val_sub(const struct val *v, uint64_t off)
{
	struct val r = *v;
	if (v->kind == VAL_MEM) {
		r.addr = v->addr + off;
	} else if (v->kind == VAL_BYTES) {
		if (off > v->len) {
			r.kind = VAL_OPTOUT;
			r.len = 0;
		} else {
			r.bytes = v->bytes + off;
			r.known = v->known ? v->known + off : NULL;
			r.len = v->len - off;
		}
	}
	return r;
}

static void set_bytes(struct val *v, uint64_t x)
{
	for (int i = 0; i < 8; i++)
		v->store[i] = (uint8_t)(x >> (8 * i));
	v->kind = VAL_BYTES;
	v->bytes = v->store;
	v->known = NULL;
	v->len = 8;
}

static bool reg_value(struct vctx *c, uint64_t reg, uint64_t *out)
{
	if (!c->regs || reg >= NAT_NREGS || !c->regs->valid[reg])
		return false;
	*out = c->regs->r[reg];
	return true;
}

/* ---- DWARF expressions ---- */

enum loc_kind { LOC_MEM, LOC_REG, LOC_VALUE, LOC_BLOCK, LOC_OPTOUT, LOC_UNSUPPORTED };

#define MAX_COMPOSITE 4096 /* bytes of a value assembled from DW_OP_piece */

struct loc {
	enum loc_kind kind;
	uint64_t x;	      /* address, register number or value */
	const uint8_t *block; /* LOC_BLOCK: the bytes (libdw's or comp) */
	size_t block_len;
	uint8_t *comp; /* LOC_BLOCK from pieces: malloc'ed bytes and known mask */
	uint8_t *comp_known;
};

static bool frame_base(struct vctx *c, uint64_t *out);

static void eval_ops(struct vctx *c, Dwarf_Attribute *attr, const Dwarf_Op *ops, size_t n,
		     bool in_fb, struct loc *out)
{
	uint64_t st[32];
	size_t sp = 0;
	out->kind = LOC_UNSUPPORTED;
	out->x = 0;
	if (n == 0) {
		out->kind = LOC_OPTOUT;
		return;
	}
	if (n > MAX_OPS)
		return;
#define PUSH(v)                                                                                    \
	do {                                                                                       \
		uint64_t pushed_ = (v);                                                            \
		if (sp >= sizeof(st) / sizeof(st[0]))                                              \
			return;                                                                    \
		st[sp] = pushed_;                                                                  \
		sp++;                                                                              \
	} while (0)
#define NEED(k)                                                                                    \
	do {                                                                                       \
		if (sp < (k))                                                                      \
			return;                                                                    \
	} while (0)
	for (size_t i = 0; i < n; i++) {
		const Dwarf_Op *op = &ops[i];
		uint8_t a = op->atom;
		uint64_t v, w;
		if (a >= DW_OP_lit0 && a <= DW_OP_lit31) {
			PUSH((uint64_t)(a - DW_OP_lit0));
		} else if (a >= DW_OP_reg0 && a <= DW_OP_reg31) {
			if (i + 1 != n || sp)
				return;
			out->kind = LOC_REG;
			out->x = (uint64_t)(a - DW_OP_reg0);
			return;
		} else if (a >= DW_OP_breg0 && a <= DW_OP_breg31) {
			if (!reg_value(c, (uint64_t)(a - DW_OP_breg0), &v)) {
				out->kind = LOC_OPTOUT;
				return;
			}
			PUSH(v + op->number);
		} else {
			switch (a) {
			case DW_OP_regx:
				if (i + 1 != n || sp)
					return;
				out->kind = LOC_REG;
				out->x = op->number;
				return;
			case DW_OP_bregx:
				if (!reg_value(c, op->number, &v)) {
					out->kind = LOC_OPTOUT;
					return;
				}
				PUSH(v + op->number2);
				break;
			case DW_OP_addr:
				PUSH(op->number + c->bias);
				break;
			case DW_OP_const1u:
			case DW_OP_const1s:
			case DW_OP_const2u:
			case DW_OP_const2s:
			case DW_OP_const4u:
			case DW_OP_const4s:
			case DW_OP_const8u:
			case DW_OP_const8s:
			case DW_OP_constu:
			case DW_OP_consts:
				PUSH(op->number);
				break;
			case DW_OP_fbreg:
				if (in_fb)
					return;
				if (!frame_base(c, &v)) {
					out->kind = LOC_OPTOUT;
					return;
				}
				PUSH(v + op->number);
				break;
			case DW_OP_call_frame_cfa:
				if (!c->regs || !c->regs->cfa) {
					out->kind = LOC_OPTOUT;
					return;
				}
				PUSH(c->regs->cfa);
				break;
			case DW_OP_plus_uconst:
				NEED(1);
				st[sp - 1] += op->number;
				break;
			case DW_OP_plus:
			case DW_OP_minus:
			case DW_OP_mul:
			case DW_OP_and:
			case DW_OP_or:
			case DW_OP_xor:
				NEED(2);
				w = st[--sp];
				v = st[sp - 1];
				st[sp - 1] = a == DW_OP_plus	? v + w
					     : a == DW_OP_minus ? v - w
					     : a == DW_OP_mul	? v * w
					     : a == DW_OP_and	? (v & w)
					     : a == DW_OP_or	? (v | w)
								: (v ^ w);
				break;
			case DW_OP_shl:
			case DW_OP_shr:
			case DW_OP_shra:
				NEED(2);
				w = st[--sp];
				v = st[sp - 1];
				if (w >= 64)
					st[sp - 1] =
					    a == DW_OP_shra && (int64_t)v < 0 ? UINT64_MAX : 0;
				else if (a == DW_OP_shl)
					st[sp - 1] = v << w;
				else if (a == DW_OP_shr)
					st[sp - 1] = v >> w;
				else
					st[sp - 1] = (uint64_t)((int64_t)v >> w);
				break;
			case DW_OP_implicit_value: {
				Dwarf_Block blk;
				if (i + 1 != n || sp || !attr ||
				    dwarf_getlocation_implicit_value(attr, op, &blk) != 0)
					return;
				out->kind = LOC_BLOCK;
				out->block = blk.data;
				out->block_len = blk.length;
				return;
			}
			case DW_OP_implicit_pointer:
			case DW_OP_GNU_implicit_pointer:
				out->kind = LOC_OPTOUT;
				return;
			case DW_OP_neg:
				NEED(1);
				st[sp - 1] = (uint64_t)0 - st[sp - 1];
				break;
			case DW_OP_not:
				NEED(1);
				st[sp - 1] = ~st[sp - 1];
				break;
			case DW_OP_dup:
				NEED(1);
				PUSH(st[sp - 1]);
				break;
			case DW_OP_over:
				NEED(2);
				PUSH(st[sp - 2]);
				break;
			case DW_OP_drop:
				NEED(1);
				sp--;
				break;
			case DW_OP_swap:
				NEED(2);
				v = st[sp - 1];
				st[sp - 1] = st[sp - 2];
				st[sp - 2] = v;
				break;
			case DW_OP_deref:
			case DW_OP_deref_size:
				NEED(1);
				v = 0;
				w = a == DW_OP_deref ? 8 : op->number;
				if (w == 0 || w > 8 || read_mem(c, st[sp - 1], &v, (size_t)w)) {
					out->kind = LOC_OPTOUT;
					return;
				}
				st[sp - 1] = v;
				break;
			case DW_OP_stack_value:
				NEED(1);
				if (i + 1 != n)
					return;
				out->kind = LOC_VALUE;
				out->x = st[sp - 1];
				return;
			case DW_OP_entry_value:
			case DW_OP_GNU_entry_value:
				out->kind = LOC_OPTOUT;
				return;
			default: /* DW_OP_piece, implicit values, TLS, ...: not handled */
				return;
			}
		}
	}
#undef PUSH
#undef NEED
	if (!sp) {
		out->kind = LOC_OPTOUT;
		return;
	}
	out->kind = LOC_MEM;
	out->x = st[sp - 1];
}

/* Bytes of one piece's location into buf[0..size) (known[] set where available). */
static void piece_bytes(struct vctx *c, const struct loc *l, uint8_t *buf, uint8_t *known,
			size_t size)
{
	uint64_t x = 0;
	switch (l->kind) {
	case LOC_MEM:
		if (read_mem(c, l->x, buf, size) == 0)
			memset(known, 1, size);
		return;
	case LOC_REG:
		if (size > 8 || !reg_value(c, l->x, &x))
			return;
		break;
	case LOC_VALUE:
		if (size > 8)
			return;
		x = l->x;
		break;
	case LOC_BLOCK:
		if (l->block_len >= size) {
			memcpy(buf, l->block, size);
			memset(known, 1, size);
		}
		return;
	default:
		return;
	}
	for (size_t i = 0; i < size; i++) {
		buf[i] = (uint8_t)(x >> (8 * i));
		known[i] = 1;
	}
}

/* Evaluates an expression, assembling DW_OP_piece composites into out->comp (the caller
 * frees comp and comp_known). */
static void eval_expr(struct vctx *c, Dwarf_Attribute *attr, const Dwarf_Op *ops, size_t n,
		      bool in_fb, struct loc *out)
{
	size_t npieces = 0, total = 0;
	for (size_t i = 0; i < n && i < MAX_OPS; i++) {
		if (ops[i].atom == DW_OP_bit_piece) {
			out->kind = LOC_UNSUPPORTED;
			return;
		}
		if (ops[i].atom == DW_OP_piece) {
			npieces++;
			total += ops[i].number < MAX_COMPOSITE ? (size_t)ops[i].number
							       : MAX_COMPOSITE + 1;
		}
	}
	if (!npieces) {
		eval_ops(c, attr, ops, n, in_fb, out);
		return;
	}
	if (in_fb || n > MAX_OPS || !total || total > MAX_COMPOSITE) {
		out->kind = LOC_UNSUPPORTED;
		return;
	}
	out->comp = calloc(1, total);
	out->comp_known = calloc(1, total);
	if (!out->comp || !out->comp_known) {
		out->kind = LOC_UNSUPPORTED;
		return;
	}
	size_t start = 0, at = 0;
	for (size_t i = 0; i < n; i++) {
		if (ops[i].atom != DW_OP_piece)
			continue;
		size_t size = (size_t)ops[i].number;
		if (i > start) {
			struct loc part = {0};
			eval_ops(c, attr, ops + start, i - start, false, &part);
			piece_bytes(c, &part, out->comp + at, out->comp_known + at, size);
		}
		at += size;
		start = i + 1;
	}
	out->kind = LOC_BLOCK;
	out->block = out->comp;
	out->block_len = total;
}

/* Evaluates the location attribute attr (DW_AT_location or DW_AT_frame_base) at the frame's pc
 * (any pc when there is no frame: only single expressions then). */
static void eval_attr(struct vctx *c, Dwarf_Attribute *attr, bool in_fb, struct loc *out)
{
	Dwarf_Op *expr = NULL;
	size_t len = 0;
	int n;
	if (c->regs) {
		n = dwarf_getlocation_addr(attr, c->regs->pc - c->bias, &expr, &len, 1);
	} else {
		n = dwarf_getlocation(attr, &expr, &len) == 0 ? 1 : -1;
	}
	if (n == 0) {
		out->kind = LOC_OPTOUT;
		return;
	}
	if (n < 0) {
		out->kind = LOC_UNSUPPORTED;
		return;
	}
	eval_expr(c, attr, expr, len, in_fb, out);
}

static bool frame_base(struct vctx *c, uint64_t *out)
{
	if (!c->fb_done) {
		c->fb_done = true;
		Dwarf_Attribute a;
		struct loc l = {0};
		if (c->have_fn && dwarf_attr(&c->fn, DW_AT_frame_base, &a)) {
			eval_attr(c, &a, true, &l);
			if (l.kind == LOC_MEM) {
				c->fb = l.x;
				c->fb_ok = true;
			} else if (l.kind == LOC_REG) { /* DW_OP_reg6: the frame base is rbp */
				c->fb_ok = reg_value(c, l.x, &c->fb);
			}
		}
	}
	*out = c->fb;
	return c->fb_ok;
}

/* ---- types ---- */

bool die_type(Dwarf_Die *die, Dwarf_Die *out)
{
	Dwarf_Attribute a;
	return dwarf_attr_integrate(die, DW_AT_type, &a) && dwarf_formref_die(&a, out);
}

static bool is_qualifier(int tag)
{
	return tag == DW_TAG_typedef || tag == DW_TAG_const_type || tag == DW_TAG_volatile_type ||
	       tag == DW_TAG_restrict_type || tag == DW_TAG_atomic_type;
}

/* Follows typedefs and qualifiers from t; false when it ends in void (or is malformed). */
bool peel(Dwarf_Die *t)
{
	for (int i = 0; i < MAX_PEEL; i++) {
		if (!is_qualifier(dwarf_tag(t)))
			return true;
		Dwarf_Die next;
		if (!die_type(t, &next))
			return false;
		*t = next;
	}
	return false;
}

uint64_t udata(Dwarf_Die *die, unsigned int at, uint64_t dflt)
{
	Dwarf_Attribute a;
	Dwarf_Word w;
	if (dwarf_attr_integrate(die, at, &a) && dwarf_formudata(&a, &w) == 0)
		return w;
	return dflt;
}

/* Element counts of array type t's dimensions (up to max); returns how many. A dimension
 * without bounds counts 0. */
size_t array_dims(Dwarf_Die *t, uint64_t *dims, size_t max)
{
	Dwarf_Die child;
	size_t n = 0;
	if (dwarf_child(t, &child) != 0)
		return 0;
	int guard = 0;
	do {
		if (dwarf_tag(&child) != DW_TAG_subrange_type)
			continue;
		if (n == max)
			break;
		Dwarf_Attribute a;
		Dwarf_Word w;
		Dwarf_Sword sw;
		uint64_t count = 0;
		if (dwarf_attr_integrate(&child, DW_AT_count, &a) && dwarf_formudata(&a, &w) == 0) {
			count = w;
		} else if (dwarf_attr_integrate(&child, DW_AT_upper_bound, &a) &&
			   dwarf_formsdata(&a, &sw) == 0) {
			uint64_t lower = udata(&child, DW_AT_lower_bound, 0);
			count = sw >= 0 && (uint64_t)sw + 1 > lower ? (uint64_t)sw + 1 - lower : 0;
		}
		dims[n++] = count;
	} while (++guard < 64 && dwarf_siblingof(&child, &child) == 0);
	return n;
}

/* Size in bytes of type t; false when unknown. */
bool type_size(Dwarf_Die *t0, uint64_t *out, int depth)
{
	Dwarf_Die t = *t0;
	if (depth > MAX_DEPTH || !peel(&t))
		return false;
	Dwarf_Attribute a;
	Dwarf_Word w;
	if (dwarf_attr_integrate(&t, DW_AT_byte_size, &a) && dwarf_formudata(&a, &w) == 0) {
		*out = w;
		return true;
	}
	int tag = dwarf_tag(&t);
	if (tag == DW_TAG_pointer_type || tag == DW_TAG_reference_type ||
	    tag == DW_TAG_rvalue_reference_type) {
		*out = 8;
		return true;
	}
	if (tag == DW_TAG_array_type) {
		uint64_t dims[8], elem;
		size_t nd = array_dims(&t, dims, 8);
		Dwarf_Die et;
		if (!nd || !die_type(&t, &et) || !type_size(&et, &elem, depth + 1))
			return false;
		uint64_t total = elem;
		for (size_t i = 0; i < nd; i++) {
			if (dims[i] && total > UINT64_MAX / dims[i])
				return false;
			total *= dims[i];
		}
		*out = total;
		return true;
	}
	return false;
}

/* True when t (peeled) is a one-byte character type. */
static bool is_char_type(Dwarf_Die *t0)
{
	Dwarf_Die t = *t0;
	if (!peel(&t) || dwarf_tag(&t) != DW_TAG_base_type)
		return false;
	uint64_t enc = udata(&t, DW_AT_encoding, 0), size = udata(&t, DW_AT_byte_size, 0);
	return size == 1 && (enc == DW_ATE_signed_char || enc == DW_ATE_unsigned_char);
}

/* C name of type t (as gdb writes it in "(T) value"). */
static void type_name(Dwarf_Die *t0, struct sb *b, int depth)
{
	Dwarf_Die t = *t0, next;
	if (depth > MAX_DEPTH) {
		sb_puts(b, "?");
		return;
	}
	int tag = dwarf_tag(&t);
	const char *name = dwarf_diename(&t);
	switch (tag) {
	case DW_TAG_base_type:
		sb_puts(b, nat_c_base_name(name));
		return;
	case DW_TAG_typedef:
		sb_puts(b, name ? name : "?");
		return;
	case DW_TAG_structure_type:
	case DW_TAG_union_type:
	case DW_TAG_enumeration_type:
		sb_puts(b, tag == DW_TAG_structure_type ? "struct "
			   : tag == DW_TAG_union_type	? "union "
							: "enum ");
		sb_puts(b, name ? name : "{...}");
		return;
	case DW_TAG_const_type:
	case DW_TAG_volatile_type:
		sb_puts(b, tag == DW_TAG_const_type ? "const " : "volatile ");
		if (die_type(&t, &next))
			type_name(&next, b, depth + 1);
		else
			sb_puts(b, "void");
		return;
	case DW_TAG_restrict_type:
	case DW_TAG_atomic_type:
		if (die_type(&t, &next))
			type_name(&next, b, depth + 1);
		else
			sb_puts(b, "void");
		return;
	case DW_TAG_pointer_type:
		if (!die_type(&t, &next)) {
			sb_puts(b, "void *");
			return;
		}
		if (dwarf_tag(&next) == DW_TAG_subroutine_type) {
			Dwarf_Die ret, p;
			if (die_type(&next, &ret))
				type_name(&ret, b, depth + 1);
			else
				sb_puts(b, "void");
			sb_puts(b, " (*)(");
			int k = 0;
			if (dwarf_child(&next, &p) == 0) {
				do {
					Dwarf_Die pt;
					if (dwarf_tag(&p) == DW_TAG_unspecified_parameters) {
						sb_puts(b, k++ ? ", ..." : "...");
					} else if (dwarf_tag(&p) == DW_TAG_formal_parameter &&
						   die_type(&p, &pt)) {
						if (k++)
							sb_puts(b, ", ");
						type_name(&pt, b, depth + 1);
					}
				} while (k < 64 && dwarf_siblingof(&p, &p) == 0);
			}
			if (!k && !dwarf_hasattr(&next, DW_AT_prototyped))
				sb_puts(b, "");
			else if (!k)
				sb_puts(b, "void");
			sb_puts(b, ")");
			return;
		}
		type_name(&next, b, depth + 1);
		if (b->len && b->buf[b->len - 1] != '*')
			sb_puts(b, " ");
		sb_puts(b, "*");
		return;
	case DW_TAG_array_type: {
		uint64_t dims[8];
		size_t nd = array_dims(&t, dims, 8);
		if (die_type(&t, &next))
			type_name(&next, b, depth + 1);
		sb_puts(b, " ");
		for (size_t i = 0; i < nd; i++)
			sb_printf(b, "[%" PRIu64 "]", dims[i]);
		return;
	}
	default:
		sb_puts(b, name ? name : "?");
	}
}

/* ---- values ---- */

static void format_value(struct vctx *c, struct sb *b, Dwarf_Die *type, const struct val *v,
			 int depth);

static void put_mem_error(struct sb *b, uint64_t addr)
{
	sb_printf(b, "<error: Cannot access memory at address 0x%" PRIx64 ">", addr);
}

/* Reports why v cannot be read (memory error at its address or not available). */
static void put_unreadable(struct sb *b, const struct val *v)
{
	if (v->kind == VAL_MEM)
		put_mem_error(b, v->addr);
	else if (v->kind == VAL_UNSUPPORTED)
		sb_puts(b, "<unsupported location>");
	else
		sb_puts(b, "<optimized out>");
}

/* Escape of character ch inside quote q ('\'' or '"'), as gdb writes it. */
static void put_char_escaped(struct sb *b, unsigned char ch, char q)
{
	switch (ch) {
	case '\a':
		sb_puts(b, "\\a");
		return;
	case '\b':
		sb_puts(b, "\\b");
		return;
	case '\f':
		sb_puts(b, "\\f");
		return;
	case '\n':
		sb_puts(b, "\\n");
		return;
	case '\r':
		sb_puts(b, "\\r");
		return;
	case '\t':
		sb_puts(b, "\\t");
		return;
	case '\v':
		sb_puts(b, "\\v");
		return;
	case '\\':
		sb_puts(b, "\\\\");
		return;
	default:
		break;
	}
	if (ch == (unsigned char)q) {
		sb_printf(b, "\\%c", q);
	} else if (ch >= 0x20 && ch < 0x7f) {
		char s[2] = {(char)ch, 0};
		sb_puts(b, s);
	} else {
		sb_printf(b, "\\%03o", ch);
	}
}

/* Characters s[0..n) as gdb prints a string: quoted runs, with runs of more than REPEAT_MIN
 * equal characters as 'c' <repeats N times>, then "..." when more. */
static void put_string(struct sb *b, const unsigned char *s, size_t n, bool more)
{
	bool open = false, any = false;
	size_t i = 0;
	while (i < n && !sb_full(b)) {
		size_t j = i;
		while (j < n && s[j] == s[i])
			j++;
		if (j - i > REPEAT_MIN) {
			if (open)
				sb_puts(b, "\"");
			open = false;
			if (any)
				sb_puts(b, ", ");
			sb_puts(b, "'");
			put_char_escaped(b, s[i], '\'');
			sb_printf(b, "' <repeats %zu times>", j - i);
			any = true;
			i = j;
			continue;
		}
		if (!open) {
			if (any)
				sb_puts(b, ", ");
			sb_puts(b, "\"");
			open = any = true;
		}
		for (; i < j; i++)
			put_char_escaped(b, s[i], '"');
	}
	if (open)
		sb_puts(b, "\"");
	if (!any)
		sb_puts(b, "\"\"");
	if (more)
		sb_puts(b, "...");
}

/* The NUL-terminated string at addr (up to MAX_ITEMS characters), read page by page. */
static void put_c_string(struct vctx *c, struct sb *b, uint64_t addr)
{
	unsigned char s[MAX_ITEMS + 1];
	size_t n = 0;
	bool term = false;
	while (n < sizeof(s) && !term) {
		size_t chunk = 4096 - ((addr + n) & 4095);
		if (chunk > sizeof(s) - n)
			chunk = sizeof(s) - n;
		if (read_mem(c, addr + n, s + n, chunk)) {
			if (!n) {
				put_mem_error(b, addr);
				return;
			}
			break;
		}
		for (size_t k = 0; k < chunk; k++) {
			if (!s[n + k]) {
				n += k;
				term = true;
				break;
			}
		}
		if (!term)
			n += chunk;
	}
	bool more = !term && n > MAX_ITEMS;
	if (n > MAX_ITEMS)
		n = MAX_ITEMS;
	put_string(b, s, n, more);
}

/* " <sym>" or " <sym+off>" when addr is inside an ELF symbol of a module. */
static void put_symbol(struct vctx *c, struct sb *b, uint64_t addr)
{
	struct nat_addrinfo ai = {0};
	if (addr && nat_syms_addr_info(c->s, addr, &ai) == 0 && ai.sym && ai.sym_addr <= addr &&
	    (addr == ai.sym_addr || addr - ai.sym_addr < ai.sym_size)) {
		if (addr == ai.sym_addr)
			sb_printf(b, " <%s>", ai.sym);
		else
			sb_printf(b, " <%s+%" PRIu64 ">", ai.sym, addr - ai.sym_addr);
	}
	nat_addrinfo_clear(&ai);
}

static void format_int(struct sb *b, uint64_t raw, uint64_t size, bool is_signed)
{
	if (size < 8) {
		uint64_t mask = (1ULL << (8 * size)) - 1;
		raw &= mask;
		if (is_signed && (raw >> (8 * size - 1)) & 1)
			raw |= ~mask;
	}
	if (is_signed)
		sb_printf(b, "%" PRId64, (int64_t)raw);
	else
		sb_printf(b, "%" PRIu64, raw);
}

static void format_base(struct vctx *c, struct sb *b, Dwarf_Die *t, const struct val *v)
{
	uint64_t size = udata(t, DW_AT_byte_size, 0), enc = udata(t, DW_AT_encoding, 0);
	uint8_t raw[16] = {0};
	if (!size || size > sizeof(raw)) {
		sb_puts(b, "<unsupported type>");
		return;
	}
	if (val_read(c, v, 0, raw, size)) {
		put_unreadable(b, v);
		return;
	}
	uint64_t x = 0;
	memcpy(&x, raw, size < 8 ? size : 8);
	switch (enc) {
	case DW_ATE_boolean:
		if (x == 0 || x == 1)
			sb_puts(b, x ? "true" : "false");
		else
			sb_printf(b, "%" PRIu64, x);
		return;
	case DW_ATE_float:
		if (size == 4) {
			float f;
			memcpy(&f, raw, 4);
			sb_printf(b, "%.9g", (double)f);
		} else if (size == 8) {
			double d;
			memcpy(&d, raw, 8);
			sb_printf(b, "%.17g", d);
		} else if (size == 16 || size == 10) {
			long double ld = 0;
			memcpy(&ld, raw, 10);
			sb_printf(b, "%.21Lg", ld);
		} else {
			sb_puts(b, "<unsupported type>");
		}
		return;
	case DW_ATE_signed_char:
	case DW_ATE_unsigned_char:
		format_int(b, x, size, enc == DW_ATE_signed_char);
		if (size == 1) {
			sb_puts(b, " '");
			put_char_escaped(b, raw[0], '\'');
			sb_puts(b, "'");
		}
		return;
	case DW_ATE_signed:
		if (size > 8)
			break;
		format_int(b, x, size, true);
		return;
	case DW_ATE_unsigned:
	case DW_ATE_UTF:
		if (size > 8)
			break;
		format_int(b, x, size, false);
		return;
	default:
		break;
	}
	if (size <= 8) {
		format_int(b, x, size, false);
		return;
	}
	sb_puts(b, "0x");
	for (size_t i = size; i-- > 0;)
		sb_printf(b, "%02x", raw[i]);
}

static void format_enum(struct vctx *c, struct sb *b, Dwarf_Die *t, const struct val *v)
{
	uint64_t size = udata(t, DW_AT_byte_size, 4);
	uint64_t x = 0;
	if (size > 8) {
		sb_puts(b, "<unsupported type>");
		return;
	}
	if (val_read(c, v, 0, &x, size)) {
		put_unreadable(b, v);
		return;
	}
	Dwarf_Die e;
	if (dwarf_child(t, &e) == 0) {
		int guard = 0;
		do {
			Dwarf_Attribute a;
			Dwarf_Word w;
			Dwarf_Sword sw;
			if (dwarf_tag(&e) != DW_TAG_enumerator ||
			    !dwarf_attr(&e, DW_AT_const_value, &a))
				continue;
			uint64_t ev;
			if (dwarf_formsdata(&a, &sw) == 0)
				ev = (uint64_t)sw;
			else if (dwarf_formudata(&a, &w) == 0)
				ev = w;
			else
				continue;
			uint64_t mask = size >= 8 ? UINT64_MAX : (1ULL << (8 * size)) - 1;
			if ((ev & mask) == (x & mask) && dwarf_diename(&e)) {
				sb_puts(b, dwarf_diename(&e));
				return;
			}
		} while (++guard < MAX_CHILDREN && dwarf_siblingof(&e, &e) == 0);
	}
	Dwarf_Die ut;
	bool is_signed = true;
	if (die_type(t, &ut) && peel(&ut))
		is_signed = udata(&ut, DW_AT_encoding, DW_ATE_signed) == DW_ATE_signed;
	format_int(b, x, size, is_signed);
}

static void format_pointer(struct vctx *c, struct sb *b, Dwarf_Die *t, const struct val *v)
{
	uint64_t p = 0;
	if (val_read(c, v, 0, &p, sizeof(p))) {
		put_unreadable(b, v);
		return;
	}
	sb_printf(b, "0x%" PRIx64, p);
	Dwarf_Die target;
	bool has_target = die_type(t, &target);
	if (p)
		put_symbol(c, b, p);
	if (p && has_target && is_char_type(&target)) {
		sb_puts(b, " ");
		put_c_string(c, b, p);
	}
}

/* Bit offset of member m from the start of its struct, and its bit size (0: not a bit field).
 * false when its location cannot be read. */
static bool member_place(Dwarf_Die *m, uint64_t *byte_off, uint64_t *bit_off, uint64_t *bits)
{
	Dwarf_Attribute a;
	Dwarf_Word w;
	*byte_off = 0;
	*bit_off = 0;
	*bits = udata(m, DW_AT_bit_size, 0);
	if (dwarf_attr_integrate(m, DW_AT_data_member_location, &a)) {
		if (dwarf_formudata(&a, &w) == 0) {
			*byte_off = w;
		} else {
			Dwarf_Op *ops;
			size_t n;
			if (dwarf_getlocation(&a, &ops, &n) != 0 || n != 1 ||
			    ops[0].atom != DW_OP_plus_uconst)
				return false;
			*byte_off = ops[0].number;
		}
	}
	if (!*bits)
		return true;
	if (dwarf_attr_integrate(m, DW_AT_data_bit_offset, &a) && dwarf_formudata(&a, &w) == 0) {
		*bit_off = w;
		return true;
	}
	/* DWARF 2-4 DW_AT_bit_offset: from the most significant bit of the storage unit */
	uint64_t unit = udata(m, DW_AT_byte_size, 0), bo = udata(m, DW_AT_bit_offset, 0);
	if (!unit) {
		Dwarf_Die mt;
		if (die_type(m, &mt) && peel(&mt))
			unit = udata(&mt, DW_AT_byte_size, 4);
	}
	if (unit * 8 < bo + *bits)
		return false;
	*bit_off = *byte_off * 8 + unit * 8 - bo - *bits;
	return true;
}

static void format_bitfield(struct vctx *c, struct sb *b, Dwarf_Die *mt, const struct val *v,
			    uint64_t bit_off, uint64_t bits)
{
	Dwarf_Die t = *mt;
	if (bits > 56 || !peel(&t)) {
		sb_puts(b, "<unsupported bit field>");
		return;
	}
	uint64_t first = bit_off / 8, shift = bit_off % 8;
	size_t nbytes = (size_t)((shift + bits + 7) / 8);
	uint8_t raw[8] = {0};
	if (val_read(c, v, first, raw, nbytes)) {
		struct val sub = val_sub(v, first);
		put_unreadable(b, &sub);
		return;
	}
	uint64_t x = 0;
	memcpy(&x, raw, sizeof(x));
	x = (x >> shift) & ((1ULL << bits) - 1);
	int tag = dwarf_tag(&t);
	uint64_t enc = udata(&t, DW_AT_encoding, DW_ATE_unsigned);
	bool is_signed =
	    tag == DW_TAG_base_type && (enc == DW_ATE_signed || enc == DW_ATE_signed_char);
	if (is_signed && (x >> (bits - 1)) & 1)
		x |= ~((1ULL << bits) - 1);
	struct val xv = {0};
	set_bytes(&xv, x);
	format_value(c, b, &t, &xv, MAX_DEPTH);
}

static void format_struct(struct vctx *c, struct sb *b, Dwarf_Die *t, const struct val *v,
			  int depth)
{
	Dwarf_Die m;
	int count = 0, guard = 0;
	if (depth >= MAX_DEPTH) {
		sb_puts(b, "{...}");
		return;
	}
	sb_puts(b, "{");
	if (dwarf_child(t, &m) == 0) {
		do {
			if (dwarf_tag(&m) != DW_TAG_member || dwarf_hasattr(&m, DW_AT_external))
				continue; /* skips C++ static members (DW_AT_external) */
			if (count++)
				sb_puts(b, ", ");
			const char *name = dwarf_diename(&m);
			if (name)
				sb_printf(b, "%s = ", name);
			uint64_t byte_off, bit_off, bits;
			Dwarf_Die mt;
			if (!die_type(&m, &mt) || !member_place(&m, &byte_off, &bit_off, &bits)) {
				sb_puts(b, "<unsupported member>");
				continue;
			}
			if (bits) {
				format_bitfield(c, b, &mt, v, bit_off, bits);
				continue;
			}
			struct val sub = val_sub(v, byte_off);
			format_value(c, b, &mt, &sub, depth + 1);
		} while (!sb_full(b) && ++guard < MAX_MEMBERS && dwarf_siblingof(&m, &m) == 0);
	}
	if (!count)
		sb_puts(b, "<No data fields>");
	sb_puts(b, "}");
}

/* Array of dims[0..nd) elements of type et (elem bytes each). */
static void format_array_dims(struct vctx *c, struct sb *b, Dwarf_Die *et, uint64_t elem,
			      const uint64_t *dims, size_t nd, const struct val *v, int depth)
{
	uint64_t stride = elem;
	for (size_t i = 1; i < nd; i++) {
		if (dims[i] && stride > UINT64_MAX / dims[i]) {
			sb_puts(b, "<unsupported type>");
			return;
		}
		stride *= dims[i];
	}
	uint64_t n = dims[0], limit = nat_print_elements();
	uint64_t shown = limit && n > limit ? limit : n;
	if (nd == 1 && is_char_type(et)) {
		if (shown > MAX_CHARS_READ) /* gdb's max-value-size: 64 KiB */
			shown = MAX_CHARS_READ;
		unsigned char *s = xmalloc(shown ? (size_t)shown : 1);
		if (shown && val_read(c, v, 0, s, (size_t)shown)) {
			free(s);
			put_unreadable(b, v);
			return;
		}
		size_t len = (size_t)shown;
		/* gdb leaves out one trailing NUL of an array printed whole */
		if (len == n && len && !s[len - 1])
			len--;
		put_string(b, s, len, n > shown);
		free(s);
		return;
	}
	if (depth >= MAX_DEPTH) {
		sb_puts(b, "{...}");
		return;
	}
	sb_puts(b, "{");
	uint8_t cur[256], next[256];
	bool cmp = nd == 1 && stride <= sizeof(cur);
	for (uint64_t i = 0; i < shown && !sb_full(b);) {
		uint64_t j = i + 1;
		if (cmp) { /* equal bytes, or both unavailable, make a run */
			bool cur_ok = val_read(c, v, i * stride, cur, (size_t)stride) == 0;
			while (j < shown) {
				bool ok = val_read(c, v, j * stride, next, (size_t)stride) == 0;
				if (ok != cur_ok || (ok && memcmp(cur, next, (size_t)stride)))
					break;
				j++;
			}
		}
		if (i)
			sb_puts(b, ", ");
		struct val sub = val_sub(v, i * stride);
		if (nd > 1)
			format_array_dims(c, b, et, elem, dims + 1, nd - 1, &sub, depth + 1);
		else
			format_value(c, b, et, &sub, depth + 1);
		if (j - i > REPEAT_MIN) {
			sb_printf(b, " <repeats %" PRIu64 " times>", j - i);
			i = j;
		} else {
			i++;
		}
	}
	if (n > shown)
		sb_puts(b, "...");
	sb_puts(b, "}");
}

static void format_array(struct vctx *c, struct sb *b, Dwarf_Die *t, const struct val *v, int depth)
{
	uint64_t dims[8], elem;
	size_t nd = array_dims(t, dims, 8);
	Dwarf_Die et;
	if (!nd || !die_type(t, &et) || !type_size(&et, &elem, depth + 1) || !elem) {
		sb_puts(b, "<unsupported type>");
		return;
	}
	format_array_dims(c, b, &et, elem, dims, nd, v, depth);
}

static void format_value(struct vctx *c, struct sb *b, Dwarf_Die *type, const struct val *v,
			 int depth)
{
	Dwarf_Die t = *type;
	if (v->kind == VAL_OPTOUT || v->kind == VAL_UNSUPPORTED) {
		put_unreadable(b, v);
		return;
	}
	if (!peel(&t)) {
		sb_puts(b, "<incomplete type>");
		return;
	}
	switch (dwarf_tag(&t)) {
	case DW_TAG_base_type:
		format_base(c, b, &t, v);
		return;
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
		format_pointer(c, b, &t, v);
		return;
	case DW_TAG_enumeration_type:
		format_enum(c, b, &t, v);
		return;
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
	case DW_TAG_union_type:
		if (dwarf_hasattr(&t, DW_AT_declaration)) {
			sb_puts(b, "<incomplete type>");
			return;
		}
		format_struct(c, b, &t, v, depth);
		return;
	case DW_TAG_array_type:
		format_array(c, b, &t, v, depth);
		return;
	case DW_TAG_subroutine_type:
		if (v->kind == VAL_MEM) {
			sb_printf(b, "{<text variable>} 0x%" PRIx64, v->addr);
			put_symbol(c, b, v->addr);
			return;
		}
		break;
	default:
		break;
	}
	sb_puts(b, "<unsupported type>");
}

/* Formats variable (or parameter) die in c's frame into b; top adds gdb's "(T *) " prefix to
 * non-char pointers. */
static void format_var(struct vctx *c, Dwarf_Die *die, struct sb *b, bool top)
{
	Dwarf_Die type;
	Dwarf_Attribute a;
	struct val v = {.kind = VAL_OPTOUT};
	struct loc l = {0};
	uint8_t *block_copy = NULL;
	if (!die_type(die, &type)) {
		sb_puts(b, "<incomplete type>");
		return;
	}
	if (dwarf_attr(die, DW_AT_location, &a)) {
		eval_attr(c, &a, false, &l);
		uint64_t x;
		switch (l.kind) {
		case LOC_MEM:
			v.kind = VAL_MEM;
			v.addr = l.x;
			break;
		case LOC_REG:
			if (reg_value(c, l.x, &x))
				set_bytes(&v, x);
			else if (l.x >= NAT_NREGS)
				v.kind = VAL_UNSUPPORTED;
			break;
		case LOC_VALUE:
			set_bytes(&v, l.x);
			break;
		case LOC_BLOCK:
			v.kind = VAL_BYTES;
			v.bytes = l.block;
			v.known = l.comp_known;
			v.len = l.block_len;
			break;
		case LOC_UNSUPPORTED:
			v.kind = VAL_UNSUPPORTED;
			break;
		case LOC_OPTOUT:
			break;
		}
	} else if (dwarf_attr_integrate(die, DW_AT_const_value, &a)) {
		Dwarf_Block blk;
		Dwarf_Word w;
		Dwarf_Sword sw;
		if (dwarf_formblock(&a, &blk) == 0 && blk.length <= 65536) {
			/* copy: the value must not point into libdw's data beyond this call */
			block_copy = malloc(blk.length ? blk.length : 1);
			if (block_copy) {
				memcpy(block_copy, blk.data, blk.length);
				v.kind = VAL_BYTES;
				v.bytes = block_copy;
				v.len = blk.length;
			}
		} else if (dwarf_formsdata(&a, &sw) == 0) {
			set_bytes(&v, (uint64_t)sw);
		} else if (dwarf_formudata(&a, &w) == 0) {
			set_bytes(&v, w);
		} else if (dwarf_formstring(&a)) {
			sb_puts(b, "\"");
			for (const char *p = dwarf_formstring(&a); *p && !sb_full(b); p++)
				put_char_escaped(b, (unsigned char)*p, '"');
			sb_puts(b, "\"");
			return;
		}
	}
	if (top && v.kind != VAL_OPTOUT && v.kind != VAL_UNSUPPORTED) {
		Dwarf_Die t = type, target;
		if (peel(&t) && dwarf_tag(&t) == DW_TAG_pointer_type &&
		    !(die_type(&t, &target) && is_char_type(&target))) {
			sb_puts(b, "(");
			type_name(&type, b, 0);
			sb_puts(b, ") ");
		}
	}
	format_value(c, b, &type, &v, 0);
	free(block_copy);
	free(l.comp);
	free(l.comp_known);
}

/* ---- scopes ---- */

/* The scopes at regs->pc (innermost first) in *scopes (caller frees), their count, the bias,
 * and the index of the innermost function scope (subprogram or inlined subroutine) in *fn_at
 * and of the out-of-line subprogram in *sub_at (-1 when none). */
static int pc_scopes(struct nat_syms *s, uint64_t pc, int inline_depth, Dwarf_Die **scopes,
		     Dwarf_Addr *bias, int *fn_at, int *sub_at, Dwarf_Die *cu_out)
{
	*scopes = NULL;
	*fn_at = *sub_at = -1;
	Dwfl_Module *mod = dwfl_addrmodule(nat_syms_dwfl(s), pc);
	Dwarf_Die *cu = mod ? dwfl_module_addrdie(mod, pc, bias) : NULL;
	if (!cu)
		return -1;
	*cu_out = *cu;
	int n = nat_concrete_scopes(cu, pc - *bias, scopes);
	if (n <= 0) {
		free(*scopes);
		*scopes = NULL;
		return n < 0 ? -1 : 0;
	}
	/* the frame of an inlined call's caller: drop the scopes of the inner functions */
	for (int i = 0; i < n && inline_depth > 0; i++) {
		int tag = dwarf_tag(&(*scopes)[i]);
		if ((tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine) &&
		    --inline_depth == 0) {
			memmove(*scopes, *scopes + i + 1, (size_t)(n - i - 1) * sizeof(**scopes));
			n -= i + 1;
		}
	}
	for (int i = 0; i < n; i++) {
		int tag = dwarf_tag(&(*scopes)[i]);
		if (*fn_at < 0 && (tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine))
			*fn_at = i;
		if (tag == DW_TAG_subprogram) {
			*sub_at = i;
			break;
		}
	}
	return n;
}

static bool is_var_tag(int tag, enum nat_var_kind kind)
{
	return kind == NAT_VAR_ARG ? tag == DW_TAG_formal_parameter : tag == DW_TAG_variable;
}

/* Calls visit for each variable of kind in scope; stops when visit returns true. */
static bool each_var(Dwarf_Die *scope, enum nat_var_kind kind,
		     bool (*visit)(void *arg, Dwarf_Die *var), void *arg)
{
	Dwarf_Die child;
	int guard = 0;
	if (dwarf_child(scope, &child) != 0)
		return false;
	do {
		if (!is_var_tag(dwarf_tag(&child), kind) ||
		    dwarf_hasattr(&child, DW_AT_declaration))
			continue;
		Dwarf_Attribute a;
		if (!dwarf_attr_integrate(&child, DW_AT_name, &a))
			continue;
		if (visit(arg, &child))
			return true;
	} while (++guard < MAX_CHILDREN && dwarf_siblingof(&child, &child) == 0);
	return false;
}

static void init_ctx(struct vctx *c, struct nat_syms *s, const struct nat_frame_regs *regs,
		     const struct nat_mem_ops *mem, Dwarf_Addr bias, Dwarf_Die *scopes, int sub_at)
{
	memset(c, 0, sizeof(*c));
	c->s = s;
	c->regs = regs;
	c->mem = mem;
	c->bias = bias;
	if (sub_at >= 0) {
		c->fn = scopes[sub_at];
		c->have_fn = true;
	}
}

struct list_arg {
	struct vctx *c;
	void (*fn)(void *arg, const char *name, const char *value);
	void *arg;
	char *buf;
	int count;
};

static bool list_visit(void *arg, Dwarf_Die *var)
{
	struct list_arg *la = arg;
	struct sb b = {la->buf, VALUE_LEN, 0};
	la->buf[0] = 0;
	format_var(la->c, var, &b, false);
	la->fn(la->arg, dwarf_diename(var), la->buf);
	la->count++;
	return false;
}

int nat_frame_vars(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, enum nat_var_kind kind,
		   void (*fn)(void *arg, const char *name, const char *value), void *arg,
		   struct mx_err *err)
{
	Dwarf_Die *scopes, cu;
	Dwarf_Addr bias = 0;
	int fn_at, sub_at;
	int n = pc_scopes(s, regs->pc, regs->inline_depth, &scopes, &bias, &fn_at, &sub_at, &cu);
	if (n <= 0 || fn_at < 0) {
		free(scopes);
		return mx_err_set(err, "No symbol table info available.");
	}
	struct vctx c;
	init_ctx(&c, s, regs, mem, bias, scopes, sub_at);
	struct list_arg la = {&c, fn, arg, malloc(VALUE_LEN), 0};
	if (!la.buf) {
		free(scopes);
		return mx_err_set(err, "Out of memory.");
	}
	if (kind == NAT_VAR_ARG) {
		each_var(&scopes[fn_at], kind, list_visit, &la);
	} else {
		for (int i = 0; i <= fn_at; i++)
			each_var(&scopes[i], kind, list_visit, &la);
	}
	free(la.buf);
	free(scopes);
	return la.count;
}

struct find_arg {
	const char *name;
	Dwarf_Die found;
	bool ok;
};

static bool find_visit(void *arg, Dwarf_Die *var)
{
	struct find_arg *fa = arg;
	const char *nm = dwarf_diename(var);
	if (!nm || strcmp(nm, fa->name))
		return false;
	fa->found = *var;
	fa->ok = true;
	return true;
}

/* A variable with a location or constant value named fa->name among cu's top-level
 * children. */
static bool find_global_in_cu(Dwarf_Die *cu, struct find_arg *fa)
{
	Dwarf_Die child;
	int guard = 0;
	if (dwarf_child(cu, &child) != 0)
		return false;
	do {
		if (dwarf_tag(&child) != DW_TAG_variable ||
		    (!dwarf_hasattr(&child, DW_AT_location) &&
		     !dwarf_hasattr(&child, DW_AT_const_value)))
			continue;
		const char *nm = dwarf_diename(&child);
		if (nm && !strcmp(nm, fa->name)) {
			fa->found = child;
			fa->ok = true;
			return true;
		}
	} while (++guard < 1000000 && dwarf_siblingof(&child, &child) == 0);
	return false;
}

/* A global named fa->name in module mod (sets *bias). */
static bool find_global_in_module(Dwfl_Module *mod, struct find_arg *fa, Dwarf_Addr *bias)
{
	Dwarf_Die *cu = NULL;
	Dwarf_Addr b = 0;
	while ((cu = dwfl_module_nextcu(mod, cu, &b))) {
		if (find_global_in_cu(cu, fa)) {
			*bias = b;
			return true;
		}
	}
	return false;
}

struct mod_search {
	struct find_arg *fa;
	Dwfl_Module *skip;
	Dwarf_Addr bias;
	bool ok;
};

static int mod_visit(Dwfl_Module *mod, void **userdata, const char *name, Dwarf_Addr start,
		     void *arg)
{
	(void)userdata;
	(void)name;
	(void)start;
	struct mod_search *ms = arg;
	if (mod != ms->skip && find_global_in_module(mod, ms->fa, &ms->bias)) {
		ms->ok = true;
		return DWARF_CB_ABORT;
	}
	return DWARF_CB_OK;
}

/* Finds variable `name` as seen from regs (locals, arguments, then globals); fills *c for
 * evaluating it. *scopes must be freed by the caller. */
static bool lookup_var(struct nat_syms *s, const struct nat_frame_regs *regs,
		       const struct nat_mem_ops *mem, const char *name, struct vctx *c,
		       Dwarf_Die *found, Dwarf_Die **scopes)
{
	Dwarf_Die cu;
	Dwarf_Addr bias = 0;
	int fn_at = -1, sub_at = -1;
	struct find_arg fa = {.name = name};
	*scopes = NULL;
	int n =
	    regs ? pc_scopes(s, regs->pc, regs->inline_depth, scopes, &bias, &fn_at, &sub_at, &cu)
		 : -1;
	init_ctx(c, s, regs, mem, bias, *scopes, sub_at);
	/* locals of each scope, then the function's arguments at its scope */
	for (int i = 0; n > 0 && i <= fn_at && !fa.ok; i++) {
		if (!each_var(&(*scopes)[i], NAT_VAR_LOCAL, find_visit, &fa) && i == fn_at)
			each_var(&(*scopes)[i], NAT_VAR_ARG, find_visit, &fa);
	}
	Dwfl_Module *here = regs ? dwfl_addrmodule(nat_syms_dwfl(s), regs->pc) : NULL;
	if (!fa.ok && n > 0) /* this CU's globals and statics */
		find_global_in_cu(&cu, &fa);
	if (!fa.ok && here) {
		Dwarf_Addr b = 0;
		if (find_global_in_module(here, &fa, &b))
			c->bias = b;
	}
	if (!fa.ok) {
		struct mod_search ms = {.fa = &fa, .skip = here};
		dwfl_getmodules(nat_syms_dwfl(s), mod_visit, &ms, 0);
		if (ms.ok)
			c->bias = ms.bias;
	}
	if (fa.ok)
		*found = fa.found;
	return fa.ok;
}

int nat_print_var(struct nat_syms *s, const struct nat_frame_regs *regs,
		  const struct nat_mem_ops *mem, const char *name, char *out, size_t outlen,
		  struct mx_err *err)
{
	struct vctx c;
	Dwarf_Die found, *scopes;
	if (outlen)
		out[0] = 0;
	if (!lookup_var(s, regs, mem, name, &c, &found, &scopes)) {
		free(scopes);
		return mx_err_set(err, "No symbol \"%s\" in current context.", name);
	}
	struct sb b = {out, outlen, 0};
	format_var(&c, &found, &b, true);
	free(scopes);
	return 0;
}

int nat_locate_var(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, const char *name, struct nat_var_place *out,
		   struct mx_err *err)
{
	struct vctx c;
	Dwarf_Die found, *scopes, type;
	Dwarf_Attribute a;
	memset(out, 0, sizeof(*out));
	if (!lookup_var(s, regs, mem, name, &c, &found, &scopes)) {
		free(scopes);
		return mx_err_set(err, "No symbol \"%s\" in current context.", name);
	}
	int rc = 0;
	struct loc l = {0};
	if (!die_type(&found, &type) || !peel(&type)) {
		rc = mx_err_set(err, "'%s' has no type I can assign to", name);
	} else if (!dwarf_attr(&found, DW_AT_location, &a)) {
		rc = mx_err_set(err, "'%s' has no location (optimized out?)", name);
	} else {
		eval_attr(&c, &a, false, &l);
		int tag = dwarf_tag(&type);
		out->size = udata(&type, DW_AT_byte_size, tag == DW_TAG_pointer_type ? 8 : 0);
		uint64_t enc = udata(&type, DW_AT_encoding, DW_ATE_unsigned);
		out->is_float = tag == DW_TAG_base_type && enc == DW_ATE_float;
		out->is_signed =
		    tag == DW_TAG_base_type && (enc == DW_ATE_signed || enc == DW_ATE_signed_char);
		bool scalar = tag == DW_TAG_base_type || tag == DW_TAG_pointer_type ||
			      tag == DW_TAG_enumeration_type;
		if (!scalar || !out->size || out->size > 8)
			rc = mx_err_set(err,
					"can only assign to a variable of scalar type (integer, "
					"character, float, enum or pointer): '%s' is not one",
					name);
		else if (l.kind == LOC_MEM) {
			out->in_memory = true;
			out->addr = l.x;
		} else if (l.kind == LOC_REG && l.x < NAT_NREGS) {
			out->regno = (int)l.x;
		} else {
			rc = mx_err_set(err,
					"'%s' is not in memory or a register here (optimized "
					"out, or a computed value): it cannot be assigned",
					name);
		}
	}
	free(l.comp);
	free(l.comp_known);
	free(scopes);
	return rc;
}

/* ---- expressions (print EXPR) ---- */

/* Reads n bytes at offset off of lvalue v; 0 ok. */
static int ev_read(struct ep *e, const struct ev *v, uint64_t off, void *buf, size_t n)
{
	if (!v->bytes)
		return read_mem(&e->c, v->addr + off, buf, n);
	uint64_t at = v->addr + off;
	if (at < v->addr || at > v->blen || n > v->blen - at)
		return -1;
	for (size_t i = 0; v->known && i < n; i++)
		if (!v->known[at + i])
			return -1;
	memcpy(buf, v->bytes + at, n);
	return 0;
}

/* "Cannot access memory at address ..." or "value has been optimized out" for v + off. */
static bool ep_read_fail(struct ep *e, const struct ev *v, uint64_t off)
{
	if (v->bytes)
		return ep_fail(e, "value has been optimized out");
	return ep_fail(e, "Cannot access memory at address 0x%" PRIx64, v->addr + off);
}

bool ep_fail(struct ep *e, const char *fmt, ...)
{
	if (e->failed)
		return false;
	e->failed = true;
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	mx_err_set(e->err, "%s", tmp);
	return false;
}

bool ep_syntax(struct ep *e)
{
	return ep_fail(e, "A syntax error in expression, near `%s'.", e->p);
}

void ep_skip(struct ep *e)
{
	while (*e->p == ' ' || *e->p == '\t' || *e->p == '\n')
		e->p++;
}

bool is_id0(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
}

bool is_id(char ch)
{
	return is_id0(ch) || (ch >= '0' && ch <= '9');
}

/* Consumes operator op when it is next (and not the start of a longer operator). */
bool ep_accept(struct ep *e, const char *op)
{
	ep_skip(e);
	size_t n = strlen(op);
	if (strncmp(e->p, op, n))
		return false;
	char nx = e->p[n];
	if (n == 1 && (op[0] == '&' || op[0] == '|') && nx == op[0])
		return false;
	if (n == 1 && (op[0] == '<' || op[0] == '>') && (nx == op[0] || nx == '='))
		return false;
	if (n == 1 && (op[0] == '=' || op[0] == '!') && nx == '=')
		return false;
	if (n == 1 && op[0] == '-' && (nx == '>' || nx == '-'))
		return false;
	if (n == 1 && op[0] == '+' && nx == '+')
		return false;
	e->p += n;
	return true;
}

/* Reads an identifier into buf (false when none is next). */
bool ep_ident(struct ep *e, char *buf, size_t len)
{
	ep_skip(e);
	if (!is_id0(*e->p))
		return false;
	size_t n = 0;
	while (is_id(e->p[n]))
		n++;
	if (n >= len)
		return ep_fail(e, "Identifier too long.");
	memcpy(buf, e->p, n);
	buf[n] = 0;
	e->p += n;
	return true;
}

/* ---- types of values ---- */

/* The peeled DIE type of v when it has no extra pointer level; false otherwise. */
bool ev_die(const struct ev *v, Dwarf_Die *t)
{
	if (!v->typed || v->is_void || v->ptr)
		return false;
	*t = v->type;
	return peel(t);
}

bool ev_is_array(const struct ev *v)
{
	Dwarf_Die t;
	return ev_die(v, &t) && dwarf_tag(&t) == DW_TAG_array_type;
}

bool ev_is_pointer(const struct ev *v)
{
	Dwarf_Die t;
	if (v->typed && v->ptr)
		return true;
	return ev_die(v, &t) && dwarf_tag(&t) == DW_TAG_pointer_type;
}

/* Size of the array v (after its dropped dimensions) or of one element at level skip. */
static bool array_size_from(Dwarf_Die *t, int skip, uint64_t *out)
{
	uint64_t dims[8], elem;
	size_t nd = array_dims(t, dims, 8);
	Dwarf_Die et;
	if ((size_t)skip > nd || !die_type(t, &et) || !type_size(&et, &elem, 1))
		return false;
	for (size_t i = (size_t)skip; i < nd; i++) {
		if (dims[i] && elem > UINT64_MAX / dims[i])
			return false;
		elem *= dims[i];
	}
	*out = elem;
	return true;
}

/* Size of v's type. */
bool ev_size(const struct ev *v, uint64_t *out)
{
	Dwarf_Die t;
	if (!v->typed) {
		*out = 8;
		return true;
	}
	if (v->ptr) {
		*out = 8;
		return true;
	}
	if (v->is_void || !ev_die(v, &t))
		return false;
	if (dwarf_tag(&t) == DW_TAG_array_type)
		return array_size_from(&t, v->adim, out);
	return type_size(&t, out, 0);
}

/* C name of v's type into b. */
static void ev_type_name(const struct ev *v, struct sb *b)
{
	if (!v->typed) {
		sb_puts(b, v->kind == EV_FLT ? "double"
			   : v->size == 4    ? (v->is_signed ? "int" : "unsigned int")
					     : (v->is_signed ? "long" : "unsigned long"));
		return;
	}
	Dwarf_Die t = v->type, et;
	if (!v->is_void && v->ptr && peel(&t) && dwarf_tag(&t) == DW_TAG_array_type &&
	    die_type(&t, &et)) { /* pointer to array: int (*)[4] */
		uint64_t dims[8];
		size_t nd = array_dims(&t, dims, 8);
		type_name(&et, b, 0);
		sb_puts(b, " (");
		for (int i = 0; i < v->ptr; i++)
			sb_puts(b, "*");
		sb_puts(b, ")");
		for (size_t i = (size_t)v->adim; i < nd; i++)
			sb_printf(b, "[%" PRIu64 "]", dims[i]);
		return;
	}
	if (v->is_void && v->is_code && v->ptr == 1) {
		sb_puts(b, "void (*)()");
		return;
	}
	if (v->is_void)
		sb_puts(b, "void");
	else
		type_name((Dwarf_Die *)&v->type, b, 0);
	if (v->ptr) {
		if (b->len && b->buf[b->len - 1] != '*')
			sb_puts(b, " ");
		for (int i = 0; i < v->ptr; i++)
			sb_puts(b, "*");
	}
}

/* What v points to (or its element type for an array) as a typed value shape, with its
 * size; false when v is not a pointer or array (or points to void: *size is 0 then). */
bool ev_pointee(const struct ev *v, struct ev *out, uint64_t *size)
{
	Dwarf_Die t;
	memset(out, 0, sizeof(*out));
	out->kind = EV_LVAL;
	out->typed = true;
	*size = 0;
	if (v->typed && v->ptr) {
		out->type = v->type;
		out->is_void = v->is_void;
		out->ptr = v->ptr - 1;
		out->adim = v->adim;
	} else if (ev_die(v, &t) && dwarf_tag(&t) == DW_TAG_pointer_type) {
		if (!die_type(&t, &out->type)) {
			out->is_void = true;
		} else {
			Dwarf_Die pt = out->type;
			if (!peel(&pt))
				out->is_void = true;
		}
	} else if (ev_die(v, &t) && dwarf_tag(&t) == DW_TAG_array_type) {
		uint64_t dims[8];
		size_t nd = array_dims(&t, dims, 8);
		if ((size_t)v->adim + 1 < nd) {
			out->type = v->type;
			out->adim = v->adim + 1;
		} else if (!die_type(&t, &out->type)) {
			return false;
		}
	} else {
		return false;
	}
	if (!out->is_void && !ev_size(out, size))
		*size = 0;
	return true;
}

/* ---- reading values ---- */

/* Scalar contents of v: *is_flt tells whether *d or *u holds it. Arrays decay to their
 * address. */
bool ev_scalar(struct ep *e, const struct ev *v, uint64_t *u, double *d, bool *is_flt,
	       bool *is_signed)
{
	*is_flt = false;
	*is_signed = true;
	*u = 0;
	*d = 0;
	if (v->kind == EV_FLT) {
		*is_flt = true;
		*d = v->d;
		return true;
	}
	Dwarf_Die t;
	bool have_t = ev_die(v, &t);
	int tag = have_t ? dwarf_tag(&t) : 0;
	if (v->kind == EV_LVAL && tag == DW_TAG_array_type) {
		if (v->bytes)
			return ep_fail(e,
				       "Attempt to take address of value not located in memory.");
		*u = v->addr;
		*is_signed = false;
		return true;
	}
	if (have_t && (tag == DW_TAG_structure_type || tag == DW_TAG_union_type ||
		       tag == DW_TAG_class_type || tag == DW_TAG_array_type))
		return ep_fail(e, "Argument to arithmetic operation not a number or boolean.");
	uint64_t size = 8, enc = DW_ATE_signed;
	if (v->typed && (v->ptr || v->is_void)) {
		enc = DW_ATE_address;
	} else if (have_t) {
		if (tag == DW_TAG_pointer_type) {
			enc = DW_ATE_address;
		} else if (tag == DW_TAG_base_type) {
			size = udata(&t, DW_AT_byte_size, 0);
			enc = udata(&t, DW_AT_encoding, DW_ATE_signed);
		} else if (tag == DW_TAG_enumeration_type) {
			size = udata(&t, DW_AT_byte_size, 4);
			Dwarf_Die ut;
			enc = die_type(&t, &ut) && peel(&ut)
				  ? udata(&ut, DW_AT_encoding, DW_ATE_signed)
				  : DW_ATE_signed;
		} else {
			return ep_fail(e, "Argument to arithmetic operation not a number or "
					  "boolean.");
		}
	} else if (!v->typed) {
		enc = v->is_signed ? DW_ATE_signed : DW_ATE_unsigned;
	}
	if (!size || size > 8)
		return ep_fail(e, "Unsupported type size in an expression.");
	uint64_t raw = 0;
	if (v->kind == EV_LVAL) {
		if (ev_read(e, v, 0, &raw, (size_t)size))
			return ep_read_fail(e, v, 0);
	} else {
		raw = v->u;
	}
	if (enc == DW_ATE_float) {
		*is_flt = true;
		if (size == 4) {
			float f;
			uint32_t r32 = (uint32_t)raw;
			memcpy(&f, &r32, 4);
			*d = f;
		} else if (size == 8) {
			memcpy(d, &raw, 8);
		} else {
			return ep_fail(e, "Unsupported floating type in an expression.");
		}
		return true;
	}
	*is_signed = enc == DW_ATE_signed || enc == DW_ATE_signed_char;
	if (size < 8) {
		uint64_t mask = (1ULL << (8 * size)) - 1;
		raw &= mask;
		if (*is_signed && (raw >> (8 * size - 1)) & 1)
			raw |= ~mask;
	}
	*u = raw;
	return true;
}

/* u truncated to size bytes (4 or 8), sign-extended when is_signed. */
static uint64_t int_norm(uint64_t u, int size, bool is_signed)
{
	if (size >= 8)
		return u;
	u &= 0xffffffffu;
	if (is_signed && (u >> 31))
		u |= ~(uint64_t)0xffffffffu;
	return u;
}

void ev_int(struct ev *v, uint64_t u, bool is_signed, int size)
{
	memset(v, 0, sizeof(*v));
	v->kind = EV_INT;
	v->size = size >= 8 ? 8 : 4;
	v->u = int_norm(u, v->size, is_signed);
	v->is_signed = is_signed;
}

/* Size of v as an integer operand after C's promotions (4 or 8) and its signedness then. */
int ev_promoted(const struct ev *v, bool is_signed, bool *psigned)
{
	Dwarf_Die t;
	uint64_t size = 8;
	if (!v->typed)
		size = (uint64_t)v->size;
	else if (ev_die(v, &t) &&
		 (dwarf_tag(&t) == DW_TAG_base_type || dwarf_tag(&t) == DW_TAG_enumeration_type))
		size = udata(&t, DW_AT_byte_size, 4);
	*psigned = size < 4 ? true : is_signed;
	return size <= 4 ? 4 : 8;
}

void ev_flt(struct ev *v, double d)
{
	memset(v, 0, sizeof(*v));
	v->kind = EV_FLT;
	v->d = d;
}

/* The value of variable die (found with context c) into v. */
static bool ev_from_var(struct ep *e, struct vctx *c, Dwarf_Die *die, const char *name,
			struct ev *v)
{
	Dwarf_Attribute a;
	memset(v, 0, sizeof(*v));
	v->typed = true;
	if (!die_type(die, &v->type))
		return ep_fail(e, "Variable \"%s\" has an incomplete type.", name);
	if (dwarf_attr(die, DW_AT_location, &a)) {
		struct loc l = {0};
		uint64_t x;
		eval_attr(c, &a, false, &l);
		if (l.kind != LOC_BLOCK) {
			free(l.comp);
			free(l.comp_known);
			l.comp = l.comp_known = NULL;
		}
		switch (l.kind) {
		case LOC_MEM:
			v->kind = EV_LVAL;
			v->addr = l.x;
			return true;
		case LOC_REG:
			if (!reg_value(c, l.x, &x))
				break;
			v->kind = EV_INT;
			v->u = x;
			return true;
		case LOC_VALUE:
			v->kind = EV_INT;
			v->u = l.x;
			return true;
		case LOC_BLOCK:
			if (e->nowned + 2 > (int)(sizeof(e->owned) / sizeof(e->owned[0])))
				break;
			v->kind = EV_LVAL;
			v->addr = 0;
			v->blen = l.block_len;
			uint8_t *copy = malloc(l.block_len ? l.block_len : 1), *kcopy = NULL;
			if (copy) {
				memcpy(copy, l.block, l.block_len);
				e->owned[e->nowned++] = copy;
			}
			if (copy && l.comp_known) {
				kcopy = malloc(l.block_len ? l.block_len : 1);
				if (kcopy) {
					memcpy(kcopy, l.comp_known, l.block_len);
					e->owned[e->nowned++] = kcopy;
				}
			}
			free(l.comp);
			free(l.comp_known);
			if (!copy || (l.comp_known && !kcopy))
				return ep_fail(e, "Out of memory.");
			v->bytes = copy;
			v->known = kcopy;
			return true;
		case LOC_OPTOUT:
			free(l.comp);
			free(l.comp_known);
			return ep_fail(e, "value has been optimized out");
		default:
			break;
		}
		free(l.comp);
		free(l.comp_known);
		return ep_fail(e, "value of \"%s\" has an unsupported location", name);
	}
	Dwarf_Sword sw;
	Dwarf_Word w;
	if (dwarf_attr_integrate(die, DW_AT_const_value, &a)) {
		Dwarf_Block blk;
		if (dwarf_formblock(&a, &blk) == 0) {
			if (blk.length > 8)
				return ep_fail(e, "value of \"%s\" is not supported", name);
			v->kind = EV_INT;
			for (size_t i = 0; i < blk.length; i++)
				v->u |= (uint64_t)blk.data[i] << (8 * i);
			return true;
		}
		if (dwarf_formsdata(&a, &sw) == 0) {
			v->kind = EV_INT;
			v->u = (uint64_t)sw;
			return true;
		}
		if (dwarf_formudata(&a, &w) == 0) {
			v->kind = EV_INT;
			v->u = w;
			return true;
		}
	}
	return ep_fail(e, "value of \"%s\" has been optimized out", name);
}

/* ---- type names (casts) ---- */

/* A DIE among cu's top-level children with tag and name. */
bool find_type_in_cu(Dwarf_Die *cu, int tag, const char *name, Dwarf_Die *out)
{
	Dwarf_Die child;
	int guard = 0;
	if (dwarf_child(cu, &child) != 0)
		return false;
	do {
		if (dwarf_tag(&child) != tag || dwarf_hasattr(&child, DW_AT_declaration))
			continue;
		const char *nm = dwarf_diename(&child);
		if (nm && !strcmp(nm, name)) {
			*out = child;
			return true;
		}
	} while (++guard < 1000000 && dwarf_siblingof(&child, &child) == 0);
	return false;
}

bool is_type_word(const char *w)
{
	static const char *const words[] = {"struct", "union", "enum",	"unsigned", "signed",
					    "int",    "char",  "short", "long",	    "float",
					    "double", "void",  "_Bool", "const",    "volatile"};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(w, words[i]))
			return true;
	return false;
}

/* Parses a type name after "(" (up to and including ")") into v's type. Returns 1 when it was
 * a type, 0 when not (the position is restored), -1 on error. */
int ep_type_name(struct ep *e, struct ev *v, bool closed)
{
	const char *start = e->p;
	char w[128];
	memset(v, 0, sizeof(*v));
	v->typed = true;
	if (!ep_ident(e, w, sizeof(w))) {
		e->p = start;
		return e->failed ? -1 : 0;
	}
	Dwarf_Die td;
	bool is_typedef =
	    !is_type_word(w) && e->have_cu && find_type_in_cu(&e->cu, DW_TAG_typedef, w, &td);
	if (!is_type_word(w) && !is_typedef) {
		e->p = start;
		return 0;
	}
	if (is_typedef) {
		v->type = td;
	} else {
		/* qualifiers, then a tagged type or the words of a base type */
		while (!strcmp(w, "const") || !strcmp(w, "volatile"))
			if (!ep_ident(e, w, sizeof(w))) {
				ep_syntax(e);
				return -1;
			}
		int tag = !strcmp(w, "struct")	? DW_TAG_structure_type
			  : !strcmp(w, "union") ? DW_TAG_union_type
			  : !strcmp(w, "enum")	? DW_TAG_enumeration_type
						: 0;
		if (tag) {
			char nm[128];
			if (!ep_ident(e, nm, sizeof(nm))) {
				ep_syntax(e);
				return -1;
			}
			if (!e->have_cu || !find_type_in_cu(&e->cu, tag, nm, &v->type)) {
				ep_fail(e, "No %s type named %s.", w, nm);
				return -1;
			}
		} else if (!strcmp(w, "void")) {
			v->is_void = true;
		} else {
			int nunsigned = 0, nsigned = 0, nshort = 0, nlong = 0, nchar = 0, nint = 0;
			const char *other = NULL;
			for (int k = 0; k < 8; k++) {
				if (!strcmp(w, "unsigned"))
					nunsigned++;
				else if (!strcmp(w, "signed"))
					nsigned++;
				else if (!strcmp(w, "short"))
					nshort++;
				else if (!strcmp(w, "long"))
					nlong++;
				else if (!strcmp(w, "char"))
					nchar++;
				else if (!strcmp(w, "int"))
					nint++;
				else if (!strcmp(w, "float") || !strcmp(w, "double") ||
					 !strcmp(w, "_Bool"))
					other = !strcmp(w, "float")    ? "float"
						: !strcmp(w, "double") ? "double"
								       : "_Bool";
				else if (strcmp(w, "const") && strcmp(w, "volatile")) {
					ep_syntax(e);
					return -1;
				}
				const char *save = e->p;
				if (!ep_ident(e, w, sizeof(w)))
					break;
				if (!is_type_word(w)) {
					e->p = save;
					break;
				}
			}
			/* gcc's spelling: "int", "unsigned int", "long int", "long unsigned int",
			 * "short int", "long long unsigned int", "char", "unsigned char" */
			char name[64];
			const char *size = nshort      ? "short "
					   : nlong > 1 ? "long long "
					   : nlong     ? "long "
						       : "";
			if (other && nlong && !strcmp(other, "double"))
				snprintf(name, sizeof(name), "long double");
			else if (other)
				snprintf(name, sizeof(name), "%s", other);
			else if (nchar)
				snprintf(name, sizeof(name), "%schar",
					 nunsigned ? "unsigned "
					 : nsigned ? "signed "
						   : "");
			else if (nunsigned)
				snprintf(name, sizeof(name), "%sunsigned int", size);
			else
				snprintf(name, sizeof(name), "%sint", size);
			if (!e->have_cu ||
			    !find_type_in_cu(&e->cu, DW_TAG_base_type, name, &v->type)) {
				ep_fail(e, "No symbol \"%s\" in current context.", name);
				return -1;
			}
			(void)nint;
		}
	}
	while (ep_accept(e, "*")) {
		if (++v->ptr > 8) {
			ep_syntax(e);
			return -1;
		}
	}
	if (closed ? !ep_accept(e, ")") : (ep_skip(e), *e->p != 0)) {
		ep_syntax(e);
		return -1;
	}
	if (closed && v->is_void && !v->ptr) {
		ep_fail(e, "Casts to void are not supported.");
		return -1;
	}
	return 1;
}

/* ---- parser and evaluator ---- */

/* *v: the contents of pointer (or array) v. */
static bool ev_deref(struct ep *e, struct ev *v)
{
	struct ev out;
	uint64_t size, u;
	double d;
	bool is_flt, is_signed;
	if (!ev_is_pointer(v) && !ev_is_array(v))
		return ep_fail(e, "Attempt to take contents of a non-pointer value.");
	if (!ev_pointee(v, &out, &size))
		return ep_fail(e, "Attempt to take contents of a non-pointer value.");
	if (out.is_void && !out.ptr)
		return ep_fail(e, "Attempt to take contents of a non-pointer value.");
	if (!ev_scalar(e, v, &u, &d, &is_flt, &is_signed))
		return false;
	out.addr = u;
	*v = out;
	return true;
}

/* Pointer (or array) v plus n elements. */
static bool ev_ptr_add(struct ep *e, struct ev *v, uint64_t n)
{
	struct ev el;
	uint64_t size, u;
	double d;
	bool is_flt, is_signed;
	if (!ev_pointee(v, &el, &size) || !ev_scalar(e, v, &u, &d, &is_flt, &is_signed))
		return e->failed ? false
				 : ep_fail(e, "Argument to arithmetic operation not a "
					      "number or boolean.");
	if (!size)
		size = 1; /* void *: bytes, as gcc does */
	struct ev r;
	memset(&r, 0, sizeof(r));
	r.kind = EV_INT;
	r.typed = true;
	r.u = u + n * size;
	if (ev_is_array(v)) { /* decays to a pointer to its element */
		r.type = el.type;
		r.is_void = el.is_void;
		r.ptr = el.ptr + 1;
		r.adim = el.adim;
	} else {
		r.type = v->type;
		r.is_void = v->is_void;
		r.is_code = v->is_code;
		r.ptr = v->ptr;
		r.adim = v->adim;
	}
	*v = r;
	return true;
}

/* Member `name` of struct or union type t at offset base (recursing into anonymous members). */
static bool find_member(Dwarf_Die *t, const char *name, Dwarf_Die *found, uint64_t *off, int depth)
{
	Dwarf_Die m;
	int guard = 0;
	if (depth > MAX_DEPTH || dwarf_child(t, &m) != 0)
		return false;
	do {
		if (dwarf_tag(&m) != DW_TAG_member || dwarf_hasattr(&m, DW_AT_external))
			continue;
		const char *nm = dwarf_diename(&m);
		uint64_t byte_off, bit_off, bits;
		if (!member_place(&m, &byte_off, &bit_off, &bits))
			continue;
		if (nm && !strcmp(nm, name)) {
			*found = m;
			*off = byte_off;
			return true;
		}
		Dwarf_Die mt;
		if (!nm && die_type(&m, &mt) && peel(&mt) &&
		    (dwarf_tag(&mt) == DW_TAG_structure_type ||
		     dwarf_tag(&mt) == DW_TAG_union_type) &&
		    find_member(&mt, name, found, off, depth + 1)) {
			*off += byte_off;
			return true;
		}
	} while (++guard < MAX_MEMBERS && dwarf_siblingof(&m, &m) == 0);
	return false;
}

/* v.name */
static bool ev_member(struct ep *e, struct ev *v, const char *name)
{
	Dwarf_Die t, m;
	uint64_t off;
	if (!ev_die(v, &t) ||
	    (dwarf_tag(&t) != DW_TAG_structure_type && dwarf_tag(&t) != DW_TAG_union_type &&
	     dwarf_tag(&t) != DW_TAG_class_type)) {
		return ep_fail(e, "Attempt to extract a component of a value that is not a "
				  "structure.");
	}
	if (!find_member(&t, name, &m, &off, 0))
		return ep_fail(e, "There is no member named %s.", name);
	if (v->kind != EV_LVAL)
		return ep_fail(e, "Members of values not in memory are not supported.");
	struct ev r;
	memset(&r, 0, sizeof(r));
	r.typed = true;
	if (!die_type(&m, &r.type))
		return ep_fail(e, "Member %s has an incomplete type.", name);
	uint64_t byte_off, bit_off, bits;
	member_place(&m, &byte_off, &bit_off, &bits);
	if (bits) { /* a bit field: an rvalue of the member's type */
		if (bits > 56)
			return ep_fail(e, "Bit field %s is not supported.", name);
		uint64_t at = (off - byte_off) + bit_off / 8, shift = bit_off % 8;
		uint8_t raw[8] = {0};
		if (ev_read(e, v, at, raw, (size_t)((shift + bits + 7) / 8)))
			return ep_read_fail(e, v, at);
		uint64_t x;
		memcpy(&x, raw, sizeof(x));
		x = (x >> shift) & ((1ULL << bits) - 1);
		Dwarf_Die mt = r.type;
		if (peel(&mt) && dwarf_tag(&mt) == DW_TAG_base_type &&
		    udata(&mt, DW_AT_encoding, 0) == DW_ATE_signed && (x >> (bits - 1)) & 1)
			x |= ~((1ULL << bits) - 1);
		r.kind = EV_INT;
		r.u = x;
		*v = r;
		return true;
	}
	r.kind = EV_LVAL;
	r.addr = v->addr + off;
	r.bytes = v->bytes;
	r.known = v->known;
	r.blen = v->blen;
	*v = r;
	return true;
}

static bool ep_number(struct ep *e, struct ev *v)
{
	const char *s = e->p;
	char *end;
	errno = 0;
	unsigned long long x = strtoull(s, &end, 0);
	if (end == s || errno)
		return ep_syntax(e);
	bool is_unsigned = false;
	while (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L') {
		if (*end == 'u' || *end == 'U')
			is_unsigned = true;
		end++;
	}
	if (is_id(*end) || *end == '.')
		return ep_syntax(e);
	bool is_long = false;
	for (const char *q = e->p; q < end; q++)
		is_long |= *q == 'l' || *q == 'L';
	if (!is_long && x <= (is_unsigned ? UINT32_MAX : INT32_MAX))
		ev_int(v, (uint64_t)x, !is_unsigned, 4);
	else
		ev_int(v, (uint64_t)x, !is_unsigned && x <= INT64_MAX, 8);
	e->p = end;
	return true;
}

static bool ep_char(struct ep *e, struct ev *v)
{
	const char *s = e->p + 1;
	unsigned ch;
	if (*s == '\\') {
		s++;
		switch (*s) {
		case 'n':
			ch = '\n';
			break;
		case 't':
			ch = '\t';
			break;
		case 'r':
			ch = '\r';
			break;
		case 'a':
			ch = '\a';
			break;
		case 'b':
			ch = '\b';
			break;
		case 'f':
			ch = '\f';
			break;
		case 'v':
			ch = '\v';
			break;
		case 'e':
			ch = 27;
			break;
		case '\\':
		case '\'':
		case '"':
		case '?':
			ch = (unsigned char)*s;
			break;
		case 'x': {
			ch = 0;
			int k = 0;
			while (k < 2 &&
			       ((s[1] >= '0' && s[1] <= '9') || (s[1] >= 'a' && s[1] <= 'f') ||
				(s[1] >= 'A' && s[1] <= 'F'))) {
				char hc = *++s;
				ch = ch * 16 + (unsigned)(hc <= '9'   ? hc - '0'
							  : hc >= 'a' ? hc - 'a' + 10
								      : hc - 'A' + 10);
				k++;
			}
			if (!k)
				return ep_syntax(e);
			break;
		}
		default:
			if (*s < '0' || *s > '7')
				return ep_syntax(e);
			ch = (unsigned)(*s - '0');
			for (int k = 0; k < 2 && s[1] >= '0' && s[1] <= '7'; k++)
				ch = ch * 8 + (unsigned)(*++s - '0');
			break;
		}
		s++;
	} else if (*s && *s != '\'') {
		ch = (unsigned char)*s++;
	} else {
		return ep_syntax(e);
	}
	if (*s != '\'')
		return ep_syntax(e);
	e->p = s + 1;
	/* a char: typed when the CU has one, so it prints as 65 'A' */
	ev_int(v, (uint64_t)(int64_t)(signed char)ch, true, 4);
	Dwarf_Die ct;
	if (e->have_cu && find_type_in_cu(&e->cu, DW_TAG_base_type, "char", &ct)) {
		v->typed = true;
		v->type = ct;
	}
	return true;
}

static bool ep_name(struct ep *e, struct ev *v)
{
	char name[256];
	if (!ep_ident(e, name, sizeof(name)))
		return e->failed ? false : ep_syntax(e);
	if (is_type_word(name)) {
		e->p -= strlen(name);
		return ep_syntax(e);
	}
	struct vctx c;
	Dwarf_Die found, *scopes;
	bool ok = lookup_var(e->c.s, e->c.regs, e->c.mem, name, &c, &found, &scopes);
	Dwarf_Die t;
	if (ok) {
		ok = ev_from_var(e, &c, &found, name, v);
		if (!ok && e->types_only && die_type(&found, &t)) {
			/* only its type is wanted: an optimized-out value does not matter */
			e->failed = false;
			if (e->err)
				e->err->msg[0] = 0;
			memset(v, 0, sizeof(*v));
			v->typed = true;
			v->type = t;
			v->kind = EV_INT;
			ok = true;
		}
	} else if (!(ok = ep_enumerator(e, name, v))) {
		ep_fail(e, "No symbol \"%s\" in current context.", name);
	}
	free(scopes);
	return ok;
}

static bool ep_primary(struct ep *e, struct ev *v)
{
	ep_skip(e);
	if ((*e->p >= '0' && *e->p <= '9') || (*e->p == '.' && e->p[1] >= '0' && e->p[1] <= '9'))
		return ep_float_literal(e, v) ? !e->failed : ep_number(e, v);
	if (*e->p == '\'')
		return ep_char(e, v);
	if (*e->p == '$')
		return ep_register(e, v);
	if (is_id0(*e->p))
		return ep_name(e, v);
	if (ep_accept(e, "(")) {
		if (!ep_expr(e, v))
			return false;
		if (!ep_accept(e, ")"))
			return ep_syntax(e);
		return true;
	}
	return ep_syntax(e);
}

static bool ep_postfix(struct ep *e, struct ev *v)
{
	if (!ep_primary(e, v))
		return false;
	for (int guard = 0; guard < 10000; guard++) {
		char name[256];
		if (ep_accept(e, "[")) {
			struct ev idx;
			if (!ep_expr(e, &idx))
				return false;
			if (!ep_accept(e, "]"))
				return ep_syntax(e);
			if (!ev_is_pointer(v) && !ev_is_array(v)) {
				char tn[256];
				struct sb b = {tn, sizeof(tn), 0};
				tn[0] = 0;
				ev_type_name(v, &b);
				return ep_fail(e, "cannot subscript something of type `%s'", tn);
			}
			uint64_t u;
			double d;
			bool is_flt, is_signed;
			if (!ev_scalar(e, &idx, &u, &d, &is_flt, &is_signed))
				return false;
			if (is_flt)
				return ep_fail(e, "Array index must be an integer.");
			if (ev_is_array(v) && v->kind == EV_LVAL) {
				struct ev el;
				uint64_t size;
				if (!ev_pointee(v, &el, &size) || !size)
					return ep_fail(e, "Array element of unknown size.");
				el.addr = v->addr + u * size;
				el.bytes = v->bytes;
				el.known = v->known;
				el.blen = v->blen;
				*v = el;
			} else if (!ev_ptr_add(e, v, u) || !ev_deref(e, v)) {
				return false;
			}
		} else if (ep_accept(e, ".")) {
			if (!ep_ident(e, name, sizeof(name)))
				return e->failed ? false : ep_syntax(e);
			if (!ev_member(e, v, name))
				return false;
		} else if (ep_accept(e, "->")) {
			if (!ep_ident(e, name, sizeof(name)))
				return e->failed ? false : ep_syntax(e);
			if (!ev_is_pointer(v))
				return ep_fail(e, "The -> operator needs a pointer, not a value "
						  "of this type.");
			if (!ev_deref(e, v) || !ev_member(e, v, name))
				return false;
		} else {
			return true;
		}
	}
	return ep_fail(e, "Expression too long.");
}

/* Converts v to type t (cast), t being a typed shape from ep_type_name. */
static bool ev_cast(struct ep *e, struct ev *v, const struct ev *t)
{
	uint64_t u;
	double d;
	bool is_flt, is_signed;
	if (!ev_scalar(e, v, &u, &d, &is_flt, &is_signed))
		return false;
	struct ev r = *t;
	r.kind = EV_INT;
	Dwarf_Die bt;
	if (!t->ptr && ev_die(t, &bt) && dwarf_tag(&bt) == DW_TAG_base_type &&
	    udata(&bt, DW_AT_encoding, 0) == DW_ATE_float) {
		double x = is_flt ? d : is_signed ? (double)(int64_t)u : (double)u;
		uint64_t size = udata(&bt, DW_AT_byte_size, 8);
		if (size == 4) {
			float f = (float)x;
			uint32_t r32;
			memcpy(&r32, &f, 4);
			r.u = r32;
		} else if (size == 8) {
			memcpy(&r.u, &x, 8);
		} else {
			return ep_fail(e, "Casts to this floating type are not supported.");
		}
	} else if (!t->ptr && (!ev_die(t, &bt) || (dwarf_tag(&bt) != DW_TAG_base_type &&
						   dwarf_tag(&bt) != DW_TAG_enumeration_type &&
						   dwarf_tag(&bt) != DW_TAG_pointer_type))) {
		return ep_fail(e, "Invalid cast.");
	} else if (is_flt) {
		if (!(d > -9.2e18 && d < 1.8e19))
			return ep_fail(e, "Invalid cast: value out of range.");
		r.u = d < 0 ? (uint64_t)(int64_t)d : (uint64_t)d;
	} else {
		r.u = u;
	}
	*v = r;
	return true;
}

bool ep_unary(struct ep *e, struct ev *v)
{
	uint64_t u;
	double d;
	bool is_flt, is_signed, ok, ps;
	int psize;
	if (++e->depth > EV_MAX_DEPTH) {
		e->depth--;
		return ep_fail(e, "Expression too deeply nested.");
	}
	ep_skip(e);
	if (ep_accept(e, "-")) {
		ok = ep_unary(e, v) && ev_scalar(e, v, &u, &d, &is_flt, &is_signed);
		if (ok && is_flt)
			ev_flt(v, -d);
		else if (ok) {
			psize = ev_promoted(v, is_signed, &ps);
			ev_int(v, (uint64_t)0 - u, ps, psize);
		}
	} else if (ep_accept(e, "+")) {
		ok = ep_unary(e, v) && ev_scalar(e, v, &u, &d, &is_flt, &is_signed);
		if (ok && is_flt)
			ev_flt(v, d);
		else if (ok) {
			psize = ev_promoted(v, is_signed, &ps);
			ev_int(v, u, ps, psize);
		}
	} else if (ep_accept(e, "!")) {
		ok = ep_unary(e, v) && ev_scalar(e, v, &u, &d, &is_flt, &is_signed);
		if (ok)
			ev_int(v, is_flt ? d == 0 : u == 0, true, 4);
	} else if (ep_accept(e, "~")) {
		ok = ep_unary(e, v) && ev_scalar(e, v, &u, &d, &is_flt, &is_signed);
		if (ok && is_flt)
			ok = ep_fail(e, "Argument to complement operation not an integer.");
		else if (ok) {
			psize = ev_promoted(v, is_signed, &ps);
			ev_int(v, ~u, ps, psize);
		}
	} else if (ep_accept(e, "*")) {
		ok = ep_unary(e, v) && ev_deref(e, v);
	} else if (ep_accept(e, "&")) {
		ok = ep_unary(e, v);
		if (ok && (v->kind != EV_LVAL || v->bytes)) {
			ok = ep_fail(e, "Attempt to take address of value not located in memory.");
		} else if (ok) {
			v->kind = EV_INT;
			v->u = v->addr;
			v->ptr++;
		}
	} else if (ep_keyword(e, "sizeof")) {
		ok = ep_sizeof(e, v);
	} else if (*e->p == '(') {
		const char *save = e->p;
		struct ev t;
		e->p++;
		int is_cast = ep_type_name(e, &t, true);
		if (is_cast < 0) {
			ok = false;
		} else if (is_cast) {
			ok = ep_unary(e, v) && ev_cast(e, v, &t);
		} else {
			e->p = save;
			ok = ep_postfix(e, v);
		}
	} else {
		ok = ep_postfix(e, v);
	}
	e->depth--;
	return ok;
}

/* Binary operators by precedence (higher binds tighter). */
static int binop_prec(struct ep *e, const char **op)
{
	static const struct {
		const char *op;
		int prec;
	} ops[] = {{"||", 1}, {"&&", 2}, {"==", 6}, {"!=", 6}, {"<=", 7}, {">=", 7},
		   {"<<", 8}, {">>", 8}, {"|", 3},  {"^", 4},  {"&", 5},  {"<", 7},
		   {">", 7},  {"+", 9},	 {"-", 9},  {"*", 10}, {"/", 10}, {"%", 10}};
	ep_skip(e);
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		const char *save = e->p;
		if (ep_accept(e, ops[i].op)) {
			e->p = save;
			*op = ops[i].op;
			return ops[i].prec;
		}
	}
	return 0;
}

/* l = l op r */
static bool ev_binary(struct ep *e, struct ev *l, const char *op, struct ev *r)
{
	uint64_t a, b;
	double x, y;
	bool af, bf, as, bs;
	bool lp = ev_is_pointer(l) || ev_is_array(l), rp = ev_is_pointer(r) || ev_is_array(r);
	if ((!strcmp(op, "+") || !strcmp(op, "-")) && (lp || rp)) {
		if (lp && rp && !strcmp(op, "-")) {
			struct ev el;
			uint64_t size;
			if (!ev_pointee(l, &el, &size) || !ev_scalar(e, l, &a, &x, &af, &as) ||
			    !ev_scalar(e, r, &b, &y, &bf, &bs))
				return e->failed ? false
						 : ep_fail(e, "Invalid pointer difference.");
			if (!size || size > INT64_MAX)
				size = 1;
			ev_int(l, (uint64_t)(((int64_t)(a - b)) / (int64_t)size), true, 8);
			return true;
		}
		if (lp && rp)
			return ep_fail(e, "Argument to arithmetic operation not a number or "
					  "boolean.");
		struct ev *pv = lp ? l : r, *iv = lp ? r : l;
		if (rp && !strcmp(op, "-"))
			return ep_fail(e, "Argument to arithmetic operation not a number or "
					  "boolean.");
		if (!ev_scalar(e, iv, &b, &y, &bf, &bs))
			return false;
		if (bf)
			return ep_fail(e, "Argument to arithmetic operation not a number or "
					  "boolean.");
		struct ev res = *pv;
		if (!ev_ptr_add(e, &res, !strcmp(op, "-") ? (uint64_t)0 - b : b))
			return false;
		*l = res;
		return true;
	}
	if (!ev_scalar(e, l, &a, &x, &af, &as) || !ev_scalar(e, r, &b, &y, &bf, &bs))
		return false;
	/* the usual arithmetic conversions over int, unsigned int, long, unsigned long */
	bool ps, qs, is_signed;
	int pz = ev_promoted(l, as, &ps), qz = ev_promoted(r, bs, &qs), size;
	if (pz == qz) {
		size = pz;
		is_signed = ps && qs;
	} else {
		size = 8;
		is_signed = pz == 8 ? ps : qs;
	}
	a = int_norm(a, size, is_signed);
	b = int_norm(b, size, is_signed);
	bool cmp = !strcmp(op, "==") || !strcmp(op, "!=") || !strcmp(op, "<") ||
		   !strcmp(op, "<=") || !strcmp(op, ">") || !strcmp(op, ">=");
	if (!strcmp(op, "&&") || !strcmp(op, "||")) {
		bool lt = af ? x != 0 : a != 0, rt = bf ? y != 0 : b != 0;
		ev_int(l, op[0] == '&' ? (lt && rt) : (lt || rt), true, 4);
		return true;
	}
	if (af || bf) {
		if (!af)
			x = as ? (double)(int64_t)a : (double)a;
		if (!bf)
			y = bs ? (double)(int64_t)b : (double)b;
		if (cmp) {
			int res = !strcmp(op, "==")   ? x == y
				  : !strcmp(op, "!=") ? x != y
				  : !strcmp(op, "<")  ? x < y
				  : !strcmp(op, "<=") ? x <= y
				  : !strcmp(op, ">")  ? x > y
						      : x >= y;
			ev_int(l, (uint64_t)res, true, 4);
			return true;
		}
		switch (op[0]) {
		case '+':
			ev_flt(l, x + y);
			return true;
		case '-':
			ev_flt(l, x - y);
			return true;
		case '*':
			ev_flt(l, x * y);
			return true;
		case '/':
			if (y == 0 && e->no_values) {
				ev_flt(l, 0);
				return true;
			}
			if (y == 0)
				return ep_fail(e, "Division by zero");
			ev_flt(l, x / y);
			return true;
		default:
			return ep_fail(e, "Integer only operation %s.", op);
		}
	}
	if (cmp) {
		int res;
		if (!strcmp(op, "=="))
			res = a == b;
		else if (!strcmp(op, "!="))
			res = a != b;
		else {
			int c3 = is_signed ? ((int64_t)a > (int64_t)b) - ((int64_t)a < (int64_t)b)
					   : (a > b) - (a < b);
			res = !strcmp(op, "<")	  ? c3 < 0
			      : !strcmp(op, "<=") ? c3 <= 0
			      : !strcmp(op, ">")  ? c3 > 0
						  : c3 >= 0;
		}
		ev_int(l, (uint64_t)res, true, 4);
		return true;
	}
	uint64_t res;
	switch (op[0]) {
	case '+':
		res = a + b;
		break;
	case '-':
		res = a - b;
		break;
	case '*':
		res = a * b;
		break;
	case '/':
	case '%':
		if (!b && e->no_values)
			b = 1; /* a check without values (nat_eval_check): any result will do */
		if (!b)
			return ep_fail(e, "Division by zero");
		if (is_signed && (int64_t)a == INT64_MIN && (int64_t)b == -1)
			res = op[0] == '/' ? a : 0;
		else if (is_signed)
			res = (uint64_t)(op[0] == '/' ? (int64_t)a / (int64_t)b
						      : (int64_t)a % (int64_t)b);
		else
			res = op[0] == '/' ? a / b : a % b;
		break;
	case '&':
		res = a & b;
		break;
	case '|':
		res = a | b;
		break;
	case '^':
		res = a ^ b;
		break;
	case '<':
		res = b >= 64 ? 0 : a << b;
		break;
	case '>':
		if (b >= 64)
			res = is_signed && (int64_t)a < 0 ? UINT64_MAX : 0;
		else
			res = is_signed ? (uint64_t)((int64_t)a >> b) : a >> b;
		break;
	default:
		return ep_fail(e, "Unsupported operator %s.", op);
	}
	ev_int(l, res, is_signed, size);
	return true;
}

bool ep_binary(struct ep *e, struct ev *v, int min_prec)
{
	if (++e->depth > EV_MAX_DEPTH) {
		e->depth--;
		return ep_fail(e, "Expression too deeply nested.");
	}
	bool ok = ep_unary(e, v);
	for (int guard = 0; ok && guard < 100000; guard++) {
		const char *op;
		int prec = binop_prec(e, &op);
		if (!prec || prec < min_prec)
			break;
		ep_accept(e, op);
		struct ev r;
		ok = ep_binary(e, &r, prec + 1) && ev_binary(e, v, op, &r);
	}
	e->depth--;
	return ok;
}

bool ep_expr(struct ep *e, struct ev *v)
{
	return ep_conditional(e, v);
}

/* Formats the result v as print shows it. */
static void ev_format(struct ep *e, const struct ev *v0, struct sb *b)
{
	struct ev v = *v0;
	if (!v.typed) {
		if (v.kind == EV_FLT)
			sb_printf(b, "%.17g", v.d);
		else if (v.is_signed)
			sb_printf(b, "%" PRId64, (int64_t)v.u);
		else
			sb_printf(b, "%" PRIu64, v.u);
		return;
	}
	if (v.kind == EV_LVAL && (v.ptr || v.is_void)) { /* a pointer of our own making */
		uint64_t p = 0;
		if (ev_read(e, &v, 0, &p, sizeof(p))) {
			sb_puts(b, v.bytes ? "<optimized out>" : "");
			if (!v.bytes)
				put_mem_error(b, v.addr);
			return;
		}
		v.kind = EV_INT;
		v.u = p;
	}
	if (v.ptr) {
		struct ev el;
		uint64_t size;
		bool is_char = false;
		Dwarf_Die et;
		if (ev_pointee(&v, &el, &size) && ev_die(&el, &et) && is_char_type(&et))
			is_char = true;
		if (!is_char) {
			sb_puts(b, "(");
			ev_type_name(&v, b);
			sb_puts(b, ") ");
		}
		sb_printf(b, "0x%" PRIx64, v.u);
		if (v.u)
			put_symbol(&e->c, b, v.u);
		if (v.u && is_char) {
			sb_puts(b, " ");
			put_c_string(&e->c, b, v.u);
		}
		return;
	}
	Dwarf_Die t;
	if (!ev_die(&v, &t)) {
		sb_puts(b, "<incomplete type>");
		return;
	}
	struct val val = {.kind = VAL_MEM, .addr = v.addr};
	if (v.kind == EV_LVAL && v.bytes) {
		val.kind = v.addr <= v.blen ? VAL_BYTES : VAL_OPTOUT;
		val.bytes = v.bytes + (v.addr <= v.blen ? v.addr : 0);
		val.known = v.known && v.addr <= v.blen ? v.known + v.addr : NULL;
		val.len = v.addr <= v.blen ? (size_t)(v.blen - v.addr) : 0;
	} else if (v.kind != EV_LVAL)
		set_bytes(&val, v.u);
	if (dwarf_tag(&t) == DW_TAG_array_type && v.adim) {
		uint64_t dims[8], elem;
		size_t nd = array_dims(&t, dims, 8);
		Dwarf_Die at;
		if ((size_t)v.adim >= nd || !die_type(&t, &at) || !type_size(&at, &elem, 1) ||
		    !elem) {
			sb_puts(b, "<unsupported type>");
			return;
		}
		format_array_dims(&e->c, b, &at, elem, dims + v.adim, nd - (size_t)v.adim, &val, 0);
		return;
	}
	Dwarf_Die target;
	if (dwarf_tag(&t) == DW_TAG_pointer_type &&
	    !(die_type(&t, &target) && is_char_type(&target))) {
		sb_puts(b, "(");
		type_name(&v.type, b, 0);
		sb_puts(b, ") ");
	}
	format_value(&e->c, b, &v.type, &val, 0);
}

void ep_begin(struct ep *e, struct nat_syms *s, const struct nat_frame_regs *regs,
	      const struct nat_mem_ops *mem, const char *expr, struct mx_err *err)
{
	Dwarf_Die *scopes = NULL;
	Dwarf_Addr bias = 0;
	int fn_at = -1, sub_at = -1;
	memset(e, 0, sizeof(*e));
	e->src = e->p = expr ? expr : "";
	e->err = err;
	e->have_cu = regs && pc_scopes(s, regs->pc, regs->inline_depth, &scopes, &bias, &fn_at,
				       &sub_at, &e->cu) >= 0;
	init_ctx(&e->c, s, regs, mem, bias, scopes, sub_at);
	free(scopes);
	e->c.have_fn = false; /* formatting needs no frame base */
}

void ep_end(struct ep *e)
{
	for (int i = 0; i < e->nowned; i++)
		free(e->owned[i]);
	e->nowned = 0;
}

int nat_eval_print(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, const char *expr, char *out, size_t outlen,
		   struct mx_err *err)
{
	struct ep e;
	if (outlen)
		out[0] = 0;
	ep_begin(&e, s, regs, mem, expr, err);
	struct ev v;
	ep_skip(&e);
	if (!*e.p) {
		ep_syntax(&e);
		return -1;
	}
	struct sb fb = {out, outlen, 0};
	if (ep_print_flags_register(&e, e.p, &fb)) {
		ep_end(&e);
		return e.failed ? -1 : 0;
	}
	/* a bare name prints exactly as nat_print_var does (<optimized out> included) */
	size_t n = 0;
	while (is_id(e.p[n]))
		n++;
	const char *rest = e.p + n;
	while (*rest == ' ' || *rest == '\t' || *rest == '\n')
		rest++;
	if (n && n < 256 && is_id0(e.p[0]) && !*rest) {
		char name[256];
		memcpy(name, e.p, n);
		name[n] = 0;
		struct ev en;
		if (!is_type_word(name) && !ep_enumerator(&e, name, &en))
			return nat_print_var(s, regs, mem, name, out, outlen, err);
	}
	int rc = 0;
	if (!ep_expr(&e, &v)) {
		rc = -1;
	} else {
		ep_skip(&e);
		if (*e.p) {
			ep_syntax(&e);
			rc = -1;
		} else {
			struct sb b = {out, outlen, 0};
			ev_format(&e, &v, &b);
		}
	}
	ep_end(&e);
	return rc;
}

int nat_eval_scalar(struct nat_syms *s, const struct nat_frame_regs *regs,
		    const struct nat_mem_ops *mem, const char *expr, uint64_t *u, double *d,
		    bool *is_float, struct mx_err *err)
{
	struct ep e;
	ep_begin(&e, s, regs, mem, expr, err);
	struct ev v;
	bool is_signed;
	int rc = 0;
	ep_skip(&e);
	if (!*e.p || !ep_expr(&e, &v)) {
		if (!*e.p)
			ep_syntax(&e);
		rc = -1;
	} else {
		ep_skip(&e);
		if (*e.p) {
			ep_syntax(&e);
			rc = -1;
		} else if (!ev_scalar(&e, &v, u, d, is_float, &is_signed)) {
			rc = -1;
			if (err && !err->msg[0])
				mx_err_set(err, "'%s' is not a number", expr);
		}
	}
	ep_end(&e);
	return rc;
}

int nat_eval_lvalue(struct nat_syms *s, const struct nat_frame_regs *regs,
		    const struct nat_mem_ops *mem, const char *expr, struct nat_var_place *out,
		    struct mx_err *err)
{
	struct ep e;
	memset(out, 0, sizeof(*out));
	ep_begin(&e, s, regs, mem, expr, err);
	struct ev v;
	int rc = 0;
	ep_skip(&e);
	if (!*e.p || !ep_expr(&e, &v)) {
		if (!*e.p)
			ep_syntax(&e);
		rc = -1;
	} else if (ep_skip(&e), *e.p) {
		ep_syntax(&e);
		rc = -1;
	} else if (v.kind != EV_LVAL || v.bytes) {
		rc = mx_err_set(err, "Left operand of assignment is not an lvalue in memory.");
	} else {
		Dwarf_Die t;
		uint64_t size = 0;
		bool pointer = ev_is_pointer(&v);
		bool scalar = pointer;
		if (!pointer && ev_die(&v, &t)) {
			int tag = dwarf_tag(&t);
			uint64_t enc = udata(&t, DW_AT_encoding, DW_ATE_unsigned);
			scalar = tag == DW_TAG_base_type || tag == DW_TAG_enumeration_type;
			out->is_float = tag == DW_TAG_base_type && enc == DW_ATE_float;
			out->is_signed = tag == DW_TAG_enumeration_type ||
					 (tag == DW_TAG_base_type &&
					  (enc == DW_ATE_signed || enc == DW_ATE_signed_char));
		}
		if (!scalar || !ev_size(&v, &size) ||
		    (size != 1 && size != 2 && size != 4 && size != 8))
			rc = mx_err_set(err,
					"can only assign to a scalar (integer, character, float, "
					"enum or pointer): '%s' is not one",
					expr);
		out->in_memory = true;
		out->addr = v.addr;
		out->size = size;
	}
	ep_end(&e);
	return rc;
}

/* ---- shapes (expanding a value into its parts) ---- */

static bool is_record_type(Dwarf_Die *t)
{
	int tag = dwarf_tag(t);
	return (tag == DW_TAG_structure_type || tag == DW_TAG_union_type ||
		tag == DW_TAG_class_type) &&
	       !dwarf_hasattr(t, DW_AT_declaration);
}

/* Counts (and reports) the named members of record t; an anonymous struct or union member's
 * own members count as t's, since t.name reaches them (find_member). */
static void shape_members(Dwarf_Die *t, struct nat_shape *out,
			  void (*fn)(void *arg, const char *name), void *arg, int depth)
{
	Dwarf_Die m;
	int guard = 0;
	if (depth > MAX_DEPTH || dwarf_child(t, &m) != 0)
		return;
	do {
		if (dwarf_tag(&m) != DW_TAG_member || dwarf_hasattr(&m, DW_AT_external))
			continue;
		const char *name = dwarf_diename(&m);
		Dwarf_Die mt;
		if (!name) {
			if (die_type(&m, &mt) && peel(&mt) && is_record_type(&mt))
				shape_members(&mt, out, fn, arg, depth + 1);
			continue;
		}
		out->count++;
		if (fn)
			fn(arg, name);
	} while (++guard < MAX_MEMBERS && dwarf_siblingof(&m, &m) == 0);
}

static void ev_shape(struct ep *e, const struct ev *v, struct nat_shape *out,
		     void (*fn)(void *arg, const char *name), void *arg)
{
	struct sb b = {out->type, sizeof(out->type), 0};
	out->type[0] = 0;
	ev_type_name(v, &b);
	out->kind = NAT_SHAPE_PLAIN;
	out->count = 0;
	Dwarf_Die t, et;
	if (!v->typed || v->is_void)
		return;
	if (ev_is_array(v)) {
		ev_die(v, &t);
		uint64_t dims[8];
		size_t nd = array_dims(&t, dims, 8);
		if ((size_t)v->adim >= nd || !dims[v->adim])
			return;
		if (v->adim && die_type(&t, &et)) { /* grid[1] of int grid[2][3]: "int [3]" */
			b.len = 0;
			type_name(&et, &b, 0);
			sb_puts(&b, " ");
			for (size_t i = (size_t)v->adim; i < nd; i++)
				sb_printf(&b, "[%" PRIu64 "]", dims[i]);
		}
		if ((size_t)v->adim + 1 == nd && die_type(&t, &et) && is_char_type(&et))
			return; /* a string: its text is its value */
		out->kind = NAT_SHAPE_ARRAY;
		out->count = dims[v->adim];
		return;
	}
	if (ev_die(v, &t) && is_record_type(&t)) {
		out->kind = NAT_SHAPE_RECORD;
		shape_members(&t, out, fn, arg, 0);
		return;
	}
	struct ev el;
	uint64_t size, p = v->u;
	if (!ev_is_pointer(v) || !ev_pointee(v, &el, &size) || el.is_void)
		return;
	if (v->kind == EV_LVAL && ev_read(e, v, 0, &p, sizeof(p)))
		return;
	if (!p)
		return; /* a null pointer has nothing to show */
	if (ev_die(&el, &et)) {
		int tag = dwarf_tag(&et);
		if (is_char_type(&et) || tag == DW_TAG_subroutine_type ||
		    dwarf_hasattr(&et, DW_AT_declaration))
			return; /* strings, functions, incomplete types */
		if (is_record_type(&et)) {
			out->kind = NAT_SHAPE_PTR_RECORD;
			shape_members(&et, out, fn, arg, 0);
			return;
		}
	}
	out->kind = NAT_SHAPE_PTR;
	out->count = 1;
}

int nat_eval_shape(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, const char *expr, struct nat_shape *out,
		   void (*member_fn)(void *arg, const char *name), void *arg, struct mx_err *err)
{
	struct ep e;
	memset(out, 0, sizeof(*out));
	ep_begin(&e, s, regs, mem, expr, err);
	struct ev v;
	int rc = 0;
	ep_skip(&e);
	if (!*e.p || !ep_expr(&e, &v)) {
		if (!*e.p)
			ep_syntax(&e);
		rc = -1;
	} else if (ep_skip(&e), *e.p) {
		ep_syntax(&e);
		rc = -1;
	} else {
		ev_shape(&e, &v, out, member_fn, arg);
	}
	ep_end(&e);
	return rc;
}
