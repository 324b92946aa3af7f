/* mcall.c: function evaluations started through ICorDebugEval, and the method lookup and
 * overload choice that precede them (from the metadata of the modules the runtime loaded). */
#include "clr/mcall.h"

#include "clr/mobject.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/dbi.h"
#include "clr/mtype.h"
#include "clr/symbols.h"
#include "meta/meta.h"
#include "util/str.h"
#include "util/utf16.h"
#include "util/xalloc.h"

int clr_eval_call(ICorDebugThread *t, ICorDebugFunction *fn, ICorDebugType **targs, size_t ntargs,
		  ICorDebugValue **args, size_t nargs, ICorDebugEval **out, struct mx_err *err)
{
	ICorDebugEval *e = NULL;
	HRESULT hr = COM(t, CreateEval, &e);
	if (hr < 0)
		return mx_err_set(err, "cannot create an evaluation: %s", clr_hr(hr));
	if (ntargs) {
		ICorDebugEval2 *e2 = NULL;
		hr = COM(e, QueryInterface, &IID_ICorDebugEval2, (void **)&e2);
		if (hr >= 0)
			hr = COM(e2, CallParameterizedFunction, fn, (ULONG32)ntargs, targs,
				 (ULONG32)nargs, args);
		COM_RELEASE(e2);
	} else {
		hr = COM(e, CallFunction, fn, (ULONG32)nargs, args);
	}
	if (hr < 0) {
		COM_RELEASE(e);
		/* CORDBG_E_ILLEGAL_AT_GC_UNSAFE_POINT, _IN_OPTIMIZED_CODE, ...: the runtime's own
		 * reason why this thread cannot run code now */
		return mx_err_set(err,
				  "the runtime cannot evaluate a function on this thread now: %s",
				  clr_hr(hr));
	}
	*out = e;
	return 0;
}

int clr_eval_new_string(ICorDebugThread *t, const char *utf8, ICorDebugEval **out,
			struct mx_err *err)
{
	ICorDebugEval *e = NULL;
	ICorDebugEval2 *e2 = NULL;
	HRESULT hr = COM(t, CreateEval, &e);
	if (hr < 0)
		return mx_err_set(err, "cannot create an evaluation: %s", clr_hr(hr));
	char16_t *w = utf8_to_utf16(utf8);
	/* NewStringWithLength: the text may hold NULs */
	hr = COM(e, QueryInterface, &IID_ICorDebugEval2, (void **)&e2);
	if (hr >= 0)
		hr = COM(e2, NewStringWithLength, w, (UINT)utf16_len(w));
	COM_RELEASE(e2);
	free(w);
	if (hr < 0) {
		COM_RELEASE(e);
		return mx_err_set(err, "the runtime cannot create a string on this thread now: %s",
				  clr_hr(hr));
	}
	*out = e;
	return 0;
}

int clr_eval_int_value(ICorDebugThread *t, int32_t v, ICorDebugValue **out, struct mx_err *err)
{
	ICorDebugEval *e = NULL;
	ICorDebugValue *val = NULL;
	ICorDebugGenericValue *gv = NULL;
	HRESULT hr = COM(t, CreateEval, &e);
	if (hr >= 0)
		hr = COM(e, CreateValue, ELEMENT_TYPE_I4, NULL, &val);
	if (hr >= 0)
		hr = COM(val, QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv);
	if (hr >= 0)
		hr = COM(gv, SetValue, &v);
	COM_RELEASE(gv);
	COM_RELEASE(e);
	if (hr < 0) {
		COM_RELEASE(val);
		return mx_err_set(err, "cannot make the value %d: %s", (int)v, clr_hr(hr));
	}
	*out = val;
	return 0;
}

/* ---- method lookup ---- */

void clr_method_cands_free(struct clr_method_cand *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		COM_RELEASE(v[i].fn);
		COM_RELEASE(v[i].owner);
	}
	free(v);
}

/* The module and TypeDef of a type; false for types without a class (arrays, pointers). */
static bool type_def(struct clr *c, ICorDebugType *t, struct clr_module **cm, mdTypeDef *td)
{
	ICorDebugClass *cls = NULL;
	ICorDebugModule *m = NULL;
	bool ok = COM(t, GetClass, &cls) >= 0 && cls && COM(cls, GetToken, td) >= 0 &&
		  COM(cls, GetModule, &m) >= 0 && (*cm = clr_module_find(c, m)) != NULL &&
		  (*cm)->img;
	COM_RELEASE(m);
	COM_RELEASE(cls);
	return ok;
}

