/* dap_frame.h: the Debug Adapter Protocol's base framing. A message is a header block (lines
 * "Name: value" ended by CRLF, one of them Content-Length, then an empty line) followed by
 * exactly Content-Length bytes of JSON.
 *
 * The reader only cuts messages out of the bytes it is fed; it never reads a descriptor. A
 * header it cannot use is reported once and skipped: the reader then looks for the next
 * "Content-Length:" in what it holds, so one broken message does not end the session.
 */
#ifndef MX_DAP_DAP_FRAME_H
#define MX_DAP_DAP_FRAME_H

#include <stddef.h>

#define DAP_FRAME_MAX_BODY   (16u << 20) /* larger messages are refused */
#define DAP_FRAME_MAX_HEADER 8192u	 /* a header block longer than this is refused */

struct dap_frame {
	char *buf;
	size_t off; /* bytes of buf already consumed */
	size_t len; /* bytes of buf filled */
	size_t cap;
};

enum dap_frame_result {
	DAP_FRAME_NONE = 0, /* no whole message yet: feed more */
	DAP_FRAME_MSG = 1,  /* a message body was cut out */
	DAP_FRAME_BAD = -1, /* an unusable header was skipped; why says what it was */
};

void dap_frame_init(struct dap_frame *f);
void dap_frame_free(struct dap_frame *f);
void dap_frame_feed(struct dap_frame *f, const void *data, size_t n);
/* The next message: DAP_FRAME_MSG with *body (malloc'd, NUL-terminated, the caller's to free)
 * and *len; DAP_FRAME_NONE; or DAP_FRAME_BAD with a sentence in why. */
enum dap_frame_result dap_frame_next(struct dap_frame *f, char **body, size_t *len, char *why,
				     size_t whylen);

#endif
