/* meval.c: walks a C# expression tree (csx/) over the values of a managed frame: names
 * (locals, arguments, `this`'s members, statics, types), member access, indexing, operators,
 * casts and type tests. Values are read through ICorDebug; numbers are computed here
 * (meval_ops.c). Errors use C#'s own words where C# has them. */
#include "session/meval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/hresult.h"
#include "clr/mformat.h"
#include "clr/mlocals.h"
#include "clr/mtype.h"
#include "clr/mvalue.h"
#include "clr/symbols.h"
#include "csx/csx.h"
#include "meta/meta.h"
#include "native/vars.h"
#include "session/meval_internal.h"
#include "session/ses_internal.h"
#include "util/utf16.h"
#include "util/xalloc.h"

/* ---- reading values ---- */

/* A debuggee value as what the operators work on: primitives and enums become MV_PRIM,
 * strings MV_STR, null references MV_NULL; anything else stays MV_VALUE. Takes v. */
int meval_load(struct meval *e, struct mv *m)
{
	if (m->kind != MV_VALUE)
		return 0;
	ICorDebugValue *obj = NULL;
	if (clr_value_strip(m->v, &obj) < 0)
		return mx_err_set(e->err, "cannot read the value");
	if (!obj) {
		mv_clear(m);
		m->kind = MV_NULL;
		return 0;
	}
	CorElementType et = 0;
	COM(obj, GetType, &et);
	ICorDebugGenericValue *gv = NULL;
	ICorDebugStringValue *sv = NULL;
	int r = 0;
	if (mv_is_numeric(et) || et == ELEMENT_TYPE_BOOLEAN) {
		uint8_t raw[16] = {0};
		ULONG32 size = 0;
		if (COM(obj, QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv) >= 0 &&
		    COM(obj, GetSize, &size) >= 0 && size <= sizeof(raw) &&
		    COM(gv, GetValue, raw) >= 0) {
			mv_clear(m);
			mv_from_bytes(m, et, raw);
		} else {
			r = mx_err_set(e->err, "cannot read the value");
		}
	} else if (COM(obj, QueryInterface, &IID_ICorDebugStringValue, (void **)&sv) >= 0) {
		char *text = xmalloc(1 << 16);
		if (clr_string_value(obj, text, 1 << 16) == 0) {
			mv_clear(m);
			m->kind = MV_STR;
			m->str = text;
		} else {
			free(text);
			r = mx_err_set(e->err, "cannot read the string");
		}
	} else if (et == ELEMENT_TYPE_VALUETYPE && mv_is_decimal_value(e->c, obj)) {
		struct mdec d;
		r = mv_read_decimal(e->c, obj, &d, e->err);
		if (r == 0) {
			mv_clear(m);
			m->kind = MV_DEC;
			m->dec = d;
		}
	} else if (et == ELEMENT_TYPE_VALUETYPE) {
		/* an enum: its value__; boxed numbers are stripped to their object, whose one
		 * field m_value holds the number (CoreLib's Int32.cs and friends) */
		ICorDebugType *t = NULL;
		ICorDebugValue *inner = NULL;
		struct clr_typedef td;
		char tname[64] = "";
		if (clr_value_type(obj, &t) == 0)
			clr_type_name(e->c, t, tname, sizeof(tname));
		size_t tl = strlen(tname);
		if (strncmp(tname, "System.Nullable<", 16) == 0 || (tl && tname[tl - 1] == '?')) {
			/* Nullable<T>: null, or its value (fields hasValue, value: Nullable.cs) */
			ICorDebugValue *has = NULL;
			struct mv hv = {0};
			r = clr_field_named(e->c, obj, NULL, "hasValue", &has, e->err) == 0 ? 0
											    : -1;
			if (r == 0) {
				hv.kind = MV_VALUE;
				hv.v = has;
				r = meval_load(e, &hv);
			}
			if (r == 0 && !hv.n.u) {
				mv_clear(m);
				m->kind = MV_NULL;
			} else if (r == 0 &&
				   clr_field_named(e->c, obj, NULL, "value", &inner, e->err) == 0) {
				mv_clear(m);
				m->kind = MV_VALUE;
				m->v = inner;
				inner = NULL;
				r = meval_load(e, m);
			}
			mv_clear(&hv);
			COM_RELEASE(t);
			COM_RELEASE(obj);
			return r;
		}
		if (t && clr_type_is(e->c, t, "System.Enum") && clr_type_typedef(e->c, t, &td) &&
		    clr_field_named(e->c, obj, NULL, "value__", &inner, NULL) == 0) {
			mv_clear(m);
			m->kind = MV_VALUE;
			m->v = inner;
			inner = NULL;
			COM_RELEASE(t);
			COM_RELEASE(obj);
			r = meval_load(e, m);
			m->td = td; /* shown by name */
			return r;
		}
		COM_RELEASE(inner);
		COM_RELEASE(t);
	} else if (et == ELEMENT_TYPE_CLASS || et == ELEMENT_TYPE_OBJECT) {
		ICorDebugValue *inner = NULL;
		ICorDebugType *t = NULL;
		CorElementType tet = 0;
		if (clr_value_type(obj, &t) == 0 && COM(t, GetType, &tet) >= 0 &&
		    (mv_is_numeric(tet) || tet == ELEMENT_TYPE_BOOLEAN) &&
		    clr_field_named(e->c, obj, NULL, "m_value", &inner, NULL) == 0) {
			mv_clear(m);
			m->kind = MV_VALUE;
			m->v = inner;
			COM_RELEASE(t);
			COM_RELEASE(obj);
			return meval_load(e, m);
		}
		COM_RELEASE(t);
	}
	COM_RELEASE(sv);
	COM_RELEASE(gv);
	COM_RELEASE(obj);
	return r;
}

