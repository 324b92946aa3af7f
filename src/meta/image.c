/* image.c: opening an assembly, the indexes built once (method -> declaring type, nested ->
 * enclosing type), member lists, and the small lookups (assembly name, fields, debug
 * directory). */
#include "meta/internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/xalloc.h"

/* TypeDef columns used here. */
#define TYPEDEF_FIELDLIST  4
#define TYPEDEF_METHODLIST 5

/* The table a member list of TypeDef points into, and its indirection table. */
static unsigned ptr_table(unsigned table)
{
	switch (table) {
	case META_T_FIELD:
		return 0x03;
	case META_T_METHODDEF:
		return 0x05;
	case META_T_PARAM:
		return 0x07;
	default:
		return META_T_COUNT;
	}
}

uint32_t meta_list_row(const struct meta_image *img, unsigned table, uint32_t pos)
{
	unsigned ptr = ptr_table(table);
	if (ptr < META_T_COUNT && img->t.rows[ptr]) {
		uint32_t row = meta_col(&img->t, ptr, pos, 0);
		return row <= img->t.rows[table] ? row : 0;
	}
	return pos <= img->t.rows[table] ? pos : 0;
}

void meta_type_list(const struct meta_image *img, uint32_t type, unsigned col, uint32_t count,
		    uint32_t *first, uint32_t *end)
{
	uint32_t ntypes = img->t.rows[META_T_TYPEDEF];
	uint32_t a = meta_col(&img->t, META_T_TYPEDEF, type, col);
	uint32_t b = type < ntypes ? meta_col(&img->t, META_T_TYPEDEF, type + 1, col) : count + 1;
	if (a < 1)
		a = 1;
	if (a > count + 1)
		a = count + 1;
	if (b > count + 1)
		b = count + 1;
	if (b < a)
		b = a;
	*first = a;
	*end = b;
}

int meta_check_token(const struct meta_image *img, uint32_t tok, unsigned table, uint32_t *row,
		     struct mx_err *err)
{
	uint32_t r = META_TOKEN_ROW(tok);
	*row = 0;
	if (META_TOKEN_TABLE(tok) != table || r == 0 || r > img->t.rows[table])
		return mx_err_set(err, "token 0x%08x is not a valid table 0x%02x token", tok,
				  table);
	*row = r;
	return 0;
}

/* Built once so that names do not scan tables: the declaring type of every method (ranges
 * made monotonic so that a malformed MethodList costs linear time) and the enclosing type of
 * every nested type. */
static void build_indexes(struct meta_image *img)
{
	uint32_t nmethods = img->t.rows[META_T_METHODDEF], ntypes = img->t.rows[META_T_TYPEDEF];
	uint32_t ptrs = img->t.rows[0x05] ? img->t.rows[0x05] : nmethods;
	img->method_owner = xcalloc((size_t)nmethods + 1, sizeof(uint32_t));
	img->enclosing = xcalloc((size_t)ntypes + 1, sizeof(uint32_t));
	uint32_t done = 1;
	for (uint32_t t = 1; t <= ntypes; t++) {
		uint32_t first, end;
		meta_type_list(img, t, TYPEDEF_METHODLIST, ptrs, &first, &end);
		if (first < done)
			first = done;
		for (uint32_t pos = first; pos < end; pos++) {
			uint32_t m = meta_list_row(img, META_T_METHODDEF, pos);
			if (m && !img->method_owner[m])
				img->method_owner[m] = t;
		}
		if (end > done)
			done = end;
	}
	for (uint32_t r = 1; r <= img->t.rows[META_T_NESTEDCLASS]; r++) {
		uint32_t nested = meta_col(&img->t, META_T_NESTEDCLASS, r, 0);
		uint32_t outer = meta_col(&img->t, META_T_NESTEDCLASS, r, 1);
		if (nested && nested <= ntypes && outer <= ntypes && outer != nested)
			img->enclosing[nested] = outer;
	}
}

