/* err.h: the error value every layer fills for its caller.
 *
 * A function that can fail returns 0 on success or a negative code, and on failure fills a
 * struct mx_err with a message written for the user: what failed, with which input, and why.
 */
#ifndef MX_UTIL_ERR_H
#define MX_UTIL_ERR_H

#include <stddef.h>

struct mx_err {
	char msg[512]; /* user-facing sentence; empty when no error was set */
};

/* Formats the message into e (if non-NULL) and returns -1, so callers can write
 * `return mx_err_set(e, "...")`. */
int mx_err_set(struct mx_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Like mx_err_set but appends ": strerror(errnum)". */
int mx_err_errno(struct mx_err *e, int errnum, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
