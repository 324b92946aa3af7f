/* sig.c: types in signature blobs (ECMA-335 II.23.2.12) rendered as C# writes them: keywords
 * for primitives, namespaces for other types, generic arguments in <>, generic parameters by
 * name, arrays with C#'s bracket order, pointers, by-reference types. */
#include "meta/internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define MAX_DEPTH   32 /* nested types in one signature (TypeSpecs may refer to each other) */
#define MAX_NESTING 64 /* enclosing types of a TypeRef or TypeDef */
/* Work allowed for one answer, in types visited and array dimensions read: TypeSpecs can
 * refer to each other, and without a bound a small blob could cost exponential time. */
#define MAX_STEPS (1u << 20)

/* Element types (II.23.1.16). */
enum {
	ET_VOID = 0x01,
	ET_STRING = 0x0e,
	ET_PTR = 0x0f,
	ET_BYREF = 0x10,
	ET_VALUETYPE = 0x11,
	ET_CLASS = 0x12,
	ET_VAR = 0x13,
	ET_ARRAY = 0x14,
	ET_GENERICINST = 0x15,
	ET_TYPEDBYREF = 0x16,
	ET_I = 0x18,
	ET_U = 0x19,
	ET_FNPTR = 0x1b,
	ET_OBJECT = 0x1c,
	ET_SZARRAY = 0x1d,
	ET_MVAR = 0x1e,
	ET_CMOD_REQD = 0x1f,
	ET_CMOD_OPT = 0x20,
	ET_PINNED = 0x45,
};

static const char *keyword(uint8_t et)
{
	static const char *const names[] = {
	    [0x01] = "void",   [0x02] = "bool",	  [0x03] = "char",
	    [0x04] = "sbyte",  [0x05] = "byte",	  [0x06] = "short",
	    [0x07] = "ushort", [0x08] = "int",	  [0x09] = "uint",
	    [0x0a] = "long",   [0x0b] = "ulong",  [0x0c] = "float",
	    [0x0d] = "double", [0x0e] = "string", [0x16] = "System.TypedReference",
	    [0x18] = "nint",   [0x19] = "nuint",  [0x1c] = "object",
	};
	return et < sizeof(names) / sizeof(names[0]) ? names[et] : NULL;
}

/* One level of a (possibly nested) type name. */
struct level {
	const char *ns;
	const char *name;
};

/* The levels of a TypeDef or TypeRef, outermost first; -1 if malformed. */
static int type_levels(const struct meta_image *img, unsigned table, uint32_t row, struct level *lv,
		       int *n)
{
	const struct meta_tables *t = &img->t;
	struct level rev[MAX_NESTING];
	int depth = 0;
	while (row) {
		if (depth == MAX_NESTING || row > t->rows[table])
			return -1;
		struct level *l = &rev[depth++];
		/* TypeDef and TypeRef both hold name and namespace in columns 1 and 2. */
		if (meta_string(t, meta_col(t, table, row, 1), &l->name) < 0 ||
		    meta_string(t, meta_col(t, table, row, 2), &l->ns) < 0)
			return -1;
		if (table == META_T_TYPEDEF) {
			row = img->enclosing[row];
		} else {
			unsigned scope_table;
			uint32_t scope_row;
			uint32_t scope = meta_col(t, META_T_TYPEREF, row, 0);
			if (meta_coded_split(META_CI_RESOLUTIONSCOPE, scope, &scope_table,
					     &scope_row) < 0)
				return -1;
			row = scope_table == META_T_TYPEREF ? scope_row : 0;
		}
	}
	for (int i = 0; i < depth; i++)
		lv[i] = rev[depth - 1 - i];
	*n = depth;
	return 0;
}

/* The arity N of a "Name`N" and the length of Name. */
static size_t name_arity(const char *name, uint32_t *arity)
{
	size_t len = strlen(name);
	const char *tick = strrchr(name, '`');
	uint32_t n = 0;
	*arity = 0;
	if (!tick || !tick[1])
		return len;
	for (const char *p = tick + 1; *p; p++) {
		if (*p < '0' || *p > '9' || n > 100000)
			return len;
		n = n * 10 + (uint32_t)(*p - '0');
	}
	*arity = n;
	return (size_t)(tick - name);
}

static int add_args(struct meta_sbuf *b, char **args, uint32_t from, uint32_t to)
{
	if (from >= to)
		return 0;
	if (meta_sb_add(b, "<") < 0)
		return -1;
	for (uint32_t i = from; i < to; i++)
		if ((i > from && meta_sb_add(b, ", ") < 0) || meta_sb_add(b, args[i]) < 0)
			return -1;
	return meta_sb_add(b, ">");
}

static int type_rec(struct meta_sig_ctx *ctx, struct meta_cur *c, struct meta_sbuf *b,
		    size_t *suffix);

