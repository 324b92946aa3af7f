/* mobject.c: fields, array elements and types by name, read through ICorDebug and the
 * modules' metadata. */
#include "clr/mobject.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/hresult.h"
#include "clr/symbols.h"
#include "meta/meta.h"

int clr_value_strip(ICorDebugValue *v, ICorDebugValue **out)
{
	ICorDebugValue *cur = v;
	COM(cur, AddRef);
	*out = NULL;
	for (int depth = 0; depth < 8; depth++) {
		ICorDebugReferenceValue *ref = NULL;
		ICorDebugBoxValue *box = NULL;
		ICorDebugValue *next = NULL;
		if (COM(cur, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) >= 0) {
			BOOL is_null = 0;
			HRESULT hr = COM(ref, IsNull, &is_null);
			if (hr >= 0 && !is_null)
				hr = COM(ref, Dereference, &next);
			COM_RELEASE(ref);
			COM_RELEASE(cur);
			if (hr < 0)
				return -1;
			if (is_null)
				return 0;
			cur = next;
			continue;
		}
		if (COM(cur, QueryInterface, &IID_ICorDebugBoxValue, (void **)&box) >= 0) {
			ICorDebugObjectValue *inner = NULL;
			HRESULT hr = COM(box, GetObject, &inner);
			COM_RELEASE(box);
			COM_RELEASE(cur);
			if (hr < 0 || !inner)
				return -1;
			cur = (ICorDebugValue *)inner;
			continue;
		}
		*out = cur;
		return 0;
	}
	COM_RELEASE(cur);
	return -1;
}

int clr_value_type(ICorDebugValue *v, ICorDebugType **out)
{
	ICorDebugValue2 *v2 = NULL;
	*out = NULL;
	HRESULT hr = COM(v, QueryInterface, &IID_ICorDebugValue2, (void **)&v2);
	if (hr >= 0)
		hr = COM(v2, GetExactType, out);
	COM_RELEASE(v2);
	return hr >= 0 && *out ? 0 : -1;
}

bool clr_type_typedef(struct clr *c, ICorDebugType *t, struct clr_typedef *out)
{
	ICorDebugClass *cls = NULL;
	ICorDebugModule *m = NULL;
	CorElementType et = 0;
	bool ok = false;
	memset(out, 0, sizeof(*out));
	if (COM(t, GetType, &et) >= 0 &&
	    (et == ELEMENT_TYPE_CLASS || et == ELEMENT_TYPE_VALUETYPE) &&
	    COM(t, GetClass, &cls) >= 0 && COM(cls, GetToken, &out->token) >= 0 &&
	    COM(cls, GetModule, &m) >= 0) {
		out->cm = clr_module_find(c, m);
		ok = out->cm && out->cm->img;
	}
	COM_RELEASE(m);
	COM_RELEASE(cls);
	return ok;
}

/* The TypeDef's full name without generic parameters ("Fixtures.Box" for Box<T>). */
static bool typedef_name(const struct clr_typedef *td, char *buf, size_t len)
{
	char *name = NULL;
	if (meta_type_name(td->cm->img, td->token, &name, NULL) < 0)
		return false;
	char *lt = strchr(name, '<');
	if (lt)
		*lt = 0;
	snprintf(buf, len, "%s", name);
	free(name);
	return true;
}

bool clr_type_is(struct clr *c, ICorDebugType *t, const char *full)
{
	ICorDebugType *cur = t;
	COM(cur, AddRef);
	bool is = false;
	for (int depth = 0; cur && depth < 64 && !is; depth++) {
		struct clr_typedef td;
		char name[512];
		is = clr_type_typedef(c, cur, &td) && typedef_name(&td, name, sizeof(name)) &&
		     strcmp(name, full) == 0;
		ICorDebugType *base = NULL;
		if (COM(cur, GetBase, &base) < 0)
			base = NULL;
		COM_RELEASE(cur);
		cur = base;
	}
	COM_RELEASE(cur);
	return is;
}

