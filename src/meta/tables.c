/* tables.c: the metadata root, its streams and heaps, and the physical layout of the tables of
 * the #~ stream (ECMA-335 II.24.2, II.22; the portable PDB tables 0x30..0x37). */
#include "meta/internal.h"

#include <string.h>

/* ---- the schema ---- */

/* Column kinds. A simple index names its table in the low bits, a coded index its kind. */
enum {
	COL_END = 0,
	COL_U16,
	COL_U32,
	COL_STR,
	COL_GUID,
	COL_BLOB,
	COL_INDEX = 0x40, /* | table */
	COL_CODED = 0x80, /* | enum meta_coded */
};
#define IX(t) (COL_INDEX | (t))
#define CI(k) (COL_CODED | (k))

static const uint8_t schema[META_T_COUNT][META_MAX_COLS] = {
    [0x00] = {COL_U16, COL_STR, COL_GUID, COL_GUID, COL_GUID}, /* Module */
    [0x01] = {CI(META_CI_RESOLUTIONSCOPE), COL_STR, COL_STR},  /* TypeRef */
    [0x02] = {COL_U32, COL_STR, COL_STR, CI(META_CI_TYPEDEFORREF), IX(0x04), IX(0x06)},
    [0x03] = {IX(0x04)},					       /* FieldPtr */
    [0x04] = {COL_U16, COL_STR, COL_BLOB},			       /* Field */
    [0x05] = {IX(0x06)},					       /* MethodPtr */
    [0x06] = {COL_U32, COL_U16, COL_U16, COL_STR, COL_BLOB, IX(0x08)}, /* MethodDef */
    [0x07] = {IX(0x08)},					       /* ParamPtr */
    [0x08] = {COL_U16, COL_U16, COL_STR},			       /* Param */
    [0x09] = {IX(0x02), CI(META_CI_TYPEDEFORREF)},		       /* InterfaceImpl */
    [0x0a] = {CI(META_CI_MEMBERREFPARENT), COL_STR, COL_BLOB},	       /* MemberRef */
    [0x0b] = {COL_U16, CI(META_CI_HASCONSTANT), COL_BLOB},	       /* Constant */
    [0x0c] = {CI(META_CI_HASCUSTOMATTRIBUTE), CI(META_CI_CUSTOMATTRIBUTETYPE), COL_BLOB},
    [0x0d] = {CI(META_CI_HASFIELDMARSHAL), COL_BLOB},	       /* FieldMarshal */
    [0x0e] = {COL_U16, CI(META_CI_HASDECLSECURITY), COL_BLOB}, /* DeclSecurity */
    [0x0f] = {COL_U16, COL_U32, IX(0x02)},		       /* ClassLayout */
    [0x10] = {COL_U32, IX(0x04)},			       /* FieldLayout */
    [0x11] = {COL_BLOB},				       /* StandAloneSig */
    [0x12] = {IX(0x02), IX(0x14)},			       /* EventMap */
    [0x13] = {IX(0x14)},				       /* EventPtr */
    [0x14] = {COL_U16, COL_STR, CI(META_CI_TYPEDEFORREF)},     /* Event */
    [0x15] = {IX(0x02), IX(0x17)},			       /* PropertyMap */
    [0x16] = {IX(0x17)},				       /* PropertyPtr */
    [0x17] = {COL_U16, COL_STR, COL_BLOB},		       /* Property */
    [0x18] = {COL_U16, IX(0x06), CI(META_CI_HASSEMANTICS)},    /* MethodSemantics */
    [0x19] = {IX(0x02), CI(META_CI_METHODDEFORREF), CI(META_CI_METHODDEFORREF)},
    [0x1a] = {COL_STR},							/* ModuleRef */
    [0x1b] = {COL_BLOB},						/* TypeSpec */
    [0x1c] = {COL_U16, CI(META_CI_MEMBERFORWARDED), COL_STR, IX(0x1a)}, /* ImplMap */
    [0x1d] = {COL_U32, IX(0x04)},					/* FieldRVA */
    [0x1e] = {COL_U32, COL_U32},					/* ENCLog */
    [0x1f] = {COL_U32},							/* ENCMap */
    [0x20] = {COL_U32, COL_U16, COL_U16, COL_U16, COL_U16, COL_U32, COL_BLOB, COL_STR, COL_STR},
    [0x21] = {COL_U32},			  /* AssemblyProcessor */
    [0x22] = {COL_U32, COL_U32, COL_U32}, /* AssemblyOS */
    [0x23] = {COL_U16, COL_U16, COL_U16, COL_U16, COL_U32, COL_BLOB, COL_STR, COL_STR, COL_BLOB},
    [0x24] = {COL_U32, IX(0x23)},		    /* AssemblyRefProcessor */
    [0x25] = {COL_U32, COL_U32, COL_U32, IX(0x23)}, /* AssemblyRefOS */
    [0x26] = {COL_U32, COL_STR, COL_BLOB},	    /* File */
    [0x27] = {COL_U32, COL_U32, COL_STR, COL_STR, CI(META_CI_IMPLEMENTATION)}, /* ExportedType */
    [0x28] = {COL_U32, COL_U32, COL_STR, CI(META_CI_IMPLEMENTATION)},  /* ManifestResource */
    [0x29] = {IX(0x02), IX(0x02)},				       /* NestedClass */
    [0x2a] = {COL_U16, COL_U16, CI(META_CI_TYPEORMETHODDEF), COL_STR}, /* GenericParam */
    [0x2b] = {CI(META_CI_METHODDEFORREF), COL_BLOB},		       /* MethodSpec */
    [0x2c] = {IX(0x2a), CI(META_CI_TYPEDEFORREF)},		       /* GenericParamConstraint */
    [0x30] = {COL_BLOB, COL_GUID, COL_BLOB, COL_GUID},		       /* Document */
    [0x31] = {IX(0x30), COL_BLOB},				       /* MethodDebugInformation */
    [0x32] = {IX(0x06), IX(0x35), IX(0x33), IX(0x34), COL_U32, COL_U32}, /* LocalScope */
    [0x33] = {COL_U16, COL_U16, COL_STR},				 /* LocalVariable */
    [0x34] = {COL_STR, COL_BLOB},					 /* LocalConstant */
    [0x35] = {IX(0x35), COL_BLOB},					 /* ImportScope */
    [0x36] = {IX(0x06), IX(0x06)},					 /* StateMachineMethod */
    [0x37] = {CI(META_CI_HASCUSTOMDEBUGINFO), COL_GUID, COL_BLOB},	 /* CustomDebugInfo */
};

