/* dap_utf8.c: UTF-8 checking for JSON text (see dap_utf8.h). Well-formed means RFC 3629:
 * shortest forms only, no surrogates, nothing above U+10FFFF. */
#include "dap/dap_utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "util/xalloc.h"

/* Length of the sequence a lead byte starts (0: not a lead byte). */
static size_t seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

/* Whether the k-th byte (k >= 1) after lead c may follow it. */
static bool cont_ok(unsigned char c, size_t k, unsigned char b)
{
	if ((b & 0xc0) != 0x80)
		return false;
	if (k != 1)
		return true;
	/* the second byte's range excludes overlong forms, surrogates and > U+10FFFF */
	if (c == 0xe0)
		return b >= 0xa0;
	if (c == 0xed)
		return b <= 0x9f;
	if (c == 0xf0)
		return b >= 0x90;
	if (c == 0xf4)
		return b <= 0x8f;
	return true;
}

/* Length of the valid sequence at s (n bytes available): 0 if invalid, or -(needed) through
 * *short_by when it is valid so far but cut off. */
static size_t valid_at(const unsigned char *s, size_t n, size_t *short_by)
{
	*short_by = 0;
	size_t len = seq_len(s[0]);
	if (!len)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if (k >= n) {
			*short_by = len - k;
			return 0;
		}
		if (!cont_ok(s[0], k, s[k]))
			return 0;
	}
	return len;
}

size_t dap_utf8_incomplete_tail(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	/* a cut sequence starts within the last 3 bytes */
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		size_t at = n - back, short_by;
		if (seq_len(s[at]) > 1) {
			valid_at(s + at, back, &short_by);
			return short_by ? back : 0;
		}
		if ((s[at] & 0xc0) != 0x80)
			return 0; /* an ASCII byte or an invalid one: nothing cut */
	}
	return 0;
}

char *dap_utf8_clean(const char *str, size_t n, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)str;
	/* each invalid byte grows to 3 at most */
	char *out = xmalloc(n * 3 + 1);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		size_t short_by;
		size_t len = valid_at(s + i, n - i, &short_by);
		if (len) {
			memcpy(out + k, s + i, len);
			k += len;
			i += len;
		} else {
			memcpy(out + k, "\xef\xbf\xbd", 3);
			k += 3;
			i++;
		}
	}
	out[k] = 0;
	*outlen = k;
	return out;
}
