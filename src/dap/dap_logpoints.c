/* dap_logpoints.c: logpoints (a breakpoint's logMessage). The message's {EXPR} parts are
 * evaluated in the innermost frame of the thread that hit it, as `print` does (C expressions
 * in native code, names in C#); an expression that fails shows its error in their place.
 * "{{" and "}}" are literal braces. */
#include "dap/dap_conn.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void dap_logpoint_add(struct dap_conn *c, int id, const char *message)
{
	dap_logpoint_forget(c, id);
	xgrow((void **)&c->logpoints, &c->cap_logpoints, c->nlogpoints + 1, sizeof(*c->logpoints));
	c->logpoints[c->nlogpoints].id = id;
	c->logpoints[c->nlogpoints].message = xstrdup(message);
	c->nlogpoints++;
}

void dap_logpoint_forget(struct dap_conn *c, int id)
{
	for (size_t i = 0; i < c->nlogpoints; i++) {
		if (c->logpoints[i].id != id)
			continue;
		free(c->logpoints[i].message);
		c->logpoints[i] = c->logpoints[--c->nlogpoints];
		return;
	}
}

void dap_logpoints_free(struct dap_conn *c)
{
	for (size_t i = 0; i < c->nlogpoints; i++)
		free(c->logpoints[i].message);
	free(c->logpoints);
	c->logpoints = NULL;
	c->nlogpoints = c->cap_logpoints = 0;
}

static void append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	xgrow((void **)buf, cap, *len + n + 2, 1);
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = 0;
}

static char *expand(struct dap_conn *c, const char *msg)
{
	char *out = NULL;
	size_t len = 0, cap = 0;
	append(&out, &len, &cap, "", 0);
	for (const char *p = msg; *p;) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			append(&out, &len, &cap, p, 1);
			p += 2;
			continue;
		}
		const char *close = p[0] == '{' ? strchr(p + 1, '}') : NULL;
		if (!close) {
			append(&out, &len, &cap, p, 1);
			p++;
			continue;
		}
		char expr[512], value[4096];
		size_t n = (size_t)(close - p - 1);
		if (n >= sizeof(expr))
			n = sizeof(expr) - 1;
		memcpy(expr, p + 1, n);
		expr[n] = 0;
		struct mx_err err;
		if (ses_print_var(c->ses, expr, value, sizeof(value), &err) != 0)
			snprintf(value, sizeof(value), "<%s>", err.msg);
		append(&out, &len, &cap, value, strlen(value));
		p = close + 1;
	}
	append(&out, &len, &cap, "\n", 1);
	return out;
}

bool dap_logpoint_hit(struct dap_conn *c, const struct ses_stop *st)
{
	for (size_t i = 0; i < c->nlogpoints; i++) {
		if (c->logpoints[i].id != st->bp_id)
			continue;
		char *text = expand(c, c->logpoints[i].message);
		dap_output(&c->out, "console", text, strlen(text));
		free(text);
		return true;
	}
	return false;
}
