/* members.c: what the signatures of methods and fields say: parameter lists (with ref, out,
 * in), return and field types as text, and method attributes. */
#include "meta/internal.h"

#include <string.h>

/* MethodDef columns. */
#define MD_RVA	     0
#define MD_IMPLFLAGS 1
#define MD_FLAGS     2
#define MD_SIG	     4
#define MD_PARAMLIST 5

#define CUSTOMATTRIBUTE 0x0c /* the table */

/* Param flags. */
#define PARAM_IN  0x1
#define PARAM_OUT 0x2

#define SIG_HASTHIS 0x20
#define SIG_GENERIC 0x10

/* A method signature's header, the cursor left at its return type. */
struct method_sig {
	struct meta_cur c;
	uint8_t conv;
	uint32_t generic_count;
	uint32_t nparams;
};

static int method_sig(const struct meta_image *img, uint32_t row, struct method_sig *s,
		      struct mx_err *err)
{
	const uint8_t *p;
	size_t len;
	uint32_t tok = META_TOKEN(META_T_METHODDEF, row);
	if (meta_blob(&img->t, meta_col(&img->t, META_T_METHODDEF, row, MD_SIG), &p, &len) < 0)
		return mx_err_set(err, "method 0x%08x: signature outside the blob heap", tok);
	s->c = meta_cur_make(p, len);
	s->generic_count = 0;
	if (meta_cur_u8(&s->c, &s->conv) < 0 ||
	    ((s->conv & SIG_GENERIC) && meta_cur_cuint(&s->c, &s->generic_count) < 0) ||
	    meta_cur_cuint(&s->c, &s->nparams) < 0)
		return mx_err_set(err, "method 0x%08x: signature truncated", tok);
	if (s->nparams > meta_cur_left(&s->c))
		return mx_err_set(err,
				  "method 0x%08x: signature declares %u parameters in %zu bytes",
				  tok, s->nparams, meta_cur_left(&s->c));
	return 0;
}

/* The Param row of parameter seq (1-based) of a method, 0 if none. Param rows are in
 * sequence order, with an optional row 0 for the return value, so only two places can hold
 * it. */
static uint32_t param_row(const struct meta_image *img, uint32_t method_row, uint32_t seq)
{
	const struct meta_tables *t = &img->t;
	uint32_t count = t->rows[0x07] ? t->rows[0x07] : t->rows[META_T_PARAM];
	uint32_t first = meta_col(t, META_T_METHODDEF, method_row, MD_PARAMLIST);
	uint32_t end = method_row < t->rows[META_T_METHODDEF]
			   ? meta_col(t, META_T_METHODDEF, method_row + 1, MD_PARAMLIST)
			   : count + 1;
	for (uint32_t k = 0; k < 2; k++) {
		uint64_t pos = (uint64_t)first + seq - 1 + k;
		if (pos < first || pos >= end || pos > count)
			continue;
		uint32_t row = meta_list_row(img, META_T_PARAM, (uint32_t)pos);
		if (row && meta_col(t, META_T_PARAM, row, 1) == seq)
			return row;
	}
	return 0;
}

/* True if (table, row), a TypeDef or TypeRef, is the type ns.name. */
static bool type_is(const struct meta_image *img, unsigned table, uint32_t row, const char *ns,
		    const char *name)
{
	const char *n, *s;
	if ((table != META_T_TYPEDEF && table != META_T_TYPEREF) || row == 0 ||
	    row > img->t.rows[table])
		return false;
	/* Both tables hold the name and the namespace in columns 1 and 2. */
	return meta_string(&img->t, meta_col(&img->t, table, row, 1), &n) == 0 &&
	       meta_string(&img->t, meta_col(&img->t, table, row, 2), &s) == 0 &&
	       !strcmp(n, name) && !strcmp(s, ns);
}

/* True if a TypeDefOrRefOrSpecEncoded value names ns.name. */
static bool encoded_type_is(const struct meta_image *img, uint32_t coded, const char *ns,
			    const char *name)
{
	static const unsigned tables[4] = {META_T_TYPEDEF, META_T_TYPEREF, META_T_COUNT,
					   META_T_COUNT};
	return type_is(img, tables[coded & 3], coded >> 2, ns, name);
}