/* The C# name of what m is, for messages. */
void meval_type_text(struct meval *e, const struct mv *m, char *buf, size_t len)
{
	ICorDebugType *t = NULL;
	switch (m->kind) {
	case MV_PRIM:
		snprintf(buf, len, "%s", mv_prim_name(m->et));
		return;
	case MV_STR:
		snprintf(buf, len, "string");
		return;
	case MV_DEC:
		snprintf(buf, len, "decimal");
		return;
	case MV_NULL:
		snprintf(buf, len, "<null>");
		return;
	case MV_VALUE:
		if (clr_value_type(m->v, &t) == 0) {
			buf[0] = 0;
			clr_type_name(e->c, t, buf, len);
			COM_RELEASE(t);
			return;
		}
		break;
	case MV_TYPE:
		clr_sym_type_name(m->td.cm, m->td.token, buf, len);
		return;
	default:
		break;
	}
	snprintf(buf, len, "?");
}

/* ---- names ---- */

struct found {
	ICorDebugValue *v;
	HRESULT hr;
	bool any;
};

static int take_first(void *arg, const char *name, ICorDebugValue *v, HRESULT hr)
{
	(void)name;
	struct found *f = arg;
	f->any = true;
	f->hr = hr;
	if (v) {
		f->v = v;
		COM(v, AddRef);
	}
	return 1;
}

/* A local or argument called name: 0, 1 if none, -1 if it exists but cannot be read. */
static int frame_value(struct meval *e, const char *name, struct mv *out)
{
	struct found f = {0};
	clr_frame_values(e->c, e->ilf, e->cm, e->tok, e->il, false, name, take_first, &f);
	if (!f.any)
		clr_frame_values(e->c, e->ilf, e->cm, e->tok, e->il, true, name, take_first, &f);
	if (!f.any)
		return 1;
	if (!f.v)
		return mx_err_set(e->err, "'%s' is not available here: %s", name,
				  clr_hresult_desc(f.hr));
	out->kind = MV_VALUE;
	out->v = f.v;
	return 0;
}

/* The frame's method's declaring TypeDef. */
static bool method_type(struct meval *e, struct clr_typedef *td)
{
	uint32_t type = 0;
	if (!e->cm->img || meta_method_type(e->cm->img, e->tok, &type, NULL) < 0 || !type)
		return false;
	td->cm = e->cm;
	td->token = type;
	return true;
}

/* A static field of a TypeDef (or its enclosing types'), read through its ICorDebugClass
 * (which also serves generic types' non-generic statics poorly: those need the type). */
static int typedef_static(struct meval *e, struct clr_typedef td, const char *name, struct mv *out)
{
	for (int depth = 0; td.token && depth < 16; depth++) {
		ICorDebugType *t = NULL;
		ICorDebugValue *v = NULL;
		struct mx_err ignore;
		if (clr_typedef_type(&td, &t, &ignore) == 0) {
			int r = clr_static_field_named(e->c, t, e->frame, name, &v, e->err);
			COM_RELEASE(t);
			if (r < 0)
				return -1;
			if (r == 0) {
				out->kind = MV_VALUE;
				out->v = v;
				return 0;
			}
		}
		uint32_t outer = 0;
		if (meta_type_enclosing(td.cm->img, td.token, &outer, NULL) < 0)
			break;
		td.token = outer;
	}
	return 1;
}

/* Whether a TypeDef is an enum: it has the instance field value__ (ECMA-335 II.14.3). */
static bool is_enum(const struct clr_typedef *td)
{
	uint32_t *fields = NULL;
	size_t n = 0;
	bool found = false;
	meta_type_fields(td->cm->img, td->token, &fields, &n, NULL);
	for (size_t i = 0; i < n && !found; i++) {
		const char *name;
		found = meta_field_name(td->cm->img, fields[i], &name, NULL) == 0 &&
			strcmp(name, "value__") == 0;
	}
	free(fields);
	return found;
}

/* A constant (const field, enum member) of a TypeDef: its value as a primitive. */
static int typedef_constant(struct meval *e, const struct clr_typedef *td, const char *name,
			    struct mv *out)
{
	uint32_t *fields = NULL;
	size_t n = 0;
	int r = 1;
	meta_type_fields(td->cm->img, td->token, &fields, &n, NULL);
	for (size_t i = 0; i < n && r == 1; i++) {
		const char *fname;
		uint16_t flags;
		uint8_t et;
		uint64_t value;
		bool found;
		if (meta_field_name(td->cm->img, fields[i], &fname, NULL) < 0 ||
		    strcmp(fname, name) != 0 ||
		    meta_field_flags(td->cm->img, fields[i], &flags, NULL) < 0 ||
		    !(flags & META_FIELD_LITERAL) ||
		    meta_field_constant(td->cm->img, fields[i], &et, &value, &found, NULL) < 0 ||
		    !found)
			continue;
		if (mv_is_numeric((CorElementType)et) || et == ELEMENT_TYPE_BOOLEAN) {
			mv_from_bytes(out, (CorElementType)et, (const uint8_t *)&value);
			if (is_enum(td))
				out->td = *td;
			r = 0;
		} else {
			r = mx_err_set(e->err, "the constant '%s' is not a number", name);
		}
	}
	free(fields);
	return r;
}