static bool same_params_seen(const struct clr_method_cand *v, size_t n, const char *params)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].params, params) == 0)
			return true;
	return false;
}

void clr_methods_named(struct clr *c, ICorDebugType *t, const char *name,
		       struct clr_method_cand **out, size_t *n)
{
	clr_methods_named_generic(c, t, name, 0, out, n);
}

void clr_methods_named_generic(struct clr *c, ICorDebugType *t, const char *name, uint32_t arity,
			       struct clr_method_cand **out, size_t *n)
{
	uint32_t want_arity = arity;
	struct clr_method_cand *v = NULL;
	size_t nv = 0, cap = 0;
	ICorDebugType *cur = t;
	COM(cur, AddRef);
	for (int depth = 0; cur && depth < 64; depth++) {
		struct clr_module *cm = NULL;
		mdTypeDef td = 0;
		uint32_t *toks = NULL;
		size_t ntoks = 0;
		if (type_def(c, cur, &cm, &td))
			meta_type_methods(cm->img, td, &toks, &ntoks, NULL);
		size_t level_start = nv;
		for (size_t i = 0; i < ntoks; i++) {
			const char *mname = NULL;
			struct meta_method_attrs attrs;
			char *params = NULL;
			if (meta_method_name(cm->img, toks[i], &mname, NULL) != 0 ||
			    strcmp(mname, name) != 0 ||
			    meta_method_attrs(cm->img, toks[i], &attrs, NULL) != 0 ||
			    (attrs.flags & META_METHOD_ABSTRACT) ||
			    meta_method_generic_arity(cm->img, toks[i], &arity, NULL) != 0 ||
			    arity != want_arity ||
			    meta_method_params(cm->img, toks[i], &params, NULL) != 0)
				continue;
			/* a base method an override already stands for (nearer levels only) */
			if (same_params_seen(v, level_start, params)) {
				free(params);
				continue;
			}
			ICorDebugFunction *fn = NULL;
			if (COM(cm->mod, GetFunctionFromToken, toks[i], &fn) < 0 || !fn) {
				free(params);
				continue;
			}
			xgrow((void **)&v, &cap, nv + 1, sizeof(*v));
			struct clr_method_cand *cd = &v[nv++];
			memset(cd, 0, sizeof(*cd));
			cd->fn = fn;
			cd->owner = cur;
			COM(cur, AddRef);
			cd->is_static = (attrs.flags & META_METHOD_STATIC) != 0;
			cd->nparams = attrs.param_count;
			mx_strlcpy(cd->params, params, sizeof(cd->params));
			clr_sym_method_name(cm, toks[i], cd->full, sizeof(cd->full));
			free(params);
		}
		free(toks);
		ICorDebugType *base = NULL;
		if (COM(cur, GetBase, &base) < 0)
			base = NULL;
		COM_RELEASE(cur);
		cur = base;
	}
	COM_RELEASE(cur);
	*out = v;
	*n = nv;
}

/* The i-th parameter's type text of "(int, string, List<int>)" (top-level commas only). */
static bool param_at(const char *params, uint32_t i, char *buf, size_t len)
{
	const char *p = params[0] == '(' ? params + 1 : params;
	for (uint32_t k = 0;; k++) {
		while (*p == ' ')
			p++;
		const char *start = p;
		int depth = 0;
		while (*p && !(depth == 0 && (*p == ',' || *p == ')'))) {
			depth += (*p == '<' || *p == '[') - (*p == '>' || *p == ']');
			p++;
		}
		if (k == i) {
			snprintf(buf, len, "%.*s", (int)(p - start), start);
			return true;
		}
		if (*p != ',')
			return false;
		p++;
	}
}

/* C#'s name of a primitive element type, NULL for the others. */
static const char *primitive_name(CorElementType et)
{
	switch (et) {
	case ELEMENT_TYPE_BOOLEAN:
		return "bool";
	case ELEMENT_TYPE_CHAR:
		return "char";
	case ELEMENT_TYPE_I1:
		return "sbyte";
	case ELEMENT_TYPE_U1:
		return "byte";
	case ELEMENT_TYPE_I2:
		return "short";
	case ELEMENT_TYPE_U2:
		return "ushort";
	case ELEMENT_TYPE_I4:
		return "int";
	case ELEMENT_TYPE_U4:
		return "uint";
	case ELEMENT_TYPE_I8:
		return "long";
	case ELEMENT_TYPE_U8:
		return "ulong";
	case ELEMENT_TYPE_R4:
		return "float";
	case ELEMENT_TYPE_R8:
		return "double";
	default:
		return NULL;
	}
}