int meta_sig_named_type(struct meta_sig_ctx *ctx, uint32_t coded, char **args, uint32_t nargs,
			struct meta_sbuf *b)
{
	static const unsigned tables[3] = {META_T_TYPEDEF, META_T_TYPEREF, META_T_TYPESPEC};
	uint32_t tag = coded & 3, row = coded >> 2;
	if (tag == 3 || row == 0)
		return -1;
	if (tables[tag] == META_T_TYPESPEC) {
		const uint8_t *p;
		size_t len, suffix;
		if (row > ctx->img->t.rows[META_T_TYPESPEC] ||
		    meta_blob(&ctx->img->t, meta_col(&ctx->img->t, META_T_TYPESPEC, row, 0), &p,
			      &len) < 0)
			return -1;
		struct meta_cur sc = meta_cur_make(p, len);
		return type_rec(ctx, &sc, b, &suffix);
	}
	struct level lv[MAX_NESTING];
	int n;
	if (type_levels(ctx->img, tables[tag], row, lv, &n) < 0)
		return -1;
	/* System.Nullable<T> is written T? in C#. */
	if (n == 1 && nargs == 1 && !strcmp(lv[0].ns, "System") &&
	    !strcmp(lv[0].name, "Nullable`1"))
		return meta_sb_add(b, args[0]) < 0 || meta_sb_add(b, "?") < 0 ? -1 : 0;
	if (lv[0].ns[0] && (meta_sb_add(b, lv[0].ns) < 0 || meta_sb_add(b, ".") < 0))
		return -1;
	uint32_t used = 0;
	for (int i = 0; i < n; i++) {
		uint32_t arity;
		size_t len = name_arity(lv[i].name, &arity);
		if ((i && meta_sb_add(b, ".") < 0) || meta_sb_addn(b, lv[i].name, len) < 0)
			return -1;
		uint32_t to = arity > nargs - used ? nargs : used + arity;
		if (i == n - 1)
			to = nargs; /* arguments the suffixes do not account for go last */
		if (add_args(b, args, used, to) < 0)
			return -1;
		used = to;
	}
	return 0;
}

static int generic_param(struct meta_sig_ctx *ctx, bool method, uint32_t n, struct meta_sbuf *b)
{
	uint32_t owner_row = method ? ctx->method_row : ctx->type_row;
	const char *name = NULL;
	if (owner_row) {
		uint32_t owner = meta_coded_make(
		    META_CI_TYPEORMETHODDEF, method ? META_T_METHODDEF : META_T_TYPEDEF, owner_row);
		name = meta_generic_param_name(ctx->img, owner, n);
	}
	if (name)
		return meta_sb_add(b, name);
	return meta_sb_addf(b, "%s%u", method ? "!!" : "!", n);
}

static int generic_inst(struct meta_sig_ctx *ctx, struct meta_cur *c, struct meta_sbuf *b)
{
	uint8_t kind;
	uint32_t coded, nargs;
	if (meta_cur_u8(c, &kind) < 0 || (kind != ET_CLASS && kind != ET_VALUETYPE) ||
	    meta_cur_cuint(c, &coded) < 0 || meta_cur_cuint(c, &nargs) < 0 || nargs == 0 ||
	    nargs > meta_cur_left(c))
		return -1;
	char **args = xcalloc(nargs, sizeof(char *));
	int rc = 0;
	for (uint32_t i = 0; i < nargs && rc == 0; i++) {
		struct meta_sbuf ab;
		size_t suffix;
		meta_sb_init(&ab, b->budget);
		rc = type_rec(ctx, c, &ab, &suffix);
		args[i] = meta_sb_take(&ab);
	}
	if (rc == 0)
		rc = meta_sig_named_type(ctx, coded, args, nargs, b);
	for (uint32_t i = 0; i < nargs; i++)
		free(args[i]);
	free(args);
	return rc;
}

/* The brackets of an ARRAY: rank, then sizes and lower bounds (read and dropped). */
static int array_shape(struct meta_sig_ctx *ctx, struct meta_cur *c, struct meta_sbuf *brackets)
{
	uint32_t rank, nsizes, nbounds, v;
	int32_t lo;
	if (meta_cur_cuint(c, &rank) < 0 || meta_cur_cuint(c, &nsizes) < 0 ||
	    nsizes > meta_cur_left(c) || nsizes > MAX_STEPS - ctx->steps)
		return -1;
	ctx->steps += nsizes;
	for (uint32_t i = 0; i < nsizes; i++)
		if (meta_cur_cuint(c, &v) < 0)
			return -1;
	if (meta_cur_cuint(c, &nbounds) < 0 || nbounds > meta_cur_left(c) ||
	    nbounds > MAX_STEPS - ctx->steps)
		return -1;
	ctx->steps += nbounds;
	for (uint32_t i = 0; i < nbounds; i++)
		if (meta_cur_cint(c, &lo) < 0)
			return -1;
	if (rank > 32)
		return -1; /* the runtime's limit */
	if (meta_sb_add(brackets, "[") < 0)
		return -1;
	if (rank == 1 && meta_sb_add(brackets, "*") < 0) /* rank 1 but not a vector */
		return -1;
	for (uint32_t i = 1; i < rank; i++)
		if (meta_sb_add(brackets, ",") < 0)
			return -1;
	return meta_sb_add(brackets, "]");
}