/* Whether some loaded type's full name starts with prefix + ".". */
static bool namespace_exists(struct clr *c, const char *prefix)
{
	size_t pl = strlen(prefix);
	for (size_t m = 0; m < c->nmods; m++) {
		struct clr_module *cm = &c->mods[m];
		if (!cm->img)
			continue;
		uint32_t n = meta_type_count(cm->img);
		for (uint32_t row = 2; row <= n; row++) {
			char *name = NULL;
			bool hit = meta_type_name(cm->img, META_TOKEN(META_T_TYPEDEF, row), &name,
						  NULL) == 0 &&
				   strncmp(name, prefix, pl) == 0 && name[pl] == '.';
			free(name);
			if (hit)
				return true;
		}
	}
	return false;
}

static int find_type(struct meval *e, const char *name, struct mv *out, bool quiet)
{
	const char *full = mv_keyword_full_name(name);
	struct mx_err ignore;
	if (clr_find_typedef(e->c, full ? full : name, &out->td, quiet ? &ignore : e->err) != 0)
		return quiet ? 1 : -1;
	out->kind = MV_TYPE;
	return 0;
}

static int eval_name(struct meval *e, const struct csx_node *n, struct mv *out)
{
	const char *name = n->text;
	if (strcmp(name, "$exception") == 0) {
		/* the current thread's exception, at an exception stop or in a catch block */
		ICorDebugValue *v = NULL;
		if (ses_managed_exception_value(e->s, &v, e->err) != 0)
			return -1;
		out->kind = MV_VALUE;
		out->v = v;
		return 0;
	}
	if (!(n->flags & CSX_NAME_KEYWORD)) {
		int r = frame_value(e, name, out);
		if (r <= 0)
			return r;
		/* a member of `this`, then a static of the method's class */
		struct mv self = {0};
		if (frame_value(e, "this", &self) == 0) {
			ICorDebugValue *obj = NULL, *fv = NULL;
			int fr = 1;
			if (clr_value_strip(self.v, &obj) == 0 && obj)
				fr = clr_field_named(e->c, obj, e->frame, name, &fv, e->err);
			COM_RELEASE(obj);
			mv_clear(&self);
			if (fr < 0)
				return -1;
			if (fr == 0) {
				out->kind = MV_VALUE;
				out->v = fv;
				return 0;
			}
		}
		struct clr_typedef td;
		if (method_type(e, &td)) {
			r = typedef_static(e, td, name, out);
			if (r <= 0)
				return r;
			r = typedef_constant(e, &td, name, out);
			if (r <= 0)
				return r;
		}
	}
	if (find_type(e, name, out, true) == 0)
		return 0;
	if (namespace_exists(e->c, name)) {
		out->kind = MV_NS;
		out->str = xstrdup(name);
		return 0;
	}
	/* last, a property of `this` (its getter runs in the program) */
	struct mv self = {0};
	if (!(n->flags & CSX_NAME_KEYWORD) && frame_value(e, "this", &self) == 0) {
		int r = meval_property(e, &self, name, out);
		mv_clear(&self);
		if (r == 0 || !strstr(e->err->msg, "does not contain a definition"))
			return r;
	}
	return mx_err_set(
	    e->err, "error CS0103: The name '%s' does not exist in the current context", name);
}

/* ---- members ---- */

static int null_reference(struct meval *e)
{
	return mx_err_set(e->err, "Object reference not set to an instance of an object.");
}

static int member_of_type(struct meval *e, struct mv *target, const char *name, struct mv *out)
{
	int r = typedef_static(e, target->td, name, out);
	if (r <= 0)
		return r;
	r = typedef_constant(e, &target->td, name, out);
	if (r <= 0)
		return r;
	char tname[512], nested[1024];
	clr_sym_type_name(target->td.cm, target->td.token, tname, sizeof(tname));
	snprintf(nested, sizeof(nested), "%s.%s", tname, name);
	struct mx_err ignore;
	if (clr_find_typedef(e->c, nested, &out->td, &ignore) == 0) {
		out->kind = MV_TYPE;
		return 0;
	}
	(void)tname;
	return meval_property(e, target, name, out); /* a static property, or C#'s error */
}

static int member_of_value(struct meval *e, struct mv *target, const char *name, bool conditional,
			   struct mv *out)
{
	ICorDebugValue *obj = NULL;
	if (clr_value_strip(target->v, &obj) < 0)
		return mx_err_set(e->err, "cannot read the value");
	if (!obj) {
		if (conditional) {
			out->kind = MV_NULL;
			return 0;
		}
		return null_reference(e);
	}
	int r = 1;
	ICorDebugArrayValue *av = NULL;
	ICorDebugStringValue *sv = NULL;
	if (strcmp(name, "Length") == 0 &&
	    COM(obj, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) >= 0) {
		ULONG32 count = 0;
		COM(av, GetCount, &count);
		mv_from_bytes(out, ELEMENT_TYPE_I4, (const uint8_t *)&count);
		r = 0;
	} else if (strcmp(name, "Length") == 0 &&
		   COM(obj, QueryInterface, &IID_ICorDebugStringValue, (void **)&sv) >= 0) {
		ULONG32 count = 0;
		COM(sv, GetLength, &count);
		mv_from_bytes(out, ELEMENT_TYPE_I4, (const uint8_t *)&count);
		r = 0;
	} else {
		ICorDebugValue *fv = NULL;
		r = clr_field_named(e->c, obj, e->frame, name, &fv, e->err);
		if (r == 0) {
			out->kind = MV_VALUE;
			out->v = fv;
		}
	}
	COM_RELEASE(sv);
	COM_RELEASE(av);
	COM_RELEASE(obj);
	if (r == 1)
		return meval_property(e, target, name, out);
	return r;
}

