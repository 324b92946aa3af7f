/* sym.c: symbols and line tables of the program's modules, through elfutils (see sym.h).
 *
 * One Dwfl per process. Modules are reported with dwfl_report_elf at their load bias (for an
 * ET_DYN object, "base" with add_p_vaddr=false is the absolute load address of vaddr 0, which is
 * link_map.l_addr; ET_EXEC ignores it: libdwfl.h's table). Removal re-reports the survivors
 * between dwfl_report_begin and dwfl_report_end; dwfl then drops the rest and keeps the
 * Dwfl_Module of each re-reported file (same name and range).
 *
 * Separate debug files: dwfl_standard_find_debuginfo searches build-id links
 * (ROOT/.build-id/xx/rest.debug) under every absolute element of debuginfo_path, and the
 * .gnu_debuglink name in the object's directory, its .debug/ and under each root.
 */
#include "native/sym.h"

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
	char *path;        /* file reported */
	uint64_t bias;     /* load bias */
	Dwfl_Module *mod;  /* libdwfl's module */
};

struct nat_syms {
	Dwfl *dwfl;
	Dwfl_Callbacks cb;     /* must outlive dwfl */
	char *debuginfo_path;  /* what cb.debuginfo_path points to */
	struct nat_module **mods;
	size_t n, cap;
};

int nat_syms_new(struct nat_syms **out, const char *debug_dirs, struct mx_err *err)
{
	struct nat_syms *s = xcalloc(1, sizeof(*s));
	s->debuginfo_path = xasprintf(":.debug:/usr/lib/debug%s%s", debug_dirs ? ":" : "",
				      debug_dirs ? debug_dirs : "");
	s->cb.find_elf = dwfl_build_id_find_elf;
	s->cb.find_debuginfo = dwfl_standard_find_debuginfo;
	s->cb.section_address = dwfl_offline_section_address;
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
	dwfl_end(s->dwfl);
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
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return mx_err_errno(err, errno, "cannot open '%s'", path);
	dwfl_report_begin_add(s->dwfl);
	Dwfl_Module *mod = dwfl_report_elf(s->dwfl, path, path, fd, bias, false);
	dwfl_report_end(s->dwfl, NULL, NULL);
	if (!mod) {
		close(fd);
		return mx_err_set(err, "cannot read '%s' as an ELF file: %s", path, dwfl_errmsg(-1));
	}
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

/* Re-reports every module but `drop` (NULL: none). */
static void rereport(struct nat_syms *s)
{
	dwfl_report_begin(s->dwfl);
	for (size_t i = 0; i < s->n; i++) {
		struct nat_module *m = s->mods[i];
		Dwfl_Module *mod = dwfl_report_elf(s->dwfl, m->path, m->path, -1, m->bias, false);
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
	dwfl_report_begin(s->dwfl);
	dwfl_report_end(s->dwfl, NULL, NULL);
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
	dwfl_module_info(m->mod, NULL, NULL, NULL, NULL, NULL, &mainfile, &debugfile);
	if (debug_path)
		*debug_path = debugfile ? debugfile : mainfile;
	return dw != NULL;
}

size_t nat_syms_module_count(const struct nat_syms *s)
{
	return s->n;
}

const struct nat_module *nat_syms_module_at(const struct nat_syms *s, size_t i)
{
	return i < s->n ? s->mods[i] : NULL;
}

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

static void push_loc(struct nat_loc_list *out, uint64_t addr, const char *func, const char *file,
		     int line, bool inlined, const struct nat_module *m)
{
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].addr == addr)
			return;
	xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof(*out->v));
	struct nat_loc *l = &out->v[out->n++];
	l->addr = addr;
	l->func = func ? xstrdup(func) : NULL;
	l->file = file ? xstrdup(file) : NULL;
	l->line = line;
	l->inlined = inlined;
	l->module = m;
}

/* Name of a subprogram or inlined subroutine, following DW_AT_abstract_origin and
 * DW_AT_specification. */
static const char *die_name(Dwarf_Die *die)
{
	Dwarf_Attribute attr;
	if (dwarf_attr_integrate(die, DW_AT_name, &attr))
		return dwarf_formstring(&attr);
	return NULL;
}

/* The line-table row for a DWARF address (bias not applied), or its file/line. */
static bool line_at(Dwarf_Die *cu, Dwarf_Addr addr, const char **file, int *line)
{
	Dwarf_Line *l = dwarf_getsrc_die(cu, addr);
	if (!l)
		return false;
	*file = dwarf_linesrc(l, NULL, NULL);
	dwarf_lineno(l, line);
	return *file != NULL;
}

/* First address past the prologue: the first line-table row after lowpc inside the
 * function (gdb's rule when no prologue analysis is done). */
