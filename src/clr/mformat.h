/* mformat.h: values shown by meaning (enums, decimal, Nullable<T>) and objects' contents. */
#ifndef MX_CLR_MFORMAT_H
#define MX_CLR_MFORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "clr/clr.h"
#include "clr/mobject.h"

/* The text of an enum ("Color.Red" shown as "Red", flags "Read | Write"), a decimal or a
 * Nullable<T> value; false for any other value (buf untouched then). */
bool clr_special_text(struct clr *c, ICorDebugValue *v, char *buf, size_t len);

/* The name(s) of an enum's value: "Green", "Read | Write" for [Flags], the number if no
 * member has it. size is the underlying type's size in bytes. */
void clr_enum_text(const struct clr_typedef *td, uint64_t bits, unsigned size, bool is_signed,
		   char *buf, size_t len);

/* A value with one level of contents, for `print` and `info locals`: an object's or struct's
 * fields "{Fixtures.Point} {X = 1, Y = 2}", an array's first elements "{int[3]} {1, 2, 3}";
 * other values as clr_value_text. */
void clr_value_contents(struct clr *c, ICorDebugValue *v, char *buf, size_t len);
/* The text of a System.Decimal from its 96-bit magnitude (most significant word first), its
 * scale (clamped to 28, the largest a decimal has) and its sign: "-12.50". */
void clr_decimal_digits(const uint32_t magnitude[3], unsigned scale, bool negative, char *buf,
			size_t len);
/* The same showing at most max_elements of an array (0: all that fit in buf); the above shows
 * 20. */
void clr_value_contents_limit(struct clr *c, ICorDebugValue *v, unsigned max_elements, char *buf,
			      size_t len);

#endif
