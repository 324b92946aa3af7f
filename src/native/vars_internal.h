/* vars_internal.h: the pieces of vars.c (DWARF types, the C expression parser and its values)
 * that its sibling files (ptype.c, expr_ops.c) build on. Not for use outside src/native/. */
#ifndef MX_NATIVE_VARS_INTERNAL_H
#define MX_NATIVE_VARS_INTERNAL_H

#include <elfutils/libdw.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "native/vars.h"

/* ---- output buffer ---- */

struct sb {
	char *buf;
	size_t cap, len; /* buf[len] is always 0 when cap > 0 */
};

struct vctx {
	struct nat_syms *s;
	const struct nat_frame_regs *regs; /* NULL for globals looked up without a frame */
	const struct nat_mem_ops *mem;
	Dwarf_Addr bias; /* of the module whose DWARF is being read */
	Dwarf_Die fn;	 /* subprogram giving the frame base */
	bool have_fn;	 /* fn is set */
	bool fb_done;	 /* frame base computed (fb_ok tells whether it could be) */
	bool fb_ok;
	uint64_t fb;
};

/* Where a value is. */
enum val_kind { VAL_MEM, VAL_BYTES, VAL_OPTOUT, VAL_UNSUPPORTED };

struct val {
	enum val_kind kind;
	uint64_t addr;	      /* VAL_MEM */
	const uint8_t *bytes; /* VAL_BYTES */
	const uint8_t *known; /* VAL_BYTES: NULL, or per byte: 0 when unavailable (pieces) */
	size_t len;
	uint8_t store[8]; /* backing of bytes for register and stack values */
};

#define EV_MAX_DEPTH 32 /* recursion of the expression parser */

/* Value kinds of an evaluated expression. */
enum ev_kind {
	EV_LVAL, /* in memory at addr, of type (type, ptr, adim) */
	EV_INT,	 /* integer (or pointer) rvalue u */
	EV_FLT	 /* floating rvalue d */
};

/* A value. Its type: when typed, DIE type (or void when is_void) with ptr extra levels of
 * pointer on top and, for arrays, the first adim dimensions dropped; otherwise the synthetic
 * "long" ("unsigned long" when !is_signed) or "double". */
struct ev {
	enum ev_kind kind;
	uint64_t addr;
	uint64_t u;
	double d;
	bool typed, is_void, is_signed;
	bool is_code; /* with is_void and ptr 1: a code address, "void (*)()" ($pc) */
	int size;     /* untyped EV_INT: 4 ("int") or 8 ("long") bytes */
	/* EV_LVAL not in memory (a value assembled from pieces): addr is the offset in bytes
	 * (blen long; known: NULL, or per byte 0 when unavailable) */
	const uint8_t *bytes, *known;
	uint64_t blen;
	Dwarf_Die type;
	int ptr;
	int adim;
};

struct ep {
	struct vctx c; /* s, regs and mem for reading and formatting */
	Dwarf_Die cu;  /* of the pc, for type names */
	bool have_cu;
	const char *src, *p; /* the expression and the parse position */
	struct mx_err *err;
	int depth;
	bool failed;
	bool types_only;    /* ptype, whatis, sizeof: a variable whose value is not available
			       still has its type (a 0 stands for the value) */
	bool no_values;	    /* nat_eval_check: registers and memory read as 0, so a division
			       by zero is no error */
	uint8_t *owned[16]; /* byte copies of values, freed at the end */
	int nowned;
};

void sb_puts(struct sb *b, const char *s);
void sb_printf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool sb_full(const struct sb *b);

/* ---- DWARF types ---- */

/* The DW_AT_type of die. */
bool die_type(Dwarf_Die *die, Dwarf_Die *out);
/* Follows typedefs and qualifiers from t; false when it ends in void (or is malformed). */
bool peel(Dwarf_Die *t);
/* An unsigned attribute of die, dflt when absent. */
uint64_t udata(Dwarf_Die *die, unsigned int at, uint64_t dflt);
/* Element counts of array type t's dimensions (up to max); returns how many. */
size_t array_dims(Dwarf_Die *t, uint64_t *dims, size_t max);
/* Size in bytes of type t; false when unknown. */
bool type_size(Dwarf_Die *t0, uint64_t *out, int depth);
/* A DIE among cu's top-level children with tag and name (declarations skipped). */
bool find_type_in_cu(Dwarf_Die *cu, int tag, const char *name, Dwarf_Die *out);