static int open_owned(uint8_t *file, size_t len, struct meta_image **out, struct mx_err *err)
{
	struct meta_image *img = xcalloc(1, sizeof(*img));
	img->file = file;
	img->len = len;
	if (meta_pe_parse(&img->pe, file, len, err) < 0 ||
	    meta_tables_parse(&img->t, img->pe.metadata.p, img->pe.metadata.len, err) < 0) {
		meta_image_close(img);
		return -1;
	}
	if (img->t.pdb.p) {
		meta_image_close(img);
		return mx_err_set(err, "an assembly's metadata holds a #Pdb stream");
	}
	build_indexes(img);
	*out = img;
	return 0;
}

int meta_image_open_mem(const uint8_t *data, size_t len, struct meta_image **out,
			struct mx_err *err)
{
	uint8_t *copy = xmalloc(len);
	if (len)
		memcpy(copy, data, len);
	return open_owned(copy, len, out, err);
}

int meta_read_file(const char *path, uint8_t **data, size_t *len, struct mx_err *err)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f)
		return mx_err_errno(err, errno, "%s", path);
	if (fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return mx_err_set(err, "%s: not a regular file", path);
	}
	size_t n = (size_t)st.st_size;
	uint8_t *buf = xmalloc(n);
	if (n && fread(buf, 1, n, f) != n) {
		fclose(f);
		free(buf);
		return mx_err_set(err, "%s: short read", path);
	}
	fclose(f);
	*data = buf;
	*len = n;
	return 0;
}

/* Prefixes err's message with the file's name. */
static int with_path(struct mx_err *err, const char *path)
{
	if (err) {
		char msg[sizeof(err->msg)];
		snprintf(msg, sizeof(msg), "%s", err->msg);
		mx_err_set(err, "%s: %s", path, msg);
	}
	return -1;
}

int meta_image_open(const char *path, struct meta_image **out, struct mx_err *err)
{
	uint8_t *data;
	size_t len;
	if (meta_read_file(path, &data, &len, err) < 0)
		return -1;
	if (open_owned(data, len, out, err) < 0)
		return with_path(err, path);
	return 0;
}

void meta_image_close(struct meta_image *img)
{
	if (!img)
		return;
	free(img->method_owner);
	free(img->enclosing);
	free(img->file);
	free(img);
}

uint32_t meta_row_count(const struct meta_image *img, unsigned table)
{
	return table < META_T_COUNT ? img->t.rows[table] : 0;
}

uint32_t meta_entry_point(const struct meta_image *img)
{
	return img->pe.entry_point;
}

uint32_t meta_method_count(const struct meta_image *img)
{
	return img->t.rows[META_T_METHODDEF];
}

uint32_t meta_type_count(const struct meta_image *img)
{
	return img->t.rows[META_T_TYPEDEF];
}

int meta_assembly_name(const struct meta_image *img, const char **name, struct mx_err *err)
{
	if (img->t.rows[META_T_ASSEMBLY] < 1)
		return mx_err_set(err, "the module has no Assembly row");
	if (meta_string(&img->t, meta_col(&img->t, META_T_ASSEMBLY, 1, 7), name) < 0)
		return mx_err_set(err, "Assembly row: name outside the string heap");
	return 0;
}

/* Collects the rows of a TypeDef's member list as tokens. */
static int type_members(const struct meta_image *img, uint32_t type, unsigned col, unsigned table,
			uint32_t **toks, size_t *n, struct mx_err *err)
{
	uint32_t row, first, end;
	*toks = NULL;
	*n = 0;
	if (meta_check_token(img, type, META_T_TYPEDEF, &row, err) < 0)
		return -1;
	unsigned ptr = ptr_table(table);
	uint32_t count = img->t.rows[ptr] ? img->t.rows[ptr] : img->t.rows[table];
	meta_type_list(img, row, col, count, &first, &end);
	if (end == first)
		return 0;
	*toks = xmalloc((size_t)(end - first) * sizeof(uint32_t));
	for (uint32_t pos = first; pos < end; pos++) {
		uint32_t r = meta_list_row(img, table, pos);
		if (!r) {
			free(*toks);
			*toks = NULL;
			return mx_err_set(err, "type 0x%08x: member list entry %u is invalid", type,
					  pos);
		}
		(*toks)[(*n)++] = META_TOKEN(table, r);
	}
	return 0;
}

