/* str.h: bounded string copies (a truncated name beats an overflow). */
#ifndef MX_UTIL_STR_H
#define MX_UTIL_STR_H

#include <stddef.h>

/* Copies src into dst (size bytes), truncating, always NUL-terminated when size > 0.
 * Returns strlen(src). */
size_t mx_strlcpy(char *dst, const char *src, size_t size);

#endif
