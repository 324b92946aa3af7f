/* mtypedesc.c: `ptype` of a managed type, C#-like.
 *
 * Metadata facts relied on (ECMA-335 II.23.1.5, II.23.1.10, II.22.34, II.14.3):
 * - Field and MethodDef flags hold the accessibility in their low 3 bits (1 private, 2 family
 *   and assembly, 3 assembly, 4 family, 5 family or assembly, 6 public), static as 0x10; a
 *   field's InitOnly is 0x20 and Literal (const) 0x40; a method's Virtual is 0x40, Abstract
 *   0x400 and SpecialName 0x800 (accessors, constructors).
 * - A property's accessors are the SpecialName methods get_NAME / set_NAME (C# names them so;
 *   an indexer's are get_Item / set_Item with the index parameters); C#'s auto-properties keep
 *   their value in a field named <NAME>k__BackingField.
 * - An enum has one instance field value__ of its underlying type; its members are literal
 *   static fields with constants.
 */
#include "clr/mtypedesc.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/mtype.h"
#include "clr/symbols.h"
#include "meta/meta.h"

#define ACCESS_MASK    0x0007
#define METHOD_VIRTUAL 0x0040
#define METHOD_SPECIAL 0x0800
#define TYPE_SEALED    0x0100
#define TYPE_ABSTRACT  0x0080
#define INDENT	       "    "

struct out {
	char *buf;
	size_t len, used;
	bool full;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
	if (o->full)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(o->buf + o->used, o->len - o->used, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= o->len - o->used)
		o->full = true;
	else
		o->used += (size_t)n;
}

static const char *access_text(unsigned flags)
{
	static const char *const names[] = {"",		"private",   "private protected",
					    "internal", "protected", "protected internal",
					    "public",	""};
	return names[flags & ACCESS_MASK];
}

static bool is_enum(const struct meta_image *img, uint32_t type, char **underlying)
{
	uint32_t *fields = NULL;
	size_t n = 0;
	bool found = false;
	meta_type_fields(img, type, &fields, &n, NULL);
	for (size_t i = 0; i < n && !found; i++) {
		const char *name;
		found = meta_field_name(img, fields[i], &name, NULL) == 0 &&
			strcmp(name, "value__") == 0;
		if (found && underlying)
			meta_field_type(img, fields[i], underlying, NULL);
	}
	free(fields);
	return found;
}

/* "(int times, string suffix)" from the signature's "(int, string)" and the Param names. */
static void params_with_names(const struct meta_image *img, uint32_t method, struct out *o)
{
	char *types = NULL;
	if (meta_method_params(img, method, &types, NULL) != 0) {
		put(o, "(?)");
		return;
	}
	const char *p = types[0] == '(' ? types + 1 : types;
	put(o, "(");
	for (uint32_t seq = 1; *p && *p != ')'; seq++) {
		while (*p == ' ')
			p++;
		const char *start = p;
		int depth = 0;
		while (*p && !(depth == 0 && (*p == ',' || *p == ')'))) {
			depth += (*p == '<' || *p == '[') - (*p == '>' || *p == ']');
			p++;
		}
		const char *pname = NULL;
		put(o, "%s%.*s", seq > 1 ? ", " : "", (int)(p - start), start);
		if (meta_method_param_name(img, method, seq, &pname, NULL) == 0 && pname[0])
			put(o, " %s", pname);
		if (*p == ',')
			p++;
	}
	put(o, ")");
	free(types);
}

/* The method's simple name with its own generic parameters ("Echo<T>"). */
static void method_display_name(const struct meta_image *img, uint32_t method, const char *name,
				struct out *o)
{
	uint32_t arity = 0;
	char *full = NULL;
	if (meta_method_generic_arity(img, method, &arity, NULL) == 0 && arity &&
	    meta_method_full_name(img, method, &full, NULL) == 0) {
		const char *gen = strstr(full, name);
		const char *lt = gen ? strchr(gen + strlen(name) - 1, '<') : NULL;
		if (lt) {
			put(o, "%s%s", name, lt);
			free(full);
			return;
		}
	}
	free(full);
	put(o, "%s", name);
}

