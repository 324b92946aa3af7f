/* sym.c: symbols and line tables of the program's modules, through elfutils (see sym.h).
 *
 * This module owns one Dwfl per process (struct nat_syms) and a list of struct nat_module, one
 * per reported ELF object, each pointing at its Dwfl_Module. Nothing else in mixdbg talks to
 * elfutils for symbols; every address crossing this API is a run-time address.
 *
 * Elfutils facts relied on:
 * - dwfl_report_elf(dwfl, name, path, -1, base, false): for ET_DYN, base is the absolute address
 *   of the file's vaddr 0, i.e. link_map.l_addr; for ET_EXEC base is ignored (libdwfl.h's
 *   table). Addresses from dwfl_module_getsym_info / dwfl_module_addrinfo are then run-time
 *   addresses, and DWARF addresses need the bias that dwfl_module_nextcu/addrdie return.
 * - Between dwfl_report_begin and dwfl_report_end, dwfl_report_module(name, start, end) with
 *   the name and range of an existing module keeps that very Dwfl_Module (and its open files);
 *   modules not re-reported are freed by dwfl_report_end. Removal uses this, so it never
 *   re-opens files (which may be gone by then).
 * - dwfl_standard_find_debuginfo looks up the build-id link ROOT/.build-id/xx/rest.debug under
 *   every absolute element of debuginfo_path, then the .gnu_debuglink name in the object's
 *   directory, in each relative element (".debug") under it, and under each absolute root
 *   (ROOT/<object dir>/name, then ROOT/name).
 * - dwarf_getsrclines returns the CU's rows sorted by address, rows at one address keeping
 *   their table order; dwarf_getsrc_die returns the last row at or below an address.
 * - dwarf_getscopes returns the scopes holding an address innermost first, with inlined
 *   subroutines as their own scopes; dwarf_attr_integrate follows DW_AT_abstract_origin and
 *   DW_AT_specification, so it names concrete and inlined instances.
 * - gcc -O2 (location views) puts several is_stmt rows of different lines at one address, often
 *   a function's low_pc; the last row at an address is often not a statement. Hence gdb's rules
 *   here: such a function has no prologue to skip, and an address's line is the last row's,
 *   or the nearest statement row's at the same address when the last is not one.
 * - A PIE reported at bias 0 spans from address 0 (its first PT_LOAD holds the ELF header).
 */
#include "native/sym.h"
#include "native/sym_internal.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/xalloc.h"

struct nat_module {
	char *path;	  /* file reported (also the Dwfl_Module's name) */
	uint64_t bias;	  /* load bias (link_map.l_addr) */
	Dwfl_Module *mod; /* libdwfl's module */
};

struct nat_syms {
	Dwfl *dwfl;			 /* the session with libdwfl */
	Dwfl_Callbacks cb;		 /* must outlive dwfl */
	char *debuginfo_path;		 /* what cb.debuginfo_path points to */
	struct nat_module **mods;	 /* reported modules in load order */
	size_t n;			 /* number of mods */
	size_t cap;			 /* allocated slots in mods */
	struct nat_unwind_state *unwind; /* unwind.c's state (attached to dwfl once) */
};

/* ---- session and modules ---- */

int nat_syms_new(struct nat_syms **out, const char *debug_dirs, struct mx_err *err)
{
	struct nat_syms *s = xcalloc(1, sizeof(*s));
	bool extra = debug_dirs && debug_dirs[0];

	/* user roots first so they win over the system's */
	s->debuginfo_path =
	    xasprintf(":.debug%s%s:/usr/lib/debug", extra ? ":" : "", extra ? debug_dirs : "");
	s->cb.find_elf = dwfl_build_id_find_elf;
	s->cb.find_debuginfo = dwfl_standard_find_debuginfo;
	s->cb.debuginfo_path = &s->debuginfo_path;
	s->dwfl = dwfl_begin(&s->cb);
	if (!s->dwfl) {
		mx_err_set(err, "cannot initialise elfutils: %s", dwfl_errmsg(-1));
		free(s->debuginfo_path);
		free(s);
		return -1;
	}
	*out = s;
	return 0;
}

static void free_module(struct nat_module *m)
{
	free(m->path);
	free(m);
}

void nat_syms_free(struct nat_syms *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free_module(s->mods[i]);
	free(s->mods);
	dwfl_end(s->dwfl); /* before the unwind state its callbacks may use */
	free(s->unwind);
	free(s->debuginfo_path);
	free(s);
}

