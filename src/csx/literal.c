/* literal.c: C# numeric, character and string literals (C# spec, "Lexical structure",
 * literals), with the compiler's error numbers and wording (Roslyn's ErrorCode and
 * CSharpResources.resx).
 *
 * Integers: decimal, 0x, 0b, '_' between digits, suffixes u l ul lu in any case; a value
 * above ulong's range is CS1021. Reals: 1.5 .5 1e3 1.5e-3 with suffixes f d m. Escapes: \' \"
 * \\ \0 \a \b \e \f \n \r \t \v \xH (1 to 4 digits) \uHHHH \UHHHHHHHH. Strings become UTF-8:
 * an escaped surrogate pair is one character, a lone surrogate becomes U+FFFD (UTF-8 cannot
 * hold it), and a NUL is refused (the tree's strings are C strings).
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csx/csx_internal.h"
#include "util/xalloc.h"

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool is_digit(char c, unsigned base)
{
	int v = hex_value(c);
	return v >= 0 && (unsigned)v < base;
}

/* Scans digits of base with '_' separators from s[*k]; false if it ends with '_' or has no
 * digit. Accumulates into *v, setting *overflow. */
static bool scan_digits(const char *s, size_t *k, unsigned base, uint64_t *v, bool *overflow)
{
	bool any = false, last_sep = false;
	while (is_digit(s[*k], base) || s[*k] == '_') {
		if (s[*k] == '_') {
			last_sep = true;
		} else {
			uint64_t d = (uint64_t)hex_value(s[*k]);
			if (*v > (UINT64_MAX - d) / base)
				*overflow = true;
			*v = *v * base + d;
			any = true;
			last_sep = false;
		}
		++*k;
	}
	return any && !last_sep;
}

static void int_suffix(const char *s, size_t *k, unsigned *flags)
{
	for (int n = 0; n < 2; n++) {
		char c = s[*k];
		if ((c == 'u' || c == 'U') && !(*flags & CSX_LIT_U))
			*flags |= CSX_LIT_U;
		else if ((c == 'l' || c == 'L') && !(*flags & CSX_LIT_L))
			*flags |= CSX_LIT_L;
		else
			return;
		++*k;
	}
}

static int finish_real(struct csx_parser *p, size_t start, size_t end, size_t digits_end,
		       struct csx_tok *t)
{
	char clean[512];
	size_t n = 0;
	for (size_t k = start; k < digits_end; k++)
		if (p->src[k] != '_' && n + 1 < sizeof(clean))
			clean[n++] = p->src[k];
	clean[n] = 0;
	errno = 0;
	double v = strtod(clean, NULL);
	const char *type = "double";
	double max = DBL_MAX;
	if (t->flags & CSX_LIT_F) {
		type = "float";
		max = FLT_MAX;
	} else if (t->flags & CSX_LIT_M) {
		type = "decimal";
		max = 79228162514264337593543950335.0; /* System.Decimal.MaxValue */
	}
	if (isinf(v) || v > max) {
		csx_error_at(p, start, 594,
			     "Floating-point constant is outside the range of type '%s'", type);
		return -1;
	}
	t->kind = CSX_T_REAL;
	t->f64 = v;
	t->text = xstrndup(p->src + start, end - start);
	return 0;
}