/* gdb's spelling of a base type gcc names "long unsigned int": "unsigned long" (ptype.c). */
const char *nat_c_base_name(const char *dwarf_name);

/* ---- the expression parser ---- */

/* Sets e up to parse expr in the frame of regs (the pc's CU gives type names), and frees what
 * the parse kept. */
void ep_begin(struct ep *e, struct nat_syms *s, const struct nat_frame_regs *regs,
	      const struct nat_mem_ops *mem, const char *expr, struct mx_err *err);
void ep_end(struct ep *e);

bool ep_fail(struct ep *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool ep_syntax(struct ep *e);
void ep_skip(struct ep *e);
/* Consumes operator op when it is next (and not the start of a longer operator). */
bool ep_accept(struct ep *e, const char *op);
/* Reads an identifier into buf (false when none is next). */
bool ep_ident(struct ep *e, char *buf, size_t len);
bool is_id0(char ch);
bool is_id(char ch);
bool is_type_word(const char *w);

/* A whole expression (conditional level), a unary expression (casts, sizeof...). */
bool ep_expr(struct ep *e, struct ev *v);
bool ep_unary(struct ep *e, struct ev *v);
/* Parses a type name into v's type, after "(" up to and including ")" when closed, else up to
 * the end of the text: 1 when it was a type, 0 when not (the position is restored), -1 on
 * error ("No struct type named x."). */
int ep_type_name(struct ep *e, struct ev *v, bool closed);
/* Binary operators of precedence min_prec and above (|| is 1, * / % are 10). */
bool ep_binary(struct ep *e, struct ev *v, int min_prec);

/* expr_ops.c: the rest of C's expressions. */
/* cond ? a : b over binary expressions (only the chosen branch is evaluated). */
bool ep_conditional(struct ep *e, struct ev *v);
/* sizeof(type), sizeof expr, sizeof(expr), after the keyword. */
bool ep_sizeof(struct ep *e, struct ev *v);
/* The enumerator called name (RED) of an enum of the pc's CU, as a value of its enum type. */
bool ep_enumerator(struct ep *e, const char *name, struct ev *v);
/* Consumes keyword kw when it is next as a whole word. */
bool ep_keyword(struct ep *e, const char *kw);
/* A floating literal (1.5, 2e3, .5, 1.5f) when one is next: true (with e->failed set on a
 * malformed one); false, consuming nothing, when the number is an integer. */
bool ep_float_literal(struct ep *e, struct ev *v);

/* regs_expr.c: registers in expressions ($rdi, $pc, $sp, $fp, $eflags, $eax...). */
/* A register of the frame, when e->p is at '$': gdb's type for it (long for the general
 * registers, void * for $sp and $fp, void (*)() for $pc, int for $eflags and 32-bit names). */
bool ep_register(struct ep *e, struct ev *v);
/* When expr is just $eflags: its flags as gdb prints them ("[ PF ZF IF ]") into b: true. */
bool ep_print_flags_register(struct ep *e, const char *expr, struct sb *b);

/* ---- values ---- */

/* The peeled DIE type of v when it has no extra pointer level; false otherwise. */
bool ev_die(const struct ev *v, Dwarf_Die *t);
bool ev_is_pointer(const struct ev *v);
bool ev_is_array(const struct ev *v);
/* What v points to (or its element type), with its size. */
bool ev_pointee(const struct ev *v, struct ev *out, uint64_t *size);
/* Size of v's type. */
bool ev_size(const struct ev *v, uint64_t *out);
/* Scalar contents of v: *is_flt tells whether *d or *u holds it. */
bool ev_scalar(struct ep *e, const struct ev *v, uint64_t *u, double *d, bool *is_flt,
	       bool *is_signed);
/* An untyped integer (size 4: int, 8: long) or double rvalue. */
void ev_int(struct ev *v, uint64_t u, bool is_signed, int size);
void ev_flt(struct ev *v, double d);
/* Size of v as an integer operand after C's promotions (4 or 8) and its signedness then. */
int ev_promoted(const struct ev *v, bool is_signed, bool *psigned);

#endif
