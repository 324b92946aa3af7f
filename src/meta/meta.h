/* meta.h: a reader of .NET assemblies (ECMA-335 metadata in a PE file) and of portable PDBs.
 *
 * Pure and bounds-checked: opening validates the PE/COFF headers, the CLI header, the metadata
 * root, its streams and the table layout; every query checks the indexes it follows, so that
 * malformed input gives an error, never a crash, an endless loop or an allocation out of
 * proportion to the input.
 *
 * Tokens are ECMA-335 metadata tokens: the table number in the top byte, the 1-based row below
 * (a MethodDef is 0x06xxxxxx, a TypeDef 0x02xxxxxx, a Field 0x04xxxxxx).
 *
 * Ownership: a `const char *` result points into the image or PDB and lives until it is closed;
 * a `char **` or array result is allocated and the caller frees it.
 *
 * Functions that can fail return a negative value and fill err (when non-NULL) with a message
 * naming what failed and why. A few lookups return 1 for a second kind of success, as
 * documented at each.
 */
#ifndef MX_META_META_H
#define MX_META_META_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/* ---- tokens ---- */

enum meta_table {
	META_T_MODULE = 0x00,
	META_T_TYPEREF = 0x01,
	META_T_TYPEDEF = 0x02,
	META_T_FIELD = 0x04,
	META_T_METHODDEF = 0x06,
	META_T_PARAM = 0x08,
	META_T_MEMBERREF = 0x0a,
	META_T_STANDALONESIG = 0x11,
	META_T_PROPERTY = 0x17,
	META_T_MODULEREF = 0x1a,
	META_T_TYPESPEC = 0x1b,
	META_T_IMPLMAP = 0x1c,
	META_T_ASSEMBLY = 0x20,
	META_T_ASSEMBLYREF = 0x23,
	META_T_NESTEDCLASS = 0x29,
	META_T_GENERICPARAM = 0x2a,
	META_T_METHODSPEC = 0x2b,
	/* Portable PDB tables. */
	META_T_DOCUMENT = 0x30,
	META_T_METHODDEBUGINFO = 0x31,
	META_T_LOCALSCOPE = 0x32,
	META_T_LOCALVARIABLE = 0x33,
	META_T_LOCALCONSTANT = 0x34,
	META_T_IMPORTSCOPE = 0x35,
	META_T_STATEMACHINEMETHOD = 0x36,
	META_T_CUSTOMDEBUGINFO = 0x37,
	META_T_COUNT = 0x38 /* table numbers are below this */
};

#define META_TOKEN(table, row) (((uint32_t)(table) << 24) | ((uint32_t)(row)&0xffffffu))
#define META_TOKEN_TABLE(tok)  ((uint32_t)(tok) >> 24)
#define META_TOKEN_ROW(tok)    ((uint32_t)(tok)&0xffffffu)

/* ---- assemblies ---- */

struct meta_image;

/* Reads the PE/.NET assembly at path whole into memory and validates it. */
int meta_image_open(const char *path, struct meta_image **out, struct mx_err *err);
/* The same over len bytes at data (copied: data may be freed after the call). */
int meta_image_open_mem(const uint8_t *data, size_t len, struct meta_image **out,
			struct mx_err *err);
void meta_image_close(struct meta_image *img);

/* Rows of metadata table `table` (0 for an absent or unknown table). */
uint32_t meta_row_count(const struct meta_image *img, unsigned table);
/* The CLI header's entry point token (a MethodDef, or 0 for a library). */
uint32_t meta_entry_point(const struct meta_image *img);
/* The Assembly table's name ("Meta"); fails for a module without an Assembly row. */
int meta_assembly_name(const struct meta_image *img, const char **name, struct mx_err *err);

/* ModuleRef row (1..meta_row_count(img, META_T_MODULEREF)) -> its name ("libc"). */
int meta_moduleref_name(const struct meta_image *img, uint32_t row, const char **name,
			struct mx_err *err);

/* ---- methods ---- */

