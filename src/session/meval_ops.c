/* meval_ops.c: C#'s operators on the values the evaluator computes itself: numbers (with
 * C#'s numeric promotions, ECMA-334 12.4.7), bools, chars and strings. Arithmetic is
 * unchecked, as C# compiles it by default. */
#include "session/meval.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csx/csx.h"
#include "util/xalloc.h"

void mv_clear(struct mv *v)
{
	COM_RELEASE(v->v);
	free(v->str);
	memset(v, 0, sizeof(*v));
}

static const struct {
	CorElementType et;
	const char *name, *full;
	unsigned size;
} prims[] = {
    {ELEMENT_TYPE_BOOLEAN, "bool", "System.Boolean", 1},
    {ELEMENT_TYPE_CHAR, "char", "System.Char", 2},
    {ELEMENT_TYPE_I1, "sbyte", "System.SByte", 1},
    {ELEMENT_TYPE_U1, "byte", "System.Byte", 1},
    {ELEMENT_TYPE_I2, "short", "System.Int16", 2},
    {ELEMENT_TYPE_U2, "ushort", "System.UInt16", 2},
    {ELEMENT_TYPE_I4, "int", "System.Int32", 4},
    {ELEMENT_TYPE_U4, "uint", "System.UInt32", 4},
    {ELEMENT_TYPE_I8, "long", "System.Int64", 8},
    {ELEMENT_TYPE_U8, "ulong", "System.UInt64", 8},
    {ELEMENT_TYPE_R4, "float", "System.Single", 4},
    {ELEMENT_TYPE_R8, "double", "System.Double", 8},
    {ELEMENT_TYPE_I, "nint", "System.IntPtr", 8},
    {ELEMENT_TYPE_U, "nuint", "System.UIntPtr", 8},
};

static int prim_index(CorElementType et)
{
	for (size_t i = 0; i < sizeof(prims) / sizeof(prims[0]); i++)
		if (prims[i].et == et)
			return (int)i;
	return -1;
}

const char *mv_prim_name(CorElementType et)
{
	int i = prim_index(et);
	return i < 0 ? "?" : prims[i].name;
}

CorElementType mv_keyword_type(const char *keyword)
{
	for (size_t i = 0; i < sizeof(prims) / sizeof(prims[0]); i++)
		if (strcmp(prims[i].name, keyword) == 0)
			return prims[i].et;
	return 0;
}

const char *mv_keyword_full_name(const char *keyword)
{
	for (size_t i = 0; i < sizeof(prims) / sizeof(prims[0]); i++)
		if (strcmp(prims[i].name, keyword) == 0)
			return prims[i].full;
	static const char *const refs[][2] = {{"string", "System.String"},
					      {"object", "System.Object"},
					      {"decimal", "System.Decimal"}};
	for (size_t i = 0; i < 3; i++)
		if (strcmp(refs[i][0], keyword) == 0)
			return refs[i][1];
	return NULL;
}

unsigned mv_prim_size(CorElementType et)
{
	int i = prim_index(et);
	return i < 0 ? 8 : prims[i].size;
}

static bool is_float(CorElementType et)
{
	return et == ELEMENT_TYPE_R4 || et == ELEMENT_TYPE_R8;
}

bool mv_is_signed(CorElementType et)
{
	return et == ELEMENT_TYPE_I1 || et == ELEMENT_TYPE_I2 || et == ELEMENT_TYPE_I4 ||
	       et == ELEMENT_TYPE_I8 || et == ELEMENT_TYPE_I;
}

static bool is_integral(CorElementType et)
{
	return mv_is_numeric(et) && !is_float(et);
}

bool mv_is_numeric(CorElementType et)
{
	return prim_index(et) >= 0 && et != ELEMENT_TYPE_BOOLEAN;
}

/* The value as each kind of number (chars are their code unit). */
static double as_double(const struct mv *v)
{
	if (is_float(v->et))
		return v->n.d;
	return mv_is_signed(v->et) ? (double)v->n.i : (double)v->n.u;
}

static int64_t as_i64(const struct mv *v)
{
	if (is_float(v->et))
		return (int64_t)v->n.d;
	return v->n.i;
}

