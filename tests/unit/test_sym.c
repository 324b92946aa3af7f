/* test_sym.c: unit test of src/native/sym.c (symbols and lines through elfutils).
 *
 * Build and run from the repository root:
 *   gcc -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -g -Isrc src/native/sym.c src/util/err.c \
 *       src/util/xalloc.c tests/unit/test_sym.c -ldw -lelf -o build/test_sym && build/test_sym
 * Optional argument: the C compiler to use (default: gcc from PATH). The fixtures
 * (tests/unit/fixtures/sym_*.c) are compiled at run time into a temporary directory under
 * $TMPDIR (or /tmp), found from the current directory or from the test binary's location.
 * Lines in the fixtures are named by "@name" markers in comments, so the test does not hard-code
 * line numbers. Prints "ok NAME" / "not ok NAME: why" per check, then "N passed, N failed".
 */
#include <dlfcn.h>
#include <elfutils/libdwelf.h>
#include <fcntl.h>
#include <ftw.h>
#include <gelf.h>
#include <libelf.h>
#include <link.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "native/sym.h"
#include "util/xalloc.h"

#define PIE_BIAS 0x555555554000ULL
#define LIB_BIAS 0x7f1234560000ULL

/* Test run state. */
struct t {
	int pass;	/* checks passed */
	int fail;	/* checks failed */
	const char *cc; /* C compiler */
	char *fixtures; /* directory of the fixture sources */
	char *tmp;	/* temporary directory (removed at the end) */
};

static void check(struct t *t, bool ok, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void check(struct t *t, bool ok, const char *name, const char *fmt, ...)
{
	if (ok) {
		t->pass++;
		printf("ok %s\n", name);
		return;
	}
	t->fail++;
	printf("not ok %s: ", name);
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* ---- helpers ---- */

/* s quoted for sh (caller frees). */
static char *shq(const char *s)
{
	size_t n = 3;
	for (const char *p = s; *p; p++)
		n += *p == '\'' ? 4 : 1;
	char *q = xmalloc(n), *o = q;
	*o++ = '\'';
	for (const char *p = s; *p; p++) {
		if (*p == '\'') {
			memcpy(o, "'\\''", 4);
			o += 4;
		} else {
			*o++ = *p;
		}
	}
	*o++ = '\'';
	*o = 0;
	return q;
}

/* Runs a shell command; true on exit status 0. */
static bool run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static bool run(const char *fmt, ...)
{
	va_list ap;
	char *cmd = NULL;
	va_start(ap, fmt);
	int n = vasprintf(&cmd, fmt, ap);
	va_end(ap);
	if (n < 0)
		return false;
	fflush(stdout);
	int rc = system(cmd);
	if (rc != 0)
		fprintf(stderr, "command failed (%d): %s\n", rc, cmd);
	free(cmd);
	return rc == 0;
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The fixture directory: tests/unit/fixtures under the current directory or under an ancestor
 * of the test binary's directory (the Makefile runs unit tests from a scratch directory). */
static char *find_fixtures(void)
{
	if (exists("tests/unit/fixtures/sym_prog.c"))
		return realpath("tests/unit/fixtures", NULL);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = 0;
	for (char *slash = strrchr(exe, '/'); slash; slash = strrchr(exe, '/')) {
		*slash = 0;
		char *cand = xasprintf("%s/tests/unit/fixtures/sym_prog.c", exe);
		bool ok = exists(cand);
		free(cand);
		if (ok)
			return xasprintf("%s/tests/unit/fixtures", exe);
	}
	return NULL;
}

/* Line number of the first line of path containing marker, 0 if none. */
static int marker_line(const char *path, const char *marker)
{
	FILE *f = fopen(path, "r");
	char buf[1024];
	int line = 0, found = 0;
	if (!f)
		return 0;
	while (!found && fgets(buf, sizeof(buf), f)) {
		line++;
		if (strstr(buf, marker))
			found = line;
	}
	fclose(f);
	return found;
}

/* Value and size of symbol name in path's .symtab (or .dynsym). */
static bool elf_symbol(const char *path, const char *name, uint64_t *value, uint64_t *size)
{
	int fd = open(path, O_RDONLY);
	bool found = false;
	if (fd < 0)
		return false;
	elf_version(EV_CURRENT);
	Elf *e = elf_begin(fd, ELF_C_READ, NULL);
	Elf_Scn *scn = NULL;
	while (e && !found && (scn = elf_nextscn(e, scn))) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) ||
		    (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM))
			continue;
		Elf_Data *d = elf_getdata(scn, NULL);
		size_t n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
		for (size_t i = 0; d && i < n && !found; i++) {
			GElf_Sym sym;
			const char *nm;
			if (!gelf_getsym(d, (int)i, &sym) || sym.st_shndx == SHN_UNDEF)
				continue;
			nm = elf_strptr(e, sh.sh_link, sym.st_name);
			if (nm && !strcmp(nm, name)) {
				*value = sym.st_value;
				*size = sym.st_size;
				found = true;
			}
		}
	}
	elf_end(e);
	close(fd);
	return found;
}