int nat_syms_add_module(struct nat_syms *s, const char *path, uint64_t bias,
			const struct nat_module **out, struct mx_err *err)
{
	for (size_t i = 0; i < s->n; i++) {
		if (s->mods[i]->bias == bias && !strcmp(s->mods[i]->path, path)) {
			if (out)
				*out = s->mods[i];
			return 0;
		}
	}
	/* libdwfl's own message for a missing file does not say which file */
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return mx_err_errno(err, errno, "cannot open '%s'", path);
	close(fd);

	dwfl_report_begin_add(s->dwfl);
	Dwfl_Module *mod = dwfl_report_elf(s->dwfl, path, path, -1, bias, false);
	dwfl_report_end(s->dwfl, NULL, NULL);
	if (!mod)
		return mx_err_set(err, "cannot load symbols of '%s': %s", path, dwfl_errmsg(-1));

	struct nat_module *m = xcalloc(1, sizeof(*m));
	m->path = xstrdup(path);
	m->bias = bias;
	m->mod = mod;
	xgrow((void **)&s->mods, &s->cap, s->n + 1, sizeof(*s->mods));
	s->mods[s->n++] = m;
	if (out)
		*out = m;
	return 0;
}

/* Tells libdwfl that exactly the modules in s->mods remain; it frees the others. */
static void rereport(struct nat_syms *s)
{
	dwfl_report_begin(s->dwfl);
	for (size_t i = 0; i < s->n; i++) {
		struct nat_module *m = s->mods[i];
		const char *name = NULL;
		Dwarf_Addr start = 0, end = 0;

		name = dwfl_module_info(m->mod, NULL, &start, &end, NULL, NULL, NULL, NULL);
		Dwfl_Module *mod = dwfl_report_module(s->dwfl, name ? name : m->path, start, end);
		if (mod)
			m->mod = mod;
	}
	dwfl_report_end(s->dwfl, NULL, NULL);
}

void nat_syms_remove_module(struct nat_syms *s, const struct nat_module *m)
{
	for (size_t i = 0; i < s->n; i++) {
		if (s->mods[i] != m)
			continue;
		free_module(s->mods[i]);
		memmove(&s->mods[i], &s->mods[i + 1], (s->n - i - 1) * sizeof(*s->mods));
		s->n--;
		rereport(s);
		return;
	}
}

void nat_syms_clear(struct nat_syms *s)
{
	for (size_t i = 0; i < s->n; i++)
		free_module(s->mods[i]);
	s->n = 0;
	rereport(s);
}

const char *nat_module_path(const struct nat_module *m)
{
	return m->path;
}

uint64_t nat_module_bias(const struct nat_module *m)
{
	return m->bias;
}

void nat_module_range(const struct nat_module *m, uint64_t *lo, uint64_t *hi)
{
	Dwarf_Addr start = 0, end = 0;

	dwfl_module_info(m->mod, NULL, &start, &end, NULL, NULL, NULL, NULL);
	*lo = start;
	*hi = end;
}

bool nat_module_has_dwarf(const struct nat_module *m, const char **debug_path)
{
	Dwarf_Addr bias;
	Dwarf *dw = dwfl_module_getdwarf(m->mod, &bias);
	const char *mainfile = NULL, *debugfile = NULL;

	/* debugfile is NULL when the DWARF is in the main file */
	dwfl_module_info(m->mod, NULL, NULL, NULL, NULL, NULL, &mainfile, &debugfile);
	if (debug_path)
		*debug_path = !dw ? NULL : debugfile ? debugfile : mainfile ? mainfile : m->path;
	return dw != NULL;
}

size_t nat_module_sources(const struct nat_module *m, void (*fn)(void *ctx, const char *path),
			  void *ctx)
{
	Dwarf_Addr bias;
	Dwarf *dw = dwfl_module_getdwarf(m->mod, &bias);
	size_t count = 0;
	Dwarf_Off off = 0, next;
	size_t hsize;
	while (dw && dwarf_nextcu(dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
		Dwarf_Die cu;
		if (dwarf_offdie(dw, off + hsize, &cu)) {
			const char *name = dwarf_diename(&cu);
			Dwarf_Attribute at;
			const char *dir = dwarf_formstring(dwarf_attr(&cu, DW_AT_comp_dir, &at));
			if (name && name[0] == '/') {
				fn(ctx, name);
				count++;
			} else if (name) {
				char *full = xasprintf("%s/%s", dir ? dir : ".", name);
				fn(ctx, full);
				free(full);
				count++;
			}
		}
		off = next;
	}
	return count;
}

size_t nat_syms_module_count(const struct nat_syms *s)
{
	return s->n;
}

const struct nat_module *nat_syms_module_at(const struct nat_syms *s, size_t i)
{
	return i < s->n ? s->mods[i] : NULL;
}

/* True when m is one of s's modules and lookups restricted to `only` (NULL: all) include it. */
static bool selected(const struct nat_module *m, const struct nat_module *only)
{
	return !only || m == only;
}

/* ---- locations ---- */

void nat_loc_list_clear(struct nat_loc_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].func);
		free(l->v[i].file);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Appends a location unless one at addr is already in out. */