static Dwarf_Addr skip_prologue(Dwarf_Die *cu, Dwarf_Addr low, Dwarf_Addr high)
{
	Dwarf_Lines *lines;
	size_t n;
	if (dwarf_getsrclines(cu, &lines, &n) != 0)
		return low;
	Dwarf_Addr best = 0;
	for (size_t i = 0; i < n; i++) {
		Dwarf_Line *l = dwarf_onesrcline(lines, i);
		Dwarf_Addr a;
		bool end = false, stmt = false;
		if (!l || dwarf_lineaddr(l, &a) != 0)
			continue;
		dwarf_lineendsequence(l, &end);
		dwarf_linebeginstatement(l, &stmt);
		if (end || !stmt || a <= low || a >= high)
			continue;
		if (!best || a < best)
			best = a;
	}
	return best ? best : low;
}

struct fn_search {
	const char *name;
	const struct nat_module *m;
	Dwarf_Addr bias;
	Dwarf_Die *cu;
	struct nat_loc_list *out;
	Dwarf_Addr *lowpcs; /* entry points of DWARF definitions found (to skip ELF duplicates) */
	size_t nlow, caplow;
};

static void fn_visit(struct fn_search *fs, Dwarf_Die *die)
{
	int tag = dwarf_tag(die);
	if (tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine) {
		const char *nm = die_name(die);
		Dwarf_Addr low = 0, high = 0;
		if (nm && !strcmp(nm, fs->name)) {
			bool have = false;
			if (tag == DW_TAG_inlined_subroutine)
				have = dwarf_entrypc(die, &low) == 0;
			else
				have = dwarf_lowpc(die, &low) == 0;
			if (!have) {
				Dwarf_Addr base, start, end;
				have = dwarf_ranges(die, 0, &base, &start, &end) > 0;
				low = start;
			}
			if (have) {
				Dwarf_Addr addr = low;
				if (tag == DW_TAG_subprogram) {
					if (dwarf_highpc(die, &high) != 0)
						high = low + 1;
					addr = skip_prologue(fs->cu, low, high);
					xgrow((void **)&fs->lowpcs, &fs->caplow, fs->nlow + 1,
					      sizeof(*fs->lowpcs));
					fs->lowpcs[fs->nlow++] = low + fs->bias;
				}
				const char *file = NULL;
				int line = 0;
				line_at(fs->cu, addr, &file, &line);
				push_loc(fs->out, addr + fs->bias, nm, file, line,
					 tag == DW_TAG_inlined_subroutine, fs->m);
			}
		}
	}
	Dwarf_Die child;
	if (dwarf_child(die, &child) != 0)
		return;
	do
		fn_visit(fs, &child);
	while (dwarf_siblingof(&child, &child) == 0);
}

static void find_function_in(const struct nat_module *m, const char *name,
			     struct nat_loc_list *out)
{
	struct fn_search fs = {.name = name, .m = m, .out = out};
	Dwarf_Die *cu = NULL;
	Dwarf_Addr bias;
	while ((cu = dwfl_module_nextcu(m->mod, cu, &bias))) {
		fs.bias = bias;
		fs.cu = cu;
		fn_visit(&fs, cu);
	}
	/* ELF symbols: functions without DWARF (libc's, or a stripped program's) */
	int nsyms = dwfl_module_getsymtab(m->mod);
	for (int i = 1; i < nsyms; i++) {
		GElf_Sym sym;
		GElf_Addr addr;
		GElf_Word shndx;
		const char *nm =
			dwfl_module_getsym_info(m->mod, i, &sym, &addr, &shndx, NULL, NULL);
		if (!nm || strcmp(nm, name) != 0 || shndx == SHN_UNDEF)
			continue;
		int type = GELF_ST_TYPE(sym.st_info);
		if (type != STT_FUNC && type != STT_GNU_IFUNC)
			continue;
		bool dup = false;
		for (size_t k = 0; k < fs.nlow && !dup; k++)
			dup = fs.lowpcs[k] == addr;
		if (!dup)
			push_loc(out, addr, nm, NULL, 0, false, m);
	}
	free(fs.lowpcs);
}

int nat_syms_find_function(struct nat_syms *s, const struct nat_module *m, const char *name,
			   struct nat_loc_list *out)
{
	size_t before = out->n;
	for (size_t i = 0; i < s->n; i++)
		if (!m || s->mods[i] == m)
			find_function_in(s->mods[i], name, out);
	return (int)(out->n - before);
}

