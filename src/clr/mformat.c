/* mformat.c: display of the value types C# shows by their meaning rather than their fields
 * (enums by member name, decimal, Nullable<T>), and of an object's or array's contents. */
#include "clr/mformat.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/mcollections.h"
#include "clr/mobject.h"
#include "clr/mvalue.h"
#include "meta/meta.h"

/* The raw bytes of a primitive value (up to 8), zero-extended; -1 if not a primitive. */
static int primitive_bits(ICorDebugValue *v, uint64_t *bits, ULONG32 *size)
{
	ICorDebugGenericValue *gv = NULL;
	*bits = 0;
	HRESULT hr = COM(v, QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv);
	if (hr >= 0)
		hr = COM(v, GetSize, size);
	if (hr >= 0 && *size <= 8) {
		uint8_t raw[8] = {0};
		hr = COM(gv, GetValue, raw);
		memcpy(bits, raw, 8);
	} else if (hr >= 0) {
		hr = -1;
	}
	COM_RELEASE(gv);
	return hr >= 0 ? 0 : -1;
}

/* An enum: the member whose constant equals the value, or for a [Flags] enum the members
 * whose bits make it up ("Read | Write"); the number when no member matches. */
void clr_enum_text(const struct clr_typedef *td, uint64_t bits, unsigned size, bool is_signed,
		   char *buf, size_t len)
{
	bool flags = meta_type_has_attribute(td->cm->img, td->token, "System.FlagsAttribute");
	uint32_t *fields = NULL;
	size_t n = 0;
	meta_type_fields(td->cm->img, td->token, &fields, &n, NULL);
	uint64_t mask = size >= 8 ? ~0ull : (1ull << (size * 8)) - 1;
	bits &= mask;
	uint64_t covered = 0;
	size_t o = 0;
	buf[0] = 0;
	for (size_t i = 0; i < n; i++) {
		uint8_t cet;
		uint64_t cv;
		bool found;
		const char *name;
		if (meta_field_constant(td->cm->img, fields[i], &cet, &cv, &found, NULL) < 0 ||
		    !found || meta_field_name(td->cm->img, fields[i], &name, NULL) < 0)
			continue;
		cv &= mask;
		bool take =
		    flags ? (cv != 0 && (bits & cv) == cv && (covered & cv) != cv) : cv == bits;
		if (!take)
			continue;
		if (o < len)
			o += (size_t)snprintf(buf + o, len - o, "%s%s", o ? " | " : "", name);
		covered |= cv;
		if (!flags)
			break;
	}
	free(fields);
	if (o == 0 || (flags && covered != bits)) {
		/* no name for (all of) it: the number, as C# prints an undefined value */
		if (is_signed && size < 8) {
			int64_t sv = (int64_t)(bits << (64 - size * 8)) >> (64 - size * 8);
			snprintf(buf, len, "%" PRId64, sv);
		} else if (is_signed) {
			snprintf(buf, len, "%" PRId64, (int64_t)bits);
		} else {
			snprintf(buf, len, "%" PRIu64, bits);
		}
	}
}

/* An enum: the member whose constant equals the value, or for a [Flags] enum the members
 * whose bits make it up ("Read | Write"); the number when no member matches. */
static bool enum_text(struct clr *c, ICorDebugValue *v, ICorDebugType *t, char *buf, size_t len)
{
	struct clr_typedef td;
	ICorDebugValue *inner = NULL;
	uint64_t bits = 0;
	ULONG32 size = 0;
	if (!clr_type_typedef(c, t, &td) ||
	    clr_field_named(c, v, NULL, "value__", &inner, NULL) != 0)
		return false;
	int r = primitive_bits(inner, &bits, &size);
	CorElementType et = 0;
	COM(inner, GetType, &et);
	COM_RELEASE(inner);
	if (r < 0 || size == 0)
		return false;
	bool is_signed = et == ELEMENT_TYPE_I1 || et == ELEMENT_TYPE_I2 || et == ELEMENT_TYPE_I4 ||
			 et == ELEMENT_TYPE_I8;
	clr_enum_text(&td, bits, size, is_signed, buf, len);
	return true;
}