/* Lower-case hex build-id of path (caller frees), NULL if none. */
static char *build_id(const char *path)
{
	int fd = open(path, O_RDONLY);
	char *hex = NULL;
	if (fd < 0)
		return NULL;
	elf_version(EV_CURRENT);
	Elf *e = elf_begin(fd, ELF_C_READ, NULL);
	const void *id = NULL;
	ssize_t n = e ? dwelf_elf_gnu_build_id(e, &id) : -1;
	if (n > 1) {
		hex = xmalloc((size_t)n * 2 + 1);
		for (ssize_t i = 0; i < n; i++)
			sprintf(hex + i * 2, "%02x", ((const unsigned char *)id)[i]);
	}
	elf_end(e);
	close(fd);
	return hex;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t ls = s ? strlen(s) : 0, lf = strlen(suffix);
	return s && ls >= lf && !strcmp(s + ls - lf, suffix);
}

static bool streq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static const char *str(const char *s)
{
	return s ? s : "(null)";
}

/* Compiles fixture src (a name under fixtures) to out with extra flags. */
static bool build(struct t *t, const char *src, const char *out, const char *flags)
{
	char *s = xasprintf("%s/%s", t->fixtures, src);
	char *qs = shq(s), *qo = shq(out), *qcc = shq(t->cc);
	bool ok = run("%s %s %s -o %s", qcc, flags, qs, qo);
	free(s);
	free(qs);
	free(qo);
	free(qcc);
	return ok;
}

static char *tmp_path(struct t *t, const char *name)
{
	return xasprintf("%s/%s", t->tmp, name);
}

static char *fixture_path(struct t *t, const char *name)
{
	return xasprintf("%s/%s", t->fixtures, name);
}

/* ---- test cases ---- */

/* Lines of sym_prog.c named by markers. */
struct prog_lines {
	int helper_first;  /* first statement of helper */
	int main_first;	   /* first statement of main */
	int comment_line;  /* a line without code inside main */
	int after_comment; /* the next line with code */
};

static void prog_lines(struct t *t, struct prog_lines *pl)
{
	char *src = fixture_path(t, "sym_prog.c");
	pl->helper_first = marker_line(src, "@helper_first");
	pl->main_first = marker_line(src, "@main_first");
	pl->comment_line = marker_line(src, "@comment_line");
	pl->after_comment = marker_line(src, "@after_comment");
	free(src);
}

/* Checks one location of a function in sym_prog. */
static void check_func_loc(struct t *t, const char *label, const struct nat_loc_list *l,
			   const char *func, int line, uint64_t lo, uint64_t hi,
			   const struct nat_module *m)
{
	char name[256];
	snprintf(name, sizeof(name), "%s: find_function(%s) one location", label, func);
	check(t, l->n == 1, name, "got %zu", l->n);
	if (l->n != 1)
		return;
	const struct nat_loc *v = &l->v[0];
	snprintf(name, sizeof(name), "%s: %s address past the prologue inside the symbol", label,
		 func);
	check(t, v->addr > lo && v->addr < hi, name, "0x%llx not in (0x%llx, 0x%llx)",
	      (unsigned long long)v->addr, (unsigned long long)lo, (unsigned long long)hi);
	snprintf(name, sizeof(name), "%s: %s location line/file/func", label, func);
	check(t,
	      v->line == line && ends_with(v->file, "/sym_prog.c") && streq(v->func, func) &&
		  !v->inlined && v->module == m,
	      name, "line %d (want %d) file %s func %s inlined %d", v->line, line, str(v->file),
	      str(v->func), v->inlined);
}

/* find_function, find_line, addr_info and symbol_addr on sym_prog built with flags, loaded at
 * bias. Returns helper's location address (0 on failure). */