/* C# writes an array of arrays outermost first (int[][,] is a vector of 2-D arrays), so an
 * array's brackets go before those of its element type: at *suffix. */
static int array_type(struct meta_sig_ctx *ctx, struct meta_cur *c, struct meta_sbuf *b,
		      size_t *suffix, bool vector)
{
	size_t inner;
	if (type_rec(ctx, c, b, &inner) < 0)
		return -1;
	struct meta_sbuf brackets;
	meta_sb_init(&brackets, b->budget);
	int rc = vector ? meta_sb_add(&brackets, "[]") : array_shape(ctx, c, &brackets);
	if (rc == 0)
		rc = meta_sb_insert(b, inner, brackets.s);
	meta_sb_free(&brackets);
	*suffix = inner;
	return rc;
}

/* delegate*<int, string, void>: a function pointer's parameters then its return type. */
static int fnptr_type(struct meta_sig_ctx *ctx, struct meta_cur *c, struct meta_sbuf *b)
{
	uint8_t conv;
	uint32_t gen = 0, nparams;
	size_t sfx;
	if (meta_cur_u8(c, &conv) < 0 || ((conv & 0x10) && meta_cur_cuint(c, &gen) < 0) ||
	    meta_cur_cuint(c, &nparams) < 0 || nparams > meta_cur_left(c))
		return -1;
	struct meta_sbuf ret;
	meta_sb_init(&ret, b->budget);
	int rc = type_rec(ctx, c, &ret, &sfx);
	if (rc == 0)
		rc = meta_sb_add(b, (conv & 0x0f) ? "delegate* unmanaged<" : "delegate*<");
	for (uint32_t i = 0; i < nparams && rc == 0; i++)
		rc = type_rec(ctx, c, b, &sfx) < 0 || meta_sb_add(b, ", ") < 0 ? -1 : 0;
	if (rc == 0)
		rc = meta_sb_add(b, ret.s ? ret.s : "") < 0 || meta_sb_add(b, ">") < 0 ? -1 : 0;
	meta_sb_free(&ret);
	return rc;
}

static int type_rec(struct meta_sig_ctx *ctx, struct meta_cur *c, struct meta_sbuf *b,
		    size_t *suffix)
{
	uint8_t et;
	uint32_t v;
	int rc = -1;
	if (ctx->depth >= MAX_DEPTH || ctx->steps >= MAX_STEPS)
		return -1;
	ctx->steps++;
	ctx->depth++;
	for (;;) { /* custom modifiers and pinned are not shown */
		if (meta_cur_u8(c, &et) < 0)
			goto out;
		if (et == ET_CMOD_REQD || et == ET_CMOD_OPT) {
			if (meta_cur_cuint(c, &v) < 0)
				goto out;
		} else if (et != ET_PINNED) {
			break;
		}
	}
	const char *kw = keyword(et);
	if (kw) {
		rc = meta_sb_add(b, kw);
	} else if (et == ET_PTR) {
		rc = type_rec(ctx, c, b, suffix) < 0 || meta_sb_add(b, "*") < 0 ? -1 : 0;
	} else if (et == ET_BYREF) {
		rc = meta_sb_add(b, "ref ") < 0 || type_rec(ctx, c, b, suffix) < 0 ? -1 : 0;
		goto out; /* the element's suffix position stands */
	} else if (et == ET_VALUETYPE || et == ET_CLASS) {
		rc = meta_cur_cuint(c, &v) < 0 ? -1 : meta_sig_named_type(ctx, v, NULL, 0, b);
	} else if (et == ET_VAR || et == ET_MVAR) {
		rc = meta_cur_cuint(c, &v) < 0 ? -1 : generic_param(ctx, et == ET_MVAR, v, b);
	} else if (et == ET_ARRAY || et == ET_SZARRAY) {
		rc = array_type(ctx, c, b, suffix, et == ET_SZARRAY);
		goto out;
	} else if (et == ET_GENERICINST) {
		rc = generic_inst(ctx, c, b);
	} else if (et == ET_FNPTR) {
		rc = fnptr_type(ctx, c, b);
	}
	*suffix = b->len;
out:
	ctx->depth--;
	return rc;
}

int meta_sig_type(struct meta_sig_ctx *ctx, struct meta_cur *c, struct meta_sbuf *b)
{
	size_t suffix;
	return type_rec(ctx, c, b, &suffix);
}