static bool is_primitive_name(const char *t)
{
	static const char *const names[] = {"bool", "char", "sbyte", "byte",  "short", "ushort",
					    "int",  "uint", "long",  "ulong", "float", "double"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(t, names[i]) == 0)
			return true;
	return false;
}

/* How well an argument fits a parameter type: 2 exactly, 1 by a conversion C# would make
 * implicitly (a class to object or to another class: left to the runtime), 0 not at all. */
/* A generic parameter's name ("T", "TKey"): the signature text names types with their
 * namespace, predefined ones by keyword. */
static bool is_generic_param(const char *t)
{
	if (strchr(t, '.') || strchr(t, '<') || strchr(t, '[') || strchr(t, ' ') ||
	    is_primitive_name(t) || !strcmp(t, "string") || !strcmp(t, "object") ||
	    !strcmp(t, "decimal"))
		return false;
	return true;
}

/* C#'s implicit numeric conversions (C# spec, "Implicit numeric conversions"), by name. */
static bool widens(const char *from, const char *to)
{
	static const char *const table[][2] = {
	    {"sbyte", " short int long float double "},
	    {"byte", " short ushort int uint long ulong float double "},
	    {"short", " int long float double "},
	    {"ushort", " int uint long ulong float double "},
	    {"int", " long float double "},
	    {"uint", " long ulong float double "},
	    {"long", " float double "},
	    {"ulong", " float double "},
	    {"char", " ushort int uint long ulong float double "},
	    {"float", " double "},
	};
	char key[32];
	if (strlen(to) > 16)
		return false;
	snprintf(key, sizeof(key), " %.16s ", to);
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (strcmp(table[i][0], from) == 0)
			return strstr(table[i][1], key) != NULL;
	return false;
}

static bool is_null_reference(ICorDebugValue *arg)
{
	ICorDebugReferenceValue *ref = NULL;
	BOOL is_null = 0;
	if (COM(arg, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) >= 0)
		COM(ref, IsNull, &is_null);
	COM_RELEASE(ref);
	return is_null;
}

/* How well an argument fits a parameter type: 2 exactly, 1 by a conversion C# would make
 * implicitly (numbers widened, or an int that the caller converts to a narrower integer if
 * it fits; null to any reference type; a class to object or to another class: left to the
 * runtime; a number, bool, char or enum to object: boxed by the caller), 0 not at all. */
static int arg_fit(ICorDebugValue *arg, const char *ptype)
{
	CorElementType et = ELEMENT_TYPE_END;
	if (COM(arg, GetType, &et) < 0)
		return 0;
	if (is_generic_param(ptype))
		return 1; /* the type arguments given decide; the runtime checks */
	const char *prim = primitive_name(et);
	if (prim) {
		if (strcmp(prim, ptype) == 0)
			return 2;
		bool int_to_integer = et == ELEMENT_TYPE_I4 && is_primitive_name(ptype) &&
				      strcmp(ptype, "float") != 0 && strcmp(ptype, "double") != 0 &&
				      strcmp(ptype, "bool") != 0 && strcmp(ptype, "char") != 0;
		/* a boxing conversion: the caller boxes it (session/feval_box.c) */
		bool boxed = strcmp(ptype, "object") == 0 || strcmp(ptype, "System.ValueType") == 0;
		/* integers and char convert to decimal implicitly (the caller makes one) */
		bool to_decimal = (!strcmp(ptype, "decimal") || !strcmp(ptype, "System.Decimal")) &&
				  et != ELEMENT_TYPE_R4 && et != ELEMENT_TYPE_R8 &&
				  et != ELEMENT_TYPE_BOOLEAN;
		return widens(prim, ptype) || int_to_integer || boxed || to_decimal ? 1 : 0;
	}
	if (et == ELEMENT_TYPE_STRING)
		return strcmp(ptype, "string") == 0 ? 2 : strcmp(ptype, "object") == 0 ? 1 : 0;
	/* a class instance (or null): any reference type but string and the primitives */
	if (et == ELEMENT_TYPE_CLASS || et == ELEMENT_TYPE_OBJECT || et == ELEMENT_TYPE_SZARRAY ||
	    et == ELEMENT_TYPE_ARRAY) {
		if (strcmp(ptype, "string") == 0)
			return is_null_reference(arg) ? 1 : 0;
		return !is_primitive_name(ptype) && strncmp(ptype, "ref ", 4) != 0 ? 1 : 0;
	}
	/* a struct or enum is no number and no string (an enum needs a cast to its number) */
	if (et == ELEMENT_TYPE_VALUETYPE && (is_primitive_name(ptype) || !strcmp(ptype, "string")))
		return 0;
	return 1; /* other value types and the rest: the runtime checks */
}