static void enum_members(const struct meta_image *img, uint32_t type, struct out *o)
{
	uint32_t *fields = NULL;
	size_t n = 0;
	bool first = true;
	meta_type_fields(img, type, &fields, &n, NULL);
	for (size_t i = 0; i < n; i++) {
		const char *name;
		uint16_t flags = 0;
		uint8_t et = 0;
		uint64_t value = 0;
		bool found = false;
		if (meta_field_name(img, fields[i], &name, NULL) != 0 ||
		    meta_field_flags(img, fields[i], &flags, NULL) != 0 ||
		    !(flags & META_FIELD_LITERAL) ||
		    meta_field_constant(img, fields[i], &et, &value, &found, NULL) != 0 || !found)
			continue;
		/* signed underlying types: sign-extend from the constant's size */
		int64_t sv = (int64_t)value;
		if (et == ELEMENT_TYPE_I1)
			sv = (int8_t)value;
		else if (et == ELEMENT_TYPE_I2)
			sv = (int16_t)value;
		else if (et == ELEMENT_TYPE_I4)
			sv = (int32_t)value;
		bool is_signed = et == ELEMENT_TYPE_I1 || et == ELEMENT_TYPE_I2 ||
				 et == ELEMENT_TYPE_I4 || et == ELEMENT_TYPE_I8;
		put(o, "%s\n" INDENT "%s = ", first ? "" : ",", name);
		if (is_signed)
			put(o, "%lld", (long long)sv);
		else
			put(o, "%llu", (unsigned long long)value);
		first = false;
	}
	put(o, "\n");
	free(fields);
}

static void fields(const struct meta_image *img, uint32_t type, struct out *o)
{
	uint32_t *toks = NULL;
	size_t n = 0;
	meta_type_fields(img, type, &toks, &n, NULL);
	for (size_t i = 0; i < n; i++) {
		const char *name;
		uint16_t flags = 0;
		char *ftype = NULL;
		/* compiler-made fields (backing fields show as their properties) */
		if (meta_field_name(img, toks[i], &name, NULL) != 0 || name[0] == '<' ||
		    meta_field_flags(img, toks[i], &flags, NULL) != 0 ||
		    meta_field_type(img, toks[i], &ftype, NULL) != 0)
			continue;
		put(o, INDENT "%s%s%s%s%s %s;\n", access_text(flags),
		    (flags & META_FIELD_LITERAL)  ? " const"
		    : (flags & META_FIELD_STATIC) ? " static"
						  : "",
		    (flags & META_FIELD_INIT_ONLY) ? " readonly" : "", ftype[0] ? " " : "", ftype,
		    name);
		free(ftype);
	}
	free(toks);
}

/* The method of type called name, 0 if none. */
static uint32_t method_named(const struct meta_image *img, const uint32_t *toks, size_t n,
			     const char *name)
{
	for (size_t i = 0; i < n; i++) {
		const char *mname;
		if (meta_method_name(img, toks[i], &mname, NULL) == 0 && strcmp(mname, name) == 0)
			return toks[i];
	}
	return 0;
}

static void method_modifiers(const struct meta_method_attrs *a, struct out *o)
{
	put(o, INDENT "%s", access_text(a->flags));
	if (a->flags & META_METHOD_STATIC)
		put(o, " static");
	else if (a->flags & META_METHOD_ABSTRACT)
		put(o, " abstract");
	else if (a->flags & METHOD_VIRTUAL)
		put(o, " virtual");
}

static void properties(const struct meta_image *img, const uint32_t *toks, size_t n, struct out *o)
{
	for (size_t i = 0; i < n; i++) {
		const char *mname;
		struct meta_method_attrs a;
		if (meta_method_name(img, toks[i], &mname, NULL) != 0 ||
		    meta_method_attrs(img, toks[i], &a, NULL) != 0 || !(a.flags & METHOD_SPECIAL))
			continue;
		bool getter = strncmp(mname, "get_", 4) == 0;
		if (!getter && strncmp(mname, "set_", 4) != 0)
			continue;
		char other[300];
		snprintf(other, sizeof(other), "%s_%s", getter ? "set" : "get", mname + 4);
		uint32_t pair = method_named(img, toks, n, other);
		if (!getter && pair)
			continue; /* shown with its getter */
		char *type = NULL;
		if (getter)
			meta_method_return_type(img, toks[i], &type, NULL);
		method_modifiers(&a, o);
		put(o, " %s ", type ? type : "?");
		if (strcmp(mname + 4, "Item") == 0 && a.param_count > (getter ? 0u : 1u)) {
			put(o, "this");
			struct out idx = *o;
			params_with_names(img, toks[i], &idx); /* "(int index)" as "[int index]" */
			if (!idx.full) {
				o->buf[o->used] = '[';
				idx.buf[idx.used - 1] = ']';
			}
			*o = idx;
		} else {
			put(o, "%s", mname + 4);
		}
		put(o, " { %s%s}\n", getter ? "get; " : "", getter && !pair ? "" : "set; ");
		free(type);
	}
}

