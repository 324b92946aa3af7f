/* mchildren.c: the parts of C# values at a managed stop (ses_var_describe and
 * ses_var_children over a managed frame): the instance fields of objects and structs, the
 * elements of arrays, each named by an expression the evaluator reads again ("dog.Friend",
 * "grid[1, 2]"). Parts are read through ICorDebug without running code; their text is
 * print's, which shows an object's own ToString() only when implicit evaluation is on.
 */
#include "session/ses_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/dbi.h"
#include "clr/mcollections.h"
#include "clr/mformat.h"
#include "clr/mobject.h"
#include "clr/mtype.h"
#include "clr/mvalue.h"
#include "session/meval_internal.h"
#include "util/str.h"
#include "util/xalloc.h"

#define VALUE_LEN 4096
#define EXPR_LEN  1024
#define MAX_RANK  32 /* ECMA-335 allows more; C# code beyond this is not expected */

/* PARTS_COLLECTION: a List, Dictionary... (clr/mcollections.h): its elements, then a "Raw
 * View" part (named "EXPR, raw", as Visual Studio's format specifier) holding its fields. */
enum parts { PARTS_NONE, PARTS_FIELDS, PARTS_ELEMENTS, PARTS_COLLECTION };
#define RAW_SUFFIX ", raw"

static int count_field(void *arg, const struct clr_field *f)
{
	(void)f;
	(*(size_t *)arg)++;
	return 0;
}

/* Whether a stripped value is an object or a struct rather than a boxed number: the object
 * in a box of an int is a System.Int32 (with one field, m_value), shown as the number. */
static bool is_composite(struct clr *c, ICorDebugValue *o)
{
	static const char *const numbers[] = {
	    "System.Boolean", "System.Char",   "System.SByte",	"System.Byte",	 "System.Int16",
	    "System.UInt16",  "System.Int32",  "System.UInt32", "System.Int64",	 "System.UInt64",
	    "System.Single",  "System.Double", "System.IntPtr", "System.UIntPtr"};
	ICorDebugType *t = NULL;
	char name[256] = "";
	if (clr_value_type(o, &t) < 0)
		return false;
	clr_type_name(c, t, name, sizeof(name));
	COM_RELEASE(t);
	for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
		if (strcmp(name, numbers[i]) == 0)
			return false;
	return true;
}

/* What v's parts are and how many: an array's elements, or the instance fields of an object
 * or struct that is not shown by meaning (strings, enums, decimal, Nullable, boxed numbers
 * have none). *obj: the array, object or struct itself (a new reference) when it has parts. */
static enum parts value_parts(struct clr *c, ICorDebugValue *v, ICorDebugValue **obj, size_t *n)
{
	ICorDebugValue *o = NULL;
	ICorDebugArrayValue *av = NULL;
	ICorDebugStringValue *sv = NULL;
	ICorDebugObjectValue *ov = NULL;
	enum parts kind = PARTS_NONE;
	char probe[64];
	ULONG32 count = 0;
	struct clr_collection col;
	*obj = NULL;
	*n = 0;
	if (!v || clr_value_strip(v, &o) < 0 || !o)
		return PARTS_NONE; /* null */
	if (COM(o, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) >= 0) {
		if (COM(av, GetCount, &count) >= 0) {
			kind = PARTS_ELEMENTS;
			*n = count;
		}
	} else if (clr_collection_open(c, o, &col) == 0) {
		kind = PARTS_COLLECTION;
		*n = col.count;
		clr_collection_close(&col);
	} else if (is_composite(c, o) &&
		   COM(o, QueryInterface, &IID_ICorDebugStringValue, (void **)&sv) < 0 &&
		   COM(o, QueryInterface, &IID_ICorDebugObjectValue, (void **)&ov) >= 0 &&
		   !clr_special_text(c, o, probe, sizeof(probe))) {
		kind = PARTS_FIELDS;
		clr_fields(c, o, NULL, false, count_field, n);
	}
	COM_RELEASE(av);
	COM_RELEASE(sv);
	COM_RELEASE(ov);
	if (kind == PARTS_NONE)
		COM_RELEASE(o);
	*obj = o;
	return kind;
}

