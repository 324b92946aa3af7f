/* bplog.c: what a breakpoint does at a hit besides stopping: hit conditions ("== 5", "% 3")
 * that pick which hits count, and logging breakpoints (logpoints, gdb's dprintf) that print a
 * line and let the program go on.
 *
 * Both are decided in the session at the hit, before it is reported: a hit that is not
 * wanted, or that only logs, is passed over like one whose condition is false, so a `next`
 * or `finish` under way goes on to its end (step.c waits for its own breakpoint meanwhile).
 */
#include "session/meval.h"
#include "session/ses_internal.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* ---- hit conditions ---- */

static const struct {
	const char *text;
	enum ses_hit_op op;
} hit_ops[] = {
    /* longest first */
    {"===", SES_HIT_EQ}, {"==", SES_HIT_EQ}, {">=", SES_HIT_GE}, {"<=", SES_HIT_LE},
    {"=", SES_HIT_EQ},	 {">", SES_HIT_GT},  {"<", SES_HIT_LT},	 {"%", SES_HIT_MOD},
};

int ses_hit_condition_parse(const char *text, enum ses_hit_op *op, uint64_t *n, struct mx_err *err)
{
	const char *p = text ? text : "";
	while (isspace((unsigned char)*p))
		p++;
	*op = SES_HIT_GE; /* a bare number: from the Nth hit on */
	bool has_op = false;
	for (size_t i = 0; i < sizeof(hit_ops) / sizeof(hit_ops[0]) && !has_op; i++) {
		size_t len = strlen(hit_ops[i].text);
		if (strncmp(p, hit_ops[i].text, len) == 0) {
			*op = hit_ops[i].op;
			p += len;
			has_op = true;
		}
	}
	while (isspace((unsigned char)*p))
		p++;
	if (has_op && *p && !isdigit((unsigned char)*p))
		return mx_err_set(err, "hit condition '%s': '%s' is not a count", text, p);
	if (!isdigit((unsigned char)*p))
		return mx_err_set(err,
				  "hit condition '%s' is not understood: expected a count N, or "
				  "== N, >= N, > N, <= N, < N, %% N",
				  text ? text : "");
	char *end;
	errno = 0;
	unsigned long long v = strtoull(p, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (errno || *end)
		return mx_err_set(err, "hit condition '%s': '%s' is not a count", text, p);
	if (*op == SES_HIT_MOD && v == 0)
		return mx_err_set(err, "hit condition '%s': %% 0 would divide by zero", text);
	*n = v;
	return 0;
}

int ses_break_hit_condition(struct ses *s, int id, enum ses_hit_op op, uint64_t n,
			    struct mx_err *err)
{
	struct ses_bp *bp = ses_bp_find(s, id);
	if (!bp)
		return mx_err_set(err, "No breakpoint number %d.", id);
	if (op == SES_HIT_MOD && n == 0)
		return mx_err_set(err, "a hit condition %% 0 would divide by zero");
	bp->hit_op = op;
	bp->hit_n = n;
	return 0;
}

void ses_hit_condition_text(const struct ses_bp *bp, char *buf, size_t len)
{
	static const char *const names[] = {"", "==", ">=", ">", "<=", "<", "%"};
	if (bp->hit_op == SES_HIT_ANY)
		snprintf(buf, len, "%s", "");
	else
		snprintf(buf, len, "%s %" PRIu64, names[bp->hit_op], bp->hit_n);
}

bool ses_bp_hit_wanted(const struct ses_bp *bp, uint64_t hits)
{
	uint64_t n = bp->hit_n;
	switch (bp->hit_op) {
	case SES_HIT_ANY:
		return true;
	case SES_HIT_EQ:
		return hits == n;
	case SES_HIT_GE:
		return hits >= n;
	case SES_HIT_GT:
		return hits > n;
	case SES_HIT_LE:
		return hits <= n;
	case SES_HIT_LT:
		return hits < n;
	case SES_HIT_MOD:
		return n && hits % n == 0;
	}
	return true;
}

/* ---- dprintf's "FORMAT",ARGS ---- */

static void free_args(char **args, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(args[i]);
	free(args);
}

/* Reads a C string literal at *p (escapes decoded) into an allocated string. */
static char *string_literal(const char **pp, struct mx_err *err)
{
	const char *p = *pp;
	size_t cap = strlen(p) + 1, n = 0;
	char *out = xmalloc(cap);
	for (p++; *p && *p != '"'; p++) {
		char c = *p;
		if (c == '\\') {
			static const char from[] = "ntr\\\"'0ae", to[] = "\n\t\r\\\"'\0\a\033";
			const char *k = p[1] ? strchr(from, p[1]) : NULL;
			if (!k) {
				free(out);
				mx_err_set(err, "dprintf: unknown escape '\\%c' in the format",
					   p[1] ? p[1] : ' ');
				return NULL;
			}
			c = to[k - from];
			p++;
		}
		out[n++] = c;
	}
	if (*p != '"') {
		free(out);
		mx_err_set(err, "dprintf: the format string has no closing quote");
		return NULL;
	}
	out[n] = 0;
	*pp = p + 1;
	return out;
}

/* Splits "a, f(b, c), d[1]" at its top-level commas. */
static int split_args(const char *p, char ***out, size_t *nout, struct mx_err *err)
{
	char **args = NULL;
	size_t n = 0, cap = 0;
	bool more = true; /* at the start, or after a comma: an argument must follow */
	while (more) {
		more = false;
		while (isspace((unsigned char)*p))
			p++;
		const char *start = p;
		int depth = 0;
		char quote = 0;
		for (; *p; p++) {
			if (quote) {
				if (*p == '\\' && p[1])
					p++;
				else if (*p == quote)
					quote = 0;
			} else if (*p == '"' || *p == '\'') {
				quote = *p;
			} else if (*p == '(' || *p == '[') {
				depth++;
			} else if (*p == ')' || *p == ']') {
				depth--;
			} else if (*p == ',' && depth == 0) {
				break;
			}
		}
		const char *end = p;
		while (end > start && isspace((unsigned char)end[-1]))
			end--;
		if (end == start) {
			free_args(args, n);
			return mx_err_set(err, "dprintf: an argument is empty (two commas, or a "
					       "comma at the end)");
		}
		xgrow((void **)&args, &cap, n + 1, sizeof(*args));
		args[n++] = xstrndup(start, (size_t)(end - start));
		if (*p == ',') {
			p++;
			more = true;
		}
	}
	*out = args;
	*nout = n;
	return 0;
}

/* One conversion of a format at p ('%' there): its length in *len, its conversion letter
 * returned (0: not one dprintf takes). */
static char conversion(const char *p, size_t *len)
{
	size_t i = 1;
	while (p[i] && strchr("-+ #0", p[i]))
		i++;
	while (isdigit((unsigned char)p[i]))
		i++;
	if (p[i] == '.') {
		i++;
		while (isdigit((unsigned char)p[i]))
			i++;
	}
	while (p[i] && strchr("hlzjLt", p[i]))
		i++;
	*len = i + 1;
	return p[i] && strchr("diuxXocspfFgGeEaA%", p[i]) ? p[i] : 0;
}

static int check_format(const char *fmt, size_t nargs, struct mx_err *err)
{
	size_t wanted = 0, len;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		char c = conversion(p, &len);
		if (!c)
			return mx_err_set(err,
					  "dprintf: unsupported conversion '%.*s' in the format",
					  (int)(len > 8 ? 8 : len), p);
		if (c != '%')
			wanted++;
		p += len - 1;
	}
	if (wanted != nargs)
		return mx_err_set(err, "dprintf: the format takes %zu argument%s but %zu %s given",
				  wanted, wanted == 1 ? "" : "s", nargs, nargs == 1 ? "is" : "are");
	return 0;
}

