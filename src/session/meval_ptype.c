/* meval_ptype.c: `ptype` and `whatis` of C# expressions and type names.
 *
 * whatis names the type; for a local, an argument or a field whose declared (static) type
 * differs from the type of the object it holds, both: "Fixtures.Animal (dynamic type:
 * Fixtures.Dog)". Declared types come from the metadata: a local's from the method's locals
 * signature (by the slot the PDB gives its name), an argument's from the method signature, a
 * field's from its own signature; the dynamic one is the runtime's (ICorDebugValue2::
 * GetExactType of the object the reference points to). ptype spells the (dynamic) type out
 * (clr/mtypedesc.c); of a type name, that type.
 *
 * Also here: the declared type shown before an object's by print, info locals and the DAP,
 * and typeof(T)'s Name, FullName and Namespace. A real System.Type cannot be had without
 * running code in the program (ICorDebug gives no RuntimeType object for an ICorDebugType,
 * and Type.GetTypeFromHandle needs a RuntimeTypeHandle, itself a wrapper of one), so those
 * three are answered from the metadata, as System.Type spells them: Name with its generic
 * arity ("List`1"), FullName with '+' between nested types ("Fixtures.Outer+Inner"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/mobject.h"
#include "clr/mtype.h"
#include "clr/mtypedesc.h"
#include "clr/symbols.h"
#include "meta/meta.h"
#include "session/meval_internal.h"
#include "util/xalloc.h"

bool meval_frame_declared(const struct clr_module *cm, mdMethodDef tok, uint32_t il,
			  const char *name, char *buf, size_t len)
{
	const struct meta_image *img = cm ? cm->img : NULL;
	if (!img)
		return false;
	struct meta_local *locals = NULL;
	size_t n = 0;
	bool found = false;
	if (cm->pdb && meta_pdb_locals(cm->pdb, tok, il, &locals, &n, NULL) == 0) {
		char **types = NULL;
		size_t ntypes = 0;
		meta_method_local_types(img, tok, &types, &ntypes, NULL);
		/* the innermost declaration (listed last) wins, as for the value */
		for (size_t k = n; k-- > 0 && !found;) {
			if (locals[k].hidden || strcmp(locals[k].name, name) != 0 ||
			    locals[k].index >= ntypes)
				continue;
			snprintf(buf, len, "%s", types[locals[k].index]);
			found = true;
		}
		meta_free_strings(types, ntypes);
		free(locals);
	}
	if (found)
		return true;
	struct meta_method_attrs a;
	char *params = NULL;
	if (meta_method_attrs(img, tok, &a, NULL) != 0 ||
	    meta_method_params(img, tok, &params, NULL) != 0)
		return false;
	/* "(int, Fixtures.Animal)": the seq-th top-level item */
	const char *p = params[0] == '(' ? params + 1 : params;
	for (uint32_t seq = 1; seq <= a.param_count && *p && *p != ')' && !found; seq++) {
		while (*p == ' ')
			p++;
		const char *start = p;
		int depth = 0;
		while (*p && !(depth == 0 && (*p == ',' || *p == ')'))) {
			depth += (*p == '<' || *p == '[') - (*p == '>' || *p == ']');
			p++;
		}
		const char *pname = NULL;
		if (meta_method_param_name(img, tok, seq, &pname, NULL) == 0 &&
		    strcmp(pname, name) == 0) {
			snprintf(buf, len, "%.*s", (int)(p - start), start);
			found = true;
		}
		if (*p == ',')
			p++;
	}
	free(params);
	return found;
}

struct field_find {
	struct clr *c;
	const char *name;
	char *buf;
	size_t len;
	bool found;
};

static int field_match(void *arg, const struct clr_field *f)
{
	struct field_find *ff = arg;
	if (strcmp(f->name, ff->name) != 0)
		return 0;
	struct clr_typedef td;
	char *type = NULL;
	/* the field's token belongs to its declaring type's module */
	if (f->owner && clr_type_typedef(ff->c, f->owner, &td) && td.cm &&
	    meta_field_type(td.cm->img, f->token, &type, NULL) == 0) {
		snprintf(ff->buf, ff->len, "%s", type);
		ff->found = true;
	}
	free(type);
	return 1;
}

/* The declared type of field name of the object or struct target (a value). */
static bool field_declared(struct meval *e, ICorDebugValue *target, const char *name, char *buf,
			   size_t len)
{
	ICorDebugValue *obj = NULL;
	struct field_find ff = {.c = e->c, .name = name, .buf = buf, .len = len};
	if (clr_value_strip(target, &obj) == 0 && obj)
		clr_fields(e->c, obj, e->frame, true, field_match, &ff);
	COM_RELEASE(obj);
	return ff.found;
}