int csx_lex_number(struct csx_parser *p, size_t *i, struct csx_tok *t)
{
	const char *s = p->src;
	size_t start = *i, k = start;
	uint64_t v = 0;
	bool overflow = false;
	if (s[k] == '0' &&
	    (s[k + 1] == 'x' || s[k + 1] == 'X' || s[k + 1] == 'b' || s[k + 1] == 'B')) {
		bool hex = s[k + 1] == 'x' || s[k + 1] == 'X';
		k += 2;
		if (!scan_digits(s, &k, hex ? 16 : 2, &v, &overflow)) {
			csx_error_at(p, start, 1013, "Invalid number");
			return -1;
		}
		t->flags = hex ? CSX_LIT_HEX : CSX_LIT_BIN;
	} else {
		bool real = false;
		if (s[k] != '.' && !scan_digits(s, &k, 10, &v, &overflow)) {
			csx_error_at(p, start, 1013, "Invalid number");
			return -1;
		}
		if (s[k] == '.' && s[k + 1] >= '0' && s[k + 1] <= '9') {
			uint64_t ignored = 0;
			bool ign = false;
			k++;
			if (!scan_digits(s, &k, 10, &ignored, &ign)) {
				csx_error_at(p, start, 1013, "Invalid number");
				return -1;
			}
			real = true;
		}
		if (s[k] == 'e' || s[k] == 'E') {
			uint64_t ignored = 0;
			bool ign = false;
			k++;
			if (s[k] == '+' || s[k] == '-')
				k++;
			if (!(s[k] >= '0' && s[k] <= '9') ||
			    !scan_digits(s, &k, 10, &ignored, &ign)) {
				csx_error_at(p, start, 595, "Invalid real literal");
				return -1;
			}
			real = true;
		}
		size_t digits_end = k;
		char c = s[k];
		if (c == 'f' || c == 'F' || c == 'd' || c == 'D' || c == 'm' || c == 'M') {
			t->flags = c == 'f' || c == 'F'	  ? CSX_LIT_F
				   : c == 'd' || c == 'D' ? CSX_LIT_D
							  : CSX_LIT_M;
			k++;
			real = true;
		}
		if (real) {
			*i = k;
			return finish_real(p, start, k, digits_end, t);
		}
	}
	int_suffix(s, &k, &t->flags);
	if (overflow) {
		csx_error_at(p, start, 1021, "Integral constant is too large");
		return -1;
	}
	*i = k;
	t->kind = CSX_T_INT;
	t->u64 = v;
	t->text = xstrndup(s + start, k - start);
	return 0;
}

