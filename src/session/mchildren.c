/* mchildren.c: the parts of C# values at a managed stop (ses_var_describe and
 * ses_var_children over a managed frame): the instance fields of objects and structs, the
 * elements of arrays, each named by an expression the evaluator reads again ("dog.Friend",
 * "grid[1, 2]"). An object or struct whose type has static fields has one more part, the
 * group "Static members": its expression is the type's full name, and the parts of a type
 * are its static fields ("Fixtures.Values.Animal.Created"), thread-static ones read for the
 * selected frame's thread. Parts are read through ICorDebug without running code; their text
 * is print's, which shows an object's own ToString() only when implicit evaluation is on.
 *
 * A List, Dictionary, HashSet, Queue or Stack has its elements as parts (read from its
 * fields: clr/mcollections.c), then a "Raw View" part with the fields themselves.
 *
 * Static fields of generic types are left out: C# names them only with type arguments,
 * which the group's expression cannot carry.
 */
#include "session/ses_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/dbi.h"
#include "clr/mcollections.h"
#include "clr/mformat.h"
#include "clr/mobject.h"
#include "clr/symbols.h"
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
enum parts { PARTS_NONE, PARTS_FIELDS, PARTS_ELEMENTS, PARTS_STATICS, PARTS_COLLECTION };
#define RAW_SUFFIX ", raw"

/* What a value's parts are: n of them (fields: the instance ones, then the statics group
 * when group is set; elements; a collection's elements; a type's static fields). */
struct shape {
	enum parts kind;
	size_t n;
	bool group;
};

static int count_field(void *arg, const struct clr_field *f)
{
	(void)f;
	(*(size_t *)arg)++;
	return 0;
}

/* The full name of a type C# names without type arguments: false for others. */
static bool nameable_type_name(struct clr *c, ICorDebugType *t, char *buf, size_t len)
{
	struct clr_typedef td;
	if (!t || !clr_type_typedef(c, t, &td) || !clr_typedef_nameable(&td))
		return false;
	clr_sym_type_name(td.cm, td.token, buf, len);
	return true;
}

struct static_tally {
	struct clr *c;
	size_t n;
};

static int count_static(void *arg, const struct clr_field *f)
{
	struct static_tally *st = arg;
	struct clr_typedef td;
	if (clr_type_typedef(st->c, f->owner, &td) && clr_typedef_nameable(&td))
		st->n++;
	return 0;
}

/* How many static fields of t (and its bases) the statics group lists: 0 for a type C#
 * cannot name without type arguments. */
static size_t static_count(struct clr *c, ICorDebugType *t)
{
	char name[512];
	struct static_tally st = {c, 0};
	if (nameable_type_name(c, t, name, sizeof(name)))
		clr_static_fields(c, t, NULL, count_static, &st); /* values unused: no frame */
	return st.n;
}

