/* mtype.c: runtime type names for display. */
#include "clr/mtype.h"

#include <stdio.h>
#include <string.h>

#include "clr/symbols.h"

static void append(char *buf, size_t len, const char *s)
{
	size_t used = strlen(buf);
	if (used + 1 < len)
		snprintf(buf + used, len - used, "%s", s);
}

static const char *primitive_name(CorElementType et)
{
	switch (et) {
	case ELEMENT_TYPE_VOID:
		return "void";
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
	case ELEMENT_TYPE_STRING:
		return "string";
	case ELEMENT_TYPE_OBJECT:
		return "object";
	case ELEMENT_TYPE_I:
		return "nint";
	case ELEMENT_TYPE_U:
		return "nuint";
	default:
		return NULL;
	}
}

static void type_name_depth(struct clr *c, ICorDebugType *t, char *buf, size_t len, int depth);

enum { MAX_TYPE_ARGS = 32 };

/* The '>' closing the list that opens at lt, NULL if none. */
static const char *closing_angle(const char *lt)
{
	int depth = 0;
	for (const char *q = lt; *q; q++) {
		depth += (*q == '<') - (*q == '>');
		if (depth == 0)
			return q;
	}
	return NULL;
}

/* "List<int>", "Dictionary<string, int>.Entry": the metadata name with each generic parameter
 * list replaced by the runtime type's arguments, in order. A type nested in a generic type
 * has GenericParam rows repeating the enclosing types' parameters, then its own (as C#
 * compilers emit them: Dictionary`2+Entry has TKey and TValue), so ICorDebugType::
 * EnumerateTypeParameters lists the outer arguments first, as the name's lists appear. */
static void class_name(struct clr *c, ICorDebugType *t, char *buf, size_t len, int depth)
{
	ICorDebugClass *cls = NULL;
	ICorDebugModule *m = NULL;
	mdTypeDef td = 0;
	char name[512] = "?";
	if (COM(t, GetClass, &cls) >= 0 && COM(cls, GetToken, &td) >= 0 &&
	    COM(cls, GetModule, &m) >= 0) {
		struct clr_module *cm = clr_module_find(c, m);
		if (cm)
			clr_sym_type_name(cm, td, name, sizeof(name));
	}
	COM_RELEASE(m);
	COM_RELEASE(cls);
	ICorDebugType *args[MAX_TYPE_ARGS];
	ULONG nargs = 0;
	ICorDebugTypeEnum *te = NULL;
	if (COM(t, EnumerateTypeParameters, &te) >= 0) {
		while (nargs < MAX_TYPE_ARGS) {
			ULONG got = 0;
			if (COM(te, Next, 1, &args[nargs], &got) < 0 || !got)
				break;
			nargs++;
		}
		COM_RELEASE(te);
	}
	ULONG used = 0;
	const char *p = name;
	while (*p) {
		const char *lt = strchr(p, '<');
		const char *gt = lt ? closing_angle(lt) : NULL;
		if (!gt) {
			append(buf, len, p);
			break;
		}
		char piece[512];
		/* compiler-made names (<>c, <Main>b__0) are no parameter lists */
		bool is_list = lt > name && lt[-1] != '.' && lt[1] != '>';
		snprintf(piece, sizeof(piece), "%.*s", (int)((is_list ? lt : gt + 1) - p), p);
		append(buf, len, piece);
		p = gt + 1;
		if (!is_list)
			continue;
		int params = 1;
		for (const char *q = lt + 1, *inner; q < gt; q++) {
			if (*q == '<' && (inner = closing_angle(q)))
				q = inner;
			else
				params += *q == ',';
		}
		append(buf, len, "<");
		for (int i = 0; i < params; i++) {
			if (i)
				append(buf, len, ", ");
			if (used < nargs)
				type_name_depth(c, args[used++], buf, len, depth + 1);
			else
				append(buf, len, "?");
		}
		append(buf, len, ">");
	}
	/* a name without lists yet with arguments: the arguments after it */
	for (ULONG i = used; i < nargs && used == 0; i++) {
		append(buf, len, i ? ", " : "<");
		type_name_depth(c, args[i], buf, len, depth + 1);
		if (i + 1 == nargs)
			append(buf, len, ">");
	}
	for (ULONG i = 0; i < nargs; i++)
		COM_RELEASE(args[i]);
}

