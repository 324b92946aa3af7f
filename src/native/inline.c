/* inline.c: the inlined calls a pc is inside, so that a call stack can show each one as a
 * frame of its own, as gdb does. nat_concrete_scopes lists the scopes holding the pc
 * innermost first; each DW_TAG_inlined_subroutine among them is a call, made at its DW_AT_call_file
 * and DW_AT_call_line (DWARF 5, 3.3.8.2) inside the next function scope outward (an out-of-line
 * DW_TAG_subprogram, or another inlined subroutine). */
#include <dwarf.h>
#include <elfutils/libdwfl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "native/sym.h"
#include "native/sym_internal.h"

static bool is_function(Dwarf_Die *d)
{
	int tag = dwarf_tag(d);
	return tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine;
}

/* The name of function scope d (an inlined copy's from its abstract origin). */
static const char *function_name(Dwarf_Die *d)
{
	Dwarf_Attribute a;
	const char *name = dwarf_formstring(dwarf_attr_integrate(d, DW_AT_name, &a));
	return name ? name : "??";
}

int nat_concrete_scopes(Dwarf_Die *cu, Dwarf_Addr pc, Dwarf_Die **scopes)
{
	int n = dwarf_getscopes(cu, pc, scopes);
	if (n <= 0)
		return n;
	Dwarf_Die inner = (*scopes)[0], *chain = NULL;
	int m = dwarf_getscopes_die(&inner, &chain);
	if (m <= 0) {
		free(chain);
		return n; /* keep dwarf_getscopes' answer */
	}
	free(*scopes);
	*scopes = chain;
	return m;
}

int nat_inline_calls(struct nat_syms *s, uint64_t pc, struct nat_inline_call *out, int max)
{
	Dwfl_Module *mod = dwfl_addrmodule(nat_syms_dwfl(s), pc);
	Dwarf_Addr bias = 0;
	Dwarf_Die *cu = mod ? dwfl_module_addrdie(mod, pc, &bias) : NULL, *scopes = NULL;
	if (!cu)
		return 0;
	int n = nat_concrete_scopes(cu, pc - bias, &scopes);
	Dwarf_Files *files = NULL;
	size_t nfiles = 0;
	if (n > 0 && dwarf_getsrcfiles(cu, &files, &nfiles) != 0)
		files = NULL;
	int k = 0;
	for (int i = 0; i < n && k < max; i++) {
		if (dwarf_tag(&scopes[i]) != DW_TAG_inlined_subroutine)
			continue;
		int j = i + 1;
		while (j < n && !is_function(&scopes[j]))
			j++;
		if (j == n)
			break;
		Dwarf_Attribute a;
		Dwarf_Word line = 0, file = 0;
		dwarf_formudata(dwarf_attr(&scopes[i], DW_AT_call_line, &a), &line);
		const char *path = NULL;
		if (files &&
		    dwarf_formudata(dwarf_attr(&scopes[i], DW_AT_call_file, &a), &file) == 0 &&
		    file < nfiles)
			path = dwarf_filesrc(files, file, NULL, NULL);
		struct nat_inline_call *c = &out[k++];
		snprintf(c->func, sizeof(c->func), "%s", function_name(&scopes[j]));
		snprintf(c->file, sizeof(c->file), "%s", path ? path : "");
		c->line = (int)line;
	}
	free(scopes);
	return k;
}
