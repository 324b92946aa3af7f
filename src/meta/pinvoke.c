/* pinvoke.c: native imports: module references and P/Invoke declarations (the ImplMap row
 * that forwards a method to a library's entry point). */
#include "meta/internal.h"

int meta_moduleref_name(const struct meta_image *img, uint32_t row, const char **name,
			struct mx_err *err)
{
	if (row < 1 || row > img->t.rows[META_T_MODULEREF])
		return mx_err_set(err, "ModuleRef row %u does not exist", row);
	if (meta_string(&img->t, meta_col(&img->t, META_T_MODULEREF, row, 0), name) < 0)
		return mx_err_set(err, "ModuleRef row %u: name outside the string heap", row);
	return 0;
}

/* ImplMap columns: flags, MemberForwarded, ImportName, ImportScope. ImplMap is sorted by
 * MemberForwarded. */
int meta_pinvoke(const struct meta_image *img, uint32_t method, const char **module,
		 const char **entry)
{
	const struct meta_tables *t = &img->t;
	uint32_t row;
	if (meta_check_token(img, method, META_T_METHODDEF, &row, NULL) < 0)
		return -1;
	uint32_t key = meta_coded_make(META_CI_MEMBERFORWARDED, META_T_METHODDEF, row);
	uint32_t r = meta_lower_bound(t, META_T_IMPLMAP, 1, key);
	if (r > t->rows[META_T_IMPLMAP] || meta_col(t, META_T_IMPLMAP, r, 1) != key)
		return 0;
	const char *mod, *name;
	uint32_t scope = meta_col(t, META_T_IMPLMAP, r, 3);
	if (scope < 1 || scope > t->rows[META_T_MODULEREF] ||
	    meta_string(t, meta_col(t, META_T_MODULEREF, scope, 0), &mod) < 0 ||
	    meta_string(t, meta_col(t, META_T_IMPLMAP, r, 2), &name) < 0)
		return -1;
	if (!name[0] && meta_string(t, meta_col(t, META_T_METHODDEF, row, 3), &name) < 0)
		return -1;
	if (module)
		*module = mod;
	if (entry)
		*entry = name;
	return 1;
}
