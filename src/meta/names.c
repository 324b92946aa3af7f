/* names.c: display names of types and methods ("Fixtures.Meta.Box<T>.Map<U>") and the search
 * of methods by a user's dotted name. */
#include "meta/internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define MAX_NESTING 64 /* enclosing types followed before a chain is called cyclic */

/* GenericParam columns. */
#define GP_NUMBER 0
#define GP_OWNER  2
#define GP_NAME	  3

/* Length of name without its "`N" arity suffix, and N (0 without one). */
static size_t strip_arity(const char *name, uint32_t *arity)
{
	size_t len = strlen(name);
	const char *tick = strrchr(name, '`');
	*arity = 0;
	if (!tick || !tick[1])
		return len;
	uint32_t n = 0;
	for (const char *p = tick + 1; *p; p++) {
		if (!isdigit((unsigned char)*p) || n > 100000)
			return len;
		n = n * 10 + (uint32_t)(*p - '0');
	}
	*arity = n;
	return (size_t)(tick - name);
}

/* GenericParam is sorted by owner, then number: a binary search over the pair. */
const char *meta_generic_param_name(const struct meta_image *img, uint32_t owner_coded,
				    uint32_t number)
{
	const struct meta_tables *t = &img->t;
	uint64_t key = (uint64_t)owner_coded << 32 | number;
	uint32_t lo = 1, hi = t->rows[META_T_GENERICPARAM] + 1;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		uint64_t k = (uint64_t)meta_col(t, META_T_GENERICPARAM, mid, GP_OWNER) << 32 |
			     meta_col(t, META_T_GENERICPARAM, mid, GP_NUMBER);
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	const char *name;
	if (lo <= t->rows[META_T_GENERICPARAM] &&
	    meta_col(t, META_T_GENERICPARAM, lo, GP_OWNER) == owner_coded &&
	    meta_col(t, META_T_GENERICPARAM, lo, GP_NUMBER) == number &&
	    meta_string(t, meta_col(t, META_T_GENERICPARAM, lo, GP_NAME), &name) == 0 && name[0])
		return name;
	return NULL;
}

/* Appends "<A, B>": generic parameters first..first+count-1 of owner ("!n" / "!!n" when a
 * parameter has no row). */
static int render_generic_params(const struct meta_image *img, uint32_t owner_coded, bool method,
				 uint32_t first, uint32_t count, struct meta_sbuf *b)
{
	if (count == 0)
		return 0;
	if (meta_sb_add(b, "<") < 0)
		return -1;
	for (uint32_t i = 0; i < count; i++) {
		const char *name = meta_generic_param_name(img, owner_coded, first + i);
		if (i && meta_sb_add(b, ", ") < 0)
			return -1;
		if (name ? meta_sb_add(b, name) < 0
			 : meta_sb_addf(b, "%s%u", method ? "!!" : "!", first + i) < 0)
			return -1;
	}
	return meta_sb_add(b, ">");
}

static int too_long(struct mx_err *err)
{
	return mx_err_set(err, "name longer than %u bytes", META_TEXT_BUDGET);
}

int meta_render_typedef(const struct meta_image *img, uint32_t row, bool with_generics,
			struct meta_sbuf *b, struct mx_err *err)
{
	const struct meta_tables *t = &img->t;
	uint32_t chain[MAX_NESTING];
	int depth = 0;
	for (uint32_t cur = row; cur; cur = img->enclosing[cur]) {
		if (cur > t->rows[META_T_TYPEDEF] || depth == MAX_NESTING)
			return mx_err_set(err, "type 0x%08x: enclosing types nest too deep",
					  META_TOKEN(META_T_TYPEDEF, row));
		chain[depth++] = cur;
	}
	if (depth == 0)
		return mx_err_set(err, "TypeDef row 0 does not exist");
	const char *ns;
	if (meta_string(t, meta_col(t, META_T_TYPEDEF, chain[depth - 1], 2), &ns) < 0)
		return mx_err_set(err, "type 0x%08x: namespace outside the string heap",
				  META_TOKEN(META_T_TYPEDEF, chain[depth - 1]));
	if (ns[0] && (meta_sb_add(b, ns) < 0 || meta_sb_add(b, ".") < 0))
		return too_long(err);
	uint32_t before = 0; /* generic parameters declared by the enclosing levels */
	for (int i = depth - 1; i >= 0; i--) {
		const char *name;
		uint32_t arity;
		if (meta_string(t, meta_col(t, META_T_TYPEDEF, chain[i], 1), &name) < 0)
			return mx_err_set(err, "type 0x%08x: name outside the string heap",
					  META_TOKEN(META_T_TYPEDEF, chain[i]));
		size_t len = strip_arity(name, &arity);
		if ((i != depth - 1 && meta_sb_add(b, ".") < 0) || meta_sb_addn(b, name, len) < 0)
			return too_long(err);
		uint32_t owner = meta_coded_make(META_CI_TYPEORMETHODDEF, META_T_TYPEDEF, chain[i]);
		if (with_generics && render_generic_params(img, owner, false, before, arity, b) < 0)
			return too_long(err);
		before += arity;
	}
	return 0;
}

