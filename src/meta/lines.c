/* lines.c: source lines and IL offsets through the decoded sequence points: breakpoints by
 * file:line, the line of an IL offset, the IL range of a line for stepping. */
#include "meta/internal.h"

#include <stdlib.h>

#include "util/xalloc.h"

uint32_t meta_pdb_method_row(const struct meta_pdb *pdb, uint32_t method)
{
	uint32_t row = META_TOKEN_ROW(method);
	if (META_TOKEN_TABLE(method) != META_T_METHODDEF || row == 0 || row > pdb->nmethods)
		return 0;
	return row;
}

/* The points of MethodDebugInformation row m, NULL if it has none (pdb->pts itself is NULL
 * in a PDB without points, and NULL + 0 is not C). */
static const struct meta_seqpt *method_points(const struct meta_pdb *pdb, uint32_t m, size_t *n)
{
	*n = pdb->method_pts[m] - pdb->method_pts[m - 1];
	return *n ? pdb->pts + pdb->method_pts[m - 1] : NULL;
}

int meta_pdb_seqpts(const struct meta_pdb *pdb, uint32_t method, const struct meta_seqpt **pts,
		    size_t *n)
{
	uint32_t row = meta_pdb_method_row(pdb, method);
	*pts = NULL;
	*n = 0;
	if (!row)
		return -1;
	*pts = method_points(pdb, row, n);
	return 0;
}

/* Per-call scratch for find_line, indexed by document. */
struct line_search {
	const struct meta_pdb *pdb;
	uint32_t line;
	bool *match;	   /* the document matches the file */
	bool *exact;	   /* a point starts on the line in it */
	uint32_t *target;  /* the line bound in it (0: none yet) */
	uint32_t *lo, *hi; /* the current method's line range in it */
	uint32_t *touched; /* documents whose lo/hi the current method set */
	size_t ntouched;
};

/* The line ranges of one method, per document, in s->lo/hi (s->touched lists them). */
static void method_ranges(struct line_search *s, const struct meta_seqpt *p, size_t n)
{
	for (size_t i = 0; i < s->ntouched; i++) {
		s->lo[s->touched[i]] = UINT32_MAX;
		s->hi[s->touched[i]] = 0;
	}
	s->ntouched = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t d = p[i].doc;
		if (p[i].hidden || !s->match[d])
			continue;
		if (s->lo[d] == UINT32_MAX && s->hi[d] == 0)
			s->touched[s->ntouched++] = d;
		if (p[i].start_line < s->lo[d])
			s->lo[d] = p[i].start_line;
		if (p[i].end_line > s->hi[d])
			s->hi[d] = p[i].end_line;
	}
}

static bool in_range(const struct line_search *s, uint32_t d)
{
	return s->lo[d] <= s->line && s->line <= s->hi[d];
}

int meta_pdb_find_line(const struct meta_pdb *pdb, const char *file, uint32_t line,
		       struct meta_line_hit *hits, size_t max, uint32_t *resolved_line)
{
	if (resolved_line)
		*resolved_line = 0;
	if (!file || !file[0] || (max && !hits))
		return -1;
	size_t nd = (size_t)pdb->ndocs + 1;
	struct line_search s = {.pdb = pdb, .line = line};
	s.match = xcalloc(nd, sizeof(bool));
	s.exact = xcalloc(nd, sizeof(bool));
	s.target = xcalloc(nd, sizeof(uint32_t));
	s.lo = xmalloc(nd * sizeof(uint32_t));
	s.hi = xcalloc(nd, sizeof(uint32_t));
	s.touched = xmalloc(nd * sizeof(uint32_t));
	bool any_doc = false;
	for (uint32_t d = 1; d <= pdb->ndocs; d++) {
		s.lo[d] = UINT32_MAX;
		s.match[d] = meta_path_matches(pdb->docs[d - 1].name, file);
		any_doc |= s.match[d];
	}
	s.lo[0] = UINT32_MAX;
	/* Which documents have a point starting on the line itself. */
	for (size_t i = 0; i < pdb->npts; i++) {
		const struct meta_seqpt *p = &pdb->pts[i];
		if (!p->hidden && s.match[p->doc] && p->start_line == line) {
			s.exact[p->doc] = true;
			s.target[p->doc] = line;
		}
	}
	/* Elsewhere, the nearest following line with a point in a method spanning the line. */
	for (uint32_t m = 1; m <= pdb->nmethods; m++) {
		size_t n;
		const struct meta_seqpt *p = method_points(pdb, m, &n);
		method_ranges(&s, p, n);
		for (size_t i = 0; i < n; i++) {
			uint32_t d = p[i].doc;
			if (p[i].hidden || !s.match[d] || s.exact[d] || !in_range(&s, d) ||
			    p[i].start_line <= line)
				continue;
			if (!s.target[d] || p[i].start_line < s.target[d])
				s.target[d] = p[i].start_line;
		}
	}
	/* The points on each document's bound line (in methods spanning the requested line,
	 * unless the line itself has code). */
	size_t count = 0;
	for (uint32_t m = 1; m <= pdb->nmethods; m++) {
		size_t n;
		const struct meta_seqpt *p = method_points(pdb, m, &n);
		method_ranges(&s, p, n);
		for (size_t i = 0; i < n; i++) {
			uint32_t d = p[i].doc;
			if (p[i].hidden || !s.match[d] || !s.target[d] ||
			    p[i].start_line != s.target[d] || (!s.exact[d] && !in_range(&s, d)))
				continue;
			if (count < max) {
				struct meta_line_hit *h = &hits[count];
				h->method = META_TOKEN(META_T_METHODDEF, m);
				h->il_offset = p[i].il_offset;
				h->doc = d;
				h->line = p[i].start_line;
				h->col = p[i].start_col;
			}
			if (count == 0 && resolved_line)
				*resolved_line = p[i].start_line;
			count++;
		}
	}
	free(s.match);
	free(s.exact);
	free(s.target);
	free(s.lo);
	free(s.hi);
	free(s.touched);
	if (!any_doc)
		return META_ENOFILE;
	return count > INT32_MAX ? INT32_MAX : (int)count;
}