/* True if Param row `param` carries a custom attribute of type ns.name. CustomAttribute is
 * sorted by its parent; the attribute's type is the declaring type of its constructor. */
static bool param_has_attribute(const struct meta_image *img, uint32_t param, const char *ns,
				const char *name)
{
	const struct meta_tables *t = &img->t;
	uint32_t key = meta_coded_make(META_CI_HASCUSTOMATTRIBUTE, META_T_PARAM, param);
	uint32_t rows = t->rows[CUSTOMATTRIBUTE];
	for (uint32_t r = meta_lower_bound(t, CUSTOMATTRIBUTE, 0, key);
	     param && r <= rows && meta_col(t, CUSTOMATTRIBUTE, r, 0) == key; r++) {
		unsigned table, ptable;
		uint32_t row, prow;
		uint32_t ctor = meta_col(t, CUSTOMATTRIBUTE, r, 1);
		if (meta_coded_split(META_CI_CUSTOMATTRIBUTETYPE, ctor, &table, &row) < 0 ||
		    row == 0)
			continue;
		if (table == META_T_METHODDEF && row <= t->rows[META_T_METHODDEF] &&
		    type_is(img, META_T_TYPEDEF, img->method_owner[row], ns, name))
			return true;
		if (table == META_T_MEMBERREF &&
		    meta_coded_split(META_CI_MEMBERREFPARENT, meta_col(t, META_T_MEMBERREF, row, 0),
				     &ptable, &prow) == 0 &&
		    type_is(img, ptable, prow, ns, name))
			return true;
	}
	return false;
}

/* A parameter or return type: custom modifiers, then "ref", "out", "in" or "ref readonly"
 * for a by-reference one, then the type. C# marks `in` parameters with IsReadOnlyAttribute
 * (and, on virtual methods, a modreq(InAttribute)), `ref readonly` returns with the modreq,
 * `ref readonly` parameters with RequiresLocationAttribute, `out` ones with the Out flag. param is
 * the Param row (0 for none or the return). */
static int param_type(struct meta_sig_ctx *ctx, struct meta_cur *c, uint32_t param, bool ret,
		      struct meta_sbuf *b)
{
	const struct meta_image *img = ctx->img;
	bool in_mod = false;
	for (;;) {
		uint32_t coded;
		if (meta_cur_left(c) < 1)
			return -1;
		uint8_t et = c->p[c->pos];
		if (et != 0x1f && et != 0x20)
			break;
		c->pos++;
		if (meta_cur_cuint(c, &coded) < 0)
			return -1;
		in_mod |=
		    et == 0x1f &&
		    encoded_type_is(img, coded, "System.Runtime.InteropServices", "InAttribute");
	}
	if (meta_cur_left(c) >= 1 && c->p[c->pos] == 0x10) {
		uint16_t pflags = param ? (uint16_t)meta_col(&img->t, META_T_PARAM, param, 0) : 0;
		const char *kind = "ref ";
		if (ret && in_mod)
			kind = "ref readonly ";
		else if (!ret && (pflags & (PARAM_IN | PARAM_OUT)) == PARAM_OUT)
			kind = "out ";
		else if (!ret && (in_mod ||
				  param_has_attribute(img, param, "System.Runtime.CompilerServices",
						      "IsReadOnlyAttribute")))
			kind = "in ";
		else if (!ret && param_has_attribute(img, param, "System.Runtime.CompilerServices",
						     "RequiresLocationAttribute"))
			kind = "ref readonly ";
		c->pos++;
		if (meta_sb_add(b, kind) < 0)
			return -1;
	}
	return meta_sig_type(ctx, c, b);
}

static int bad_sig(uint32_t tok, struct mx_err *err)
{
	return mx_err_set(err, "method 0x%08x: malformed or too long signature", tok);
}

/* Renders the return type into *ret and the parameter list into *params (either may be
 * NULL). */