static bool value_has_statics(struct clr *c, ICorDebugValue *o)
{
	ICorDebugType *t = NULL;
	if (clr_value_type(o, &t) < 0)
		return false;
	size_t n = static_count(c, t);
	COM_RELEASE(t);
	return n > 0;
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

/* What v's parts are and how many: an array's elements, or the fields of an object or struct
 * that is not shown by meaning (strings, enums, decimal, Nullable, boxed numbers have none).
 * *obj: the array, object or struct itself (a new reference) when it has parts. */
static struct shape value_parts(struct clr *c, ICorDebugValue *v, ICorDebugValue **obj)
{
	ICorDebugValue *o = NULL;
	ICorDebugArrayValue *av = NULL;
	ICorDebugStringValue *sv = NULL;
	ICorDebugObjectValue *ov = NULL;
	struct shape sh = {PARTS_NONE, 0, false};
	char probe[64];
	ULONG32 count = 0;
	struct clr_collection col;
	*obj = NULL;
	if (!v || clr_value_strip(v, &o) < 0 || !o)
		return sh; /* null */
	if (COM(o, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) >= 0) {
		if (COM(av, GetCount, &count) >= 0) {
			sh.kind = PARTS_ELEMENTS;
			sh.n = count;
		}
	} else if (clr_collection_open(c, o, &col) == 0) {
		sh.kind = PARTS_COLLECTION;
		sh.n = col.count;
		clr_collection_close(&col);
	} else if (is_composite(c, o) &&
		   COM(o, QueryInterface, &IID_ICorDebugStringValue, (void **)&sv) < 0 &&
		   COM(o, QueryInterface, &IID_ICorDebugObjectValue, (void **)&ov) >= 0 &&
		   !clr_special_text(c, o, probe, sizeof(probe))) {
		sh.kind = PARTS_FIELDS;
		clr_fields(c, o, NULL, false, count_field, &sh.n);
		sh.group = value_has_statics(c, o);
		sh.n += sh.group;
	}
	COM_RELEASE(av);
	COM_RELEASE(sv);
	COM_RELEASE(ov);
	if (sh.kind == PARTS_NONE)
		COM_RELEASE(o);
	*obj = o;
	return sh;
}

static void counts_of(struct shape sh, size_t *named, size_t *indexed)
{
	bool indexed_kind = sh.kind == PARTS_ELEMENTS || sh.kind == PARTS_COLLECTION;
	*named = sh.kind == PARTS_COLLECTION ? 1 : indexed_kind ? 0 : sh.n; /* 1: the Raw View */
	*indexed = indexed_kind ? sh.n : 0;
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

/* The parts of an evaluated m: a value's, or a type's static fields (*t: the type). */
static struct shape mv_parts(struct ses *s, const struct mv *m, ICorDebugValue **obj,
			     ICorDebugType **t)
{
	struct shape sh = {PARTS_NONE, 0, false};
	struct mx_err ignored;
	struct clr_typedef td = m->td;
	*obj = NULL;
	*t = NULL;
	if (m->kind == MV_VALUE)
		return value_parts(s->clr, m->v, obj);
	if (m->kind == MV_TYPE && clr_typedef_type(&td, t, &ignored) == 0) {
		sh.kind = PARTS_STATICS;
		sh.n = static_count(s->clr, *t);
	}
	return sh;
}

/* The type's name and the part counts of an evaluated m. */
static void mv_shape(struct ses *s, const struct mv *m, char *type, size_t typelen, size_t *named,
		     size_t *indexed)
{
	ICorDebugValue *obj = NULL;
	ICorDebugType *t = NULL;
	counts_of(mv_parts(s, m, &obj, &t), named, indexed);
	COM_RELEASE(obj);
	COM_RELEASE(t);
	type[0] = 0;
	if (m->kind == MV_VALUE) {
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
	ICorDebugValue *v; /* NULL: unreadable (hr), or the statics group */
	HRESULT hr;
	char type[256];
	size_t named, indexed;
	bool group, is_static;
	bool raw; /* the Raw View of a collection: its fields */
};

struct parts_read {
	struct clr *c;
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
	char owner[512];
	/* a static field by its declaring type's name: an inherited one hidden by a field of
	 * the same name in a derived type is still itself */
	if (f->is_static && !nameable_type_name(pr->c, f->owner, owner, sizeof(owner)))
		return 0;
	size_t i = pr->seen++;
	if (i < pr->from)
		return 0;
	if (i >= pr->end)
		return 1;
	struct part *p = new_part(pr);
	mx_strlcpy(p->name, f->name, sizeof(p->name));
	snprintf(p->eval, sizeof(p->eval), "%s.%s", f->is_static ? owner : pr->base, f->name);
	p->v = f->value;
	p->hr = f->hr;
	p->is_static = f->is_static;
	if (p->v)
		COM(p->v, AddRef);
	return 0;
}

/* The statics group of object or struct obj, when it is on the page. */
static void read_group(struct clr *c, ICorDebugValue *obj, struct parts_read *pr)
{
	size_t i = pr->seen++;
	ICorDebugType *t = NULL;
	if (i < pr->from || i >= pr->end || clr_value_type(obj, &t) < 0)
		return;
	struct part *p = new_part(pr);
	mx_strlcpy(p->name, SES_STATICS_GROUP, sizeof(p->name));
	nameable_type_name(c, t, p->eval, sizeof(p->eval));
	mx_strlcpy(p->type, p->eval, sizeof(p->type));
	p->named = static_count(c, t);
	p->group = true;
	COM_RELEASE(t);
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

/* The static fields of type t on the page, read in the selected frame (thread-static ones
 * are its thread's). */
static void read_statics(struct ses *s, ICorDebugType *t, struct parts_read *pr)
{
	struct meval e;
	struct meval_opts o = {0};
	struct mx_err ignored;
	ICorDebugFrame *frame = NULL;
	bool begun = meval_begin(&e, s, &o, &ignored) == 0;
	if (begun)
		frame = e.frame;
	clr_static_fields(s->clr, t, frame, read_field, pr);
	meval_end(&e);
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
	ICorDebugType *type = NULL;
	struct shape sh = mv_parts(s, &m, &obj, &type);
	size_t total = sh.n, elements = 0;
	bool raw_view = false;
	if (sh.kind == PARTS_COLLECTION && raw) {
		sh.kind = PARTS_FIELDS;
		total = 0;
		clr_fields(s->clr, obj, NULL, false, count_field, &total);
	} else if (sh.kind == PARTS_COLLECTION) {
		elements = filter == SES_CHILDREN_NAMED ? 0 : sh.n;
		raw_view = filter != SES_CHILDREN_INDEXED;
		total = elements + raw_view;
	}
	bool indexed_kind = sh.kind == PARTS_ELEMENTS || sh.kind == PARTS_COLLECTION;
	if ((filter == SES_CHILDREN_NAMED && sh.kind == PARTS_ELEMENTS) ||
	    (filter == SES_CHILDREN_INDEXED && !indexed_kind))
		sh.kind = PARTS_NONE;
	char base[EXPR_LEN];
	ses_postfix_base(expr, base, sizeof(base));
	struct parts_read pr = {.c = s->clr, .base = base};
	ses_children_page(start, count, sh.kind == PARTS_NONE ? 0 : total, &pr.from, &pr.end);
	if (sh.kind == PARTS_FIELDS) {
		clr_fields(s->clr, obj, NULL, false, read_field, &pr);
		if (sh.group && !raw)
			read_group(s->clr, obj, &pr);
	} else if (sh.kind == PARTS_COLLECTION) {
		read_collection(s->clr, obj, expr, elements, raw_view, &pr);
	} else if (sh.kind == PARTS_STATICS) {
		read_statics(s, type, &pr);
	} else if (sh.kind == PARTS_ELEMENTS) {
		ICorDebugArrayValue *av = NULL;
		if (COM(obj, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) >= 0)
			read_elements(av, &pr);
		COM_RELEASE(av);
	}
	/* every part's shape before any text: a text may run ToString() in the program */
	for (size_t i = 0; i < pr.n; i++) {
		struct part *p = &pr.p[i];
		if (p->group)
			continue;
		ICorDebugValue *inner = NULL;
		struct shape ps = value_parts(s->clr, p->v, &inner);
		if (p->raw) {
			ps.kind = PARTS_FIELDS;
			ps.n = 0;
			clr_fields(s->clr, inner, NULL, false, count_field, &ps.n);
		}
		counts_of(ps, &p->named, &p->indexed);
		COM_RELEASE(inner);
		value_type_text(s->clr, p->v, p->type, sizeof(p->type));
		declared_type_text(s, p->eval, p->type, sizeof(p->type));
	}
	char *text = xmalloc(VALUE_LEN);
	for (size_t i = 0; i < pr.n; i++) {
		struct part *p = &pr.p[i];
		if (p->group) /* as print shows a type */
			snprintf(text, VALUE_LEN, "{%s}", p->type);
		else if (p->v && p->raw)
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
				    .indexed = p->indexed,
				    .is_group = p->group,
				    .is_static = p->is_static};
		fn(arg, &v);
		COM_RELEASE(p->v);
	}
	free(text);
	free(pr.p);
	COM_RELEASE(obj);
	COM_RELEASE(type);
	mv_clear(&m);
	return (int)pr.n;
}
