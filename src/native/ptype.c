/* ptype.c: `ptype` and `whatis` of C expressions and type names, written as gdb writes them.
 *
 * A type is printed as C declares it: a base (a base type, a typedef's name, a struct, union or
 * enum, void) followed by a declarator built from the outside in ("*" for a pointer, "[N]" for
 * an array, "(params)" for a function, parentheses where a pointer meets an array or function):
 * "int (*)[4]", "double (*)(const struct shape *, int)". gdb's "show" level decides how much
 * is spelled out: above 0 a struct, union or enum body is written and typedefs are resolved
 * (ptype; members are shown one level lower), at 0 only anonymous bodies are written, below 0
 * none ("struct {...}"; whatis). */
#include <dwarf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "native/vars_internal.h"

#define DECL_LEN   1024 /* one declarator ("(*measure)(const struct shape *, int)") */
#define MAX_FIELDS 1024 /* members of one struct or enumerators of one enum */
#define TYPE_DEPTH 12	/* nesting of types followed */

/* gcc names base types as "long unsigned int"; gdb shows them as C programmers write them. */
const char *nat_c_base_name(const char *dwarf_name)
{
	static const char *const names[][2] = {
	    {"long int", "long"},	    {"long unsigned int", "unsigned long"},
	    {"short int", "short"},	    {"short unsigned int", "unsigned short"},
	    {"long long int", "long long"}, {"long long unsigned int", "unsigned long long"},
	};
	if (!dwarf_name)
		return "?";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(dwarf_name, names[i][0]))
			return names[i][1];
	return dwarf_name;
}

struct tp {
	struct sb *b;
	Dwarf_Die cu; /* to find the definition of a struct declared only */
	bool have_cu;
};

static void print_decl(struct tp *p, Dwarf_Die *t, const char *inner, int show, int indent,
		       int depth);

static void put_indent(struct sb *b, int n)
{
	for (int i = 0; i < n; i++)
		sb_puts(b, " ");
}

/* dst = pre + dst + post (truncated to DECL_LEN). */
static void wrap(char *dst, const char *pre, const char *post)
{
	char tmp[DECL_LEN];
	struct sb b = {tmp, sizeof(tmp), 0};
	tmp[0] = 0;
	sb_puts(&b, pre);
	sb_puts(&b, dst);
	sb_puts(&b, post);
	memcpy(dst, tmp, sizeof(tmp));
}

/* "(int, int)", "(void)" (prototyped without parameters), "()" (unprototyped), "(int, ...)". */
static void params(struct tp *p, Dwarf_Die *fn, char *out, size_t outlen, int depth)
{
	char text[DECL_LEN] = "(";
	struct sb b = {text, sizeof(text), 1};
	struct tp sub = *p;
	sub.b = &b;
	Dwarf_Die child;
	int k = 0;
	if (dwarf_child(fn, &child) == 0) {
		do {
			int tag = dwarf_tag(&child);
			if (tag == DW_TAG_unspecified_parameters) {
				sb_puts(&b, k++ ? ", ..." : "...");
			} else if (tag == DW_TAG_formal_parameter) {
				Dwarf_Die pt;
				if (k++)
					sb_puts(&b, ", ");
				print_decl(&sub, die_type(&child, &pt) ? &pt : NULL, "", 0, 0,
					   depth + 1);
			}
		} while (k < 64 && dwarf_siblingof(&child, &child) == 0);
	}
	if (!k && dwarf_hasattr(fn, DW_AT_prototyped))
		sb_puts(&b, "void");
	sb_puts(&b, ")");
	snprintf(out, outlen, "%s", text);
}

static void print_enum_body(struct tp *p, Dwarf_Die *t)
{
	Dwarf_Die child;
	int64_t expect = 0;
	int k = 0;
	sb_puts(p->b, "{");
	if (dwarf_child(t, &child) == 0) {
		do {
			if (dwarf_tag(&child) != DW_TAG_enumerator)
				continue;
			Dwarf_Attribute a;
			Dwarf_Sword val = 0;
			if (dwarf_attr(&child, DW_AT_const_value, &a))
				dwarf_formsdata(&a, &val);
			const char *name = dwarf_diename(&child);
			sb_printf(p->b, "%s%s", k++ ? ", " : "", name ? name : "?");
			/* gdb writes a value only where it is not the previous one plus 1 */
			if (val != expect)
				sb_printf(p->b, " = %lld", (long long)val);
			expect = (int64_t)val + 1;
		} while (k < MAX_FIELDS && dwarf_siblingof(&child, &child) == 0);
	}
	sb_puts(p->b, "}");
}

