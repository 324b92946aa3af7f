/* mvalue.c: strings and exception messages from ICorDebug values. */
#include "clr/mvalue.h"

#include <stdio.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "clr/mformat.h"
#include "clr/mobject.h"
#include "clr/mtype.h"
#include "clr/symbols.h"
#include "util/utf16.h"
#include "util/xalloc.h"

int clr_string_value(ICorDebugValue *v, char *buf, size_t len)
{
	ICorDebugReferenceValue *ref = NULL;
	ICorDebugValue *target = NULL;
	ICorDebugStringValue *sv = NULL;
	int r = -1;
	if (COM(v, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) >= 0) {
		BOOL is_null = 0;
		if (COM(ref, IsNull, &is_null) >= 0 && is_null) {
			snprintf(buf, len, "null");
			COM_RELEASE(ref);
			return 0;
		}
		if (COM(ref, Dereference, &target) < 0)
			goto out;
	} else {
		target = v;
		COM(target, AddRef);
	}
	if (COM(target, QueryInterface, &IID_ICorDebugStringValue, (void **)&sv) < 0)
		goto out;
	ULONG32 n = 0;
	if (COM(sv, GetLength, &n) < 0)
		goto out;
	if (n > 1 << 20)
		n = 1 << 20; /* a message, not a novel */
	WCHAR *w = xcalloc((size_t)n + 1, sizeof(WCHAR));
	ULONG32 got = 0;
	if (COM(sv, GetString, n + 1, &got, w) >= 0) {
		utf16_to_utf8(w, got, buf, len);
		r = 0;
	}
	free(w);
out:
	COM_RELEASE(sv);
	COM_RELEASE(target);
	COM_RELEASE(ref);
	return r;
}

int clr_object_field(struct clr *c, ICorDebugObjectValue *obj, const char *field,
		     ICorDebugValue **out)
{
	ICorDebugValue2 *v2 = NULL;
	ICorDebugType *type = NULL;
	int r = -1;
	*out = NULL;
	if (COM(obj, QueryInterface, &IID_ICorDebugValue2, (void **)&v2) < 0 ||
	    COM(v2, GetExactType, &type) < 0)
		goto out;
	/* walk from the object's own class up to the one declaring the field */
	for (int depth = 0; type && depth < 32; depth++) {
		ICorDebugClass *cls = NULL;
		ICorDebugModule *m = NULL;
		mdTypeDef td = 0;
		if (COM(type, GetClass, &cls) >= 0 && COM(cls, GetToken, &td) >= 0 &&
		    COM(cls, GetModule, &m) >= 0) {
			struct clr_module *cm = clr_module_find(c, m);
			mdFieldDef fd = cm ? clr_sym_field(cm, td, field) : 0;
			if (fd) {
				if (COM(obj, GetFieldValue, cls, fd, out) >= 0 && *out)
					r = 0;
				COM_RELEASE(m);
				COM_RELEASE(cls);
				break;
			}
		}
		COM_RELEASE(m);
		COM_RELEASE(cls);
		ICorDebugType *base = NULL;
		if (COM(type, GetBase, &base) < 0)
			base = NULL;
		COM_RELEASE(type);
		type = base;
	}
out:
	COM_RELEASE(type);
	COM_RELEASE(v2);
	return r;
}

int clr_exception_message(struct clr *c, ICorDebugObjectValue *exc, char *buf, size_t len)
{
	ICorDebugValue *fv = NULL;
	if (clr_object_field(c, exc, "_message", &fv) != 0)
		return -1;
	int r = clr_string_value(fv, buf, len);
	COM_RELEASE(fv);
	return r;
}

int clr_value_object(ICorDebugValue *v, ICorDebugObjectValue **out)
{
	*out = NULL;
	ICorDebugReferenceValue *ref = NULL;
	ICorDebugValue *target = NULL;
	int r = -1;
	if (COM(v, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) >= 0) {
		BOOL is_null = 0;
		if (COM(ref, IsNull, &is_null) >= 0 && is_null) {
			r = 1;
			goto out;
		}
		if (COM(ref, Dereference, &target) < 0 || !target)
			goto out;
	} else {
		target = v;
		COM(target, AddRef);
	}
	if (COM(target, QueryInterface, &IID_ICorDebugObjectValue, (void **)out) >= 0 && *out)
		r = 0;
out:
	COM_RELEASE(target);
	COM_RELEASE(ref);
	return r;
}

