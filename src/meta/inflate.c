/* inflate.c: raw deflate data (embedded PDBs, embedded sources) through zlib. */
#include "meta/internal.h"

#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

#include "util/xalloc.h"

/* Deflate cannot expand data by more than about 1032:1, so a declared size beyond that is a
 * lie, and allocating it would let a small file claim gigabytes. */
#define MAX_RATIO 1032u
#define MAX_OUT	  (1024u * 1024u * 1024u)

int meta_inflate(const uint8_t *src, size_t src_len, size_t out_len, uint8_t **out,
		 const char *what, struct mx_err *err)
{
	if (out_len > MAX_OUT || out_len / MAX_RATIO > src_len || src_len > UINT_MAX)
		return mx_err_set(err,
				  "%s: declared size %zu is impossible for %zu bytes of "
				  "compressed data",
				  what, out_len, src_len);
	uint8_t *buf = xmalloc(out_len + 1);
	z_stream z = {0};
	if (inflateInit2(&z, -15) != Z_OK) {
		free(buf);
		return mx_err_set(err, "%s: cannot start zlib", what);
	}
	z.next_in = (Bytef *)src;
	z.avail_in = (uInt)src_len;
	z.next_out = buf;
	z.avail_out = (uInt)out_len;
	int rc = inflate(&z, Z_FINISH);
	size_t got = z.total_out;
	inflateEnd(&z);
	if (rc != Z_STREAM_END || got != out_len) {
		free(buf);
		if (rc == Z_STREAM_END || rc == Z_BUF_ERROR || rc == Z_OK)
			return mx_err_set(err,
					  "%s: data is truncated or does not inflate to the "
					  "declared %zu bytes",
					  what, out_len);
		return mx_err_set(err, "%s: corrupt deflate data (zlib error %d)", what, rc);
	}
	buf[out_len] = 0;
	*out = buf;
	return 0;
}
