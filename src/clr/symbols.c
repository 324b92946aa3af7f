/* symbols.c: a managed module's names and lines through meta/ (see symbols.h). */
#include "clr/symbols.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meta/meta.h"
#include "util/str.h"

void clr_sym_open(struct clr_module *cm)
{
	struct mx_err err;
	if (meta_image_open(cm->path, &cm->img, &err) != 0) {
		cm->img = NULL;
		mx_strlcpy(cm->pdb_error, err.msg, sizeof(cm->pdb_error));
		return;
	}
	if (meta_pdb_open_for(cm->img, cm->path, &cm->pdb, &err) != 0) {
		cm->pdb = NULL;
		mx_strlcpy(cm->pdb_error, err.msg, sizeof(cm->pdb_error));
		return;
	}
	cm->user_code = true;
}

void clr_sym_close(struct clr_module *cm)
{
	meta_pdb_close(cm->pdb);
	meta_image_close(cm->img);
	cm->pdb = NULL;
	cm->img = NULL;
}

void clr_sym_method_name(struct clr_module *cm, mdMethodDef tok, char *buf, size_t len)
{
	char *name = NULL;
	/* an async method or iterator runs as its state machine's MoveNext: name the method
	 * the user wrote */
	uint32_t kickoff = 0;
	if (cm->pdb && meta_pdb_kickoff_method(cm->pdb, tok, &kickoff) == 1 && kickoff)
		tok = kickoff;
	if (cm->img && meta_method_full_name(cm->img, tok, &name, NULL) == 0) {
		snprintf(buf, len, "%s", name);
		free(name);
		return;
	}
	snprintf(buf, len, "<method 0x%08x>", tok);
}

void clr_sym_type_name(struct clr_module *cm, mdTypeDef tok, char *buf, size_t len)
{
	char *name = NULL;
	if (cm->img && meta_type_name(cm->img, tok, &name, NULL) == 0) {
		snprintf(buf, len, "%s", name);
		free(name);
		return;
	}
	snprintf(buf, len, "<type 0x%08x>", tok);
}

mdFieldDef clr_sym_field(struct clr_module *cm, mdTypeDef type, const char *name)
{
	uint32_t *fields = NULL;
	size_t n = 0;
	mdFieldDef found = 0;
	if (!cm->img || meta_type_fields(cm->img, type, &fields, &n, NULL) != 0)
		return 0;
	for (size_t i = 0; i < n && !found; i++) {
		const char *fname;
		if (meta_field_name(cm->img, fields[i], &fname, NULL) == 0 &&
		    strcmp(fname, name) == 0)
			found = fields[i];
	}
	free(fields);
	return found;
}

void clr_sym_line(struct clr_module *cm, mdMethodDef tok, uint32_t il, char *file, size_t flen,
		  int *line)
{
	file[0] = 0;
	*line = 0;
	const char *doc = NULL;
	uint32_t l = 0;
	if (!cm->pdb || meta_pdb_line_for_il(cm->pdb, tok, il, &doc, &l, NULL) != 0 || !doc)
		return;
	snprintf(file, flen, "%s", doc);
	*line = (int)l;
}

bool clr_sym_line_range(struct clr_module *cm, mdMethodDef tok, uint32_t il, uint32_t *start,
			uint32_t *end)
{
	if (!cm->pdb)
		return false;
	int r = meta_pdb_line_range(cm->pdb, tok, il, start, end);
	if (r < 0)
		return false;
	if (*end == META_IL_END) {
		struct meta_method_body body;
		if (!cm->img || meta_method_body(cm->img, tok, &body, NULL) != 0)
			return false;
		*end = body.code_size;
	}
	return true;
}

size_t clr_sym_find_line(struct clr_module *cm, const char *file, int line,
			 struct clr_sym_hit *hits, size_t max, int *resolved_line)
{
	if (!cm->pdb || line <= 0)
		return 0;
	struct meta_line_hit mh[64];
	uint32_t resolved = (uint32_t)line;
	int n = meta_pdb_find_line(cm->pdb, file, (uint32_t)line, mh, 64, &resolved);
	if (n <= 0)
		return 0;
	size_t k = 0;
	for (int i = 0; i < n && i < 64 && k < max; i++) {
		hits[k].token = mh[i].method;
		hits[k].il = mh[i].il_offset;
		k++;
	}
	if (resolved_line)
		*resolved_line = (int)resolved;
	return k;
}

size_t clr_sym_find_methods(struct clr_module *cm, const char *name, mdMethodDef *toks, size_t max)
{
	uint32_t *found = NULL;
	size_t n = 0;
	if (!cm->img || meta_find_methods(cm->img, name, &found, &n, NULL) != 0)
		return 0;
	size_t k = 0;
	for (size_t i = 0; i < n && k < max; i++) {
		struct meta_method_attrs a;
		/* only methods with IL: a breakpoint needs code (not abstract, extern, P/Invoke) */
		if (meta_method_attrs(cm->img, found[i], &a, NULL) == 0 && a.rva)
			toks[k++] = found[i];
	}
	free(found);
	return k;
}

uint32_t clr_sym_first_il(struct clr_module *cm, mdMethodDef tok)
{
	const struct meta_seqpt *pts;
	size_t n;
	if (!cm->pdb || meta_pdb_seqpts(cm->pdb, tok, &pts, &n) != 0)
		return 0;
	/* A method's first point is often its opening brace (a nop in debug builds): the
	 * breakpoint goes to the first statement, as gdb puts it after a C prologue. */
	for (size_t i = 0; i < n; i++) {
		if (pts[i].hidden)
			continue;
		bool brace =
		    pts[i].start_line == pts[i].end_line && pts[i].end_col == pts[i].start_col + 1;
		for (size_t j = i + 1; brace && j < n; j++)
			if (!pts[j].hidden)
				return pts[j].il_offset;
		return pts[i].il_offset;
	}
	return 0;
}

mdMethodDef clr_sym_entry_point(struct clr_module *cm)
{
	return cm->img ? meta_entry_point(cm->img) : 0;
}
