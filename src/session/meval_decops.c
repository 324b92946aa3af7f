/* meval_decops.c: decimal values in the C# evaluator (MV_DEC): C#'s operators on decimals
 * (with an integer or char on the other side converted exactly, as C#'s implicit conversion
 * does; float and double do not mix with decimal: CS0019), casts to and from decimal, and the
 * program's System.Decimal read and written through its fields. The arithmetic is
 * meval_decimal.c's. */
#include <stdio.h>
#include <string.h>

#include "clr/hresult.h"
#include "clr/mobject.h"
#include "clr/symbols.h"
#include "csx/csx.h"
#include "session/meval.h"

static bool is_integral(CorElementType et)
{
	return mv_is_numeric(et) && et != ELEMENT_TYPE_R4 && et != ELEMENT_TYPE_R8;
}

/* The runtime's words for an integer type in OverflowException messages ("an Int32"). */
static const char *overflow_name(CorElementType et)
{
	switch (et) {
	case ELEMENT_TYPE_I1:
		return "a signed byte";
	case ELEMENT_TYPE_U1:
		return "an unsigned byte";
	case ELEMENT_TYPE_I2:
		return "an Int16";
	case ELEMENT_TYPE_U2:
		return "a UInt16";
	case ELEMENT_TYPE_I4:
		return "an Int32";
	case ELEMENT_TYPE_U4:
		return "a UInt32";
	case ELEMENT_TYPE_U8:
		return "a UInt64";
	case ELEMENT_TYPE_CHAR:
		return "a character";
	default:
		return "an Int64";
	}
}

static const char *type_of(const struct mv *a)
{
	return a->kind == MV_DEC ? "decimal" : a->kind == MV_PRIM ? mv_prim_name(a->et) : "object";
}

int mv_to_dec(const struct mv *a, bool explicit_cast, struct mdec *out, struct mx_err *err)
{
	if (a->kind == MV_DEC) {
		*out = a->dec;
		return 0;
	}
	if (a->kind == MV_PRIM && !a->td.cm && is_integral(a->et)) {
		if (mv_is_signed(a->et))
			mdec_from_i64(a->n.i, out);
		else
			mdec_from_u64(a->n.u, out);
		return 0;
	}
	if (a->kind == MV_PRIM && explicit_cast && a->td.cm) {
		/* (decimal)Shade.Light: the enum's number */
		if (mv_is_signed(a->et))
			mdec_from_i64(a->n.i, out);
		else
			mdec_from_u64(a->n.u, out);
		return 0;
	}
	if (a->kind == MV_PRIM && explicit_cast &&
	    (a->et == ELEMENT_TYPE_R4 || a->et == ELEMENT_TYPE_R8))
		return mdec_from_double(a->n.d, out, err);
	if (a->kind == MV_PRIM && (a->et == ELEMENT_TYPE_R4 || a->et == ELEMENT_TYPE_R8))
		return mx_err_set(
		    err, "error CS0664: Literal of type double cannot be implicitly "
			 "converted to type 'decimal'; use an 'M' suffix to create a literal "
			 "of this type");
	return mx_err_set(err, "error CS0029: Cannot implicitly convert type '%s' to 'decimal'",
			  type_of(a));
}

int mv_dec_to_prim(const struct mv *a, CorElementType to, bool explicit_cast, struct mv *out,
		   struct mx_err *err)
{
	if (!explicit_cast)
		return mx_err_set(err,
				  "error CS0266: Cannot implicitly convert type 'decimal' to '%s'. "
				  "An explicit conversion exists (are you missing a cast?)",
				  mv_prim_name(to));
	if (to == ELEMENT_TYPE_BOOLEAN)
		return mx_err_set(err, "error CS0030: Cannot convert type 'decimal' to 'bool'");
	struct mv tmp = {.kind = MV_PRIM};
	if (to == ELEMENT_TYPE_R4 || to == ELEMENT_TYPE_R8) {
		tmp.et = ELEMENT_TYPE_R8;
		tmp.n.d = mdec_to_double(&a->dec);
	} else {
		/* decimal to an integer truncates, and throws when it does not fit (checked
		 * always: System.Decimal's explicit operators) */
		int64_t v = 0;
		struct mdec ulong_max;
		mdec_from_u64(UINT64_MAX, &ulong_max);
		if (to == ELEMENT_TYPE_U8 && !a->dec.neg && mdec_cmp(&a->dec, &ulong_max) <= 0) {
			struct mdec half;
			mdec_from_u64(1ull << 63, &half);
			struct mdec low;
			bool big = mdec_cmp(&a->dec, &half) >= 0;
			struct mx_err ignore;
			if (big)
				mdec_sub(&a->dec, &half, &low, &ignore);
			else
				low = a->dec;
			mdec_to_i64(&low, &v);
			tmp.et = ELEMENT_TYPE_U8;
			tmp.n.u = (uint64_t)v + (big ? 1ull << 63 : 0);
			*out = tmp;
			return 0;
		}
		if (!mdec_to_i64(&a->dec, &v))
			return mx_err_set(err, "Value was either too large or too small for %s.",
					  overflow_name(to));
		tmp.et = ELEMENT_TYPE_I8;
		tmp.n.i = v;
		struct mv back;
		if (mv_convert(&tmp, to, true, out, err) != 0)
			return -1;
		if (mv_convert(out, ELEMENT_TYPE_I8, true, &back, err) != 0 || back.n.i != v)
			return mx_err_set(err, "Value was either too large or too small for %s.",
					  overflow_name(to));
		return 0;
	}
	return mv_convert(&tmp, to, true, out, err);
}