/* System.Decimal: a 96-bit integer (_lo64, _hi32), a scale (bits 16-23 of _flags) and a sign
 * (bit 31); the layout of src/libraries/System.Private.CoreLib/src/System/Decimal.cs. */
static bool decimal_text(struct clr *c, ICorDebugValue *v, char *buf, size_t len)
{
	const char *names[3] = {"_flags", "_hi32", "_lo64"};
	uint64_t part[3];
	for (int i = 0; i < 3; i++) {
		ICorDebugValue *f = NULL;
		ULONG32 size;
		if (clr_field_named(c, v, NULL, names[i], &f, NULL) != 0)
			return false;
		int r = primitive_bits(f, &part[i], &size);
		COM_RELEASE(f);
		if (r < 0)
			return false;
	}
	uint32_t flags = (uint32_t)part[0];
	/* the 96-bit magnitude in three 32-bit words, most significant first */
	const uint32_t w[3] = {(uint32_t)part[1], (uint32_t)(part[2] >> 32), (uint32_t)part[2]};
	clr_decimal_digits(w, (flags >> 16) & 0xff, flags & 0x80000000u, buf, len);
	return true;
}

void clr_decimal_digits(const uint32_t magnitude[3], unsigned scale, bool negative, char *buf,
			size_t len)
{
	uint32_t w[3] = {magnitude[0], magnitude[1], magnitude[2]};
	char digits[40];
	int nd = 0;
	if (scale > 28)
		scale = 28; /* System.Decimal's largest scale */
	do {
		uint64_t rem = 0;
		for (int i = 0; i < 3; i++) {
			uint64_t cur = (rem << 32) | w[i];
			w[i] = (uint32_t)(cur / 10);
			rem = cur % 10;
		}
		digits[nd++] = (char)('0' + rem);
	} while ((w[0] | w[1] | w[2]) && nd < 39);
	while ((unsigned)nd <= scale)
		digits[nd++] = '0';
	size_t o = 0;
	char out[64];
	if (negative)
		out[o++] = '-';
	for (int i = nd - 1; i >= 0; i--) {
		out[o++] = digits[i];
		if (i == (int)scale && scale)
			out[o++] = '.';
	}
	out[o] = 0;
	snprintf(buf, len, "%s", out);
}

/* Nullable<T>: the value, or null (fields hasValue and value, Nullable.cs). */
static bool nullable_text(struct clr *c, ICorDebugValue *v, char *buf, size_t len)
{
	ICorDebugValue *has = NULL, *inner = NULL;
	uint64_t bits = 0;
	ULONG32 size;
	if (clr_field_named(c, v, NULL, "hasValue", &has, NULL) != 0)
		return false;
	int r = primitive_bits(has, &bits, &size);
	COM_RELEASE(has);
	if (r < 0)
		return false;
	if (!bits) {
		snprintf(buf, len, "null");
		return true;
	}
	if (clr_field_named(c, v, NULL, "value", &inner, NULL) != 0)
		return false;
	clr_value_text(c, inner, buf, len);
	COM_RELEASE(inner);
	return true;
}

bool clr_special_text(struct clr *c, ICorDebugValue *v, char *buf, size_t len)
{
	ICorDebugType *t = NULL;
	CorElementType et = 0;
	bool done = false;
	if (COM(v, GetType, &et) < 0 || et != ELEMENT_TYPE_VALUETYPE || clr_value_type(v, &t) < 0)
		return false;
	struct clr_typedef td;
	char *name = NULL;
	if (clr_type_typedef(c, t, &td) && meta_type_name(td.cm->img, td.token, &name, NULL) == 0) {
		if (strcmp(name, "System.Decimal") == 0)
			done = decimal_text(c, v, buf, len);
		else if (strncmp(name, "System.Nullable<", 16) == 0)
			done = nullable_text(c, v, buf, len);
		else if (clr_type_is(c, t, "System.Enum"))
			done = enum_text(c, v, t, buf, len);
	}
	free(name);
	COM_RELEASE(t);
	return done;
}