static int eval_member(struct meval *e, const struct csx_node *n, struct mv *out)
{
	struct mv target = {0};
	if (meval(e, n->kids[0], &target) != 0)
		return -1;
	int r;
	if (target.kind == MV_NS) {
		size_t len = strlen(target.str) + strlen(n->text) + 2;
		char *prefix = xmalloc(len);
		snprintf(prefix, len, "%s.%s", target.str, n->text);
		if (find_type(e, prefix, out, true) == 0) {
			r = 0;
		} else if (namespace_exists(e->c, prefix)) {
			out->kind = MV_NS;
			out->str = prefix;
			prefix = NULL;
			r = 0;
		} else {
			r = mx_err_set(e->err,
				       "error CS0234: The type or namespace name '%s' does not "
				       "exist in the namespace '%s'",
				       n->text, target.str);
		}
		free(prefix);
	} else if ((target.kind == MV_TYPE || target.kind == MV_STR) &&
		   n->kids[0]->kind == CSX_TYPEOF) {
		r = meval_typeof_member(e, n->kids[0]->type, &target, n->text, out);
	} else if (target.kind == MV_TYPE) {
		r = member_of_type(e, &target, n->text, out);
	} else if (target.kind == MV_VALUE) {
		r = member_of_value(e, &target, n->text, n->conditional, out);
	} else if (target.kind == MV_NULL) {
		if (n->conditional) {
			out->kind = MV_NULL;
			r = 0;
		} else {
			r = null_reference(e);
		}
	} else if (target.kind == MV_STR && strcmp(n->text, "Length") == 0) {
		/* C#'s Length counts UTF-16 code units */
		char16_t *w = utf8_to_utf16(target.str);
		uint32_t count = (uint32_t)utf16_len(w);
		free(w);
		mv_from_bytes(out, ELEMENT_TYPE_I4, (const uint8_t *)&count);
		r = 0;
	} else {
		char tname[64];
		meval_type_text(e, &target, tname, sizeof(tname));
		r = mx_err_set(e->err, "error CS1061: '%s' does not contain a definition for '%s'",
			       tname, n->text);
	}
	mv_clear(&target);
	return r;
}

/* ---- indexing ---- */

/* Whether a value is an array or a string (indexed here) rather than an object whose
 * indexer is a property (false for null too). */
static bool indexed_here(const struct mv *m)
{
	ICorDebugValue *obj = NULL;
	ICorDebugArrayValue *av = NULL;
	ICorDebugStringValue *sv = NULL;
	if (clr_value_strip(m->v, &obj) != 0 || !obj)
		return true;
	bool here = COM(obj, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) >= 0 ||
		    COM(obj, QueryInterface, &IID_ICorDebugStringValue, (void **)&sv) >= 0;
	COM_RELEASE(av);
	COM_RELEASE(sv);
	COM_RELEASE(obj);
	return here;
}

static int eval_index(struct meval *e, const struct csx_node *n, struct mv *out)
{
	struct mv target = {0};
	if (meval(e, n->kids[0], &target) != 0)
		return -1;
	int r = -1;
	if (n->nkids >= 2 && (n->kids[1]->kind == CSX_RANGE || n->kids[1]->kind == CSX_FROM_END)) {
		r = meval_index_range(e, &target, n, out); /* meval_range.c */
		goto out;
	}
	if (target.kind == MV_VALUE && !indexed_here(&target)) {
		r = meval_indexer(e, &target, n, out);
		goto out;
	}
	uint32_t idx[32];
	size_t nidx = n->nkids - 1;
	if (nidx > 32) {
		r = mx_err_set(e->err, "too many indices");
		goto out;
	}
	for (size_t i = 0; i < nidx; i++) {
		struct mv iv = {0}, conv;
		if (meval(e, n->kids[i + 1], &iv) != 0 || meval_load(e, &iv) != 0)
			goto out;
		if (iv.kind != MV_PRIM || !mv_is_numeric(iv.et) || iv.et == ELEMENT_TYPE_R4 ||
		    iv.et == ELEMENT_TYPE_R8) {
			char tname[64];
			meval_type_text(e, &iv, tname, sizeof(tname));
			mv_clear(&iv);
			r = mx_err_set(e->err,
				       "error CS0029: Cannot implicitly convert type '%s' to 'int'",
				       tname);
			goto out;
		}
		mv_convert(&iv, ELEMENT_TYPE_I8, true, &conv, NULL);
		mv_clear(&iv);
		if (conv.n.i < 0 || conv.n.i > UINT32_MAX) {
			r = mx_err_set(e->err, "Index was outside the bounds of the array.");
			goto out;
		}
		idx[i] = (uint32_t)conv.n.i;
	}
	if (target.kind == MV_NULL) {
		if (n->conditional) {
			out->kind = MV_NULL;
			r = 0;
		} else {
			r = null_reference(e);
		}
		goto out;
	}
	if (target.kind == MV_VALUE) {
		ICorDebugValue *obj = NULL;
		ICorDebugArrayValue *av = NULL;
		if (clr_value_strip(target.v, &obj) < 0) {
			r = mx_err_set(e->err, "cannot read the value");
		} else if (!obj) {
			if (n->conditional) {
				out->kind = MV_NULL;
				r = 0;
			} else {
				r = null_reference(e);
			}
		} else if (COM(obj, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) >= 0) {
			ICorDebugValue *ev = NULL;
			r = clr_array_element(obj, idx, nidx, &ev, e->err);
			if (r == 0) {
				out->kind = MV_VALUE;
				out->v = ev;
			}
		} else {
			r = 1;
		}
		COM_RELEASE(av);
		COM_RELEASE(obj);
		if (r != 1)
			goto out;
	}
	if (meval_load(e, &target) != 0)
		goto out;
	if (target.kind == MV_STR && nidx == 1) {
		/* string indexing counts UTF-16 code units */
		char16_t *w = utf8_to_utf16(target.str);
		bool inside = idx[0] < utf16_len(w);
		char16_t unit = inside ? w[idx[0]] : 0;
		free(w);
		if (!inside) {
			r = mx_err_set(e->err, "Index was outside the bounds of the array.");
			goto out;
		}
		mv_from_bytes(out, ELEMENT_TYPE_CHAR, (const uint8_t *)&unit);
		r = 0;
		goto out;
	}
	char tname[512];
	meval_type_text(e, &target, tname, sizeof(tname));
	r = mx_err_set(e->err,
		       "error CS0021: Cannot apply indexing with [] to an expression of type '%s' "
		       "(indexers are properties: calls are not evaluated here)",
		       tname);
out:
	mv_clear(&target);
	return r;
}