static void print_struct_body(struct tp *p, Dwarf_Die *t, int show, int indent, int depth)
{
	Dwarf_Die child, def;
	const char *name = dwarf_diename(t);
	/* a declaration here (struct node; in this CU) may be defined elsewhere in the CU */
	if (dwarf_hasattr(t, DW_AT_declaration) && name && p->have_cu &&
	    find_type_in_cu(&p->cu, dwarf_tag(t), name, &def))
		t = &def;
	sb_puts(p->b, "{\n");
	int k = 0;
	if (dwarf_child(t, &child) == 0) {
		do {
			if (dwarf_tag(&child) != DW_TAG_member)
				continue;
			Dwarf_Die mt;
			const char *mname = dwarf_diename(&child);
			put_indent(p->b, indent + 4);
			print_decl(p, die_type(&child, &mt) ? &mt : NULL, mname ? mname : "",
				   show - 1, indent + 4, depth + 1);
			if (dwarf_hasattr(&child, DW_AT_bit_size))
				sb_printf(p->b, " : %llu",
					  (unsigned long long)udata(&child, DW_AT_bit_size, 0));
			sb_puts(p->b, ";\n");
			k++;
		} while (k < MAX_FIELDS && dwarf_siblingof(&child, &child) == 0);
	}
	if (!k) {
		put_indent(p->b, indent + 4);
		sb_puts(p->b, dwarf_hasattr(t, DW_AT_declaration) ? "<incomplete type>\n"
								  : "<no data fields>\n");
	}
	put_indent(p->b, indent);
	sb_puts(p->b, "}");
}

/* The base of a declaration: t is not a pointer, array or function (NULL: void). */
static void print_base(struct tp *p, Dwarf_Die *t, const char *quals, int show, int indent,
		       int depth)
{
	sb_puts(p->b, quals);
	if (!t) {
		sb_puts(p->b, "void");
		return;
	}
	int tag = dwarf_tag(t);
	const char *name = dwarf_diename(t);
	switch (tag) {
	case DW_TAG_base_type:
		sb_puts(p->b, nat_c_base_name(name));
		return;
	case DW_TAG_typedef:
		sb_puts(p->b, name ? name : "?");
		return;
	case DW_TAG_structure_type:
	case DW_TAG_union_type:
	case DW_TAG_enumeration_type:
		sb_puts(p->b, tag == DW_TAG_structure_type ? "struct"
			      : tag == DW_TAG_union_type   ? "union"
							   : "enum");
		if (name)
			sb_printf(p->b, " %s", name);
		if (show <= 0 && name)
			return;
		sb_puts(p->b, " ");
		if (show < 0)
			sb_puts(p->b, "{...}");
		else if (tag == DW_TAG_enumeration_type)
			print_enum_body(p, t);
		else
			print_struct_body(p, t, show, indent, depth);
		return;
	default:
		sb_puts(p->b, name ? name : "?");
	}
}

/* Prints type t (NULL: void) declaring inner (a name, or "" for the type alone); ptr extra
 * pointer levels are already in inner. skip_dims: dimensions dropped from the first array. */
static void print_decl_from(struct tp *p, Dwarf_Die *t0, const char *inner, int show, int indent,
			    int depth, int skip_dims)
{
	char decl[DECL_LEN], quals[64] = "";
	snprintf(decl, sizeof(decl), "%s", inner);
	Dwarf_Die cur, next, *t = NULL;
	if (t0) {
		cur = *t0;
		t = &cur;
	}
	for (int guard = 0; t && guard < 64 && depth < TYPE_DEPTH; guard++) {
		int tag = dwarf_tag(t);
		bool has_next = die_type(t, &next);
		if (tag == DW_TAG_typedef && show > 0) {
			/* ptype resolves typedefs down to the base */
		} else if (tag == DW_TAG_const_type || tag == DW_TAG_volatile_type) {
			const char *q = tag == DW_TAG_const_type ? "const" : "volatile";
			Dwarf_Die under = next;
			if (has_next && dwarf_tag(&under) == DW_TAG_pointer_type) {
				/* a qualified pointer: "char * const p" */
				char pre[16];
				snprintf(pre, sizeof(pre), " %s%s", q, decl[0] ? " " : "");
				wrap(decl, pre, "");
			} else if (strlen(quals) + strlen(q) + 2 < sizeof(quals)) {
				strcat(quals, q);
				strcat(quals, " ");
			}
		} else if (tag == DW_TAG_restrict_type || tag == DW_TAG_atomic_type) {
			/* not shown */
		} else if (tag == DW_TAG_pointer_type) {
			wrap(decl, "*", "");
		} else if (tag == DW_TAG_array_type) {
			uint64_t dims[8];
			size_t nd = array_dims(t, dims, 8);
			if (decl[0] == '*' || decl[0] == ' ')
				wrap(decl, "(", ")");
			for (size_t i = (size_t)skip_dims; i < nd; i++) {
				char d[32];
				snprintf(d, sizeof(d), "[%llu]", (unsigned long long)dims[i]);
				wrap(decl, "", d);
			}
			skip_dims = 0;
		} else if (tag == DW_TAG_subroutine_type || tag == DW_TAG_subprogram) {
			char ps[DECL_LEN];
			if (decl[0] == '*' || decl[0] == ' ')
				wrap(decl, "(", ")");
			params(p, t, ps, sizeof(ps), depth);
			wrap(decl, "", ps);
		} else {
			break;
		}
		t = has_next ? (cur = next, &cur) : NULL;
	}
	print_base(p, t, quals, show, indent, depth);
	if (decl[0] && decl[0] != '[' && decl[0] != ' ')
		sb_puts(p->b, " ");
	else if (decl[0] == '[')
		sb_puts(p->b, " ");
	sb_puts(p->b, decl);
}