bool meval_declared_type(struct meval *e, const struct csx_node *n, char *buf, size_t len)
{
	if (n->kind == CSX_NAME && !(n->flags & CSX_NAME_KEYWORD)) {
		if (meval_frame_declared(e->cm, e->tok, e->il, n->text, buf, len))
			return true;
		struct mv self = {0};
		struct csx_node this_node = {.kind = CSX_THIS};
		bool found = meval(e, &this_node, &self) == 0 && self.kind == MV_VALUE &&
			     field_declared(e, self.v, n->text, buf, len);
		mv_clear(&self);
		return found;
	}
	if (n->kind == CSX_MEMBER && !n->conditional) {
		struct mv target = {0};
		struct mx_err *saved = e->err, ignore;
		e->err = &ignore;
		bool found = meval(e, n->kids[0], &target) == 0 && target.kind == MV_VALUE &&
			     field_declared(e, target.v, n->text, buf, len);
		e->err = saved;
		mv_clear(&target);
		return found;
	}
	return false;
}

/* C#'s keyword for a predefined type's full name ("System.Int32" -> "int"), else name. */
static const char *keyword_name(const char *name)
{
	static const char *const keywords[] = {"bool",	 "char",   "sbyte",   "byte",	"short",
					       "ushort", "int",	   "uint",    "long",	"ulong",
					       "float",	 "double", "decimal", "string", "object"};
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
		const char *full = mv_keyword_full_name(keywords[i]);
		if (full && strcmp(full, name) == 0)
			return keywords[i];
	}
	return name;
}

/* The type of a value: its dynamic type (*t, NULL for null) and its name. */
static void value_type(struct meval *e, ICorDebugValue *v, ICorDebugType **t, char *buf, size_t len)
{
	ICorDebugValue *obj = NULL;
	*t = NULL;
	buf[0] = 0;
	if (clr_value_strip(v, &obj) == 0 && obj && clr_value_type(obj, t) == 0)
		clr_type_name(e->c, *t, buf, len);
	else if (clr_value_type(v, t) == 0) /* null: the reference's own type */
		clr_type_name(e->c, *t, buf, len);
	COM_RELEASE(obj);
	if (!buf[0])
		snprintf(buf, len, "?");
	const char *kw = keyword_name(buf); /* a boxed int is an int */
	if (kw != buf)
		snprintf(buf, len, "%s", kw);
}

static bool may_name_generic_parameter(const char *declared);

/* ptype of a runtime type: spelled out for classes, structs and enums; a name for the rest. */
static void describe(struct meval *e, ICorDebugType *t, const char *name, char *out, size_t outlen)
{
	struct clr_typedef td;
	CorElementType et = 0;
	if (t && COM(t, GetType, &et) >= 0 &&
	    (et == ELEMENT_TYPE_CLASS || et == ELEMENT_TYPE_VALUETYPE) &&
	    clr_type_typedef(e->c, t, &td))
		clr_type_describe(e->c, &td, t, out, outlen);
	else
		snprintf(out, outlen, "%s", name);
}

/* The predefined types' full names in a type's name written as C#'s keywords
 * ("List<System.Int32>" -> "List<int>"). */
static void keywordize(char *buf, size_t len)
{
	static const char *const names[][2] = {
	    {"System.Boolean", "bool"},	 {"System.Char", "char"},     {"System.SByte", "sbyte"},
	    {"System.Byte", "byte"},	 {"System.Int16", "short"},   {"System.UInt16", "ushort"},
	    {"System.Int32", "int"},	 {"System.UInt32", "uint"},   {"System.Int64", "long"},
	    {"System.UInt64", "ulong"},	 {"System.Single", "float"},  {"System.Double", "double"},
	    {"System.String", "string"}, {"System.Object", "object"}, {"System.Decimal", "decimal"},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t nl = strlen(names[i][0]), kl = strlen(names[i][1]);
		for (char *p = strstr(buf, names[i][0]); p; p = strstr(p, names[i][0])) {
			bool starts = p == buf || !(isalnum((unsigned char)p[-1]) || p[-1] == '.' ||
						    p[-1] == '_');
			bool ends =
			    !(isalnum((unsigned char)p[nl]) || p[nl] == '.' || p[nl] == '_');
			if (!starts || !ends) {
				p += nl;
				continue;
			}
			memmove(p + kl, p + nl, strlen(p + nl) + 1);
			memcpy(p, names[i][1], kl);
			p += kl;
		}
	}
	(void)len;
}