/* ---- operators ---- */

/* The address a reference holds, for reference equality. */
static bool reference_address(const struct mv *m, CORDB_ADDRESS *addr)
{
	ICorDebugReferenceValue *ref = NULL;
	if (m->kind != MV_VALUE ||
	    COM(m->v, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) < 0)
		return false;
	bool ok = COM(ref, GetValue, addr) >= 0;
	COM_RELEASE(ref);
	return ok;
}

static int eval_binary(struct meval *e, const struct csx_node *n, struct mv *out)
{
	struct mv a = {0}, b = {0};
	int op = n->op;
	int r = -1;
	if (meval(e, n->kids[0], &a) != 0 || meval_load(e, &a) != 0)
		goto out;
	/* short-circuit operators and ?? evaluate the right side only when needed */
	if (op == CSX_OP_ANDAND || op == CSX_OP_OROR) {
		if (a.kind != MV_PRIM || a.et != ELEMENT_TYPE_BOOLEAN) {
			char tname[256];
			meval_type_text(e, &a, tname, sizeof(tname));
			r = mx_err_set(
			    e->err, "error CS0029: Cannot implicitly convert type '%s' to 'bool'",
			    tname);
			goto out;
		}
		if ((op == CSX_OP_ANDAND) != (a.n.u != 0)) {
			*out = a;
			memset(&a, 0, sizeof(a));
			r = 0;
			goto out;
		}
	}
	if (op == CSX_OP_COALESCE) {
		if (a.kind != MV_NULL) {
			*out = a;
			memset(&a, 0, sizeof(a));
			r = 0;
			goto out;
		}
		r = meval(e, n->kids[1], out);
		goto out;
	}
	if (meval(e, n->kids[1], &b) != 0 || meval_load(e, &b) != 0)
		goto out;
	if ((op == CSX_OP_EQ || op == CSX_OP_NE) && (a.kind == MV_VALUE || b.kind == MV_VALUE)) {
		/* objects: reference equality (no operator== overloads: those are calls) */
		CORDB_ADDRESS x = 0, y = 0;
		bool ok = (a.kind == MV_NULL || reference_address(&a, &x)) &&
			  (b.kind == MV_NULL || reference_address(&b, &y));
		if (ok) {
			memset(out, 0, sizeof(*out));
			out->kind = MV_PRIM;
			out->et = ELEMENT_TYPE_BOOLEAN;
			out->n.u = (x == y) == (op == CSX_OP_EQ);
			r = 0;
			goto out;
		}
	}
	if ((op == CSX_OP_EQ || op == CSX_OP_NE) && (a.kind == MV_NULL) != (b.kind == MV_NULL) &&
	    (a.kind == MV_PRIM || b.kind == MV_PRIM)) {
		/* a non-nullable number is never null (C# warns, and says false) */
		memset(out, 0, sizeof(*out));
		out->kind = MV_PRIM;
		out->et = ELEMENT_TYPE_BOOLEAN;
		out->n.u = op == CSX_OP_NE;
		r = 0;
		goto out;
	}
	if ((op == CSX_OP_ANDAND || op == CSX_OP_OROR) &&
	    (b.kind != MV_PRIM || b.et != ELEMENT_TYPE_BOOLEAN)) {
		char tname[256];
		meval_type_text(e, &b, tname, sizeof(tname));
		r = mx_err_set(
		    e->err, "error CS0029: Cannot implicitly convert type '%s' to 'bool'", tname);
		goto out;
	}
	if (a.kind == MV_VALUE || b.kind == MV_VALUE) {
		char x[256], y[256];
		meval_type_text(e, &a, x, sizeof(x));
		meval_type_text(e, &b, y, sizeof(y));
		r = mx_err_set(e->err,
			       "error CS0019: Operator cannot be applied to operands of type '%s' "
			       "and '%s'",
			       x, y);
		goto out;
	}
	r = mv_binary(op, &a, &b, out, e->err);
	/* Flags combined with | & ^ stay of their enum type */
	if (r == 0 && (op == '|' || op == '&' || op == '^') && a.td.cm && a.td.cm == b.td.cm &&
	    a.td.token == b.td.token)
		out->td = a.td;
out:
	mv_clear(&a);
	mv_clear(&b);
	return r;
}

/* ---- casts and type tests ---- */

