/* msource.c: source text that the program's symbols carry themselves: a document embedded in
 * an assembly's portable PDB (built with EmbedAllSources), for a front end to show when the
 * file is not on this machine. */
#include "session/ses_internal.h"

#include <string.h>

#include "meta/meta.h"

int ses_source_embedded(struct ses *s, const char *path, char **text, size_t *len,
			struct mx_err *err)
{
	*text = NULL;
	*len = 0;
	for (size_t i = 0; s->clr && path && i < s->clr->nmods; i++) {
		const struct meta_pdb *pdb = s->clr->mods[i].pdb;
		uint32_t n = pdb ? meta_pdb_document_count(pdb) : 0;
		for (uint32_t d = 1; d <= n; d++) {
			const struct meta_document *doc = meta_pdb_document(pdb, d);
			if (!doc || !doc->name || strcmp(doc->name, path) != 0)
				continue;
			/* the same document may be in several assemblies: the first with text */
			int rc = meta_pdb_embedded_source(pdb, d, text, len, err);
			if (rc != 0)
				return rc;
		}
	}
	return 0;
}
