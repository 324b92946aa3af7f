/* meta_exercise.h: every src/meta query over an opened assembly or PDB, with its results
 * freed; the fuzzer (fuzz/fuzz_meta.c) and the unit test's malformed-input checks
 * (tests/unit/test_meta.c) run it on damaged files, where it must neither crash nor leak.
 * Returns a count of answers so that the calls are not optimized away. The loops are bounded
 * so that the walk stays cheap on any input. */
#ifndef MX_FUZZ_META_EXERCISE_H
#define MX_FUZZ_META_EXERCISE_H

#include <stdlib.h>
#include <string.h>

#include "meta/meta.h"

#define EXERCISE_MAX_ITEMS 4096 /* methods, types, fields... walked per table */
#define EXERCISE_MAX_DOCS  8	/* documents searched by line */
#define EXERCISE_MAX_LINES 64	/* find_line calls per PDB (each walks every point) */

static unsigned exercise_pdb_method(const struct meta_pdb *pdb, uint32_t tok, unsigned *lines)
{
	const struct meta_seqpt *pts;
	size_t n;
	unsigned answers = 0;
	if (meta_pdb_seqpts(pdb, tok, &pts, &n) < 0)
		return 0;
	uint32_t kickoff;
	answers += meta_pdb_kickoff_method(pdb, tok, &kickoff) == 1;
	for (size_t i = 0; i < n && i < 64; i++) {
		const char *doc;
		uint32_t line, col, start, end;
		struct meta_local *locals = NULL;
		size_t nlocals = 0;
		struct mx_err err;
		answers += meta_pdb_line_for_il(pdb, tok, pts[i].il_offset, &doc, &line, &col) >= 0;
		answers += meta_pdb_line_range(pdb, tok, pts[i].il_offset + 1, &start, &end) >= 0;
		if (meta_pdb_locals(pdb, tok, pts[i].il_offset, &locals, &nlocals, &err) == 0) {
			for (size_t k = 0; k < nlocals; k++)
				answers += strlen(locals[k].name) > 0;
			free(locals);
		}
		const struct meta_document *d = meta_pdb_document(pdb, pts[i].doc);
		if (d && !pts[i].hidden && *lines > 0) {
			struct meta_line_hit hits[4];
			uint32_t resolved;
			answers += meta_pdb_find_line(pdb, d->name, pts[i].start_line, hits, 4,
						      &resolved) > 0;
			answers += meta_pdb_find_line(pdb, d->name, pts[i].start_line + 1, hits, 4,
						      &resolved) > 0;
			*lines -= 1;
		}
	}
	return answers;
}

static unsigned exercise_pdb(const struct meta_pdb *pdb, uint32_t nmethods)
{
	unsigned answers = 0, lines = EXERCISE_MAX_LINES;
	uint8_t id[20];
	meta_pdb_id(pdb, id);
	answers += meta_pdb_entry_point(pdb) != 0;
	for (uint32_t d = 0; d <= meta_pdb_document_count(pdb) + 1 && d < EXERCISE_MAX_ITEMS; d++) {
		const struct meta_document *doc = meta_pdb_document(pdb, d);
		char *text = NULL;
		size_t len = 0;
		struct mx_err err;
		if (doc) {
			answers += strlen(doc->name) + doc->hash_len;
			answers += doc->hash_algorithm != NULL;
			answers += meta_pdb_find_document(pdb, doc->name) == d;
		}
		if (meta_pdb_embedded_source(pdb, d, &text, &len, &err) == 1)
			answers += text[len] == 0;
		free(text);
		if (doc && d <= EXERCISE_MAX_DOCS) {
			struct meta_line_hit hits[8];
			uint32_t resolved;
			answers += meta_pdb_find_line(pdb, doc->name, 1, hits, 8, &resolved) > 0;
			answers +=
			    meta_pdb_find_line(pdb, "Program.cs", 10, hits, 8, &resolved) > 0;
		}
	}
	struct meta_line_hit hit;
	answers += meta_pdb_find_line(pdb, "x", 1, &hit, 1, NULL) > 0;
	for (uint32_t m = 0; m <= nmethods + 1 && m < EXERCISE_MAX_ITEMS; m++)
		answers += exercise_pdb_method(pdb, META_TOKEN(META_T_METHODDEF, m), &lines);
	return answers;
}

