/* test_decimal.c: unit test of src/session/meval_decimal.c (C#'s decimal arithmetic): exact sums
 * keeping the larger scale, products keeping both scales, quotients exact at the smallest
 * scale or rounded half to even at 28 places, remainders, comparisons across scales, literals,
 * conversions, and overflow and division by zero. The expected values are what .NET prints for
 * the same C# expressions (System.Decimal's documented behaviour).
 *
 * Build and run from the repository root:
 *   make build/unit/test_decimal && build/unit/test_decimal
 * Prints "ok NAME" / "not ok NAME: why" per check, then "N passed, N failed".
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "session/meval_decimal.h"

static int passed, failed;

static void check_text(const char *name, const char *got, const char *want)
{
	if (strcmp(got, want) == 0) {
		passed++;
		printf("ok %s\n", name);
	} else {
		failed++;
		printf("not ok %s: got '%s', want '%s'\n", name, got, want);
	}
}

static struct mdec dec(const char *text)
{
	struct mdec d;
	struct mx_err err;
	if (mdec_parse(text, &d, &err) != 0) {
		printf("bad literal %s: %s\n", text, err.msg);
		memset(&d, 0, sizeof(d));
	}
	return d;
}

/* a OP b as text, or "error: message". */
static void binary(const char *a, char op, const char *b, const char *want)
{
	struct mdec x = dec(a[0] == '-' ? a + 1 : a), y = dec(b[0] == '-' ? b + 1 : b), r;
	struct mx_err err = {0};
	int rc = -1;
	if (a[0] == '-')
		mdec_neg(&x, &x);
	if (b[0] == '-')
		mdec_neg(&y, &y);
	switch (op) {
	case '+':
		rc = mdec_add(&x, &y, &r, &err);
		break;
	case '-':
		rc = mdec_sub(&x, &y, &r, &err);
		break;
	case '*':
		rc = mdec_mul(&x, &y, &r, &err);
		break;
	case '/':
		rc = mdec_div(&x, &y, &r, &err);
		break;
	case '%':
		rc = mdec_rem(&x, &y, &r, &err);
		break;
	}
	char got[700], name[200];
	if (rc == 0)
		mdec_text(&r, got, sizeof(got));
	else
		snprintf(got, sizeof(got), "error: %s", err.msg);
	snprintf(name, sizeof(name), "%s %c %s", a, op, b);
	check_text(name, got, want);
}

static void literal(const char *text, const char *want)
{
	struct mdec d;
	struct mx_err err = {0};
	char got[700], name[200];
	if (mdec_parse(text, &d, &err) == 0)
		mdec_text(&d, got, sizeof(got));
	else
		snprintf(got, sizeof(got), "error: %s", err.msg);
	snprintf(name, sizeof(name), "literal %s", text);
	check_text(name, got, want);
}

static void compare(const char *a, const char *b, int want)
{
	struct mdec x = dec(a[0] == '-' ? a + 1 : a), y = dec(b[0] == '-' ? b + 1 : b);
	if (a[0] == '-')
		mdec_neg(&x, &x);
	if (b[0] == '-')
		mdec_neg(&y, &y);
	char got[16], wanted[16], name[200];
	snprintf(got, sizeof(got), "%d", mdec_cmp(&x, &y));
	snprintf(wanted, sizeof(wanted), "%d", want);
	snprintf(name, sizeof(name), "compare %s %s", a, b);
	check_text(name, got, wanted);
}

