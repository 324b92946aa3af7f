/* pdb.c: opening a portable PDB (standalone, or embedded in its assembly), its #Pdb id and
 * its Document table, and finding the PDB of an assembly. */
#include "meta/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/xalloc.h"

/* Document columns. */
#define DOC_NAME     0
#define DOC_HASHALG  1
#define DOC_HASH     2
#define DOC_LANGUAGE 3

static const char *hash_name(const uint8_t *guid)
{
	char text[37];
	if (!guid)
		return NULL;
	meta_guid_format(guid, text);
	if (!strcmp(text, "ff1816ec-aa5e-4d10-87f7-6f4963833460"))
		return "SHA1";
	if (!strcmp(text, "8829d00f-11b8-4213-878b-770e8597ac16"))
		return "SHA256";
	return NULL;
}

static const char *language_name(const uint8_t *guid)
{
	char text[37];
	if (!guid)
		return NULL;
	meta_guid_format(guid, text);
	if (!strcmp(text, "3f5162f8-07c6-11d3-9053-00c04fa302a1"))
		return "C#";
	if (!strcmp(text, "3a12d0b8-c26c-11d0-b442-00a0244a1dd2"))
		return "Visual Basic";
	if (!strcmp(text, "ab4f38c9-b6e6-43ba-be3b-58080b2ccce3"))
		return "F#";
	return NULL;
}

/* Bytes of one UTF-8 character from its first byte (0 if it cannot start one). */
static size_t utf8_len(uint8_t first)
{
	if (first < 0x80)
		return 1;
	if ((first & 0xe0) == 0xc0)
		return 2;
	if ((first & 0xf0) == 0xe0)
		return 3;
	if ((first & 0xf8) == 0xf0)
		return 4;
	return 0;
}

/* A document name blob: a separator character (or 0 for none), then parts, each the index of
 * a UTF-8 blob, joined by the separator. */
static int document_name(const struct meta_pdb *pdb, uint32_t row, size_t *total, char **name,
			 struct mx_err *err)
{
	const uint8_t *p;
	size_t len;
	if (meta_blob(&pdb->t, meta_col(&pdb->t, META_T_DOCUMENT, row, DOC_NAME), &p, &len) < 0 ||
	    len < 1)
		return mx_err_set(err, "document %u: name blob missing or outside the heap", row);
	size_t sep_len = p[0] ? utf8_len(p[0]) : 0;
	if ((p[0] && !sep_len) || sep_len > len)
		return mx_err_set(err, "document %u: bad separator in the name blob", row);
	struct meta_cur c = meta_cur_make(p, len);
	c.pos = p[0] ? sep_len : 1;
	struct meta_sbuf b;
	meta_sb_init(&b, total);
	for (bool first = true; meta_cur_left(&c); first = false) {
		uint32_t part;
		const uint8_t *pp;
		size_t plen;
		if (meta_cur_cuint(&c, &part) < 0 || meta_blob(&pdb->t, part, &pp, &plen) < 0) {
			meta_sb_free(&b);
			return mx_err_set(err, "document %u: bad name part", row);
		}
		if ((!first && meta_sb_addn(&b, (const char *)p, sep_len) < 0) ||
		    meta_sb_addn(&b, (const char *)pp, plen) < 0) {
			meta_sb_free(&b);
			return mx_err_set(err, "document names are too long for the PDB's size");
		}
	}
	*name = meta_sb_take(&b);
	return 0;
}

static int read_documents(struct meta_pdb *pdb, struct mx_err *err)
{
	uint32_t n = pdb->t.rows[META_T_DOCUMENT];
	/* Parts are shared between names, so names may add up to more than the file, but not
	 * to much more. */
	size_t total = pdb->len * 16 + (1u << 20);
	pdb->docs = xcalloc(n ? n : 1, sizeof(*pdb->docs));
	pdb->doc_names = xcalloc(n ? n : 1, sizeof(char *));
	for (uint32_t row = 1; row <= n; row++) {
		struct meta_document *d = &pdb->docs[row - 1];
		const uint8_t *alg, *lang;
		if (document_name(pdb, row, &total, &pdb->doc_names[row - 1], err) < 0)
			return -1;
		pdb->ndocs = row;
		d->name = pdb->doc_names[row - 1];
		if (meta_guid(&pdb->t, meta_col(&pdb->t, META_T_DOCUMENT, row, DOC_HASHALG), &alg) <
			0 ||
		    meta_guid(&pdb->t, meta_col(&pdb->t, META_T_DOCUMENT, row, DOC_LANGUAGE),
			      &lang) < 0)
			return mx_err_set(err, "document %u: GUID outside the heap", row);
		if (meta_blob(&pdb->t, meta_col(&pdb->t, META_T_DOCUMENT, row, DOC_HASH), &d->hash,
			      &d->hash_len) < 0)
			return mx_err_set(err, "document %u: hash outside the blob heap", row);
		d->hash_algorithm = hash_name(alg);
		if (lang)
			memcpy(d->language, lang, 16);
		d->language_name = language_name(lang);
	}
	return 0;
}