/* The TypeDef a written type names (not arrays or generic instances). */
static int written_type(struct meval *e, const struct csx_type *t, struct clr_typedef *td)
{
	char text[512];
	csx_type_text(t, text, sizeof(text));
	if (t->rank || t->nargs || t->nullable)
		return mx_err_set(e->err, "type tests and casts to '%s' are not supported", text);
	struct mv m = {0};
	if (find_type(e, t->name, &m, false) != 0)
		return -1;
	*td = m.td;
	return 0;
}

/* Whether a value's runtime type is, or derives from, td (interfaces are not seen). */
static bool value_is(struct meval *e, const struct mv *m, const struct clr_typedef *td)
{
	ICorDebugValue *obj = NULL;
	ICorDebugType *t = NULL;
	char want[512];
	clr_sym_type_name(td->cm, td->token, want, sizeof(want));
	char *lt = strchr(want, '<');
	if (lt)
		*lt = 0;
	bool is = m->kind == MV_VALUE && clr_value_strip(m->v, &obj) == 0 && obj &&
		  clr_value_type(obj, &t) == 0 && clr_type_is(e->c, t, want);
	COM_RELEASE(t);
	COM_RELEASE(obj);
	return is;
}

static int eval_type_test(struct meval *e, const struct csx_node *n, struct mv *out)
{
	struct mv a = {0};
	if (meval(e, n->kids[0], &a) != 0 || meval_load(e, &a) != 0) {
		mv_clear(&a);
		return -1;
	}
	int r = 0;
	bool is;
	if (n->kind == CSX_IS && (n->flags & CSX_IS_NULL)) {
		is = a.kind == MV_NULL;
	} else if (n->type->keyword && mv_keyword_type(n->type->name)) {
		is = a.kind == MV_PRIM && a.et == mv_keyword_type(n->type->name);
	} else if (n->type->keyword && strcmp(n->type->name, "string") == 0) {
		is = a.kind == MV_STR;
	} else if (n->type->keyword && strcmp(n->type->name, "object") == 0) {
		is = a.kind != MV_NULL;
	} else {
		struct clr_typedef td;
		if (written_type(e, n->type, &td) != 0) {
			mv_clear(&a);
			return -1;
		}
		is = value_is(e, &a, &td);
	}
	if (n->kind == CSX_IS) {
		if (n->flags & CSX_IS_NOT)
			is = !is;
		memset(out, 0, sizeof(*out));
		out->kind = MV_PRIM;
		out->et = ELEMENT_TYPE_BOOLEAN;
		out->n.u = is;
	} else if (is) { /* as */
		*out = a;
		memset(&a, 0, sizeof(a));
	} else {
		out->kind = MV_NULL;
	}
	mv_clear(&a);
	return r;
}

static int eval_cast(struct meval *e, const struct csx_node *n, struct mv *out)
{
	struct mv a = {0};
	if (meval(e, n->kids[0], &a) != 0 || meval_load(e, &a) != 0) {
		mv_clear(&a);
		return -1;
	}
	int r;
	CorElementType to = n->type->keyword ? mv_keyword_type(n->type->name) : 0;
	if (to) {
		r = mv_convert(&a, to, true, out, e->err);
	} else if (n->type->keyword && strcmp(n->type->name, "decimal") == 0 && !n->type->rank) {
		memset(out, 0, sizeof(*out));
		out->kind = MV_DEC;
		r = mv_to_dec(&a, true, &out->dec, e->err);
		if (r != 0 && !e->err->msg[0])
			mx_err_set(e->err, "error CS0030: Cannot convert that type to 'decimal'");
	} else if (n->type->keyword && (strcmp(n->type->name, "object") == 0 ||
					(strcmp(n->type->name, "string") == 0 &&
					 (a.kind == MV_STR || a.kind == MV_NULL)))) {
		*out = a;
		memset(&a, 0, sizeof(a));
		r = 0;
	} else {
		struct clr_typedef td;
		char from[512], want[512];
		r = written_type(e, n->type, &td);
		if (r == 0 && a.kind == MV_PRIM && is_enum(&td) && mv_is_numeric(a.et)) {
			*out = a; /* (Color)5: the number, shown as the enum's member */
			out->td = td;
		} else if (r == 0 && (a.kind == MV_NULL || value_is(e, &a, &td))) {
			*out = a;
			memset(&a, 0, sizeof(a));
		} else if (r == 0) {
			meval_type_text(e, &a, from, sizeof(from));
			clr_sym_type_name(td.cm, td.token, want, sizeof(want));
			r = mx_err_set(e->err, "Unable to cast object of type '%s' to type '%s'.",
				       from, want);
		}
	}
	mv_clear(&a);
	return r;
}

static int eval_cond(struct meval *e, const struct csx_node *n, struct mv *out)
{
	struct mv c = {0};
	if (meval(e, n->kids[0], &c) != 0 || meval_load(e, &c) != 0) {
		mv_clear(&c);
		return -1;
	}
	if (c.kind != MV_PRIM || c.et != ELEMENT_TYPE_BOOLEAN) {
		char tname[256];
		meval_type_text(e, &c, tname, sizeof(tname));
		mv_clear(&c);
		return mx_err_set(
		    e->err, "error CS0029: Cannot implicitly convert type '%s' to 'bool'", tname);
	}
	bool which = c.n.u != 0;
	mv_clear(&c);
	return meval(e, n->kids[which ? 1 : 2], out);
}

