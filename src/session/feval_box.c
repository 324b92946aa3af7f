/* feval_box.c: boxing a number, bool, char or enum value for a parameter of type object:
 * the runtime takes a reference there, so the value is copied into a new boxed object of
 * its own type (made without a constructor) and that box is passed. */
#include <stdio.h>
#include <string.h>

#include "clr/hresult.h"
#include "clr/mobject.h"
#include "clr/mtype.h"
#include "session/feval.h"
#include "session/meval.h"
#include "session/ses_internal.h"

/* The number inside a primitive or enum value (an enum's is its value__ field), or with
 * primitive_struct inside a primitive's struct (a box's contents): a new reference to a
 * GenericValue, and its element type. */
static int number_inside(struct ses *s, ICorDebugValue *v, bool primitive_struct,
			 ICorDebugGenericValue **gv, CorElementType *et)
{
	ICorDebugValue *inner = NULL;
	*gv = NULL;
	COM(v, GetType, et);
	if (*et == ELEMENT_TYPE_VALUETYPE) {
		ICorDebugType *t = NULL;
		bool is_enum = clr_value_type(v, &t) == 0 && clr_type_is(s->clr, t, "System.Enum");
		COM_RELEASE(t);
		/* a primitive's own struct (System.Int32 in a box) keeps its number in m_value
		 * (dotnet/runtime Int32.cs and its siblings) */
		const char *field = is_enum ? "value__" : primitive_struct ? "m_value" : NULL;
		if (!field || clr_field_named(s->clr, v, NULL, field, &inner, NULL) != 0)
			return -1;
		COM(inner, GetType, et);
	} else {
		inner = v;
		COM(inner, AddRef);
	}
	HRESULT hr = COM(inner, QueryInterface, &IID_ICorDebugGenericValue, (void **)gv);
	COM_RELEASE(inner);
	return hr >= 0 && (mv_is_numeric(*et) || *et == ELEMENT_TYPE_BOOLEAN) ? 0 : -1;
}

/* The runtime type to box v as: an enum's own type, or the primitive's System type. */
static int box_type(struct ses *s, ICorDebugValue *v, CorElementType et, ICorDebugType **t,
		    struct mx_err *err)
{
	if (et == ELEMENT_TYPE_VALUETYPE)
		return clr_value_type(v, t) == 0 ? 0
						 : mx_err_set(err, "the enum's type is unknown");
	const char *full = mv_keyword_full_name(mv_prim_name(et));
	struct clr_typedef td;
	if (!full || clr_find_typedef(s->clr, full, &td, err) != 0)
		return -1;
	return clr_typedef_type(&td, t, err);
}

int ses_feval_new_boxed(struct ses *s, ICorDebugType *type, CorElementType et, const void *bytes,
			ICorDebugValue **ref, ICorDebugValue **contents, struct mx_err *err)
{
	ICorDebugValue *box = NULL, *inside = NULL;
	ICorDebugGenericValue *gv = NULL;
	CorElementType have = 0;
	*ref = NULL;
	if (contents)
		*contents = NULL;
	if (ses_feval_new_zeroed(s, type, &box, err) != 0)
		return -1;
	/* the box's contents: the primitive itself, or the enum whose value__ is written */
	int r = 0;
	if (clr_value_strip(box, &inside) != 0 || !inside ||
	    number_inside(s, inside, true, &gv, &have) != 0 || have != et)
		r = mx_err_set(err, "the new box holds no value of the expected type");
	if (r == 0) {
		HRESULT hr = COM(gv, SetValue, (void *)bytes);
		if (hr < 0)
			r = mx_err_set(err, "the runtime refused to fill the box: %s",
				       clr_hresult_desc(hr));
	}
	COM_RELEASE(gv);
	/* the value read before the write holds its old copy (see ses_feval_new_decimal) */
	COM_RELEASE(inside);
	if (r == 0 && contents && (clr_value_strip(box, &inside) != 0 || !inside))
		r = mx_err_set(err, "the new box cannot be read back");
	if (r != 0) {
		COM_RELEASE(inside);
		COM_RELEASE(box);
		return -1;
	}
	*ref = box;
	if (contents)
		*contents = inside;
	else
		COM_RELEASE(inside);
	return 0;
}

int ses_feval_box(struct ses *s, ICorDebugValue *v, ICorDebugValue **out, struct mx_err *err)
{
	*out = NULL;
	CorElementType outer = 0, et = 0;
	ICorDebugGenericValue *src = NULL;
	ICorDebugType *t = NULL;
	COM(v, GetType, &outer);
	if (outer == ELEMENT_TYPE_VALUETYPE && mv_is_decimal_value(s->clr, v)) {
		/* a decimal: a new one made with its value, passed boxed */
		struct mdec d;
		ICorDebugValue *inside = NULL;
		if (mv_read_decimal(s->clr, v, &d, err) != 0 ||
		    ses_feval_new_decimal(s, &d, out, &inside, err) != 0)
			return -1;
		COM_RELEASE(inside);
		return 0;
	}
	if (number_inside(s, v, false, &src, &et) != 0) {
		char tname[256] = "?";
		if (clr_value_type(v, &t) == 0) {
			tname[0] = 0;
			clr_type_name(s->clr, t, tname, sizeof(tname));
		}
		COM_RELEASE(t);
		COM_RELEASE(src);
		return mx_err_set(err,
				  "a struct ('%s') cannot be passed for an object parameter: "
				  "boxing is done for numbers, bool, char, enums and decimals only",
				  tname);
	}
	uint8_t bytes[16] = {0};
	HRESULT hr = COM(src, GetValue, bytes);
	COM_RELEASE(src);
	if (hr < 0)
		return mx_err_set(err, "cannot read the value to box: %s", clr_hresult_desc(hr));
	int r = box_type(s, v, outer, &t, err);
	if (r == 0)
		r = ses_feval_new_boxed(s, t, et, bytes, out, NULL, err);
	COM_RELEASE(t);
	return r;
}

int ses_feval_new_decimal(struct ses *s, const struct mdec *d, ICorDebugValue **ref,
			  ICorDebugValue **contents, struct mx_err *err)
{
	struct clr_typedef td;
	ICorDebugType *t = NULL;
	ICorDebugValue *box = NULL, *inside = NULL;
	*ref = *contents = NULL;
	if (clr_find_typedef(s->clr, "System.Decimal", &td, err) != 0 ||
	    clr_typedef_type(&td, &t, err) != 0)
		return -1;
	int r = ses_feval_new_zeroed(s, t, &box, err);
	COM_RELEASE(t);
	if (r == 0 && (clr_value_strip(box, &inside) != 0 || !inside))
		r = mx_err_set(err, "the new decimal holds no value");
	if (r == 0)
		r = mv_write_decimal(s->clr, inside, d, err);
	/* a struct value keeps a copy of its contents read when it was made: the box is read
	 * again for one that holds what was written */
	COM_RELEASE(inside);
	if (r == 0 && (clr_value_strip(box, &inside) != 0 || !inside))
		r = mx_err_set(err, "the new decimal cannot be read back");
	if (r != 0) {
		COM_RELEASE(inside);
		COM_RELEASE(box);
		return -1;
	}
	*ref = box;
	*contents = inside;
	return 0;
}