int meta_pdb_open_owned(uint8_t *data, size_t len, struct meta_pdb **out, struct mx_err *err)
{
	struct meta_pdb *pdb = xcalloc(1, sizeof(*pdb));
	pdb->file = data;
	pdb->len = len;
	if (len == 0) {
		mx_err_set(err, "empty file");
		goto fail;
	}
	if (len < 4 || memcmp(data, "BSJB", 4) != 0) {
		mx_err_set(err, "not a portable PDB (%s)",
			   len >= 2 && data[0] == 'M' && data[1] == 'Z'
			       ? "a PE file: an assembly, or a Windows PDB's executable"
			       : "no metadata signature BSJB");
		goto fail;
	}
	if (meta_tables_parse(&pdb->t, data, len, err) < 0)
		goto fail;
	if (!pdb->t.pdb.p) {
		mx_err_set(err, "not a portable PDB (no #Pdb stream)");
		goto fail;
	}
	memcpy(pdb->id, pdb->t.pdb.p, 20); /* the #Pdb parser checked its 32-byte header */
	pdb->entry_point = meta_le32(pdb->t.pdb.p + 20);
	if (read_documents(pdb, err) < 0 || meta_pdb_decode_seqpts(pdb, err) < 0)
		goto fail;
	*out = pdb;
	return 0;
fail:
	meta_pdb_close(pdb);
	return -1;
}

int meta_pdb_open_mem(const uint8_t *data, size_t len, struct meta_pdb **out, struct mx_err *err)
{
	uint8_t *copy = xmalloc(len);
	if (len)
		memcpy(copy, data, len);
	return meta_pdb_open_owned(copy, len, out, err);
}

int meta_pdb_open(const char *path, struct meta_pdb **out, struct mx_err *err)
{
	uint8_t *data;
	size_t len;
	if (meta_read_file(path, &data, &len, err) < 0)
		return -1;
	if (meta_pdb_open_owned(data, len, out, err) < 0) {
		if (err) {
			char msg[sizeof(err->msg)];
			snprintf(msg, sizeof(msg), "%s", err->msg);
			mx_err_set(err, "%s: %s", path, msg);
		}
		return -1;
	}
	return 0;
}

void meta_pdb_close(struct meta_pdb *pdb)
{
	if (!pdb)
		return;
	for (uint32_t i = 0; pdb->doc_names && i < pdb->t.rows[META_T_DOCUMENT]; i++)
		free(pdb->doc_names[i]);
	free(pdb->doc_names);
	free(pdb->docs);
	free(pdb->pts);
	free(pdb->method_pts);
	free(pdb->file);
	free(pdb);
}

void meta_pdb_id(const struct meta_pdb *pdb, uint8_t id[20])
{
	memcpy(id, pdb->id, 20);
}

uint32_t meta_pdb_entry_point(const struct meta_pdb *pdb)
{
	return pdb->entry_point;
}

uint32_t meta_pdb_document_count(const struct meta_pdb *pdb)
{
	return pdb->ndocs;
}

const struct meta_document *meta_pdb_document(const struct meta_pdb *pdb, uint32_t doc)
{
	return doc >= 1 && doc <= pdb->ndocs ? &pdb->docs[doc - 1] : NULL;
}

static bool same_char(char a, char b)
{
	return a == b || ((a == '/' || a == '\\') && (b == '/' || b == '\\'));
}

bool meta_path_matches(const char *doc, const char *file)
{
	while (file[0] == '.' && (file[1] == '/' || file[1] == '\\'))
		file += 2;
	size_t dl = strlen(doc), fl = strlen(file);
	if (fl == 0 || fl > dl)
		return false;
	for (size_t i = 0; i < fl; i++)
		if (!same_char(doc[dl - fl + i], file[i]))
			return false;
	return dl == fl || same_char(doc[dl - fl - 1], '/');
}

