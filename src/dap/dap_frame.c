/* dap_frame.c: Content-Length framing (see dap_frame.h). */
#include "dap/dap_frame.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/xalloc.h"

static const char content_length[] = "Content-Length:";
#define CL_LEN (sizeof(content_length) - 1)

void dap_frame_init(struct dap_frame *f)
{
	memset(f, 0, sizeof(*f));
}

void dap_frame_free(struct dap_frame *f)
{
	free(f->buf);
	memset(f, 0, sizeof(*f));
}

void dap_frame_feed(struct dap_frame *f, const void *data, size_t n)
{
	if (!n)
		return;
	if (f->off && f->off == f->len) {
		f->off = f->len = 0;
	} else if (f->off > 4096 && f->off > f->len / 2) {
		/* compact: what was consumed is more than what is left */
		memmove(f->buf, f->buf + f->off, f->len - f->off);
		f->len -= f->off;
		f->off = 0;
	}
	xgrow((void **)&f->buf, &f->cap, f->len + n + 1, 1);
	memcpy(f->buf + f->len, data, n);
	f->len += n;
}

static void consume(struct dap_frame *f, size_t n)
{
	f->off += n;
	if (f->off >= f->len)
		f->off = f->len = 0;
}

/* Skips to the next "Content-Length:" at or after offset `from` of what is held; without one,
 * keeps only a tail that could be the start of one. */
static void resync(struct dap_frame *f, size_t from)
{
	const char *p = f->buf + f->off;
	size_t n = f->len - f->off;
	for (size_t i = from; i + CL_LEN <= n; i++) {
		if (strncasecmp(p + i, content_length, CL_LEN) == 0) {
			consume(f, i);
			return;
		}
	}
	size_t keep = CL_LEN - 1 < n ? CL_LEN - 1 : n;
	for (; keep > 0; keep--)
		if (n - keep >= from && strncasecmp(p + n - keep, content_length, keep) == 0)
			break;
	consume(f, n - keep);
}

static bool is_token_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_';
}

static enum dap_frame_result bad(struct dap_frame *f, char *why, size_t whylen, const char *fmt,
				 const char *detail)
{
	snprintf(why, whylen, fmt, detail);
	resync(f, 1);
	return DAP_FRAME_BAD;
}

/* A short, printable excerpt of a header line for messages. */
static void excerpt(const char *s, size_t n, char *out, size_t outlen)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 5 < outlen && i < 40; i++) {
		unsigned char c = (unsigned char)s[i];
		out[k++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	if (n > 40 && k + 4 < outlen) {
		memcpy(out + k, "...", 3);
		k += 3;
	}
	out[k] = 0;
}

enum dap_frame_result dap_frame_next(struct dap_frame *f, char **body, size_t *len, char *why,
				     size_t whylen)
{
	*body = NULL;
	*len = 0;
	if (!f->buf)
		return DAP_FRAME_NONE; /* nothing fed yet */
	/* stray line ends between messages are harmless */
	while (f->off < f->len && (f->buf[f->off] == '\r' || f->buf[f->off] == '\n'))
		consume(f, 1);
	const char *p = f->buf + f->off;
	size_t n = f->len - f->off;
	if (!n)
		return DAP_FRAME_NONE;
	char ex[64];
	/* The first line must start with a header name: catch a client that sends bare JSON
	 * (or anything else) at once instead of waiting for a blank line that never comes. */
	size_t k = 0;
	while (k < n && is_token_char(p[k]))
		k++;
	if (k < n && (p[k] != ':' || k == 0)) {
		excerpt(p, n, ex, sizeof(ex));
		return bad(f, why, whylen, "expected a 'Content-Length: N' header, got '%s'", ex);
	}
	bool have_length = false;
	unsigned long long length = 0;
	size_t start = 0, body_at = 0;
	for (;;) {
		const char *nl = memchr(p + start, '\n', n - start);
		if (!nl) {
			if (n > DAP_FRAME_MAX_HEADER)
				return bad(f, why, whylen, "%s",
					   "message header longer than 8192 bytes without an end");
			return DAP_FRAME_NONE;
		}
		size_t end = (size_t)(nl - p), line_len = end - start;
		if (line_len && p[start + line_len - 1] == '\r')
			line_len--;
		if (line_len == 0) {
			body_at = end + 1;
			break;
		}
		const char *line = p + start;
		const char *colon = memchr(line, ':', line_len);
		if (!colon || colon == line) {
			excerpt(line, line_len, ex, sizeof(ex));
			return bad(f, why, whylen, "malformed message header line '%s'", ex);
		}
		size_t name_len = (size_t)(colon - line);
		if (name_len == CL_LEN - 1 && strncasecmp(line, content_length, name_len) == 0) {
			const char *v = colon + 1, *e = line + line_len;
			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
			unsigned long long val = 0;
			bool ok = v < e && e - v <= 12;
			for (const char *q = v; ok && q < e; q++) {
				ok = isdigit((unsigned char)*q);
				val = val * 10 + (unsigned long long)(*q - '0');
			}
			if (!ok) {
				excerpt(v, (size_t)(e - v), ex, sizeof(ex));
				return bad(f, why, whylen,
					   "bad Content-Length '%s' (expected a byte count)", ex);
			}
			if (val > DAP_FRAME_MAX_BODY) {
				excerpt(v, (size_t)(e - v), ex, sizeof(ex));
				return bad(f, why, whylen,
					   "Content-Length %s is over the limit of 16 MiB", ex);
			}
			if (have_length && val != length)
				return bad(f, why, whylen, "%s",
					   "two different Content-Length headers");
			have_length = true;
			length = val;
		}
		start = end + 1;
		if (start > DAP_FRAME_MAX_HEADER)
			return bad(f, why, whylen, "%s", "message header longer than 8192 bytes");
	}
	if (!have_length)
		return bad(f, why, whylen, "%s", "message header without Content-Length");
	if (n - body_at < length)
		return DAP_FRAME_NONE;
	char *b = xmalloc((size_t)length + 1);
	memcpy(b, p + body_at, (size_t)length);
	b[length] = 0;
	consume(f, body_at + (size_t)length);
	*body = b;
	*len = (size_t)length;
	return DAP_FRAME_MSG;
}