void clr_value_type_name(struct clr *c, ICorDebugValue *v, char *buf, size_t len)
{
	ICorDebugValue2 *v2 = NULL;
	ICorDebugType *t = NULL;
	buf[0] = 0;
	if (COM(v, QueryInterface, &IID_ICorDebugValue2, (void **)&v2) >= 0 &&
	    COM(v2, GetExactType, &t) >= 0 && t)
		clr_type_name(c, t, buf, len);
	else
		snprintf(buf, len, "?");
	COM_RELEASE(t);
	COM_RELEASE(v2);
}

static void quote(const char *s, char *buf, size_t len)
{
	size_t o = 0;
	if (len < 3) {
		if (len)
			buf[0] = 0;
		return;
	}
	buf[o++] = '"';
	for (; *s && o + 3 < len; s++) {
		if (*s == '"' || *s == '\\') {
			buf[o++] = '\\';
			buf[o++] = *s;
		} else if (*s == '\n') {
			buf[o++] = '\\';
			buf[o++] = 'n';
		} else {
			buf[o++] = *s;
		}
	}
	buf[o++] = '"';
	buf[o] = 0;
}

static void primitive_text(CorElementType et, const uint8_t *raw, char *buf, size_t len)
{
	int64_t i = 0;
	uint64_t u = 0;
	switch (et) {
	case ELEMENT_TYPE_BOOLEAN:
		snprintf(buf, len, "%s", raw[0] ? "true" : "false");
		return;
	case ELEMENT_TYPE_CHAR: {
		uint16_t ch;
		memcpy(&ch, raw, 2);
		if (ch >= 0x20 && ch < 0x7f && ch != '\'' && ch != '\\')
			snprintf(buf, len, "'%c'", (char)ch);
		else
			snprintf(buf, len, "'\\u%04x'", ch);
		return;
	}
	case ELEMENT_TYPE_I1:
		i = (int8_t)raw[0];
		break;
	case ELEMENT_TYPE_U1:
		u = raw[0];
		snprintf(buf, len, "%" PRIu64, u);
		return;
	case ELEMENT_TYPE_I2: {
		int16_t v;
		memcpy(&v, raw, 2);
		i = v;
		break;
	}
	case ELEMENT_TYPE_U2: {
		uint16_t v;
		memcpy(&v, raw, 2);
		snprintf(buf, len, "%u", v);
		return;
	}
	case ELEMENT_TYPE_I4: {
		int32_t v;
		memcpy(&v, raw, 4);
		i = v;
		break;
	}
	case ELEMENT_TYPE_U4: {
		uint32_t v;
		memcpy(&v, raw, 4);
		snprintf(buf, len, "%u", v);
		return;
	}
	case ELEMENT_TYPE_I8:
	case ELEMENT_TYPE_I:
		memcpy(&i, raw, 8);
		break;
	case ELEMENT_TYPE_U8:
	case ELEMENT_TYPE_U:
		memcpy(&u, raw, 8);
		snprintf(buf, len, "%" PRIu64, u);
		return;
	case ELEMENT_TYPE_R4: {
		float f;
		memcpy(&f, raw, 4);
		snprintf(buf, len, "%.9g", f);
		return;
	}
	case ELEMENT_TYPE_R8: {
		double d;
		memcpy(&d, raw, 8);
		snprintf(buf, len, "%.17g", d);
		return;
	}
	default:
		snprintf(buf, len, "?");
		return;
	}
	snprintf(buf, len, "%" PRId64, i);
}