int meta_type_name(const struct meta_image *img, uint32_t type, char **name, struct mx_err *err)
{
	uint32_t row;
	size_t budget = META_TEXT_BUDGET;
	struct meta_sbuf b;
	if (meta_check_token(img, type, META_T_TYPEDEF, &row, err) < 0)
		return -1;
	meta_sb_init(&b, &budget);
	if (meta_render_typedef(img, row, true, &b, err) < 0) {
		meta_sb_free(&b);
		return -1;
	}
	*name = meta_sb_take(&b);
	return 0;
}

int meta_type_generic_arity(const struct meta_image *img, uint32_t type, uint32_t *arity,
			    struct mx_err *err)
{
	uint32_t row;
	const char *name;
	if (meta_check_token(img, type, META_T_TYPEDEF, &row, err) < 0)
		return -1;
	if (meta_string(&img->t, meta_col(&img->t, META_T_TYPEDEF, row, 1), &name) < 0)
		return mx_err_set(err, "type 0x%08x: name outside the string heap", type);
	strip_arity(name, arity);
	return 0;
}

/* The generic parameter count from a method signature's calling convention. */
static int sig_generic_count(const struct meta_image *img, uint32_t row, uint32_t *count,
			     struct mx_err *err)
{
	const uint8_t *p;
	size_t len;
	uint8_t conv;
	*count = 0;
	if (meta_blob(&img->t, meta_col(&img->t, META_T_METHODDEF, row, 4), &p, &len) < 0)
		return mx_err_set(err, "method 0x%08x: signature outside the blob heap",
				  META_TOKEN(META_T_METHODDEF, row));
	struct meta_cur c = meta_cur_make(p, len);
	if (meta_cur_u8(&c, &conv) < 0 || ((conv & 0x10) && meta_cur_cuint(&c, count) < 0))
		return mx_err_set(err, "method 0x%08x: signature truncated",
				  META_TOKEN(META_T_METHODDEF, row));
	return 0;
}

int meta_method_generic_arity(const struct meta_image *img, uint32_t method, uint32_t *arity,
			      struct mx_err *err)
{
	uint32_t row;
	if (meta_check_token(img, method, META_T_METHODDEF, &row, err) < 0)
		return -1;
	return sig_generic_count(img, row, arity, err);
}

/* Appends the method's name, after its type's when the method has one. */
static int render_method(const struct meta_image *img, uint32_t row, bool with_generics,
			 struct meta_sbuf *b, struct mx_err *err)
{
	const char *name;
	uint32_t owner = img->method_owner[row];
	if (meta_string(&img->t, meta_col(&img->t, META_T_METHODDEF, row, 3), &name) < 0)
		return mx_err_set(err, "method 0x%08x: name outside the string heap",
				  META_TOKEN(META_T_METHODDEF, row));
	if (owner && meta_render_typedef(img, owner, with_generics, b, err) < 0)
		return -1;
	if ((owner && meta_sb_add(b, ".") < 0) || meta_sb_add(b, name) < 0)
		return too_long(err);
	if (!with_generics)
		return 0;
	uint32_t arity;
	if (sig_generic_count(img, row, &arity, err) < 0)
		return -1;
	uint32_t coded = meta_coded_make(META_CI_TYPEORMETHODDEF, META_T_METHODDEF, row);
	if (arity > META_TEXT_BUDGET || render_generic_params(img, coded, true, 0, arity, b) < 0)
		return too_long(err);
	return 0;
}