static void methods(const struct meta_image *img, const uint32_t *toks, size_t n,
		    const char *short_name, struct out *o)
{
	for (size_t i = 0; i < n; i++) {
		const char *mname;
		struct meta_method_attrs a;
		if (meta_method_name(img, toks[i], &mname, NULL) != 0 ||
		    meta_method_attrs(img, toks[i], &a, NULL) != 0 || mname[0] == '<' ||
		    strcmp(mname, ".cctor") == 0)
			continue;
		bool ctor = strcmp(mname, ".ctor") == 0;
		/* accessors (shown as properties), operators, explicit interface implementations
		 * (named Interface.Method) */
		if (((a.flags & METHOD_SPECIAL) && !ctor) || (!ctor && strchr(mname, '.')))
			continue;
		method_modifiers(&a, o);
		if (ctor) {
			put(o, " %s", short_name);
		} else {
			char *ret = NULL;
			meta_method_return_type(img, toks[i], &ret, NULL);
			put(o, " %s ", ret ? ret : "?");
			free(ret);
			method_display_name(img, toks[i], mname, o);
		}
		params_with_names(img, toks[i], o);
		put(o, ";\n");
	}
}

void clr_type_describe(struct clr *c, const struct clr_typedef *td, ICorDebugType *t, char *buf,
		       size_t len)
{
	struct out o = {.buf = buf, .len = len};
	buf[0] = 0;
	const struct meta_image *img = td->cm->img;
	ICorDebugType *own = NULL;
	struct mx_err ignore;
	if (!t && clr_typedef_type((struct clr_typedef *)td, &own, &ignore) == 0)
		t = own;
	char name[512] = "", base[512] = "";
	if (t && !own)
		clr_type_name(c, t, name, sizeof(name));
	else {
		char *full = NULL; /* with its generic parameters: "Fixtures.Box<T>" */
		if (meta_type_name(img, td->token, &full, NULL) == 0)
			snprintf(name, sizeof(name), "%s", full);
		free(full);
	}
	ICorDebugType *bt = NULL;
	if (t && COM(t, GetBase, &bt) >= 0 && bt)
		clr_type_name(c, bt, base, sizeof(base));
	COM_RELEASE(bt);
	COM_RELEASE(own);
	uint32_t tflags = 0;
	meta_type_flags(img, td->token, &tflags, NULL);
	char *underlying = NULL;
	const char *kind = "class";
	if (tflags & META_TYPE_INTERFACE)
		kind = "interface";
	else if (is_enum(img, td->token, &underlying))
		kind = "enum";
	else if (strcmp(base, "System.ValueType") == 0)
		kind = "struct";
	bool plain_base = !base[0] || strcmp(base, "System.Object") == 0 ||
			  strcmp(base, "System.ValueType") == 0 || strcmp(base, "System.Enum") == 0;
	if (strcmp(kind, "class") == 0 && (tflags & TYPE_SEALED) && (tflags & TYPE_ABSTRACT))
		put(&o, "static "); /* C# compiles a static class as abstract sealed */
	put(&o, "%s %s", kind, name);
	if (underlying && strcmp(underlying, "int") != 0)
		put(&o, " : %s", underlying);
	else if (!underlying && !plain_base)
		put(&o, " : %s", base);
	put(&o, " {");
	if (underlying) {
		enum_members(img, td->token, &o);
	} else {
		put(&o, "\n");
		/* the constructor's name: the type's own, without namespace or generic arguments */
		char short_name[512];
		const char *dot = strrchr(name, '<') ? NULL : strrchr(name, '.');
		snprintf(short_name, sizeof(short_name), "%s", dot ? dot + 1 : name);
		char *lt = strchr(short_name, '<');
		if (lt) {
			*lt = 0;
			char *d = strrchr(short_name, '.');
			if (d)
				memmove(short_name, d + 1, strlen(d + 1) + 1);
		}
		uint32_t *toks = NULL;
		size_t n = 0;
		meta_type_methods(img, td->token, &toks, &n, NULL);
		fields(img, td->token, &o);
		properties(img, toks, n, &o);
		methods(img, toks, n, short_name, &o);
		free(toks);
	}
	free(underlying);
	put(&o, "}");
	if (o.full) {
		/* cut at the last whole line and say so */
		const char *more = "\n" INDENT "...\n}";
		size_t keep = len > strlen(more) + 1 ? len - strlen(more) - 1 : 0;
		buf[keep] = 0;
		char *nl = strrchr(buf, '\n');
		if (nl)
			*nl = 0;
		if (strlen(buf) + strlen(more) < len)
			strcat(buf, more);
	}
}