/* ptype / whatis of a type written as a type ("int", "int[]", "Dog", "List<int>"). */
static int type_by_text(struct meval *e, const char *expr, bool whatis, char *out, size_t outlen)
{
	size_t len = strlen(expr) + 16;
	char *text = malloc(len);
	struct csx_node *tree = NULL;
	struct mx_err ignore;
	int r = -1;
	snprintf(text, len, "typeof(%s)", expr);
	if (!text || csx_parse(text, &tree, &ignore) != 0 || tree->kind != CSX_TYPEOF) {
		free(text);
		csx_free(tree);
		return -1;
	}
	const struct csx_type *ty = tree->type;
	while (ty->rank && ty->elem)
		ty = ty->elem;
	char written[512];
	csx_type_text(tree->type, written, sizeof(written));
	struct clr_typedef td;
	const char *full = ty->keyword ? mv_keyword_full_name(ty->name) : NULL;
	if (ty->keyword && (mv_keyword_type(ty->name) || full || !strcmp(ty->name, "string") ||
			    !strcmp(ty->name, "object"))) {
		snprintf(out, outlen, "%s", written); /* int, string...: the name says it all */
		r = 0;
	} else if (ty->nargs && !tree->type->nullable) {
		/* a generic instance (List<int>, also as an array's element): the runtime's
		 * type, named with its arguments; ptype spells out the generic type */
		ICorDebugType *t = NULL;
		struct mx_err *saved = e->err;
		e->err = &ignore;
		r = meval_resolve_type(e, ty, &t);
		e->err = saved;
		if (r == 0 && (whatis || tree->type->rank)) {
			const char *suffix = strrchr(written, '>'); /* "[]" of List<int>[] */
			out[0] = 0;
			clr_type_name(e->c, t, out, outlen);
			keywordize(out, outlen);
			size_t ol = strlen(out);
			snprintf(out + ol, outlen - ol, "%s", suffix ? suffix + 1 : "");
		} else if (r == 0) {
			describe(e, t, written, out, outlen);
			keywordize(out, outlen);
		} else {
			*e->err = ignore;
		}
		COM_RELEASE(t);
	} else if (ty->name && clr_find_typedef(e->c, ty->name, &td, &ignore) == 0) {
		if (whatis || tree->type->rank || ty->nargs) {
			/* arrays and generic instances by name (their members are the element's
			 * or the generic type's: ptype those) */
			char full_name[512];
			clr_sym_type_name(td.cm, td.token, full_name, sizeof(full_name));
			size_t wl = strlen(ty->name);
			if (!ty->nargs && strncmp(written, ty->name, wl) == 0)
				snprintf(out, outlen, "%s%s", full_name, written + wl); /* T[] */
			else
				snprintf(out, outlen, "%s", written);
			if (!whatis && ty->nargs && !tree->type->rank)
				clr_type_describe(e->c, &td, NULL, out, outlen);
		} else {
			clr_type_describe(e->c, &td, NULL, out, outlen);
		}
		r = 0;
	}
	free(text);
	csx_free(tree);
	return r;
}

