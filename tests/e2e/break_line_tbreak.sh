#!/usr/bin/env bash
# FILE:LINE and bare LINE breakpoints, a temporary breakpoint, disable/enable, and `start`.
source "$(dirname "$0")/../lib.sh"
set -u
src="$(dirname "$0")/../fixtures/loop.c"
# first line of hot's body (a statement inside the function)
line=$(awk '/hot\(int/{f=1} f && /;/{print NR; exit}' "$src")
[ -n "$line" ] || fail "cannot find hot's body in $src"
run_mixdbg -batch -ex "break loop.c:$line" -ex 'tbreak main' -ex 'run' -ex 'info breakpoints' \
	-ex 'continue' -ex 'disable 1' -ex 'continue' --args "$FIXTURES/loop" 2
expect_out "hit Temporary breakpoint 2, main \\(\\) at loop\\.c:[0-9]+"
expect_out "hit Breakpoint 1, hot \\(\\) at loop\\.c:$line"
expect_count 1 "hit Breakpoint 1"
expect_out 'exited normally'
# after the temporary one fired, only breakpoint 1 is listed
expect_not_out '^2 +breakpoint'

run_mixdbg -batch -ex 'start' -ex "break $line" -ex 'continue' --args "$FIXTURES/loop" 1
expect_out 'hit Temporary breakpoint 1, main \(\)'
expect_out "Breakpoint 2 at 0x[0-9a-f]+: file .*loop\\.c, line $line\\."
expect_out "hit Breakpoint 2, hot \\(\\) at loop\\.c:$line"
pass
