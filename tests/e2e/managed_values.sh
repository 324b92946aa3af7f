#!/usr/bin/env bash
# Managed variables, first cut: arguments with their names from the metadata (`this` first for
# an instance method), locals with their names from the PDB (only those in scope), values of
# primitives, strings, null, arrays and objects; a caller's frame after `up`; print of a name
# and clear errors for an unknown name and for an expression.
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
expect_out "only a local, an argument or .this. can be printed in managed code yet"
# Main, before Add returned: x not yet assigned, c not yet created; the loop's i out of scope
expect_out '^x = 0$'
expect_out '^c = null$'
expect_not_out '^i = '
expect_out '^args = \{string\[0\]\}$'

run_mixdbg -batch -ex 'break Fixtures.Counter.Next' -ex run -ex 'info args' -ex 'set var this = 1' \
	-ex 'condition 1 Value == 7' -ex kill "$dir/Hello"
expect_out '^this = \{Fixtures.Counter\}$'
# not yet: said so, nothing changed
expect_out 'assigning to managed variables is not supported yet'
expect_out 'conditions on managed breakpoints \(C# expressions\) are not supported yet'

run_mixdbg -batch -ex 'break Fixtures.Places.Echo' -ex run -ex 'info args' -ex continue \
	-ex 'info args' -ex kill "$FIXTURES/cs/Places/Places"
expect_out '^value = 41$'
expect_out '^value = "text"$'
pass
