/* lex.c: splits a C# expression into tokens (the literals themselves are scanned in
 * literal.c), and formats errors with C#'s (line,column) prefix.
 *
 * Two choices follow Roslyn's lexer (dotnet/roslyn src/Compilers/CSharp/Portable/Parser/
 * Lexer.cs): '>' is always a token of its own, so `List<List<int>>` closes two argument lists
 * and the parser joins adjacent '>' '>' into the shift operator; and `?.` is one token only
 * when no digit follows the '.' (`a ? .5 : 1` is a conditional).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csx/csx_internal.h"
#include "util/xalloc.h"

/* C#'s reserved keywords (contextual ones such as var, nameof, await, nint are names). */
static const char *const keywords[] = {
    "abstract", "as",	      "base",	 "bool",     "break",	  "byte",     "case",
    "catch",	"char",	      "checked", "class",    "const",	  "continue", "decimal",
    "default",	"delegate",   "do",	 "double",   "else",	  "enum",     "event",
    "explicit", "extern",     "false",	 "finally",  "fixed",	  "float",    "for",
    "foreach",	"goto",	      "if",	 "implicit", "in",	  "int",      "interface",
    "internal", "is",	      "lock",	 "long",     "namespace", "new",      "null",
    "object",	"operator",   "out",	 "override", "params",	  "private",  "protected",
    "public",	"readonly",   "ref",	 "return",   "sbyte",	  "sealed",   "short",
    "sizeof",	"stackalloc", "static",	 "string",   "struct",	  "switch",   "this",
    "throw",	"true",	      "try",	 "typeof",   "uint",	  "ulong",    "unchecked",
    "unsafe",	"ushort",     "using",	 "virtual",  "void",	  "volatile", "while",
};

static const char *const type_keywords[] = {
    "bool",  "byte", "sbyte", "short",	"ushort",  "int",    "uint",   "long",
    "ulong", "char", "float", "double", "decimal", "string", "object", "void",
};

/* Longest first, so the first match is the longest. */
static const char *const puncts[] = {
    "?\?=", "<<=", "?.", "??", "<=", ">=", "==", "!=", "&&", "||", "++", "--", "+=",
    "-=",   "*=",  "/=", "%=", "&=", "|=", "^=", "<<", "=>", "->", "::", "..", "(",
    ")",    "[",   "]",	 "{",  "}",  ".",  ",",	 ":",  ";",  "?",  "+",	 "-",  "*",
    "/",    "%",   "&",	 "|",  "^",  "!",  "~",	 "=",  "<",  ">",
};

static void position(const char *src, size_t pos, unsigned *line, unsigned *col)
{
	*line = 1;
	*col = 1;
	for (size_t k = 0; k < pos && src[k]; k++) {
		unsigned char c = (unsigned char)src[k];
		if (c == '\n') {
			++*line;
			*col = 1;
		} else if ((c & 0xC0) != 0x80) { /* columns count characters, not bytes */
			++*col;
		}
	}
}

static void verror(struct csx_parser *p, size_t pos, int code, const char *fmt, va_list ap)
{
	if (p->failed)
		return;
	p->failed = true;
	char what[400];
	vsnprintf(what, sizeof(what), fmt, ap);
	unsigned line, col;
	position(p->src, pos, &line, &col);
	if (code)
		mx_err_set(p->err, "(%u,%u): error CS%04d: %s", line, col, code, what);
	else
		mx_err_set(p->err, "(%u,%u): %s", line, col, what);
}

void csx_error_at(struct csx_parser *p, size_t pos, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(p, pos, code, fmt, ap);
	va_end(ap);
}

void csx_refuse_at(struct csx_parser *p, size_t pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(p, pos, 0, fmt, ap);
	va_end(ap);
}

bool csx_is_punct(const struct csx_tok *t, const char *s)
{
	return t->kind == CSX_T_PUNCT && strcmp(t->p, s) == 0;
}

bool csx_is_kw(const struct csx_tok *t, const char *kw)
{
	return t->kind == CSX_T_KEYWORD && strcmp(t->kw, kw) == 0;
}

bool csx_is_type_keyword(const struct csx_tok *t)
{
	if (t->kind != CSX_T_KEYWORD)
		return false;
	for (size_t k = 0; k < sizeof(type_keywords) / sizeof(type_keywords[0]); k++)
		if (strcmp(t->kw, type_keywords[k]) == 0)
			return true;
	return false;
}

const struct csx_tok *csx_next(struct csx_parser *p)
{
	const struct csx_tok *t = csx_peek(p, 0);
	if (p->i < p->ntoks - 1)
		p->i++;
	return t;
}

/* Consumes punctuator s or reports C#'s message for its absence. */
bool csx_expect(struct csx_parser *p, const char *s)
{
	const struct csx_tok *t = csx_peek(p, 0);
	if (csx_is_punct(t, s)) {
		csx_next(p);
		return true;
	}
	if (strcmp(s, ")") == 0)
		csx_error_at(p, t->pos, 1026, ") expected");
	else
		csx_error_at(p, t->pos, 1003, "Syntax error, '%s' expected", s);
	return false;
}

/* Reports a token where an expression should start. */
void csx_bad_term(struct csx_parser *p, const struct csx_tok *t)
{
	char buf[64];
	if (t->kind == CSX_T_EOF)
		csx_error_at(p, t->pos, 1733, "Expected expression");
	else
		csx_error_at(p, t->pos, 1525, "Invalid expression term '%s'",
			     csx_tok_text(p, t, buf, sizeof(buf)));
}

