/* utf16.c: UTF-16 <-> UTF-8 for the runtime's strings. */
#include "util/utf16.h"

#include <stdint.h>

#include "util/xalloc.h"

static size_t put_utf8(uint32_t cp, char *out, size_t room)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	if (n > room)
		return 0;
	for (size_t i = 0; i < n; i++)
		out[i] = b[i];
	return n;
}

char *utf16_to_utf8(const char16_t *s, size_t n, char *out, size_t outlen)
{
	size_t o = 0;
	if (!outlen)
		return out;
	for (size_t i = 0; s && i < n && s[i]; i++) {
		uint32_t cp = s[i];
		if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < n && s[i + 1] >= 0xDC00 &&
		    s[i + 1] < 0xE000) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
			i++;
		} else if (cp >= 0xD800 && cp < 0xE000) {
			cp = 0xFFFD;
		}
		size_t w = put_utf8(cp, out + o, outlen - 1 - o);
		if (!w)
			break;
		o += w;
	}
	out[o] = 0;
	return out;
}

size_t utf16_len(const char16_t *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

char16_t *utf8_to_utf16(const char *s)
{
	size_t len = 0;
	while (s[len])
		len++;
	char16_t *out = xmalloc((len * 2 + 1) * sizeof(char16_t)), *o = out;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t cp;
		int extra;
		if (*p < 0x80) {
			cp = *p;
			extra = 0;
		} else if ((*p & 0xE0) == 0xC0) {
			cp = *p & 0x1F;
			extra = 1;
		} else if ((*p & 0xF0) == 0xE0) {
			cp = *p & 0x0F;
			extra = 2;
		} else if ((*p & 0xF8) == 0xF0) {
			cp = *p & 0x07;
			extra = 3;
		} else {
			cp = 0xFFFD;
			extra = 0;
		}
		p++;
		for (int i = 0; i < extra; i++, p++) {
			if ((*p & 0xC0) != 0x80) {
				cp = 0xFFFD;
				break;
			}
			cp = (cp << 6) | (*p & 0x3F);
		}
		if (cp >= 0x10000 && cp <= 0x10FFFF) {
			cp -= 0x10000;
			*o++ = (char16_t)(0xD800 + (cp >> 10));
			*o++ = (char16_t)(0xDC00 + (cp & 0x3FF));
		} else {
			*o++ = (char16_t)(cp > 0x10FFFF ? 0xFFFD : cp);
		}
	}
	*o = 0;
	return out;
}