static uint64_t check_prog_at(struct t *t, const char *label, const char *exe, uint64_t bias)
{
	struct prog_lines pl;
	struct nat_syms *s = NULL;
	struct mx_err err = {{0}};
	const struct nat_module *m = NULL, *m2 = NULL;
	struct nat_loc_list l = {0};
	char name[256];
	uint64_t hval = 0, hsize = 0, mval = 0, msize = 0, helper_addr = 0;

	prog_lines(t, &pl);
	if (!elf_symbol(exe, "helper", &hval, &hsize) || !elf_symbol(exe, "main", &mval, &msize)) {
		check(t, false, label, "cannot read symbols of %s", exe);
		return 0;
	}
	snprintf(name, sizeof(name), "%s: add_module", label);
	check(t,
	      nat_syms_new(&s, NULL, &err) == 0 && nat_syms_add_module(s, exe, bias, &m, &err) == 0,
	      name, "%s", err.msg);
	if (!m) {
		nat_syms_free(s);
		return 0;
	}
	snprintf(name, sizeof(name), "%s: re-adding returns the same module", label);
	check(t,
	      nat_syms_add_module(s, exe, bias, &m2, &err) == 0 && m2 == m &&
		  nat_syms_module_count(s) == 1 && nat_syms_module_at(s, 0) == m,
	      name, "m2 %p m %p count %zu", (const void *)m2, (const void *)m,
	      nat_syms_module_count(s));
	snprintf(name, sizeof(name), "%s: module path and bias", label);
	check(t, streq(nat_module_path(m), exe) && nat_module_bias(m) == bias, name, "%s 0x%llx",
	      nat_module_path(m), (unsigned long long)nat_module_bias(m));

	snprintf(name, sizeof(name), "%s: symbol_addr is file value + bias", label);
	check(t,
	      nat_syms_symbol_addr(s, m, "helper") == hval + bias &&
		  nat_syms_symbol_addr(s, NULL, "main") == mval + bias &&
		  nat_syms_symbol_addr(s, m, "no_such_symbol") == 0,
	      name, "helper 0x%llx want 0x%llx",
	      (unsigned long long)nat_syms_symbol_addr(s, m, "helper"),
	      (unsigned long long)(hval + bias));

	nat_syms_find_function(s, m, "helper", &l);
	check_func_loc(t, label, &l, "helper", pl.helper_first, hval + bias, hval + hsize + bias,
		       m);
	if (l.n == 1)
		helper_addr = l.v[0].addr;
	nat_loc_list_clear(&l);
	nat_syms_find_function(s, NULL, "main", &l);
	check_func_loc(t, label, &l, "main", pl.main_first, mval + bias, mval + msize + bias, m);
	nat_loc_list_clear(&l);
	snprintf(name, sizeof(name), "%s: find_function of an unknown name", label);
	check(t, nat_syms_find_function(s, NULL, "no_such_function", &l) == 0 && l.n == 0, name,
	      "got %zu", l.n);
	nat_loc_list_clear(&l);

	snprintf(name, sizeof(name), "%s: find_line on helper's first line", label);
	int n = nat_syms_find_line(s, NULL, "sym_prog.c", pl.helper_first, &l);
	check(t,
	      n == 1 && l.n == 1 && l.v[0].addr == helper_addr && l.v[0].line == pl.helper_first &&
		  streq(l.v[0].func, "helper") && ends_with(l.v[0].file, "/sym_prog.c") &&
		  l.v[0].module == m && !l.v[0].inlined,
	      name, "n %d addr 0x%llx (want 0x%llx) line %d func %s", n,
	      l.n ? (unsigned long long)l.v[0].addr : 0ULL, (unsigned long long)helper_addr,
	      l.n ? l.v[0].line : 0, l.n ? str(l.v[0].func) : "-");
	nat_loc_list_clear(&l);

	snprintf(name, sizeof(name), "%s: find_line on a comment line moves to the next code line",
		 label);
	n = nat_syms_find_line(s, m, "sym_prog.c", pl.comment_line, &l);
	check(t,
	      n == 1 && l.v[0].line == pl.after_comment && streq(l.v[0].func, "main") &&
		  l.v[0].addr > mval + bias && l.v[0].addr < mval + msize + bias,
	      name, "n %d line %d (want %d) func %s", n, n ? l.v[0].line : 0, pl.after_comment,
	      n ? str(l.v[0].func) : "-");
	nat_loc_list_clear(&l);

	char *full = fixture_path(t, "sym_prog.c");
	snprintf(name, sizeof(name), "%s: find_line by full path; suffix only at a '/'", label);
	int nfull = nat_syms_find_line(s, m, full, pl.main_first, &l);
	int npart = nat_syms_find_line(s, m, "prog.c", pl.main_first, &l);
	check(t, nfull == 1 && npart == 0, name, "full %d partial %d", nfull, npart);
	nat_loc_list_clear(&l);
	free(full);

	struct nat_addrinfo ai = {0};
	uint64_t lo = 0, hi = 0;
	nat_module_range(m, &lo, &hi);
	snprintf(name, sizeof(name), "%s: addr_info round trip", label);
	check(t,
	      nat_syms_addr_info(s, helper_addr, &ai) == 0 && ai.module == m &&
		  streq(ai.func, "helper") && streq(ai.sym, "helper") &&
		  ai.sym_addr == hval + bias && ai.line == pl.helper_first &&
		  ends_with(ai.file, "/sym_prog.c"),
	      name, "module %p func %s sym %s sym_addr 0x%llx file %s line %d",
	      (const void *)ai.module, str(ai.func), str(ai.sym), (unsigned long long)ai.sym_addr,
	      str(ai.file), ai.line);
	nat_addrinfo_clear(&ai);
	snprintf(name, sizeof(name), "%s: addr_info outside every module", label);
	check(t,
	      nat_syms_addr_info(s, hi + 0x100000, &ai) == 0 && !ai.module && !ai.func && !ai.file,
	      name, "module %p", (const void *)ai.module);
	nat_addrinfo_clear(&ai);

	snprintf(name, sizeof(name), "%s: module range holds the code", label);
	check(t, lo >= bias && lo <= helper_addr && helper_addr < hi, name, "[0x%llx, 0x%llx)",
	      (unsigned long long)lo, (unsigned long long)hi);
	const char *dbg = NULL;
	snprintf(name, sizeof(name), "%s: has_dwarf in the file itself", label);
	check(t, nat_module_has_dwarf(m, &dbg) && streq(dbg, exe), name, "debug_path %s", str(dbg));

	nat_syms_free(s);
	return helper_addr;
}

