/* vars.h: local variables, arguments and globals of a native frame, read from DWARF (libdw)
 * over the modules of a nat_syms, and their values formatted as gdb prints them.
 *
 * Memory and the frame's registers come from the caller (the session reads /proc/PID/mem and
 * gets registers from the tracer or the unwinder), so this layer never touches ptrace.
 * Locations: a DWARF expression subset (DW_OP_fbreg over a DW_AT_frame_base, DW_OP_addr,
 * DW_OP_regN/regx, DW_OP_bregN/bregx, literals and constants, simple arithmetic, DW_OP_deref,
 * DW_OP_call_frame_cfa, DW_OP_stack_value) and DW_AT_const_value; anything else prints as
 * "<optimized out>" or "<unsupported location>". Types: base types, pointers (char* with its
 * string), enums, structs, unions and arrays, through typedefs and qualifiers.
 */
#ifndef MX_NATIVE_VARS_H
#define MX_NATIVE_VARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "native/sym.h"
#include "util/err.h"

/* Memory of the process, supplied by the caller. */
struct nat_mem_ops {
	/* reads len bytes at addr; 0 on success */
	int (*read_mem)(void *ctx, uint64_t addr, void *buf, size_t len);
	void *ctx;
};

/* DWARF register numbers of x86_64 that a frame carries. */
enum {
	NAT_REG_RAX = 0,
	NAT_REG_RDX = 1,
	NAT_REG_RCX = 2,
	NAT_REG_RBX = 3,
	NAT_REG_RSI = 4,
	NAT_REG_RDI = 5,
	NAT_REG_RBP = 6,
	NAT_REG_RSP = 7, /* 8..15: r8..r15 */
	NAT_REG_RIP = 16,
	NAT_NREGS = 17
};

/* Registers of one frame, DWARF numbering (see above). */
struct nat_frame_regs {
	uint64_t r[NAT_NREGS];
	bool valid[NAT_NREGS]; /* frame 0: all; outer frames: rsp, rbp, rip and the callee-saved
				  registers the unwinder recovered */
	uint64_t cfa;	       /* canonical frame address (the caller's rsp after the return) */
	uint64_t pc;	       /* lookup pc (pc - 1 for frames above #0) */
	int inline_depth;      /* k > 0: the frame of the function the k-th innermost inlined call
				  at pc was made in (its scopes are those outside that call) */
	uint64_t eflags;       /* the flags register ($eflags), when eflags_valid (frame 0) */
	bool eflags_valid;
};

enum nat_var_kind { NAT_VAR_ARG, NAT_VAR_LOCAL };

/* Calls fn for each argument (kind NAT_VAR_ARG, in declaration order) or local (NAT_VAR_LOCAL,
 * innermost scope first, as gdb lists them) of the function holding regs->pc, with its name
 * and formatted value ("5", "0x7ffc... \"text\"", "{a = 1, b = 2}", "<optimized out>").
 * Returns the number of variables reported, or -1 with err when pc is in no function with
 * DWARF ("No symbol table info available."). */
int nat_frame_vars(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, enum nat_var_kind kind,
		   void (*fn)(void *arg, const char *name, const char *value), void *arg,
		   struct mx_err *err);

/* Formats variable `name` into out (truncated to outlen): a local or argument visible at
 * regs->pc, else a global or static variable of the module holding pc (its CU first), else of
 * any module. Top-level pointers other than char pointers get their type, as gdb's print
 * shows them: "(struct point *) 0x7ffc...". Returns 0, or -1 with err
 * ("No symbol \"x\" in current context."). */
int nat_print_var(struct nat_syms *s, const struct nat_frame_regs *regs,
		  const struct nat_mem_ops *mem, const char *name, char *out, size_t outlen,
		  struct mx_err *err);

/* Where variable `name` lives, to assign to it (set var). */
struct nat_var_place {
	bool in_memory; /* at addr; otherwise in DWARF register regno */
	uint64_t addr;
	int regno;
	uint64_t size; /* bytes (1, 2, 4 or 8) */
	bool is_float; /* float/double: the value is written in IEEE format */
	bool is_signed;
};
int nat_locate_var(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, const char *name, struct nat_var_place *out,
		   struct mx_err *err);