/* The runtime's root types hold no fields a user wants to see. */
static bool is_root_type(const char *name)
{
	return strcmp(name, "System.Object") == 0 || strcmp(name, "System.ValueType") == 0 ||
	       strcmp(name, "System.Enum") == 0;
}

/* The C# name of a field: "<Name>k__BackingField" is the auto-property Name; other names
 * with '<' are the compiler's own (closures, state machines): NULL. */
static const char *field_display_name(const char *raw, char *buf, size_t len)
{
	if (raw[0] != '<')
		return raw;
	const char *end = strstr(raw, ">k__BackingField");
	if (!end || end == raw + 1)
		return NULL;
	snprintf(buf, len, "%.*s", (int)(end - raw - 1), raw + 1);
	return buf;
}

/* The fields of type t and its bases: instance ones read from obj (none when obj is NULL),
 * static ones (when statics) through frame. */
static int walk_fields(struct clr *c, ICorDebugType *t, ICorDebugObjectValue *obj,
		       ICorDebugFrame *frame, bool statics,
		       int (*fn)(void *arg, const struct clr_field *f), void *arg)
{
	COM(t, AddRef);
	int stop = 0;
	for (int depth = 0; t && depth < 64 && !stop; depth++) {
		struct clr_typedef td;
		char tname[512];
		uint32_t *fields = NULL;
		size_t n = 0;
		if (!clr_type_typedef(c, t, &td) || !typedef_name(&td, tname, sizeof(tname)) ||
		    is_root_type(tname))
			break;
		ICorDebugClass *cls = NULL;
		COM(t, GetClass, &cls);
		meta_type_fields(td.cm->img, td.token, &fields, &n, NULL);
		for (size_t i = 0; i < n && !stop; i++) {
			const char *raw = NULL;
			uint16_t flags = 0;
			char nbuf[256];
			if (meta_field_name(td.cm->img, fields[i], &raw, NULL) < 0 ||
			    meta_field_flags(td.cm->img, fields[i], &flags, NULL) < 0)
				continue;
			const char *name = field_display_name(raw, nbuf, sizeof(nbuf));
			bool is_static = (flags & META_FIELD_STATIC) != 0;
			if (!name || (flags & META_FIELD_LITERAL) || (is_static && !statics) ||
			    (!is_static && !obj))
				continue;
			struct clr_field f = {
			    .name = name, .is_static = is_static, .owner = t, .token = fields[i]};
			/* a [ThreadStatic] field's value is the one of frame's thread; without a
			 * frame the runtime answers E_INVALIDARG (dotnet/runtime
			 * src/coreclr/debug/di/rsclass.cpp, CordbClass::GetStaticFieldValue2) */
			f.hr = is_static ? COM(t, GetStaticFieldValue, fields[i], frame, &f.value)
					 : COM(obj, GetFieldValue, cls, fields[i], &f.value);
			if (f.hr < 0)
				f.value = NULL;
			stop = fn(arg, &f);
			COM_RELEASE(f.value);
		}
		free(fields);
		COM_RELEASE(cls);
		ICorDebugType *base = NULL;
		if (COM(t, GetBase, &base) < 0)
			base = NULL;
		COM_RELEASE(t);
		t = base;
	}
	COM_RELEASE(t);
	return stop;
}

int clr_fields(struct clr *c, ICorDebugValue *v, ICorDebugFrame *frame, bool statics,
	       int (*fn)(void *arg, const struct clr_field *f), void *arg)
{
	ICorDebugObjectValue *obj = NULL;
	ICorDebugType *t = NULL;
	if (COM(v, QueryInterface, &IID_ICorDebugObjectValue, (void **)&obj) < 0)
		return 0; /* primitives, strings, arrays: no fields to list */
	if (clr_value_type(v, &t) < 0) {
		COM_RELEASE(obj);
		return -1;
	}
	int stop = walk_fields(c, t, obj, frame, statics, fn, arg);
	COM_RELEASE(t);
	COM_RELEASE(obj);
	return stop;
}

int clr_static_fields(struct clr *c, ICorDebugType *t, ICorDebugFrame *frame,
		      int (*fn)(void *arg, const struct clr_field *f), void *arg)
{
	return walk_fields(c, t, NULL, frame, true, fn, arg);
}