static int method_types(const struct meta_image *img, uint32_t method, char **ret, char **params,
			struct mx_err *err)
{
	uint32_t row;
	struct method_sig s;
	struct meta_sig_ctx ctx;
	struct meta_sbuf rb, pb;
	if (meta_check_token(img, method, META_T_METHODDEF, &row, err) < 0 ||
	    method_sig(img, row, &s, err) < 0)
		return -1;
	meta_sig_ctx_init(&ctx, img, img->method_owner[row], row);
	meta_sb_init(&rb, &ctx.budget);
	meta_sb_init(&pb, &ctx.budget);
	int rc = param_type(&ctx, &s.c, 0, true, &rb);
	if (rc == 0 && params)
		rc = meta_sb_add(&pb, "(");
	for (uint32_t i = 0; params && i < s.nparams && rc == 0; i++) {
		if (i)
			rc = meta_sb_add(&pb, ", ");
		if (rc == 0)
			rc = param_type(&ctx, &s.c, param_row(img, row, i + 1), false, &pb);
	}
	if (rc == 0 && params)
		rc = meta_sb_add(&pb, ")");
	if (rc < 0) {
		meta_sb_free(&rb);
		meta_sb_free(&pb);
		return bad_sig(method, err);
	}
	if (ret)
		*ret = meta_sb_take(&rb);
	if (params)
		*params = meta_sb_take(&pb);
	meta_sb_free(&rb);
	meta_sb_free(&pb);
	return 0;
}

int meta_method_params(const struct meta_image *img, uint32_t method, char **params,
		       struct mx_err *err)
{
	return method_types(img, method, NULL, params, err);
}

int meta_method_param_generic(const struct meta_image *img, uint32_t method, uint32_t index,
			      bool *method_level, uint32_t *number, struct mx_err *err)
{
	uint32_t row;
	struct method_sig s;
	struct meta_sig_ctx ctx;
	if (meta_check_token(img, method, META_T_METHODDEF, &row, err) < 0 ||
	    method_sig(img, row, &s, err) < 0)
		return -1;
	if (index >= s.nparams)
		return 0;
	meta_sig_ctx_init(&ctx, img, img->method_owner[row], row);
	/* the return type and the parameters before it are skipped by rendering them */
	for (uint32_t i = 0; i <= index; i++) {
		struct meta_sbuf b;
		meta_sb_init(&b, &ctx.budget);
		int rc = param_type(&ctx, &s.c, 0, i == 0, &b);
		meta_sb_free(&b);
		if (rc < 0)
			return bad_sig(method, err);
	}
	/* custom modifiers, then VAR n or MVAR n (ECMA-335 II.23.2.12); a byref is not bare */
	while (meta_cur_left(&s.c) >= 1 && (s.c.p[s.c.pos] == 0x1f || s.c.p[s.c.pos] == 0x20)) {
		uint32_t coded;
		s.c.pos++;
		if (meta_cur_cuint(&s.c, &coded) < 0)
			return bad_sig(method, err);
	}
	if (meta_cur_left(&s.c) < 1)
		return bad_sig(method, err);
	uint8_t et = s.c.p[s.c.pos];
	if (et != 0x13 && et != 0x1e)
		return 0;
	s.c.pos++;
	if (meta_cur_cuint(&s.c, number) < 0)
		return bad_sig(method, err);
	*method_level = et == 0x1e;
	return 1;
}

int meta_method_return_type(const struct meta_image *img, uint32_t method, char **type,
			    struct mx_err *err)
{
	return method_types(img, method, type, NULL, err);
}

int meta_method_attrs(const struct meta_image *img, uint32_t method,
		      struct meta_method_attrs *attrs, struct mx_err *err)
{
	uint32_t row;
	struct method_sig s;
	if (meta_check_token(img, method, META_T_METHODDEF, &row, err) < 0 ||
	    method_sig(img, row, &s, err) < 0)
		return -1;
	attrs->rva = meta_col(&img->t, META_T_METHODDEF, row, MD_RVA);
	attrs->impl_flags = (uint16_t)meta_col(&img->t, META_T_METHODDEF, row, MD_IMPLFLAGS);
	attrs->flags = (uint16_t)meta_col(&img->t, META_T_METHODDEF, row, MD_FLAGS);
	attrs->param_count = s.nparams;
	attrs->has_this = (s.conv & SIG_HASTHIS) != 0;
	return 0;
}

