/* sym.h: native symbols and line tables of one process, through elfutils (libdwfl/libdw).
 *
 * The session reports each loaded ELF object (main executable, shared libraries, the dynamic
 * loader) with its load bias (link_map.l_addr) as the dynamic loader's rendezvous tells it, and
 * removes it when it is unloaded. Lookups then answer in run-time addresses.
 *
 * Debug info is found in the object itself or in a separate file found by build-id
 * (DIR/.build-id/xx/rest.debug) or by .gnu_debuglink, searched in the object's own directory,
 * its .debug/ subdirectory, and the debug directories given at creation (default /usr/lib/debug).
 * DWARF 4 and 5 are both read.
 */
#ifndef MX_NATIVE_SYM_H
#define MX_NATIVE_SYM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

struct nat_syms;   /* all modules of one process */
struct nat_module; /* one loaded ELF object; owned by nat_syms */

/* One code location resolved from a breakpoint spec. */
struct nat_loc {
	uint64_t addr;			 /* run-time address */
	char *func;			 /* function name (for an inlined copy: the inlined one) */
	char *file;			 /* source file path as in DWARF (NULL if no line info) */
	int line;			 /* source line, 0 if unknown */
	bool inlined;			 /* this location is an inlined copy */
	const struct nat_module *module; /* module holding addr */
};

struct nat_loc_list {
	struct nat_loc *v;
	size_t n, cap;
};

/* What is known about one address. Strings are owned by the struct (nat_addrinfo_clear). */
struct nat_addrinfo {
	const struct nat_module *module; /* NULL if the address is in no reported module */
	char *func;			 /* innermost function (an inlined one if inlined) from
					    DWARF, else the ELF symbol; NULL if none */
	char *sym;			 /* ELF symbol holding addr, NULL if none */
	uint64_t sym_addr;		 /* start of sym */
	uint64_t sym_size;		 /* its st_size (0 if unknown) */
	char *file;			 /* NULL if no line info */
	int line;
};

/* debug_dirs: colon-separated list of extra debug-file roots (may be NULL). */
int nat_syms_new(struct nat_syms **out, const char *debug_dirs, struct mx_err *err);
void nat_syms_free(struct nat_syms *s);

/* Reports an ELF object loaded at bias (l_addr: 0 for a non-PIE executable). path must be
 * readable; re-reporting the same path at the same bias returns the existing module. */
int nat_syms_add_module(struct nat_syms *s, const char *path, uint64_t bias,
			const struct nat_module **out, struct mx_err *err);
/* Forgets a module (the object was unloaded). */
void nat_syms_remove_module(struct nat_syms *s, const struct nat_module *m);
/* Forgets every module (after exec). */
void nat_syms_clear(struct nat_syms *s);

const char *nat_module_path(const struct nat_module *m);
uint64_t nat_module_bias(const struct nat_module *m);
/* Lowest and highest+1 run-time addresses of the module's loadable segments. */
void nat_module_range(const struct nat_module *m, uint64_t *lo, uint64_t *hi);
/* True when the module has DWARF (own or separate); *debug_path gets the file it came from. */
bool nat_module_has_dwarf(const struct nat_module *m, const char **debug_path);

/* Modules in load order. */
/* Calls fn with the primary source file of each compilation unit of m's DWARF (the CU's name,
 * made absolute with its compilation directory); returns how many. */
size_t nat_module_sources(const struct nat_module *m, void (*fn)(void *ctx, const char *path),
			  void *ctx);

size_t nat_syms_module_count(const struct nat_syms *s);
const struct nat_module *nat_syms_module_at(const struct nat_syms *s, size_t i);

/* Every location of function `name` (C name, exact match) in module m (or in every module when
 * m is NULL): each out-of-line definition at its first line after the prologue (the address
 * of the second row of its line table; the symbol address when it has no line info), and each
 * inlined copy at its entry pc. Appends to out; returns the number appended (0 = none). */
int nat_syms_find_function(struct nat_syms *s, const struct nat_module *m, const char *name,
			   struct nat_loc_list *out);

/* Every location of source line `line` in a file whose path ends with `file` at a path
 * component boundary ("t.c" matches "/src/t.c", not "/src/at.c"). When no code is at that exact
 * line, the next line that has code (in the same file) is used, as gdb does. One location per
 * function instance (out-of-line or inlined copy): the lowest is_stmt address of that line in
 * it. Appends to out; returns the number appended. */
int nat_syms_find_line(struct nat_syms *s, const struct nat_module *m, const char *file, int line,
		       struct nat_loc_list *out);

/* Address of ELF symbol `name` (any type) in module m, from .symtab or .dynsym; 0 if absent. */
uint64_t nat_syms_symbol_addr(struct nat_syms *s, const struct nat_module *m, const char *name);

/* When pc is a PLT stub (plt.c), the name of the function it jumps to ("lib_func"): true. */
bool nat_plt_target_name(struct nat_syms *s, uint64_t pc, char *name, size_t len);

/* One inlined call a pc is inside (inline.c): the function it was inlined into, and the
 * call's place there. */
struct nat_inline_call {
	char func[256];
	char file[512]; /* "" when unknown */
	int line;
};
/* The inlined calls holding pc, innermost first: out[0] is the call of the innermost inlined
 * function (made in out[0].func), out[1] the call of out[0].func if that was inlined too...
 * Returns how many (0 when pc is in no inlined code), at most max. */
int nat_inline_calls(struct nat_syms *s, uint64_t pc, struct nat_inline_call *out, int max);

/* Describes addr. Returns 0 and fills out (module may be NULL when no module holds addr). */
int nat_syms_addr_info(struct nat_syms *s, uint64_t addr, struct nat_addrinfo *out);
void nat_addrinfo_clear(struct nat_addrinfo *ai);

void nat_loc_list_clear(struct nat_loc_list *l);

#endif