/* Tables a coded index can name, by tag (NONE: a tag no table has). */
#define NONE 0xff
struct coded_def {
	uint8_t bits;
	uint8_t ntables;
	uint8_t tables[27];
};

static const struct coded_def coded_defs[META_CI_COUNT] = {
    [META_CI_TYPEDEFORREF] = {2, 3, {0x02, 0x01, 0x1b}},
    [META_CI_HASCONSTANT] = {2, 3, {0x04, 0x08, 0x17}},
    [META_CI_HASCUSTOMATTRIBUTE] = {5, 22, {0x06, 0x04, 0x01, 0x02, 0x08, 0x09, 0x0a, 0x00,
					    0x0e, 0x17, 0x14, 0x11, 0x1a, 0x1b, 0x20, 0x23,
					    0x26, 0x27, 0x28, 0x2a, 0x2c, 0x2b}},
    [META_CI_HASFIELDMARSHAL] = {1, 2, {0x04, 0x08}},
    [META_CI_HASDECLSECURITY] = {2, 3, {0x02, 0x06, 0x20}},
    [META_CI_MEMBERREFPARENT] = {3, 5, {0x02, 0x01, 0x1a, 0x06, 0x1b}},
    [META_CI_HASSEMANTICS] = {1, 2, {0x14, 0x17}},
    [META_CI_METHODDEFORREF] = {1, 2, {0x06, 0x0a}},
    [META_CI_MEMBERFORWARDED] = {1, 2, {0x04, 0x06}},
    [META_CI_IMPLEMENTATION] = {2, 3, {0x26, 0x23, 0x27}},
    [META_CI_CUSTOMATTRIBUTETYPE] = {3, 5, {NONE, NONE, 0x06, 0x0a, NONE}},
    [META_CI_RESOLUTIONSCOPE] = {2, 4, {0x00, 0x1a, 0x23, 0x01}},
    [META_CI_TYPEORMETHODDEF] = {1, 2, {0x02, 0x06}},
    [META_CI_HASCUSTOMDEBUGINFO] = {5, 27, {0x06, 0x04, 0x01, 0x02, 0x08, 0x09, 0x0a, 0x00, 0x0e,
					    0x17, 0x14, 0x11, 0x1a, 0x1b, 0x20, 0x23, 0x26, 0x27,
					    0x28, 0x2a, 0x2c, 0x2b, 0x30, 0x32, 0x33, 0x34, 0x35}},
};

