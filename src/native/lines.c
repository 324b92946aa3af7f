/* lines.c: nat_line_range, from the CU's line table (libdw's dwarf_getsrclines: rows sorted
 * by address within each sequence). The range is the run of consecutive rows around pc that
 * carry the same line of the same file: stepping "over a line" runs until pc leaves it. */
#include "native/lines.h"

#include <elfutils/libdw.h>
#include <stdio.h>
#include <string.h>

#include "native/sym_internal.h"

static bool same_line(Dwarf_Line *a, Dwarf_Line *b)
{
	int la = 0, lb = 0;
	dwarf_lineno(a, &la);
	dwarf_lineno(b, &lb);
	const char *fa = dwarf_linesrc(a, NULL, NULL), *fb = dwarf_linesrc(b, NULL, NULL);
	return la == lb && fa && fb && !strcmp(fa, fb);
}

int nat_line_range(struct nat_syms *s, uint64_t pc, struct nat_line_range *out)
{
	memset(out, 0, sizeof(*out));
	Dwfl_Module *mod = dwfl_addrmodule(nat_syms_dwfl(s), pc);
	Dwarf_Addr bias;
	Dwarf_Die *cu = mod ? dwfl_module_addrdie(mod, pc, &bias) : NULL;
	Dwarf_Lines *lines;
	size_t n;
	if (!cu || dwarf_getsrclines(cu, &lines, &n) != 0)
		return 0;
	Dwarf_Addr a = pc - bias;
	/* the last row at or below a, within a sequence that does not end before a */
	size_t at = n;
	for (size_t i = 0; i + 1 < n; i++) {
		Dwarf_Line *l = dwarf_onesrcline(lines, i), *next = dwarf_onesrcline(lines, i + 1);
		Dwarf_Addr la, lnext;
		bool end = false;
		dwarf_lineendsequence(l, &end);
		if (end || dwarf_lineaddr(l, &la) || dwarf_lineaddr(next, &lnext))
			continue;
		if (la <= a && a < lnext)
			at = i;
	}
	if (at == n)
		return 0;
	Dwarf_Line *row = dwarf_onesrcline(lines, at);
	int line = 0;
	dwarf_lineno(row, &line);
	const char *file = dwarf_linesrc(row, NULL, NULL);
	if (!line || !file)
		return 0;
	size_t first = at, last = at;
	while (first > 0) {
		Dwarf_Line *prev = dwarf_onesrcline(lines, first - 1);
		bool end = false;
		dwarf_lineendsequence(prev, &end);
		if (end || !same_line(prev, row))
			break;
		first--;
	}
	while (last + 1 < n) {
		Dwarf_Line *next = dwarf_onesrcline(lines, last + 1);
		bool end = false;
		dwarf_lineendsequence(next, &end);
		if (end || !same_line(next, row))
			break;
		last++;
	}
	Dwarf_Addr lo, hi;
	dwarf_lineaddr(dwarf_onesrcline(lines, first), &lo);
	dwarf_lineaddr(dwarf_onesrcline(lines, last + 1 < n ? last + 1 : last), &hi);
	if (hi <= a)
		hi = a + 1;
	out->lo = lo + bias;
	out->hi = hi + bias;
	out->line = line;
	snprintf(out->file, sizeof(out->file), "%s", file);
	/* a line starts here if any statement row (of whichever line: at -O2 several share
	 * one address) begins at pc */
	for (size_t i = 0; i < n && !out->is_stmt_start; i++) {
		Dwarf_Line *l = dwarf_onesrcline(lines, i);
		Dwarf_Addr la;
		bool stmt = false;
		dwarf_linebeginstatement(l, &stmt);
		if (stmt && dwarf_lineaddr(l, &la) == 0 && la == a)
			out->is_stmt_start = true;
	}
	return 0;
}
