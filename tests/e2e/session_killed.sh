#!/usr/bin/env bash
# The session process is killed (SIGKILL) while breakpoints are inserted in an attached
# program: the tracer sees the socket close, restores the bytes and detaches. The program
# survives, untraced, with no int3 left, and keeps working.
source "$(dirname "$0")/../lib.sh"
set -u
ticks="$PWD/ticks"
"$FIXTURES/sleeper" "$ticks" >"$PWD/sleeper.out" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null' EXIT
wait_for_file "$PWD/sleeper.out" ready 10 || fail "sleeper did not start"
wait_for_file "$ticks" tick 10 || fail "sleeper wrote no tick"
# ignore every hit: the program runs with the int3 inserted while mixdbg waits
"$MIXDBG" -batch --pid "$pid" -ex 'break tick' -ex 'ignore 1 1000000' -ex 'continue' \
	</dev/null >"$PWD/mixdbg.out" 2>&1 &
dbg=$!
wait_for_file "$PWD/mixdbg.out" 'Will ignore next' 10 || fail "mixdbg did not set up"
sleep 0.5
grep -q 'TracerPid:[[:space:]]*[1-9]' "/proc/$pid/status" || fail "sleeper is not traced"
kill -9 "$dbg"
wait "$dbg" 2>/dev/null
for _ in $(seq 50); do
	grep -q 'TracerPid:[[:space:]]*0$' "/proc/$pid/status" && break
	sleep 0.1
done
grep -q 'TracerPid:[[:space:]]*0$' "/proc/$pid/status" || fail "still traced after session died"
expect_ticking "$ticks"
run_mixdbg -batch --pid "$pid" -ex 'x/1i tick' -ex 'detach'
expect_out '<tick\+0>:'
expect_not_out 'int3'
kill -TERM "$pid"
wait "$pid" || fail "sleeper exited with status $?"
trap - EXIT
pass
