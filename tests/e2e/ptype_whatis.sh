#!/usr/bin/env bash
# ptype and whatis of C: types of expressions and type names, written as gdb writes them
# (structs, unions and enums spelled out by ptype, typedefs kept by whatis and resolved by
# ptype, arrays, function pointers, nested anonymous structs, bit-fields, functions), and the
# messages for names that are no symbol or no type.
source "$(dirname "$0")/../lib.sh"
set -u

# expect_block TEXT: $OUT holds TEXT (several lines) as it is.
expect_block() {
	[[ "$OUT" == *"$1"* ]] || _fail_out "output does not hold the block:
$1"
}

run_mixdbg -batch -ex 'break report' -ex run -ex up \
	-ex 'whatis shape' -ex 'ptype shape' -ex 'whatis origin' -ex 'ptype origin' \
	-ex 'whatis count' -ex 'ptype count' -ex 'whatis grid' -ex 'whatis grid[1]' \
	-ex 'whatis &grid' -ex 'ptype c' -ex 'whatis shape->combine' -ex 'ptype shape->combine' \
	-ex 'ptype shape->measure' -ex 'whatis shape->size' -ex 'ptype shape->size' \
	-ex 'ptype union number' -ex 'ptype enum level' -ex 'whatis point_t' -ex 'ptype binop_fn' \
	-ex 'ptype struct point *' -ex 'whatis unsigned long' -ex 'whatis p->x + 1' \
	-ex 'whatis ratio * 2' -ex "whatis 'a'" -ex 'whatis half' -ex 'whatis shape->label' \
	-ex 'whatis main' -ex 'ptype area' -ex 'whatis l_val' -ex 'whatis us_val' \
	-ex 'ptype nosuch' -ex 'whatis struct nosuch' -ex 'ptype p->nosuch' -ex 'ptype 1 +' \
	-ex 'ptype' -ex 'whatis shape' -ex continue "$FIXTURES/types"
expect_out '^type = struct shape \*$'
expect_block 'type = struct shape {
    char name[16];
    struct point corners[4];
    struct {
        int width;
        int height;
    } size;
    enum color color;
    union number weight;
    binop_fn combine;
    double (*measure)(const struct shape *, int);
    const char *label;
    unsigned int visible : 1;
    unsigned int layer : 3;
    struct shape *next;
} *'
expect_out '^type = point_t$'
expect_block 'type = struct point {
    int x;
    int y;
}
type = counter_t
type = unsigned long
type = int [3][4]
type = int [4]
type = int (*)[3][4]
type = enum color {RED, GREEN, BLUE}
type = binop_fn
type = int (*)(int, int)
type = double (*)(const struct shape *, int)
type = struct {...}
type = struct {
    int width;
    int height;
}
type = union number {
    int i;
    float f;
    unsigned char bytes[4];
}
type = enum level {LOW = 1, MID, HIGH = 10}
type = struct point
type = int (*)(int, int)
type = struct point {
    int x;
    int y;
} *
type = unsigned long
type = int
type = double
type = char
type = float
type = const char *
type = int (void)
type = double (const struct shape *, int)
type = long
type = unsigned short'
expect_out '^No symbol "nosuch" in current context\.$'
expect_out '^No struct type named nosuch\.$'
expect_out '^There is no member named nosuch\.$'
expect_out "A syntax error in expression, near \`'\\."
expect_out '^Usage: ptype EXPRESSION$'
expect_count 2 '^type = struct shape \*$' # the session goes on after the errors
expect_out 'types: total=141 r=255'
pass
