/* dap_msg.c: requests and their arguments (see dap_msg.h). */
#include "dap/dap_msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum dap_parse_result dap_req_parse(const char *body, size_t len, struct dap_req *r, char *why,
				    size_t whylen)
{
	memset(r, 0, sizeof(*r));
	r->seq = -1;
	json_error_t je;
	json_t *root = json_loadb(body, len, 0, &je);
	if (!root) {
		snprintf(why, whylen, "invalid JSON at line %d, column %d: %s", je.line, je.column,
			 je.text);
		return DAP_PARSE_BAD;
	}
	r->root = root;
	if (!json_is_object(root)) {
		snprintf(why, whylen, "a message must be a JSON object, not %s",
			 dap_json_type_name(root));
		return DAP_PARSE_BAD;
	}
	json_t *seq = json_object_get(root, "seq");
	if (json_is_integer(seq) && json_integer_value(seq) >= 0)
		r->seq = json_integer_value(seq);
	json_t *cmd = json_object_get(root, "command");
	if (json_is_string(cmd) && json_string_length(cmd) > 0 &&
	    strlen(json_string_value(cmd)) == json_string_length(cmd))
		r->command = json_string_value(cmd);
	const char *type = json_string_value(json_object_get(root, "type"));
	if (type && strcmp(type, "response") == 0)
		return DAP_PARSE_IGNORE;
	if (!type || strcmp(type, "request") != 0) {
		snprintf(why, whylen, "a message from the client must have \"type\": \"request\"");
		return DAP_PARSE_BAD;
	}
	if (r->seq < 0) {
		snprintf(why, whylen, "a request needs \"seq\", a non-negative integer");
		return DAP_PARSE_BAD;
	}
	if (!r->command) {
		snprintf(why, whylen, "a request needs \"command\", a non-empty string");
		return DAP_PARSE_BAD;
	}
	json_t *args = json_object_get(root, "arguments");
	if (args && !json_is_object(args) && !json_is_null(args)) {
		snprintf(why, whylen, "\"arguments\" must be an object, not %s",
			 dap_json_type_name(args));
		return DAP_PARSE_BAD;
	}
	r->args = json_is_object(args) ? args : NULL;
	return DAP_PARSE_REQUEST;
}

void dap_req_free(struct dap_req *r)
{
	json_decref(r->root);
	memset(r, 0, sizeof(*r));
	r->seq = -1;
}

const char *dap_json_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a number with a fraction";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
		return "null";
	}
	return "something else";
}

void dap_arg_fail(struct dap_req *r, const char *fmt, ...)
{
	if (r->bad)
		return;
	r->bad = true;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->err, sizeof(r->err), fmt, ap);
	va_end(ap);
}

/* The value of key, or NULL when absent (a JSON null counts as absent). */
static json_t *get(struct dap_req *r, json_t *obj, const char *key, bool required)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
	if (json_is_null(v))
		v = NULL;
	if (!v && required)
		dap_arg_fail(r, "missing argument '%s'", key);
	return v;
}

static void wrong(struct dap_req *r, const char *key, const char *want, const json_t *v)
{
	dap_arg_fail(r, "argument '%s' must be %s, not %s", key, want, dap_json_type_name(v));
}

const char *dap_arg_str(struct dap_req *r, json_t *obj, const char *key, bool required)
{
	json_t *v = get(r, obj, key, required);
	if (!v)
		return NULL;
	if (!json_is_string(v)) {
		wrong(r, key, "a string", v);
		return NULL;
	}
	if (strlen(json_string_value(v)) != json_string_length(v)) {
		dap_arg_fail(r, "argument '%s' must not hold a NUL character", key);
		return NULL;
	}
	return json_string_value(v);
}

bool dap_arg_int(struct dap_req *r, json_t *obj, const char *key, bool required, json_int_t *out)
{
	json_t *v = get(r, obj, key, required);
	if (!v)
		return false;
	if (!json_is_integer(v)) {
		wrong(r, key, "an integer", v);
		return false;
	}
	*out = json_integer_value(v);
	return true;
}

bool dap_arg_bool(struct dap_req *r, json_t *obj, const char *key, bool def)
{
	json_t *v = get(r, obj, key, false);
	if (!v)
		return def;
	if (!json_is_boolean(v)) {
		wrong(r, key, "true or false", v);
		return def;
	}
	return json_is_true(v);
}

json_t *dap_arg_array(struct dap_req *r, json_t *obj, const char *key, bool required)
{
	json_t *v = get(r, obj, key, required);
	if (v && !json_is_array(v)) {
		wrong(r, key, "an array", v);
		return NULL;
	}
	return v;
}

json_t *dap_arg_object(struct dap_req *r, json_t *obj, const char *key, bool required)
{
	json_t *v = get(r, obj, key, required);
	if (v && !json_is_object(v)) {
		wrong(r, key, "an object", v);
		return NULL;
	}
	return v;
}
