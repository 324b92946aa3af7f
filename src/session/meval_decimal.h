/* meval_decimal.h: C#'s decimal (System.Decimal) arithmetic for the evaluator: a 96-bit
 * integer and a scale 0..28 (the value is the integer / 10^scale) with a sign. Results are
 * exact when they fit; otherwise digits after the point are dropped with banker's rounding
 * (half to even), as the runtime's decimal operations do; a result whose integer part does not
 * fit is an OverflowException. */
#ifndef MX_SESSION_MEVAL_DECIMAL_H
#define MX_SESSION_MEVAL_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define MDEC_MAX_SCALE 28

struct mdec {
	uint32_t m[3]; /* the 96-bit integer, least significant word first */
	uint8_t scale; /* 0..28 */
	bool neg;
};

/* The runtime's message for a decimal result out of range (OverflowException). */
#define MDEC_OVERFLOW "Value was either too large or too small for a Decimal."

/* A decimal literal's digits ("1.5", "12", "1.5e-3", "1_000.25"; no suffix): rounded to 28
 * places like the compiler; -1 with C#'s CS0594 if it is out of range. */
int mdec_parse(const char *text, struct mdec *out, struct mx_err *err);
/* Integers convert exactly. */
void mdec_from_i64(int64_t v, struct mdec *out);
void mdec_from_u64(uint64_t v, struct mdec *out);
/* + - * / %: -1 with err for a zero divisor ("Attempted to divide by zero.") or an
 * overflow (MDEC_OVERFLOW). */
int mdec_add(const struct mdec *a, const struct mdec *b, struct mdec *out, struct mx_err *err);
int mdec_sub(const struct mdec *a, const struct mdec *b, struct mdec *out, struct mx_err *err);
int mdec_mul(const struct mdec *a, const struct mdec *b, struct mdec *out, struct mx_err *err);
int mdec_div(const struct mdec *a, const struct mdec *b, struct mdec *out, struct mx_err *err);
int mdec_rem(const struct mdec *a, const struct mdec *b, struct mdec *out, struct mx_err *err);
void mdec_neg(const struct mdec *a, struct mdec *out);
/* -1, 0 or 1 as a < b, a == b, a > b (1.0 == 1.00, -0 == 0). */
int mdec_cmp(const struct mdec *a, const struct mdec *b);
/* The value as C# prints it: the scale's digits after the point are kept ("2.50"). */
void mdec_text(const struct mdec *d, char *buf, size_t len);
/* The nearest double (for explicit casts). */
double mdec_to_double(const struct mdec *d);
/* The integer part (truncated toward zero); false if it does not fit an int64. */
bool mdec_to_i64(const struct mdec *d, int64_t *out);
/* A double as decimal (explicit cast): -1 with MDEC_OVERFLOW if out of range or not finite. */
int mdec_from_double(double v, struct mdec *out, struct mx_err *err);
/* System.Decimal's fields (_flags: scale in bits 16-23, sign in bit 31; _hi32; _lo64). */
void mdec_to_fields(const struct mdec *d, uint32_t *flags, uint32_t *hi32, uint64_t *lo64);
void mdec_from_fields(uint32_t flags, uint32_t hi32, uint64_t lo64, struct mdec *out);

#endif
