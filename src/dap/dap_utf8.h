/* dap_utf8.h: making text from the program or the debugger safe for JSON strings, which must
 * be UTF-8: invalid bytes become U+FFFD, and a character split across two reads of a pipe is
 * held back until its end arrives. */
#ifndef MX_DAP_DAP_UTF8_H
#define MX_DAP_DAP_UTF8_H

#include <stddef.h>

/* How many bytes at the end of s[0..n) are the start of a UTF-8 sequence still missing bytes
 * (0 to 3): a reader keeps them for the next chunk. */
size_t dap_utf8_incomplete_tail(const char *s, size_t n);
/* s[0..n) with each invalid byte replaced by U+FFFD; malloc'd, NUL-terminated (*outlen
 * excludes the NUL; NUL bytes in s are kept). */
char *dap_utf8_clean(const char *s, size_t n, size_t *outlen);

#endif
