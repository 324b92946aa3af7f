/* cond.c: breakpoint conditions, evaluated by the session at a hit.
 *
 * The language for now is C's integer expressions over registers ($rax, $rdi, $pc, ...) and
 * literals: + - * / % << >> & | ^ ~ ! == != < <= > >= && || and parentheses. Names of program
 * variables need DWARF locations; until those exist an unknown name is an error at
 * `condition` time, so no condition silently misbehaves.
 */
#include "session/ses_internal.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct cond_parser {
	const char *p;
	const struct user_regs_struct *regs; /* NULL: syntax check only */
	struct mx_err *err;
	bool failed;
};

static const struct {
	const char *name;
	size_t off;
} reg_names[] = {
#define R(n)                                                                                       \
	{                                                                                          \
#n, offsetof(struct user_regs_struct, n)                                           \
	}
    R(rax),
    R(rbx),
    R(rcx),
    R(rdx),
    R(rsi),
    R(rdi),
    R(rbp),
    R(rsp),
    R(r8),
    R(r9),
    R(r10),
    R(r11),
    R(r12),
    R(r13),
    R(r14),
    R(r15),
    R(rip),
    R(eflags),
#undef R
    {"pc", offsetof(struct user_regs_struct, rip)},
    {"sp", offsetof(struct user_regs_struct, rsp)},
    {"fp", offsetof(struct user_regs_struct, rbp)},
};

static void skip_ws(struct cond_parser *cp)
{
	while (isspace((unsigned char)*cp->p))
		cp->p++;
}

static bool eat(struct cond_parser *cp, const char *tok)
{
	skip_ws(cp);
	size_t n = strlen(tok);
	if (strncmp(cp->p, tok, n) != 0)
		return false;
	/* do not take "<" out of "<<", "&" out of "&&", "=" out of "==" */
	if (n == 1 && (cp->p[1] == tok[0] || (strchr("<>!=", tok[0]) && cp->p[1] == '=')) &&
	    tok[0] != '(' && tok[0] != ')')
		return false;
	cp->p += n;
	return true;
}

static long long fail(struct cond_parser *cp, const char *fmt, const char *what)
{
	if (!cp->failed)
		mx_err_set(cp->err, fmt, what);
	cp->failed = true;
	return 0;
}

static long long parse_or(struct cond_parser *cp);

static long long parse_primary(struct cond_parser *cp)
{
	skip_ws(cp);
	if (eat(cp, "(")) {
		long long v = parse_or(cp);
		if (!eat(cp, ")"))
			return fail(cp, "missing ')' in condition near '%s'", cp->p);
		return v;
	}
	if (eat(cp, "-"))
		return -parse_primary(cp);
	if (eat(cp, "!"))
		return !parse_primary(cp);
	if (eat(cp, "~"))
		return ~parse_primary(cp);
	if (isdigit((unsigned char)*cp->p)) {
		char *end;
		long long v = (long long)strtoull(cp->p, &end, 0);
		cp->p = end;
		return v;
	}
	if (*cp->p == '$') {
		const char *start = ++cp->p;
		while (isalnum((unsigned char)*cp->p))
			cp->p++;
		size_t n = (size_t)(cp->p - start);
		for (size_t i = 0; i < sizeof(reg_names) / sizeof(reg_names[0]); i++) {
			if (strlen(reg_names[i].name) == n &&
			    !strncmp(reg_names[i].name, start, n)) {
				if (!cp->regs)
					return 0;
				unsigned long long v;
				memcpy(&v, (const char *)cp->regs + reg_names[i].off, sizeof(v));
				return (long long)v;
			}
		}
		return fail(cp, "unknown register '$%s' in condition", start);
	}
	if (isalpha((unsigned char)*cp->p) || *cp->p == '_')
		return fail(cp,
			    "'%s': conditions on program variables are not supported yet; use "
			    "registers ($rdi, $rax, ...) and numbers",
			    cp->p);
	return fail(cp, "syntax error in condition near '%s'", *cp->p ? cp->p : "end of input");
}

static long long parse_mul(struct cond_parser *cp)
{
	long long v = parse_primary(cp);
	for (;;) {
		if (eat(cp, "*")) {
			v *= parse_primary(cp);
		} else if (eat(cp, "/") || eat(cp, "%")) {
			char op = cp->p[-1];
			long long r = parse_primary(cp);
			if (r == 0) {
				if (cp->regs)
					return fail(cp, "division by zero in condition%s", "");
				continue;
			}
			v = op == '/' ? v / r : v % r;
		} else {
			return v;
		}
	}
}

static long long parse_add(struct cond_parser *cp)
{
	long long v = parse_mul(cp);
	for (;;) {
		if (eat(cp, "+"))
			v += parse_mul(cp);
		else if (eat(cp, "-"))
			v -= parse_mul(cp);
		else
			return v;
	}
}

static long long parse_shift(struct cond_parser *cp)
{
	long long v = parse_add(cp);
	for (;;) {
		if (eat(cp, "<<"))
			v = (long long)((unsigned long long)v << (parse_add(cp) & 63));
		else if (eat(cp, ">>"))
			v >>= (parse_add(cp) & 63);
		else
			return v;
	}
}

static long long parse_cmp(struct cond_parser *cp)
{
	long long v = parse_shift(cp);
	for (;;) {
		if (eat(cp, "<="))
			v = v <= parse_shift(cp);
		else if (eat(cp, ">="))
			v = v >= parse_shift(cp);
		else if (eat(cp, "<"))
			v = v < parse_shift(cp);
		else if (eat(cp, ">"))
			v = v > parse_shift(cp);
		else
			return v;
	}
}

static long long parse_eq(struct cond_parser *cp)
{
	long long v = parse_cmp(cp);
	for (;;) {
		if (eat(cp, "=="))
			v = v == parse_cmp(cp);
		else if (eat(cp, "!="))
			v = v != parse_cmp(cp);
		else
			return v;
	}
}

static long long parse_bits(struct cond_parser *cp)
{
	long long v = parse_eq(cp);
	for (;;) {
		if (eat(cp, "&"))
			v &= parse_eq(cp);
		else if (eat(cp, "^"))
			v ^= parse_eq(cp);
		else if (eat(cp, "|"))
			v |= parse_eq(cp);
		else
			return v;
	}
}

static long long parse_and(struct cond_parser *cp)
{
	long long v = parse_bits(cp);
	while (eat(cp, "&&")) {
		long long r = parse_bits(cp);
		v = v && r;
	}
	return v;
}

static long long parse_or(struct cond_parser *cp)
{
	long long v = parse_and(cp);
	while (eat(cp, "||")) {
		long long r = parse_and(cp);
		v = v || r;
	}
	return v;
}

static long long run(struct cond_parser *cp)
{
	long long v = parse_or(cp);
	skip_ws(cp);
	if (*cp->p && !cp->failed)
		fail(cp, "syntax error in condition near '%s'", cp->p);
	return v;
}

int ses_cond_check(const char *expr, struct mx_err *err)
{
	struct cond_parser cp = {.p = expr, .err = err};
	run(&cp);
	return cp.failed ? -1 : 0;
}

int ses_cond_eval(struct ses *s, pid_t tid, const char *expr, bool *result, struct mx_err *err)
{
	struct user_regs_struct regs;
	if (ses_get_regs(s, tid, &regs, err) != 0)
		return -1;
	struct cond_parser cp = {.p = expr, .regs = &regs, .err = err};
	long long v = run(&cp);
	if (cp.failed)
		return -1;
	*result = v != 0;
	return 0;
}
