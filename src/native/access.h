/* access.h: how to reach a local variable or argument at one code address, as a recipe a
 * breakpoint condition can run without DWARF: a register, or memory at register + offset.
 * (The recipe is the same wherever the module is loaded: it uses no absolute address.) */
#ifndef MX_NATIVE_ACCESS_H
#define MX_NATIVE_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "native/sym.h"
#include "util/err.h"

struct nat_access {
	bool in_memory; /* at value(reg) + offset; otherwise the value is in reg */
	int reg;	/* DWARF register number (0 rax ... 7 rsp, 8-15 r8-r15, 16 rip) */
	int64_t offset;
	unsigned size; /* 1, 2, 4 or 8 */
	bool is_signed;
};

/* The access recipe of local or argument `name` at pc (run-time address in s). */
int nat_var_access(struct nat_syms *s, uint64_t pc, const char *name, struct nat_access *out,
		   struct mx_err *err);

#endif