static bool push_loc(struct nat_loc_list *out, uint64_t addr, const char *func, const char *file,
		     int line, bool inlined, const struct nat_module *m)
{
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].addr == addr)
			return false;
	xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof(*out->v));
	struct nat_loc *l = &out->v[out->n++];
	l->addr = addr;
	l->func = func ? xstrdup(func) : NULL;
	l->file = file ? xstrdup(file) : NULL;
	l->line = line;
	l->inlined = inlined;
	l->module = m;
	return true;
}

/* Name of a DIE, following DW_AT_abstract_origin and DW_AT_specification. */
static const char *die_name(Dwarf_Die *die)
{
	Dwarf_Attribute attr;

	if (dwarf_attr_integrate(die, DW_AT_name, &attr))
		return dwarf_formstring(&attr);
	return NULL;
}

/* One row of a line table, decoded. */
struct row {
	Dwarf_Addr addr;   /* DWARF address (no bias) */
	int line;	   /* source line */
	bool stmt;	   /* is_stmt */
	bool end;	   /* end_sequence */
	bool prologue_end; /* prologue_end flag (clang sets it, gcc does not) */
};

static bool get_row(Dwarf_Lines *lines, size_t i, struct row *r)
{
	Dwarf_Line *l = dwarf_onesrcline(lines, i);

	memset(r, 0, sizeof(*r));
	if (!l || dwarf_lineaddr(l, &r->addr) != 0)
		return false;
	dwarf_lineno(l, &r->line);
	dwarf_linebeginstatement(l, &r->stmt);
	dwarf_lineendsequence(l, &r->end);
	dwarf_lineprologueend(l, &r->prologue_end);
	return true;
}

/* File and line of a DWARF address, as gdb reports them: the last row at or below addr, or,
 * when that row is not a statement, the nearest statement row at the same address. */
static bool line_at(Dwarf_Die *cu, Dwarf_Addr addr, const char **file, int *line)
{
	Dwarf_Line *found = dwarf_getsrc_die(cu, addr);
	Dwarf_Lines *lines;
	size_t n, i;
	bool stmt = false;

	if (!found)
		return false;
	dwarf_linebeginstatement(found, &stmt);
	if (!stmt && dwarf_lineaddr(found, &addr) == 0 && dwarf_getsrclines(cu, &lines, &n) == 0) {
		for (i = 0; i < n && dwarf_onesrcline(lines, i) != found; i++)
			;
		for (; i > 0 && i < n; i--) {
			struct row prev;
			if (!get_row(lines, i - 1, &prev) || prev.addr != addr || prev.end)
				break;
			if (prev.stmt) {
				found = dwarf_onesrcline(lines, i - 1);
				break;
			}
		}
	}
	*file = dwarf_linesrc(found, NULL, NULL);
	dwarf_lineno(found, line);
	return *file != NULL;
}

/* Where a breakpoint on function [low, high) goes, from its CU's line table (gdb's rule when it
 * trusts the line table): a prologue_end row if any; low itself when several statement rows
 * of different lines start at low (optimised code, no prologue); else the first statement row
 * after low of another line than low's; else the second statement row; else low. */
static Dwarf_Addr skip_prologue(Dwarf_Die *cu, Dwarf_Addr low, Dwarf_Addr high)
{
	Dwarf_Lines *lines;
	size_t n;
	Dwarf_Addr pe = 0, other = 0, second = 0;
	int first_line = -1;
	bool packed = false;

	if (dwarf_getsrclines(cu, &lines, &n) != 0)
		return low;
	for (size_t i = 0; i < n; i++) {
		struct row r;
		if (!get_row(lines, i, &r) || r.end || r.addr < low || r.addr >= high)
			continue;
		if (r.prologue_end && r.addr > low && (!pe || r.addr < pe))
			pe = r.addr;
		if (r.addr == low) {
			if (first_line < 0)
				first_line = r.line;
			else if (r.stmt && r.line != first_line && r.line)
				packed = true;
			continue;
		}
		if (!r.stmt)
			continue;
		if (!second || r.addr < second)
			second = r.addr;
		if (r.line != first_line && r.line && (!other || r.addr < other))
			other = r.addr;
	}
	if (pe)
		return pe;
	if (packed)
		return low;
	return other ? other : second ? second : low;
}

