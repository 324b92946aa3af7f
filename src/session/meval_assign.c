/* meval_assign.c: `set var` at a managed stop: writes a number, bool, char or enum into a
 * local, argument, field, array element or static, or makes a reference variable point to
 * another object (or null). The value is converted as C# would convert it implicitly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/hresult.h"
#include "clr/mobject.h"
#include "clr/mtype.h"
#include "session/meval_internal.h"
#include "session/ses_internal.h"
#include "util/str.h"

/* Writes a primitive into a primitive location (GenericValue) of element type et. */
static int write_prim(struct meval *e, ICorDebugValue *dst, CorElementType et, const struct mv *src)
{
	struct mv conv;
	if (mv_convert(src, et, false, &conv, e->err) != 0)
		return -1;
	ICorDebugGenericValue *gv = NULL;
	ULONG32 size = 0;
	uint8_t bytes[16] = {0};
	HRESULT hr = COM(dst, QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv);
	if (hr >= 0)
		hr = COM(dst, GetSize, &size);
	if (hr >= 0 && size <= sizeof(bytes)) {
		mv_to_bytes(&conv, bytes, size);
		hr = COM(gv, SetValue, bytes);
	}
	COM_RELEASE(gv);
	if (hr < 0)
		return mx_err_set(e->err, "the runtime refused the write: %s",
				  clr_hresult_desc(hr));
	return 0;
}

/* The type name a reference variable is declared with: the runtime keeps it with the
 * reference, also when it is null. */
static bool reference_type_name(struct meval *e, ICorDebugValue *ref, char *buf, size_t len)
{
	ICorDebugType *t = NULL;
	if (clr_value_type(ref, &t) != 0)
		return false;
	buf[0] = 0;
	clr_type_name(e->c, t, buf, len);
	COM_RELEASE(t);
	return buf[0] != 0;
}

/* Makes reference dst point where src does (an object of a compatible type, or null).
 * declared: the variable's declared type if known ("" if not: the reference's own type). */
static int write_reference(struct meval *e, ICorDebugValue *dst, const struct mv *src,
			   const char *declared)
{
	CORDB_ADDRESS addr = 0;
	ICorDebugReferenceValue *dref = NULL, *sref = NULL;
	if (COM(dst, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&dref) < 0)
		return mx_err_set(e->err, "cannot assign to that: it is not a variable of a "
					  "reference type");
	int r = 0;
	if (src->kind == MV_VALUE) {
		if (COM(src->v, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&sref) < 0 ||
		    COM(sref, GetValue, &addr) < 0) {
			r = mx_err_set(e->err, "the value is not an object reference");
		} else if (addr) {
			/* the object must be of the variable's type, or derive from it */
			char want[512], have[512];
			ICorDebugValue *obj = NULL;
			ICorDebugType *t = NULL;
			bool ok = true;
			bool named = declared[0] ? (mx_strlcpy(want, declared, sizeof(want)), true)
						 : reference_type_name(e, dst, want, sizeof(want));
			if (named && strcmp(want, "object") != 0 && !strchr(want, '<') &&
			    !strchr(want, '[') && clr_value_strip(src->v, &obj) == 0 && obj &&
			    clr_value_type(obj, &t) == 0) {
				have[0] = 0;
				clr_type_name(e->c, t, have, sizeof(have));
				const char *full = mv_keyword_full_name(want);
				ok = strcmp(have, want) == 0 ||
				     clr_type_is(e->c, t, full ? full : want) ||
				     clr_type_is_interface_name(e->c, want);
			}
			COM_RELEASE(t);
			COM_RELEASE(obj);
			if (!ok)
				r = mx_err_set(
				    e->err,
				    "error CS0029: Cannot implicitly convert type '%s' to "
				    "'%s'",
				    have, want);
		}
	} else if (src->kind == MV_STR) {
		r = mx_err_set(e->err, "a new string cannot be made here (it needs function "
				       "evaluation): assign an existing string variable");
	} else if (src->kind != MV_NULL) {
		char want[512] = "?", have[128];
		if (declared[0])
			mx_strlcpy(want, declared, sizeof(want));
		else
			reference_type_name(e, dst, want, sizeof(want));
		meval_type_text(e, src, have, sizeof(have));
		r = mx_err_set(e->err, "error CS0029: Cannot implicitly convert type '%s' to '%s'",
			       have, want);
	}
	if (r == 0) {
		HRESULT hr = COM(dref, SetValue, addr);
		if (hr < 0)
			r = mx_err_set(e->err, "the runtime refused the write: %s",
				       clr_hresult_desc(hr));
	}
	COM_RELEASE(sref);
	COM_RELEASE(dref);
	return r;
}