int mv_dec_unary(int op, const struct mv *a, struct mv *out, struct mx_err *err)
{
	if (op != '-' && op != '+')
		return mx_err_set(
		    err,
		    "error CS0023: Operator '%c' cannot be applied to operand of type "
		    "'decimal'",
		    op);
	memset(out, 0, sizeof(*out));
	out->kind = MV_DEC;
	if (op == '-')
		mdec_neg(&a->dec, &out->dec);
	else
		out->dec = a->dec;
	return 0;
}

int mv_dec_binary(int op, const struct mv *a, const struct mv *b, struct mv *out,
		  struct mx_err *err)
{
	struct mdec x, y;
	bool ok_a = a->kind == MV_DEC || (a->kind == MV_PRIM && !a->td.cm && is_integral(a->et));
	bool ok_b = b->kind == MV_DEC || (b->kind == MV_PRIM && !b->td.cm && is_integral(b->et));
	static const struct {
		int op;
		const char *text;
	} ops[] = {{'+', "+"}, {'-', "-"},	  {'*', "*"},	     {'/', "/"},
		   {'%', "%"}, {CSX_OP_EQ, "=="}, {CSX_OP_NE, "!="}, {'<', "<"},
		   {'>', ">"}, {CSX_OP_LE, "<="}, {CSX_OP_GE, ">="}};
	const char *text = NULL;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (ops[i].op == op)
			text = ops[i].text;
	if (!ok_a || !ok_b || !text)
		return mx_err_set(err,
				  "error CS0019: Operator '%s' cannot be applied to operands of "
				  "type '%s' and '%s'",
				  text ? text : "?", type_of(a), type_of(b));
	mv_to_dec(a, false, &x, NULL);
	mv_to_dec(b, false, &y, NULL);
	memset(out, 0, sizeof(*out));
	int c;
	switch (op) {
	case '+':
		out->kind = MV_DEC;
		return mdec_add(&x, &y, &out->dec, err);
	case '-':
		out->kind = MV_DEC;
		return mdec_sub(&x, &y, &out->dec, err);
	case '*':
		out->kind = MV_DEC;
		return mdec_mul(&x, &y, &out->dec, err);
	case '/':
		out->kind = MV_DEC;
		return mdec_div(&x, &y, &out->dec, err);
	case '%':
		out->kind = MV_DEC;
		return mdec_rem(&x, &y, &out->dec, err);
	default:
		c = mdec_cmp(&x, &y);
		out->kind = MV_PRIM;
		out->et = ELEMENT_TYPE_BOOLEAN;
		out->n.u = op == CSX_OP_EQ   ? c == 0
			   : op == CSX_OP_NE ? c != 0
			   : op == '<'	     ? c < 0
			   : op == '>'	     ? c > 0
			   : op == CSX_OP_LE ? c <= 0
					     : c >= 0;
		return 0;
	}
}

/* ---- the program's System.Decimal: fields _flags, _hi32, _lo64 (dotnet/runtime
 * src/libraries/System.Private.CoreLib/src/System/Decimal.cs) ---- */

static const char *const field_names[3] = {"_flags", "_hi32", "_lo64"};

bool mv_is_decimal_value(struct clr *c, ICorDebugValue *v)
{
	ICorDebugType *t = NULL;
	struct clr_typedef td;
	char name[64] = "";
	if (clr_value_type(v, &t) == 0 && clr_type_typedef(c, t, &td) && td.cm)
		clr_sym_type_name(td.cm, td.token, name, sizeof(name));
	COM_RELEASE(t);
	return strcmp(name, "System.Decimal") == 0;
}

int mv_read_decimal(struct clr *c, ICorDebugValue *v, struct mdec *out, struct mx_err *err)
{
	uint64_t part[3] = {0};
	for (int i = 0; i < 3; i++) {
		ICorDebugValue *f = NULL;
		ICorDebugGenericValue *gv = NULL;
		HRESULT hr = -1;
		if (clr_field_named(c, v, NULL, field_names[i], &f, NULL) == 0)
			hr = COM(f, QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv);
		if (hr >= 0)
			hr = COM(gv, GetValue, &part[i]); /* 4 or 8 bytes, little-endian */
		COM_RELEASE(gv);
		COM_RELEASE(f);
		if (hr < 0)
			return mx_err_set(err, "cannot read the decimal's field %s",
					  field_names[i]);
	}
	mdec_from_fields((uint32_t)part[0], (uint32_t)part[1], part[2], out);
	return 0;
}

int mv_write_decimal(struct clr *c, ICorDebugValue *v, const struct mdec *d, struct mx_err *err)
{
	uint32_t flags, hi;
	uint64_t lo;
	mdec_to_fields(d, &flags, &hi, &lo);
	uint64_t part[3] = {flags, hi, lo};
	for (int i = 0; i < 3; i++) {
		ICorDebugValue *f = NULL;
		ICorDebugGenericValue *gv = NULL;
		HRESULT hr = -1;
		if (clr_field_named(c, v, NULL, field_names[i], &f, NULL) == 0)
			hr = COM(f, QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv);
		if (hr >= 0)
			hr = COM(gv, SetValue, &part[i]);
		COM_RELEASE(gv);
		COM_RELEASE(f);
		if (hr < 0)
			return mx_err_set(err,
					  "the runtime refused the write of the decimal's %s: %s",
					  field_names[i], clr_hresult_desc(hr));
	}
	return 0;
}