int ses_meval_ptype(struct ses *s, const char *expr, bool whatis, char *out, size_t outlen,
		    struct mx_err *err)
{
	struct csx_node *tree = NULL;
	struct meval_opts o = {0};
	struct meval e;
	if (meval_begin(&e, s, &o, err) != 0)
		return -1;
	struct mx_err parse_err;
	int r = -1;
	if (csx_parse(expr, &tree, &parse_err) != 0) {
		/* not an expression: maybe a type ("int[]", "List<int>") */
		r = type_by_text(&e, expr, whatis, out, outlen);
		if (r != 0)
			*err = parse_err;
		meval_end(&e);
		return r;
	}
	if ((tree->kind == CSX_NAME || tree->kind == CSX_MEMBER) && tree->ntype_args) {
		/* Name<T> alone is a generic type (a generic method needs its call) */
		err->msg[0] = 0;
		r = type_by_text(&e, expr, whatis, out, outlen);
		if (r != 0 && !err->msg[0])
			mx_err_set(err, "'%s' is not a type this program has loaded", expr);
		csx_free(tree);
		meval_end(&e);
		return r;
	}
	struct mv m = {0};
	char declared[512] = "";
	bool has_declared = meval_declared_type(&e, tree, declared, sizeof(declared));
	r = meval(&e, tree, &m);
	if (r != 0 || m.kind == MV_NS) {
		if (r == 0)
			mx_err_set(err,
				   "error CS0103: The name '%s' does not exist in the current "
				   "context",
				   m.str);
		struct mx_err first = *err;
		r = type_by_text(&e, expr, whatis, out, outlen);
		if (r != 0)
			*err = first;
		goto done;
	}
	r = 0;
	switch (m.kind) {
	case MV_VALUE: {
		ICorDebugType *t = NULL;
		char name[512];
		value_type(&e, m.v, &t, name, sizeof(name));
		if (!whatis)
			describe(&e, t, name, out, outlen);
		else if (has_declared && strcmp(declared, name) != 0 && strcmp(name, "?") != 0 &&
			 !may_name_generic_parameter(declared))
			snprintf(out, outlen, "%s (dynamic type: %s)", declared, name);
		else
			snprintf(out, outlen, "%s", name);
		COM_RELEASE(t);
		break;
	}
	case MV_PRIM:
		if (m.td.cm && !whatis)
			clr_type_describe(e.c, &m.td, NULL, out, outlen);
		else if (m.td.cm)
			clr_sym_type_name(m.td.cm, m.td.token, out, outlen);
		else
			snprintf(out, outlen, "%s", mv_prim_name(m.et));
		break;
	case MV_STR:
		snprintf(out, outlen, "string");
		break;
	case MV_DEC:
		snprintf(out, outlen, "decimal");
		break;
	case MV_NULL:
		/* C# gives the null literal no type; a variable holding null has its own */
		if (has_declared)
			snprintf(out, outlen, "%s", declared);
		else
			snprintf(out, outlen, "<null>");
		break;
	case MV_TYPE:
		if (whatis)
			clr_sym_type_name(m.td.cm, m.td.token, out, outlen);
		else
			clr_type_describe(e.c, &m.td, NULL, out, outlen);
		break;
	default:
		snprintf(out, outlen, "void");
	}
done:
	mv_clear(&m);
	meval_end(&e);
	csx_free(tree);
	return r;
}

/* ---- the declared type next to the dynamic one, for print, info locals and the DAP ---- */

/* Whether a declared type's text may name a generic parameter ("T", "List<TKey>"): a name
 * without a namespace that is no C# keyword. Such a text names no type by itself, so it is not
 * compared with the runtime type (a type of the global namespace is skipped too). */
static bool may_name_generic_parameter(const char *declared)
{
	const char *p = declared;
	while (*p) {
		size_t n = strcspn(p, "<>[], *&?");
		if (n) {
			char word[256];
			snprintf(word, sizeof(word), "%.*s", (int)n, p);
			if (!strchr(word, '.') && !mv_keyword_type(word) &&
			    !mv_keyword_full_name(word) && strcmp(word, "string") != 0 &&
			    strcmp(word, "object") != 0)
				return true;
		}
		p += n;
		if (*p)
			p++;
	}
	return false;
}

bool meval_declared_differs(struct clr *c, const char *declared, ICorDebugValue *v, char *dynamic,
			    size_t dlen)
{
	ICorDebugValue *obj = NULL;
	ICorDebugType *t = NULL;
	struct meval e = {.c = c};
	dynamic[0] = 0;
	if (!declared[0] || may_name_generic_parameter(declared) || clr_value_strip(v, &obj) != 0 ||
	    !obj) /* null: nothing of another type */
		return false;
	COM_RELEASE(obj);
	value_type(&e, v, &t, dynamic, dlen);
	COM_RELEASE(t);
	return strcmp(dynamic, "?") != 0 && strcmp(dynamic, declared) != 0;
}

void meval_prefix_declared(const char *declared, char *text, size_t len)
{
	size_t tl = strlen(text), dl = strlen(declared);
	/* only an object's text ("{Fixtures.Dog} {...}") has its type named in it: a boxed 42
	 * or a string held by an object variable reads well as it is */
	if (text[0] != '{' || dl + 3 + tl >= len)
		return;
	memmove(text + dl + 3, text, tl + 1);
	text[0] = '(';
	memcpy(text + 1, declared, dl);
	memcpy(text + 1 + dl, ") ", 2);
}