static void counts_of(enum parts kind, size_t n, size_t *named, size_t *indexed)
{
	*named = kind == PARTS_FIELDS ? n : kind == PARTS_COLLECTION;
	*indexed = kind == PARTS_ELEMENTS || kind == PARTS_COLLECTION ? n : 0;
}

static void value_type_text(struct clr *c, ICorDebugValue *v, char *buf, size_t len)
{
	ICorDebugType *t = NULL;
	buf[0] = 0;
	if (v && clr_value_type(v, &t) == 0) {
		clr_type_name(c, t, buf, len);
		COM_RELEASE(t);
	}
}

/* DAP's type of what expr names, Visual Studio's way when the declared type of the variable
 * or field differs from its object's: "Fixtures.Animal {Fixtures.Dog}". */
static void declared_type_text(struct ses *s, const char *expr, char *type, size_t len)
{
	char declared[256], dynamic[256];
	if (ses_meval_declared(s, expr, NULL, declared, sizeof(declared), dynamic,
			       sizeof(dynamic)) &&
	    strlen(declared) + strlen(dynamic) + 4 <= len)
		snprintf(type, len, "%.255s {%.255s}", declared, dynamic);
}

/* The type's name and the part counts of an evaluated m. */
static void mv_shape(struct ses *s, const struct mv *m, char *type, size_t typelen, size_t *named,
		     size_t *indexed)
{
	*named = *indexed = 0;
	type[0] = 0;
	if (m->kind == MV_VALUE) {
		ICorDebugValue *obj = NULL;
		size_t n = 0;
		enum parts kind = value_parts(s->clr, m->v, &obj, &n);
		counts_of(kind, n, named, indexed);
		COM_RELEASE(obj);
		value_type_text(s->clr, m->v, type, typelen);
	} else if (m->kind != MV_NULL) {
		struct meval e = {.s = s, .c = s->clr};
		meval_type_text(&e, m, type, typelen);
	}
}

int ses_managed_shape(struct ses *s, const char *expr, char *type, size_t typelen, size_t *named,
		      size_t *indexed, struct mx_err *err)
{
	struct meval_opts o = {0};
	struct mv m = {0};
	if (meval_parse_eval(s, expr, &o, &m, err) != 0)
		return -1;
	mv_shape(s, &m, type, typelen, named, indexed);
	declared_type_text(s, expr, type, typelen);
	mv_clear(&m);
	return 0;
}

int ses_managed_describe(struct ses *s, const char *expr, ses_var_fn fn, void *arg,
			 struct mx_err *err)
{
	struct meval_opts o = {0};
	struct mv m = {0};
	if (meval_parse_eval(s, expr, &o, &m, err) != 0)
		return -1;
	char type[512];
	char *value = xmalloc(VALUE_LEN);
	struct ses_var v = {.name = expr, .value = value, .type = type, .eval_name = expr};
	/* the shape first: the text may run ToString() in the program */
	mv_shape(s, &m, type, sizeof(type), &v.named, &v.indexed);
	declared_type_text(s, expr, type, sizeof(type));
	meval_format(s, &m, value, VALUE_LEN);
	fn(arg, &v);
	free(value);
	mv_clear(&m);
	return 0;
}

/* One part, read before any is shown (showing one may run code in the program). */
struct part {
	char name[256];
	char eval[EXPR_LEN + 300];
	ICorDebugValue *v; /* NULL: unreadable (hr) */
	HRESULT hr;
	char type[256];
	size_t named, indexed;
	bool raw; /* the Raw View of a collection: its fields */
};

struct parts_read {
	struct part *p;
	size_t n, cap;
	size_t seen, from, end; /* fields: the index of the next one, the page */
	const char *base;
};