int meta_coded_split(enum meta_coded kind, uint32_t value, unsigned *table, uint32_t *row)
{
	if ((unsigned)kind >= META_CI_COUNT)
		return -1;
	const struct coded_def *d = &coded_defs[kind];
	uint32_t tag = value & ((1u << d->bits) - 1);
	if (tag >= d->ntables || d->tables[tag] == NONE)
		return -1;
	*table = d->tables[tag];
	*row = value >> d->bits;
	return 0;
}

uint32_t meta_coded_make(enum meta_coded kind, unsigned table, uint32_t row)
{
	if ((unsigned)kind >= META_CI_COUNT)
		return 0;
	const struct coded_def *d = &coded_defs[kind];
	for (uint32_t tag = 0; tag < d->ntables; tag++)
		if (d->tables[tag] == table)
			return row << d->bits | tag;
	return 0;
}

/* ---- streams and heaps ---- */

struct streams {
	struct meta_span tables, strings, us, blob, guid, pdb;
	bool uncompressed; /* "#-" rather than "#~" */
	bool all_large;	   /* a "#JTD" stream: every index is 4 bytes (edit and continue) */
};

static void take_stream(struct meta_span *dst, const uint8_t *p, size_t len)
{
	if (!dst->p) { /* the first of duplicated names wins */
		dst->p = p;
		dst->len = len;
	}
}

static int parse_root(const uint8_t *md, size_t len, struct streams *s, struct mx_err *err)
{
	struct meta_cur c = meta_cur_make(md, len);
	uint32_t sig, reserved, vlen;
	uint16_t major, minor, flags, nstreams;
	if (meta_cur_u32(&c, &sig) < 0 || sig != 0x424a5342)
		return mx_err_set(err, "no metadata root (signature BSJB missing)");
	if (meta_cur_u16(&c, &major) < 0 || meta_cur_u16(&c, &minor) < 0 ||
	    meta_cur_u32(&c, &reserved) < 0 || meta_cur_u32(&c, &vlen) < 0 ||
	    meta_cur_skip(&c, vlen) < 0 || meta_cur_u16(&c, &flags) < 0 ||
	    meta_cur_u16(&c, &nstreams) < 0)
		return mx_err_set(err, "metadata root truncated");
	memset(s, 0, sizeof(*s));
	for (uint16_t i = 0; i < nstreams; i++) {
		uint32_t off, size;
		if (meta_cur_u32(&c, &off) < 0 || meta_cur_u32(&c, &size) < 0)
			return mx_err_set(err, "metadata stream header %u truncated", i);
		const char *name = (const char *)c.p + c.pos;
		size_t max = meta_cur_left(&c) < 32 ? meta_cur_left(&c) : 32;
		const char *nul = memchr(name, 0, max);
		if (!nul)
			return mx_err_set(err, "metadata stream header %u: name not terminated", i);
		size_t nlen = (size_t)(nul - name);
		if (meta_cur_skip(&c, (nlen + 4) & ~(size_t)3) < 0)
			return mx_err_set(err, "metadata stream header %u truncated", i);
		if (!meta_in_bounds(len, off, size))
			return mx_err_set(err,
					  "metadata stream %.*s (offset %u, %u bytes) lies "
					  "outside the metadata (%zu bytes)",
					  (int)nlen, name, off, size, len);
		const uint8_t *p = md + off;
		if (!strcmp(name, "#~")) {
			take_stream(&s->tables, p, size);
		} else if (!strcmp(name, "#-")) {
			take_stream(&s->tables, p, size);
			s->uncompressed = true;
		} else if (!strcmp(name, "#Strings")) {
			take_stream(&s->strings, p, size);
		} else if (!strcmp(name, "#US")) {
			take_stream(&s->us, p, size);
		} else if (!strcmp(name, "#Blob")) {
			take_stream(&s->blob, p, size);
		} else if (!strcmp(name, "#GUID")) {
			take_stream(&s->guid, p, size);
		} else if (!strcmp(name, "#Pdb")) {
			take_stream(&s->pdb, p, size);
		} else if (!strcmp(name, "#JTD")) {
			s->all_large = true;
		}
	}
	if (!s->tables.p)
		return mx_err_set(err, "metadata has no table stream (#~ or #-)");
	return 0;
}