/* MethodDef tokens are META_TOKEN(META_T_METHODDEF, 1..meta_method_count(img)). */
uint32_t meta_method_count(const struct meta_image *img);
/* The simple name: "Map", ".ctor", "<Main>b__0_0". */
int meta_method_name(const struct meta_image *img, uint32_t method, const char **name,
		     struct mx_err *err);
/* Namespace, enclosing types, type and method joined by '.', generic parameters by name:
 * "Fixtures.Meta.Box<T>.Map<U>", "Fixtures.Meta.Outer.Inner.Twice". Allocated. */
int meta_method_full_name(const struct meta_image *img, uint32_t method, char **name,
			  struct mx_err *err);
/* The parameter list from the signature blob, C#-like: "(int, string,
 * System.Collections.Generic.List<int>, T, int[], ref int)". Allocated. */
int meta_method_params(const struct meta_image *img, uint32_t method, char **params,
		       struct mx_err *err);
/* The name of parameter seq (1-based, as in the signature; `this` is not counted) from the
 * Param table. Fails if the parameter has no Param row (compilers always write one). */
int meta_method_param_name(const struct meta_image *img, uint32_t method, uint32_t seq,
			   const char **name, struct mx_err *err);
/* Whether parameter index (0-based) is exactly a generic parameter: 1 with *method_level
 * false for the class's VAR *number, true for the method's MVAR *number; 0 if it is another
 * type (int, List<T>, ref T); -1 on a bad signature. */
int meta_method_param_generic(const struct meta_image *img, uint32_t method, uint32_t index,
			      bool *method_level, uint32_t *number, struct mx_err *err);
/* The return type, C#-like ("void", "U", "System.Threading.Tasks.Task<int>"). Allocated. */
int meta_method_return_type(const struct meta_image *img, uint32_t method, char **type,
			    struct mx_err *err);
/* The declaring TypeDef's token. */
int meta_method_type(const struct meta_image *img, uint32_t method, uint32_t *type_token,
		     struct mx_err *err);
/* Number of the method's own generic parameters (Map<U>: 1). */
int meta_method_generic_arity(const struct meta_image *img, uint32_t method, uint32_t *arity,
			      struct mx_err *err);

/* MethodDef flags (ECMA-335 II.23.1.10) and implementation flags (II.23.1.11). */
#define META_METHOD_STATIC	      0x0010
#define META_METHOD_ABSTRACT	      0x0400
#define META_METHOD_PINVOKE	      0x2000
#define META_METHOD_IMPL_INTERNALCALL 0x1000

struct meta_method_attrs {
	uint32_t rva;	     /* of the method body, 0 for abstract, extern and runtime methods */
	uint16_t flags;	     /* META_METHOD_STATIC, ... */
	uint16_t impl_flags; /* META_METHOD_IMPL_... */
	uint32_t param_count;
	bool has_this;
};
int meta_method_attrs(const struct meta_image *img, uint32_t method,
		      struct meta_method_attrs *attrs, struct mx_err *err);

/* The IL body of a method: its header decoded (tiny or fat format). */
struct meta_method_body {
	uint32_t code_rva;  /* RVA of the first IL byte */
	uint32_t code_size; /* bytes of IL */
	uint16_t max_stack;
	uint32_t local_sig;  /* StandAloneSig token of the locals signature, 0 if none */
	const uint8_t *code; /* the IL bytes, inside the image */
};
/* Fails for a method without a body (rva 0). */
int meta_method_body(const struct meta_image *img, uint32_t method, struct meta_method_body *body,
		     struct mx_err *err);
/* Types of the method's IL locals by slot, C#-like, from its locals signature. *types is an
 * allocated array of *n allocated strings (free with meta_free_strings); n is 0 without locals. */
int meta_method_local_types(const struct meta_image *img, uint32_t method, char ***types, size_t *n,
			    struct mx_err *err);
void meta_free_strings(char **strings, size_t n);

/* Every MethodDef matching query, in token order. query names a method as `Method`,
 * `Type.Method`, `Namespace.Type.Method` or any dotted tail of its full name (nested types
 * with '.' or '+'); generic parameter lists (`Box<T>.Map<U>`) and arity suffixes (`Box`1`) are
 * ignored. All overloads are returned. *tokens is allocated (NULL when *n is 0). */