static struct part *new_part(struct parts_read *pr)
{
	xgrow((void **)&pr->p, &pr->cap, pr->n + 1, sizeof(*pr->p));
	struct part *p = &pr->p[pr->n++];
	memset(p, 0, sizeof(*p));
	return p;
}

static int read_field(void *arg, const struct clr_field *f)
{
	struct parts_read *pr = arg;
	size_t i = pr->seen++;
	if (i < pr->from)
		return 0;
	if (i >= pr->end)
		return 1;
	struct part *p = new_part(pr);
	mx_strlcpy(p->name, f->name, sizeof(p->name));
	snprintf(p->eval, sizeof(p->eval), "%s.%s", pr->base, f->name);
	p->v = f->value;
	p->hr = f->hr;
	if (p->v)
		COM(p->v, AddRef);
	return 0;
}

/* Elements [from, end) of array av. ICorDebugArrayValue::GetElementAtPosition counts in the
 * array's storage order, row-major for every rank (cordebug.idl: "the position as if the
 * array were one-dimensional"), so the last index varies fastest. */
static void read_elements(ICorDebugArrayValue *av, struct parts_read *pr)
{
	ULONG32 rank = 1, dims[MAX_RANK] = {0};
	if (COM(av, GetRank, &rank) < 0 || rank == 0 || rank > MAX_RANK ||
	    COM(av, GetDimensions, rank, dims) < 0)
		return;
	for (size_t pos = pr->from; pos < pr->end; pos++) {
		struct part *p = new_part(pr);
		ULONG32 idx[MAX_RANK];
		size_t rest = pos;
		for (ULONG32 k = rank; k-- > 0;) {
			idx[k] = dims[k] ? (ULONG32)(rest % dims[k]) : 0;
			rest = dims[k] ? rest / dims[k] : 0;
		}
		size_t o = 0;
		p->name[o++] = '[';
		for (ULONG32 k = 0; k < rank && o < sizeof(p->name) - 16; k++)
			o += (size_t)snprintf(p->name + o, sizeof(p->name) - o, "%s%u",
					      k ? ", " : "", idx[k]);
		snprintf(p->name + o, sizeof(p->name) - o, "]");
		snprintf(p->eval, sizeof(p->eval), "%s%s", pr->base, p->name);
		p->hr = COM(av, GetElementAtPosition, (ULONG32)pos, &p->v);
		if (p->hr < 0)
			p->v = NULL;
	}
}

/* Parts [from, end) of collection obj: its elements ([i], or [key] for a dictionary, named by
 * the fields they are read from), then at index `elements` its Raw View when raw_view. */
static void read_collection(struct clr *c, ICorDebugValue *obj, const char *expr, size_t elements,
			    bool raw_view, struct parts_read *pr)
{
	struct clr_collection col;
	if (clr_collection_open(c, obj, &col) != 0)
		return;
	for (size_t i = pr->from; i < pr->end; i++) {
		struct part *p = new_part(pr);
		if (i >= elements && raw_view) {
			mx_strlcpy(p->name, "Raw View", sizeof(p->name));
			snprintf(p->eval, sizeof(p->eval), "%s%s", expr, RAW_SUFFIX);
			p->v = obj;
			p->raw = true;
			COM(obj, AddRef);
			continue;
		}
		ICorDebugValue *key = NULL;
		uint32_t slot = 0;
		p->hr = clr_collection_element(c, &col, (uint32_t)i, &slot, &key, &p->v) == 0
			    ? 0
			    : E_FAIL;
		char key_text[200] = "";
		if (key)
			clr_value_text(c, key, key_text, sizeof(key_text));
		COM_RELEASE(key);
		snprintf(p->name, sizeof(p->name), "[%s]", key_text);
		if (col.kind != CLR_COLLECTION_DICTIONARY)
			snprintf(p->name, sizeof(p->name), "[%zu]", i);
		clr_collection_slot_expr(&col, pr->base, slot, false, p->eval, sizeof(p->eval));
	}
	clr_collection_close(&col);
}

