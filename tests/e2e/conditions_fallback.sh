#!/usr/bin/env bash
# Conditions the tracer cannot compile (a character or floating literal, a member through a
# pointer, an array element) are evaluated by the session at each hit: each stops exactly
# once, at the call where it holds (conds.c). Only what the C evaluator refuses (bad syntax,
# unknown names and members, a struct as a truth value) is refused, with its message, and the
# session goes on.
source "$(dirname "$0")/../lib.sh"
set -u
# condition, and the i of the only call of visit() where it holds
while IFS='|' read -r cond at; do
	run_mixdbg -batch -ex "break visit if $cond" -ex run -ex 'print i' -ex 'info breakpoints' \
		-ex continue "$FIXTURES/conds"
	expect_count 1 'hit Breakpoint 1, visit'
	expect_out "^i = $at\$"
	expect_out 'breakpoint already hit 1 time'
	expect_not_out 'rror|syntax'
	expect_out 'total=964 tiny=b half=-2'
	expect_out 'exited normally'
done <<'CONDS'
letter == 'q'|4
shape->size.width == 2|2
sum > 1.0|6
table[2] == 5|3
CONDS

# set with `condition` on a breakpoint of the running program; a tracer-compiled one still works
run_mixdbg -batch -ex 'break visit' -ex run -ex "condition 1 letter == 'q' && sum < 1.0" \
	-ex continue -ex 'print i' -ex 'condition 1 i == 6' -ex continue -ex 'print i' \
	-ex continue "$FIXTURES/conds"
expect_out '^i = 4$'
expect_out '^i = 6$'
expect_count 3 'hit Breakpoint 1, visit'
expect_out 'exited normally'

# refused: the C evaluator's messages; the breakpoint stays unconditional
run_mixdbg -batch -ex 'break visit' -ex "condition 1 letter == 'q" \
	-ex 'condition 1 shape->size.depth == 2' -ex 'condition 1 nosuch > 1.0' \
	-ex 'condition 1 *shape' -ex 'condition 1 table[2] == == 5' -ex 'condition 1 $xyz == 1' \
	-ex 'info breakpoints' -ex run -ex 'print i' -ex 'delete' -ex continue "$FIXTURES/conds"
expect_out "A syntax error in expression, near \`'q'\\."
expect_out 'There is no member named depth\.'
expect_out 'No symbol "nosuch" in current context\.'
expect_out 'Argument to arithmetic operation not a number or boolean\.'
expect_out "A syntax error in expression, near \`== 5'\\."
expect_out 'Unknown register "\$xyz"'
expect_not_out 'stop only if'
expect_out '^i = 0$'
expect_out 'exited normally'

# a condition that fails at a hit (division by zero) stops there, with the error
run_mixdbg -batch -ex 'break visit if sum / (i - i) > 1' -ex run -ex 'print i' -ex 'delete' \
	-ex continue "$FIXTURES/conds"
expect_out 'Division by zero'
expect_out '^i = 0$'
expect_out 'exited normally'
pass