static int parse_printf(struct ses_bp *bp, const char *text, struct mx_err *err)
{
	const char *p = text;
	while (isspace((unsigned char)*p))
		p++;
	if (*p != '"')
		return mx_err_set(err, "dprintf: a format string in double quotes is required: "
				       "dprintf LOCATION,\"FORMAT\",ARG,...");
	char *fmt = string_literal(&p, err);
	if (!fmt)
		return -1;
	while (isspace((unsigned char)*p))
		p++;
	char **args = NULL;
	size_t nargs = 0;
	if (*p && *p != ',') {
		free(fmt);
		return mx_err_set(err, "dprintf: expected a comma after the format, not '%s'", p);
	}
	if (*p == ',' && split_args(p + 1, &args, &nargs, err) != 0) {
		free(fmt);
		return -1;
	}
	if (check_format(fmt, nargs, err) != 0) {
		free(fmt);
		free_args(args, nargs);
		return -1;
	}
	bp->log_format = fmt;
	bp->log_args = args;
	bp->nlog_args = nargs;
	return 0;
}

void ses_bp_log_free(struct ses_bp *bp)
{
	free(bp->log_text);
	free(bp->log_format);
	free_args(bp->log_args, bp->nlog_args);
	bp->log_text = bp->log_format = NULL;
	bp->log_args = NULL;
	bp->nlog_args = 0;
	bp->log_kind = SES_LOG_NONE;
}