static void check_prog(struct t *t, const char *label, const char *flags)
{
	char *exe = tmp_path(t, label);
	if (!build(t, "sym_prog.c", exe, flags)) {
		check(t, false, label, "cannot build the fixture");
		free(exe);
		return;
	}
	char l0[128], lb[128];
	snprintf(l0, sizeof(l0), "%s bias 0", label);
	snprintf(lb, sizeof(lb), "%s bias 0x%llx", label, PIE_BIAS);
	uint64_t a0 = check_prog_at(t, l0, exe, 0);
	uint64_t ab = check_prog_at(t, lb, exe, PIE_BIAS);
	char name[160];
	snprintf(name, sizeof(name), "%s: run-time address shifts by the bias", label);
	check(t, a0 && ab - a0 == PIE_BIAS, name, "0x%llx vs 0x%llx", (unsigned long long)a0,
	      (unsigned long long)ab);
	free(exe);
}

/* A non-PIE executable (ET_EXEC): addresses are the file's own, bias 0. */
static void check_exec(struct t *t)
{
	char *exe = tmp_path(t, "prog_exec");
	struct nat_syms *s = NULL;
	struct mx_err err = {{0}};
	const struct nat_module *m = NULL;
	struct nat_loc_list l = {0};
	uint64_t v = 0, sz = 0;
	struct prog_lines pl;

	prog_lines(t, &pl);
	if (!build(t, "sym_prog.c", exe, "-g -O0 -fno-pie -no-pie") ||
	    !elf_symbol(exe, "helper", &v, &sz)) {
		check(t, false, "non-PIE", "cannot build the fixture");
		free(exe);
		return;
	}
	nat_syms_new(&s, NULL, &err);
	check(t, nat_syms_add_module(s, exe, 0, &m, &err) == 0, "non-PIE: add_module", "%s",
	      err.msg);
	if (m) {
		nat_syms_find_function(s, m, "helper", &l);
		check_func_loc(t, "non-PIE", &l, "helper", pl.helper_first, v, v + sz, m);
	}
	nat_loc_list_clear(&l);
	nat_syms_free(s);
	free(exe);
}

/* Range [lo, hi) of symbol name in exe. */
static bool sym_range(const char *exe, const char *name, uint64_t *lo, uint64_t *hi)
{
	uint64_t sz = 0;
	if (!elf_symbol(exe, name, lo, &sz))
		return false;
	*hi = *lo + sz;
	return true;
}