/* Index of the last point at or before il_offset, -1 if none. */
static ptrdiff_t point_at(const struct meta_seqpt *p, size_t n, uint32_t il_offset)
{
	size_t lo = 0, hi = n;
	while (lo < hi) { /* first point after il_offset */
		size_t mid = lo + (hi - lo) / 2;
		if (p[mid].il_offset <= il_offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (ptrdiff_t)lo - 1;
}

int meta_pdb_line_for_il(const struct meta_pdb *pdb, uint32_t method, uint32_t il_offset,
			 const char **doc_name, uint32_t *line, uint32_t *col)
{
	const struct meta_seqpt *p;
	size_t n;
	if (doc_name)
		*doc_name = NULL;
	if (line)
		*line = 0;
	if (col)
		*col = 0;
	if (meta_pdb_seqpts(pdb, method, &p, &n) < 0)
		return -1;
	ptrdiff_t i = point_at(p, n, il_offset);
	if (i < 0)
		return -1;
	bool hidden = p[i].hidden;
	while (i >= 0 && p[i].hidden)
		i--;
	if (i >= 0) {
		const struct meta_document *d = meta_pdb_document(pdb, p[i].doc);
		if (doc_name)
			*doc_name = d ? d->name : NULL;
		if (line)
			*line = p[i].start_line;
		if (col)
			*col = p[i].start_col;
	}
	return hidden ? META_HIDDEN : 0;
}

int meta_pdb_line_range(const struct meta_pdb *pdb, uint32_t method, uint32_t il_offset,
			uint32_t *start, uint32_t *end)
{
	const struct meta_seqpt *p;
	size_t n;
	if (meta_pdb_seqpts(pdb, method, &p, &n) < 0)
		return -1;
	ptrdiff_t i = point_at(p, n, il_offset);
	if (i < 0)
		return -1;
	*start = p[i].il_offset;
	*end = (size_t)i + 1 < n ? p[i + 1].il_offset : META_IL_END;
	return p[i].hidden ? META_HIDDEN : 0;
}

/* StateMachineMethod: MoveNextMethod, KickoffMethod; sorted by MoveNextMethod. */
int meta_pdb_kickoff_method(const struct meta_pdb *pdb, uint32_t method, uint32_t *kickoff)
{
	uint32_t row = META_TOKEN_ROW(method);
	if (META_TOKEN_TABLE(method) != META_T_METHODDEF || row == 0)
		return 0;
	uint32_t r = meta_lower_bound(&pdb->t, META_T_STATEMACHINEMETHOD, 0, row);
	if (r > pdb->t.rows[META_T_STATEMACHINEMETHOD] ||
	    meta_col(&pdb->t, META_T_STATEMACHINEMETHOD, r, 0) != row)
		return 0;
	uint32_t k = meta_col(&pdb->t, META_T_STATEMACHINEMETHOD, r, 1);
	if (k == 0 || k > 0xffffff)
		return 0;
	*kickoff = META_TOKEN(META_T_METHODDEF, k);
	return 1;
}
