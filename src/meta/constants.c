/* constants.c: compile-time constants of fields (enum members, const fields) and a type's
 * custom attributes by name (FlagsAttribute marks an enum whose values combine). */
#include <stdio.h>
#include <string.h>

#include "meta/internal.h"
#include "meta/meta.h"

#define T_CONSTANT	  0x0b
#define T_CUSTOMATTRIBUTE 0x0c

int meta_field_constant(const struct meta_image *img, uint32_t field, uint8_t *elem_type,
			uint64_t *value, bool *found, struct mx_err *err)
{
	uint32_t row;
	*found = false;
	if (meta_check_token(img, field, META_T_FIELD, &row, err) < 0)
		return -1;
	const struct meta_tables *t = &img->t;
	/* Constant: Type (u8 + pad), Parent (HasConstant), Value (blob); sorted by Parent
	 * (ECMA-335 II.22.9) */
	uint32_t key = meta_coded_make(META_CI_HASCONSTANT, META_T_FIELD, row);
	uint32_t r = meta_lower_bound(t, T_CONSTANT, 1, key);
	if (r > t->rows[T_CONSTANT] || meta_col(t, T_CONSTANT, r, 1) != key)
		return 0;
	const uint8_t *p;
	size_t len;
	if (meta_blob(t, meta_col(t, T_CONSTANT, r, 2), &p, &len) < 0)
		return mx_err_set(err, "field 0x%08x: constant outside the blob heap", field);
	*elem_type = (uint8_t)meta_col(t, T_CONSTANT, r, 0);
	uint64_t v = 0;
	memcpy(&v, p, len < 8 ? len : 8); /* little-endian, like the target */
	*value = v;
	*found = true;
	return 0;
}

/* The full name ("System.FlagsAttribute") of the type a custom attribute's constructor
 * belongs to; NULL when it cannot be told. */
static int attribute_type_name(const struct meta_image *img, uint32_t ctor_coded, char *buf,
			       size_t len)
{
	const struct meta_tables *t = &img->t;
	unsigned table;
	uint32_t row;
	if (meta_coded_split(META_CI_CUSTOMATTRIBUTETYPE, ctor_coded, &table, &row) < 0)
		return -1;
	unsigned owner_table;
	uint32_t owner_row;
	if (table == META_T_MEMBERREF) {
		uint32_t parent = meta_col(t, META_T_MEMBERREF, row, 0);
		if (meta_coded_split(META_CI_MEMBERREFPARENT, parent, &owner_table, &owner_row) < 0)
			return -1;
	} else {
		return -1; /* a MethodDef constructor: an attribute this module defines */
	}
	if (owner_table != META_T_TYPEREF)
		return -1;
	const char *name, *ns;
	if (meta_string(t, meta_col(t, META_T_TYPEREF, owner_row, 1), &name) < 0 ||
	    meta_string(t, meta_col(t, META_T_TYPEREF, owner_row, 2), &ns) < 0)
		return -1;
	snprintf(buf, len, "%s%s%s", ns, ns[0] ? "." : "", name);
	return 0;
}

bool meta_type_has_attribute(const struct meta_image *img, uint32_t type, const char *full_name)
{
	uint32_t row;
	if (meta_check_token(img, type, META_T_TYPEDEF, &row, NULL) < 0)
		return false;
	const struct meta_tables *t = &img->t;
	/* CustomAttribute: Parent (HasCustomAttribute), Type, Value; sorted by Parent */
	uint32_t key = meta_coded_make(META_CI_HASCUSTOMATTRIBUTE, META_T_TYPEDEF, row);
	for (uint32_t r = meta_lower_bound(t, T_CUSTOMATTRIBUTE, 0, key);
	     r <= t->rows[T_CUSTOMATTRIBUTE] && meta_col(t, T_CUSTOMATTRIBUTE, r, 0) == key; r++) {
		char name[512];
		if (attribute_type_name(img, meta_col(t, T_CUSTOMATTRIBUTE, r, 1), name,
					sizeof(name)) == 0 &&
		    strcmp(name, full_name) == 0)
			return true;
	}
	return false;
}
