/* test_meta.c: unit test of src/meta (.NET metadata and portable PDB reader) against the C#
 * fixture tests/fixtures/cs/Meta, built by `make fixtures` into $FIXTURES/cs (FIXTURES defaults
 * to build/fixtures): Meta (standalone PDB), Meta_embedded (PDB embedded in the assembly) and
 * Meta_embedsrc (sources embedded in the PDB).
 *
 * Lines are found by "LINE:name" marker comments in the fixture's source (the copy the build
 * compiled, $FIXTURES/cs-src/Meta/Program.cs), so the test does not hard-code line numbers.
 * Damaged inputs (empty, not PE, truncated at many lengths, bytes flipped with a fixed seed, a
 * PDB of another build) must give errors, never crashes; the build with SAN=1 checks that
 * every access stays in bounds; on what still opens, the fuzzer's query walk
 * (fuzz/meta_exercise.h) runs every query.
 *
 * Run from the repository root: make fixtures build/unit/test_meta && build/unit/test_meta
 * (TEST_META_VERBOSE=1 also prints the answers for every marker). Prints "ok NAME" /
 * "not ok NAME: why" per check, then "N passed, N failed"; exits non-zero if any failed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "meta/meta.h"
#include "util/xalloc.h"

#include "../../fuzz/meta_exercise.h"

/* Test run state. */
struct t {
	int pass;	/* checks passed */
	int fail;	/* checks failed */
	char *fixtures; /* $FIXTURES */
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

static bool streq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t ls = s ? strlen(s) : 0, lf = strlen(suffix);
	return s && ls >= lf && !strcmp(s + ls - lf, suffix);
}