int ses_break_log(struct ses *s, int id, enum ses_bp_log kind, const char *text, struct mx_err *err)
{
	struct ses_bp *bp = ses_bp_find(s, id);
	if (!bp)
		return mx_err_set(err, "No breakpoint number %d.", id);
	struct ses_bp parsed = {0};
	if (kind == SES_LOG_PRINTF && parse_printf(&parsed, text ? text : "", err) != 0)
		return -1;
	ses_bp_log_free(bp);
	if (kind == SES_LOG_NONE)
		return 0;
	bp->log_kind = kind;
	bp->log_text = xstrdup(text ? text : "");
	bp->log_format = parsed.log_format;
	bp->log_args = parsed.log_args;
	bp->nlog_args = parsed.nlog_args;
	return 0;
}

/* ---- at a hit ---- */

struct text {
	char *buf;
	size_t len, cap;
};

static void put(struct text *t, const char *s, size_t n)
{
	xgrow((void **)&t->buf, &t->cap, t->len + n + 1, 1);
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = 0;
}

static void put_str(struct text *t, const char *s)
{
	put(t, s, strlen(s));
}

/* expr's value as print shows it, or its error in <>. */
static void put_value(struct ses *s, struct text *t, const char *expr, pid_t tid, bool managed)
{
	char value[4096];
	struct mx_err err = {0};
	int rc;
	if (managed) {
		/* in the runtime's callback: values only, as a C# condition (managed.c) */
		struct meval_opts o = {
		    .leaf = true, .tid = tid, .no_calls = true, .no_calls_who = "a logpoint"};
		rc = ses_meval_print(s, expr, &o, value, sizeof(value), &err);
	} else {
		rc = ses_print_here(s, tid, expr, value, sizeof(value), &err);
	}
	if (rc != 0)
		snprintf(value, sizeof(value), "<%s>", err.msg);
	put_str(t, value);
}

static void expand_message(struct ses *s, struct text *t, const char *msg, pid_t tid, bool managed)
{
	for (const char *p = msg; *p;) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			put(t, p, 1);
			p += 2;
			continue;
		}
		const char *close = p[0] == '{' ? strchr(p + 1, '}') : NULL;
		if (!close) {
			put(t, p, 1);
			p++;
			continue;
		}
		char *expr = xstrndup(p + 1, (size_t)(close - p - 1));
		put_value(s, t, expr, tid, managed);
		free(expr);
		p = close + 1;
	}
}

/* A C string in the program's memory (up to max bytes). */
static void put_c_string(struct ses *s, struct text *t, uint64_t addr, size_t max)
{
	char chunk[64];
	for (size_t done = 0; done < max; done += sizeof(chunk)) {
		size_t n = sizeof(chunk);
		if (ses_read_memory(s, addr + done, chunk, n, NULL) != 0) {
			/* the string may end just before an unmapped page: byte by byte */
			for (n = 0; n < sizeof(chunk); n++)
				if (ses_read_memory(s, addr + done + n, &chunk[n], 1, NULL) != 0)
					break;
			if (!n && !done) {
				char bad[64];
				snprintf(bad, sizeof(bad),
					 "<error: cannot read memory at 0x%" PRIx64 ">", addr);
				put_str(t, bad);
				return;
			}
		}
		size_t k = strnlen(chunk, n);
		put(t, chunk, k);
		if (k < sizeof(chunk))
			return;
	}
}