/* via: the reference v was reached through (NULL if none): what a call on the object needs */
static void value_text_depth(struct clr *c, ICorDebugValue *v, ICorDebugValue *via, char *buf,
			     size_t len, int depth)
{
	CorElementType et = ELEMENT_TYPE_END;
	if (depth > 4 || COM(v, GetType, &et) < 0) {
		snprintf(buf, len, "<error: unreadable value>");
		return;
	}
	/* a reference: null, or what it points to */
	ICorDebugReferenceValue *ref = NULL;
	if (COM(v, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) >= 0) {
		BOOL is_null = 0;
		ICorDebugValue *target = NULL;
		if (COM(ref, IsNull, &is_null) >= 0 && is_null)
			snprintf(buf, len, "null");
		else if (COM(ref, Dereference, &target) >= 0 && target)
			value_text_depth(c, target, v, buf, len, depth + 1);
		else
			snprintf(buf, len, "<error: cannot follow the reference>");
		COM_RELEASE(target);
		COM_RELEASE(ref);
		return;
	}
	ICorDebugGenericValue *gv = NULL;
	uint8_t raw[16] = {0};
	ULONG32 size = 0;
	if (et != ELEMENT_TYPE_VALUETYPE && et != ELEMENT_TYPE_CLASS &&
	    COM(v, QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv) >= 0 &&
	    COM(v, GetSize, &size) >= 0 && size <= sizeof(raw) && COM(gv, GetValue, raw) >= 0) {
		COM_RELEASE(gv);
		primitive_text(et, raw, buf, len);
		return;
	}
	COM_RELEASE(gv);
	char text[4096];
	ICorDebugStringValue *sv = NULL;
	if (COM(v, QueryInterface, &IID_ICorDebugStringValue, (void **)&sv) >= 0) {
		COM_RELEASE(sv);
		if (clr_string_value(v, text, sizeof(text)) == 0)
			quote(text, buf, len);
		else
			snprintf(buf, len, "<error: unreadable string>");
		return;
	}
	ICorDebugBoxValue *box = NULL;
	if (COM(v, QueryInterface, &IID_ICorDebugBoxValue, (void **)&box) >= 0) {
		ICorDebugObjectValue *inner = NULL;
		ICorDebugValue *prim = NULL;
		/* a boxed int is an object of System.Int32 whose one field, m_value, is the int
		 * (the primitive types' layout in System.Private.CoreLib) */
		if (COM(box, GetObject, &inner) >= 0 && inner &&
		    clr_field_named(c, (ICorDebugValue *)inner, NULL, "m_value", &prim, NULL) == 0)
			value_text_depth(c, prim, NULL, buf, len, depth + 1);
		else if (inner)
			value_text_depth(c, (ICorDebugValue *)inner, NULL, buf, len, depth + 1);
		else
			snprintf(buf, len, "<error: cannot unbox>");
		COM_RELEASE(prim);
		COM_RELEASE(inner);
		COM_RELEASE(box);
		return;
	}
	if (clr_special_text(c, v, buf, len))
		return;
	char type[512];
	clr_value_type_name(c, v, type, sizeof(type));
	ICorDebugArrayValue *av = NULL;
	if (COM(v, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) >= 0) {
		ULONG32 n = 0, rank = 0, dims[8];
		char count[128];
		COM(av, GetCount, &n);
		snprintf(count, sizeof(count), "%u", n);
		if (COM(av, GetRank, &rank) >= 0 && rank > 1 && rank <= 8 &&
		    COM(av, GetDimensions, rank, dims) >= 0) {
			size_t o = 0;
			for (ULONG32 i = 0; i < rank; i++)
				o += (size_t)snprintf(count + o, sizeof(count) - o, "%s%u",
						      i ? ", " : "", dims[i]);
		}
		COM_RELEASE(av);
		/* "int[]" -> "{int[3]}", "int[,]" -> "{int[2, 3]}" */
		char *br = strchr(type, '[');
		if (br)
			snprintf(buf, len, "{%.*s[%s]%s}", (int)(br - type), type, count,
				 strchr(br, ']') ? strchr(br, ']') + 1 : "");
		else
			snprintf(buf, len, "{%s, %u elements}", type, n);
		return;
	}
	/* an object whose type overrides ToString: its text too, if the session may run it */
	char shown[1024], quoted[1100];
	if (via && c->display_tostring &&
	    c->display_tostring(c->display_ctx, via, shown, sizeof(shown)) == 0) {
		quote(shown, quoted, sizeof(quoted));
		snprintf(buf, len, "{%s} %s", type, quoted);
		return;
	}
	snprintf(buf, len, "{%s}", type);
}

void clr_value_text(struct clr *c, ICorDebugValue *v, char *buf, size_t len)
{
	value_text_depth(c, v, NULL, buf, len, 0);
}
