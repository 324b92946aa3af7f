/* scopes.c: local variables in scope at an IL offset (LocalScope and LocalVariable tables). */
#include "meta/internal.h"

#include <stdlib.h>

#include "util/xalloc.h"

/* LocalScope columns. */
#define SCOPE_METHOD	0
#define SCOPE_VARIABLES 2
#define SCOPE_START	4
#define SCOPE_LENGTH	5

/* LocalVariable columns. */
#define VAR_ATTRIBUTES 0
#define VAR_INDEX      1
#define VAR_NAME       2

#define VAR_DEBUGGER_HIDDEN 0x0001

/* LocalScope is sorted by method, then start (ascending), then length (descending): a
 * method's scopes are consecutive rows, outer scopes before the scopes they hold. A scope's
 * variables run from its VariableList to the next row's. */
int meta_pdb_locals(const struct meta_pdb *pdb, uint32_t method, uint32_t il_offset,
		    struct meta_local **locals, size_t *n, struct mx_err *err)
{
	const struct meta_tables *t = &pdb->t;
	uint32_t row = META_TOKEN_ROW(method);
	uint32_t nscopes = t->rows[META_T_LOCALSCOPE], nvars = t->rows[META_T_LOCALVARIABLE];
	size_t cap = 0;
	*locals = NULL;
	*n = 0;
	if (META_TOKEN_TABLE(method) != META_T_METHODDEF || row == 0)
		return mx_err_set(err, "token 0x%08x is not a MethodDef", method);
	uint32_t done = 1; /* variables before this belong to earlier scopes */
	for (uint32_t s = meta_lower_bound(t, META_T_LOCALSCOPE, SCOPE_METHOD, row);
	     s <= nscopes && meta_col(t, META_T_LOCALSCOPE, s, SCOPE_METHOD) == row; s++) {
		uint32_t start = meta_col(t, META_T_LOCALSCOPE, s, SCOPE_START);
		uint32_t length = meta_col(t, META_T_LOCALSCOPE, s, SCOPE_LENGTH);
		uint32_t first = meta_col(t, META_T_LOCALSCOPE, s, SCOPE_VARIABLES);
		uint32_t end = s < nscopes ? meta_col(t, META_T_LOCALSCOPE, s + 1, SCOPE_VARIABLES)
					   : nvars + 1;
		if (first < done)
			first = done;
		if (end > nvars + 1)
			end = nvars + 1;
		if (end < first)
			end = first;
		done = end;
		if (il_offset < start || il_offset - start >= length)
			continue;
		for (uint32_t v = first; v < end; v++) {
			const char *name;
			if (meta_string(t, meta_col(t, META_T_LOCALVARIABLE, v, VAR_NAME), &name) <
			    0) {
				free(*locals);
				*locals = NULL;
				*n = 0;
				return mx_err_set(err, "local variable %u: name outside the heap",
						  v);
			}
			xgrow((void **)locals, &cap, *n + 1, sizeof(**locals));
			struct meta_local *l = &(*locals)[(*n)++];
			l->index = (uint16_t)meta_col(t, META_T_LOCALVARIABLE, v, VAR_INDEX);
			l->name = name;
			l->hidden = meta_col(t, META_T_LOCALVARIABLE, v, VAR_ATTRIBUTES) &
				    VAR_DEBUGGER_HIDDEN;
			l->scope_start = start;
			l->scope_end =
			    (uint64_t)start + length > UINT32_MAX ? UINT32_MAX : start + length;
		}
	}
	return 0;
}
