/* test_csx.c: unit test of the C# expression parser (src/csx): expressions with the tree
 * they must give (as csx_dump's s-expression), bad input with the message it must give, the
 * tree's fields the evaluator reads, and the limits on hostile input.
 *
 * Build and run from the repository root:
 *   make build/unit/test_csx && build/unit/test_csx
 * (and under ASan+UBSan, which also finds leaks on the error paths:
 *   make SAN=1 build-asan/unit/test_csx && build-asan/unit/test_csx)
 * With arguments, parses each and prints its tree or error instead (to explore).
 * The expected trees follow the C# specification's precedence table and its two grammar
 * ambiguity rules (casts 12.9.7, generic names 6.2.5); the messages are Roslyn's wording.
 * Prints "ok NAME" / "not ok NAME: why" per check, then "N passed, N failed".
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csx/csx.h"

/* Test run state. */
struct t {
	int pass; /* checks passed */
	int fail; /* checks failed */
};

static void check(struct t *t, bool ok, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void check(struct t *t, bool ok, const char *name, const char *fmt, ...)
{
	if (ok) {
		t->pass++;
		printf("ok %s\n", name);
		return;
	}
	t->fail++;
	printf("not ok %s: ", name);
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* The expression as a test name on one line (newlines shown as \n). */
static const char *one_line(const char *prefix, const char *text, char *buf, size_t len)
{
	size_t n = (size_t)snprintf(buf, len, "%s", prefix);
	for (; *text && n + 3 < len; text++) {
		if (*text == '\n') {
			buf[n++] = '\\';
			buf[n++] = 'n';
		} else {
			buf[n++] = *text;
		}
	}
	buf[n] = 0;
	return buf;
}

/* An expression and its tree. */
struct good {
	const char *text;
	const char *tree;
};

static const struct good goods[] = {
    /* ranges and index from end (C# 8): the range level sits between unary and
       multiplicative; each side may be left out */
    {"a[1..4]", "([] (name a) (.. (int 1) (int 4)))"},
    {"a[..3]", "([] (name a) (.. _ (int 3)))"},
    {"a[990..]", "([] (name a) (.. (int 990) _))"},
    {"a[..]", "([] (name a) (.. _ _))"},
    {"a[^1]", "([] (name a) (^ (int 1)))"},
    {"s[1..^1]", "([] (name s) (.. (int 1) (^ (int 1))))"},
    {"a[..^0]", "([] (name a) (.. _ (^ (int 0))))"},
    {"1..2 * 3", "(* (.. (int 1) (int 2)) (int 3))"},
    {"-1..-2", "(.. (- (int 1)) (- (int 2)))"},
    {"a[i + 1..j]", "([] (name a) (+ (name i) (.. (int 1) (name j))))"},
    {"x ^ y", "(^ (name x) (name y))"},
    {"a[^i - 1]", "([] (name a) (- (^ (name i)) (int 1)))"},
    {"a[(i)..(j)]", "([] (name a) (.. (name i) (name j)))"},
    /* precedence and associativity, one pair of levels after another */
    {"a + 1", "(+ (name a) (int 1))"},
    {"a + b * c", "(+ (name a) (* (name b) (name c)))"},
    {"a * b + c", "(+ (* (name a) (name b)) (name c))"},
    {"1 + 2 * 3 - 4 / 5 % 6",
     "(- (+ (int 1) (* (int 2) (int 3))) (% (/ (int 4) (int 5)) (int 6)))"},
    {"a - b - c", "(- (- (name a) (name b)) (name c))"},
    {"a << 1 + 2", "(<< (name a) (+ (int 1) (int 2)))"},
    {"a >> b >>> c", "(>>> (>> (name a) (name b)) (name c))"},
    {"a < b << 1", "(< (name a) (<< (name b) (int 1)))"},
    {"a < b == c > d", "(== (< (name a) (name b)) (> (name c) (name d)))"},
    {"a <= b != c >= d", "(!= (<= (name a) (name b)) (>= (name c) (name d)))"},
    {"a == b != c", "(!= (== (name a) (name b)) (name c))"},
    {"a & b == c", "(& (name a) (== (name b) (name c)))"},
    {"a ^ b & c", "(^ (name a) (& (name b) (name c)))"},
    {"a & b ^ c | d", "(| (^ (& (name a) (name b)) (name c)) (name d))"},
    {"a | b && c", "(&& (| (name a) (name b)) (name c))"},
    {"!a && b || c", "(|| (&& (! (name a)) (name b)) (name c))"},
    {"a || b ?? c", "(?? (|| (name a) (name b)) (name c))"},
    {"a ?? b ?? c", "(?? (name a) (?? (name b) (name c)))"},
    {"a ?? b ? c : d", "(?: (?? (name a) (name b)) (name c) (name d))"},
    {"a ? b : c ? d : e", "(?: (name a) (name b) (?: (name c) (name d) (name e)))"},
    {"a ? b ? c : d : e", "(?: (name a) (?: (name b) (name c) (name d)) (name e))"},
    {"x < y ? 1 : 2", "(?: (< (name x) (name y)) (int 1) (int 2))"},
    {"a = b ? c : d", "(= (name a) (?: (name b) (name c) (name d)))"},
    {"a ? b = 1 : c", "(?: (name a) (= (name b) (int 1)) (name c))"},
    {"a = b = c", "(= (name a) (= (name b) (name c)))"},
    {"(a + b) * c", "(* (+ (name a) (name b)) (name c))"},
    /* unary, postfix */
    {"-x++", "(- (post++ (name x)))"},
    {"++x", "(++ (name x))"},
    {"--x", "(-- (name x))"},
    {"i++ + ++i", "(+ (post++ (name i)) (++ (name i)))"},
    {"a-- - --b", "(- (post-- (name a)) (-- (name b)))"},
    {"a - -b", "(- (name a) (- (name b)))"},
    {"+a * ~b", "(* (+ (name a)) (~ (name b)))"},
    {"!!a", "(! (! (name a)))"},
    {"-a.b", "(- (. (name a) b))"},
    {"x!.y", "(. (name x) y)"},
    {"(a)++", "(post++ (name a))"},
    {"a?.b<int>(c)", "(call (?. (name a) b <int>) (name c))"},
    {"x.@class", "(. (name x) class)"},
    {"new int?[3]", "(new-array int?[] (int 3))"},
    /* primary */
    {"f()", "(call (name f))"},
    {"a.b.c(1, 2)[3]", "([] (call (. (. (name a) b) c) (int 1) (int 2)) (int 3))"},
    {"arr[1, 2]", "([] (name arr) (int 1) (int 2))"},
    {"this[1]", "([] (this) (int 1))"},
    {"base.Foo()", "(call (. (base) Foo))"},
    {"Fixtures.Outer.Inner.Value", "(. (. (. (name Fixtures) Outer) Inner) Value)"},
    {"nameof(x)", "(call (name nameof) (name x))"},
    {"int.MaxValue", "(. (keyword int) MaxValue)"},
    {"string.Empty", "(. (keyword string) Empty)"},
    {"string.IsNullOrEmpty(s)", "(call (. (keyword string) IsNullOrEmpty) (name s))"},
    {"$exception", "(name $exception)"},
    {"$1 + $2", "(+ (name $1) (name $2))"},
    {"$exception.Message", "(. (name $exception) Message)"},
    {"@int + @class", "(+ (name int) (name class))"},
    {"var + value", "(+ (name var) (name value))"},
    {"a // comment", "(name a)"},
    {"a /* c */ + b", "(+ (name a) (name b))"},
    /* conditional access and ?? */
    {"x?.y?[1] ?? z", "(?? (?[] (?. (name x) y) (int 1)) (name z))"},
    {"a?.b.c", "(. (?. (name a) b) c)"},
    {"a?.b?.c()", "(call (?. (?. (name a) b) c))"},
    {"arr?[i]?.x", "(?. (?[] (name arr) (name i)) x)"},
    {"c ?.5 : 1", "(?: (name c) (real 0.5) (int 1))"},
    {"x ?? (y = 3)", "(?? (name x) (= (name y) (int 3)))"},
    /* casts and parentheses */
    {"(a)-b", "(- (name a) (name b))"},
    {"(a)+b", "(+ (name a) (name b))"},
    {"(int)-1", "(cast int (- (int 1)))"},
    {"(int)+x", "(cast int (+ (name x)))"},
    {"(a).b", "(. (name a) b)"},
    {"(a)[0]", "([] (name a) (int 0))"},
    {"(a[0])", "([] (name a) (int 0))"},
    {"(a ? b : c)", "(?: (name a) (name b) (name c))"},
    {"(x?.y)", "(?. (name x) y)"},
    {"(T)x", "(cast T (name x))"},
    {"(T)(x)", "(cast T (name x))"},
    {"(a)!b", "(cast a (! (name b)))"},
    {"(a)~b", "(cast a (~ (name b)))"},
    {"(a) this", "(cast a (this))"},
    {"(a) 1", "(cast a (int 1))"},
    {"(a) \"s\"", "(cast a (string \"s\"))"},
    {"(a) is int", "(is (name a) int)"},
    {"(a) as T", "(as (name a) T)"},
    {"(int?)x", "(cast int? (name x))"},
    {"(int[])x", "(cast int[] (name x))"},
    {"(List<int>)x", "(cast List<int> (name x))"},
    {"(System.Int32)x", "(cast System.Int32 (name x))"},
    {"(Fixtures.Outer.Inner)o", "(cast Fixtures.Outer.Inner (name o))"},
    {"(double)a / b", "(/ (cast double (name a)) (name b))"},
    {"(long)(int)x", "(cast long (cast int (name x)))"},
    {"(a < b)", "(< (name a) (name b))"},
    /* generic names */
    {"List<int>", "(name List <int>)"},
    {"F<int>(x)", "(call (name F <int>) (name x))"},
    {"F<A,B>(7)", "(call (name F <A, B>) (int 7))"},
    {"F(G<A, B>(7))", "(call (name F) (call (name G <A, B>) (int 7)))"},
    {"F(G<A, B>7)", "(call (name F) (< (name G) (name A)) (> (name B) (int 7)))"},
    {"a < b > c", "(> (< (name a) (name b)) (name c))"},
    {"a<b>.c", "(. (name a <b>) c)"},
    {"a.F<int>(x)", "(call (. (name a) F <int>) (name x))"},
    {"obj.Method<string>().Prop", "(. (call (. (name obj) Method <string>)) Prop)"},
    {"List<List<int>>", "(name List <List<int>>)"},
    {"a < b && c > d", "(&& (< (name a) (name b)) (> (name c) (name d)))"},
    {"typeof(Dictionary<string, int>)", "(typeof Dictionary<string, int>)"},
    {"typeof(int[,][])", "(typeof int[,][])"},
    {"typeof(int?[])", "(typeof int?[])"},
    {"typeof(void)", "(typeof void)"},
    {"typeof(System.Collections.Generic.List<int>)",
     "(typeof System.Collections.Generic.List<int>)"},
    {"sizeof(int)", "(sizeof int)"},
    {"default", "(default)"},
    {"default(int?)", "(default int?)"},
    {"default(List<string>)", "(default List<string>)"},
    /* is, as */
    {"x is int ? 1 : 0", "(?: (is (name x) int) (int 1) (int 0))"},
    {"x is int? ? 1 : 0", "(?: (is (name x) int?) (int 1) (int 0))"},
    {"x as int? ?? 0", "(?? (as (name x) int?) (int 0))"},
    {"x is not null", "(is-not (name x) null)"},
    {"x is null", "(is (name x) null)"},
    {"x is not int", "(is-not (name x) int)"},
    {"x is Foo.Bar", "(is (name x) Foo.Bar)"},
    {"x is int[]", "(is (name x) int[])"},
    {"x is List<int>", "(is (name x) List<int>)"},
    {"x as List<int>[]", "(as (name x) List<int>[])"},
    {"x is null == true", "(== (is (name x) null) (bool true))"},
    {"a + b is int", "(is (+ (name a) (name b)) int)"},
    {"x as string == null", "(== (as (name x) string) (null))"},
    /* new */
    {"new List<int>(3)", "(new List<int> (int 3))"},
    {"new Dictionary<string, List<int>>()", "(new Dictionary<string, List<int>>)"},
    {"new Foo.Bar(1, \"a\")", "(new Foo.Bar (int 1) (string \"a\"))"},
    {"new int[3][]", "(new-array int[][] (int 3))"},
    {"new int[2, 3]", "(new-array int[,] (int 2) (int 3))"},
    {"new object().GetType()", "(call (. (new object) GetType))"},
    /* assignment */
    {"a += b -= c", "(+= (name a) (-= (name b) (name c)))"},
    {"x ?\?= y", "(?\?= (name x) (name y))"},
    {"a >>= 2", "(>>= (name a) (int 2))"},
    {"a >>>= 2", "(>>>= (name a) (int 2))"},
    {"a <<= 2", "(<<= (name a) (int 2))"},
    {"a *= b /= c %= d", "(*= (name a) (/= (name b) (%= (name c) (name d))))"},
    {"a &= b |= c ^= d", "(&= (name a) (|= (name b) (^= (name c) (name d))))"},
    {"o.f = 1", "(= (. (name o) f) (int 1))"},
    {"a[i] = (x = 2) + 1", "(= ([] (name a) (name i)) (+ (= (name x) (int 2)) (int 1)))"},
    /* literals */
    {"0xFF_FFu", "(int 65535 u)"},
    {"0b1010L", "(int 10 l)"},
    {"0B1_0", "(int 2)"},
    {"0x_1", "(int 1)"},
    {"1__0", "(int 10)"},
    {"1ul", "(int 1 ul)"},
    {"1LU", "(int 1 ul)"},
    {"1uL", "(int 1 ul)"},
    {"1Ul", "(int 1 ul)"},
    {"18446744073709551615", "(int 18446744073709551615)"},
    {"0xFFFFFFFFFFFFFFFF", "(int 18446744073709551615)"},
    {"-2147483648", "(- (int 2147483648))"},
    {"-9223372036854775808", "(- (int 9223372036854775808))"},
    {"1.ToString()", "(call (. (int 1) ToString))"},
    {"1.5f", "(real 1.5 f)"},
    {"1.5D", "(real 1.5 d)"},
    {"1.5m", "(real 1.5 m)"},
    {"1F", "(real 1 f)"},
    {"1M", "(real 1 m)"},
    {".5", "(real 0.5)"},
    {"1e3", "(real 1000)"},
    {"1.5e-3", "(real 0.0015)"},
    {"1_000.5e1_0", "(real 10005000000000)"},
    {"0.1", "(real 0.1)"},
    {"'a'", "(char 'a')"},
    {"'\\''", "(char U+0027)"},
    {"'\"'", "(char '\"')"},
    {"'\\\\'", "(char U+005C)"},
    {"'\\0'", "(char U+0000)"},
    {"'\\n'", "(char U+000A)"},
    {"'\\u0041'", "(char 'A')"},
    {"'\\U00000041'", "(char 'A')"},
    {"'\\x41'", "(char 'A')"},
    {"'\\xFFFF'", "(char U+FFFF)"},
    {"'\xc3\xa9'", "(char U+00E9)"},
    {"\"a\\tb\\x41\"", "(string \"a\\tbA\")"},
    {"\"\\a\\b\\f\\v\\e\\\"\\\\\\r\\n\\'\"",
     "(string \"\\x07\\x08\\x0c\\x0b\\x1b\\\"\\\\\\r\\n'\")"},
    {"\"\\x41BCDx\"", "(string \"\xe4\x86\xbc"
		      "Dx\")"}, /* \x takes 4 digits at most */
    {"\"\\u00e9\"", "(string \"\xc3\xa9\")"},
    {"\"\\U0001F600\\uD83D\\uDE00\\uD83D\"",
     "(string \"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xef\xbf\xbd\")"},
    {"@\"c:\\x\"\"y\"", "(string \"c:\\\\x\\\"y\")"},
    {"@\"two\nlines\"", "(string \"two\\nlines\")"},
    {"\"\"", "(string \"\")"},
    {"true ? null : this", "(?: (bool true) (null) (this))"},
    {"false", "(bool false)"},
    {"\"a\" + 'b'", "(+ (string \"a\") (char 'b'))"},
};

/* A bad expression and its message. */
struct bad {
	const char *text;
	const char *msg;
};

static const struct bad bads[] = {
    {"", "(1,1): error CS1733: Expected expression"},
    {"   ", "(1,4): error CS1733: Expected expression"},
    {"(1 + 2", "(1,7): error CS1026: ) expected"},
    {"((a)", "(1,5): error CS1026: ) expected"},
    {"(a))", "(1,4): error CS1073: Unexpected token ')'"},
    {")", "(1,1): error CS1525: Invalid expression term ')'"},
    {"f(1, )", "(1,6): error CS1525: Invalid expression term ')'"},
    {"a * / b", "(1,5): error CS1525: Invalid expression term '/'"},
    {"1 +", "(1,4): error CS1733: Expected expression"},
    {"f(1,", "(1,5): error CS1733: Expected expression"},
    {"a[1", "(1,4): error CS1003: Syntax error, ']' expected"},
    {"a[]", "(1,3): error CS0443: Syntax error; value expected"},
    {"a b", "(1,3): error CS1073: Unexpected token 'b'"},
    {"x => x", "(1,3): error CS1073: Unexpected token '=>'"},
    {"a ? b", "(1,6): error CS1003: Syntax error, ':' expected"},
    {"a ? b :", "(1,8): error CS1733: Expected expression"},
    {"a.)", "(1,3): error CS1001: Identifier expected"},
    {"base", "(1,1): error CS0175: Use of keyword 'base' is not valid in this context"},
    {"int", "(1,1): error CS1525: Invalid expression term 'int'"},
    {"a + class", "(1,5): error CS1525: Invalid expression term 'class'"},
    {"a # b", "(1,3): error CS1056: Unexpected character '#'"},
    {"a\n  + )", "(2,5): error CS1525: Invalid expression term ')'"},
    {"\"\xc3\xa9\xc3\xa9\" + )", "(1,8): error CS1525: Invalid expression term ')'"},
    /* literals */
    {"'ab'", "(1,1): error CS1012: Too many characters in character literal"},
    {"'\\U0001F600'", "(1,1): error CS1012: Too many characters in character literal"},
    {"''", "(1,1): error CS1011: Empty character literal"},
    {"'a", "(1,1): error CS1010: Newline in constant"},
    {"\"abc", "(1,1): error CS1010: Newline in constant"},
    {"x == \"ab\ncd\"", "(1,6): error CS1010: Newline in constant"},
    {"@\"abc", "(1,1): error CS1039: Unterminated string literal"},
    {"\"a\\qb\"", "(1,3): error CS1009: Unrecognized escape sequence"},
    {"\"\\u12\"", "(1,2): error CS1009: Unrecognized escape sequence"},
    {"\"\\U00110000\"", "(1,2): error CS1009: Unrecognized escape sequence"},
    {"'\\x'", "(1,2): error CS1009: Unrecognized escape sequence"},
    {"\"a\\0b\"", "(1,3): a NUL character (\\0) in a string is not supported"},
    {"18446744073709551616", "(1,1): error CS1021: Integral constant is too large"},
    {"0x10000000000000000", "(1,1): error CS1021: Integral constant is too large"},
    {"1_", "(1,1): error CS1013: Invalid number"},
    {"0x", "(1,1): error CS1013: Invalid number"},
    {"0b", "(1,1): error CS1013: Invalid number"},
    {"1e", "(1,1): error CS0595: Invalid real literal"},
    {"1e999", "(1,1): error CS0594: Floating-point constant is outside the range of type "
	      "'double'"},
    {"3.5e39f", "(1,1): error CS0594: Floating-point constant is outside the range of type "
		"'float'"},
    {"1e29m", "(1,1): error CS0594: Floating-point constant is outside the range of type "
	      "'decimal'"},
    {"$\"a{b}\"", "(1,1): interpolated strings ($\"...\") are not supported in expressions: "
		  "join the parts with +"},
    {"a /* c", "(1,3): error CS1035: End-of-file found, '*/' expected"},
    {"\xff", "(1,1): the expression is not valid UTF-8 (byte 0xff)"},
    /* types */
    {"typeof(List<int)", "(1,16): error CS1003: Syntax error, '>' expected"},
    {"typeof()", "(1,8): error CS1031: Type expected"},
    {"typeof(int", "(1,11): error CS1026: ) expected"},
    {"sizeof int", "(1,8): error CS1003: Syntax error, '(' expected"},
    {"x is 5", "(1,6): only the patterns `is T`, `is null` and `is not ...` are supported"},
    {"x is int i", "(1,10): only the patterns `is T`, `is null` and `is not ...` are supported"},
    {"x is not", "(1,9): error CS1031: Type expected"},
    {"x as", "(1,5): error CS1031: Type expected"},
    {"typeof(Outer<int>.Inner)",
     "(1,18): type arguments on an enclosing type (Outer<T>.Inner) are not supported"},
    {"new int[]", "(1,10): error CS1586: Array creation must have array size or array "
		  "initializer"},
    {"new Foo", "(1,8): error CS1526: A new expression requires an argument list or (), [], or "
		"{} after type"},
    {"new Foo {X = 1}",
     "(1,9): object, collection and array initializers ({...}) are not supported"},
    {"new()", "(1,4): new without a type (new(), new[] {...}) is not supported: name the type"},
    {"new", "(1,4): error CS1031: Type expected"},
    {"*p", "(1,1): '*' (lambdas, pointers, indices) is not supported"},
    {"checked(x)", "(1,1): checked(...) is not supported"},
    {"f(out x)", "(1,3): ref, out and in arguments are not supported"},
    {"f(1, x: 2)", "(1,6): named arguments (x: ...) are not supported"},
    {"(a)--b", "(1,6): error CS1073: Unexpected token 'b'"},
    {"a[1..2..3]", "(1,7): error CS1003: Syntax error, ']' expected"},
    {"a[^]", "(1,4): error CS1525: Invalid expression term ']'"},
};

static void check_goods(struct t *t)
{
	for (size_t k = 0; k < sizeof(goods) / sizeof(goods[0]); k++) {
		struct csx_node *n = NULL;
		struct mx_err err = {{0}};
		char tree[1024] = "";
		int rc = csx_parse(goods[k].text, &n, &err);
		if (rc == 0)
			csx_dump(n, tree, sizeof(tree));
		char name[160];
		one_line("", goods[k].text, name, sizeof(name));
		check(t, rc == 0 && !err.msg[0] && strcmp(tree, goods[k].tree) == 0, name,
		      "rc %d, tree %s, error %s; expected %s", rc, tree, err.msg, goods[k].tree);
		csx_free(n);
	}
}

static void check_bads(struct t *t)
{
	for (size_t k = 0; k < sizeof(bads) / sizeof(bads[0]); k++) {
		struct csx_node *n = (struct csx_node *)&n; /* must be cleared */
		struct mx_err err = {{0}};
		int rc = csx_parse(bads[k].text, &n, &err);
		char name[160];
		one_line("refused: ", bads[k].text, name, sizeof(name));
		check(t, rc == -1 && n == NULL && strcmp(err.msg, bads[k].msg) == 0, name,
		      "rc %d, message \"%s\"; expected \"%s\"", rc, err.msg, bads[k].msg);
		if (rc == 0)
			csx_free(n);
	}
}

/* s repeated n times between head and tail. */
static char *repeat(const char *head, const char *s, size_t n, const char *tail)
{
	size_t len = strlen(head) + strlen(s) * n + strlen(tail) + 1;
	char *out = malloc(len), *w = out;
	w = stpcpy(w, head);
	for (size_t k = 0; k < n; k++)
		w = stpcpy(w, s);
	strcpy(w, tail);
	return out;
}

#define TOO_DEEP "error CS8078: An expression is too long or complex to compile"

/* An expression built by repeat() parses (want NULL) or is refused with a message holding
 * want. */
static void check_limit(struct t *t, const char *name, char *text, const char *want)
{
	struct csx_node *n = NULL;
	struct mx_err err = {{0}};
	int rc = csx_parse(text, &n, &err);
	if (!want)
		check(t, rc == 0 && !err.msg[0], name, "error %s", err.msg);
	else
		check(t, rc == -1 && strstr(err.msg, want), name, "rc %d, message %s", rc, err.msg);
	csx_free(n);
	free(text);
}

static void check_limits(struct t *t)
{
	char *deep = repeat("", "(", 199, "1");
	char *closed = repeat(deep, ")", 199, "");
	free(deep);
	check_limit(t, "199 nested parentheses, closed, parse", closed, NULL);
	check_limit(t, "300 nested parentheses are refused", repeat("", "(", 300, "1"), TOO_DEEP);
	check_limit(t, "100000 open parentheses are refused", repeat("", "(", 100000, ""),
		    TOO_DEEP);
	check_limit(t, "5000 unary minus are refused", repeat("", "-", 5000, "1"), TOO_DEEP);
	check_limit(t, "500 ?? are refused", repeat("a", "??a", 500, ""), TOO_DEEP);
	check_limit(t, "300 nested generic arguments are refused",
		    repeat("typeof(", "L<", 300, "int)"), TOO_DEEP);
	check_limit(t, "250 chained < are refused, not parsed with an error set",
		    repeat("", "a<", 250, "a"), TOO_DEEP);
	check_limit(t, "100 chained < parse", repeat("", "a<", 100, "a"), NULL);
	check_limit(t, "a chain of 999 members parses", repeat("a", ".b", 999, ""), NULL);
	check_limit(t, "a chain of 2000 additions is refused", repeat("1", "+1", 2000, ""),
		    TOO_DEEP);
	check_limit(t, "100 array ranks are refused", repeat("typeof(int", "[]", 100, ")"),
		    "(1,75): more than 32 array rank specifiers");
}

/* The fields the evaluator reads, beyond what the dump shows. */
static void check_fields(struct t *t)
{
	struct csx_node *n;
	struct mx_err err;
	char buf[128];

	if (csx_parse("  x.y", &n, &err) == 0) {
		check(t,
		      n->kind == CSX_MEMBER && n->pos == 3 && n->nkids == 1 &&
			  n->kids[0]->kind == CSX_NAME && n->kids[0]->pos == 2 &&
			  strcmp(n->kids[0]->text, "x") == 0 && !n->conditional,
		      "member: kinds, positions, text", "kind %d pos %zu", n->kind, n->pos);
		csx_free(n);
	} else {
		check(t, false, "member: kinds, positions, text", "%s", err.msg);
	}
	if (csx_parse("0x1_0UL", &n, &err) == 0) {
		check(t,
		      n->kind == CSX_INT && n->u64 == 16 &&
			  n->flags == (CSX_LIT_U | CSX_LIT_L | CSX_LIT_HEX) &&
			  strcmp(n->text, "0x1_0UL") == 0,
		      "integer: value, flags, source text", "u64 %llu flags %#x text %s",
		      (unsigned long long)n->u64, n->flags, n->text);
		csx_free(n);
	}
	if (csx_parse("79228162514264337593543950335m", &n, &err) == 0) {
		check(t,
		      n->kind == CSX_REAL && n->flags == CSX_LIT_M &&
			  strcmp(n->text, "79228162514264337593543950335m") == 0,
		      "decimal: exact text kept", "text %s", n->text);
		csx_free(n);
	} else {
		check(t, false, "decimal: exact text kept", "%s", err.msg);
	}
	if (csx_parse("(int[][,])x", &n, &err) == 0) {
		const struct csx_type *ty = n->type;
		check(t,
		      ty && ty->rank == 1 && !ty->name && ty->elem && ty->elem->rank == 2 &&
			  ty->elem->elem && ty->elem->elem->rank == 0 &&
			  strcmp(ty->elem->elem->name, "int") == 0 && ty->elem->elem->keyword,
		      "int[][,] is an array of two-dimensional arrays", "rank %u",
		      ty ? ty->rank : 0);
		csx_type_text(ty, buf, sizeof(buf));
		check(t, strcmp(buf, "int[][,]") == 0, "type text of int[][,]", "%s", buf);
		csx_free(n);
	}
	if (csx_parse("typeof(Dictionary<string, List<int?>>)", &n, &err) == 0) {
		const struct csx_type *ty = n->type;
		check(t,
		      ty && strcmp(ty->name, "Dictionary") == 0 && ty->nargs == 2 &&
			  strcmp(ty->args[1]->name, "List") == 0 && ty->args[1]->args[0]->nullable,
		      "generic type arguments", "name %s", ty ? ty->name : "");
		csx_type_text(ty, buf, 12);
		check(t, strcmp(buf, "Dictionary<") == 0, "type text is truncated to its buffer",
		      "%s", buf);
		csx_free(n);
	}
	if (csx_parse("a ?? b", &n, &err) == 0) {
		check(t, n->kind == CSX_BINARY && n->op == CSX_OP_COALESCE && n->height == 2,
		      "?? operator and tree height", "op %d height %u", n->op, n->height);
		csx_dump(n, buf, 8);
		check(t, strcmp(buf, "(?? (na") == 0, "dump is truncated to its buffer", "%s", buf);
		csx_free(n);
	}
	if (csx_parse("x -= 1", &n, &err) == 0) {
		check(t, n->kind == CSX_ASSIGN && n->op == '-', "-= is ASSIGN with op '-'", "op %d",
		      n->op);
		csx_free(n);
	}
	if (csx_parse("-x", &n, &err) == 0) {
		check(t, n->kind == CSX_UNARY && n->op == CSX_OP_NEG && n->op == '-',
		      "unary minus is op '-'", "op %d", n->op);
		csx_free(n);
	}
	n = (struct csx_node *)&n;
	check(t, csx_parse(NULL, &n, &err) == -1 && n == NULL, "NULL text is an empty expression",
	      "%s", err.msg);
}

/* With arguments: print each one's tree or error. */
static int explore(int argc, char **argv)
{
	for (int k = 1; k < argc; k++) {
		struct csx_node *n;
		struct mx_err err;
		char tree[8192];
		if (csx_parse(argv[k], &n, &err) == 0) {
			csx_dump(n, tree, sizeof(tree));
			printf("%s\n", tree);
			csx_free(n);
		} else {
			printf("%s\n", err.msg);
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct t t = {0};

	if (argc > 1)
		return explore(argc, argv);
	setvbuf(stdout, NULL, _IOLBF, 0);
	check_goods(&t);
	check_bads(&t);
	check_limits(&t);
	check_fields(&t);
	printf("%d passed, %d failed\n", t.pass, t.fail);
	return t.fail ? 1 : 0;
}