/* A static inline function inlined in caller_a and caller_b (-O2). */
static void check_inline(struct t *t)
{
	char *exe = tmp_path(t, "prog_inline");
	char *src = fixture_path(t, "sym_inline.c");
	int body = marker_line(src, "@twice_body");
	struct nat_syms *s = NULL;
	struct mx_err err = {{0}};
	const struct nat_module *m = NULL;
	struct nat_loc_list l = {0};
	uint64_t alo = 0, ahi = 0, blo = 0, bhi = 0;

	if (!build(t, "sym_inline.c", exe, "-g -O2") || !sym_range(exe, "caller_a", &alo, &ahi) ||
	    !sym_range(exe, "caller_b", &blo, &bhi)) {
		check(t, false, "inline", "cannot build the fixture");
		goto out;
	}
	alo += PIE_BIAS, ahi += PIE_BIAS, blo += PIE_BIAS, bhi += PIE_BIAS;
	nat_syms_new(&s, NULL, &err);
	check(t, nat_syms_add_module(s, exe, PIE_BIAS, &m, &err) == 0, "inline: add_module", "%s",
	      err.msg);

	int n = nat_syms_find_function(s, NULL, "twice", &l);
	bool in_a = false, in_b = false, all_inl = n > 0;
	for (size_t i = 0; i < l.n; i++) {
		all_inl &= l.v[i].inlined && streq(l.v[i].func, "twice") && l.v[i].module == m;
		in_a |= l.v[i].addr >= alo && l.v[i].addr < ahi;
		in_b |= l.v[i].addr >= blo && l.v[i].addr < bhi;
	}
	check(t, n >= 2 && all_inl && in_a && in_b,
	      "inline: find_function gives both inlined copies",
	      "n %d all inlined %d in caller_a %d in caller_b %d", n, all_inl, in_a, in_b);
	nat_loc_list_clear(&l);

	n = nat_syms_find_line(s, NULL, "sym_inline.c", body, &l);
	in_a = in_b = false;
	bool lines_ok = n > 0;
	for (size_t i = 0; i < l.n; i++) {
		in_a |= l.v[i].addr >= alo && l.v[i].addr < ahi;
		in_b |= l.v[i].addr >= blo && l.v[i].addr < bhi;
		lines_ok &= l.v[i].line == body && ends_with(l.v[i].file, "/sym_inline.c");
	}
	check(t, n >= 2 && in_a && in_b && lines_ok,
	      "inline: find_line in the inlined body gives a location per copy",
	      "n %d in caller_a %d in caller_b %d lines ok %d", n, in_a, in_b, lines_ok);
	nat_loc_list_clear(&l);

	n = nat_syms_find_function(s, m, "caller_a", &l);
	check(t, n == 1 && !l.v[0].inlined && l.v[0].addr >= alo && l.v[0].addr < ahi,
	      "inline: out-of-line caller_a found once", "n %d", n);
	nat_loc_list_clear(&l);
out:
	nat_syms_free(s);
	free(src);
	free(exe);
}