/* The end of the address range of die that starts at low (low + 1 if unknown). */
static Dwarf_Addr range_end(Dwarf_Die *die, Dwarf_Addr low)
{
	Dwarf_Addr high, base, start, end;
	ptrdiff_t off = 0;

	if (dwarf_highpc(die, &high) == 0)
		return high;
	while ((off = dwarf_ranges(die, off, &base, &start, &end)) > 0)
		if (start <= low && low < end)
			return end;
	return low + 1;
}

/* The entry address of a function instance (DW_AT_entry_pc, DW_AT_low_pc or the start of its
 * first range); false for declarations and abstract instances. */
static bool entry_of(Dwarf_Die *die, Dwarf_Addr *low)
{
	Dwarf_Addr base, end;

	if (dwarf_entrypc(die, low) == 0)
		return true;
	return dwarf_ranges(die, 0, &base, low, &end) > 0;
}

/* State of one find_function walk over a module. */
struct fn_search {
	const char *name;	    /* function wanted */
	const struct nat_module *m; /* module walked */
	Dwarf_Addr bias;	    /* DWARF bias of the current CU */
	Dwarf_Die *cu;		    /* current CU */
	struct nat_loc_list *out;   /* where locations go */
	uint64_t *entries;	    /* run-time entries of DWARF definitions found */
	size_t nentries;	    /* number of entries */
	size_t cap;		    /* allocated slots in entries */
};

static void fn_found(struct fn_search *fs, Dwarf_Die *die, bool inlined)
{
	Dwarf_Addr low, addr;
	const char *file = NULL;
	int line = 0;

	if (!entry_of(die, &low))
		return;
	addr = inlined ? low : skip_prologue(fs->cu, low, range_end(die, low));
	if (!inlined) {
		xgrow((void **)&fs->entries, &fs->cap, fs->nentries + 1, sizeof(*fs->entries));
		fs->entries[fs->nentries++] = low + fs->bias;
	}
	if (!line_at(fs->cu, addr, &file, &line)) {
		file = NULL;
		line = 0;
	}
	push_loc(fs->out, addr + fs->bias, fs->name, file, line, inlined, fs->m);
}

/* DIEs whose children may hold functions or inlined copies. */
static bool may_hold_code(int tag)
{
	switch (tag) {
	case DW_TAG_compile_unit:
	case DW_TAG_partial_unit:
	case DW_TAG_subprogram:
	case DW_TAG_inlined_subroutine:
	case DW_TAG_lexical_block:
	case DW_TAG_namespace:
	case DW_TAG_module:
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
	case DW_TAG_union_type:
		return true;
	default:
		return false;
	}
}

static void fn_visit(struct fn_search *fs, Dwarf_Die *die)
{
	int tag = dwarf_tag(die);
	Dwarf_Die child;

	if (tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine) {
		const char *nm = die_name(die);
		if (nm && !strcmp(nm, fs->name))
			fn_found(fs, die, tag == DW_TAG_inlined_subroutine);
	}
	if (!may_hold_code(tag) || dwarf_child(die, &child) != 0)
		return;
	do
		fn_visit(fs, &child);
	while (dwarf_siblingof(&child, &child) == 0);
}

/* Functions known only by their ELF symbol (libc's without debug info, assembly). */
static void fn_from_symbols(struct fn_search *fs)
{
	Dwfl_Module *mod = fs->m->mod;
	int nsyms = dwfl_module_getsymtab(mod);

	for (int i = 1; i < nsyms; i++) {
		GElf_Sym sym;
		GElf_Addr addr;
		GElf_Word shndx;
		const char *nm = dwfl_module_getsym_info(mod, i, &sym, &addr, &shndx, NULL, NULL);
		int type = GELF_ST_TYPE(sym.st_info);
		bool dup = false;

		if (!nm || strcmp(nm, fs->name) != 0 || shndx == SHN_UNDEF)
			continue;
		if (type != STT_FUNC && type != STT_GNU_IFUNC)
			continue;
		for (size_t k = 0; k < fs->nentries && !dup; k++)
			dup = fs->entries[k] == addr;
		if (dup)
			continue;

		const char *file = NULL;
		int line = 0;
		Dwfl_Line *l = dwfl_module_getsrc(mod, addr);
		if (l)
			file = dwfl_lineinfo(l, NULL, &line, NULL, NULL, NULL);
		push_loc(fs->out, addr, nm, file, file ? line : 0, false, fs->m);
	}
}