uint32_t meta_pdb_find_document(const struct meta_pdb *pdb, const char *file)
{
	for (uint32_t d = 1; file && d <= pdb->ndocs; d++)
		if (meta_path_matches(pdb->docs[d - 1].name, file))
			return d;
	return 0;
}

/* ---- the PDB of an assembly ---- */

static void id_text(const uint8_t id[20], char out[48])
{
	char guid[37];
	meta_guid_format(id, guid);
	snprintf(out, 48, "%s-%08x", guid, meta_le32(id + 16));
}

static int check_id(const struct meta_pdb *pdb, const struct meta_codeview *cv,
		    const char *pdb_name, struct mx_err *err)
{
	char have[48], want[48];
	if (!memcmp(pdb->id, cv->pdb_id, 20))
		return 0;
	id_text(pdb->id, have);
	id_text(cv->pdb_id, want);
	return mx_err_set(err,
			  "%s does not match the assembly: its PDB id is %s, the assembly "
			  "expects %s",
			  pdb_name, have, want);
}

/* Where to look for a standalone PDB, in order (allocated strings, NULL-terminated). */
static void candidates(const struct meta_image *img, const char *assembly_path, char *out[4])
{
	struct meta_codeview cv;
	int n = 0;
	const char *slash = strrchr(assembly_path, '/');
	int dirlen = slash ? (int)(slash - assembly_path) : -1;
	if (meta_image_codeview(img, &cv)) {
		const char *base = cv.path;
		for (const char *p = cv.path; *p; p++)
			if (*p == '/' || *p == '\\')
				base = p + 1;
		if (*base)
			out[n++] = dirlen >= 0 ? xasprintf("%.*s/%s", dirlen, assembly_path, base)
					       : xstrdup(base);
		if (cv.path[0])
			out[n++] = xstrdup(cv.path);
	}
	const char *dot = strrchr(assembly_path, '.');
	if (dot && (!slash || dot > slash))
		out[n++] = xasprintf("%.*s.pdb", (int)(dot - assembly_path), assembly_path);
	else
		out[n++] = xasprintf("%s.pdb", assembly_path);
	out[n] = NULL;
}

/* The first candidate that exists is the PDB: a stale or foreign one there is reported rather
 * than passed over. */
static int open_standalone(const struct meta_image *img, const char *assembly_path,
			   struct meta_pdb **out, struct mx_err *err)
{
	char *paths[4];
	struct meta_codeview cv;
	bool has_cv = meta_image_codeview(img, &cv);
	int i, rc = -1;
	candidates(img, assembly_path, paths);
	for (i = 0; paths[i] && access(paths[i], F_OK) != 0; i++)
		;
	if (!paths[i]) {
		mx_err_set(err, "%s: no PDB found (looked for %s)", assembly_path,
			   i ? paths[0] : "nothing");
	} else if (meta_pdb_open(paths[i], out, err) == 0) {
		rc = 0;
		if (has_cv && check_id(*out, &cv, paths[i], err) < 0) {
			meta_pdb_close(*out);
			*out = NULL;
			rc = -1;
		}
	}
	for (i = 0; paths[i]; i++)
		free(paths[i]);
	return rc;
}

int meta_pdb_open_for(const struct meta_image *img, const char *assembly_path,
		      struct meta_pdb **out, struct mx_err *err)
{
	struct meta_codeview cv;
	if (!meta_image_has_embedded_pdb(img))
		return open_standalone(img, assembly_path, out, err);
	uint8_t *data;
	size_t len;
	struct meta_pdb *pdb;
	if (meta_image_embedded_pdb(img, &data, &len, err) < 0)
		return -1;
	if (meta_pdb_open_owned(data, len, &pdb, err) < 0) {
		if (err) {
			char msg[sizeof(err->msg)];
			snprintf(msg, sizeof(msg), "%s", err->msg);
			mx_err_set(err, "embedded PDB: %s", msg);
		}
		return -1;
	}
	if (meta_image_codeview(img, &cv) && check_id(pdb, &cv, "the embedded PDB", err) < 0) {
		meta_pdb_close(pdb);
		return -1;
	}
	*out = pdb;
	return 0;
}