static const char *str(const char *s)
{
	return s ? s : "(null)";
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The whole file (NUL-terminated), NULL if unreadable. */
static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0, got;
	do {
		xgrow((void **)&buf, &cap, n + 4096 + 1, 1);
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = 0;
	*len = n;
	return buf;
}

static bool spill(const char *path, const uint8_t *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(data, 1, len, f) == len;
	if (f && fclose(f) != 0)
		ok = false;
	return ok;
}

static bool copy_file(const char *from, const char *to)
{
	size_t len;
	uint8_t *data = slurp(from, &len);
	bool ok = data && spill(to, data, len);
	free(data);
	return ok;
}

/* Line number of the line holding marker "LINE:name" (the whole name), 0 if none. */
static uint32_t marker_line(const char *path, const char *name)
{
	FILE *f = fopen(path, "r");
	char buf[1024], marker[128];
	uint32_t line = 0;
	snprintf(marker, sizeof(marker), "LINE:%s", name);
	size_t ml = strlen(marker);
	if (!f)
		return 0;
	while (fgets(buf, sizeof(buf), f)) {
		line++;
		for (char *p = strstr(buf, marker); p; p = strstr(p + 1, marker)) {
			char next = p[ml];
			if (!(next == '_' || (next >= 'a' && next <= 'z') ||
			      (next >= '0' && next <= '9'))) {
				fclose(f);
				return line;
			}
		}
	}
	fclose(f);
	return 0;
}

/* Lower-case hex SHA-256 of a file through sha256sum (caller frees), NULL on failure. */
static char *sha256_hex(const char *path)
{
	char *cmd = xasprintf("sha256sum '%s'", path), line[256];
	FILE *p = popen(cmd, "r");
	char *hex = NULL;
	free(cmd);
	if (!p)
		return NULL;
	if (fgets(line, sizeof(line), p) && strlen(line) > 64) {
		line[64] = 0;
		hex = xstrdup(line);
	}
	pclose(p);
	return hex;
}

static char *hex_of(const uint8_t *b, size_t n)
{
	char *hex = xmalloc(n * 2 + 1);
	for (size_t i = 0; i < n; i++)
		sprintf(hex + i * 2, "%02x", b[i]);
	hex[n * 2] = 0;
	return hex;
}

/* The only method matching query, 0 if none or several. */
static uint32_t one_method(const struct meta_image *img, const char *query)
{
	uint32_t *toks = NULL, tok = 0;
	size_t n = 0;
	struct mx_err err = {{0}};
	if (meta_find_methods(img, query, &toks, &n, &err) == 0 && n == 1)
		tok = toks[0];
	free(toks);
	return tok;
}

static char *full_name(const struct meta_image *img, uint32_t tok)
{
	char *s = NULL;
	struct mx_err err = {{0}};
	if (meta_method_full_name(img, tok, &s, &err) < 0)
		return xasprintf("<error: %s>", err.msg);
	return s;
}

static char *params_of(const struct meta_image *img, uint32_t tok)
{
	char *s = NULL;
	struct mx_err err = {{0}};
	if (meta_method_params(img, tok, &s, &err) < 0)
		return xasprintf("<error: %s>", err.msg);
	return s;
}

/* ---- one variant of the fixture ---- */

struct variant {
	const char *name; /* Meta, Meta_embedded, Meta_embedsrc */
	char *dll;
	char *src; /* the source the build compiled */
	struct meta_image *img;
	struct meta_pdb *pdb;
};

static bool open_variant(struct t *t, struct variant *v, const char *name)
{
	struct mx_err err = {{0}};
	char label[128];
	memset(v, 0, sizeof(*v));
	v->name = name;
	v->dll = xasprintf("%s/cs/%s/%s.dll", t->fixtures, name, name);
	v->src = xasprintf("%s/cs-src/%s/Program.cs", t->fixtures, name);
	snprintf(label, sizeof(label), "%s: open the assembly", name);
	check(t, meta_image_open(v->dll, &v->img, &err) == 0, label, "%s", err.msg);
	if (!v->img)
		return false;
	snprintf(label, sizeof(label), "%s: open its PDB", name);
	check(t, meta_pdb_open_for(v->img, v->dll, &v->pdb, &err) == 0, label, "%s", err.msg);
	return v->pdb != NULL;
}

static void close_variant(struct variant *v)
{
	meta_pdb_close(v->pdb);
	meta_image_close(v->img);
	free(v->dll);
	free(v->src);
}

/* ---- assembly metadata ---- */

static void test_names(struct t *t, const struct meta_image *img)
{
	struct mx_err err = {{0}};
	const char *name = NULL;
	char *s;

	check(t, meta_assembly_name(img, &name, &err) == 0 && streq(name, "Meta"), "assembly name",
	      "%s %s", str(name), err.msg);
	uint32_t main_tok = one_method(img, "Main");
	check(t, main_tok && main_tok == meta_entry_point(img), "Main is the entry point",
	      "Main 0x%08x entry 0x%08x", main_tok, meta_entry_point(img));

	uint32_t map = one_method(img, "Fixtures.Meta.Box.Map");
	s = full_name(img, map);
	check(t, map && streq(s, "Fixtures.Meta.Box<T>.Map<U>"), "generic method full name",
	      "0x%08x %s", map, s);
	free(s);
	check(t, one_method(img, "Box<T>.Map<U>") == map && one_method(img, "Box`1.Map") == map,
	      "generic lists and arity suffixes in queries are ignored", "%s", "");
	s = params_of(img, map);
	check(t, streq(s, "(System.Func<T, U>)"), "generic method parameters", "%s", s);
	free(s);
	s = NULL;
	meta_method_return_type(img, map, &s, &err);
	check(t, streq(s, "U"), "generic method return type", "%s", str(s));
	free(s);
	uint32_t arity = 99, type = 0, type_arity = 99;
	check(t,
	      meta_method_generic_arity(img, map, &arity, &err) == 0 && arity == 1 &&
		  meta_method_type(img, map, &type, &err) == 0 &&
		  meta_type_generic_arity(img, type, &type_arity, &err) == 0 && type_arity == 1,
	      "generic arities of Map<U> and Box<T>", "%u %u %s", arity, type_arity, err.msg);
	s = NULL;
	meta_type_name(img, type, &s, &err);
	check(t, streq(s, "Fixtures.Meta.Box<T>"), "declaring type of Map", "%s", str(s));
	free(s);

	uint32_t twice = one_method(img, "Outer.Inner.Twice");
	s = full_name(img, twice);
	check(t, twice && streq(s, "Fixtures.Meta.Outer.Inner.Twice"), "nested type method name",
	      "%s", s);
	free(s);
	check(t,
	      one_method(img, "Twice") == twice && one_method(img, "Outer+Inner.Twice") == twice &&
		  one_method(img, "Fixtures.Meta.Outer.Inner.Twice") == twice &&
		  one_method(img, "Inner.Twice") == twice,
	      "nested method found by every dotted tail", "%s", "");
	uint32_t inner = 0, outer = 0;
	s = NULL;
	if (meta_method_type(img, twice, &inner, &err) == 0 &&
	    meta_type_enclosing(img, inner, &outer, &err) == 0 && outer)
		meta_type_name(img, outer, &s, &err);
	check(t, streq(s, "Fixtures.Meta.Outer"), "enclosing type of Outer.Inner", "%s %s", str(s),
	      err.msg);
	free(s);

	uint32_t *toks = NULL;
	size_t n = 0;
	bool seen_int = false, seen_string = false, seen_int_long = false;
	meta_find_methods(img, "Over", &toks, &n, &err);
	for (size_t i = 0; i < n; i++) {
		s = params_of(img, toks[i]);
		seen_int |= streq(s, "(int)");
		seen_string |= streq(s, "(string)");
		seen_int_long |= streq(s, "(int, long)");
		free(s);
	}
	free(toks);
	check(t, n == 3 && seen_int && seen_string && seen_int_long,
	      "three overloads of Over with their signatures", "n %zu int %d string %d int,long %d",
	      n, seen_int, seen_string, seen_int_long);
	size_t counts[4] = {0};
	const char *over_queries[] = {"Program.Over", "Fixtures.Meta.Program.Over",
				      "Meta.Program.Over", "ram.Over"};
	for (int i = 0; i < 4; i++) {
		meta_find_methods(img, over_queries[i], &toks, &counts[i], &err);
		free(toks);
	}
	check(t, counts[0] == 3 && counts[1] == 3 && counts[2] == 3 && counts[3] == 0,
	      "Over by dotted tails; a partial name part does not match", "%zu %zu %zu %zu",
	      counts[0], counts[1], counts[2], counts[3]);
	uint32_t over_il = one_method(img, "Over(int, long)");
	s = params_of(img, over_il);
	check(t, over_il && streq(s, "(int, long)"), "an overload chosen by its parameter list",
	      "%s", s);
	free(s);
	meta_find_methods(img, "NoSuchMethod", &toks, &n, &err);
	free(toks);
	check(t, n == 0, "unknown method name finds nothing", "%zu", n);
	check(t, meta_find_methods(img, "", &toks, &n, &err) < 0 && err.msg[0],
	      "an empty query is an error", "%s", err.msg);

	uint32_t sigs = one_method(img, "Box.Signatures");
	s = params_of(img, sigs);
	check(t, streq(s, "(int, string, System.Collections.Generic.List<int>, T, int[], ref int)"),
	      "primitives, generic instance, generic parameter, array, byref", "%s", s);
	free(s);
	uint32_t shapes = one_method(img, "Shapes");
	s = params_of(img, shapes);
	check(t,
	      streq(s, "(int[,], int*, out long, Fixtures.Meta.Point, "
		       "System.Collections.Generic.Dictionary<string, "
		       "System.Collections.Generic.List<int>>, int[][], object, char, byte, "
		       "ulong, nint)"),
	      "multi-dimensional and jagged arrays, pointer, out, value type, nested generics",
	      "%s", s);
	free(s);
	s = NULL;
	meta_method_return_type(img, one_method(img, "DelayAsync"), &s, &err);
	check(t, streq(s, "System.Threading.Tasks.Task<int>"), "async method return type", "%s",
	      str(s));
	free(s);

	struct meta_method_attrs attrs;
	struct meta_method_body body;
	check(t,
	      meta_method_attrs(img, main_tok, &attrs, &err) == 0 &&
		  (attrs.flags & META_METHOD_STATIC) && !attrs.has_this && attrs.param_count == 1 &&
		  meta_method_body(img, main_tok, &body, &err) == 0 && body.code_size > 0 &&
		  body.local_sig != 0 && body.code,
	      "Main's attributes and IL body", "%s", err.msg);
	char **locals = NULL;
	size_t nlocals = 0;
	bool has_int = false, has_func = false;
	meta_method_local_types(img, main_tok, &locals, &nlocals, &err);
	for (size_t i = 0; i < nlocals; i++) {
		has_int |= streq(locals[i], "int");
		has_func |= streq(locals[i], "System.Func<int, int>");
	}
	meta_free_strings(locals, nlocals);
	check(t, has_int && has_func, "Main's local types", "%zu locals", nlocals);
}

static void test_pinvoke(struct t *t, const struct meta_image *img)
{
	const char *module = NULL, *entry = NULL;
	int rc = meta_pinvoke(img, one_method(img, "GetPid"), &module, &entry);
	check(t, rc == 1 && streq(module, "libc") && streq(entry, "getpid"),
	      "P/Invoke with EntryPoint: libc!getpid", "rc %d %s!%s", rc, str(module), str(entry));
	module = entry = NULL;
	rc = meta_pinvoke(img, one_method(img, "greet_add"), &module, &entry);
	check(t, rc == 1 && streq(module, "libgreet") && streq(entry, "greet_add"),
	      "P/Invoke by its own name: libgreet!greet_add", "rc %d %s!%s", rc, str(module),
	      str(entry));
	check(t, meta_pinvoke(img, one_method(img, "Main"), &module, &entry) == 0,
	      "Main is not a P/Invoke", "%s", "");
	check(t,
	      meta_pinvoke(img, 0x06ffffff, &module, &entry) < 0 &&
		  meta_pinvoke(img, 0x02000001, &module, &entry) < 0,
	      "P/Invoke of bad tokens is an error", "%s", "");
	/* the IL walker finds Main's call of the P/Invoke GetPid among its calls, the whole body
	 * walked; a range that ends before the body does not */
	struct meta_method_body body;
	uint32_t main_tok = one_method(img, "Main"), getpid_tok = one_method(img, "GetPid");
	uint32_t called[256];
	size_t ncalled = 0, nbefore = 0;
	if (meta_method_body(img, main_tok, &body, NULL) == 0) {
		ncalled = meta_il_calls(body.code, body.code_size, 0, body.code_size, called, 256);
		nbefore = meta_il_calls(body.code, body.code_size, 0, 1, called + 128, 128);
	}
	bool calls_getpid = false;
	for (size_t i = 0; i < ncalled; i++)
		calls_getpid |= called[i] == getpid_tok;
	check(t, calls_getpid && ncalled > 3 && nbefore == 0,
	      "IL calls of Main include the P/Invoke GetPid", "%zu calls, %zu in [0,1)", ncalled,
	      nbefore);
	/* every truncation of the body is walked without reading past it */
	size_t most = 0;
	for (uint32_t cut = 0; cut <= body.code_size && ncalled; cut++) {
		size_t n = meta_il_calls(body.code, cut, 0, cut, called, 256);
		most = n > most ? n : most;
	}
	check(t, most == ncalled, "IL walks of truncated bodies", "at most %zu of %zu", most,
	      ncalled);
	bool libc = false, libgreet = false;
	struct mx_err err = {{0}};
	for (uint32_t r = 1; r <= meta_row_count(img, META_T_MODULEREF); r++) {
		const char *name = NULL;
		if (meta_moduleref_name(img, r, &name, &err) == 0) {
			libc |= streq(name, "libc");
			libgreet |= streq(name, "libgreet");
		}
	}
	check(t, libc && libgreet, "ModuleRef names", "libc %d libgreet %d", libc, libgreet);
}

/* The field of a type named name, 0 if none. */
static uint32_t field_named(const struct meta_image *img, uint32_t type, const char *name)
{
	uint32_t *fields = NULL, found = 0;
	size_t n = 0;
	struct mx_err err = {{0}};
	meta_type_fields(img, type, &fields, &n, &err);
	for (size_t i = 0; i < n; i++) {
		const char *fname;
		if (meta_field_name(img, fields[i], &fname, &err) == 0 && streq(fname, name))
			found = fields[i];
	}
	free(fields);
	return found;
}

static void test_fields(struct t *t, const struct meta_image *img)
{
	struct mx_err err = {{0}};
	uint32_t type = 0;
	meta_method_type(img, one_method(img, "Fields.get_Property"), &type, &err);
	struct {
		const char *name;
		const char *type;
		uint16_t must, must_not;
	} want[] = {
	    {"InstanceField", "int", 0, META_FIELD_STATIC},
	    {"StaticField", "long", META_FIELD_STATIC, META_FIELD_LITERAL},
	    {"ConstField", "int", META_FIELD_STATIC | META_FIELD_LITERAL, 0},
	    {"ReadonlyField", "string", META_FIELD_INIT_ONLY, META_FIELD_STATIC},
	    {"ThreadStaticField", "int", META_FIELD_STATIC, 0},
	    {"Grid", "double[,]", 0, META_FIELD_STATIC},
	    {"Table",
	     "System.Collections.Generic.Dictionary<string, "
	     "System.Collections.Generic.List<Fixtures.Meta.Point>>",
	     0, META_FIELD_STATIC},
	    {"<Property>k__BackingField", "int", 0, META_FIELD_STATIC},
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		char label[128], *ftype = NULL;
		uint16_t flags = 0;
		uint32_t f = field_named(img, type, want[i].name);
		snprintf(label, sizeof(label), "field %s: type and flags", want[i].name);
		bool ok = f && meta_field_type(img, f, &ftype, &err) == 0 &&
			  meta_field_flags(img, f, &flags, &err) == 0;
		check(t,
		      ok && streq(ftype, want[i].type) && (flags & want[i].must) == want[i].must &&
			  !(flags & want[i].must_not),
		      label, "token 0x%08x type %s flags 0x%x %s", f, str(ftype), flags, err.msg);
		free(ftype);
	}
	uint32_t *methods = NULL;
	size_t n = 0;
	bool getter = false;
	meta_type_methods(img, type, &methods, &n, &err);
	for (size_t i = 0; i < n; i++) {
		const char *name;
		getter |= meta_method_name(img, methods[i], &name, &err) == 0 &&
			  streq(name, "get_Property");
	}
	free(methods);
	check(t, getter, "the property's getter is a method of Fields", "%zu methods", n);
	/* value types by what they extend: Point (a struct) is one, Fields (a class) is not */
	uint32_t point = 0;
	for (uint32_t row = 2; row <= meta_type_count(img) && !point; row++) {
		char *name = NULL;
		if (meta_type_name(img, META_TOKEN(META_T_TYPEDEF, row), &name, NULL) == 0 &&
		    streq(name, "Fixtures.Meta.Point"))
			point = META_TOKEN(META_T_TYPEDEF, row);
		free(name);
	}
	check(t, point && meta_type_is_value_type(img, point), "Point is a value type",
	      "token 0x%08x", point);
	check(t, !meta_type_is_value_type(img, type), "Fields is not a value type", "token 0x%08x",
	      type);
	check(t, !meta_type_is_value_type(img, 0x06000001), "a MethodDef is no value type", "%s",
	      "");
}

/* ---- PDB ---- */

static void test_codeview_and_documents(struct t *t, struct variant *v)
{
	struct meta_codeview cv;
	uint8_t id[20];
	char label[160];
	snprintf(label, sizeof(label), "%s: CodeView entry names a portable PDB", v->name);
	bool has = meta_image_codeview(v->img, &cv);
	check(t, has && cv.portable && cv.age == 1 && ends_with(cv.path, ".pdb"), label,
	      "has %d portable %d path %s", has, has && cv.portable, has ? cv.path : "-");
	meta_pdb_id(v->pdb, id);
	snprintf(label, sizeof(label), "%s: PDB id and entry point match the assembly", v->name);
	check(t,
	      has && !memcmp(id, cv.pdb_id, 20) &&
		  meta_pdb_entry_point(v->pdb) == meta_entry_point(v->img),
	      label, "entry 0x%08x vs 0x%08x", meta_pdb_entry_point(v->pdb),
	      meta_entry_point(v->img));

	uint32_t doc = meta_pdb_find_document(v->pdb, "Program.cs");
	const struct meta_document *d = meta_pdb_document(v->pdb, doc);
	snprintf(label, sizeof(label), "%s: Program.cs document, C#, SHA256", v->name);
	check(t,
	      d && ends_with(d->name, "/Program.cs") && streq(d->language_name, "C#") &&
		  streq(d->hash_algorithm, "SHA256") && d->hash_len == 32,
	      label, "doc %u name %s lang %s alg %s", doc, d ? d->name : "-",
	      d ? str(d->language_name) : "-", d ? str(d->hash_algorithm) : "-");
	char *want = sha256_hex(v->src), *have = d ? hex_of(d->hash, d->hash_len) : NULL;
	snprintf(label, sizeof(label), "%s: document hash is the source's SHA-256", v->name);
	check(t, want && streq(want, have), label, "pdb %s file %s", str(have), str(want));
	free(want);
	free(have);
	check(t,
	      meta_pdb_document(v->pdb, 0) == NULL &&
		  meta_pdb_document(v->pdb, meta_pdb_document_count(v->pdb) + 1) == NULL,
	      "documents out of range are NULL", "%s", "");
}

/* Hits of file:line as text ("method-name IL line; ...") for comparing variants. */
static char *describe_hits(const struct meta_image *img, const struct meta_line_hit *h, int n)
{
	char *out = xstrdup("");
	for (int i = 0; i < n; i++) {
		char *name = full_name(img, h[i].method);
		char *next = xasprintf("%s%s@IL_%04x:%u.%u; ", out, name, h[i].il_offset, h[i].line,
				       h[i].col);
		free(name);
		free(out);
		out = next;
	}
	return out;
}

/* Every marker's breakpoint hits, line info and locals, as one text (paths left out), so that
 * the variants can be compared. */
static char *describe_markers(const struct variant *v)
{
	static const char *const markers[] = {
	    "map_body",	   "signatures_body", "inner_twice", "over_int",
	    "over_string", "over_int_long",   "shapes_body", "outer_local",
	    "inner_local", "scopes_return",   "await",	     "after_await",
	    "main_first",  "blank",	      "after_blank", "lambda",
	    "print"};
	char *out = xstrdup("");
	for (size_t i = 0; i < sizeof(markers) / sizeof(markers[0]); i++) {
		struct meta_line_hit hits[8];
		uint32_t resolved = 0, line = marker_line(v->src, markers[i]);
		int n = meta_pdb_find_line(v->pdb, "Program.cs", line, hits, 8, &resolved);
		char *hs = describe_hits(v->img, hits, n > 8 ? 8 : n < 0 ? 0 : n);
		char *locals = xstrdup("");
		if (n > 0) {
			struct meta_local *l = NULL;
			size_t nl = 0;
			struct mx_err err;
			meta_pdb_locals(v->pdb, hits[0].method, hits[0].il_offset, &l, &nl, &err);
			for (size_t k = 0; k < nl; k++) {
				char *next = xasprintf("%s%u:%s ", locals, l[k].index, l[k].name);
				free(locals);
				locals = next;
			}
			free(l);
		}
		char *next = xasprintf("%s%s: %d hits -> %u: %s locals %s\n", out, markers[i], n,
				       resolved, hs, locals);
		free(hs);
		free(locals);
		free(out);
		out = next;
	}
	return out;
}

/* Looks up the marker's line, expecting at least one hit; returns the count. */
static int hits_at(struct t *t, const struct variant *v, const char *marker,
		   struct meta_line_hit *hits, size_t max, uint32_t *line, uint32_t *resolved)
{
	char label[160];
	*line = marker_line(v->src, marker);
	int n = meta_pdb_find_line(v->pdb, "Program.cs", *line, hits, max, resolved);
	snprintf(label, sizeof(label), "%s: marker %s has a line and code", v->name, marker);
	check(t, *line > 0 && n > 0, label, "line %u hits %d", *line, n);
	return n;
}

static bool names_contain(const struct meta_local *l, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (streq(l[i].name, name))
			return true;
	return false;
}

static void test_lines(struct t *t, const struct variant *v)
{
	const struct meta_image *img = v->img;
	const struct meta_pdb *pdb = v->pdb;
	struct meta_line_hit hits[8], after[8];
	uint32_t line, resolved, after_line, after_resolved;
	char label[200];
	uint32_t main_tok = one_method(img, "Main");

	int n = hits_at(t, v, "main_first", hits, 8, &line, &resolved);
	snprintf(label, sizeof(label), "%s: a line in Main binds once, in Main", v->name);
	check(t, n == 1 && hits[0].method == main_tok && resolved == line && hits[0].line == line,
	      label, "n %d method 0x%08x line %u resolved %u", n, n > 0 ? hits[0].method : 0, line,
	      resolved);
	if (n < 1)
		return;
	uint32_t main_first_il = hits[0].il_offset;
	int na = hits_at(t, v, "after_blank", after, 8, &after_line, &after_resolved);

	uint32_t blank = marker_line(v->src, "blank"), blank_resolved = 0;
	struct meta_line_hit bh[8];
	int nb = meta_pdb_find_line(pdb, "Program.cs", blank, bh, 8, &blank_resolved);
	snprintf(label, sizeof(label), "%s: a line without code binds to the next line", v->name);
	check(t,
	      nb == 1 && na == 1 && blank_resolved == after_line && bh[0].method == main_tok &&
		  bh[0].il_offset == after[0].il_offset && bh[0].line == after_line,
	      label, "blank %u -> %u (want %u), %d hits", blank, blank_resolved, after_line, nb);

	const char *doc_name = NULL;
	uint32_t l = 0, col = 0, start = 0, end = 0;
	int rc = meta_pdb_line_for_il(pdb, main_tok, main_first_il, &doc_name, &l, &col);
	snprintf(label, sizeof(label), "%s: line_for_il round trip", v->name);
	check(t, rc == 0 && l == line && col > 0 && ends_with(doc_name, "/Program.cs"), label,
	      "rc %d line %u (want %u) col %u doc %s", rc, l, line, col, str(doc_name));
	rc = meta_pdb_line_range(pdb, main_tok, main_first_il, &start, &end);
	snprintf(label, sizeof(label), "%s: a line's IL range ends where the next line starts",
		 v->name);
	check(t, rc == 0 && start == main_first_il && na == 1 && end == after[0].il_offset, label,
	      "rc %d [%u, %u) next %u", rc, start, end, na == 1 ? after[0].il_offset : 0);
	if (end > start + 1 && end != META_IL_END) {
		rc = meta_pdb_line_for_il(pdb, main_tok, end - 1, NULL, &l, NULL);
		snprintf(label, sizeof(label), "%s: the middle of a line's range maps to it",
			 v->name);
		check(t, rc == 0 && l == line, label, "rc %d line %u", rc, l);
	}

	n = hits_at(t, v, "lambda", hits, 8, &line, &resolved);
	bool in_main = false, in_lambda = false;
	for (int i = 0; i < n && i < 8; i++) {
		const char *name = "";
		meta_method_name(img, hits[i].method, &name, NULL);
		in_main |= hits[i].method == main_tok;
		in_lambda |= strncmp(name, "<Main>b__", 9) == 0;
	}
	snprintf(label, sizeof(label), "%s: a lambda's line binds in Main and in the lambda",
		 v->name);
	check(t, n >= 2 && in_main && in_lambda, label, "n %d main %d lambda %d", n, in_main,
	      in_lambda);

	struct {
		const char *marker, *method;
	} own[] = {{"over_int", "Over(int)"},
		   {"over_string", "Over(string)"},
		   {"over_int_long", "Over(int, long)"},
		   {"inner_twice", "Outer.Inner.Twice"},
		   {"map_body", "Box.Map"},
		   {"shapes_body", "Shapes"}};
	for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++) {
		n = hits_at(t, v, own[i].marker, hits, 8, &line, &resolved);
		uint32_t want = one_method(img, own[i].method);
		snprintf(label, sizeof(label), "%s: line %s binds in %s", v->name, own[i].marker,
			 own[i].method);
		check(t, n == 1 && want && hits[0].method == want && resolved == line, label,
		      "n %d method 0x%08x want 0x%08x", n, n > 0 ? hits[0].method : 0, want);
	}

	n = hits_at(t, v, "await", hits, 8, &line, &resolved);
	uint32_t kickoff = 0;
	const char *name = "";
	if (n > 0)
		meta_method_name(img, hits[0].method, &name, NULL);
	snprintf(label, sizeof(label), "%s: the await binds in MoveNext, kicked off by DelayAsync",
		 v->name);
	check(t,
	      n == 1 && streq(name, "MoveNext") &&
		  meta_pdb_kickoff_method(pdb, hits[0].method, &kickoff) == 1 &&
		  kickoff == one_method(img, "DelayAsync"),
	      label, "n %d name %s kickoff 0x%08x", n, name, kickoff);
	check(t, meta_pdb_kickoff_method(pdb, main_tok, &kickoff) == 0,
	      "Main is no state machine's MoveNext", "%s", "");

	/* A hidden sequence point of MoveNext. */
	const struct meta_seqpt *pts = NULL;
	size_t npts = 0;
	bool found_hidden = false, increasing = true;
	if (n == 1 && meta_pdb_seqpts(pdb, hits[0].method, &pts, &npts) == 0) {
		for (size_t i = 0; i < npts; i++) {
			increasing &= i == 0 || pts[i].il_offset > pts[i - 1].il_offset;
			if (pts[i].hidden && !found_hidden) {
				found_hidden = true;
				rc = meta_pdb_line_for_il(pdb, hits[0].method, pts[i].il_offset,
							  NULL, &l, NULL);
				int rr = meta_pdb_line_range(pdb, hits[0].method, pts[i].il_offset,
							     &start, &end);
				snprintf(label, sizeof(label),
					 "%s: an IL offset in a hidden sequence point", v->name);
				check(t, rc == META_HIDDEN && rr == META_HIDDEN, label,
				      "line_for_il %d line_range %d", rc, rr);
			}
		}
	}
	snprintf(label, sizeof(label), "%s: MoveNext has hidden points, IL offsets increase",
		 v->name);
	check(t, found_hidden && increasing && npts > 2, label, "hidden %d increasing %d n %zu",
	      found_hidden, increasing, npts);

	/* Locals by scope. */
	struct meta_local *locals = NULL;
	size_t nl = 0;
	struct mx_err err = {{0}};
	uint32_t scopes = one_method(img, "Scopes");
	struct {
		const char *marker;
		bool inner;
	} at[] = {{"outer_local", false}, {"inner_local", true}, {"scopes_return", false}};
	for (size_t i = 0; i < 3; i++) {
		n = hits_at(t, v, at[i].marker, hits, 8, &line, &resolved);
		snprintf(label, sizeof(label), "%s: locals at %s: outerLocal%s", v->name,
			 at[i].marker, at[i].inner ? " and innerLocal" : " only");
		bool ok = n == 1 && hits[0].method == scopes &&
			  meta_pdb_locals(pdb, scopes, hits[0].il_offset, &locals, &nl, &err) == 0;
		check(t,
		      ok && names_contain(locals, nl, "outerLocal") &&
			  names_contain(locals, nl, "innerLocal") == at[i].inner,
		      label, "%zu locals, %s", nl, err.msg);
		if (at[i].inner && ok && nl == 2)
			check(t,
			      locals[0].index != locals[1].index &&
				  locals[1].scope_start > locals[0].scope_start &&
				  locals[1].scope_end < locals[0].scope_end && !locals[0].hidden,
			      "the inner scope lies inside the outer one", "%s", "");
		free(locals);
		locals = NULL;
	}
	meta_pdb_locals(pdb, main_tok, main_first_il, &locals, &nl, &err);
	check(t, names_contain(locals, nl, "total") && names_contain(locals, nl, "square"),
	      "Main's locals", "%zu", nl);
	free(locals);

	/* File matching. */
	const struct meta_document *d =
	    meta_pdb_document(pdb, meta_pdb_find_document(pdb, "Program.cs"));
	uint32_t mf = marker_line(v->src, "main_first");
	char *dir_file = xasprintf("%s/Program.cs", v->name);
	int by_full = d ? meta_pdb_find_line(pdb, d->name, mf, hits, 8, NULL) : -9;
	int by_dir = meta_pdb_find_line(pdb, dir_file, mf, hits, 8, NULL);
	int by_dot = meta_pdb_find_line(pdb, "./Program.cs", mf, hits, 8, NULL);
	int partial = meta_pdb_find_line(pdb, "gram.cs", mf, hits, 8, NULL);
	int unknown = meta_pdb_find_line(pdb, "Nope.cs", mf, hits, 8, NULL);
	free(dir_file);
	snprintf(label, sizeof(label), "%s: files by full path and tails on a '/'", v->name);
	check(t,
	      by_full == 1 && by_dir == 1 && by_dot == 1 && partial == META_ENOFILE &&
		  unknown == META_ENOFILE,
	      label, "full %d dir %d dot %d partial %d unknown %d", by_full, by_dir, by_dot,
	      partial, unknown);
	int first_line = meta_pdb_find_line(pdb, "Program.cs", 1, hits, 8, &resolved);
	int far = meta_pdb_find_line(pdb, "Program.cs", 100000, hits, 8, &resolved);
	snprintf(label, sizeof(label), "%s: lines outside every method have no code", v->name);
	check(t, first_line == 0 && far == 0, label, "line 1: %d, line 100000: %d", first_line,
	      far);
	check(t,
	      meta_pdb_find_line(pdb, "", 1, hits, 8, NULL) < 0 &&
		  meta_pdb_find_line(pdb, NULL, 1, hits, 8, NULL) < 0,
	      "find_line of no file is an error", "%s", "");
	n = meta_pdb_find_line(pdb, "Program.cs", marker_line(v->src, "lambda"), hits, 1, NULL);
	check(t, n >= 2, "find_line counts hits beyond max", "%d", n);
	check(t,
	      meta_pdb_seqpts(pdb, 0x06ffffff, &pts, &npts) < 0 &&
		  meta_pdb_line_for_il(pdb, 0x02000001, 0, NULL, NULL, NULL) < 0 &&
		  meta_pdb_line_range(pdb, 0, 0, &start, &end) < 0,
	      "PDB lookups of bad tokens are errors", "%s", "");
}