int clr_arg_fit(ICorDebugValue *arg, const char *ptype)
{
	return arg_fit(arg, ptype);
}

bool clr_param_type(const char *params, uint32_t i, char *buf, size_t len)
{
	return param_at(params, i, buf, len);
}

int clr_overload_pick(const struct clr_method_cand *cands, size_t n, ICorDebugValue **args,
		      size_t nargs, size_t *other)
{
	int best = -1, best_score = -1, tie_with = -1;
	bool any_count = false;
	for (size_t i = 0; i < n; i++) {
		if (cands[i].nparams != nargs)
			continue;
		any_count = true;
		int score = 0;
		for (size_t a = 0; a < nargs && score >= 0; a++) {
			char ptype[256];
			int fit = param_at(cands[i].params, (uint32_t)a, ptype, sizeof(ptype))
				      ? arg_fit(args[a], ptype)
				      : 0;
			score = fit ? score + fit : -1;
		}
		if (score < 0)
			continue;
		if (score > best_score) {
			best = (int)i;
			best_score = score;
			tie_with = -1;
		} else if (score == best_score) {
			tie_with = (int)i;
		}
	}
	if (!any_count)
		return -1;
	if (best < 0)
		return -2;
	if (tie_with >= 0) {
		*other = (size_t)tie_with;
		return -3;
	}
	return best;
}

/* ---- types ---- */

size_t clr_type_args(ICorDebugType *t, ICorDebugType **out, size_t max)
{
	ICorDebugTypeEnum *te = NULL;
	size_t n = 0;
	if (COM(t, EnumerateTypeParameters, &te) >= 0 && te) {
		while (n < max) {
			ULONG got = 0;
			if (COM(te, Next, 1, &out[n], &got) < 0 || !got)
				break;
			n++;
		}
	}
	COM_RELEASE(te);
	return n;
}

static int class_type(ICorDebugClass *cls, ICorDebugType **out)
{
	ICorDebugClass2 *c2 = NULL;
	HRESULT hr = COM(cls, QueryInterface, &IID_ICorDebugClass2, (void **)&c2);
	if (hr >= 0)
		hr = COM(c2, GetParameterizedType, ELEMENT_TYPE_CLASS, 0, NULL, out);
	COM_RELEASE(c2);
	return hr >= 0 && *out ? 0 : -1;
}

int clr_function_type(ICorDebugFunction *fn, ICorDebugType **out)
{
	ICorDebugClass *cls = NULL;
	int r = -1;
	if (COM(fn, GetClass, &cls) >= 0 && cls)
		r = class_type(cls, out);
	COM_RELEASE(cls);
	return r;
}

static bool name_matches(const char *full, const char *want, bool short_ok)
{
	if (strcmp(full, want) == 0)
		return true;
	if (!short_ok)
		return false;
	const char *dot = strrchr(full, '.');
	return dot && strcmp(dot + 1, want) == 0;
}

int clr_type_by_name(struct clr *c, const char *name, ICorDebugType **out, struct mx_err *err)
{
	/* a short name means the user's code; a qualified one may be the framework's too */
	bool qualified = strchr(name, '.') != NULL;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < c->nmods; i++) {
			struct clr_module *cm = &c->mods[i];
			if (!cm->img || cm->user_code != (pass == 0) || (pass == 1 && !qualified))
				continue;
			uint32_t n = meta_type_count(cm->img);
			for (uint32_t row = 2; row <= n; row++) {
				uint32_t tok = META_TOKEN(META_T_TYPEDEF, row);
				char *full = NULL;
				if (meta_type_name(cm->img, tok, &full, NULL) != 0)
					continue;
				bool hit = !strchr(full, '<') && name_matches(full, name, true);
				free(full);
				if (!hit)
					continue;
				ICorDebugClass *cls = NULL;
				int r = -1;
				if (COM(cm->mod, GetClassFromToken, tok, &cls) >= 0 && cls)
					r = class_type(cls, out);
				COM_RELEASE(cls);
				if (r == 0)
					return 0;
			}
		}
	}
	return mx_err_set(err, "The type or namespace name '%s' could not be found", name);
}