int main(void)
{
	const char *max = "79228162514264337593543950335";
	/* sums and differences: exact, at the larger scale */
	binary("1.1", '+', "2.2", "3.3");
	binary("1.10", '+', "1", "2.10");
	binary("0.1", '+', "0.2", "0.3");
	binary("1", '-', "1.00", "0.00");
	binary("2.5", '-', "7.25", "-4.75");
	binary("-1.5", '+', "1.5", "0.0");
	binary(max, '+', "1", "error: " MDEC_OVERFLOW);
	binary(max, '-', "0.5", "79228162514264337593543950334"); /* ...334.5: half to even */
	binary(max, '+', "0.4", max);
	/* a sum whose exact digits do not fit: rounded to the places that do */
	binary("1", '+', "0.0000000000000000000000000005", "1.0000000000000000000000000005");
	binary("10", '+', "0.0000000000000000000000000005", "10.000000000000000000000000000");
	binary("10", '+', "0.0000000000000000000000000015", "10.000000000000000000000000002");
	/* products: scales added, then rounded to 28 places */
	binary("1.5", '*', "2", "3.0");
	binary("0.1", '*', "0.1", "0.01");
	binary("-2.5", '*', "4", "-10.0");
	binary("0.0000000000000001", '*', "0.0000000000000001", "0.0000000000000000000000000000");
	binary("0.00000000000001", '*', "0.000000000000015", "0.0000000000000000000000000002");
	binary("0.00000000000001", '*', "0.000000000000025", "0.0000000000000000000000000002");
	binary(max, '*', "2", "error: " MDEC_OVERFLOW);
	binary(max, '*', "0.5", "39614081257132168796771975168"); /* ...167.5 to even */
	/* quotients: exact at the smallest scale, else 28 places or as many as fit */
	binary("1", '/', "3", "0.3333333333333333333333333333");
	binary("2", '/', "3", "0.6666666666666666666666666667");
	binary("10", '/', "4", "2.5");
	binary("10", '/', "3", "3.3333333333333333333333333333");
	binary("100", '/', "3", "33.333333333333333333333333333");
	binary("1.00", '/', "4", "0.25");
	binary("2.00", '/', "1", "2.00");
	binary("-7", '/', "2", "-3.5");
	binary("1", '/', "0", "error: Attempted to divide by zero.");
	binary(max, '/', "0.1", "error: " MDEC_OVERFLOW);
	/* remainders: the dividend's sign, the larger scale */
	binary("7.5", '%', "2", "1.5");
	binary("-7.5", '%', "2", "-1.5");
	binary("10", '%', "0.3", "0.1");
	binary("5", '%', "0", "error: Attempted to divide by zero.");
	/* comparisons ignore the scale */
	compare("1.0", "1.00", 0);
	compare("0", "-0.0", 0);
	compare("2.5", "10", -1);
	compare("-3", "-2.99", -1);
	compare("0.0000000000000000000000000001", "0", 1);
	/* literals */
	literal("1.5", "1.5");
	literal("1.50", "1.50");
	literal("1_000.25", "1000.25");
	literal("1.5e3", "1500");
	literal("25e-2", "0.25");
	literal("0.00000000000000000000000000005", "0.0000000000000000000000000000");
	literal("0.00000000000000000000000000015", "0.0000000000000000000000000002");
	literal(max, max);
	literal("79228162514264337593543950336",
		"error: error CS0594: Floating-point constant is outside the range of type "
		"'decimal'");
	/* conversions */
	struct mdec d;
	struct mx_err err;
	char got[64];
	mdec_from_i64(-9223372036854775807LL - 1, &d);
	mdec_text(&d, got, sizeof(got));
	check_text("from long.MinValue", got, "-9223372036854775808");
	mdec_from_u64(18446744073709551615ULL, &d);
	mdec_text(&d, got, sizeof(got));
	check_text("from ulong.MaxValue", got, "18446744073709551615");
	mdec_from_double(2.5, &d, &err);
	mdec_text(&d, got, sizeof(got));
	check_text("from double 2.5", got, "2.5");
	mdec_from_double(0.1, &d, &err);
	mdec_text(&d, got, sizeof(got));
	check_text("from double 0.1", got, "0.1");
	int64_t i = 0;
	d = dec("12.99");
	mdec_neg(&d, &d);
	check_text("to long truncates", mdec_to_i64(&d, &i) && i == -12 ? "-12" : "?", "-12");
	uint32_t flags, hi;
	uint64_t lo;
	d = dec("1.25");
	mdec_neg(&d, &d);
	mdec_to_fields(&d, &flags, &hi, &lo);
	snprintf(got, sizeof(got), "%08x %u %llu", flags, hi, (unsigned long long)lo);
	check_text("fields of -1.25", got, "80020000 0 125");
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