bool ses_meval_declared(struct ses *s, const char *expr, const struct meval_opts *o, char *declared,
			size_t dlen, char *dynamic, size_t dynlen)
{
	struct csx_node *tree = NULL;
	struct meval_opts reading = o ? *o : (struct meval_opts){0};
	struct mx_err ignore;
	struct meval e;
	bool differs = false;
	reading.no_calls = true; /* reads only: a getter in expr is not run twice */
	if (csx_parse(expr, &tree, &ignore) != 0)
		return false;
	if (meval_begin(&e, s, &reading, &ignore) == 0 &&
	    meval_declared_type(&e, tree, declared, dlen)) {
		struct mv m = {0};
		differs = meval(&e, tree, &m) == 0 && m.kind == MV_VALUE &&
			  meval_declared_differs(e.c, declared, m.v, dynamic, dynlen);
		mv_clear(&m);
	}
	meval_end(&e);
	csx_free(tree);
	return differs;
}

/* ---- typeof(T).Name, .FullName, .Namespace from the metadata ---- */

/* The last dotted part of a rendered type name ("Ns.Outer<T>.Inner" -> "Inner"), without its
 * generic parameter list; *ns_end: where the part before it ends. */
static void last_part(const char *rendered, char *buf, size_t len, size_t *ns_end)
{
	int depth = 0;
	size_t start = 0;
	for (size_t i = 0; rendered[i]; i++) {
		depth += (rendered[i] == '<') - (rendered[i] == '>');
		if (rendered[i] == '.' && depth == 0)
			start = i + 1;
	}
	*ns_end = start ? start - 1 : 0;
	snprintf(buf, len, "%.*s", (int)strcspn(rendered + start, "<"), rendered + start);
}

/* System.Type's Name of a TypeDef: its own name with its own generic arity ("List`1"). */
static void type_simple_name(const struct clr_module *cm, mdTypeDef tok, char *buf, size_t len)
{
	char rendered[512];
	size_t ns_end;
	uint32_t arity = 0;
	clr_sym_type_name((struct clr_module *)cm, tok, rendered, sizeof(rendered));
	last_part(rendered, buf, len, &ns_end);
	meta_type_generic_arity(cm->img, tok, &arity, NULL);
	if (arity) {
		size_t o = strlen(buf);
		snprintf(buf + o, len - o, "`%u", arity);
	}
}

int meval_typeof_member(struct meval *e, const struct csx_type *written, const struct mv *target,
			const char *member, struct mv *out)
{
	/* target: the TypeDef (MV_TYPE), or for a keyword the full name (MV_STR) */
	bool name = strcmp(member, "Name") == 0, full = strcmp(member, "FullName") == 0;
	bool ns = strcmp(member, "Namespace") == 0;
	if ((!name && !full && !ns) || written->rank || written->nullable ||
	    (full && written->nargs))
		return mx_err_set(e->err,
				  "typeof(%s).%s: only Name, FullName (not of a generic type's "
				  "instance) and Namespace are known here, read from the metadata "
				  "(a System.Type object needs code run in the program)",
				  written->name ? written->name : "...", member);
	if (target->kind == MV_STR) { /* typeof(int): "System.Int32" */
		const char *dot = strrchr(target->str, '.');
		char text[256];
		snprintf(text, sizeof(text), "%.*s",
			 name ? 255
			 : ns ? (int)(dot ? dot - target->str : 0)
			      : 255,
			 name && dot ? dot + 1 : target->str);
		out->kind = MV_STR;
		out->str = xstrdup(text);
		return 0;
	}
	/* the chain of enclosing types, innermost first */
	mdTypeDef chain[16];
	size_t n = 0;
	for (uint32_t tok = target->td.token; tok && n < 16;) {
		chain[n++] = tok;
		uint32_t outer = 0;
		if (meta_type_enclosing(target->td.cm->img, tok, &outer, NULL) != 0)
			break;
		tok = outer;
	}
	char text[1024] = "", part[256], outermost[512];
	size_t ns_end = 0;
	clr_sym_type_name(target->td.cm, chain[n - 1], outermost, sizeof(outermost));
	last_part(outermost, part, sizeof(part), &ns_end);
	if (name) {
		type_simple_name(target->td.cm, target->td.token, text, sizeof(text));
	} else {
		/* Namespace: the outermost type's; FullName: it, then the types joined by '+' */
		size_t o = (size_t)snprintf(text, sizeof(text), "%.*s", (int)ns_end, outermost);
		for (size_t i = n; full && i-- > 0 && o < sizeof(text);) {
			type_simple_name(target->td.cm, chain[i], part, sizeof(part));
			o += (size_t)snprintf(text + o, sizeof(text) - o, "%s%s",
					      i == n - 1 ? (o ? "." : "") : "+", part);
		}
	}
	out->kind = MV_STR;
	out->str = xstrdup(text);
	return 0;
}
