/* lines.h: the line table around one address, for source-line stepping. */
#ifndef MX_NATIVE_LINES_H
#define MX_NATIVE_LINES_H

#include <stdbool.h>
#include <stdint.h>

#include "native/sym.h"

struct nat_line_range {
	uint64_t lo, hi;    /* run-time addresses [lo, hi) of the rows for this line around pc */
	int line;	    /* 0: no line information at pc */
	bool is_stmt_start; /* pc is exactly where an is_stmt row begins (a line's start) */
	char file[512];	    /* source file of the line */
};

/* Describes the line table at pc. Returns 0 with out->line == 0 when pc has no line info. */
int nat_line_range(struct nat_syms *s, uint64_t pc, struct nat_line_range *out);

#endif