int meta_find_methods(const struct meta_image *img, const char *query, uint32_t **tokens, size_t *n,
		      struct mx_err *err);

/* If method is a P/Invoke (an ImplMap row forwards it): returns 1 and sets *module to the
 * ModuleRef name ("libc") and *entry to the imported name ("getpid"; the method's own name
 * when the declaration gives none). Returns 0 if it is not a P/Invoke, -1 for a bad token or
 * malformed ImplMap. module and entry may be NULL. */
int meta_pinvoke(const struct meta_image *img, uint32_t method, const char **module,
		 const char **entry);

/* The method tokens called (call, callvirt, newobj) by the IL instructions that start in
 * [from, to) of a method body's code; at most max. Walks from the body's start (IL has no
 * other way to find instruction boundaries); stops at bytes that are not valid IL. */
size_t meta_il_calls(const uint8_t *code, uint32_t size, uint32_t from, uint32_t to,
		     uint32_t *tokens, size_t max);

/* ---- types and fields ---- */

/* TypeDef tokens are META_TOKEN(META_T_TYPEDEF, 1..meta_type_count(img)); row 1 is <Module>. */
uint32_t meta_type_count(const struct meta_image *img);
/* "Fixtures.Meta.Outer.Inner", "Fixtures.Meta.Box<T>". Allocated. */
int meta_type_name(const struct meta_image *img, uint32_t type, char **name, struct mx_err *err);
/* The enclosing TypeDef of a nested type, 0 for a top-level one. */
int meta_type_enclosing(const struct meta_image *img, uint32_t type, uint32_t *enclosing,
			struct mx_err *err);
/* The type's own generic parameter count (from its `N name suffix). */
int meta_type_generic_arity(const struct meta_image *img, uint32_t type, uint32_t *arity,
			    struct mx_err *err);
/* TypeDef flags (ECMA-335 II.23.1.15): META_TYPE_INTERFACE is the class semantics bit. */
#define META_TYPE_INTERFACE 0x20
int meta_type_flags(const struct meta_image *img, uint32_t type, uint32_t *flags,
		    struct mx_err *err);
/* Whether a TypeDef is a value type: it extends System.ValueType (not being System.Enum) or
 * System.Enum. */
bool meta_type_is_value_type(const struct meta_image *img, uint32_t type);
/* The Field / MethodDef tokens a type declares, in order. Allocated (NULL when *n is 0). */
int meta_type_fields(const struct meta_image *img, uint32_t type, uint32_t **fields, size_t *n,
		     struct mx_err *err);
int meta_type_methods(const struct meta_image *img, uint32_t type, uint32_t **methods, size_t *n,
		      struct mx_err *err);

/* Field flags (ECMA-335 II.23.1.5). */
#define META_FIELD_STATIC    0x0010
#define META_FIELD_INIT_ONLY 0x0020
#define META_FIELD_LITERAL   0x0040
#define META_FIELD_HAS_RVA   0x0100

int meta_field_name(const struct meta_image *img, uint32_t field, const char **name,
		    struct mx_err *err);
int meta_field_flags(const struct meta_image *img, uint32_t field, uint16_t *flags,
		     struct mx_err *err);
/* The field's type, C#-like ("double[,]"). Allocated. */
int meta_field_type(const struct meta_image *img, uint32_t field, char **type, struct mx_err *err);

/* A field's compile-time constant (enum members, const fields): *found false if it has none;
 * elem_type is the ELEMENT_TYPE of the value (ECMA-335 II.22.9), value its bytes (up to 8,
 * zero-extended). */
int meta_field_constant(const struct meta_image *img, uint32_t field, uint8_t *elem_type,
			uint64_t *value, bool *found, struct mx_err *err);
/* Whether a TypeDef carries a custom attribute of the named type ("System.FlagsAttribute"),
 * one defined in another assembly (referenced through a TypeRef). */
