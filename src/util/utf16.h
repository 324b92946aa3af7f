/* utf16.h: the runtime's strings are UTF-16 (PAL WCHAR is a 16-bit unit, not wchar_t). */
#ifndef MX_UTIL_UTF16_H
#define MX_UTIL_UTF16_H

#include <stddef.h>
#include <uchar.h>

/* Converts at most n units of s (stopping at a NUL unit) to UTF-8 in out (always
 * NUL-terminated, truncated to outlen). Unpaired surrogates become U+FFFD. Returns out. */
char *utf16_to_utf8(const char16_t *s, size_t n, char *out, size_t outlen);
/* A NUL-terminated UTF-16 copy of a UTF-8 string (invalid bytes become U+FFFD); free() it. */
char16_t *utf8_to_utf16(const char *s);
/* Length of a NUL-terminated UTF-16 string, in units. */
size_t utf16_len(const char16_t *s);

#endif