/* Evaluates C expression expr as gdb's print does, in the frame of regs, and formats the
 * result into out (truncated to outlen): "14", "{x = 3, y = 4}", "(int *) 0x7ffc...".
 * Supports integer, floating (1.5, 2e3, 1.5f) and character literals; variable names (as
 * nat_print_var finds them); a.b, p->b, a[i], *p, &x, unary - + ! ~; binary * / % + - << >> < <= >
 * >= == != & ^ | && || with C precedence (pointer +/- integer scales by the pointee size; && and ||
 * evaluate both sides); c ? a : b (only the chosen side is evaluated); sizeof(type), sizeof expr
 * (an int, as gdb types it); parentheses; casts to base types, typedefs and pointers to them or to
 * struct, union and enum types of the pc's CU: "(int) x", "(char *) p", "(struct point *) p".
 * Returns 0, or -1 with err ("No symbol \"x\" in current context.", "There is no member named y.",
 * "Attempt to take contents of a non-pointer value.", "cannot subscript something of type
 * `int'", "A syntax error in expression, near `...'.", "Division by zero", ...). */
int nat_eval_print(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, const char *expr, char *out, size_t outlen,
		   struct mx_err *err);

/* The type of C expression expr as gdb's whatis (its name: "struct point *") or ptype
 * (whatis false: typedefs resolved, struct/union/enum bodies spelled out) show it. */
int nat_eval_ptype(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, const char *expr, bool whatis, char *out,
		   size_t outlen, struct mx_err *err);

/* Where an lvalue expression (p->x, a[2], *q, a variable in memory) lives, to assign to it. */
int nat_eval_lvalue(struct nat_syms *s, const struct nat_frame_regs *regs,
		    const struct nat_mem_ops *mem, const char *expr, struct nat_var_place *out,
		    struct mx_err *err);

/* When expr is an assignment ("x = 5", "p->y += 2", as gdb's print takes), its left side
 * into lhs and the value to assign into value ("5", "(p->y) + (2)"): 1. 0 when expr assigns
 * nothing; -1 when an assignment lacks a side or does not fit. */
int nat_split_assignment(const char *expr, char *lhs, size_t lhslen, char *value, size_t valuelen);

/* Checks that C expression expr would evaluate at code address pc (a breakpoint's): its syntax,
 * its names (locals and arguments visible at pc, globals, registers) and their types, with
 * every register and byte of memory read as 0 (no values: a division by zero is not an
 * error). Returns 0, or -1 with the evaluator's message ("A syntax error in expression, near
 * `...'.", "No symbol \"x\" in current context.", "There is no member named y."). */
int nat_eval_check(struct nat_syms *s, uint64_t pc, const char *expr, struct mx_err *err);

/* Evaluates a C expression to a number (*is_float: in *d, else in *u as 64 bits). */
int nat_eval_scalar(struct nat_syms *s, const struct nat_frame_regs *regs,
		    const struct nat_mem_ops *mem, const char *expr, uint64_t *u, double *d,
		    bool *is_float, struct mx_err *err);

/* What the value of a C expression is made of, for front ends that expand values. */
enum nat_shape_kind {
	NAT_SHAPE_PLAIN,      /* no parts: numbers, enums, strings (char arrays and pointers),
				 null, void, function and incomplete-type pointers */
	NAT_SHAPE_RECORD,     /* a struct or union: its members (expr.name) */
	NAT_SHAPE_ARRAY,      /* an array: the elements of its first dimension (expr[i]) */
	NAT_SHAPE_PTR_RECORD, /* a pointer to a struct or union: the pointee's members (expr->name)
			       */
	NAT_SHAPE_PTR,	      /* a pointer to anything else: one part, the pointee (*expr) */
};
struct nat_shape {
	enum nat_shape_kind kind;
	char type[256]; /* the C name of the value's type: "struct point *" */
	uint64_t count; /* members, elements, or 1 for NAT_SHAPE_PTR */
};
/* Evaluates C expression expr as nat_eval_print does and tells its shape; member_fn (may be
 * NULL) gets the name of each member of a record (or pointed-to record) in order, the members
 * of anonymous struct and union members in their place (expr.name reaches them). */
int nat_eval_shape(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, const char *expr, struct nat_shape *out,
		   void (*member_fn)(void *arg, const char *name), void *arg, struct mx_err *err);

/* gdb's `set print elements N` (print_limit.c): at most N elements of an array are shown,
 * then "..."; 0 means no limit. gdb's default is 200. */
#define NAT_PRINT_ELEMENTS_DEFAULT 200u
void nat_set_print_elements(unsigned n);
unsigned nat_print_elements(void);

/* `print EXPR@COUNT` (repeat.c): gdb's artificial array of COUNT objects of EXPR's type,
 * starting at EXPR (an lvalue in memory), e.g. arr[500]@10. Returns 1 when expr holds no
 * top-level '@' (nothing done), 0 with the formatted array in out, -1 with err. */
int nat_eval_print_repeated(struct nat_syms *s, const struct nat_frame_regs *regs,
			    const struct nat_mem_ops *mem, const char *expr, char *out,
			    size_t outlen, struct mx_err *err);

#endif