bool meta_type_has_attribute(const struct meta_image *img, uint32_t type, const char *full_name);

/* ---- debug directory ---- */

/* The CodeView (RSDS) debug directory entry: where the PDB was written and its identity. */
struct meta_codeview {
	uint8_t guid[16];   /* as stored (the first 16 bytes of the PDB id) */
	uint32_t age;	    /* 1 for a portable PDB */
	uint32_t stamp;	    /* the entry's TimeDateStamp (the PDB id's last 4 bytes) */
	bool portable;	    /* the entry's minor version says "portable PDB" (0x504d) */
	const char *path;   /* UTF-8 path of the PDB as the compiler wrote it */
	uint8_t pdb_id[20]; /* guid then stamp (little-endian): the #Pdb stream's id */
};
/* Fills cv and returns true if the image has a CodeView entry (the portable one if several). */
bool meta_image_codeview(const struct meta_image *img, struct meta_codeview *cv);
/* True if the debug directory has an Embedded Portable PDB entry (type 17). */
bool meta_image_has_embedded_pdb(const struct meta_image *img);
/* Decompresses the embedded portable PDB into an allocated buffer. */
int meta_image_embedded_pdb(const struct meta_image *img, uint8_t **data, size_t *len,
			    struct mx_err *err);

/* "3f5162f8-07c6-11d3-9053-00c04fa302a1": a GUID as stored in metadata, in the usual text. */
void meta_guid_format(const uint8_t guid[16], char out[37]);

/* ---- portable PDBs ---- */

struct meta_pdb;

/* Opens a standalone portable PDB file (decoding every method's sequence points). */
int meta_pdb_open(const char *path, struct meta_pdb **out, struct mx_err *err);
/* The same over len bytes at data (copied). */
int meta_pdb_open_mem(const uint8_t *data, size_t len, struct meta_pdb **out, struct mx_err *err);
/* The PDB of img, loaded from assembly_path: the embedded one if the image has one, else the
 * first file that exists of: the CodeView path's file name beside the assembly, the CodeView
 * path itself, the assembly's path with .pdb for its extension. Refuses (with an error naming
 * both ids) a PDB whose #Pdb id differs from the CodeView entry's, rather than look further. */
int meta_pdb_open_for(const struct meta_image *img, const char *assembly_path,
		      struct meta_pdb **out, struct mx_err *err);
void meta_pdb_close(struct meta_pdb *pdb);

/* The #Pdb stream's 20-byte id and entry point token. */
void meta_pdb_id(const struct meta_pdb *pdb, uint8_t id[20]);
uint32_t meta_pdb_entry_point(const struct meta_pdb *pdb);

/* One Document row. */
struct meta_document {
	const char *name;	    /* decoded path, e.g. "/src/Program.cs" */
	const char *hash_algorithm; /* "SHA1", "SHA256", or NULL if unknown or none */
	const uint8_t *hash;	    /* hash bytes (hash_len of them) */
	size_t hash_len;
	uint8_t language[16];	   /* the language GUID as stored (zero if nil) */
	const char *language_name; /* "C#", "Visual Basic", "F#" or NULL */
};
/* Documents are numbered 1..count (their row ids, as in struct meta_seqpt's doc). */
uint32_t meta_pdb_document_count(const struct meta_pdb *pdb);
/* NULL for a number out of range. */
const struct meta_document *meta_pdb_document(const struct meta_pdb *pdb, uint32_t doc);
/* The first document matching file (see meta_pdb_find_line), 0 if none. */
uint32_t meta_pdb_find_document(const struct meta_pdb *pdb, const char *file);

/* The document's source text embedded in the PDB (EmbeddedSource custom debug information),
 * decompressed, with a NUL after its len bytes. Returns 1 and sets *text (allocated) if the
 * document has one, 0 if it has none, -1 on error. */
int meta_pdb_embedded_source(const struct meta_pdb *pdb, uint32_t doc, char **text, size_t *len,
			     struct mx_err *err);