int meta_string(const struct meta_tables *t, uint32_t index, const char **s)
{
	if (index == 0) {
		*s = "";
		return 0;
	}
	if (index >= t->strings.len)
		return -1;
	const char *p = (const char *)t->strings.p + index;
	if (!memchr(p, 0, t->strings.len - index))
		return -1;
	*s = p;
	return 0;
}

int meta_blob(const struct meta_tables *t, uint32_t index, const uint8_t **p, size_t *len)
{
	if (index == 0) {
		*p = (const uint8_t *)"";
		*len = 0;
		return 0;
	}
	if (index >= t->blob.len)
		return -1;
	struct meta_cur c = meta_cur_make(t->blob.p, t->blob.len);
	uint32_t n;
	c.pos = index;
	if (meta_cur_cuint(&c, &n) < 0 || n > meta_cur_left(&c))
		return -1;
	*p = c.p + c.pos;
	*len = n;
	return 0;
}

int meta_guid(const struct meta_tables *t, uint32_t index, const uint8_t **guid)
{
	if (index == 0) {
		*guid = NULL;
		return 0;
	}
	if (!meta_in_bounds(t->guid.len, ((uint64_t)index - 1) * 16, 16))
		return -1;
	*guid = t->guid.p + ((size_t)index - 1) * 16;
	return 0;
}

/* ---- the #Pdb stream and the #~ stream ---- */

/* A PDB's references to type-system tables are sized by the row counts in #Pdb. */
static int parse_pdb_stream(struct meta_tables *t, struct mx_err *err)
{
	struct meta_cur c = meta_cur_make(t->pdb.p, t->pdb.len);
	uint64_t referenced;
	if (meta_cur_skip(&c, 24) < 0 || meta_cur_u64(&c, &referenced) < 0)
		return mx_err_set(err, "#Pdb stream truncated (%zu bytes)", t->pdb.len);
	for (unsigned i = 0; i < 64; i++) {
		uint32_t rows;
		if (!(referenced >> i & 1))
			continue;
		if (meta_cur_u32(&c, &rows) < 0)
			return mx_err_set(err, "#Pdb stream: row counts truncated");
		if (i >= META_T_DOCUMENT)
			return mx_err_set(err,
					  "#Pdb stream refers to table 0x%02x, not a type "
					  "system table",
					  i);
		t->ref_rows[i] = rows;
	}
	return 0;
}

static unsigned index_size(const struct meta_tables *t, uint8_t kind, bool all_large)
{
	if (all_large)
		return 4;
	if (kind & COL_CODED) {
		const struct coded_def *d = &coded_defs[kind & ~COL_CODED];
		uint32_t max = 0;
		for (unsigned i = 0; i < d->ntables; i++)
			if (d->tables[i] != NONE && t->ref_rows[d->tables[i]] > max)
				max = t->ref_rows[d->tables[i]];
		return max < (1u << (16 - d->bits)) ? 2 : 4;
	}
	return t->ref_rows[kind & ~COL_INDEX] < 0x10000 ? 2 : 4;
}