static void type_name_depth(struct clr *c, ICorDebugType *t, char *buf, size_t len, int depth)
{
	CorElementType et = ELEMENT_TYPE_END;
	if (depth > 8 || COM(t, GetType, &et) < 0) {
		append(buf, len, "?");
		return;
	}
	const char *prim = primitive_name(et);
	if (prim) {
		append(buf, len, prim);
		return;
	}
	ICorDebugType *elem = NULL;
	switch (et) {
	case ELEMENT_TYPE_SZARRAY:
	case ELEMENT_TYPE_ARRAY:
	case ELEMENT_TYPE_PTR:
	case ELEMENT_TYPE_BYREF:
		if (COM(t, GetFirstTypeParameter, &elem) >= 0 && elem)
			type_name_depth(c, elem, buf, len, depth + 1);
		COM_RELEASE(elem);
		if (et == ELEMENT_TYPE_PTR) {
			append(buf, len, "*");
		} else if (et == ELEMENT_TYPE_BYREF) {
			append(buf, len, "&");
		} else {
			ULONG32 rank = 1;
			COM(t, GetRank, &rank);
			append(buf, len, "[");
			for (ULONG32 i = 1; i < rank && i < 32; i++)
				append(buf, len, ",");
			append(buf, len, "]");
		}
		return;
	case ELEMENT_TYPE_CLASS:
	case ELEMENT_TYPE_VALUETYPE:
	case ELEMENT_TYPE_GENERICINST:
		class_name(c, t, buf, len, depth);
		return;
	default:
		append(buf, len, "?");
	}
}

void clr_type_name(struct clr *c, ICorDebugType *t, char *buf, size_t len)
{
	type_name_depth(c, t, buf, len, 0);
}

void clr_instantiate_name(struct clr *c, ICorDebugFrame *f, char *name, size_t len)
{
	if (!strchr(name, '<'))
		return;
	ICorDebugILFrame2 *f2 = NULL;
	ICorDebugTypeEnum *te = NULL;
	if (COM(f, QueryInterface, &IID_ICorDebugILFrame2, (void **)&f2) < 0)
		return;
	if (COM(f2, EnumerateTypeParameters, &te) < 0) {
		COM_RELEASE(f2);
		return;
	}
	/* the arguments come in declaration order: the types' (outermost first), then the
	 * method's, as the parameter lists appear in the name */
	char out[1024] = "";
	const char *p = name;
	bool ok = true;
	while (*p && ok) {
		const char *lt = strchr(p, '<');
		if (!lt || lt[1] == '>' || (lt > name && lt[-1] == '.')) {
			/* no list, or compiler names such as <Main>b__0 */
			if (!lt) {
				append(out, sizeof(out), p);
				break;
			}
			const char *gt = strchr(lt, '>');
			if (!gt)
				break;
			char piece[512];
			snprintf(piece, sizeof(piece), "%.*s", (int)(gt + 1 - p), p);
			append(out, sizeof(out), piece);
			p = gt + 1;
			continue;
		}
		const char *gt = strchr(lt, '>');
		if (!gt)
			break;
		char piece[512];
		snprintf(piece, sizeof(piece), "%.*s<", (int)(lt - p), p);
		append(out, sizeof(out), piece);
		int params = 1;
		for (const char *q = lt; q < gt; q++)
			params += *q == ',';
		for (int i = 0; i < params; i++) {
			ICorDebugType *arg = NULL;
			ULONG got = 0;
			if (COM(te, Next, 1, &arg, &got) < 0 || !got) {
				ok = false;
				break;
			}
			if (i)
				append(out, sizeof(out), ", ");
			clr_type_name(c, arg, out, sizeof(out));
			COM_RELEASE(arg);
		}
		append(out, sizeof(out), ">");
		p = gt + 1;
	}
	if (ok)
		snprintf(name, len, "%s", out);
	COM_RELEASE(te);
	COM_RELEASE(f2);
}