/* The TypeDef declaring field row (by its FieldList), 0 if none does. */
static uint32_t field_owner(const struct meta_image *img, uint32_t field_row)
{
	const struct meta_tables *t = &img->t;
	uint32_t ntypes = t->rows[META_T_TYPEDEF], pos = field_row;
	if (t->rows[0x03]) { /* FieldPtr: find the position that names the row */
		pos = 0;
		for (uint32_t i = 1; i <= t->rows[0x03] && !pos; i++)
			if (meta_col(t, 0x03, i, 0) == field_row)
				pos = i;
	}
	/* The last type whose list starts at or before pos (lists are in order). */
	uint32_t lo = 1, hi = ntypes + 1;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (meta_col(t, META_T_TYPEDEF, mid, 4) <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return pos ? lo - 1 : 0;
}

int meta_field_type(const struct meta_image *img, uint32_t field, char **type, struct mx_err *err)
{
	uint32_t row;
	const uint8_t *p;
	size_t len;
	uint8_t kind;
	if (meta_check_token(img, field, META_T_FIELD, &row, err) < 0)
		return -1;
	if (meta_blob(&img->t, meta_col(&img->t, META_T_FIELD, row, 2), &p, &len) < 0)
		return mx_err_set(err, "field 0x%08x: signature outside the blob heap", field);
	struct meta_cur c = meta_cur_make(p, len);
	if (meta_cur_u8(&c, &kind) < 0 || (kind & 0x0f) != 0x06)
		return mx_err_set(err, "field 0x%08x: not a field signature", field);
	struct meta_sig_ctx ctx;
	struct meta_sbuf b;
	meta_sig_ctx_init(&ctx, img, field_owner(img, row), 0);
	meta_sb_init(&b, &ctx.budget);
	if (meta_sig_type(&ctx, &c, &b) < 0) {
		meta_sb_free(&b);
		return mx_err_set(err, "field 0x%08x: malformed or too long signature", field);
	}
	*type = meta_sb_take(&b);
	return 0;
}

int meta_method_param_name(const struct meta_image *img, uint32_t method, uint32_t seq,
			   const char **name, struct mx_err *err)
{
	uint32_t row;
	if (meta_check_token(img, method, META_T_METHODDEF, &row, err) < 0)
		return -1;
	uint32_t param = seq ? param_row(img, row, seq) : 0;
	if (!param)
		return mx_err_set(err, "method 0x%08x has no parameter %u", method, seq);
	/* Param: Flags, Sequence, Name */
	if (meta_string(&img->t, meta_col(&img->t, META_T_PARAM, param, 2), name) < 0)
		return mx_err_set(err, "method 0x%08x: parameter %u has a bad name", method, seq);
	return 0;
}

int meta_type_flags(const struct meta_image *img, uint32_t type, uint32_t *flags,
		    struct mx_err *err)
{
	uint32_t row;
	if (meta_check_token(img, type, META_T_TYPEDEF, &row, err) < 0)
		return -1;
	*flags = meta_col(&img->t, META_T_TYPEDEF, row, 0); /* TypeDef: Flags first */
	return 0;
}

bool meta_type_is_value_type(const struct meta_image *img, uint32_t type)
{
	uint32_t row = META_TOKEN_ROW(type);
	if (META_TOKEN_TABLE(type) != META_T_TYPEDEF || row == 0 ||
	    row > img->t.rows[META_T_TYPEDEF])
		return false;
	/* TypeDef column 3: Extends, a TypeDefOrRef coded index (ECMA-335 II.22.37); System.Enum
	 * itself derives from ValueType but is a class */
	uint32_t extends = meta_col(&img->t, META_T_TYPEDEF, row, 3);
	return (encoded_type_is(img, extends, "System", "ValueType") &&
		!type_is(img, META_T_TYPEDEF, row, "System", "Enum")) ||
	       encoded_type_is(img, extends, "System", "Enum");
}
