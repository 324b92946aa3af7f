/* xalloc.h: allocation that aborts on out-of-memory (a debugger cannot do anything useful
 * without memory, and checking every small allocation would hide the real error paths). */
#ifndef MX_UTIL_XALLOC_H
#define MX_UTIL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows *arr (of *cap elements of elem_size) so that it holds at least need elements. */
void xgrow(void **arr, size_t *cap, size_t need, size_t elem_size);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