bool clr_typedef_nameable(const struct clr_typedef *td)
{
	uint32_t tok = td->token;
	for (int depth = 0; tok && depth < 16; depth++) {
		uint32_t arity = 0, outer = 0;
		if (meta_type_generic_arity(td->cm->img, tok, &arity, NULL) < 0 || arity > 0 ||
		    meta_type_enclosing(td->cm->img, tok, &outer, NULL) < 0)
			return false;
		tok = outer;
	}
	return true;
}

struct named_field {
	const char *name;
	ICorDebugValue **out;
	HRESULT hr;
	bool found;
};

static int take_named(void *arg, const struct clr_field *f)
{
	struct named_field *nf = arg;
	if (strcmp(f->name, nf->name) != 0)
		return 0;
	nf->found = true;
	nf->hr = f->hr;
	if (f->value) {
		*nf->out = f->value;
		COM(f->value, AddRef);
	}
	return 1;
}

int clr_field_named(struct clr *c, ICorDebugValue *v, ICorDebugFrame *frame, const char *name,
		    ICorDebugValue **out, struct mx_err *err)
{
	struct named_field nf = {.name = name, .out = out};
	*out = NULL;
	clr_fields(c, v, frame, true, take_named, &nf);
	if (!nf.found)
		return 1;
	if (!*out)
		return mx_err_set(err, "cannot read field '%s': %s", name, clr_hresult_desc(nf.hr));
	return 0;
}

int clr_static_field_named(struct clr *c, ICorDebugType *t, ICorDebugFrame *frame, const char *name,
			   ICorDebugValue **out, struct mx_err *err)
{
	ICorDebugType *cur = t;
	COM(cur, AddRef);
	*out = NULL;
	int r = 1;
	for (int depth = 0; cur && depth < 64 && r == 1; depth++) {
		struct clr_typedef td;
		uint32_t *fields = NULL;
		size_t n = 0;
		if (!clr_type_typedef(c, cur, &td))
			break;
		meta_type_fields(td.cm->img, td.token, &fields, &n, NULL);
		for (size_t i = 0; i < n && r == 1; i++) {
			const char *raw = NULL;
			uint16_t flags = 0;
			char nbuf[256];
			if (meta_field_name(td.cm->img, fields[i], &raw, NULL) < 0 ||
			    meta_field_flags(td.cm->img, fields[i], &flags, NULL) < 0 ||
			    !(flags & META_FIELD_STATIC) || (flags & META_FIELD_LITERAL))
				continue;
			const char *fname = field_display_name(raw, nbuf, sizeof(nbuf));
			if (!fname || strcmp(fname, name) != 0)
				continue;
			HRESULT hr = COM(cur, GetStaticFieldValue, fields[i], frame, out);
			if (hr < 0 || !*out) {
				*out = NULL;
				r = mx_err_set(err, "cannot read static field '%s': %s", name,
					       clr_hresult_desc(hr));
			} else {
				r = 0;
			}
		}
		free(fields);
		ICorDebugType *base = NULL;
		if (COM(cur, GetBase, &base) < 0)
			base = NULL;
		COM_RELEASE(cur);
		cur = base;
	}
	COM_RELEASE(cur);
	return r;
}

int clr_array_element(ICorDebugValue *arr, const uint32_t *idx, size_t n, ICorDebugValue **out,
		      struct mx_err *err)
{
	ICorDebugArrayValue *av = NULL;
	*out = NULL;
	if (COM(arr, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) < 0)
		return mx_err_set(err, "not an array");
	ULONG32 rank = 0;
	ULONG32 dims[32];
	int r = -1;
	if (COM(av, GetRank, &rank) < 0 || rank == 0 || rank > 32 ||
	    COM(av, GetDimensions, rank, dims) < 0) {
		mx_err_set(err, "cannot read the array's dimensions");
		goto out;
	}
	if (n != rank) {
		mx_err_set(err, "Wrong number of indices inside []; expected %u", rank);
		goto out;
	}
	ULONG32 ix[32];
	for (size_t i = 0; i < n; i++) {
		if (idx[i] >= dims[i]) {
			mx_err_set(err, "Index was outside the bounds of the array.");
			goto out;
		}
		ix[i] = idx[i];
	}
	HRESULT hr = COM(av, GetElement, rank, ix, out);
	if (hr < 0 || !*out) {
		*out = NULL;
		mx_err_set(err, "cannot read the array element: %s", clr_hresult_desc(hr));
		goto out;
	}
	r = 0;
out:
	COM_RELEASE(av);
	return r;
}