int meta_type_fields(const struct meta_image *img, uint32_t type, uint32_t **fields, size_t *n,
		     struct mx_err *err)
{
	return type_members(img, type, TYPEDEF_FIELDLIST, META_T_FIELD, fields, n, err);
}

int meta_type_methods(const struct meta_image *img, uint32_t type, uint32_t **methods, size_t *n,
		      struct mx_err *err)
{
	return type_members(img, type, TYPEDEF_METHODLIST, META_T_METHODDEF, methods, n, err);
}

int meta_field_name(const struct meta_image *img, uint32_t field, const char **name,
		    struct mx_err *err)
{
	uint32_t row;
	if (meta_check_token(img, field, META_T_FIELD, &row, err) < 0)
		return -1;
	if (meta_string(&img->t, meta_col(&img->t, META_T_FIELD, row, 1), name) < 0)
		return mx_err_set(err, "field 0x%08x: name outside the string heap", field);
	return 0;
}

int meta_field_flags(const struct meta_image *img, uint32_t field, uint16_t *flags,
		     struct mx_err *err)
{
	uint32_t row;
	if (meta_check_token(img, field, META_T_FIELD, &row, err) < 0)
		return -1;
	*flags = (uint16_t)meta_col(&img->t, META_T_FIELD, row, 0);
	return 0;
}

int meta_method_name(const struct meta_image *img, uint32_t method, const char **name,
		     struct mx_err *err)
{
	uint32_t row;
	if (meta_check_token(img, method, META_T_METHODDEF, &row, err) < 0)
		return -1;
	if (meta_string(&img->t, meta_col(&img->t, META_T_METHODDEF, row, 3), name) < 0)
		return mx_err_set(err, "method 0x%08x: name outside the string heap", method);
	return 0;
}

int meta_method_type(const struct meta_image *img, uint32_t method, uint32_t *type_token,
		     struct mx_err *err)
{
	uint32_t row;
	if (meta_check_token(img, method, META_T_METHODDEF, &row, err) < 0)
		return -1;
	if (!img->method_owner[row])
		return mx_err_set(err, "method 0x%08x belongs to no type", method);
	*type_token = META_TOKEN(META_T_TYPEDEF, img->method_owner[row]);
	return 0;
}

int meta_type_enclosing(const struct meta_image *img, uint32_t type, uint32_t *enclosing,
			struct mx_err *err)
{
	uint32_t row;
	if (meta_check_token(img, type, META_T_TYPEDEF, &row, err) < 0)
		return -1;
	uint32_t outer = img->enclosing[row];
	*enclosing = outer ? META_TOKEN(META_T_TYPEDEF, outer) : 0;
	return 0;
}

bool meta_image_codeview(const struct meta_image *img, struct meta_codeview *cv)
{
	if (img->pe.has_codeview && cv)
		*cv = img->pe.cv;
	return img->pe.has_codeview;
}

bool meta_image_has_embedded_pdb(const struct meta_image *img)
{
	return img->pe.has_embedded_pdb;
}

int meta_image_embedded_pdb(const struct meta_image *img, uint8_t **data, size_t *len,
			    struct mx_err *err)
{
	if (!img->pe.has_embedded_pdb)
		return mx_err_set(err, "the assembly has no embedded PDB");
	if (img->pe.embedded_pdb_size == 0)
		return mx_err_set(err, "embedded PDB: uncompressed size is 0");
	if (meta_inflate(img->pe.embedded_pdb.p, img->pe.embedded_pdb.len,
			 img->pe.embedded_pdb_size, data, "embedded PDB", err) < 0)
		return -1;
	*len = img->pe.embedded_pdb_size;
	return 0;
}

void meta_guid_format(const uint8_t g[16], char out[37])
{
	snprintf(out, 37, "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x", meta_le32(g),
		 meta_le16(g + 4), meta_le16(g + 6), g[8], g[9], g[10], g[11], g[12], g[13], g[14],
		 g[15]);
}
