/* source.c: a document's source text embedded in the PDB (the EmbeddedSource custom debug
 * information: an int32 format, 0 for raw bytes or the uncompressed size of deflate data). */
#include "meta/internal.h"

#include <string.h>

#include "util/xalloc.h"

/* CustomDebugInformation columns: Parent, Kind, Value. */
#define CDI_PARENT 0
#define CDI_KIND   1
#define CDI_VALUE  2

static const char embedded_source_kind[] = "0e8a571b-6926-466e-b4ad-8ab04611f5fe";

static bool is_embedded_source(const struct meta_pdb *pdb, uint32_t row)
{
	const uint8_t *g;
	char text[37];
	if (meta_guid(&pdb->t, meta_col(&pdb->t, META_T_CUSTOMDEBUGINFO, row, CDI_KIND), &g) < 0 ||
	    !g)
		return false;
	meta_guid_format(g, text);
	return !strcmp(text, embedded_source_kind);
}

int meta_pdb_embedded_source(const struct meta_pdb *pdb, uint32_t doc, char **text, size_t *len,
			     struct mx_err *err)
{
	const struct meta_tables *t = &pdb->t;
	*text = NULL;
	*len = 0;
	if (doc < 1 || doc > pdb->ndocs)
		return mx_err_set(err, "document %u does not exist", doc);
	uint32_t key = meta_coded_make(META_CI_HASCUSTOMDEBUGINFO, META_T_DOCUMENT, doc);
	uint32_t rows = t->rows[META_T_CUSTOMDEBUGINFO], r;
	for (r = meta_lower_bound(t, META_T_CUSTOMDEBUGINFO, CDI_PARENT, key);
	     r <= rows && meta_col(t, META_T_CUSTOMDEBUGINFO, r, CDI_PARENT) == key; r++)
		if (is_embedded_source(pdb, r))
			break;
	if (r > rows || meta_col(t, META_T_CUSTOMDEBUGINFO, r, CDI_PARENT) != key)
		return 0;
	const uint8_t *p;
	size_t n;
	if (meta_blob(t, meta_col(t, META_T_CUSTOMDEBUGINFO, r, CDI_VALUE), &p, &n) < 0 || n < 4)
		return mx_err_set(err, "document %u: embedded source blob missing or truncated",
				  doc);
	int32_t format = (int32_t)meta_le32(p);
	if (format < 0)
		return mx_err_set(err, "document %u: embedded source in unknown format %d", doc,
				  format);
	uint8_t *out;
	if (format == 0) {
		out = xmalloc(n - 4 + 1);
		memcpy(out, p + 4, n - 4);
		out[n - 4] = 0;
		*len = n - 4;
	} else {
		if (meta_inflate(p + 4, n - 4, (size_t)format, &out, "embedded source", err) < 0)
			return -1;
		*len = (size_t)format;
	}
	*text = (char *)out;
	return 1;
}