static void test_embedded_source(struct t *t, const struct variant *v, bool must_have)
{
	struct mx_err err = {{0}};
	char *text = NULL, label[160];
	size_t len = 0, flen = 0;
	uint32_t doc = meta_pdb_find_document(v->pdb, "Program.cs");
	int rc = meta_pdb_embedded_source(v->pdb, doc, &text, &len, &err);
	uint8_t *file = slurp(v->src, &flen);
	snprintf(label, sizeof(label), "%s: embedded source equals the file", v->name);
	if (must_have || rc != 0)
		check(t, rc == 1 && file && len == flen && !memcmp(text, file, len), label,
		      "rc %d len %zu file %zu %s", rc, len, flen, err.msg);
	free(text);
	free(file);
	check(t, meta_pdb_embedded_source(v->pdb, 0, &text, &len, &err) < 0,
	      "embedded source of document 0 is an error", "%s", "");
}

/* A PDB of another build beside the assembly is refused; with none beside it, the PDB is
 * found at the path the CodeView entry gives. */
static void test_pdb_mismatch(struct t *t, const struct variant *v, const struct variant *other)
{
	struct mx_err err = {{0}};
	struct meta_pdb *pdb = NULL;
	char *dll = xasprintf("%s/Meta.dll", t->tmp), *pdbpath = xasprintf("%s/Meta.pdb", t->tmp);
	char *other_pdb = xasprintf("%s/cs/%s/%s.pdb", t->fixtures, other->name, other->name);
	bool copied = copy_file(v->dll, dll) && copy_file(other_pdb, pdbpath);
	struct meta_image *img = NULL;
	if (copied)
		meta_image_open(dll, &img, &err);
	int rc = img ? meta_pdb_open_for(img, dll, &pdb, &err) : 0;
	check(t, img && rc < 0 && !pdb && strstr(err.msg, "does not match"),
	      "a PDB of another build is refused", "copied %d rc %d: %s", copied, rc, err.msg);
	meta_pdb_close(pdb);
	pdb = NULL;
	unlink(pdbpath);
	struct meta_codeview cv;
	if (img && meta_image_codeview(img, &cv) && exists(cv.path)) {
		rc = meta_pdb_open_for(img, dll, &pdb, &err);
		check(t, rc == 0 && pdb, "without a PDB beside it, the CodeView path is used", "%s",
		      err.msg);
		meta_pdb_close(pdb);
	}
	meta_image_close(img);
	unlink(dll);
	free(dll);
	free(pdbpath);
	free(other_pdb);
}

