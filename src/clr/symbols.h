/* symbols.h: a module's names and source lines, from its metadata and portable PDB (meta/). */
#ifndef MX_CLR_SYMBOLS_H
#define MX_CLR_SYMBOLS_H

#include <stddef.h>
#include <stdint.h>

#include "clr/clr.h"

struct clr_sym_hit {
	mdMethodDef token;
	uint32_t il;
};

/* Reads cm->path's metadata and its PDB (embedded, or beside the assembly); sets
 * cm->user_code when there are symbols, cm->pdb_error when not. */
void clr_sym_open(struct clr_module *cm);
void clr_sym_close(struct clr_module *cm);
/* "Namespace.Type.Method"; "<method 0x06000001>" without metadata. */
void clr_sym_method_name(struct clr_module *cm, mdMethodDef tok, char *buf, size_t len);
/* "Namespace.Type" of a TypeDef. */
void clr_sym_type_name(struct clr_module *cm, mdTypeDef tok, char *buf, size_t len);
/* The Field token called name that type declares, 0 if none. */
mdFieldDef clr_sym_field(struct clr_module *cm, mdTypeDef type, const char *name);
/* Source file and line of an IL offset ("" and 0 when unknown or on a hidden point). */
void clr_sym_line(struct clr_module *cm, mdMethodDef tok, uint32_t il, char *file, size_t flen,
		  int *line);
/* The IL range [start, end) of the line holding il, for a step over that line; false if
 * there is no sequence point. */
bool clr_sym_line_range(struct clr_module *cm, mdMethodDef tok, uint32_t il, uint32_t *start,
			uint32_t *end);
size_t clr_sym_find_line(struct clr_module *cm, const char *file, int line,
			 struct clr_sym_hit *hits, size_t max, int *resolved_line);
size_t clr_sym_find_methods(struct clr_module *cm, const char *name, mdMethodDef *toks, size_t max);
/* IL offset of the method's first non-hidden sequence point (0 without one). */
uint32_t clr_sym_first_il(struct clr_module *cm, mdMethodDef tok);
/* The assembly's entry point (its Main), 0 if none. */
mdMethodDef clr_sym_entry_point(struct clr_module *cm);

#endif