int ses_managed_children(struct ses *s, const char *expr, size_t start, size_t count,
			 enum ses_children_filter filter, ses_var_fn fn, void *arg,
			 struct mx_err *err)
{
	struct meval_opts o = {0};
	struct mv m = {0};
	char plain[EXPR_LEN];
	size_t el = strlen(expr), rl = strlen(RAW_SUFFIX);
	bool raw = el > rl && el < sizeof(plain) && strcmp(expr + el - rl, RAW_SUFFIX) == 0;
	if (raw) { /* a collection's Raw View: its fields */
		snprintf(plain, sizeof(plain), "%.*s", (int)(el - rl), expr);
		expr = plain;
	}
	if (meval_parse_eval(s, expr, &o, &m, err) != 0)
		return -1;
	ICorDebugValue *obj = NULL;
	size_t total = 0;
	enum parts kind = m.kind == MV_VALUE ? value_parts(s->clr, m.v, &obj, &total) : PARTS_NONE;
	size_t elements = filter == SES_CHILDREN_NAMED ? 0 : total;
	bool raw_view = filter != SES_CHILDREN_INDEXED;
	if (kind == PARTS_COLLECTION && raw) {
		kind = PARTS_FIELDS;
		total = 0;
		clr_fields(s->clr, obj, NULL, false, count_field, &total);
	} else if (kind == PARTS_COLLECTION) {
		total = elements + raw_view;
	}
	if ((filter == SES_CHILDREN_NAMED && kind == PARTS_ELEMENTS) ||
	    (filter == SES_CHILDREN_INDEXED && kind == PARTS_FIELDS))
		kind = PARTS_NONE;
	char base[EXPR_LEN];
	ses_postfix_base(expr, base, sizeof(base));
	struct parts_read pr = {.base = base};
	ses_children_page(start, count, total, &pr.from, &pr.end);
	if (kind == PARTS_FIELDS) {
		clr_fields(s->clr, obj, NULL, false, read_field, &pr);
	} else if (kind == PARTS_COLLECTION) {
		read_collection(s->clr, obj, expr, elements, raw_view, &pr);
	} else if (kind == PARTS_ELEMENTS) {
		ICorDebugArrayValue *av = NULL;
		if (COM(obj, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) >= 0)
			read_elements(av, &pr);
		COM_RELEASE(av);
	}
	/* every part's shape before any text: a text may run ToString() in the program */
	for (size_t i = 0; i < pr.n; i++) {
		struct part *p = &pr.p[i];
		ICorDebugValue *inner = NULL;
		size_t n = 0;
		enum parts kind = value_parts(s->clr, p->v, &inner, &n);
		if (p->raw) {
			kind = PARTS_FIELDS;
			n = 0;
			clr_fields(s->clr, inner, NULL, false, count_field, &n);
		}
		counts_of(kind, n, &p->named, &p->indexed);
		COM_RELEASE(inner);
		value_type_text(s->clr, p->v, p->type, sizeof(p->type));
		declared_type_text(s, p->eval, p->type, sizeof(p->type));
	}
	char *text = xmalloc(VALUE_LEN);
	for (size_t i = 0; i < pr.n; i++) {
		struct part *p = &pr.p[i];
		if (p->v && p->raw)
			clr_value_text(s->clr, p->v, text, VALUE_LEN);
		else if (p->v)
			clr_value_contents(s->clr, p->v, text, VALUE_LEN);
		else
			snprintf(text, VALUE_LEN, "<not available: %s>", clr_hr(p->hr));
		struct ses_var v = {.name = p->name,
				    .value = text,
				    .type = p->type,
				    .eval_name = p->eval,
				    .named = p->named,
				    .indexed = p->indexed};
		fn(arg, &v);
		COM_RELEASE(p->v);
	}
	free(text);
	free(pr.p);
	COM_RELEASE(obj);
	mv_clear(&m);
	return (int)pr.n;
}