/* ---- damaged input ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t rng(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng_state >> 33);
}

/* Opens data as an assembly and as a PDB and runs every query on what opens. */
static void open_everything(const uint8_t *data, size_t len, int *opened)
{
	struct mx_err err;
	struct meta_image *img = NULL;
	struct meta_pdb *pdb = NULL;
	if (meta_image_open_mem(data, len, &img, &err) == 0) {
		(*opened)++;
		exercise_image(img);
		meta_image_close(img);
	}
	if (meta_pdb_open_mem(data, len, &pdb, &err) == 0) {
		(*opened)++;
		exercise_pdb(pdb, 64);
		meta_pdb_close(pdb);
	}
}

static size_t find_bytes(const uint8_t *hay, size_t n, const char *needle)
{
	size_t nl = strlen(needle);
	for (size_t i = 0; i + nl <= n; i++)
		if (!memcmp(hay + i, needle, nl))
			return i;
	return n;
}

static void test_damaged(struct t *t, const char *path)
{
	size_t len = 0;
	uint8_t *data = slurp(path, &len);
	char label[200];
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (!data || len < 64) {
		check(t, false, base, "cannot read %s", path);
		free(data);
		return;
	}
	/* Every prefix up to the metadata root's header must fail; longer ones may still
	 * hold what is needed (a PE's trailing sections), but must not crash. */
	size_t root = find_bytes(data, len, "BSJB");
	bool is_pdb = root == 0;
	size_t must_fail = is_pdb ? len - 1 : root + 16;
	bool all_failed = true;
	int opened = 0;
	for (size_t n = 0; n < len; n += n < 1024 ? 1 : 13) {
		int before = opened;
		uint8_t *copy = xmalloc(n ? n : 1); /* exactly n bytes: ASan sees overreads */
		memcpy(copy, data, n);
		open_everything(copy, n, &opened);
		free(copy);
		if (n < must_fail && opened != before)
			all_failed = false;
	}
	snprintf(label, sizeof(label), "%s: truncated copies fail (no crash on any prefix)", base);
	check(t, all_failed, label, "a prefix shorter than %zu bytes opened", must_fail);

	opened = 0;
	int rounds = 1500;
	uint8_t *copy = xmalloc(len);
	for (int r = 0; r < rounds; r++) {
		memcpy(copy, data, len);
		int flips = 1 + (int)(rng() % 8);
		for (int f = 0; f < flips; f++) {
			/* Half the flips aim at the metadata, where they matter most. */
			size_t at =
			    (r & 1) && root < len ? root + rng() % (len - root) : rng() % len;
			copy[at] ^= (uint8_t)(1u << (rng() % 8));
		}
		open_everything(copy, len, &opened);
	}
	free(copy);
	snprintf(label, sizeof(label), "%s: %d copies with flipped bytes (no crash)", base, rounds);
	check(t, true, label, "%s", "");
	printf("# %s: %d of %d damaged copies still opened\n", base, opened, rounds);
	free(data);
}