/* Keeps the low bits of an integer of element type et, sign- or zero-extended. */
static void normalize(struct mv *v)
{
	if (!is_integral(v->et) && v->et != ELEMENT_TYPE_BOOLEAN)
		return;
	unsigned bits = mv_prim_size(v->et) * 8;
	if (bits >= 64)
		return;
	uint64_t mask = (1ull << bits) - 1;
	if (mv_is_signed(v->et)) {
		uint64_t u = v->n.u & mask;
		if (u >> (bits - 1))
			u |= ~mask;
		v->n.u = u;
	} else {
		v->n.u &= mask;
	}
}

static void set_prim(struct mv *out, CorElementType et)
{
	memset(out, 0, sizeof(*out));
	out->kind = MV_PRIM;
	out->et = et;
}

static void set_bool(struct mv *out, bool b)
{
	set_prim(out, ELEMENT_TYPE_BOOLEAN);
	out->n.u = b;
}

/* Shortest text that reads back as the same double (or float), as .NET Core 3.0+ prints. */
static void real_text(double d, bool single, char *buf, size_t len)
{
	if (isnan(d)) {
		snprintf(buf, len, "NaN");
		return;
	}
	if (isinf(d)) {
		snprintf(buf, len, "%s", d < 0 ? "-\u221e" : "\u221e");
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, len, "%.*g", prec, d);
		double back = strtod(buf, NULL);
		if (single ? (float)back == (float)d : back == d)
			return;
	}
}

void mv_prim_text(const struct mv *v, char *buf, size_t len)
{
	switch (v->et) {
	case ELEMENT_TYPE_BOOLEAN:
		snprintf(buf, len, "%s", v->n.u ? "true" : "false");
		return;
	case ELEMENT_TYPE_CHAR:
		if (v->n.u >= 0x20 && v->n.u < 0x7f && v->n.u != '\'' && v->n.u != '\\')
			snprintf(buf, len, "'%c'", (char)v->n.u);
		else
			snprintf(buf, len, "'\\u%04x'", (unsigned)v->n.u);
		return;
	case ELEMENT_TYPE_R4:
	case ELEMENT_TYPE_R8:
		real_text(v->n.d, v->et == ELEMENT_TYPE_R4, buf, len);
		return;
	default:
		if (mv_is_signed(v->et))
			snprintf(buf, len, "%" PRId64, v->n.i);
		else
			snprintf(buf, len, "%" PRIu64, v->n.u);
	}
}

/* C#'s binary numeric promotion: the type both operands become. */
static CorElementType promote2(CorElementType a, CorElementType b)
{
	if (a == ELEMENT_TYPE_R8 || b == ELEMENT_TYPE_R8)
		return ELEMENT_TYPE_R8;
	if (a == ELEMENT_TYPE_R4 || b == ELEMENT_TYPE_R4)
		return ELEMENT_TYPE_R4;
	if (a == ELEMENT_TYPE_U8 || b == ELEMENT_TYPE_U8 || a == ELEMENT_TYPE_U ||
	    b == ELEMENT_TYPE_U)
		return ELEMENT_TYPE_U8;
	if (a == ELEMENT_TYPE_I8 || b == ELEMENT_TYPE_I8 || a == ELEMENT_TYPE_I ||
	    b == ELEMENT_TYPE_I)
		return ELEMENT_TYPE_I8;
	if (a == ELEMENT_TYPE_U4 || b == ELEMENT_TYPE_U4) {
		CorElementType other = a == ELEMENT_TYPE_U4 ? b : a;
		return mv_is_signed(other) ? ELEMENT_TYPE_I8 : ELEMENT_TYPE_U4;
	}
	return ELEMENT_TYPE_I4;
}

/* Unary promotion: small integers and char become int. */
static CorElementType promote1(CorElementType a)
{
	switch (a) {
	case ELEMENT_TYPE_I1:
	case ELEMENT_TYPE_U1:
	case ELEMENT_TYPE_I2:
	case ELEMENT_TYPE_U2:
	case ELEMENT_TYPE_CHAR:
		return ELEMENT_TYPE_I4;
	case ELEMENT_TYPE_I:
		return ELEMENT_TYPE_I8;
	case ELEMENT_TYPE_U:
		return ELEMENT_TYPE_U8;
	default:
		return a;
	}
}