static bool path_matches(const char *path, const char *want)
{
	size_t lp = strlen(path), lw = strlen(want);
	if (lw > lp || strcmp(path + lp - lw, want) != 0)
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

struct line_cand {
	uint64_t addr;
	const struct nat_module *m;
	Dwarf_Off key; /* function instance */
	const char *func;
	const char *file;
	int line;
	bool inlined;
};

/* Scans one CU for rows of `line` in a matching file; records the smallest line > `line`
 * seen in a matching file in *next. */
static void scan_cu(const struct nat_module *m, Dwarf_Die *cu, Dwarf_Addr bias, const char *file,
		    int line, int *next, struct line_cand **cands, size_t *ncand, size_t *cap)
{
	Dwarf_Lines *lines;
	size_t n;
	if (dwarf_getsrclines(cu, &lines, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		Dwarf_Line *l = dwarf_onesrcline(lines, i);
		if (!l)
			continue;
		bool end = false, stmt = false;
		dwarf_lineendsequence(l, &end);
		dwarf_linebeginstatement(l, &stmt);
		if (end || !stmt)
			continue;
		const char *src = dwarf_linesrc(l, NULL, NULL);
		int ln = 0;
		dwarf_lineno(l, &ln);
		if (!src || !path_matches(src, file))
			continue;
		if (ln > line && (!*next || ln < *next))
			*next = ln;
		if (ln != line)
			continue;
		Dwarf_Addr a;
		if (dwarf_lineaddr(l, &a) != 0)
			continue;
		struct line_cand c = {.addr = a + bias, .m = m, .file = src, .line = ln};
		if (!function_instance(cu, a, &c.key, &c.func, &c.inlined))
			c.key = (Dwarf_Off)-1 - a; /* code outside any function: its own group */
		bool merged = false;
		for (size_t k = 0; k < *ncand; k++) {
			struct line_cand *o = &(*cands)[k];
			if (o->m == m && o->key == c.key) {
				if (c.addr < o->addr)
					*o = c;
				merged = true;
				break;
			}
		}
		if (!merged) {
			xgrow((void **)cands, cap, *ncand + 1, sizeof(**cands));
			(*cands)[(*ncand)++] = c;
		}
	}
}

static void scan_line(struct nat_syms *s, const struct nat_module *m, const char *file, int line,
		      int *next, struct line_cand **cands, size_t *ncand, size_t *cap)
{
	for (size_t i = 0; i < s->n; i++) {
		if (m && s->mods[i] != m)
			continue;
		Dwarf_Die *cu = NULL;
		Dwarf_Addr bias;
		while ((cu = dwfl_module_nextcu(s->mods[i]->mod, cu, &bias)))
			scan_cu(s->mods[i], cu, bias, file, line, next, cands, ncand, cap);
	}
}

int nat_syms_find_line(struct nat_syms *s, const struct nat_module *m, const char *file,
		       int line, struct nat_loc_list *out)
{
	struct line_cand *cands = NULL;
	size_t ncand = 0, cap = 0;
	int next = 0;
	scan_line(s, m, file, line, &next, &cands, &ncand, &cap);
	if (!ncand && next) {
		int unused = 0;
		scan_line(s, m, file, next, &unused, &cands, &ncand, &cap);
	}
	size_t before = out->n;
	for (size_t k = 0; k < ncand; k++)
		push_loc(out, cands[k].addr, cands[k].func, cands[k].file, cands[k].line,
			 cands[k].inlined, cands[k].m);
	free(cands);
	return (int)(out->n - before);
}

uint64_t nat_syms_symbol_addr(struct nat_syms *s, const struct nat_module *m, const char *name)
{
	(void)s;
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

static struct nat_module *module_of(struct nat_syms *s, Dwfl_Module *mod)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->mods[i]->mod == mod)
			return s->mods[i];
	return NULL;
}

int nat_syms_addr_info(struct nat_syms *s, uint64_t addr, struct nat_addrinfo *out)
{
	memset(out, 0, sizeof(*out));
	Dwfl_Module *mod = dwfl_addrmodule(s->dwfl, addr);
	if (!mod)
		return 0;
	out->module = module_of(s, mod);
	GElf_Off off = 0;
	GElf_Sym sym;
	const char *name = dwfl_module_addrinfo(mod, addr, &off, &sym, NULL, NULL, NULL);
	if (name) {
		out->sym = xstrdup(name);
		out->sym_addr = addr - off;
	}
	Dwarf_Addr bias;
	Dwarf_Die *cu = dwfl_module_addrdie(mod, addr, &bias);
	if (cu) {
		Dwarf_Off key;
		const char *fn = NULL;
		bool inl;
		if (function_instance(cu, addr - bias, &key, &fn, &inl) && fn)
			out->func = xstrdup(fn);

		const char *file;
		int line;
		if (line_at(cu, addr - bias, &file, &line)) {
			out->file = xstrdup(file);
			out->line = line;
		}
	}
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
