/* internal.h: what the files of src/meta share: bounds-checked byte cursors, the metadata
 * table layout (ECMA-335 II.24), heaps, and the image and PDB structures. */
#ifndef MX_META_INTERNAL_H
#define MX_META_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "meta/meta.h"

/* ---- cursor.c: reading bytes without passing the end ---- */

struct meta_cur {
	const uint8_t *p;
	size_t len;
	size_t pos;
};

static inline struct meta_cur meta_cur_make(const uint8_t *p, size_t len)
{
	struct meta_cur c = {p, len, 0};
	return c;
}

static inline size_t meta_cur_left(const struct meta_cur *c)
{
	return c->len - c->pos;
}

/* Each returns 0, or -1 (leaving *v untouched) if the bytes are not there. */
int meta_cur_u8(struct meta_cur *c, uint8_t *v);
int meta_cur_u16(struct meta_cur *c, uint16_t *v);
int meta_cur_u32(struct meta_cur *c, uint32_t *v);
int meta_cur_u64(struct meta_cur *c, uint64_t *v);
int meta_cur_skip(struct meta_cur *c, size_t n);
/* ECMA-335 II.23.2 compressed unsigned (1, 2 or 4 bytes, at most 0x1fffffff) and signed. */
int meta_cur_cuint(struct meta_cur *c, uint32_t *v);
int meta_cur_cint(struct meta_cur *c, int32_t *v);

/* Little-endian loads from a place the caller has checked. */
static inline uint16_t meta_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}
static inline uint32_t meta_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* True if [off, off + n) lies inside a buffer of len bytes (no overflow). */
static inline bool meta_in_bounds(size_t len, uint64_t off, uint64_t n)
{
	return off <= len && n <= len - off;
}

/* ---- sbuf.c: strings built under a shared byte budget ---- */

/* Builders that render one answer share a budget, so that a hostile signature cannot make
 * the output (and the work) grow without bound. */
struct meta_sbuf {
	char *s;
	size_t len, cap;
	size_t *budget; /* bytes still allowed across every builder of the answer */
};

#define META_TEXT_BUDGET (64u * 1024u) /* bytes of one rendered name or signature */

