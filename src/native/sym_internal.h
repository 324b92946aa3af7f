/* sym_internal.h: what other files of native/ may see of sym.c (the libdwfl session). */
#ifndef MX_NATIVE_SYM_INTERNAL_H
#define MX_NATIVE_SYM_INTERNAL_H

#include <elfutils/libdwfl.h>

#include "native/sym.h"

Dwfl *nat_syms_dwfl(struct nat_syms *s);

/* unwind.c's state, owned (and freed with free()) by the nat_syms. */
struct nat_unwind_state;
struct nat_unwind_state **nat_syms_unwind_state(struct nat_syms *s);

#endif
