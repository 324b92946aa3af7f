/* meval_decimal.c: System.Decimal arithmetic (see meval_decimal.h). Intermediate results are
 * exact integers of up to 384 bits (a product of two 96-bit integers, or one scaled by up to
 * 10^56 to divide), rounded once at the end. The runtime's decimal keeps the scale of an exact
 * result (1.10m + 1m = 2.10, 1.5m * 2m = 3.0) and gives a quotient the smallest scale that
 * holds it exactly, else as many places as fit (up to 28): dotnet/runtime
 * src/libraries/System.Private.CoreLib/src/System/Decimal.DecCalc.cs. */
#include "session/meval_decimal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "clr/mformat.h"

#define BW 12 /* words of a big integer: 384 bits */

struct big {
	uint32_t w[BW]; /* least significant first */
};

static void big_from_dec(struct big *b, const struct mdec *d)
{
	memset(b, 0, sizeof(*b));
	memcpy(b->w, d->m, sizeof(d->m));
}

static bool big_is_zero(const struct big *b)
{
	for (int i = 0; i < BW; i++)
		if (b->w[i])
			return false;
	return true;
}

static bool big_fits96(const struct big *b)
{
	for (int i = 3; i < BW; i++)
		if (b->w[i])
			return false;
	return true;
}

static bool big_odd(const struct big *b)
{
	return b->w[0] & 1;
}

/* b *= k; false if it no longer fits BW words. */
static bool big_mul_small(struct big *b, uint32_t k)
{
	uint64_t carry = 0;
	for (int i = 0; i < BW; i++) {
		uint64_t cur = (uint64_t)b->w[i] * k + carry;
		b->w[i] = (uint32_t)cur;
		carry = cur >> 32;
	}
	return carry == 0;
}

static bool big_mul_pow10(struct big *b, unsigned n)
{
	for (; n >= 9; n -= 9)
		if (!big_mul_small(b, 1000000000u))
			return false;
	static const uint32_t pow[9] = {1,	10,	 100,	   1000,     10000,
					100000, 1000000, 10000000, 100000000};
	return big_mul_small(b, pow[n]);
}