/* Separate debug info found by build-id under a debug root, and by .gnu_debuglink. */
static void check_split(struct t *t)
{
	char *exe = tmp_path(t, "prog_split"), *dbg = tmp_path(t, "prog_split.debug");
	char *root = tmp_path(t, "debugroot"), *id = NULL, *idfile = NULL;
	char *qe = shq(exe), *qd = shq(dbg);
	struct nat_syms *s = NULL;
	struct mx_err err = {{0}};
	const struct nat_module *m = NULL;
	struct nat_loc_list l = {0};
	const char *dpath = NULL;
	struct prog_lines pl;

	prog_lines(t, &pl);
	if (!build(t, "sym_prog.c", exe, "-g -O0 -Wl,--build-id") ||
	    !run("objcopy --only-keep-debug %s %s", qe, qd) ||
	    !run("objcopy --strip-debug --add-gnu-debuglink=%s %s", qd, qe) ||
	    !(id = build_id(exe))) {
		check(t, false, "split build-id", "cannot build the fixture");
		goto debuglink;
	}
	char *dir = xasprintf("%s/.build-id/%.2s", root, id);
	idfile = xasprintf("%s/%s.debug", dir, id + 2);
	char *qdir = shq(dir), *qid = shq(idfile);
	bool moved = run("mkdir -p %s && mv %s %s", qdir, qd, qid);
	free(dir);
	free(qdir);
	free(qid);
	if (!moved) {
		check(t, false, "split build-id", "cannot place the debug file");
		goto debuglink;
	}

	/* without the root, only the ELF symbols are there */
	nat_syms_new(&s, NULL, &err);
	nat_syms_add_module(s, exe, PIE_BIAS, &m, &err);
	int n = m ? nat_syms_find_function(s, m, "helper", &l) : -1;
	check(t, m && !nat_module_has_dwarf(m, &dpath) && n == 1 && !l.v[0].file,
	      "split: stripped file without its debug root has no DWARF, symbols only", "m %p n %d",
	      (const void *)m, n);
	nat_loc_list_clear(&l);
	nat_syms_free(s);

	s = NULL;
	m = NULL;
	nat_syms_new(&s, root, &err);
	check(t, nat_syms_add_module(s, exe, PIE_BIAS, &m, &err) == 0, "split build-id: add_module",
	      "%s", err.msg);
	if (m) {
		check(t, nat_module_has_dwarf(m, &dpath) && streq(dpath, idfile),
		      "split build-id: DWARF from ROOT/.build-id/xx/rest.debug", "debug_path %s",
		      str(dpath));
		n = nat_syms_find_line(s, m, "sym_prog.c", pl.helper_first, &l);
		check(t, n == 1 && l.v[0].line == pl.helper_first && streq(l.v[0].func, "helper"),
		      "split build-id: find_line", "n %d", n);
		nat_loc_list_clear(&l);
		n = nat_syms_find_function(s, m, "main", &l);
		check(t, n == 1 && l.v[0].line == pl.main_first, "split build-id: find_function",
		      "n %d line %d", n, n ? l.v[0].line : 0);
		nat_loc_list_clear(&l);
	}
	nat_syms_free(s);

debuglink:
	free(exe);
	free(dbg);
	free(qe);
	free(qd);
	exe = tmp_path(t, "linkdir/prog_link");
	dbg = tmp_path(t, "linkdir/prog_link.debug");
	qe = shq(exe);
	qd = shq(dbg);
	char *ldir = tmp_path(t, "linkdir"), *qldir = shq(ldir);
	s = NULL;
	m = NULL;
	/* no build-id, so only the debuglink can find the file */
	if (!run("mkdir -p %s", qldir) ||
	    !build(t, "sym_prog.c", exe, "-g -O0 -Wl,--build-id=none") ||
	    !run("objcopy --only-keep-debug %s %s", qe, qd) ||
	    !run("cd %s && objcopy --strip-debug --add-gnu-debuglink=prog_link.debug prog_link",
		 qldir)) {
		check(t, false, "split debuglink", "cannot build the fixture");
	} else {
		nat_syms_new(&s, NULL, &err);
		check(t, nat_syms_add_module(s, exe, PIE_BIAS, &m, &err) == 0,
		      "split debuglink: add_module", "%s", err.msg);
		if (m) {
			check(t,
			      nat_module_has_dwarf(m, &dpath) &&
				  ends_with(dpath, "/prog_link.debug"),
			      "split debuglink: DWARF from the .gnu_debuglink file",
			      "debug_path %s", str(dpath));
			n = nat_syms_find_line(s, m, "sym_prog.c", pl.comment_line, &l);
			check(t, n == 1 && l.v[0].line == pl.after_comment,
			      "split debuglink: find_line", "n %d", n);
			nat_loc_list_clear(&l);
		}
		nat_syms_free(s);
	}
	free(ldir);
	free(qldir);
	free(exe);
	free(dbg);
	free(qe);
	free(qd);
	free(root);
	free(id);
	free(idfile);
}

static void check_errors(struct t *t)
{
	struct nat_syms *s = NULL;
	struct mx_err err = {{0}};
	const struct nat_module *m = NULL;
	const char *missing = "/nonexistent/mixdbg/no-such-lib.so";

	nat_syms_new(&s, NULL, &err);
	int rc = nat_syms_add_module(s, missing, 0, &m, &err);
	check(t, rc < 0 && strstr(err.msg, missing) && !m && nat_syms_module_count(s) == 0,
	      "error: missing file names the path", "rc %d msg '%s'", rc, err.msg);
	err.msg[0] = 0;
	char *src = fixture_path(t, "sym_prog.c");
	rc = nat_syms_add_module(s, src, 0, &m, &err);
	check(t, rc < 0 && strstr(err.msg, src) && !m && nat_syms_module_count(s) == 0,
	      "error: non-ELF file names the path", "rc %d msg '%s'", rc, err.msg);
	free(src);
	nat_syms_free(s);
}