static int eval_literal(const struct csx_node *n, struct mv *out, struct mx_err *err)
{
	memset(out, 0, sizeof(*out));
	out->kind = MV_PRIM;
	switch (n->kind) {
	case CSX_INT: {
		/* C#: the first of int, uint, long, ulong that holds it (suffixes narrow) */
		bool u = n->flags & CSX_LIT_U, l = n->flags & CSX_LIT_L;
		uint64_t v = n->u64;
		if (!u && !l && v <= INT32_MAX)
			out->et = ELEMENT_TYPE_I4;
		else if (!l && v <= UINT32_MAX)
			out->et = ELEMENT_TYPE_U4;
		else if (!u && v <= INT64_MAX)
			out->et = ELEMENT_TYPE_I8;
		else
			out->et = ELEMENT_TYPE_U8;
		out->n.u = v;
		return 0;
	}
	case CSX_REAL:
		if (n->flags & CSX_LIT_M) {
			/* the digits as written (1.50m keeps its two places), without the m */
			char digits[512];
			size_t dl = strlen(n->text);
			snprintf(digits, sizeof(digits), "%.*s", (int)(dl ? dl - 1 : 0), n->text);
			out->kind = MV_DEC;
			return mdec_parse(digits, &out->dec, err);
		}
		out->et = (n->flags & CSX_LIT_F) ? ELEMENT_TYPE_R4 : ELEMENT_TYPE_R8;
		out->n.d = (n->flags & CSX_LIT_F) ? (float)n->f64 : n->f64;
		return 0;
	case CSX_CHAR:
		out->et = ELEMENT_TYPE_CHAR;
		out->n.u = n->u64;
		return 0;
	case CSX_BOOL:
		out->et = ELEMENT_TYPE_BOOLEAN;
		out->n.u = n->u64;
		return 0;
	case CSX_STRING:
		out->kind = MV_STR;
		out->str = xstrdup(n->text);
		return 0;
	default:
		out->kind = MV_NULL;
		return 0;
	}
}

static int eval_sizeof(struct meval *e, const struct csx_node *n, struct mv *out)
{
	CorElementType et = n->type->keyword ? mv_keyword_type(n->type->name) : 0;
	if (!et)
		return mx_err_set(e->err,
				  "sizeof is supported for the predefined number types only");
	static const struct {
		CorElementType et;
		uint32_t size;
	} sizes[] = {{ELEMENT_TYPE_BOOLEAN, 1}, {ELEMENT_TYPE_CHAR, 2}, {ELEMENT_TYPE_I1, 1},
		     {ELEMENT_TYPE_U1, 1},	{ELEMENT_TYPE_I2, 2},	{ELEMENT_TYPE_U2, 2},
		     {ELEMENT_TYPE_I4, 4},	{ELEMENT_TYPE_U4, 4},	{ELEMENT_TYPE_I8, 8},
		     {ELEMENT_TYPE_U8, 8},	{ELEMENT_TYPE_R4, 4},	{ELEMENT_TYPE_R8, 8},
		     {ELEMENT_TYPE_I, 8},	{ELEMENT_TYPE_U, 8}};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		if (sizes[i].et == et)
			mv_from_bytes(out, ELEMENT_TYPE_I4, (const uint8_t *)&sizes[i].size);
	return 0;
}

static int eval_default(struct meval *e, const struct csx_node *n, struct mv *out)
{
	CorElementType et = n->type && n->type->keyword ? mv_keyword_type(n->type->name) : 0;
	memset(out, 0, sizeof(*out));
	if (et) {
		out->kind = MV_PRIM;
		out->et = et;
		return 0;
	}
	if (!n->type)
		return mx_err_set(e->err, "error CS8716: There is no target type for the default "
					  "literal.");
	out->kind = MV_NULL; /* reference types; structs' defaults would need a new value */
	return 0;
}

int meval(struct meval *e, const struct csx_node *n, struct mv *out)
{
	memset(out, 0, sizeof(*out));
	switch (n->kind) {
	case CSX_INT:
	case CSX_REAL:
	case CSX_CHAR:
	case CSX_BOOL:
	case CSX_STRING:
	case CSX_NULL:
		return eval_literal(n, out, e->err);
	case CSX_THIS: {
		int r = frame_value(e, "this", out);
		if (r == 1)
			return mx_err_set(e->err, "error CS0026: Keyword 'this' is not valid in a "
						  "static property, static method, or static field "
						  "initializer");
		return r;
	}
	case CSX_NAME:
		if (n->ntype_args)
			return mx_err_set(e->err, "a generic method needs its arguments: "
						  "Name<T>(...)");
		return eval_name(e, n, out);
	case CSX_MEMBER:
		return eval_member(e, n, out);
	case CSX_INDEX:
		return eval_index(e, n, out);
	case CSX_UNARY: {
		if (n->op != '-' && n->op != '+' && n->op != '!' && n->op != '~')
			return mx_err_set(e->err, "increment and decrement are not supported: use "
						  "set var");
		struct mv a = {0};
		int r = meval(e, n->kids[0], &a) != 0 || meval_load(e, &a) != 0
			    ? -1
			    : mv_unary(n->op, &a, out, e->err);
		mv_clear(&a);
		return r;
	}
	case CSX_BINARY:
		return eval_binary(e, n, out);
	case CSX_COND:
		return eval_cond(e, n, out);
	case CSX_CAST:
		return eval_cast(e, n, out);
	case CSX_IS:
	case CSX_AS:
		return eval_type_test(e, n, out);
	case CSX_SIZEOF:
		return eval_sizeof(e, n, out);
	case CSX_DEFAULT:
		return eval_default(e, n, out);
	case CSX_TYPEOF: {
		struct clr_typedef td;
		if (n->type->keyword && mv_keyword_full_name(n->type->name)) {
			out->kind = MV_STR;
			out->str = xstrdup(mv_keyword_full_name(n->type->name));
			return 0;
		}
		if (written_type(e, n->type, &td) != 0)
			return -1;
		out->kind = MV_TYPE;
		out->td = td;
		return 0;
	}
	case CSX_CALL:
		return meval_call(e, n, out);
	case CSX_NEW:
		return meval_new(e, n, out);
	case CSX_ASSIGN:
		return mx_err_set(e->err, "assignments are done with `set var`");
	case CSX_RANGE:
	case CSX_FROM_END:
		return mx_err_set(e->err, "a range or an index from the end (^) goes inside []: "
					  "a[1..3], a[^1]");
	default:
		return mx_err_set(e->err, "'base' is not supported");
	}
}