static void print_decl(struct tp *p, Dwarf_Die *t, const char *inner, int show, int indent,
		       int depth)
{
	print_decl_from(p, t, inner, show, indent, depth, 0);
}

/* The type of the parsed value v (gdb's show level), with its extra pointer levels. */
static void print_value_type(struct tp *p, const struct ev *v, int show)
{
	if (!v->typed) {
		sb_puts(p->b, v->kind == EV_FLT ? "double"
			      : v->size == 4	? (v->is_signed ? "int" : "unsigned int")
						: (v->is_signed ? "long" : "unsigned long"));
		return;
	}
	if (v->is_void && v->is_code && v->ptr == 1) {
		sb_puts(p->b, "void (*)()"); /* $pc */
		return;
	}
	char stars[16] = "";
	for (int i = 0; i < v->ptr && i < 15; i++)
		stars[i] = '*';
	Dwarf_Die t = v->type;
	print_decl_from(p, v->is_void ? NULL : &t, stars, show, 0, 0, v->adim);
}

/* Parses text as a whole type name ("struct point *", "int", "counter_t"): 1 and *v when it
 * is one, 0 when it is not, -1 with err when it names no known type. */
static int parse_type_name(struct ep *e, struct ev *v)
{
	const char *start = e->p;
	int r = ep_type_name(e, v, false);
	if (r <= 0)
		e->p = start;
	return r;
}

/* A function named name in the pc's CU (gdb's `whatis main` is its type: "int (void)"). */
static bool find_function(struct ep *e, const char *name, Dwarf_Die *out)
{
	return e->have_cu && find_type_in_cu(&e->cu, DW_TAG_subprogram, name, out);
}

/* True when text is one identifier (surrounding blanks allowed), copied into name. */
static bool bare_name(const char *text, char *name, size_t len)
{
	text += strspn(text, " \t");
	size_t n = 0;
	while (is_id(text[n]))
		n++;
	if (!n || n >= len || !is_id0(text[0]) || text[n + strspn(text + n, " \t")])
		return false;
	memcpy(name, text, n);
	name[n] = 0;
	return true;
}

int nat_eval_ptype(struct nat_syms *s, const struct nat_frame_regs *regs,
		   const struct nat_mem_ops *mem, const char *expr, bool whatis, char *out,
		   size_t outlen, struct mx_err *err)
{
	struct ep e;
	struct ev v;
	if (outlen)
		out[0] = 0;
	ep_begin(&e, s, regs, mem, expr, err);
	e.types_only = true;
	struct sb b = {out, outlen, 0};
	struct tp p = {.b = &b, .cu = e.cu, .have_cu = e.have_cu};
	int show = whatis ? -1 : 1;
	int rc = 0;
	ep_skip(&e);
	const char *start = e.p;
	int is_type = *e.p ? parse_type_name(&e, &v) : (ep_syntax(&e), -1);
	char name[256];
	Dwarf_Die fn;
	if (is_type < 0) {
		rc = -1;
	} else if (is_type) {
		/* whatis of a typedef's name shows what it stands for, one level down (gdb) */
		Dwarf_Die target;
		if (whatis && !v.ptr && !v.is_void && dwarf_tag(&v.type) == DW_TAG_typedef) {
			if (die_type(&v.type, &target))
				v.type = target;
			else
				v.is_void = true;
		}
		print_value_type(&p, &v, show);
	} else if (ep_expr(&e, &v)) {
		ep_skip(&e);
		if (*e.p)
			rc = ep_syntax(&e) ? 0 : -1;
		else
			print_value_type(&p, &v, show);
	} else if (bare_name(start, name, sizeof(name)) && find_function(&e, name, &fn)) {
		/* no variable of that name, but a function: its type (gdb: "int (void)") */
		if (err)
			err->msg[0] = 0;
		print_decl(&p, &fn, "", show, 0, 0);
	} else {
		rc = -1;
	}
	ep_end(&e);
	return rc;
}