static int big_cmp(const struct big *a, const struct big *b)
{
	for (int i = BW - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

static void big_add(struct big *a, const struct big *b)
{
	uint64_t carry = 0;
	for (int i = 0; i < BW; i++) {
		uint64_t cur = (uint64_t)a->w[i] + b->w[i] + carry;
		a->w[i] = (uint32_t)cur;
		carry = cur >> 32;
	}
}

/* a -= b, with a >= b. */
static void big_sub(struct big *a, const struct big *b)
{
	uint64_t borrow = 0;
	for (int i = 0; i < BW; i++) {
		uint64_t cur = (uint64_t)a->w[i] - b->w[i] - borrow;
		a->w[i] = (uint32_t)cur;
		borrow = (cur >> 32) ? 1 : 0;
	}
}

static void big_shl1(struct big *b, uint32_t in)
{
	for (int i = BW - 1; i > 0; i--)
		b->w[i] = b->w[i] << 1 | b->w[i - 1] >> 31;
	b->w[0] = b->w[0] << 1 | in;
}

/* q = n / d, r = n % d (d non-zero), by binary long division. */
static void big_divmod(const struct big *n, const struct big *d, struct big *q, struct big *r)
{
	struct big quot = {{0}}, rem = {{0}};
	for (int bit = BW * 32 - 1; bit >= 0; bit--) {
		big_shl1(&rem, (n->w[bit / 32] >> (bit % 32)) & 1);
		if (big_cmp(&rem, d) >= 0) {
			big_sub(&rem, d);
			quot.w[bit / 32] |= 1u << (bit % 32);
		}
	}
	*q = quot;
	if (r)
		*r = rem;
}

/* Whether q (with remainder r of divisor d) rounds up, half to even. */
static bool rounds_up(const struct big *q, const struct big *r, const struct big *d)
{
	struct big twice = *r;
	big_add(&twice, r);
	int c = big_cmp(&twice, d);
	return c > 0 || (c == 0 && big_odd(q));
}

/* The result m / 10^scale: places dropped (rounded half to even) while the scale is above
 * 28 or the integer needs more than 96 bits; an integer part too large is an overflow. */
static int finish(const struct big *m, unsigned scale, bool neg, struct mdec *out,
		  struct mx_err *err)
{
	unsigned drop = scale > MDEC_MAX_SCALE ? scale - MDEC_MAX_SCALE : 0;
	for (;; drop++) {
		if (drop > scale)
			return mx_err_set(err, MDEC_OVERFLOW);
		struct big q = *m, r, p = {{1}};
		if (drop) {
			if (!big_mul_pow10(&p, drop)) {
				/* 10^drop is above any m: the value rounds to 0 */
				memset(&q, 0, sizeof(q));
			} else {
				big_divmod(m, &p, &q, &r);
				struct big one = {{1}};
				if (rounds_up(&q, &r, &p))
					big_add(&q, &one);
			}
		}
		if (!big_fits96(&q))
			continue;
		memcpy(out->m, q.w, sizeof(out->m));
		out->scale = (uint8_t)(scale - drop);
		out->neg = neg && !big_is_zero(&q);
		return 0;
	}
}

void mdec_from_u64(uint64_t v, struct mdec *out)
{
	memset(out, 0, sizeof(*out));
	out->m[0] = (uint32_t)v;
	out->m[1] = (uint32_t)(v >> 32);
}

void mdec_from_i64(int64_t v, struct mdec *out)
{
	mdec_from_u64(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, out);
	out->neg = v < 0;
}

void mdec_neg(const struct mdec *a, struct mdec *out)
{
	*out = *a;
	out->neg = !a->neg && (a->m[0] | a->m[1] | a->m[2]);
}

/* a and b as integers of the same scale (the larger). */
static unsigned align(const struct mdec *a, const struct mdec *b, struct big *x, struct big *y)
{
	unsigned s = a->scale > b->scale ? a->scale : b->scale;
	big_from_dec(x, a);
	big_from_dec(y, b);
	big_mul_pow10(x, s - a->scale); /* at most 10^28 * 2^96: fits */
	big_mul_pow10(y, s - b->scale);
	return s;
}

int mdec_add(const struct mdec *a, const struct mdec *b, struct mdec *out, struct mx_err *err)
{
	struct big x, y;
	unsigned s = align(a, b, &x, &y);
	bool neg = a->neg;
	if (a->neg == b->neg) {
		big_add(&x, &y);
	} else if (big_cmp(&x, &y) >= 0) {
		big_sub(&x, &y);
	} else {
		big_sub(&y, &x);
		x = y;
		neg = b->neg;
	}
	return finish(&x, s, neg, out, err);
}

int mdec_sub(const struct mdec *a, const struct mdec *b, struct mdec *out, struct mx_err *err)
{
	struct mdec nb = *b;
	nb.neg = !b->neg;
	return mdec_add(a, &nb, out, err);
}

int mdec_mul(const struct mdec *a, const struct mdec *b, struct mdec *out, struct mx_err *err)
{
	struct big p = {{0}};
	for (int i = 0; i < 3; i++) {
		uint64_t carry = 0;
		for (int j = 0; j < 3; j++) {
			uint64_t cur = (uint64_t)a->m[i] * b->m[j] + p.w[i + j] + carry;
			p.w[i + j] = (uint32_t)cur;
			carry = cur >> 32;
		}
		p.w[i + 3] = (uint32_t)carry;
	}
	return finish(&p, (unsigned)a->scale + b->scale, a->neg != b->neg, out, err);
}

static bool is_zero(const struct mdec *d)
{
	return !(d->m[0] | d->m[1] | d->m[2]);
}

int mdec_div(const struct mdec *a, const struct mdec *b, struct mdec *out, struct mx_err *err)
{
	if (is_zero(b))
		return mx_err_set(err, "Attempted to divide by zero.");
	bool neg = a->neg != b->neg;
	struct big d, q, r, best_q = {{0}}, best_r = {{0}};
	big_from_dec(&d, b);
	/* a / b at scale s is (ma * 10^(s - sa + sb)) / mb: from the smallest scale up, the first
	 * exact one, else the largest whose integer fits 96 bits */
	int s0 = (int)a->scale - (int)b->scale;
	unsigned s = s0 > 0 ? (unsigned)s0 : 0;
	int best = -1;
	for (; s <= MDEC_MAX_SCALE; s++) {
		struct big n;
		big_from_dec(&n, a);
		big_mul_pow10(&n, s + b->scale - a->scale);
		big_divmod(&n, &d, &q, &r);
		if (!big_fits96(&q))
			break;
		best = (int)s;
		best_q = q;
		best_r = r;
		if (big_is_zero(&r))
			break;
	}
	if (best < 0)
		return mx_err_set(err, MDEC_OVERFLOW);
	struct big one = {{1}};
	if (rounds_up(&best_q, &best_r, &d))
		big_add(&best_q, &one);
	return finish(&best_q, (unsigned)best, neg, out, err);
}

int mdec_rem(const struct mdec *a, const struct mdec *b, struct mdec *out, struct mx_err *err)
{
	if (is_zero(b))
		return mx_err_set(err, "Attempted to divide by zero.");
	/* a - b * truncate(a / b): the sign of a, the larger scale; smaller than both */
	struct big x, y, q, r;
	unsigned s = align(a, b, &x, &y);
	big_divmod(&x, &y, &q, &r);
	return finish(&r, s, a->neg, out, err);
}

int mdec_cmp(const struct mdec *a, const struct mdec *b)
{
	bool az = is_zero(a), bz = is_zero(b);
	bool an = a->neg && !az, bn = b->neg && !bz;
	if (an != bn)
		return an ? -1 : 1;
	struct big x, y;
	align(a, b, &x, &y);
	int c = big_cmp(&x, &y);
	return an ? -c : c;
}

void mdec_text(const struct mdec *d, char *buf, size_t len)
{
	const uint32_t w[3] = {d->m[2], d->m[1], d->m[0]}; /* most significant first */
	clr_decimal_digits(w, d->scale, d->neg && !is_zero(d), buf, len);
}

int mdec_parse(const char *text, struct mdec *out, struct mx_err *err)
{
	/* the significant digits (at most 40 kept: more cannot change a 28-place result but
	 * in a tie) and the power of ten they are scaled by */
	struct big m = {{0}};
	int exp10 = 0, kept = 0;
	bool point = false, any = false;
	const char *p = text;
	for (; *p && *p != 'e' && *p != 'E'; p++) {
		if (*p == '_')
			continue;
		if (*p == '.') {
			point = true;
			continue;
		}
		if (*p < '0' || *p > '9')
			return mx_err_set(err, "'%s' is not a decimal number", text);
		any = true;
		if (kept == 0 && *p == '0') {
			if (point)
				exp10--;
			continue;
		}
		if (kept < 40) {
			big_mul_small(&m, 10);
			struct big digit = {{(uint32_t)(*p - '0')}};
			big_add(&m, &digit);
			kept++;
			if (point)
				exp10--;
		} else if (!point) {
			exp10++;
		}
	}
	if (!any)
		return mx_err_set(err, "'%s' is not a decimal number", text);
	if (*p == 'e' || *p == 'E') {
		int sign = 1, e = 0;
		p++;
		if (*p == '+' || *p == '-')
			sign = *p++ == '-' ? -1 : 1;
		for (; *p >= '0' && *p <= '9'; p++)
			if (e < 10000)
				e = e * 10 + (*p - '0');
		exp10 += sign * e;
	}
	memset(out, 0, sizeof(*out));
	if (big_is_zero(&m))
		return 0;
	if (exp10 >= 0) {
		if (exp10 > 29 || !big_mul_pow10(&m, (unsigned)exp10) || !big_fits96(&m))
			return mx_err_set(err,
					  "error CS0594: Floating-point constant is outside the "
					  "range of type 'decimal'");
		return finish(&m, 0, false, out, err);
	}
	if (-exp10 > MDEC_MAX_SCALE + 45)
		return 0; /* below 10^-68: rounds to 0 */
	return finish(&m, (unsigned)-exp10, false, out, err);
}

double mdec_to_double(const struct mdec *d)
{
	double v = ((double)d->m[2] * 4294967296.0 + d->m[1]) * 4294967296.0 + d->m[0];
	v /= pow(10, d->scale);
	return d->neg ? -v : v;
}

bool mdec_to_i64(const struct mdec *d, int64_t *out)
{
	struct big b, p = {{1}}, q;
	big_from_dec(&b, d);
	big_mul_pow10(&p, d->scale);
	big_divmod(&b, &p, &q, NULL);
	for (int i = 2; i < BW; i++)
		if (q.w[i])
			return false;
	uint64_t mag = (uint64_t)q.w[1] << 32 | q.w[0];
	if (mag > (d->neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX))
		return false;
	*out = d->neg ? (int64_t)(0 - mag) : (int64_t)mag;
	return true;
}

int mdec_from_double(double v, struct mdec *out, struct mx_err *err)
{
	if (!isfinite(v) || fabs(v) >= 79228162514264337593543950336.0)
		return mx_err_set(err, MDEC_OVERFLOW);
	/* the runtime keeps a double's 15 significant digits, without trailing zeros */
	char text[64];
	snprintf(text, sizeof(text), "%.14e", fabs(v));
	if (mdec_parse(text, out, err) != 0)
		return -1;
	while (out->scale > 0) {
		struct big b, q, r, ten = {{10}};
		big_from_dec(&b, out);
		big_divmod(&b, &ten, &q, &r);
		if (!big_is_zero(&r))
			break;
		memcpy(out->m, q.w, sizeof(out->m));
		out->scale--;
	}
	out->neg = v < 0 && !is_zero(out);
	return 0;
}

void mdec_to_fields(const struct mdec *d, uint32_t *flags, uint32_t *hi32, uint64_t *lo64)
{
	*flags = (uint32_t)d->scale << 16 | (d->neg ? 0x80000000u : 0);
	*hi32 = d->m[2];
	*lo64 = (uint64_t)d->m[1] << 32 | d->m[0];
}

void mdec_from_fields(uint32_t flags, uint32_t hi32, uint64_t lo64, struct mdec *out)
{
	out->m[0] = (uint32_t)lo64;
	out->m[1] = (uint32_t)(lo64 >> 32);
	out->m[2] = hi32;
	out->scale = (uint8_t)((flags >> 16) & 0xff);
	out->neg = (flags & 0x80000000u) != 0;
}