/* The value converted to a numeric type, unchecked (C#'s explicit conversion). */
static void cast_num(const struct mv *a, CorElementType to, struct mv *out)
{
	set_prim(out, to);
	if (is_float(to)) {
		out->n.d = as_double(a);
		if (to == ELEMENT_TYPE_R4)
			out->n.d = (float)out->n.d;
		return;
	}
	if (is_float(a->et)) {
		double d = a->n.d;
		/* out-of-range and NaN conversions are unspecified in C#: keep them defined */
		if (isnan(d))
			out->n.u = 0;
		else if (mv_is_signed(to) || d < 0)
			out->n.i = d <= -9.2233720368547758e18	? INT64_MIN
				   : d >= 9.2233720368547758e18 ? INT64_MAX
								: (int64_t)d;
		else
			out->n.u = d >= 1.8446744073709552e19 ? UINT64_MAX : (uint64_t)d;
	} else {
		out->n.u = a->n.u;
	}
	normalize(out);
}

static const char *op_text(int op)
{
	static char one[2];
	switch (op) {
	case CSX_OP_SHL:
		return "<<";
	case CSX_OP_SHR:
		return ">>";
	case CSX_OP_USHR:
		return ">>>";
	case CSX_OP_LE:
		return "<=";
	case CSX_OP_GE:
		return ">=";
	case CSX_OP_EQ:
		return "==";
	case CSX_OP_NE:
		return "!=";
	case CSX_OP_ANDAND:
		return "&&";
	case CSX_OP_OROR:
		return "||";
	case CSX_OP_COALESCE:
		return "??";
	default:
		one[0] = (char)op;
		one[1] = 0;
		return one;
	}
}

static const char *operand_type(const struct mv *a)
{
	switch (a->kind) {
	case MV_PRIM:
		return mv_prim_name(a->et);
	case MV_STR:
		return "string";
	case MV_NULL:
		return "<null>";
	case MV_DEC:
		return "decimal";
	default:
		return "object";
	}
}

int mv_unary(int op, const struct mv *a, struct mv *out, struct mx_err *err)
{
	if (a->kind == MV_DEC)
		return mv_dec_unary(op, a, out, err);
	if (a->kind == MV_PRIM && op == '!' && a->et == ELEMENT_TYPE_BOOLEAN) {
		set_bool(out, !a->n.u);
		return 0;
	}
	if (a->kind == MV_PRIM && mv_is_numeric(a->et) && (op == '-' || op == '+' || op == '~') &&
	    !(op == '~' && is_float(a->et))) {
		CorElementType t = promote1(a->et);
		/* -x of a uint is a long in C# */
		if (op == '-' && t == ELEMENT_TYPE_U4)
			t = ELEMENT_TYPE_I8;
		cast_num(a, t, out);
		if (op == '-') {
			if (is_float(t))
				out->n.d = -out->n.d;
			else
				out->n.u = 0 - out->n.u;
		} else if (op == '~') {
			out->n.u = ~out->n.u;
		}
		normalize(out);
		return 0;
	}
	return mx_err_set(err,
			  "error CS0023: Operator '%s' cannot be applied to operand of type "
			  "'%s'",
			  op_text(op), operand_type(a));
}

static int binary_error(int op, const struct mv *a, const struct mv *b, struct mx_err *err)
{
	return mx_err_set(err,
			  "error CS0019: Operator '%s' cannot be applied to operands of type '%s' "
			  "and '%s'",
			  op_text(op), operand_type(a), operand_type(b));
}

/* Text of a primitive for string concatenation: C#'s ToString() of it. */
static void concat_text(const struct mv *v, char *buf, size_t len)
{
	if (v->kind == MV_STR) {
		snprintf(buf, len, "%s", v->str);
	} else if (v->kind == MV_NULL) {
		buf[0] = 0;
	} else if (v->kind == MV_DEC) {
		mdec_text(&v->dec, buf, len);
	} else if (v->et == ELEMENT_TYPE_CHAR) {
		snprintf(buf, len, "%c", (char)v->n.u);
	} else if (v->et == ELEMENT_TYPE_BOOLEAN) {
		snprintf(buf, len, "%s", v->n.u ? "True" : "False"); /* bool.ToString() */
	} else {
		mv_prim_text(v, buf, len);
	}
}

