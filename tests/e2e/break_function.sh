#!/usr/bin/env bash
# A function breakpoint in a PIE program with DWARF 5 (gcc's default): set before `run`,
# hit with the right file and line, counted, and the program finishes with its own output.
source "$(dirname "$0")/../lib.sh"
set -u
src="$(dirname "$0")/../fixtures/loop.c"
readelf --debug-dump=info "$FIXTURES/loop" | grep -q 'Version:.*5' || fail "fixture is not DWARF 5"
run_mixdbg -batch -ex 'break hot' -ex 'run' -ex 'info breakpoints' -ex 'continue' \
	-ex 'info breakpoints' -ex 'delete 1' -ex 'continue' --args "$FIXTURES/loop" 3
expect_out '^Breakpoint 1 at hot: file .*loop\.c, line [0-9]+\.'
expect_count 2 'hit Breakpoint 1, hot \(\) at loop\.c:[0-9]+'
expect_out 'breakpoint already hit 1 time$'
expect_out 'breakpoint already hit 2 times$'
expect_out 'exited normally'
# the program's own output is unchanged
plain=$("$FIXTURES/loop" 3)
grep -qF -- "$plain" <<<"$OUT" || fail "program output '$plain' missing"
# the line reported is the first statement of hot, after its prologue
line=$(grep -oE 'hot \(\) at loop\.c:[0-9]+' <<<"$OUT" | head -n1 | grep -oE '[0-9]+$')
sed -n "${line}p" "$src" | grep -q '[;]' || fail "line $line of loop.c is not a statement"
pass