static int parse_table_stream(struct meta_tables *t, const struct streams *s, struct mx_err *err)
{
	struct meta_cur c = meta_cur_make(s->tables.p, s->tables.len);
	uint32_t reserved;
	uint8_t major, minor, heap_sizes, reserved2;
	uint64_t valid, sorted;
	if (meta_cur_u32(&c, &reserved) < 0 || meta_cur_u8(&c, &major) < 0 ||
	    meta_cur_u8(&c, &minor) < 0 || meta_cur_u8(&c, &heap_sizes) < 0 ||
	    meta_cur_u8(&c, &reserved2) < 0 || meta_cur_u64(&c, &valid) < 0 ||
	    meta_cur_u64(&c, &sorted) < 0)
		return mx_err_set(err, "table stream header truncated");
	for (unsigned i = 0; i < 64; i++) {
		if (!(valid >> i & 1))
			continue;
		if (i >= META_T_COUNT || (!schema[i][0]))
			return mx_err_set(err, "table stream holds unknown table 0x%02x", i);
		if (meta_cur_u32(&c, &t->rows[i]) < 0)
			return mx_err_set(err, "table stream: row counts truncated");
		t->ref_rows[i] = t->rows[i];
	}
	/* Bit 0x40 of HeapSizes: 4 extra bytes follow the row counts (as the runtime reads). */
	if ((heap_sizes & 0x40) && meta_cur_skip(&c, 4) < 0)
		return mx_err_set(err, "table stream header truncated");
	unsigned str_size = (heap_sizes & 0x01) || s->all_large ? 4 : 2;
	unsigned guid_size = (heap_sizes & 0x02) || s->all_large ? 4 : 2;
	unsigned blob_size = (heap_sizes & 0x04) || s->all_large ? 4 : 2;

	for (unsigned i = 0; i < META_T_COUNT; i++) {
		unsigned off = 0, n = 0;
		for (; n < META_MAX_COLS && schema[i][n] != COL_END; n++) {
			uint8_t kind = schema[i][n];
			unsigned size;
			if (kind == COL_U16)
				size = 2;
			else if (kind == COL_U32)
				size = 4;
			else if (kind == COL_STR)
				size = str_size;
			else if (kind == COL_GUID)
				size = guid_size;
			else if (kind == COL_BLOB)
				size = blob_size;
			else
				size = index_size(t, kind, s->all_large);
			t->col_off[i][n] = (uint8_t)off;
			t->col_size[i][n] = (uint8_t)size;
			off += size;
		}
		t->ncols[i] = (uint8_t)n;
		t->row_size[i] = off;
	}
	for (unsigned i = 0; i < META_T_COUNT; i++) {
		uint64_t bytes = (uint64_t)t->rows[i] * t->row_size[i];
		if (bytes > meta_cur_left(&c))
			return mx_err_set(err,
					  "table 0x%02x (%u rows of %u bytes) runs past the end "
					  "of the table stream",
					  i, t->rows[i], t->row_size[i]);
		t->data[i] = c.p + c.pos;
		c.pos += (size_t)bytes;
	}
	return 0;
}

int meta_tables_parse(struct meta_tables *t, const uint8_t *md, size_t len, struct mx_err *err)
{
	struct streams s;
	memset(t, 0, sizeof(*t));
	if (parse_root(md, len, &s, err) < 0)
		return -1;
	t->strings.p = s.strings.p;
	t->strings.len = s.strings.len;
	t->us = s.us;
	t->blob = s.blob;
	t->guid = s.guid;
	t->pdb = s.pdb;
	if (t->pdb.p && parse_pdb_stream(t, err) < 0)
		return -1;
	return parse_table_stream(t, &s, err);
}

uint32_t meta_col(const struct meta_tables *t, unsigned table, uint32_t row, unsigned col)
{
	if (table >= META_T_COUNT || row == 0 || row > t->rows[table] || col >= t->ncols[table])
		return 0;
	const uint8_t *p =
	    t->data[table] + (size_t)(row - 1) * t->row_size[table] + t->col_off[table][col];
	return t->col_size[table][col] == 2 ? meta_le16(p) : meta_le32(p);
}

uint32_t meta_lower_bound(const struct meta_tables *t, unsigned table, unsigned col, uint32_t key)
{
	uint32_t lo = 1, hi = table < META_T_COUNT ? t->rows[table] + 1 : 1;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (meta_col(t, table, mid, col) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