/* A shared library at a bias, next to the program; removal and clearing. */
static void check_lib_and_remove(struct t *t)
{
	char *lib = tmp_path(t, "libsym.so"), *exe = tmp_path(t, "prog_rm");
	char *src = fixture_path(t, "sym_lib.c");
	int lib_first = marker_line(src, "@lib_first");
	struct nat_syms *s = NULL;
	struct mx_err err = {{0}};
	const struct nat_module *pm = NULL, *lm = NULL;
	struct nat_loc_list l = {0};
	struct nat_addrinfo ai = {0};
	uint64_t v = 0, sz = 0;

	if (!build(t, "sym_lib.c", lib, "-g -O0 -shared -fPIC") ||
	    !build(t, "sym_prog.c", exe, "-g -O0") || !elf_symbol(lib, "lib_func", &v, &sz)) {
		check(t, false, "shared library", "cannot build the fixtures");
		goto out;
	}
	nat_syms_new(&s, NULL, &err);
	check(t,
	      nat_syms_add_module(s, exe, PIE_BIAS, &pm, &err) == 0 &&
		  nat_syms_add_module(s, lib, LIB_BIAS, &lm, &err) == 0 &&
		  nat_syms_module_count(s) == 2 && nat_syms_module_at(s, 1) == lm,
	      "shared library: add next to the program", "%s", err.msg);
	if (!pm || !lm)
		goto out;
	int n = nat_syms_find_function(s, NULL, "lib_func", &l);
	check(t,
	      n == 1 && l.v[0].module == lm && l.v[0].addr > v + LIB_BIAS &&
		  l.v[0].addr < v + sz + LIB_BIAS && l.v[0].line == lib_first &&
		  ends_with(l.v[0].file, "/sym_lib.c"),
	      "shared library: find_function at the bias", "n %d addr 0x%llx line %d", n,
	      n ? (unsigned long long)l.v[0].addr : 0ULL, n ? l.v[0].line : 0);
	uint64_t lib_addr = n == 1 ? l.v[0].addr : 0;
	nat_loc_list_clear(&l);
	check(t, nat_syms_symbol_addr(s, lm, "lib_func") == v + LIB_BIAS,
	      "shared library: symbol_addr", "0x%llx",
	      (unsigned long long)nat_syms_symbol_addr(s, lm, "lib_func"));
	nat_syms_addr_info(s, lib_addr, &ai);
	check(t, ai.module == lm && streq(ai.func, "lib_func") && ai.line == lib_first,
	      "shared library: addr_info", "func %s line %d", str(ai.func), ai.line);
	nat_addrinfo_clear(&ai);

	nat_syms_find_function(s, pm, "helper", &l);
	uint64_t helper_addr = l.n ? l.v[0].addr : 0;
	nat_loc_list_clear(&l);

	nat_syms_remove_module(s, pm);
	pm = NULL;
	check(t, nat_syms_module_count(s) == 1 && nat_syms_module_at(s, 0) == lm,
	      "remove: one module left", "count %zu", nat_syms_module_count(s));
	n = nat_syms_find_function(s, NULL, "helper", &l);
	nat_loc_list_clear(&l);
	int nl = nat_syms_find_line(s, NULL, "sym_prog.c", 1, &l);
	nat_loc_list_clear(&l);
	nat_syms_addr_info(s, helper_addr, &ai);
	check(t,
	      helper_addr && n == 0 && nl == 0 && !ai.module &&
		  nat_syms_symbol_addr(s, NULL, "helper") == 0,
	      "remove: lookups in the removed module fail", "find_function %d find_line %d", n, nl);
	nat_addrinfo_clear(&ai);
	n = nat_syms_find_line(s, NULL, "sym_lib.c", lib_first, &l);
	check(t, n == 1 && l.v[0].addr == lib_addr, "remove: the other module still answers",
	      "n %d", n);
	nat_loc_list_clear(&l);
	nat_syms_addr_info(s, lib_addr, &ai);
	check(t, ai.module == lm && streq(ai.func, "lib_func"),
	      "remove: addr_info in the surviving module", "func %s", str(ai.func));
	nat_addrinfo_clear(&ai);

	nat_syms_clear(s);
	n = nat_syms_find_function(s, NULL, "lib_func", &l);
	check(t, nat_syms_module_count(s) == 0 && n == 0, "clear: no module left", "n %d", n);
	nat_loc_list_clear(&l);
	lm = NULL;
	check(t,
	      nat_syms_add_module(s, lib, LIB_BIAS, &lm, &err) == 0 &&
		  nat_syms_find_function(s, lm, "lib_func", &l) == 1 && l.v[0].addr == lib_addr,
	      "clear: adding again works", "%s", err.msg);
	nat_loc_list_clear(&l);
out:
	nat_syms_free(s);
	free(src);
	free(lib);
	free(exe);
}

/* Where libc.so.6 is loaded in this process. */
struct libc_info {
	char path[PATH_MAX]; /* its file */
	uint64_t bias;	     /* its l_addr */
};

static int find_libc(struct dl_phdr_info *info, size_t size, void *data)
{
	struct libc_info *li = data;
	(void)size;
	if (!info->dlpi_name || !strstr(info->dlpi_name, "/libc.so"))
		return 0;
	snprintf(li->path, sizeof(li->path), "%s", info->dlpi_name);
	li->bias = info->dlpi_addr;
	return 1;
}

