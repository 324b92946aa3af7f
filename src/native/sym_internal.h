/* sym_internal.h: what other files of native/ may see of sym.c (the libdwfl session). */
#ifndef MX_NATIVE_SYM_INTERNAL_H
#define MX_NATIVE_SYM_INTERNAL_H

#include <elfutils/libdwfl.h>

#include "native/sym.h"

Dwfl *nat_syms_dwfl(struct nat_syms *s);

/* unwind.c's state, owned (and freed with free()) by the nat_syms. */
struct nat_unwind_state;
struct nat_unwind_state **nat_syms_unwind_state(struct nat_syms *s);

/* The scopes holding module address pc in cu, innermost first, as dwarf_getscopes gives them,
 * except that past an inlined subroutine they are the scopes the call was made in (the
 * concrete tree: lexical blocks, the caller's inlined subroutine or subprogram, the CU) rather
 * than those of the inlined function's abstract definition, which dwarf_getscopes follows
 * (libdw.h). Returns the count (*scopes malloc'd), 0, or -1 (inline.c). */
int nat_concrete_scopes(Dwarf_Die *cu, Dwarf_Addr pc, Dwarf_Die **scopes);

#endif