static unsigned exercise_method(const struct meta_image *img, uint32_t tok)
{
	unsigned answers = 0;
	struct mx_err err;
	const char *name, *module, *entry;
	char *full = NULL, *params = NULL, *ret = NULL, **locals = NULL;
	size_t nlocals = 0;
	uint32_t type, arity;
	struct meta_method_attrs attrs;
	struct meta_method_body body;
	answers += meta_method_name(img, tok, &name, &err) == 0;
	if (meta_method_full_name(img, tok, &full, &err) == 0) {
		uint32_t *found = NULL;
		size_t nfound = 0;
		if (meta_find_methods(img, full, &found, &nfound, &err) == 0)
			answers += nfound;
		free(found);
	}
	answers += meta_method_params(img, tok, &params, &err) == 0;
	answers += meta_method_return_type(img, tok, &ret, &err) == 0;
	answers += meta_method_type(img, tok, &type, &err) == 0;
	answers += meta_method_generic_arity(img, tok, &arity, &err) == 0;
	answers += meta_method_attrs(img, tok, &attrs, &err) == 0;
	answers += meta_method_body(img, tok, &body, &err) == 0;
	answers += meta_method_local_types(img, tok, &locals, &nlocals, &err) == 0;
	answers += meta_pinvoke(img, tok, &module, &entry) == 1;
	free(full);
	free(params);
	free(ret);
	meta_free_strings(locals, nlocals);
	return answers;
}

static unsigned exercise_type(const struct meta_image *img, uint32_t tok)
{
	unsigned answers = 0;
	struct mx_err err;
	char *name = NULL;
	uint32_t enclosing, arity, *fields = NULL, *methods = NULL;
	size_t nfields = 0, nmethods = 0;
	answers += meta_type_name(img, tok, &name, &err) == 0;
	answers += meta_type_enclosing(img, tok, &enclosing, &err) == 0;
	answers += meta_type_generic_arity(img, tok, &arity, &err) == 0;
	if (meta_type_fields(img, tok, &fields, &nfields, &err) == 0) {
		for (size_t i = 0; i < nfields && i < 64; i++) {
			const char *fname;
			char *ftype = NULL;
			uint16_t flags;
			answers += meta_field_name(img, fields[i], &fname, &err) == 0;
			answers += meta_field_flags(img, fields[i], &flags, &err) == 0;
			answers += meta_field_type(img, fields[i], &ftype, &err) == 0;
			free(ftype);
		}
	}
	answers += meta_type_methods(img, tok, &methods, &nmethods, &err) == 0;
	free(name);
	free(fields);
	free(methods);
	return answers;
}

static unsigned exercise_image(const struct meta_image *img)
{
	unsigned answers = 0;
	struct mx_err err;
	const char *name;
	struct meta_codeview cv;
	answers += meta_assembly_name(img, &name, &err) == 0;
	answers += meta_entry_point(img) != 0;
	answers += meta_image_codeview(img, &cv);
	for (uint32_t r = 0; r <= meta_row_count(img, META_T_MODULEREF) + 1 && r < 64; r++)
		answers += meta_moduleref_name(img, r, &name, &err) == 0;
	uint32_t nmethods = meta_method_count(img);
	for (uint32_t m = 0; m <= nmethods + 1 && m < EXERCISE_MAX_ITEMS; m++)
		answers += exercise_method(img, META_TOKEN(META_T_METHODDEF, m));
	for (uint32_t t = 0; t <= meta_type_count(img) + 1 && t < EXERCISE_MAX_ITEMS; t++)
		answers += exercise_type(img, META_TOKEN(META_T_TYPEDEF, t));
	const char *queries[] = {"Main",  "Program.Main",      "Over(int)",    "Box<T>.Map<U>",
				 ".ctor", "Outer+Inner.Twice", "<Main>b__0_0", "",
				 "a..b"};
	for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
		uint32_t *found = NULL;
		size_t nfound = 0;
		if (meta_find_methods(img, queries[q], &found, &nfound, &err) == 0)
			answers += nfound;
		free(found);
	}
	if (meta_image_has_embedded_pdb(img)) {
		uint8_t *data = NULL;
		size_t len = 0;
		struct meta_pdb *pdb = NULL;
		if (meta_image_embedded_pdb(img, &data, &len, &err) == 0 &&
		    meta_pdb_open_mem(data, len, &pdb, &err) == 0) {
			answers += exercise_pdb(pdb, nmethods);
			meta_pdb_close(pdb);
		}
		free(data);
	}
	return answers;
}

#endif