/* The real libc of this process at its real bias: functions without DWARF. */
static void check_libc(struct t *t)
{
	struct libc_info li = {.bias = 0};
	struct nat_syms *s = NULL;
	struct mx_err err = {{0}};
	const struct nat_module *m = NULL;
	struct nat_loc_list l = {0};
	struct nat_addrinfo ai = {0};

	void *h = dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD);
	void *puts_addr = h ? dlsym(h, "puts") : NULL;
	if (!dl_iterate_phdr(find_libc, &li) || !puts_addr) {
		check(t, false, "libc", "cannot find libc in this process");
		goto out;
	}
	nat_syms_new(&s, NULL, &err);
	check(t, nat_syms_add_module(s, li.path, li.bias, &m, &err) == 0, "libc: add_module", "%s",
	      err.msg);
	if (!m)
		goto out;
	uint64_t want = (uint64_t)(uintptr_t)puts_addr;
	check(t, nat_syms_symbol_addr(s, m, "puts") == want, "libc: symbol_addr(puts) is dlsym's",
	      "0x%llx vs 0x%llx", (unsigned long long)nat_syms_symbol_addr(s, m, "puts"),
	      (unsigned long long)want);
	int n = nat_syms_find_function(s, m, "puts", &l);
	bool found = false;
	for (size_t i = 0; i < l.n; i++)
		found |= l.v[i].addr == want && streq(l.v[i].func, "puts");
	check(t, n >= 1 && found, "libc: find_function(puts) by ELF symbol", "n %d", n);
	nat_loc_list_clear(&l);
	nat_syms_addr_info(s, want + 1, &ai);
	check(t,
	      ai.module == m && ai.sym && strstr(ai.sym, "puts") && ai.sym_addr == want && ai.func,
	      "libc: addr_info inside puts", "sym %s sym_addr 0x%llx", str(ai.sym),
	      (unsigned long long)ai.sym_addr);
	nat_addrinfo_clear(&ai);
out:
	if (h)
		dlclose(h);
	nat_syms_free(s);
}

static int count_fds(void)
{
	char buf[64];
	int n = 0;
	for (int fd = 0; fd < 1024; fd++) {
		snprintf(buf, sizeof(buf), "/proc/self/fd/%d", fd);
		n += access(buf, F_OK) == 0;
	}
	return n;
}

/* Repeated loading and unloading keeps no file open. */
static void check_fds(struct t *t)
{
	char *lib = tmp_path(t, "libsym.so"), *exe = tmp_path(t, "prog_rm");
	struct nat_syms *s = NULL;
	struct mx_err err = {{0}};
	struct nat_loc_list l = {0};
	int before = count_fds(), during = 0;

	nat_syms_new(&s, NULL, &err);
	for (int i = 0; i < 20; i++) {
		const struct nat_module *pm = NULL, *lm = NULL;
		nat_syms_add_module(s, exe, PIE_BIAS, &pm, &err);
		nat_syms_add_module(s, lib, LIB_BIAS + (uint64_t)i * 0x100000, &lm, &err);
		nat_syms_find_function(s, NULL, "lib_func", &l);
		nat_syms_find_function(s, NULL, "helper", &l);
		if (lm)
			nat_syms_remove_module(s, lm);
		if (i == 19)
			during = count_fds();
		if (pm && i % 2)
			nat_syms_remove_module(s, pm);
	}
	/* 20 lib_func copies at distinct biases, helper always at one address */
	check(t, l.n == 21 && during - before <= 4,
	      "files: repeated add/remove keeps few files open",
	      "locations %zu, %d files open before, %d during", l.n, before, during);
	nat_loc_list_clear(&l);
	nat_syms_free(s);
	check(t, count_fds() == before, "files: nat_syms_free closes every file",
	      "%d before, %d after", before, count_fds());
	free(lib);
	free(exe);
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int main(int argc, char **argv)
{
	struct t t = {.cc = argc > 1 ? argv[1] : "gcc"};
	const char *tmpdir = getenv("TMPDIR");

	setvbuf(stdout, NULL, _IOLBF, 0);
	t.fixtures = find_fixtures();
	t.tmp = xasprintf("%s/mixdbg-test-sym.XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp");
	if (!t.fixtures || !mkdtemp(t.tmp)) {
		check(&t, false, "setup", "no fixtures directory or no temporary directory");
	} else {
		check_prog(&t, "pie-dwarf5", "-g -O0 -fPIE -pie");
		check_prog(&t, "pie-dwarf4", "-gdwarf-4 -O0 -fPIE -pie");
		check_exec(&t);
		check_inline(&t);
		check_split(&t);
		check_errors(&t);
		check_lib_and_remove(&t);
		check_libc(&t);
		check_fds(&t);
		nftw(t.tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	}
	free(t.tmp);
	free(t.fixtures);
	printf("%d passed, %d failed\n", t.pass, t.fail);
	return t.fail ? 1 : 0;
}
