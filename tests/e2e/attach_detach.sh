#!/usr/bin/env bash
# Attach to a running multi-threaded program, stop at a breakpoint, detach: it keeps running
# correctly (still ticking, not traced, no int3 left) and exits cleanly on SIGTERM.
source "$(dirname "$0")/../lib.sh"
set -u
ticks="$PWD/ticks"
"$FIXTURES/sleeper" "$ticks" >"$PWD/sleeper.out" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null' EXIT
wait_for_file "$PWD/sleeper.out" ready 10 || fail "sleeper did not start"
wait_for_file "$ticks" tick 10 || fail "sleeper wrote no tick"
run_mixdbg -batch --pid "$pid" -ex 'info threads' -ex 'break tick' -ex 'continue' \
	-ex 'info breakpoints' -ex 'x/1i $pc' -ex 'detach'
expect_out "Attaching to process $pid"
expect_count 4 '^[* ] [0-9]+ +Thread [0-9]+ '
expect_out 'hit Breakpoint 1, tick \(\) at sleeper\.c:[0-9]+'
expect_out "\\[Inferior 1 \\(process $pid\\) detached\\]"
grep -q 'TracerPid:[[:space:]]*0$' "/proc/$pid/status" || fail "still traced after detach"
expect_ticking "$ticks"
# no breakpoint byte left at tick: attach again and look at the instruction
run_mixdbg -batch --pid "$pid" -ex 'x/1i tick' -ex 'detach'
expect_out '<tick\+0>:'
expect_not_out 'int3'
kill -TERM "$pid"
wait "$pid" || fail "sleeper exited with status $?"
grep -q '^bye' "$PWD/sleeper.out" || fail "sleeper did not exit cleanly"
trap - EXIT
pass
