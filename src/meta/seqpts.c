/* seqpts.c: decoding the sequence points blob of every method (Portable PDB spec,
 * MethodDebugInformation): a header (locals signature, initial document when the method
 * spans several), then records: sequence points with delta-encoded IL offsets, lines and
 * columns, hidden points (no line), and document changes. */
#include "meta/internal.h"

#include <stdlib.h>

#include "util/xalloc.h"

#define MAX_IL	 0x20000000u
#define MAX_LINE 0x20000000u
#define MAX_COL	 0x10000u

/* Decoder state across one method's records. */
struct decoder {
	struct meta_pdb *pdb;
	size_t cap;	  /* of pdb->pts */
	size_t max;	  /* points allowed in all (bounded by the file size) */
	uint32_t method;  /* row, for messages */
	uint32_t doc;	  /* current document */
	uint32_t il;	  /* previous point's offset */
	int64_t line;	  /* previous non-hidden point's start line */
	int64_t col;	  /* and start column */
	bool any;	  /* a point was decoded */
	bool any_visible; /* a non-hidden point was decoded */
};

static int bad(const struct decoder *d, const char *why, struct mx_err *err)
{
	return mx_err_set(err, "sequence points of method 0x%08x: %s",
			  META_TOKEN(META_T_METHODDEF, d->method), why);
}

static int push(struct decoder *d, const struct meta_seqpt *p, struct mx_err *err)
{
	struct meta_pdb *pdb = d->pdb;
	if (pdb->npts >= d->max)
		return bad(d, "more points than the file can hold", err);
	xgrow((void **)&pdb->pts, &d->cap, pdb->npts + 1, sizeof(*pdb->pts));
	pdb->pts[pdb->npts++] = *p;
	return 0;
}

/* The start of a non-hidden point: absolute for the method's first, else signed deltas. */
static int start_position(struct decoder *d, struct meta_cur *c, int64_t *line, int64_t *col)
{
	if (!d->any_visible) {
		uint32_t l, k;
		if (meta_cur_cuint(c, &l) < 0 || meta_cur_cuint(c, &k) < 0)
			return -1;
		*line = l;
		*col = k;
	} else {
		int32_t dl, dk;
		if (meta_cur_cint(c, &dl) < 0 || meta_cur_cint(c, &dk) < 0)
			return -1;
		*line = d->line + dl;
		*col = d->col + dk;
	}
	return 0;
}

static int record(struct decoder *d, struct meta_cur *c, struct mx_err *err)
{
	uint32_t dil, dlines, udcols;
	int32_t sdcols;
	int64_t dcols;
	if (meta_cur_cuint(c, &dil) < 0)
		return bad(d, "truncated", err);
	if (d->any && dil == 0) { /* document record */
		if (meta_cur_cuint(c, &d->doc) < 0 || d->doc < 1 || d->doc > d->pdb->ndocs)
			return bad(d, "bad document record", err);
		return 0;
	}
	uint64_t il = d->any ? (uint64_t)d->il + dil : dil;
	if (il >= MAX_IL)
		return bad(d, "IL offset out of range", err);
	if (meta_cur_cuint(c, &dlines) < 0)
		return bad(d, "truncated", err);
	if (dlines == 0) {
		if (meta_cur_cuint(c, &udcols) < 0)
			return bad(d, "truncated", err);
		dcols = udcols;
	} else {
		if (meta_cur_cint(c, &sdcols) < 0)
			return bad(d, "truncated", err);
		dcols = sdcols;
	}
	struct meta_seqpt p = {.il_offset = (uint32_t)il, .doc = d->doc};
	if (dlines == 0 && dcols == 0) {
		p.hidden = true;
		p.start_line = p.end_line = META_HIDDEN_LINE;
	} else {
		int64_t line, col;
		if (start_position(d, c, &line, &col) < 0)
			return bad(d, "truncated", err);
		int64_t end_line = line + dlines, end_col = col + dcols;
		if (line < 0 || line >= MAX_LINE || line == META_HIDDEN_LINE ||
		    end_line >= MAX_LINE || end_line == META_HIDDEN_LINE || col < 0 ||
		    col >= MAX_COL || end_col < 0 || end_col >= MAX_COL)
			return bad(d, "line or column out of range", err);
		p.start_line = (uint32_t)line;
		p.end_line = (uint32_t)end_line;
		p.start_col = (uint16_t)col;
		p.end_col = (uint16_t)end_col;
		d->line = line;
		d->col = col;
		d->any_visible = true;
	}
	d->il = (uint32_t)il;
	d->any = true;
	return push(d, &p, err);
}

static int decode_method(struct decoder *d, uint32_t row, struct mx_err *err)
{
	struct meta_pdb *pdb = d->pdb;
	const uint8_t *p;
	size_t len;
	uint32_t local_sig;
	d->method = row;
	d->doc = meta_col(&pdb->t, META_T_METHODDEBUGINFO, row, 0);
	d->any = d->any_visible = false;
	d->il = 0;
	uint32_t blob = meta_col(&pdb->t, META_T_METHODDEBUGINFO, row, 1);
	if (!blob)
		return 0;
	if (meta_blob(&pdb->t, blob, &p, &len) < 0)
		return bad(d, "blob outside the heap", err);
	struct meta_cur c = meta_cur_make(p, len);
	if (meta_cur_cuint(&c, &local_sig) < 0)
		return bad(d, "truncated header", err);
	if (d->doc == 0 && meta_cur_cuint(&c, &d->doc) < 0)
		return bad(d, "truncated header", err);
	if (d->doc < 1 || d->doc > pdb->ndocs)
		return bad(d, "document out of range", err);
	while (meta_cur_left(&c))
		if (record(d, &c, err) < 0)
			return -1;
	return 0;
}

int meta_pdb_decode_seqpts(struct meta_pdb *pdb, struct mx_err *err)
{
	uint32_t rows = pdb->t.rows[META_T_METHODDEBUGINFO];
	/* A point takes at least 3 bytes of blob, but methods may share a blob: allow that
	 * sharing, within a bound proportional to the file. */
	struct decoder d = {.pdb = pdb, .max = pdb->len + 4096};
	pdb->method_pts = xcalloc((size_t)rows + 1, sizeof(uint32_t));
	pdb->nmethods = rows;
	for (uint32_t row = 1; row <= rows; row++) {
		if (decode_method(&d, row, err) < 0)
			return -1;
		pdb->method_pts[row] = (uint32_t)pdb->npts;
	}
	return 0;
}
