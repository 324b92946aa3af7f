#!/usr/bin/env bash
# Managed variables: arguments with their names from the metadata (`this` first for an
# instance method), locals with their names from the PDB (only those in scope), values of
# primitives, strings, null, arrays and objects; a caller's frame after `up`; print of a name
# and of an expression, a clear error for an unknown name. (Every kind of value and the C#
# evaluator: managed_eval.sh.)
source "$(dirname "$0")/../lib.sh"
set -u
dir="$FIXTURES/cs/Hello"
src="$FIXTURES/cs-src/Hello/Program.cs"
ret_line=$(grep -n 'return sum;' "$src" | cut -d: -f1)
run_mixdbg -batch -ex "break Program.cs:$ret_line" -ex run -ex 'info args' -ex 'info locals' \
	-ex 'print sum' -ex 'print b' -ex 'print nosuch' -ex 'print a + b' -ex up -ex 'info locals' \
	-ex 'info args' -ex kill "$dir/Hello"
expect_out '^a = 2$'
expect_out '^b = 3$'
expect_out '^sum = 5$'
expect_out "The name 'nosuch' does not exist in the current context"
expect_out '^a \+ b = 5$'
# Main, before Add returned: x not yet assigned, c not yet created; the loop's i out of scope
expect_out '^x = 0$'
expect_out '^c = null$'
expect_not_out '^i = '
expect_out '^args = \{string\[0\]\}$'

# a condition over a field of `this` (x is 5: Next runs with Value 5, 6, 7): stops once, at 7
run_mixdbg -batch -ex 'break Fixtures.Counter.Next' -ex 'condition 1 Value == 7' -ex run \
	-ex 'info args' -ex 'print Value' -ex 'set var this = 1' -ex 'info breakpoints' -ex continue \
	"$dir/Hello"
expect_out '^this = \{Fixtures.Counter\} \{Value = 7\}$'
expect_out '^Value = 7$'
expect_out "^error CS0029: Cannot implicitly convert type 'int' to 'Fixtures.Counter'$"
expect_out 'stop only if Value == 7'
expect_out 'breakpoint already hit 1 time$' # as gdb counts: only hits whose condition held
expect_out 'hello 8'
expect_count 1 'hit Breakpoint 1'

run_mixdbg -batch -ex 'break Fixtures.Places.Echo' -ex run -ex 'info args' -ex continue \
	-ex 'info args' -ex kill "$FIXTURES/cs/Places/Places"
expect_out '^value = 41$'
expect_out '^value = "text"$'
pass
