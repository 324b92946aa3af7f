/* dap_out.h: everything the adapter sends: responses and events, each framed and written
 * whole under one mutex (the main thread, the request reader and the program's output reader
 * all send), with one sequence of seq numbers. */
#ifndef MX_DAP_DAP_OUT_H
#define MX_DAP_DAP_OUT_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>

#include "dap/dap_msg.h"

struct dap_out {
	int fd;
	pthread_mutex_t mu;
	json_int_t seq;
	bool broken; /* a write failed: the client is gone */
};

/* Error ids in error responses' body.error.id. */
enum dap_error_id {
	DAP_ERR_MALFORMED = 1001,   /* the request or its arguments are not as the protocol says */
	DAP_ERR_UNSUPPORTED = 1002, /* a command or a form of one we do not implement */
	DAP_ERR_STATE = 1003,	    /* not possible now (no program, or it is running) */
	DAP_ERR_DEBUGGER = 1004,    /* the debugger tried and failed; the message says why */
};

void dap_out_init(struct dap_out *o, int fd);
void dap_out_destroy(struct dap_out *o);
/* Sends msg (stolen) with the next seq. */
void dap_send(struct dap_out *o, json_t *msg);
/* A success response to r with body (stolen; NULL: none). */
void dap_respond(struct dap_out *o, const struct dap_req *r, json_t *body);
/* An error response to request seq (command may be NULL). */
void dap_respond_error(struct dap_out *o, json_int_t seq, const char *command, enum dap_error_id id,
		       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void dap_event(struct dap_out *o, const char *event, json_t *body);
/* An output event: category "console", "stdout", "stderr" or "important"; text as it comes
 * (made valid UTF-8 here). */
void dap_output(struct dap_out *o, const char *category, const char *text, size_t len);
void dap_console(struct dap_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A JSON string of s, valid UTF-8 whatever s holds. */
json_t *dap_jstr(const char *s);

#endif