/* One conversion spec (flags, width, precision, length, letter) applied to an argument. */
static void put_converted(struct ses *s, struct text *t, const char *spec, size_t speclen,
			  const char *expr, pid_t tid)
{
	char conv = spec[speclen - 1];
	/* the spec without its length modifiers: the value is passed at full width below */
	char base[64];
	size_t b = 0, lmods = 0;
	for (size_t i = 0; i + 1 < speclen && b < sizeof(base) - 4; i++) {
		if (strchr("hlzjLt", spec[i]))
			lmods += spec[i] == 'h' ? 10 : 1; /* h, hh count apart from l, ll */
		else
			base[b++] = spec[i];
	}
	uint64_t u = 0;
	double d = 0;
	bool is_float = false;
	struct mx_err err = {0};
	if (ses_scalar_here(s, tid, expr, &u, &d, &is_float, &err) != 0) {
		char bad[700];
		snprintf(bad, sizeof(bad), "<%s>", err.msg);
		put_str(t, bad);
		return;
	}
	char out[512];
	out[0] = 0;
	switch (conv) {
	case 'd':
	case 'i': {
		int64_t v = is_float ? (int64_t)d : (int64_t)u;
		if (lmods == 20)
			v = (signed char)v;
		else if (lmods == 10)
			v = (short)v;
		else if (lmods == 0)
			v = (int)v;
		memcpy(base + b, "ll", 2);
		base[b + 2] = conv;
		base[b + 3] = 0;
		snprintf(out, sizeof(out), base, (long long)v);
		break;
	}
	case 'u':
	case 'x':
	case 'X':
	case 'o': {
		uint64_t v = is_float ? (uint64_t)d : u;
		if (lmods == 20)
			v = (unsigned char)v;
		else if (lmods == 10)
			v = (unsigned short)v;
		else if (lmods == 0)
			v = (unsigned)v;
		memcpy(base + b, "ll", 2);
		base[b + 2] = conv;
		base[b + 3] = 0;
		snprintf(out, sizeof(out), base, (unsigned long long)v);
		break;
	}
	case 'c':
		base[b] = 'c';
		base[b + 1] = 0;
		snprintf(out, sizeof(out), base, (int)(unsigned char)u);
		break;
	case 'p':
		snprintf(out, sizeof(out), "0x%" PRIx64, u);
		break;
	case 's':
		if (is_float)
			snprintf(out, sizeof(out), "<%s is not a pointer to a string>", expr);
		else if (!u)
			snprintf(out, sizeof(out), "(null)");
		else
			put_c_string(s, t, u, 4096);
		break;
	default: /* f F g G e E a A */
		base[b] = conv;
		base[b + 1] = 0;
		snprintf(out, sizeof(out), base, is_float ? d : (double)(int64_t)u);
		break;
	}
	put_str(t, out);
}

static void expand_printf(struct ses *s, struct text *t, const struct ses_bp *bp, pid_t tid,
			  bool managed)
{
	size_t arg = 0, len;
	for (const char *p = bp->log_format; *p; p++) {
		if (*p != '%') {
			put(t, p, 1);
			continue;
		}
		char c = conversion(p, &len);
		if (c == '%') {
			put(t, "%", 1);
		} else if (arg < bp->nlog_args) {
			/* C# has no printf: at a managed hit each argument shows as print would */
			if (managed)
				put_value(s, t, bp->log_args[arg], tid, true);
			else
				put_converted(s, t, p, len, bp->log_args[arg], tid);
			arg++;
		}
		p += len - 1;
	}
	/* one line per hit: the note has no newline of its own */
	if (t->len && t->buf[t->len - 1] == '\n')
		t->buf[--t->len] = 0;
}

void ses_bp_log_hit(struct ses *s, struct ses_bp *bp, pid_t tid, bool managed)
{
	struct text t = {0};
	put(&t, "", 0);
	if (bp->log_kind == SES_LOG_PRINTF)
		expand_printf(s, &t, bp, tid, managed);
	else
		expand_message(s, &t, bp->log_text, tid, managed);
	struct ses_note n = {.kind = SES_NOTE_LOG, .bp_id = bp->id, .text = t.buf, .tid = tid};
	struct ses_thread *th = ses_thread_find(s, tid);
	n.thread_num = th ? th->num : 0;
	s->notify(s->notify_ctx, &n);
	free(t.buf);
}
