/* body.c: a method's IL body: its header (ECMA-335 II.25.4) and the types of its locals from
 * the locals signature the header names. */
#include "meta/internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* MethodDef column. */
#define MD_RVA 0

/* The method header (II.25.4): tiny (2 low bits 10, size in the upper 6) or fat (low bits 11,
 * 12 bytes: flags and header size, max stack, code size, locals signature token). */
int meta_method_body(const struct meta_image *img, uint32_t method, struct meta_method_body *body,
		     struct mx_err *err)
{
	uint32_t row;
	if (meta_check_token(img, method, META_T_METHODDEF, &row, err) < 0)
		return -1;
	uint32_t rva = meta_col(&img->t, META_T_METHODDEF, row, MD_RVA);
	if (!rva)
		return mx_err_set(err, "method 0x%08x has no IL body", method);
	const uint8_t *h = meta_pe_rva(&img->pe, rva, 1);
	size_t avail = meta_pe_rva_avail(&img->pe, rva);
	if (!h)
		return mx_err_set(err, "method 0x%08x: body RVA 0x%x is not in the file", method,
				  rva);
	memset(body, 0, sizeof(*body));
	uint32_t hdr;
	if ((h[0] & 3) == 2) {
		hdr = 1;
		body->code_size = h[0] >> 2;
		body->max_stack = 8;
	} else if ((h[0] & 3) == 3) {
		if (avail < 12)
			return mx_err_set(err, "method 0x%08x: fat header truncated", method);
		hdr = (uint32_t)(meta_le16(h) >> 12) * 4;
		if (hdr < 12)
			return mx_err_set(err, "method 0x%08x: fat header of %u bytes", method,
					  hdr);
		body->max_stack = meta_le16(h + 2);
		body->code_size = meta_le32(h + 4);
		body->local_sig = meta_le32(h + 8);
	} else {
		return mx_err_set(err, "method 0x%08x: unknown method header format 0x%x", method,
				  h[0]);
	}
	if (!meta_in_bounds(avail, hdr, body->code_size))
		return mx_err_set(err, "method 0x%08x: %u bytes of IL run past the section", method,
				  body->code_size);
	body->code_rva = rva + hdr;
	body->code = h + hdr;
	return 0;
}

void meta_free_strings(char **strings, size_t n)
{
	for (size_t i = 0; strings && i < n; i++)
		free(strings[i]);
	free(strings);
}

int meta_method_local_types(const struct meta_image *img, uint32_t method, char ***types, size_t *n,
			    struct mx_err *err)
{
	struct meta_method_body body;
	uint32_t sig_row, count;
	uint8_t kind;
	const uint8_t *p;
	size_t len;
	*types = NULL;
	*n = 0;
	if (meta_method_body(img, method, &body, err) < 0)
		return -1;
	if (!body.local_sig)
		return 0;
	if (meta_check_token(img, body.local_sig, META_T_STANDALONESIG, &sig_row, err) < 0 ||
	    meta_blob(&img->t, meta_col(&img->t, META_T_STANDALONESIG, sig_row, 0), &p, &len) < 0)
		return mx_err_set(err, "method 0x%08x: bad locals signature 0x%08x", method,
				  body.local_sig);
	struct meta_cur c = meta_cur_make(p, len);
	if (meta_cur_u8(&c, &kind) < 0 || kind != 0x07 || meta_cur_cuint(&c, &count) < 0 ||
	    count > meta_cur_left(&c))
		return mx_err_set(err, "method 0x%08x: malformed locals signature", method);
	struct meta_sig_ctx ctx;
	uint32_t row = META_TOKEN_ROW(method);
	meta_sig_ctx_init(&ctx, img, img->method_owner[row], row);
	char **v = xcalloc(count ? count : 1, sizeof(char *));
	for (uint32_t i = 0; i < count; i++) {
		struct meta_sbuf b;
		meta_sb_init(&b, &ctx.budget);
		int rc = meta_sig_type(&ctx, &c, &b);
		v[i] = meta_sb_take(&b);
		if (rc < 0) {
			meta_free_strings(v, i + 1);
			return mx_err_set(err, "method 0x%08x: malformed locals signature", method);
		}
	}
	*types = v;
	*n = count;
	return 0;
}