/* ---- contents: "{Type} {A = 1, B = "x"}", "{int[3]} {1, 2, 3}" ---- */

struct appender {
	struct clr *c;
	char *buf;
	size_t len, o;
	int count;
	bool full;
};

static void append(struct appender *a, const char *s)
{
	size_t n = strlen(s);
	if (a->full || a->o + n + 8 >= a->len) {
		if (!a->full && a->o + 4 < a->len) {
			memcpy(a->buf + a->o, "...", 4);
			a->o += 3;
		}
		a->full = true;
		return;
	}
	memcpy(a->buf + a->o, s, n + 1);
	a->o += n;
}

static int append_field(void *arg, const struct clr_field *f)
{
	struct appender *a = arg;
	char text[512];
	if (f->value)
		clr_value_text(a->c, f->value, text, sizeof(text));
	else
		snprintf(text, sizeof(text), "<unreadable>");
	if (a->count++)
		append(a, ", ");
	append(a, f->name);
	append(a, " = ");
	append(a, text);
	return a->full;
}

enum { ARRAY_SHOWN = 20 };

void clr_value_contents(struct clr *c, ICorDebugValue *v, char *buf, size_t len)
{
	clr_value_contents_limit(c, v, ARRAY_SHOWN, buf, len);
}

void clr_value_contents_limit(struct clr *c, ICorDebugValue *v, unsigned max_elements, char *buf,
			      size_t len)
{
	clr_value_text(c, v, buf, len);
	ICorDebugValue *obj = NULL;
	/* only what is shown as "{Type}" has contents to add (not null, strings, numbers,
	 * enums, boxed numbers), */
	size_t shown = strlen(buf);
	/* nor an object shown by its own ToString() ({Type} "text"): that is its display */
	if (buf[0] != '{' || buf[shown - 1] != '}' || clr_value_strip(v, &obj) < 0 || !obj)
		return;
	ICorDebugArrayValue *av = NULL;
	ICorDebugObjectValue *ov = NULL;
	ICorDebugStringValue *sv = NULL;
	char probe[64];
	struct clr_collection col;
	struct appender a = {.c = c, .buf = buf, .len = len, .o = strlen(buf)};
	ULONG32 n = 0;
	if (COM(obj, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) >= 0 &&
	    COM(av, GetCount, &n) >= 0 && n == 0) {
		/* "{int[0]}" says it all */
	} else if (av) {
		append(&a, " {");
		ULONG32 shown = max_elements && n > max_elements ? max_elements : n;
		for (ULONG32 i = 0; i < shown && !a.full; i++) {
			ICorDebugValue *e = NULL;
			char text[512] = "?";
			if (COM(av, GetElementAtPosition, i, &e) >= 0 && e)
				clr_value_text(c, e, text, sizeof(text));
			COM_RELEASE(e);
			if (i)
				append(&a, ", ");
			append(&a, text);
		}
		if (n > shown)
			append(&a, ", ...");
		append(&a, "}");
	} else if (COM(obj, QueryInterface, &IID_ICorDebugStringValue, (void **)&sv) < 0 &&
		   clr_collection_open(c, obj, &col) == 0) {
		/* a List, Dictionary...: "Count = 3 {1, 2, 3}" rather than its fields */
		append(&a, " ");
		if (!a.full)
			clr_collection_summary(c, &col, max_elements, buf + a.o, len - a.o);
		clr_collection_close(&col);
	} else if (!sv && COM(obj, QueryInterface, &IID_ICorDebugObjectValue, (void **)&ov) >= 0 &&
		   !clr_special_text(c, obj, probe, sizeof(probe))) {
		append(&a, " {");
		clr_fields(c, obj, NULL, false, append_field, &a);
		append(&a, "}");
	}
	COM_RELEASE(sv);
	COM_RELEASE(ov);
	COM_RELEASE(av);
	COM_RELEASE(obj);
}
