/* dump.c: the C# expression tree as an s-expression, for tests and debugging:
 * `a + 1` is (+ (name a) (int 1)); `x?.y` is (?. (name x) y); `(int)x` is (cast int (name x)).
 * Output is truncated to the buffer (always NUL-terminated).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "csx/csx_internal.h"

static const char *op_text(int op)
{
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
	case CSX_OP_PREINC:
		return "++";
	case CSX_OP_PREDEC:
		return "--";
	case CSX_OP_POSTINC:
		return "post++";
	case CSX_OP_POSTDEC:
		return "post--";
	default:
		break;
	}
	static const char single[] = "+-*/%<>&^|!~";
	static char one[sizeof(single)][2];
	for (size_t k = 0; single[k]; k++)
		if (op == single[k]) {
			one[k][0] = single[k];
			return one[k];
		}
	return "?op";
}

static void put_string(struct csx_out *o, const char *s)
{
	csx_put(o, "\"");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			csx_put(o, "\\%c", c);
		else if (c == '\n')
			csx_put(o, "\\n");
		else if (c == '\r')
			csx_put(o, "\\r");
		else if (c == '\t')
			csx_put(o, "\\t");
		else if (c < 0x20 || c == 0x7F)
			csx_put(o, "\\x%02x", c);
		else
			csx_put(o, "%c", c);
	}
	csx_put(o, "\"");
}

static void put_type_args(struct csx_out *o, struct csx_type *const *args, size_t n)
{
	if (!n)
		return;
	csx_put(o, " <");
	for (size_t k = 0; k < n; k++) {
		if (k)
			csx_put(o, ", ");
		csx_put_type(o, args[k]);
	}
	csx_put(o, ">");
}

static void put_real(struct csx_out *o, double v)
{
	char buf[40];
	snprintf(buf, sizeof(buf), "%.15g", v);
	if (strtod(buf, NULL) != v) /* the shortest text that reads back the same */
		snprintf(buf, sizeof(buf), "%.17g", v);
	csx_put(o, "%s", buf);
}

static void dump(struct csx_out *o, const struct csx_node *n);

static void put_kids(struct csx_out *o, const struct csx_node *n, size_t from)
{
	for (size_t k = from; k < n->nkids; k++) {
		csx_put(o, " ");
		dump(o, n->kids[k]);
	}
}

static void dump(struct csx_out *o, const struct csx_node *n)
{
	switch (n->kind) {
	case CSX_INT:
		csx_put(o, "(int %llu%s%s)", (unsigned long long)n->u64,
			n->flags & (CSX_LIT_U | CSX_LIT_L) ? " " : "",
			(n->flags & (CSX_LIT_U | CSX_LIT_L)) == (CSX_LIT_U | CSX_LIT_L) ? "ul"
			: n->flags & CSX_LIT_U						? "u"
			: n->flags & CSX_LIT_L						? "l"
											: "");
		return;
	case CSX_REAL:
		csx_put(o, "(real ");
		put_real(o, n->f64);
		csx_put(o, "%s)",
			n->flags & CSX_LIT_F   ? " f"
			: n->flags & CSX_LIT_D ? " d"
			: n->flags & CSX_LIT_M ? " m"
					       : "");
		return;
	case CSX_CHAR:
		if (n->u64 >= 0x20 && n->u64 < 0x7F && n->u64 != '\'' && n->u64 != '\\')
			csx_put(o, "(char '%c')", (char)n->u64);
		else
			csx_put(o, "(char U+%04llX)", (unsigned long long)n->u64);
		return;
	case CSX_STRING:
		csx_put(o, "(string ");
		put_string(o, n->text ? n->text : "");
		csx_put(o, ")");
		return;
	case CSX_BOOL:
		csx_put(o, "(bool %s)", n->u64 ? "true" : "false");
		return;
	case CSX_NULL:
		csx_put(o, "(null)");
		return;
	case CSX_THIS:
		csx_put(o, "(this)");
		return;
	case CSX_BASE:
		csx_put(o, "(base)");
		return;
	case CSX_NAME:
		csx_put(o, "(%s %s", n->flags & CSX_NAME_KEYWORD ? "keyword" : "name", n->text);
		put_type_args(o, n->type_args, n->ntype_args);
		csx_put(o, ")");
		return;
	case CSX_MEMBER:
		csx_put(o, "(%s ", n->conditional ? "?." : ".");
		if (n->nkids)
			dump(o, n->kids[0]);
		csx_put(o, " %s", n->text);
		put_type_args(o, n->type_args, n->ntype_args);
		csx_put(o, ")");
		return;
	case CSX_INDEX:
		csx_put(o, "(%s", n->conditional ? "?[]" : "[]");
		break;
	case CSX_CALL:
		csx_put(o, "(call");
		break;
	case CSX_UNARY:
	case CSX_BINARY:
		csx_put(o, "(%s", op_text(n->op));
		break;
	case CSX_COND:
		csx_put(o, "(?:");
		break;
	case CSX_CAST:
		csx_put(o, "(cast ");
		csx_put_type(o, n->type);
		break;
	case CSX_IS:
		csx_put(o, "(%s", n->flags & CSX_IS_NOT ? "is-not" : "is");
		put_kids(o, n, 0);
		if (n->flags & CSX_IS_NULL) {
			csx_put(o, " null)");
		} else {
			csx_put(o, " ");
			csx_put_type(o, n->type);
			csx_put(o, ")");
		}
		return;
	case CSX_AS:
		csx_put(o, "(as");
		put_kids(o, n, 0);
		csx_put(o, " ");
		csx_put_type(o, n->type);
		csx_put(o, ")");
		return;
	case CSX_TYPEOF:
	case CSX_DEFAULT:
	case CSX_SIZEOF:
		csx_put(o, "(%s",
			n->kind == CSX_TYPEOF	 ? "typeof"
			: n->kind == CSX_DEFAULT ? "default"
						 : "sizeof");
		if (n->type) {
			csx_put(o, " ");
			csx_put_type(o, n->type);
		}
		break;
	case CSX_NEW:
		csx_put(o, "(%s ", n->flags & CSX_NEW_ARRAY ? "new-array" : "new");
		csx_put_type(o, n->type);
		break;
	case CSX_ASSIGN:
		csx_put(o, "(%s=", n->op ? op_text(n->op) : "");
		break;
	case CSX_FROM_END:
		csx_put(o, "(^");
		break;
	case CSX_RANGE:
		csx_put(o, "(..");
		if (!(n->flags & CSX_RANGE_START))
			csx_put(o, " _");
		put_kids(o, n, 0);
		if (!(n->flags & CSX_RANGE_END))
			csx_put(o, " _");
		csx_put(o, ")");
		return;
	default:
		csx_put(o, "(?kind%d", (int)n->kind);
		break;
	}
	put_kids(o, n, 0);
	csx_put(o, ")");
}

void csx_dump(const struct csx_node *n, char *buf, size_t len)
{
	struct csx_out o = {buf, len, 0};
	if (len)
		buf[0] = 0;
	if (n)
		dump(&o, n);
}