/* ---- entry points ---- */

int meval_begin(struct meval *e, struct ses *s, const struct meval_opts *o, struct mx_err *err)
{
	memset(e, 0, sizeof(*e));
	e->s = s;
	e->c = s->clr;
	e->o = o;
	e->err = err;
	if (ses_managed_eval_frame(s, o->leaf, o->tid, &e->ilf, &e->cm, &e->tok, &e->il, err) != 0)
		return -1;
	e->frame = (ICorDebugFrame *)e->ilf; /* an IL frame is a frame (same object) */
	return 0;
}

void meval_end(struct meval *e)
{
	COM_RELEASE(e->ilf);
	for (size_t i = 0; i < e->nheld; i++)
		COM_RELEASE(e->held[i]);
	e->nheld = 0;
}

int meval_parse_eval(struct ses *s, const char *expr, const struct meval_opts *o, struct mv *out,
		     struct mx_err *err)
{
	struct csx_node *tree = NULL;
	if (csx_parse(expr, &tree, err) != 0)
		return -1;
	struct meval e;
	int r = meval_begin(&e, s, o, err);
	if (r == 0) {
		r = meval(&e, tree, out);
		if (r == 0 && out->kind == MV_NS) {
			r = mx_err_set(err,
				       "error CS0103: The name '%s' does not exist in the current "
				       "context",
				       out->str);
			mv_clear(out);
		}
	}
	meval_end(&e);
	csx_free(tree);
	return r;
}

void meval_quote(const char *s, char *buf, size_t len)
{
	size_t o = 0;
	if (len < 3)
		return;
	buf[o++] = '"';
	for (; *s && o + 3 < len; s++) {
		if (*s == '"' || *s == '\\' || *s == '\n') {
			buf[o++] = '\\';
			buf[o++] = *s == '\n' ? 'n' : *s;
		} else {
			buf[o++] = *s;
		}
	}
	buf[o++] = '"';
	buf[o] = 0;
}

void meval_format(struct ses *s, const struct mv *m, char *out, size_t outlen)
{
	switch (m->kind) {
	case MV_VALUE:
		clr_value_contents(s->clr, m->v, out, outlen);
		break;
	case MV_PRIM:
		if (m->td.cm)
			clr_enum_text(&m->td, m->n.u, mv_prim_size(m->et), mv_is_signed(m->et), out,
				      outlen);
		else
			mv_prim_text(m, out, outlen);
		break;
	case MV_STR:
		meval_quote(m->str, out, outlen);
		break;
	case MV_DEC:
		mdec_text(&m->dec, out, outlen);
		break;
	case MV_NULL:
		snprintf(out, outlen, "null");
		break;
	case MV_TYPE: {
		char name[512];
		clr_sym_type_name(m->td.cm, m->td.token, name, sizeof(name));
		snprintf(out, outlen, "{%s}", name);
		break;
	}
	default:
		snprintf(out, outlen, "(void)"); /* a method that returns nothing */
	}
}

int ses_meval_print(struct ses *s, const char *expr, const struct meval_opts *o, char *out,
		    size_t outlen, struct mx_err *err)
{
	struct mv m = {0};
	int r = meval_print_slice(s, expr, o, out, outlen, err);
	if (r != 1)
		return r;
	if (meval_parse_eval(s, expr, o, &m, err) != 0)
		return -1;
	char declared[512], dynamic[512];
	if (m.kind == MV_VALUE) /* arrays show `set print elements` of their elements */
		clr_value_contents_limit(s->clr, m.v, nat_print_elements(), out, outlen);
	if (m.kind == MV_VALUE &&
	    ses_meval_declared(s, expr, o, declared, sizeof(declared), dynamic, sizeof(dynamic)))
		meval_prefix_declared(declared, out, outlen);
	else if (m.kind != MV_VALUE)
		meval_format(s, &m, out, outlen);
	mv_clear(&m);
	return 0;
}

int ses_meval_bool(struct ses *s, const char *expr, const struct meval_opts *o, bool *result,
		   struct mx_err *err)
{
	struct mv m = {0};
	if (meval_parse_eval(s, expr, o, &m, err) != 0)
		return -1;
	struct meval e = {.s = s, .c = s->clr, .err = err};
	int r = meval_load(&e, &m);
	if (r == 0 && (m.kind != MV_PRIM || m.et != ELEMENT_TYPE_BOOLEAN)) {
		char tname[256];
		meval_type_text(&e, &m, tname, sizeof(tname));
		r = mx_err_set(err, "error CS0029: Cannot implicitly convert type '%s' to 'bool'",
			       tname);
	}
	if (r == 0)
		*result = m.n.u != 0;
	mv_clear(&m);
	return r;
}