/* The embedded PDB's declared size must agree with its deflate data: a huge one is refused
 * before anything is allocated, a small one when the data inflates past it. */
static void test_embedded_size_lies(struct t *t, const struct variant *v)
{
	size_t len = 0;
	uint8_t *data = slurp(v->dll, &len);
	size_t at = data ? find_bytes(data, len, "MPDB") : 0;
	const struct {
		uint32_t size;
		const char *why;
	} lies[] = {{0x7fffffffu, "impossible"}, {100, "does not inflate"}, {0, "size is 0"}};
	for (size_t i = 0; data && at + 8 <= len && i < sizeof(lies) / sizeof(lies[0]); i++) {
		struct mx_err err = {{0}};
		struct meta_image *img = NULL;
		struct meta_pdb *pdb = NULL;
		char label[160];
		for (int b = 0; b < 4; b++)
			data[at + 4 + b] = (uint8_t)(lies[i].size >> (8 * b));
		int rc = meta_image_open_mem(data, len, &img, &err);
		if (rc == 0)
			rc = meta_pdb_open_for(img, v->dll, &pdb, &err);
		snprintf(label, sizeof(label), "embedded PDB declaring %u bytes is refused",
			 lies[i].size);
		check(t, rc < 0 && !pdb && strstr(err.msg, lies[i].why), label, "rc %d: %s", rc,
		      err.msg);
		meta_pdb_close(pdb);
		meta_image_close(img);
	}
	check(t, data && at + 8 <= len, "Meta_embedded.dll holds an MPDB entry", "%s", "");
	free(data);
}