void meta_sb_init(struct meta_sbuf *b, size_t *budget);
void meta_sb_free(struct meta_sbuf *b);
/* Each returns 0, or -1 when the budget is spent. */
int meta_sb_addn(struct meta_sbuf *b, const char *s, size_t n);
int meta_sb_add(struct meta_sbuf *b, const char *s);
int meta_sb_addf(struct meta_sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int meta_sb_insert(struct meta_sbuf *b, size_t pos, const char *s);
/* The string (never NULL; the builder is left empty). */
char *meta_sb_take(struct meta_sbuf *b);

/* ---- tables.c: streams, heaps and tables of one metadata root ---- */

enum meta_coded {
	META_CI_TYPEDEFORREF,
	META_CI_HASCONSTANT,
	META_CI_HASCUSTOMATTRIBUTE,
	META_CI_HASFIELDMARSHAL,
	META_CI_HASDECLSECURITY,
	META_CI_MEMBERREFPARENT,
	META_CI_HASSEMANTICS,
	META_CI_METHODDEFORREF,
	META_CI_MEMBERFORWARDED,
	META_CI_IMPLEMENTATION,
	META_CI_CUSTOMATTRIBUTETYPE,
	META_CI_RESOLUTIONSCOPE,
	META_CI_TYPEORMETHODDEF,
	META_CI_HASCUSTOMDEBUGINFO,
	META_CI_COUNT
};

#define META_MAX_COLS 9

struct meta_span {
	const uint8_t *p;
	size_t len;
};

struct meta_tables {
	struct meta_span strings, us, blob, guid; /* heaps (empty if absent) */
	struct meta_span pdb;			  /* the #Pdb stream (empty in an assembly) */
	uint32_t rows[META_T_COUNT];		  /* rows held by this #~ stream */
	uint32_t ref_rows[META_T_COUNT];	  /* row counts that size references to a table */
	const uint8_t *data[META_T_COUNT];	  /* first row of each table */
	uint32_t row_size[META_T_COUNT];
	uint8_t col_off[META_T_COUNT][META_MAX_COLS];
	uint8_t col_size[META_T_COUNT][META_MAX_COLS];
	uint8_t ncols[META_T_COUNT];
};

/* Parses the metadata root at md (len bytes): streams, heaps and the #~ (or #-) table layout.
 * In a PDB, the #Pdb stream's row counts of type-system tables size the references. */
int meta_tables_parse(struct meta_tables *t, const uint8_t *md, size_t len, struct mx_err *err);

/* Column col (0-based) of row (1-based) of table; 0 if the row or column does not exist (0 is
 * also "nil" for every index, so callers check row ranges where the difference matters). */
uint32_t meta_col(const struct meta_tables *t, unsigned table, uint32_t row, unsigned col);
/* Splits a coded index into table and row; -1 for a tag naming no table. */
int meta_coded_split(enum meta_coded kind, uint32_t value, unsigned *table, uint32_t *row);
/* The coded index value of (table, row) for kind; 0 if table is not one of kind's. */
uint32_t meta_coded_make(enum meta_coded kind, unsigned table, uint32_t row);
/* First row (1-based) of table whose column col is >= key, assuming the column is sorted as
 * the standard requires (rows + 1 if none). */
uint32_t meta_lower_bound(const struct meta_tables *t, unsigned table, unsigned col, uint32_t key);

/* Heaps: -1 for an index outside the heap or a string without its NUL. Index 0 of the string
 * heap is "", of the blob heap an empty blob, of the GUID heap NULL. */
int meta_string(const struct meta_tables *t, uint32_t index, const char **s);
int meta_blob(const struct meta_tables *t, uint32_t index, const uint8_t **p, size_t *len);
int meta_guid(const struct meta_tables *t, uint32_t index, const uint8_t **guid);

/* ---- pe.c: the PE/COFF container ---- */

struct meta_pe {
	const uint8_t *file;
	size_t len;
	const uint8_t *sections; /* the section table */
	uint16_t nsections;
	uint32_t cli_flags;
	uint32_t entry_point;
	struct meta_span metadata;
	bool has_codeview;
	struct meta_codeview cv;
	bool has_embedded_pdb;
	struct meta_span embedded_pdb; /* the deflate data after "MPDB" and the size */
	uint32_t embedded_pdb_size;    /* its declared uncompressed size */
};

int meta_pe_parse(struct meta_pe *pe, const uint8_t *file, size_t len, struct mx_err *err);
/* The bytes at [rva, rva + size) of the file, or NULL if no section holds them all. */
const uint8_t *meta_pe_rva(const struct meta_pe *pe, uint32_t rva, uint32_t size);
/* How many bytes of the file follow rva inside its section (0 if rva maps to none). */
size_t meta_pe_rva_avail(const struct meta_pe *pe, uint32_t rva);

/* ---- image.c ---- */

struct meta_image {
	uint8_t *file;
	size_t len;
	struct meta_pe pe;
	struct meta_tables t;
	uint32_t *method_owner; /* MethodDef row -> TypeDef row (0 if none), rows + 1 entries */
	uint32_t *enclosing;	/* TypeDef row -> enclosing TypeDef row (0 if top-level) */
};

/* Reads a whole regular file into an allocated buffer. */
int meta_read_file(const char *path, uint8_t **data, size_t *len, struct mx_err *err);
/* 0 (and *row set) if tok is a valid token of table in img; else fills err. */
int meta_check_token(const struct meta_image *img, uint32_t tok, unsigned table, uint32_t *row,
		     struct mx_err *err);
/* The row in `table` at position pos of a member list (through FieldPtr/MethodPtr/ParamPtr
 * when the image has them); 0 if out of range. */
uint32_t meta_list_row(const struct meta_image *img, unsigned table, uint32_t pos);
/* The member list [*first, *end) (positions, for meta_list_row) of TypeDef row `type` in
 * column col (FieldList or MethodList) of a table with `count` positions. */
void meta_type_list(const struct meta_image *img, uint32_t type, unsigned col, uint32_t count,
		    uint32_t *first, uint32_t *end);

/* ---- names.c ---- */

/* Appends the TypeDef's display name (namespace, enclosing types and generic parameters
 * when with_generics). */
int meta_render_typedef(const struct meta_image *img, uint32_t row, bool with_generics,
			struct meta_sbuf *b, struct mx_err *err);
/* The name of generic parameter `number` of a TypeDef or MethodDef (owner is a
 * TypeOrMethodDef coded index); NULL if the table has none. */
const char *meta_generic_param_name(const struct meta_image *img, uint32_t owner_coded,
				    uint32_t number);

/* ---- sig.c: signature blobs as C#-like text ---- */

/* The context that names generic parameters: VAR n is the nth of type_row's, MVAR n of
 * method_row's (0 when unknown). */
struct meta_sig_ctx {
	const struct meta_image *img;
	uint32_t type_row;
	uint32_t method_row;
	size_t budget;	/* bytes of output left (struct meta_sbuf) */
	unsigned steps; /* work done (sig.c bounds it) */
	int depth;
};

static inline void meta_sig_ctx_init(struct meta_sig_ctx *ctx, const struct meta_image *img,
				     uint32_t type_row, uint32_t method_row)
{
	ctx->img = img;
	ctx->type_row = type_row;
	ctx->method_row = method_row;
	ctx->budget = META_TEXT_BUDGET;
	ctx->steps = 0;
	ctx->depth = 0;
}

/* Renders one type from c (a Type of II.23.2.12, custom modifiers first allowed). */
int meta_sig_type(struct meta_sig_ctx *ctx, struct meta_cur *c, struct meta_sbuf *b);
/* Renders a TypeDefOrRefOrSpecEncoded reference, generic arguments args[0..nargs) (rendered
 * already) placed on the levels their `N suffixes declare. */
int meta_sig_named_type(struct meta_sig_ctx *ctx, uint32_t coded, char **args, uint32_t nargs,
			struct meta_sbuf *b);

/* ---- inflate.c ---- */

/* Inflates raw deflate data to exactly out_len bytes (plus a NUL after them) into an
 * allocated buffer. Refuses sizes out of proportion with the compressed data. */
int meta_inflate(const uint8_t *src, size_t src_len, size_t out_len, uint8_t **out,
		 const char *what, struct mx_err *err);

/* ---- pdb ---- */

struct meta_pdb {
	uint8_t *file;
	size_t len;
	struct meta_tables t;
	uint8_t id[20];
	uint32_t entry_point;
	struct meta_document *docs; /* docs[0] is row 1 */
	char **doc_names;	    /* owned by the PDB */
	uint32_t ndocs;
	struct meta_seqpt *pts; /* every method's points, method after method */
	size_t npts;
	uint32_t *method_pts; /* MethodDebugInformation row m has pts[method_pts[m-1] ..
				 method_pts[m]); rows + 1 entries */
	uint32_t nmethods;    /* MethodDebugInformation rows */
};

/* Decodes the sequence points of every method into pdb->pts. */
int meta_pdb_decode_seqpts(struct meta_pdb *pdb, struct mx_err *err);
/* The MethodDebugInformation row of a MethodDef token, 0 if the PDB does not cover it. */
uint32_t meta_pdb_method_row(const struct meta_pdb *pdb, uint32_t method);
/* Opens a PDB over an allocated buffer the PDB then owns (freed on failure too). */
int meta_pdb_open_owned(uint8_t *data, size_t len, struct meta_pdb **out, struct mx_err *err);

/* True if document name `doc` matches the user's `file` (full path, or tail after a '/'). */
bool meta_path_matches(const char *doc, const char *file);

#endif