static void find_function_in(const struct nat_module *m, const char *name, struct nat_loc_list *out)
{
	struct fn_search fs = {.name = name, .m = m, .out = out};
	Dwarf_Die *cu = NULL;
	Dwarf_Addr bias;

	while ((cu = dwfl_module_nextcu(m->mod, cu, &bias))) {
		fs.bias = bias;
		fs.cu = cu;
		fn_visit(&fs, cu);
	}
	fn_from_symbols(&fs);
	free(fs.entries);
}

int nat_syms_find_function(struct nat_syms *s, const struct nat_module *m, const char *name,
			   struct nat_loc_list *out)
{
	size_t before = out->n;

	for (size_t i = 0; i < s->n; i++)
		if (selected(s->mods[i], m))
			find_function_in(s->mods[i], name, out);
	return (int)(out->n - before);
}

/* True when path ends with want at a path component boundary. */
static bool path_matches(const char *path, const char *want)
{
	size_t lp = strlen(path), lw = strlen(want);

	if (!lw || lw > lp || strcmp(path + lp - lw, want) != 0)
		return false;
	return lw == lp || want[0] == '/' || path[lp - lw - 1] == '/';
}

/* The innermost function instance (subprogram or inlined copy) holding a DWARF address. */
static bool function_instance(Dwarf_Die *cu, Dwarf_Addr addr, Dwarf_Off *key, const char **name,
			      bool *inlined)
{
	Dwarf_Die *scopes = NULL;
	int n = dwarf_getscopes(cu, addr, &scopes);
	bool found = false;

	for (int i = 0; i < n && !found; i++) {
		int tag = dwarf_tag(&scopes[i]);
		if (tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine) {
			*key = dwarf_dieoffset(&scopes[i]);
			*name = die_name(&scopes[i]);
			*inlined = tag == DW_TAG_inlined_subroutine;
			found = true;
		}
	}
	free(scopes);
	return found;
}

/* One candidate location of find_line: the lowest address seen so far in one instance. */
struct line_cand {
	uint64_t addr;		    /* run-time address */
	const struct nat_module *m; /* module of addr */
	Dwarf_Off key;		    /* DIE offset of the function instance */
	const char *func;	    /* its name (libdw's memory) */
	const char *file;	    /* file of the row (libdw's memory) */
	int line;		    /* line of the row */
	bool inlined;		    /* the instance is an inlined copy */
};

/* State of one find_line scan. */
struct line_search {
	const char *file;	 /* file suffix wanted */
	int line;		 /* line wanted */
	int next;		 /* smallest line > line with statement rows (0: none) */
	struct line_cand *cands; /* candidates, one per instance */
	size_t n;		 /* number of cands */
	size_t cap;		 /* allocated slots in cands */
};

static void add_cand(struct line_search *ls, const struct line_cand *c)
{
	for (size_t k = 0; k < ls->n; k++) {
		struct line_cand *o = &ls->cands[k];
		if (o->m == c->m && o->key == c->key) {
			if (c->addr < o->addr)
				*o = *c;
			return;
		}
	}
	xgrow((void **)&ls->cands, &ls->cap, ls->n + 1, sizeof(*ls->cands));
	ls->cands[ls->n++] = *c;
}