/* A sequence point: the IL offset where the code of a source range starts. */
struct meta_seqpt {
	uint32_t il_offset;
	uint32_t start_line, end_line; /* 0xfeefee for a hidden point */
	uint16_t start_col, end_col;   /* 1-based, end exclusive; 0 for a hidden point */
	uint32_t doc;		       /* document row id */
	bool hidden;		       /* code without a source line (compiler-generated) */
};
#define META_HIDDEN_LINE 0xfeefeeu

/* The sequence points of a MethodDef, by increasing IL offset (*n is 0 if it has none). The
 * array belongs to the PDB. Returns -1 for a token that is not a MethodDef the PDB covers. */
int meta_pdb_seqpts(const struct meta_pdb *pdb, uint32_t method, const struct meta_seqpt **pts,
		    size_t *n);

/* One breakpoint location for a source line. */
struct meta_line_hit {
	uint32_t method;    /* MethodDef token */
	uint32_t il_offset; /* where the sequence point starts */
	uint32_t doc;	    /* document row id */
	uint32_t line;	    /* the line bound (the requested or the next one with code) */
	uint16_t col;	    /* start column */
};
#define META_ENOFILE (-2) /* meta_pdb_find_line: no document matches the file */

/* Breakpoint locations for file:line. file matches a document by full path or by a path tail
 * starting after a '/' ("Program.cs", "dir/Program.cs"); '\\' and '/' compare equal. Returns
 * every (method, IL offset) whose non-hidden sequence point starts on that line (several
 * methods for lambdas and local functions on the line). If none does, binds to the nearest
 * following line with a sequence point in a method whose line range contains the requested
 * line (as debuggers do for a blank line) and sets *resolved_line (may be NULL) to it.
 * Stores up to max hits and returns how many there are (possibly more than max), 0 if the
 * line has no code, META_ENOFILE if no document matches, -1 for bad arguments. */
int meta_pdb_find_line(const struct meta_pdb *pdb, const char *file, uint32_t line,
		       struct meta_line_hit *hits, size_t max, uint32_t *resolved_line);

#define META_HIDDEN 1 /* returned when the IL offset is in a hidden sequence point */

/* The source position of il_offset in method: the last sequence point at or before it.
 * Returns 0 with *doc_name, *line, *col set; META_HIDDEN if that point is hidden (the
 * outputs then describe the last non-hidden point before it, or are NULL/0); -1 if the method
 * has no sequence point at or before il_offset. Outputs may be NULL. */
int meta_pdb_line_for_il(const struct meta_pdb *pdb, uint32_t method, uint32_t il_offset,
			 const char **doc_name, uint32_t *line, uint32_t *col);

#define META_IL_END 0xffffffffu /* a range's end when it runs to the end of the method */

/* The IL range [*start, *end) of the sequence point holding il_offset, the range to step over
 * for "next": *end is the next sequence point's offset, META_IL_END for the last one (clamp it
 * with meta_method_body's code_size). Returns 0, META_HIDDEN if the point is hidden, -1 if
 * no sequence point holds il_offset. */
int meta_pdb_line_range(const struct meta_pdb *pdb, uint32_t method, uint32_t il_offset,
			uint32_t *start, uint32_t *end);

/* A local variable in scope. */
struct meta_local {
	uint16_t index;			 /* slot in the method's locals signature */
	const char *name;		 /* belongs to the PDB */
	bool hidden;			 /* DebuggerHidden: compiler-generated, not for display */
	uint32_t scope_start, scope_end; /* IL range [start, end) of the declaring scope */
};
/* The local variables of method in scope at il_offset, outer scopes first. *locals is
 * allocated (NULL when *n is 0). */
int meta_pdb_locals(const struct meta_pdb *pdb, uint32_t method, uint32_t il_offset,
		    struct meta_local **locals, size_t *n, struct mx_err *err);

/* For the MoveNext method of an async or iterator state machine, the method the user wrote
 * (the kickoff method): returns 1 and sets *kickoff; 0 if method is not a MoveNext. */
int meta_pdb_kickoff_method(const struct meta_pdb *pdb, uint32_t method, uint32_t *kickoff);

#endif
