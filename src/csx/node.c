/* node.c: building and freeing the C# expression tree (see csx.h), and the nesting and
 * height limits that keep hostile input from exhausting the stack of the parser or of
 * whoever walks the tree.
 */
#include <stdlib.h>

#include "csx/csx_internal.h"
#include "util/xalloc.h"

struct csx_node *csx_node_new(enum csx_kind kind, size_t pos)
{
	struct csx_node *n = xcalloc(1, sizeof(*n));
	n->kind = kind;
	n->pos = pos;
	n->height = 1;
	return n;
}

void csx_node_add(struct csx_node *n, struct csx_node *kid)
{
	if ((n->nkids & (n->nkids - 1)) == 0) /* 0 or a power of two: full, double it */
		n->kids = xrealloc(n->kids, (n->nkids ? 2 * n->nkids : 1) * sizeof(*n->kids));
	n->kids[n->nkids++] = kid;
	if (kid->height + 1 > n->height)
		n->height = kid->height + 1;
}

bool csx_node_done(struct csx_parser *p, struct csx_node *n)
{
	if (n->height <= CSX_MAX_TREE_DEPTH)
		return true;
	csx_error_at(p, n->pos, 8078, "An expression is too long or complex to compile");
	csx_free(n);
	return false;
}

struct csx_node *csx_unary_node(struct csx_parser *p, int op, size_t pos, struct csx_node *operand)
{
	struct csx_node *n = csx_node_new(CSX_UNARY, pos);
	n->op = op;
	csx_node_add(n, operand);
	return csx_node_done(p, n) ? n : NULL;
}

struct csx_node *csx_binary_node(struct csx_parser *p, enum csx_kind kind, int op, size_t pos,
				 struct csx_node *a, struct csx_node *b)
{
	struct csx_node *n = csx_node_new(kind, pos);
	n->op = op;
	csx_node_add(n, a);
	csx_node_add(n, b);
	return csx_node_done(p, n) ? n : NULL;
}

bool csx_enter(struct csx_parser *p, size_t pos)
{
	if (p->failed)
		return false;
	if (p->nesting >= CSX_MAX_NESTING) {
		csx_error_at(p, pos, 8078, "An expression is too long or complex to compile");
		return false;
	}
	p->nesting++;
	return true;
}

void csx_free(struct csx_node *n)
{
	if (!n)
		return;
	for (size_t k = 0; k < n->nkids; k++)
		csx_free(n->kids[k]);
	free(n->kids);
	free(n->text);
	csx_type_free(n->type);
	csx_type_args_free(n->type_args, n->ntype_args);
	free(n);
}
