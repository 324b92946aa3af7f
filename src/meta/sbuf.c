/* sbuf.c: growing strings charged to a shared budget (see internal.h). */
#include "meta/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void meta_sb_init(struct meta_sbuf *b, size_t *budget)
{
	b->s = NULL;
	b->len = b->cap = 0;
	b->budget = budget;
}

void meta_sb_free(struct meta_sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

static int reserve(struct meta_sbuf *b, size_t n)
{
	if (n > *b->budget)
		return -1;
	*b->budget -= n;
	xgrow((void **)&b->s, &b->cap, b->len + n + 1, 1);
	return 0;
}

int meta_sb_addn(struct meta_sbuf *b, const char *s, size_t n)
{
	if (reserve(b, n) < 0)
		return -1;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
	return 0;
}

int meta_sb_add(struct meta_sbuf *b, const char *s)
{
	return meta_sb_addn(b, s, strlen(s));
}

int meta_sb_addf(struct meta_sbuf *b, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		return -1;
	return meta_sb_addn(b, tmp, (size_t)n);
}

int meta_sb_insert(struct meta_sbuf *b, size_t pos, const char *s)
{
	size_t n = strlen(s);
	if (pos > b->len || reserve(b, n) < 0)
		return -1;
	memmove(b->s + pos + n, b->s + pos, b->len - pos);
	memcpy(b->s + pos, s, n);
	b->len += n;
	b->s[b->len] = 0;
	return 0;
}

char *meta_sb_take(struct meta_sbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}