/* Whether a number (or enum) stored in reference variable dst is boxed: its declared type is
 * object or System.ValueType (System.Enum for an enum), as C#'s boxing conversions allow. */
static bool boxes_into(struct meval *e, ICorDebugValue *dst, const char *declared,
		       const struct mv *src)
{
	char want[512];
	if (declared[0])
		mx_strlcpy(want, declared, sizeof(want));
	else if (!reference_type_name(e, dst, want, sizeof(want)))
		return false;
	return !strcmp(want, "object") || !strcmp(want, "System.ValueType") ||
	       (src->td.cm && !strcmp(want, "System.Enum"));
}

static bool is_nullable(struct meval *e, ICorDebugValue *v)
{
	ICorDebugType *t = NULL;
	char name[256] = "";
	if (clr_value_type(v, &t) == 0)
		clr_type_name(e->c, t, name, sizeof(name));
	COM_RELEASE(t);
	size_t n = strlen(name);
	return strncmp(name, "System.Nullable<", 16) == 0 || (n && name[n - 1] == '?');
}

/* A Nullable<T> of a primitive T: null clears hasValue; a number is written to value and
 * hasValue set (the fields of Nullable.cs). */
static int write_nullable(struct meval *e, ICorDebugValue *dst, struct mv *src)
{
	ICorDebugValue *has = NULL, *val = NULL;
	int r = -1;
	if (meval_load(e, src) != 0)
		return -1;
	if (clr_field_named(e->c, dst, NULL, "hasValue", &has, e->err) != 0 ||
	    clr_field_named(e->c, dst, NULL, "value", &val, e->err) != 0) {
		if (!e->err->msg[0])
			mx_err_set(e->err, "cannot read the Nullable's fields");
		goto out;
	}
	struct mv flag = {.kind = MV_PRIM, .et = ELEMENT_TYPE_BOOLEAN};
	if (src->kind == MV_NULL) {
		r = write_prim(e, has, ELEMENT_TYPE_BOOLEAN, &flag);
		goto out;
	}
	CorElementType vet = 0;
	COM(val, GetType, &vet);
	if (!mv_is_numeric(vet) && vet != ELEMENT_TYPE_BOOLEAN) {
		r = mx_err_set(e->err, "only a Nullable of a number or bool can be assigned");
		goto out;
	}
	flag.n.u = 1;
	r = write_prim(e, val, vet, src);
	if (r == 0)
		r = write_prim(e, has, ELEMENT_TYPE_BOOLEAN, &flag);
out:
	COM_RELEASE(val);
	COM_RELEASE(has);
	return r;
}