bool clr_type_overrides_tostring(struct clr *c, ICorDebugType *t)
{
	ICorDebugType *cur = t;
	bool found = false;
	COM(cur, AddRef);
	for (int depth = 0; cur && depth < 64 && !found; depth++) {
		struct clr_module *cm = NULL;
		mdTypeDef td = 0;
		if (!type_def(c, cur, &cm, &td))
			break;
		char tname[256];
		clr_sym_type_name(cm, td, tname, sizeof(tname));
		/* Object's and ValueType's ToString only give the type's name, shown anyway */
		if (strcmp(tname, "System.Object") == 0 || strcmp(tname, "System.ValueType") == 0)
			break;
		uint32_t *toks = NULL;
		size_t ntoks = 0;
		meta_type_methods(cm->img, td, &toks, &ntoks, NULL);
		for (size_t i = 0; i < ntoks && !found; i++) {
			const char *mname = NULL;
			struct meta_method_attrs attrs;
			found = meta_method_name(cm->img, toks[i], &mname, NULL) == 0 &&
				strcmp(mname, "ToString") == 0 &&
				meta_method_attrs(cm->img, toks[i], &attrs, NULL) == 0 &&
				attrs.param_count == 0 && attrs.has_this;
		}
		free(toks);
		ICorDebugType *base = NULL;
		if (COM(cur, GetBase, &base) < 0)
			base = NULL;
		COM_RELEASE(cur);
		cur = base;
	}
	COM_RELEASE(cur);
	return found;
}

/* ---- new objects and argument values ---- */

int clr_eval_new_object(ICorDebugThread *t, ICorDebugFunction *ctor, ICorDebugType *type,
			ICorDebugValue **args, size_t nargs, ICorDebugEval **out,
			struct mx_err *err)
{
	ICorDebugEval *e = NULL;
	ICorDebugEval2 *e2 = NULL;
	ICorDebugClass *cls = NULL;
	ICorDebugType *targs[16];
	size_t ntargs = clr_type_args(type, targs, 16);
	HRESULT hr = COM(t, CreateEval, &e);
	if (hr >= 0)
		hr = COM(e, QueryInterface, &IID_ICorDebugEval2, (void **)&e2);
	if (hr >= 0 && ctor) {
		/* the class's type arguments; none for a non-generic class */
		hr = COM(e2, NewParameterizedObject, ctor, (ULONG32)ntargs, targs, (ULONG32)nargs,
			 args);
	} else if (hr >= 0) {
		/* a struct without a constructor of its own: its zeroed default */
		hr = COM(type, GetClass, &cls);
		if (hr >= 0)
			hr = COM(e2, NewParameterizedObjectNoConstructor, cls, (ULONG32)ntargs,
				 targs);
	}
	for (size_t i = 0; i < ntargs; i++)
		COM_RELEASE(targs[i]);
	COM_RELEASE(cls);
	COM_RELEASE(e2);
	if (hr < 0) {
		COM_RELEASE(e);
		return mx_err_set(err, "the runtime cannot create an object on this thread now: %s",
				  clr_hr(hr));
	}
	*out = e;
	return 0;
}

int clr_eval_prim_value(ICorDebugThread *t, CorElementType et, const void *bytes,
			ICorDebugValue **out, struct mx_err *err)
{
	ICorDebugEval *e = NULL;
	ICorDebugValue *val = NULL;
	ICorDebugGenericValue *gv = NULL;
	HRESULT hr = COM(t, CreateEval, &e);
	if (hr >= 0)
		hr = COM(e, CreateValue, et, NULL, &val);
	if (hr >= 0)
		hr = COM(val, QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv);
	if (hr >= 0)
		hr = COM(gv, SetValue, (void *)bytes);
	COM_RELEASE(gv);
	COM_RELEASE(e);
	if (hr < 0) {
		COM_RELEASE(val);
		return mx_err_set(err, "cannot make the argument's value: %s", clr_hr(hr));
	}
	*out = val;
	return 0;
}

int clr_eval_null_value(ICorDebugThread *t, ICorDebugValue **out, struct mx_err *err)
{
	ICorDebugEval *e = NULL;
	HRESULT hr = COM(t, CreateEval, &e);
	/* CreateValue(ELEMENT_TYPE_CLASS) makes a null reference (ICorDebugEval::CreateValue) */
	if (hr >= 0)
		hr = COM(e, CreateValue, ELEMENT_TYPE_CLASS, NULL, out);
	COM_RELEASE(e);
	if (hr < 0)
		return mx_err_set(err, "cannot make a null argument: %s", clr_hr(hr));
	return 0;
}
