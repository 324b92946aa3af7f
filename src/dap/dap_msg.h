/* dap_msg.h: one client message as a request: its JSON parsed and checked for the fields every
 * request has (seq, type, command, arguments), and typed access to its arguments that records
 * the first wrong type or missing field as a sentence for the error response.
 *
 * Pure: no I/O, no session; fuzzed by fuzz/fuzz_dap.c.
 */
#ifndef MX_DAP_DAP_MSG_H
#define MX_DAP_DAP_MSG_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

struct dap_req {
	json_t *root;	     /* the whole message, owned */
	json_int_t seq;	     /* -1 when the message had no usable seq */
	const char *command; /* NULL when the message had no usable command */
	json_t *args;	     /* "arguments" (an object), or NULL when absent */
	bool bad;	     /* an argument was missing or of the wrong type: err says which */
	char err[300];
};

enum dap_parse_result {
	DAP_PARSE_REQUEST = 0, /* a request: r filled */
	DAP_PARSE_IGNORE = 1,  /* a response from the client (to no request of ours): drop it */
	DAP_PARSE_BAD = -1,    /* why says what is wrong; r->seq and r->command as far as known */
};

enum dap_parse_result dap_req_parse(const char *body, size_t len, struct dap_req *r, char *why,
				    size_t whylen);
void dap_req_free(struct dap_req *r);

/* Argument access. obj is an object of the arguments (NULL: none, so every key is absent). A
 * key that is absent gives the default (and, when required, marks the request bad); one of the
 * wrong type marks it bad. Only the first problem is recorded. */
const char *dap_arg_str(struct dap_req *r, json_t *obj, const char *key, bool required);
bool dap_arg_int(struct dap_req *r, json_t *obj, const char *key, bool required, json_int_t *out);
bool dap_arg_bool(struct dap_req *r, json_t *obj, const char *key, bool def);
json_t *dap_arg_array(struct dap_req *r, json_t *obj, const char *key, bool required);
json_t *dap_arg_object(struct dap_req *r, json_t *obj, const char *key, bool required);
/* Marks the request bad with a message (if none yet). */
void dap_arg_fail(struct dap_req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "a string", "an integer"...: the JSON type of v, for messages. */
const char *dap_json_type_name(const json_t *v);

#endif