/* Decodes the UTF-8 character at s (valid: csx_lex checked the whole input). */
static uint32_t utf8_decode(const char *s, size_t *k)
{
	const unsigned char *u = (const unsigned char *)s + *k;
	if (u[0] < 0x80) {
		++*k;
		return u[0];
	}
	size_t n = (u[0] & 0xE0) == 0xC0 ? 2 : (u[0] & 0xF0) == 0xE0 ? 3 : 4;
	uint32_t cp = u[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
	for (size_t j = 1; j < n; j++)
		cp = cp << 6 | (u[j] & 0x3F);
	*k += n;
	return cp;
}

/* Decodes the escape at s[*k] (a backslash) into a code point; -1 if not an escape C#
 * knows (reported). */
static int64_t escape(struct csx_parser *p, size_t *k)
{
	const char *s = p->src;
	size_t at = *k;
	char c = s[at + 1];
	*k += 2;
	switch (c) {
	case '\'':
	case '"':
	case '\\':
		return c;
	case '0':
		return 0;
	case 'a':
		return 7;
	case 'b':
		return 8;
	case 'e': /* C# 13 */
		return 0x1B;
	case 'f':
		return 12;
	case 'n':
		return 10;
	case 'r':
		return 13;
	case 't':
		return 9;
	case 'v':
		return 11;
	case 'x':
	case 'u':
	case 'U': {
		unsigned min = c == 'x' ? 1 : c == 'u' ? 4 : 8, max = c == 'x' ? 4 : min, n = 0;
		uint32_t v = 0;
		while (n < max && hex_value(s[*k]) >= 0) {
			v = v << 4 | (uint32_t)hex_value(s[*k]);
			++*k;
			n++;
		}
		if (n >= min && v <= 0x10FFFF)
			return v;
		break;
	}
	default:
		break;
	}
	csx_error_at(p, at, 1009, "Unrecognized escape sequence");
	return -1;
}

int csx_lex_char(struct csx_parser *p, size_t *i, struct csx_tok *t)
{
	const char *s = p->src;
	size_t start = *i, k = start + 1;
	if (s[k] == '\'') {
		csx_error_at(p, start, 1011, "Empty character literal");
		return -1;
	}
	if (!s[k] || s[k] == '\n' || s[k] == '\r') {
		csx_error_at(p, start, 1010, "Newline in constant");
		return -1;
	}
	int64_t cp = s[k] == '\\' ? escape(p, &k) : (int64_t)utf8_decode(s, &k);
	if (cp < 0)
		return -1;
	if (s[k] != '\'') {
		while (s[k] && s[k] != '\'' && s[k] != '\n' && s[k] != '\r')
			k++;
		if (s[k] == '\'')
			csx_error_at(p, start, 1012, "Too many characters in character literal");
		else
			csx_error_at(p, start, 1010, "Newline in constant");
		return -1;
	}
	if (cp > 0xFFFF) { /* two UTF-16 units */
		csx_error_at(p, start, 1012, "Too many characters in character literal");
		return -1;
	}
	*i = k + 1;
	t->kind = CSX_T_CHAR;
	t->u64 = (uint64_t)cp;
	return 0;
}

/* A growing UTF-8 string with a pending high surrogate. */
struct sbuf {
	char *s;
	size_t n, cap;
	uint32_t high; /* an escaped high surrogate waiting for its low half, or 0 */
};

static void put_utf8(struct sbuf *b, uint32_t cp)
{
	xgrow((void **)&b->s, &b->cap, b->n + 5, 1);
	if (cp < 0x80) {
		b->s[b->n++] = (char)cp;
	} else if (cp < 0x800) {
		b->s[b->n++] = (char)(0xC0 | cp >> 6);
		b->s[b->n++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		b->s[b->n++] = (char)(0xE0 | cp >> 12);
		b->s[b->n++] = (char)(0x80 | (cp >> 6 & 0x3F));
		b->s[b->n++] = (char)(0x80 | (cp & 0x3F));
	} else {
		b->s[b->n++] = (char)(0xF0 | cp >> 18);
		b->s[b->n++] = (char)(0x80 | (cp >> 12 & 0x3F));
		b->s[b->n++] = (char)(0x80 | (cp >> 6 & 0x3F));
		b->s[b->n++] = (char)(0x80 | (cp & 0x3F));
	}
}

static void put_cp(struct sbuf *b, uint32_t cp)
{
	bool low = cp >= 0xDC00 && cp <= 0xDFFF;
	if (b->high) {
		uint32_t high = b->high;
		b->high = 0;
		if (low) {
			put_utf8(b, 0x10000 + ((high - 0xD800) << 10) + (cp - 0xDC00));
			return;
		}
		put_utf8(b, 0xFFFD);
	}
	if (cp >= 0xD800 && cp <= 0xDBFF)
		b->high = cp;
	else
		put_utf8(b, low ? 0xFFFD : cp);
}

static void sbuf_finish(struct sbuf *b, struct csx_tok *t)
{
	if (b->high)
		put_utf8(b, 0xFFFD);
	xgrow((void **)&b->s, &b->cap, b->n + 1, 1);
	b->s[b->n] = 0;
	t->kind = CSX_T_STRING;
	t->text = b->s;
}

int csx_lex_string(struct csx_parser *p, size_t *i, struct csx_tok *t)
{
	const char *s = p->src;
	size_t start = *i, k = start + 1;
	struct sbuf b = {0};
	while (s[k] != '"') {
		if (!s[k] || s[k] == '\n' || s[k] == '\r') {
			csx_error_at(p, start, 1010, "Newline in constant");
			free(b.s);
			return -1;
		}
		size_t at = k;
		int64_t cp = s[k] == '\\' ? escape(p, &k) : (int64_t)utf8_decode(s, &k);
		if (cp < 0) {
			free(b.s);
			return -1;
		}
		if (cp == 0) {
			csx_refuse_at(p, at, "a NUL character (\\0) in a string is not supported");
			free(b.s);
			return -1;
		}
		put_cp(&b, (uint32_t)cp);
	}
	*i = k + 1;
	sbuf_finish(&b, t);
	return 0;
}

int csx_lex_verbatim_string(struct csx_parser *p, size_t *i, struct csx_tok *t)
{
	const char *s = p->src;
	size_t start = *i, k = start + 2;
	struct sbuf b = {0};
	for (;;) {
		if (!s[k]) {
			csx_error_at(p, start, 1039, "Unterminated string literal");
			free(b.s);
			return -1;
		}
		if (s[k] == '"') {
			if (s[k + 1] != '"')
				break;
			k++; /* "" is one quote */
		}
		put_cp(&b, utf8_decode(s, &k));
	}
	*i = k + 1;
	sbuf_finish(&b, t);
	return 0;
}