static int string_binary(int op, const struct mv *a, const struct mv *b, struct mv *out,
			 struct mx_err *err)
{
	if (op == '+') {
		char x[4096], y[4096];
		concat_text(a, x, sizeof(x));
		concat_text(b, y, sizeof(y));
		memset(out, 0, sizeof(*out));
		out->kind = MV_STR;
		out->str = xmalloc(strlen(x) + strlen(y) + 1);
		strcpy(out->str, x);
		strcat(out->str, y);
		return 0;
	}
	bool a_str = a->kind == MV_STR || a->kind == MV_NULL;
	bool b_str = b->kind == MV_STR || b->kind == MV_NULL;
	if ((op == CSX_OP_EQ || op == CSX_OP_NE) && a_str && b_str) {
		bool eq = (a->kind == MV_NULL || b->kind == MV_NULL) ? a->kind == b->kind
								     : strcmp(a->str, b->str) == 0;
		set_bool(out, op == CSX_OP_EQ ? eq : !eq);
		return 0;
	}
	return binary_error(op, a, b, err);
}

int mv_binary(int op, const struct mv *a, const struct mv *b, struct mv *out, struct mx_err *err)
{
	if ((a->kind == MV_DEC || b->kind == MV_DEC) && a->kind != MV_STR && b->kind != MV_STR)
		return mv_dec_binary(op, a, b, out, err);
	if (a->kind == MV_STR || b->kind == MV_STR || (a->kind == MV_NULL && b->kind == MV_NULL))
		return string_binary(op, a, b, out, err);
	if (a->kind != MV_PRIM || b->kind != MV_PRIM)
		return binary_error(op, a, b, err);
	bool ab = a->et == ELEMENT_TYPE_BOOLEAN, bb = b->et == ELEMENT_TYPE_BOOLEAN;
	if (ab || bb) {
		if (!(ab && bb))
			return binary_error(op, a, b, err);
		bool x = a->n.u, y = b->n.u;
		switch (op) {
		case '&':
		case CSX_OP_ANDAND:
			set_bool(out, x && y);
			return 0;
		case '|':
		case CSX_OP_OROR:
			set_bool(out, x || y);
			return 0;
		case '^':
		case CSX_OP_NE:
			set_bool(out, x != y);
			return 0;
		case CSX_OP_EQ:
			set_bool(out, x == y);
			return 0;
		default:
			return binary_error(op, a, b, err);
		}
	}
	if (op == CSX_OP_SHL || op == CSX_OP_SHR || op == CSX_OP_USHR) {
		CorElementType t = promote1(a->et);
		if (is_float(t) || is_float(b->et))
			return binary_error(op, a, b, err);
		cast_num(a, t, out);
		unsigned bits = mv_prim_size(t) * 8;
		unsigned count = (unsigned)(as_i64(b) & (bits - 1)); /* C# masks the count */
		if (op == CSX_OP_SHL)
			out->n.u <<= count;
		else if (op == CSX_OP_USHR || !mv_is_signed(t))
			out->n.u =
			    (bits == 64 ? out->n.u : out->n.u & ((1ull << bits) - 1)) >> count;
		else
			out->n.i >>= count;
		normalize(out);
		return 0;
	}
	CorElementType t = promote2(promote1(a->et), promote1(b->et));
	struct mv x, y;
	cast_num(a, t, &x);
	cast_num(b, t, &y);
	if (is_float(t)) {
		double p = x.n.d, q = y.n.d, r = 0;
		switch (op) {
		case '+':
			r = p + q;
			break;
		case '-':
			r = p - q;
			break;
		case '*':
			r = p * q;
			break;
		case '/':
			r = p / q;
			break;
		case '%':
			r = fmod(p, q);
			break;
		case '<':
			set_bool(out, p < q);
			return 0;
		case '>':
			set_bool(out, p > q);
			return 0;
		case CSX_OP_LE:
			set_bool(out, p <= q);
			return 0;
		case CSX_OP_GE:
			set_bool(out, p >= q);
			return 0;
		case CSX_OP_EQ:
			set_bool(out, p == q);
			return 0;
		case CSX_OP_NE:
			set_bool(out, p != q);
			return 0;
		default:
			return binary_error(op, a, b, err);
		}
		set_prim(out, t);
		out->n.d = t == ELEMENT_TYPE_R4 ? (float)r : r;
		return 0;
	}
	bool sg = mv_is_signed(t);
	int64_t p = x.n.i, q = y.n.i;
	uint64_t pu = x.n.u, qu = y.n.u;
	set_prim(out, t);
	switch (op) {
	case '+':
		out->n.u = pu + qu;
		break;
	case '-':
		out->n.u = pu - qu;
		break;
	case '*':
		out->n.u = pu * qu;
		break;
	case '/':
	case '%':
		if (qu == 0)
			return mx_err_set(err, "Attempted to divide by zero.");
		if (sg && q == -1) /* INT_MIN / -1 wraps instead of trapping */
			out->n.u = op == '/' ? 0 - pu : 0;
		else if (sg)
			out->n.i = op == '/' ? p / q : p % q;
		else
			out->n.u = op == '/' ? pu / qu : pu % qu;
		break;
	case '&':
		out->n.u = pu & qu;
		break;
	case '|':
		out->n.u = pu | qu;
		break;
	case '^':
		out->n.u = pu ^ qu;
		break;
	case '<':
		set_bool(out, sg ? p < q : pu < qu);
		return 0;
	case '>':
		set_bool(out, sg ? p > q : pu > qu);
		return 0;
	case CSX_OP_LE:
		set_bool(out, sg ? p <= q : pu <= qu);
		return 0;
	case CSX_OP_GE:
		set_bool(out, sg ? p >= q : pu >= qu);
		return 0;
	case CSX_OP_EQ:
		set_bool(out, pu == qu);
		return 0;
	case CSX_OP_NE:
		set_bool(out, pu != qu);
		return 0;
	default:
		return binary_error(op, a, b, err);
	}
	normalize(out);
	return 0;
}

