/* repeat.c: gdb's artificial arrays, `print EXPR@COUNT`: COUNT objects of EXPR's type laid
 * out from EXPR's address (gdb manual, "Artificial Arrays"). EXPR must be in memory. Each
 * element is printed as `*(TYPE *) ADDRESS` would be, runs of equal elements as gdb shows
 * them ("<repeats N times>"), char elements as a string, and at most `print elements` of them.
 * The @ binds more loosely than arithmetic (gdb's c-exp.y gives ABOVE_COMMA precedence), so
 * the text is split at its one top-level '@'. */
#include "native/vars.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

enum {
	REPEAT_RUN = 10,	/* runs longer than this print as <repeats N times> (gdb) */
	ELEMENT_TEXT = 4096,	/* one element's text */
	MAX_COUNT = 100000000,	/* refused above this: surely a mistake */
	MAX_STRING_READ = 65536 /* char elements read at most (gdb's max-value-size) */
};

/* The offset of the one '@' outside parentheses, brackets and quotes; -1 if none, -2 if more
 * than one. */
static long top_level_at(const char *e)
{
	int depth = 0;
	long at = -1;
	for (const char *p = e; *p; p++) {
		if (*p == '\'' || *p == '"') { /* skip a literal */
			char q = *p;
			for (p++; *p && *p != q; p++)
				if (*p == '\\' && p[1])
					p++;
			if (!*p)
				break;
		} else if (*p == '(' || *p == '[') {
			depth++;
		} else if ((*p == ')' || *p == ']') && depth > 0) {
			depth--;
		} else if (*p == '@' && !depth) {
			if (at >= 0)
				return -2;
			at = p - e;
		}
	}
	return at;
}

struct out {
	char *buf;
	size_t len, n;
};

static void put(struct out *o, const char *s)
{
	size_t k = strlen(s);
	if (o->n + k + 1 > o->len)
		k = o->n + 1 < o->len ? o->len - o->n - 1 : 0;
	memcpy(o->buf + o->n, s, k);
	o->n += k;
	o->buf[o->n] = 0;
}

static bool is_char_type(const char *t)
{
	return !strcmp(t, "char") || !strcmp(t, "signed char") || !strcmp(t, "unsigned char");
}

/* count chars from addr as gdb prints a char array: "text" with C escapes. */
static int put_chars(const struct nat_mem_ops *mem, uint64_t addr, uint64_t count, bool more,
		     struct out *o, struct mx_err *err)
{
	unsigned char *s = xmalloc(count ? (size_t)count : 1);
	if (count && mem->read_mem(mem->ctx, addr, s, (size_t)count) != 0) {
		free(s);
		return mx_err_set(err, "Cannot access memory at address 0x%" PRIx64, addr);
	}
	put(o, "\"");
	for (uint64_t i = 0; i < count; i++) {
		char esc[8];
		unsigned char ch = s[i];
		if (ch == '"' || ch == '\\')
			snprintf(esc, sizeof(esc), "\\%c", ch);
		else if (ch == '\n')
			snprintf(esc, sizeof(esc), "\\n");
		else if (ch == '\t')
			snprintf(esc, sizeof(esc), "\\t");
		else if (ch >= 0x20 && ch < 0x7f)
			snprintf(esc, sizeof(esc), "%c", ch);
		else
			snprintf(esc, sizeof(esc), "\\%03o", ch);
		put(o, esc);
	}
	put(o, more ? "\"..." : "\"");
	free(s);
	return 0;
}

int nat_eval_print_repeated(struct nat_syms *s, const struct nat_frame_regs *regs,
			    const struct nat_mem_ops *mem, const char *expr, char *out,
			    size_t outlen, struct mx_err *err)
{
	long at = top_level_at(expr);
	if (at == -1)
		return 1;
	if (at == -2)
		return mx_err_set(err, "Only one '@' is supported (an array of arrays is not).");
	char *left = xstrndup(expr, (size_t)at);
	const char *right = expr + at + 1;
	int rc = -1;
	uint64_t count = 0;
	double d;
	bool is_float;
	char type[256];
	if (!left[strspn(left, " \t")] || !right[strspn(right, " \t")]) {
		rc = mx_err_set(err, "Usage: EXPRESSION@COUNT (an object in memory, then how many "
				     "of them).");
		goto done;
	}
	if (nat_eval_scalar(s, regs, mem, right, &count, &d, &is_float, err) != 0)
		goto done;
	if (is_float) {
		rc = mx_err_set(err, "The count after '@' must be an integer, not %g.", d);
		goto done;
	}
	if ((int64_t)count <= 0 || count > MAX_COUNT) {
		rc = mx_err_set(err, "Invalid number %" PRId64 " of repetitions.", (int64_t)count);
		goto done;
	}
	struct nat_shape shape;
	if (nat_eval_shape(s, regs, mem, left, &shape, NULL, NULL, err) != 0)
		goto done;
	snprintf(type, sizeof(type), "%s", shape.type);
	if (strchr(type, '[')) {
		rc = mx_err_set(err,
				"'@' on an array (%s) is not supported: start from its first "
				"element.",
				type);
		goto done;
	}
	char q[400];
	uint64_t addr = 0, next = 0, size;
	struct mx_err ignored;
	snprintf(q, sizeof(q), "&(%s)", left);
	if (nat_eval_scalar(s, regs, mem, q, &addr, &d, &is_float, &ignored) != 0) {
		rc = mx_err_set(err, "Only values in memory can be extended with '@'.");
		goto done;
	}
	uint64_t limit = nat_print_elements();
	uint64_t shown = limit && count > limit ? limit : count;
	struct out o = {out, outlen, 0};
	out[0] = 0;
	if (is_char_type(type)) {
		uint64_t n = shown > MAX_STRING_READ ? MAX_STRING_READ : shown;
		rc = put_chars(mem, addr, n, n < count, &o, err);
		goto done;
	}
	/* sizeof is not in the evaluator's subset: the next object's address tells the size */
	snprintf(q, sizeof(q), "&(%s) + 1", left);
	if (nat_eval_scalar(s, regs, mem, q, &next, &d, &is_float, err) != 0)
		goto done;
	size = next - addr;
	if (!size) {
		rc = mx_err_set(err, "The objects of type %s have no size.", type);
		goto done;
	}
	char *prev = xmalloc(ELEMENT_TEXT), *cur = xmalloc(ELEMENT_TEXT);
	put(&o, "{");
	uint64_t run = 0;
	rc = 0;
	for (uint64_t i = 0; i <= shown && rc == 0; i++) {
		if (i < shown) {
			snprintf(q, sizeof(q), "*(%s *) 0x%" PRIx64, type, addr + i * size);
			rc = nat_eval_print(s, regs, mem, q, cur, ELEMENT_TEXT, err);
			if (rc != 0)
				break;
			if (i && !strcmp(cur, prev)) {
				run++;
				continue;
			}
		}
		if (i) { /* the run of prev ends */
			if (run + 1 > REPEAT_RUN) {
				char rep[48];
				snprintf(rep, sizeof(rep), " <repeats %" PRIu64 " times>", run + 1);
				put(&o, rep);
			} else {
				for (uint64_t k = 0; k < run; k++) {
					put(&o, ", ");
					put(&o, prev);
				}
			}
		}
		if (i < shown) {
			if (i)
				put(&o, ", ");
			put(&o, cur);
			char *t = prev;
			prev = cur;
			cur = t;
			run = 0;
		}
	}
	free(prev);
	free(cur);
	if (rc == 0) {
		if (count > shown)
			put(&o, "...");
		put(&o, "}");
	}
done:
	free(left);
	return rc;
}
