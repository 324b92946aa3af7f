/* dap_out.c: framing and writing messages to the client (see dap_out.h). */
#include "dap/dap_out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dap/dap_utf8.h"

void dap_out_init(struct dap_out *o, int fd)
{
	memset(o, 0, sizeof(*o));
	o->fd = fd;
	pthread_mutex_init(&o->mu, NULL);
}

void dap_out_destroy(struct dap_out *o)
{
	pthread_mutex_destroy(&o->mu);
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

void dap_send(struct dap_out *o, json_t *msg)
{
	if (!msg)
		return;
	pthread_mutex_lock(&o->mu);
	json_object_set_new(msg, "seq", json_integer(++o->seq));
	char *text = json_dumps(msg, JSON_COMPACT);
	if (text && !o->broken) {
		size_t n = strlen(text);
		char head[64];
		int hn = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", n);
		if (!write_all(o->fd, head, (size_t)hn) || !write_all(o->fd, text, n))
			o->broken = true;
	}
	pthread_mutex_unlock(&o->mu);
	free(text);
	json_decref(msg);
}

json_t *dap_jstr(const char *s)
{
	if (!s)
		s = "";
	json_t *v = json_string(s);
	if (v)
		return v;
	size_t n;
	char *clean = dap_utf8_clean(s, strlen(s), &n);
	v = json_stringn(clean, n);
	free(clean);
	return v ? v : json_string("");
}

static json_t *response(json_int_t seq, const char *command, bool success)
{
	json_t *m = json_object();
	json_object_set_new(m, "type", json_string("response"));
	json_object_set_new(m, "request_seq", json_integer(seq));
	json_object_set_new(m, "success", json_boolean(success));
	json_object_set_new(m, "command", dap_jstr(command ? command : ""));
	return m;
}

void dap_respond(struct dap_out *o, const struct dap_req *r, json_t *body)
{
	json_t *m = response(r->seq, r->command, true);
	if (body)
		json_object_set_new(m, "body", body);
	dap_send(o, m);
}

void dap_respond_error(struct dap_out *o, json_int_t seq, const char *command, enum dap_error_id id,
		       const char *fmt, ...)
{
	char text[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	json_t *m = response(seq, command, false);
	json_object_set_new(m, "message", dap_jstr(text));
	json_t *err = json_object();
	json_object_set_new(err, "id", json_integer(id));
	json_object_set_new(err, "format", dap_jstr(text));
	json_object_set_new(err, "showUser", json_true());
	json_t *body = json_object();
	json_object_set_new(body, "error", err);
	json_object_set_new(m, "body", body);
	dap_send(o, m);
}

void dap_event(struct dap_out *o, const char *event, json_t *body)
{
	json_t *m = json_object();
	json_object_set_new(m, "type", json_string("event"));
	json_object_set_new(m, "event", json_string(event));
	if (body)
		json_object_set_new(m, "body", body);
	dap_send(o, m);
}

void dap_output(struct dap_out *o, const char *category, const char *text, size_t len)
{
	size_t n;
	char *clean = dap_utf8_clean(text, len, &n);
	json_t *body = json_object();
	json_object_set_new(body, "category", json_string(category));
	json_t *s = json_stringn(clean, n);
	json_object_set_new(body, "output", s ? s : json_string(""));
	free(clean);
	dap_event(o, "output", body);
}

void dap_console(struct dap_out *o, const char *fmt, ...)
{
	char text[2048];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(text, sizeof(text) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	size_t len = strlen(text);
	if (!len || text[len - 1] != '\n')
		text[len++] = '\n', text[len] = 0;
	dap_output(o, "console", text, len);
}