const char *csx_tok_text(const struct csx_parser *p, const struct csx_tok *t, char *buf, size_t len)
{
	if (t->kind == CSX_T_EOF) {
		snprintf(buf, len, "end of input");
		return buf;
	}
	size_t n = t->end - t->pos;
	if (n > 40) /* a long string literal: its start is enough to recognize it */
		snprintf(buf, len, "%.37s...", p->src + t->pos);
	else
		snprintf(buf, len, "%.*s", (int)n, p->src + t->pos);
	return buf;
}

/* The length of the valid UTF-8 character at s, or 0. */
static size_t utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	size_t n;
	uint32_t cp;
	if ((s[0] & 0xE0) == 0xC0) {
		n = 2;
		cp = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3;
		cp = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (size_t k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3F);
	}
	static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
	if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

static bool ident_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool ident_char(unsigned char c)
{
	return ident_start(c) || (c >= '0' && c <= '9');
}

static int lex_ident(struct csx_parser *p, size_t *i, struct csx_tok *t)
{
	const char *s = p->src;
	size_t start = *i;
	bool verbatim = s[start] == '@';
	size_t k = start + (verbatim || s[start] == '$');
	while (ident_char((unsigned char)s[k]))
		k++;
	*i = k;
	size_t from = verbatim ? start + 1 : start;
	if (!verbatim && s[start] != '$')
		for (size_t w = 0; w < sizeof(keywords) / sizeof(keywords[0]); w++)
			if (strlen(keywords[w]) == k - from &&
			    memcmp(keywords[w], s + from, k - from) == 0) {
				t->kind = CSX_T_KEYWORD;
				t->kw = keywords[w];
				return 0;
			}
	t->kind = CSX_T_IDENT;
	t->text = xstrndup(s + from, k - from);
	return 0;
}

static bool lex_punct(const char *s, size_t *i, struct csx_tok *t)
{
	for (size_t w = 0; w < sizeof(puncts) / sizeof(puncts[0]); w++) {
		size_t n = strlen(puncts[w]);
		if (strncmp(s + *i, puncts[w], n) != 0)
			continue;
		if (strcmp(puncts[w], "?.") == 0 && s[*i + 2] >= '0' && s[*i + 2] <= '9')
			continue; /* `c ?.5 : 1` */
		t->kind = CSX_T_PUNCT;
		memcpy(t->p, puncts[w], n + 1);
		*i += n;
		return true;
	}
	return false;
}

/* Skips spaces and comments; false if a comment is not closed (reported). */
static bool skip_space(struct csx_parser *p, size_t *i)
{
	const char *s = p->src;
	for (;;) {
		char c = s[*i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
			++*i;
		} else if (c == '/' && s[*i + 1] == '/') {
			while (s[*i] && s[*i] != '\n')
				++*i;
		} else if (c == '/' && s[*i + 1] == '*') {
			const char *end = strstr(s + *i + 2, "*/");
			if (!end) {
				csx_error_at(p, *i, 1035, "End-of-file found, '*/' expected");
				return false;
			}
			*i = (size_t)(end - s) + 2;
		} else {
			return true;
		}
	}
}

/* One token at s[*i] (not a space). */
static int lex_one(struct csx_parser *p, size_t *i, struct csx_tok *t)
{
	const char *s = p->src;
	unsigned char c = (unsigned char)s[*i], c1 = (unsigned char)s[*i + 1];
	if ((c == '$' && (c1 == '"' || (c1 == '@' && s[*i + 2] == '"'))) ||
	    (c == '@' && c1 == '$')) {
		csx_refuse_at(p, *i,
			      "interpolated strings ($\"...\") are not supported in expressions: "
			      "join the parts with +");
		return -1;
	}
	if (c == '@' && c1 == '"')
		return csx_lex_verbatim_string(p, i, t);
	if (c == '@' && ident_start(c1))
		return lex_ident(p, i, t);
	if (c == '$' && ident_char(c1)) /* debugger names: $exception, $1 */
		return lex_ident(p, i, t);
	if (ident_start(c))
		return lex_ident(p, i, t);
	if ((c >= '0' && c <= '9') || (c == '.' && c1 >= '0' && c1 <= '9'))
		return csx_lex_number(p, i, t);
	if (c == '\'')
		return csx_lex_char(p, i, t);
	if (c == '"')
		return csx_lex_string(p, i, t);
	if (lex_punct(s, i, t))
		return 0;
	size_t n = utf8_len((const unsigned char *)s + *i);
	csx_error_at(p, *i, 1056, "Unexpected character '%.*s'", (int)(n ? n : 1), s + *i);
	return -1;
}

static void push(struct csx_parser *p, const struct csx_tok *t)
{
	xgrow((void **)&p->toks, &p->cap, p->ntoks + 1, sizeof(*p->toks));
	p->toks[p->ntoks++] = *t;
}

int csx_lex(struct csx_parser *p)
{
	const unsigned char *u = (const unsigned char *)p->src;
	for (size_t k = 0; u[k];) {
		size_t n = utf8_len(u + k);
		if (!n) {
			csx_refuse_at(p, k, "the expression is not valid UTF-8 (byte 0x%02x)",
				      u[k]);
			return -1;
		}
		k += n;
	}
	size_t i = 0, prev_end = 0;
	for (;;) {
		if (!skip_space(p, &i))
			return -1;
		struct csx_tok t = {0};
		t.pos = i;
		t.adjacent = i == prev_end;
		if (!p->src[i]) {
			t.kind = CSX_T_EOF;
			t.end = i;
			push(p, &t);
			return 0;
		}
		if (lex_one(p, &i, &t) < 0) {
			free(t.text);
			return -1;
		}
		t.end = prev_end = i;
		push(p, &t);
	}
}

void csx_toks_free(struct csx_parser *p)
{
	for (size_t k = 0; k < p->ntoks; k++)
		free(p->toks[k].text);
	free(p->toks);
	p->toks = NULL;
	p->ntoks = p->cap = 0;
}