int meta_method_full_name(const struct meta_image *img, uint32_t method, char **name,
			  struct mx_err *err)
{
	uint32_t row;
	size_t budget = META_TEXT_BUDGET;
	struct meta_sbuf b;
	if (meta_check_token(img, method, META_T_METHODDEF, &row, err) < 0)
		return -1;
	meta_sb_init(&b, &budget);
	if (render_method(img, row, true, &b, err) < 0) {
		meta_sb_free(&b);
		return -1;
	}
	*name = meta_sb_take(&b);
	return 0;
}

/* ---- finding methods by name ---- */

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '>' || (unsigned char)c >= 0x80;
}

/* The query as a dotted name without generic lists and arity suffixes, and its parameter list
 * without spaces (NULL without one). A '<' after an identifier opens a generic list; one
 * after a '.' or at the start belongs to a compiler-generated name ("<Main>b__0_0"). */
static void normalize_query(const char *q, char **name, char **params)
{
	size_t n = strlen(q);
	char *out = xmalloc(n + 1), *o = out;
	*params = NULL;
	for (size_t i = 0; i < n; i++) {
		char c = q[i];
		if (c == '(') {
			char *p = xmalloc(n - i + 1), *po = p;
			for (; i < n; i++)
				if (!isspace((unsigned char)q[i]))
					*po++ = q[i];
			*po = 0;
			*params = p;
			break;
		}
		if (isspace((unsigned char)c))
			continue;
		if (c == '<' && o > out && ident_char(o[-1])) {
			int level = 0;
			for (; i < n; i++) {
				level += q[i] == '<' ? 1 : q[i] == '>' ? -1 : 0;
				if (level == 0)
					break;
			}
			continue;
		}
		if (c == '`') {
			while (i + 1 < n && isdigit((unsigned char)q[i + 1]))
				i++;
			continue;
		}
		if (c == '+') {
			c = '.';
		} else if (c == ':' && i + 1 < n && q[i + 1] == ':') {
			c = '.';
			i++;
		}
		*o++ = c;
	}
	*o = 0;
	*name = out;
}

/* True if s is query or ends with "." query. */
static bool dotted_tail(const char *s, size_t slen, const char *query, size_t qlen)
{
	if (slen < qlen || memcmp(s + slen - qlen, query, qlen) != 0)
		return false;
	return slen == qlen || s[slen - qlen - 1] == '.';
}

static bool params_match(const struct meta_image *img, uint32_t tok, const char *want)
{
	char *params = NULL;
	if (meta_method_params(img, tok, &params, NULL) < 0)
		return false;
	char *o = params;
	for (const char *p = params; *p; p++)
		if (!isspace((unsigned char)*p))
			*o++ = *p;
	*o = 0;
	bool ok = !strcmp(params, want);
	free(params);
	return ok;
}

int meta_find_methods(const struct meta_image *img, const char *query, uint32_t **tokens, size_t *n,
		      struct mx_err *err)
{
	char *want, *params;
	size_t cap = 0;
	*tokens = NULL;
	*n = 0;
	normalize_query(query, &want, &params);
	size_t wlen = strlen(want);
	if (!wlen) {
		free(want);
		free(params);
		return mx_err_set(err, "no method name in \"%s\"", query);
	}
	for (uint32_t row = 1; row <= img->t.rows[META_T_METHODDEF]; row++) {
		const char *simple;
		if (meta_string(&img->t, meta_col(&img->t, META_T_METHODDEF, row, 3), &simple) < 0)
			continue;
		/* Cheap test first: the query must end with the method's own name. */
		if (!dotted_tail(want, wlen, simple, strlen(simple)))
			continue;
		size_t budget = META_TEXT_BUDGET;
		struct meta_sbuf b;
		meta_sb_init(&b, &budget);
		bool match = render_method(img, row, false, &b, NULL) == 0 &&
			     dotted_tail(b.s, b.len, want, wlen);
		meta_sb_free(&b);
		uint32_t tok = META_TOKEN(META_T_METHODDEF, row);
		if (match && params)
			match = params_match(img, tok, params);
		if (match) {
			xgrow((void **)tokens, &cap, *n + 1, sizeof(uint32_t));
			(*tokens)[(*n)++] = tok;
		}
	}
	free(want);
	free(params);
	return 0;
}