static void scan_cu(struct line_search *ls, const struct nat_module *m, Dwarf_Die *cu,
		    Dwarf_Addr bias)
{
	Dwarf_Lines *lines;
	size_t n;

	if (dwarf_getsrclines(cu, &lines, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		struct row r;
		if (!get_row(lines, i, &r) || r.end || !r.stmt)
			continue;
		if (r.line < ls->line || (ls->next && r.line >= ls->next))
			continue;
		const char *src = dwarf_linesrc(dwarf_onesrcline(lines, i), NULL, NULL);
		if (!src || !path_matches(src, ls->file))
			continue;
		if (r.line > ls->line && (!ls->next || r.line < ls->next))
			ls->next = r.line;
		if (r.line != ls->line)
			continue;

		struct line_cand c = {.addr = r.addr + bias, .m = m, .file = src, .line = r.line};
		if (!function_instance(cu, r.addr, &c.key, &c.func, &c.inlined))
			c.key = (Dwarf_Off)-1 - r.addr; /* code outside any function: its own */
		add_cand(ls, &c);
	}
}

static void scan_line(struct nat_syms *s, const struct nat_module *m, struct line_search *ls)
{
	for (size_t i = 0; i < s->n; i++) {
		Dwarf_Die *cu = NULL;
		Dwarf_Addr bias;

		if (!selected(s->mods[i], m))
			continue;
		while ((cu = dwfl_module_nextcu(s->mods[i]->mod, cu, &bias)))
			scan_cu(ls, s->mods[i], cu, bias);
	}
}

static int cand_cmp(const void *a, const void *b)
{
	const struct line_cand *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

int nat_syms_find_line(struct nat_syms *s, const struct nat_module *m, const char *file, int line,
		       struct nat_loc_list *out)
{
	struct line_search ls = {.file = file, .line = line};
	size_t before = out->n;

	if (!file || line <= 0)
		return 0;
	scan_line(s, m, &ls);
	if (!ls.n && ls.next) {
		ls.line = ls.next;
		ls.next = 0;
		scan_line(s, m, &ls);
	}
	if (ls.n > 1)
		qsort(ls.cands, ls.n, sizeof(*ls.cands), cand_cmp);
	for (size_t k = 0; k < ls.n; k++) {
		struct line_cand *c = &ls.cands[k];
		push_loc(out, c->addr, c->func, c->file, c->line, c->inlined, c->m);
	}
	free(ls.cands);
	return (int)(out->n - before);
}

/* ---- symbols and addresses ---- */

static uint64_t symbol_in(const struct nat_module *m, const char *name)
{
	int nsyms = dwfl_module_getsymtab(m->mod);

	for (int i = 1; i < nsyms; i++) {
		GElf_Sym sym;
		GElf_Addr addr;
		GElf_Word shndx;
		const char *nm =
		    dwfl_module_getsym_info(m->mod, i, &sym, &addr, &shndx, NULL, NULL);
		if (nm && shndx != SHN_UNDEF && !strcmp(nm, name))
			return addr;
	}
	return 0;
}

uint64_t nat_syms_symbol_addr(struct nat_syms *s, const struct nat_module *m, const char *name)
{
	for (size_t i = 0; i < s->n; i++) {
		if (!selected(s->mods[i], m))
			continue;
		uint64_t a = symbol_in(s->mods[i], name);
		if (a)
			return a;
	}
	return 0;
}

static struct nat_module *module_of(struct nat_syms *s, Dwfl_Module *mod)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->mods[i]->mod == mod)
			return s->mods[i];
	return NULL;
}

static void dwarf_info(Dwfl_Module *mod, uint64_t addr, struct nat_addrinfo *out)
{
	Dwarf_Addr bias;
	Dwarf_Die *cu = dwfl_module_addrdie(mod, addr, &bias);
	Dwarf_Off key;
	const char *fn = NULL, *file;
	bool inl;
	int line;

	if (!cu)
		return;
	if (function_instance(cu, addr - bias, &key, &fn, &inl) && fn)
		out->func = xstrdup(fn);
	if (line_at(cu, addr - bias, &file, &line)) {
		out->file = xstrdup(file);
		out->line = line;
	}
}

int nat_syms_addr_info(struct nat_syms *s, uint64_t addr, struct nat_addrinfo *out)
{
	memset(out, 0, sizeof(*out));
	Dwfl_Module *mod = dwfl_addrmodule(s->dwfl, addr);
	if (!mod)
		return 0;
	out->module = module_of(s, mod);
	if (!out->module)
		return 0;

	GElf_Off off = 0;
	GElf_Sym sym;
	const char *name = dwfl_module_addrinfo(mod, addr, &off, &sym, NULL, NULL, NULL);
	if (name) {
		out->sym = xstrdup(name);
		out->sym_addr = addr - off;
		out->sym_size = sym.st_size;
	}
	dwarf_info(mod, addr, out);
	if (!out->func && out->sym)
		out->func = xstrdup(out->sym);
	return 0;
}

void nat_addrinfo_clear(struct nat_addrinfo *ai)
{
	free(ai->func);
	free(ai->sym);
	free(ai->file);
	ai->func = ai->sym = ai->file = NULL;
}

Dwfl *nat_syms_dwfl(struct nat_syms *s)
{
	return s->dwfl;
}

struct nat_unwind_state **nat_syms_unwind_state(struct nat_syms *s)
{
	return &s->unwind;
}