/* Whether name matches a TypeDef's full name, or its last part(s) after a '.'. */
static bool name_matches(const char *full, const char *name)
{
	size_t fl = strlen(full), nl = strlen(name);
	if (nl > fl)
		return false;
	return strcmp(full + fl - nl, name) == 0 && (fl == nl || full[fl - nl - 1] == '.');
}

int clr_find_typedef(struct clr *c, const char *name, struct clr_typedef *out, struct mx_err *err)
{
	return clr_find_typedef_arity(c, name, UINT32_MAX, out, err);
}

int clr_find_typedef_arity(struct clr *c, const char *name, uint32_t arity, struct clr_typedef *out,
			   struct mx_err *err)
{
	int matches = 0;
	/* two passes: the user's modules (with symbols) first, then the framework's */
	for (int pass = 0; pass < 2 && matches == 0; pass++) {
		for (size_t m = 0; m < c->nmods; m++) {
			struct clr_module *cm = &c->mods[m];
			if (!cm->img || cm->user_code != (pass == 0))
				continue;
			uint32_t n = meta_type_count(cm->img);
			for (uint32_t row = 2; row <= n; row++) {
				struct clr_typedef td = {.cm = cm,
							 .token = META_TOKEN(META_T_TYPEDEF, row)};
				char full[512];
				uint32_t have = 0;
				if (!typedef_name(&td, full, sizeof(full)) ||
				    !name_matches(full, name))
					continue;
				/* List<int> means List`1 only */
				if (arity != UINT32_MAX &&
				    (meta_type_generic_arity(cm->img, td.token, &have, NULL) != 0 ||
				     have != arity))
					continue;
				if (strcmp(full, name) ==
				    0) { /* an exact full name wins outright */
					*out = td;
					return 0;
				}
				if (matches++ == 0)
					*out = td;
			}
		}
	}
	if (matches == 1)
		return 0;
	if (matches > 1)
		return mx_err_set(err, "The name '%s' is ambiguous: give the type's full name",
				  name);
	return mx_err_set(err, "The type or namespace name '%s' could not be found", name);
}

int clr_typedef_type(struct clr_typedef *td, ICorDebugType **out, struct mx_err *err)
{
	ICorDebugClass *cls = NULL;
	ICorDebugClass2 *cls2 = NULL;
	*out = NULL;
	HRESULT hr = COM(td->cm->mod, GetClassFromToken, td->token, &cls);
	if (hr >= 0)
		hr = COM(cls, QueryInterface, &IID_ICorDebugClass2, (void **)&cls2);
	if (hr >= 0) {
		/* the runtime accepts either kind for any class (a CLASS type of a struct is
		 * wrong: its values would be references), so the metadata says which */
		CorElementType kind = td->cm->img && meta_type_is_value_type(td->cm->img, td->token)
					  ? ELEMENT_TYPE_VALUETYPE
					  : ELEMENT_TYPE_CLASS;
		hr = COM(cls2, GetParameterizedType, kind, 0, NULL, out);
	}
	COM_RELEASE(cls2);
	COM_RELEASE(cls);
	if (hr < 0 || !*out)
		return mx_err_set(err, "cannot get the type: %s", clr_hresult_desc(hr));
	return 0;
}

bool clr_type_is_interface_name(struct clr *c, const char *name)
{
	struct clr_typedef td;
	struct mx_err ignore;
	uint32_t flags = 0;
	return clr_find_typedef(c, name, &td, &ignore) == 0 &&
	       meta_type_flags(td.cm->img, td.token, &flags, NULL) == 0 &&
	       (flags & META_TYPE_INTERFACE);
}