static int assign(struct meval *e, const struct csx_node *lhs, const struct csx_node *rhs)
{
	struct mv src = {0}, dst = {0};
	int r = -1;
	/* the right side first: reading it cannot disturb the place written */
	if (meval(e, rhs, &src) != 0)
		goto out;
	if (src.kind == MV_STR) {
		/* a string typed in: made in the program first (which neuters the frame: the
		 * left side is read after) */
		ICorDebugValue *str = NULL;
		if (meval_new_string(e, src.str, &str) != 0)
			goto out;
		mv_clear(&src);
		src.kind = MV_VALUE;
		src.v = str;
	}
	if (meval(e, lhs, &dst) != 0)
		goto out;
	if (dst.kind != MV_VALUE) {
		r = mx_err_set(e->err,
			       "error CS0131: The left-hand side of an assignment must be a "
			       "variable, property or indexer");
		goto out;
	}
	CorElementType et = 0;
	COM(dst.v, GetType, &et);
	if (mv_is_numeric(et) || et == ELEMENT_TYPE_BOOLEAN) {
		if (meval_load(e, &src) == 0)
			r = write_prim(e, dst.v, et, &src);
		goto out;
	}
	if (et == ELEMENT_TYPE_VALUETYPE && is_nullable(e, dst.v)) {
		r = write_nullable(e, dst.v, &src);
		goto out;
	}
	if (et == ELEMENT_TYPE_VALUETYPE && mv_is_decimal_value(e->c, dst.v)) {
		/* a decimal variable: its fields (an integer converts implicitly) */
		struct mdec d;
		if (meval_load(e, &src) == 0 && mv_to_dec(&src, false, &d, e->err) == 0)
			r = mv_write_decimal(e->c, dst.v, &d, e->err);
		goto out;
	}
	if (et == ELEMENT_TYPE_VALUETYPE) {
		/* an enum variable: its value__ (the underlying number) */
		ICorDebugType *t = NULL;
		ICorDebugValue *inner = NULL;
		if (clr_value_type(dst.v, &t) == 0 && clr_type_is(e->c, t, "System.Enum") &&
		    clr_field_named(e->c, dst.v, NULL, "value__", &inner, NULL) == 0 &&
		    meval_load(e, &src) == 0) {
			CorElementType uet = 0;
			COM(inner, GetType, &uet);
			r = write_prim(e, inner, uet, &src);
		} else if (!e->err->msg[0]) {
			r = mx_err_set(e->err, "assigning a whole struct is not supported: assign "
					       "its fields");
		}
		COM_RELEASE(inner);
		COM_RELEASE(t);
		goto out;
	}
	/* the variable's declared type (a reference's own is its object's: object any = 3
	 * says System.Int32) */
	char declared[512] = "";
	struct mx_err *saved = e->err, ignore;
	e->err = &ignore;
	if (!meval_declared_type(e, lhs, declared, sizeof(declared)))
		declared[0] = 0;
	e->err = saved;
	CorElementType set = 0;
	if (src.kind == MV_VALUE)
		COM(src.v, GetType, &set);
	if (src.kind == MV_VALUE && !mv_is_numeric(set) && set != ELEMENT_TYPE_BOOLEAN &&
	    set != ELEMENT_TYPE_VALUETYPE) {
		/* a boxed number or string variable stays a reference: keep it so */
		r = write_reference(e, dst.v, &src, declared);
		goto out;
	}
	if (meval_load(e, &src) != 0)
		goto out;
	if (src.kind == MV_VALUE && set == ELEMENT_TYPE_VALUETYPE) {
		char have[256];
		meval_type_text(e, &src, have, sizeof(have));
		r = mx_err_set(
		    e->err,
		    "a struct ('%s') cannot be stored in a reference variable: boxing is "
		    "done for numbers, bool, char, enums and decimals only",
		    have);
		goto out;
	}
	if ((src.kind == MV_PRIM || src.kind == MV_DEC) && boxes_into(e, dst.v, declared, &src)) {
		/* `object o = 5`: a box made in the program (which neuters the frame: the left
		 * side is read again) */
		ICorDebugValue *box = NULL;
		if (meval_box(e, &src, &box) != 0)
			goto out;
		mv_clear(&src);
		src.kind = MV_VALUE;
		src.v = box;
		mv_clear(&dst);
		if (meval(e, lhs, &dst) != 0)
			goto out;
	}
	r = write_reference(e, dst.v, &src, declared);
out:
	mv_clear(&src);
	mv_clear(&dst);
	return r;
}

int ses_meval_assign(struct ses *s, const char *lhs, const char *rhs, struct mx_err *err)
{
	struct csx_node *l = NULL, *r = NULL;
	if (csx_parse(lhs, &l, err) != 0 || csx_parse(rhs, &r, err) != 0) {
		csx_free(l);
		return -1;
	}
	struct meval_opts o = {0};
	struct meval e;
	err->msg[0] = 0;
	int rc = meval_begin(&e, s, &o, err);
	if (rc == 0)
		rc = assign(&e, l, r);
	meval_end(&e);
	csx_free(l);
	csx_free(r);
	return rc;
}