/* fuzz/regressions under the current directory or an ancestor of the test binary's (the test
 * runner starts unit tests in a scratch directory); NULL if not found. */
static char *find_regressions(void)
{
	if (exists("fuzz/regressions"))
		return xstrdup("fuzz/regressions");
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = 0;
	for (char *slash = strrchr(exe, '/'); slash; slash = strrchr(exe, '/')) {
		*slash = 0;
		char *cand = xasprintf("%s/fuzz/regressions", exe);
		if (exists(cand))
			return cand;
		free(cand);
	}
	return NULL;
}

/* Every input the fuzzer once broke the reader with, through every query again. */
static void test_regressions(struct t *t)
{
	char *dir = find_regressions();
	DIR *d = dir ? opendir(dir) : NULL;
	int files = 0, opened = 0;
	for (struct dirent *e; d && (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		size_t len = 0;
		uint8_t *data = slurp(path, &len);
		if (data) {
			uint8_t *exact = xmalloc(len ? len : 1);
			memcpy(exact, data, len);
			open_everything(exact, len, &opened);
			free(exact);
			files++;
		}
		free(data);
		free(path);
	}
	if (d)
		closedir(d);
	check(t, files > 0, "fuzz regressions replayed (no crash)", "no files in %s", str(dir));
	printf("# %d regression inputs, %d opened\n", files, opened);
	free(dir);
}

static void test_not_assemblies(struct t *t, const struct variant *v)
{
	struct mx_err err = {{0}};
	struct meta_image *img = NULL;
	struct meta_pdb *pdb = NULL;
	char *empty = xasprintf("%s/empty", t->tmp);
	spill(empty, (const uint8_t *)"", 0);
	check(t,
	      meta_image_open(empty, &img, &err) < 0 && strstr(err.msg, "empty") &&
		  meta_pdb_open(empty, &pdb, &err) < 0 && !img && !pdb,
	      "an empty file is an error", "%s", err.msg);
	check(t,
	      meta_image_open_mem(NULL, 0, &img, &err) < 0 &&
		  meta_pdb_open_mem(NULL, 0, &pdb, &err) < 0,
	      "no bytes are an error", "%s", err.msg);
	check(t,
	      meta_image_open(v->src, &img, &err) < 0 && strstr(err.msg, "not a PE file") &&
		  meta_pdb_open(v->src, &pdb, &err) < 0,
	      "a text file is neither an assembly nor a PDB", "%s", err.msg);
	char *pdb_path = xasprintf("%s/cs/Meta/Meta.pdb", t->fixtures);
	check(t,
	      meta_image_open(pdb_path, &img, &err) < 0 && meta_pdb_open(v->dll, &pdb, &err) < 0 &&
		  strstr(err.msg, "not a portable PDB"),
	      "a PDB is no assembly and an assembly no PDB", "%s", err.msg);
	check(t,
	      meta_image_open("/nonexistent/x.dll", &img, &err) < 0 &&
		  strstr(err.msg, "/nonexistent/x.dll"),
	      "a missing file is an error naming it", "%s", err.msg);
	char *elf = xasprintf("/proc/self/exe");
	check(t, meta_image_open(elf, &img, &err) < 0, "an ELF file is no assembly", "%s", err.msg);
	free(elf);
	free(pdb_path);
	unlink(empty);
	free(empty);
}

int main(void)
{
	struct t t = {0};
	const char *fx = getenv("FIXTURES");
	t.fixtures = xstrdup(fx && fx[0] ? fx : "build/fixtures");
	const char *tmpdir = getenv("TMPDIR");
	t.tmp = xasprintf("%s/test_meta.XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp");
	if (!mkdtemp(t.tmp)) {
		printf("not ok temporary directory: %s: %s\n", t.tmp, strerror(errno));
		return 1;
	}

	char *probe = xasprintf("%s/cs/Meta/Meta.dll", t.fixtures);
	if (!exists(probe)) {
		printf("not ok fixtures: %s is missing (run make fixtures)\n", probe);
		free(probe);
		return 1;
	}
	free(probe);

	struct variant plain, embedded, embedsrc;
	bool ok_plain = open_variant(&t, &plain, "Meta");
	bool ok_embedded = open_variant(&t, &embedded, "Meta_embedded");
	bool ok_embedsrc = open_variant(&t, &embedsrc, "Meta_embedsrc");
	check(&t,
	      !meta_image_has_embedded_pdb(plain.img) && meta_image_has_embedded_pdb(embedded.img),
	      "only Meta_embedded embeds its PDB", "%s", "");
	if (plain.img) {
		test_names(&t, plain.img);
		test_pinvoke(&t, plain.img);
		test_fields(&t, plain.img);
	}
	if (ok_plain) {
		test_codeview_and_documents(&t, &plain);
		test_lines(&t, &plain);
		test_embedded_source(&t, &plain, false);
		test_not_assemblies(&t, &plain);
	}
	if (ok_embedded) {
		test_codeview_and_documents(&t, &embedded);
		test_lines(&t, &embedded);
		test_embedded_size_lies(&t, &embedded);
	}
	if (ok_embedsrc) {
		test_codeview_and_documents(&t, &embedsrc);
		test_embedded_source(&t, &embedsrc, true);
	}
	if (ok_plain && ok_embedded && ok_embedsrc) {
		char *a = describe_markers(&plain), *b = describe_markers(&embedded);
		char *c = describe_markers(&embedsrc);
		check(&t, streq(a, b),
		      "the embedded PDB gives the same answers as the standalone one",
		      "\n--- standalone\n%s--- embedded\n%s", a, b);
		check(&t, streq(a, c), "Meta_embedsrc gives the same answers as Meta",
		      "\n--- Meta\n%s--- Meta_embedsrc\n%s", a, c);
		if (getenv("TEST_META_VERBOSE"))
			fputs(a, stdout);
		free(a);
		free(b);
		free(c);
		test_pdb_mismatch(&t, &plain, &embedsrc);
	}
	test_regressions(&t);
	const char *damaged[] = {"Meta/Meta.dll", "Meta/Meta.pdb",
				 "Meta_embedded/Meta_embedded.dll"};
	for (size_t i = 0; i < sizeof(damaged) / sizeof(damaged[0]); i++) {
		char *p = xasprintf("%s/cs/%s", t.fixtures, damaged[i]);
		test_damaged(&t, p);
		free(p);
	}
	close_variant(&plain);
	close_variant(&embedded);
	close_variant(&embedsrc);
	rmdir(t.tmp);
	free(t.tmp);
	free(t.fixtures);
	printf("%d passed, %d failed\n", t.pass, t.fail);
	return t.fail ? 1 : 0;
}
