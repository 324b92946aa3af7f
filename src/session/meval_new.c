/* meval_new.c: types written in an expression as runtime types (type arguments of generic
 * calls, the type of `new`), and `new T(args)` through the constructor C# would choose
 * (session/feval.c). Creating an object runs its constructor in the program: explicit only,
 * never in a breakpoint condition. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/mobject.h"
#include "clr/symbols.h"
#include "meta/meta.h"
#include "session/feval.h"
#include "session/meval_internal.h"

/* A generic type's instance: ICorDebugClass2::GetParameterizedType with the class's type
 * arguments, as a CLASS or a VALUETYPE as the metadata says (the runtime takes either). */
static int instantiate(struct meval *e, const struct clr_typedef *td, ICorDebugType **args,
		       size_t nargs, ICorDebugType **out)
{
	ICorDebugClass *cls = NULL;
	ICorDebugClass2 *cls2 = NULL;
	HRESULT hr = COM(td->cm->mod, GetClassFromToken, td->token, &cls);
	if (hr >= 0)
		hr = COM(cls, QueryInterface, &IID_ICorDebugClass2, (void **)&cls2);
	if (hr >= 0) {
		CorElementType kind = meta_type_is_value_type(td->cm->img, td->token)
					  ? ELEMENT_TYPE_VALUETYPE
					  : ELEMENT_TYPE_CLASS;
		hr = COM(cls2, GetParameterizedType, kind, (ULONG32)nargs, args, out);
	}
	COM_RELEASE(cls2);
	COM_RELEASE(cls);
	if (hr < 0 || !*out)
		return mx_err_set(e->err, "cannot make the generic type's instance: %s",
				  clr_hresult_desc(hr));
	return 0;
}

int meval_resolve_type(struct meval *e, const struct csx_type *t, ICorDebugType **out)
{
	*out = NULL;
	char text[512];
	csx_type_text(t, text, sizeof(text));
	if (t->rank || t->nullable)
		return mx_err_set(e->err,
				  "the type '%s' is not supported here (arrays and "
				  "nullable types are not)",
				  text);
	const char *name = t->name;
	if (t->keyword) {
		name = mv_keyword_full_name(t->name);
		if (!name)
			return mx_err_set(e->err, "the type '%s' is not supported here", text);
	}
	struct clr_typedef td;
	struct mx_err lookup;
	/* a generic type by its arity first (several types may share a short name: List`1) */
	if (clr_find_typedef_arity(e->c, name, t->nargs ? (uint32_t)t->nargs : UINT32_MAX, &td,
				   &lookup) != 0 &&
	    clr_find_typedef(e->c, name, &td, &lookup) != 0) {
		if (strstr(lookup.msg, "could not be found"))
			return mx_err_set(e->err,
					  "error CS0246: The type or namespace name '%s' could not "
					  "be found",
					  text);
		*e->err = lookup;
		return -1;
	}
	uint32_t arity = 0;
	meta_type_generic_arity(td.cm->img, td.token, &arity, NULL);
	if (arity != t->nargs) {
		char full[512];
		clr_sym_type_name(td.cm, td.token, full, sizeof(full));
		return mx_err_set(e->err,
				  "error CS0305: Using the generic type '%s' requires %u type "
				  "arguments",
				  full, arity);
	}
	if (!t->nargs)
		return clr_typedef_type(&td, out, e->err);
	ICorDebugType *args[16] = {0};
	if (t->nargs > 16)
		return mx_err_set(e->err, "too many type arguments");
	int r = 0;
	size_t made = 0;
	for (; made < t->nargs && r == 0; made++)
		r = meval_resolve_type(e, t->args[made], &args[made]);
	if (r == 0)
		r = instantiate(e, &td, args, t->nargs, out);
	for (size_t i = 0; i < made; i++)
		COM_RELEASE(args[i]);
	return r;
}

/* new string(c, count): the runtime makes no string through its constructors from a
 * debugger (NewObject fails with Argument_CannotCreateString: String's constructors are
 * runtime-implemented, dotnet/runtime String.CoreCLR.cs), so it is made as the string it
 * is. */
static int new_string(struct meval *e, const struct csx_node *n, struct mv *out)
{
	struct mv c = {0}, count = {0}, len = {0};
	int r = -1;
	if (n->nkids != 2 || meval(e, n->kids[0], &c) != 0 || meval_load(e, &c) != 0 ||
	    meval(e, n->kids[1], &count) != 0 || meval_load(e, &count) != 0 || c.kind != MV_PRIM ||
	    c.et != ELEMENT_TYPE_CHAR ||
	    mv_convert(&count, ELEMENT_TYPE_I4, false, &len, NULL) != 0) {
		if (!e->err->msg[0] || n->nkids != 2 || c.kind == MV_PRIM || count.kind == MV_PRIM)
			mx_err_set(e->err,
				   "new string(...) is supported as new string(char c, int count) "
				   "only");
		goto out;
	}
	if (len.n.i < 0 || len.n.i > 65536) {
		r = mx_err_set(e->err, "new string: a count from 0 to 65536, not %lld",
			       (long long)len.n.i);
		goto out;
	}
	/* the char as UTF-8 (a lone surrogate cannot be written: refused) */
	char unit[4];
	size_t ul;
	uint32_t cp = (uint32_t)c.n.u;
	if (cp < 0x80) {
		unit[0] = (char)cp;
		ul = 1;
	} else if (cp < 0x800) {
		unit[0] = (char)(0xc0 | cp >> 6);
		unit[1] = (char)(0x80 | (cp & 0x3f));
		ul = 2;
	} else if (cp < 0xd800 || cp > 0xdfff) {
		unit[0] = (char)(0xe0 | cp >> 12);
		unit[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		unit[2] = (char)(0x80 | (cp & 0x3f));
		ul = 3;
	} else {
		r = mx_err_set(e->err, "new string of a lone surrogate is not supported");
		goto out;
	}
	out->kind = MV_STR;
	out->str = malloc((size_t)len.n.i * ul + 1);
	for (int64_t i = 0; i < len.n.i; i++)
		memcpy(out->str + i * (int64_t)ul, unit, ul);
	out->str[len.n.i * (int64_t)ul] = 0;
	r = 0;
out:
	mv_clear(&c);
	mv_clear(&count);
	return r;
}

int meval_new(struct meval *e, const struct csx_node *n, struct mv *out)
{
	if (meval_refuse_calls(e, "'new' (a constructor call)") != 0)
		return -1;
	if (n->flags & CSX_NEW_ARRAY)
		return mx_err_set(e->err, "array creation (new T[n]) is not supported");
	if (n->type->keyword && strcmp(n->type->name, "string") == 0 && !n->type->rank) {
		e->err->msg[0] = 0;
		return new_string(e, n, out);
	}
	ICorDebugType *type = NULL;
	ICorDebugValue **args = NULL, *res = NULL;
	if (meval_resolve_type(e, n->type, &type) != 0)
		return -1;
	int r = meval_arguments(e, (const struct csx_node *const *)n->kids, n->nkids, &args);
	if (r == 0) {
		bool was = ses_feval_set_explicit(e->s, true);
		r = ses_feval_new_object(e->s, type, args, n->nkids, &res, e->err);
		ses_feval_set_explicit(e->s, was);
		meval_arguments_free(args, n->nkids);
		if (meval_refresh(e) != 0 && r == 0)
			r = -1;
	}
	COM_RELEASE(type);
	if (r != 0) {
		COM_RELEASE(res);
		return -1;
	}
	out->kind = MV_VALUE;
	out->v = res;
	return 0;
}
