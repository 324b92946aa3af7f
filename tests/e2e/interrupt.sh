#!/usr/bin/env bash
# Ctrl-C (SIGINT to mixdbg) while the program runs stops every thread; the debugger then
# shows them and can continue or kill.
source "$(dirname "$0")/../lib.sh"
set -u
"$MIXDBG" -batch -ex run -ex 'info threads' -ex kill "$FIXTURES/sleeper" \
	</dev/null >"$PWD/out" 2>&1 &
dbg=$!
wait_for_file "$PWD/out" ready 20 || fail "sleeper did not start under mixdbg"
sleep 0.3
kill -INT "$dbg"
wait "$dbg"
rc=$?
OUT=$(cat "$PWD/out")
cat "$PWD/out" >&2
sanitizer_check "$OUT"
[ "$rc" = 0 ] || fail "mixdbg exited with $rc"
expect_out 'Thread 1 "sleeper" stopped\.'
expect_count 4 '^[* ] [0-9]+ +Thread [0-9]+ "sleeper"'
expect_out 'killed\]'
pass
