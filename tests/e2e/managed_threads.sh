#!/usr/bin/env bash
# Eight managed threads (named worker0..worker7 by the program) each call Hit() 1,000 times
# with a breakpoint there: each of the 8,000 hits is reported exactly once, on the thread
# that made it, and the program then completes normally (it checks its own count).
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Hammer/Hammer"
[ -x "$app" ] || fail "fixture not built: $app"
{
	echo "break Fixtures.Hammer.Hit"
	echo run
	for _ in $(seq 8000); do echo continue; done
} >hammer.gdb
run_mixdbg -batch -x hammer.gdb "$app"
expect_count 8000 'hit Breakpoint 1, Fixtures.Hammer.Hit \(\)'
for t in 0 1 2 3 4 5 6 7; do
	expect_count 1000 "\"worker$t\" hit Breakpoint 1"
done
expect_out 'total 8000'
expect_out 'exited normally'
expect_not_out 'The program is not being run'
pass