/* Whether an integer value fits type to (for constants converted implicitly). */
static bool fits(const struct mv *a, CorElementType to)
{
	struct mv c;
	cast_num(a, to, &c);
	if (is_float(to))
		return true;
	if (is_float(a->et))
		return false;
	/* round trip, and the sign kept */
	bool neg_in = mv_is_signed(a->et) && a->n.i < 0;
	bool neg_out = mv_is_signed(to) && c.n.i < 0;
	return c.n.u == a->n.u && neg_in == neg_out;
}

int mv_convert(const struct mv *a, CorElementType to, bool explicit_cast, struct mv *out,
	       struct mx_err *err)
{
	if (a->kind == MV_DEC)
		return mv_dec_to_prim(a, to, explicit_cast, out, err);
	if (a->kind != MV_PRIM)
		return mx_err_set(err, "error CS0030: Cannot convert type '%s' to '%s'",
				  operand_type(a), mv_prim_name(to));
	if (to == ELEMENT_TYPE_BOOLEAN || a->et == ELEMENT_TYPE_BOOLEAN) {
		if (to != a->et)
			return mx_err_set(err, "error CS0030: Cannot convert type '%s' to '%s'",
					  mv_prim_name(a->et), mv_prim_name(to));
		*out = *a;
		return 0;
	}
	if (!explicit_cast) {
		/* implicit: widening, or a value that fits (C# allows it for constants; a
		 * debugger assigning a typed-in number means the same) */
		bool widening = is_float(to) || (!is_float(a->et) && fits(a, to));
		if (to == ELEMENT_TYPE_CHAR && a->et != ELEMENT_TYPE_CHAR)
			widening = false;
		if (!widening) {
			char text[64];
			mv_prim_text(a, text, sizeof(text));
			return mx_err_set(
			    err,
			    "error CS0031: Constant value '%s' cannot be converted to "
			    "a '%s'",
			    text, mv_prim_name(to));
		}
	}
	cast_num(a, to, out);
	return 0;
}

void mv_to_bytes(const struct mv *v, uint8_t *bytes, size_t size)
{
	if (v->et == ELEMENT_TYPE_R4) {
		float f = (float)v->n.d;
		memcpy(bytes, &f, size < 4 ? size : 4);
	} else {
		memcpy(bytes, &v->n.u, size < 8 ? size : 8); /* little endian: the low bytes */
	}
}

void mv_from_bytes(struct mv *v, CorElementType et, const uint8_t *bytes)
{
	set_prim(v, et);
	if (et == ELEMENT_TYPE_R4) {
		float f;
		memcpy(&f, bytes, 4);
		v->n.d = f;
	} else if (et == ELEMENT_TYPE_R8) {
		memcpy(&v->n.d, bytes, 8);
	} else {
		memcpy(&v->n.u, bytes, mv_prim_size(et));
		normalize(v);
	}
}
