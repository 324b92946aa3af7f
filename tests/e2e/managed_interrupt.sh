#!/usr/bin/env bash
# Ctrl-C (SIGINT to mixdbg) while a .NET program runs: the runtime stops it (an async break),
# the stop shows the managed frame of the main thread, a breakpoint set then is hit after
# continue, and kill ends it.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Waiter/Waiter"
"$MIXDBG" -batch -ex run -ex bt -ex 'break Fixtures.Waiter.Tick' -ex continue -ex kill \
	--args "$app" "$PWD/ready" </dev/null >"$PWD/out" 2>&1 &
dbg=$!
wait_for_file "$PWD/ready" "^ready" 30 || fail "the program did not start under mixdbg"
sleep 0.3
kill -INT "$dbg"
wait "$dbg"
rc=$?
OUT=$(cat "$PWD/out")
cat "$PWD/out" >&2
sanitizer_check "$OUT"
[ "$rc" = 0 ] || fail "mixdbg exited with $rc"
expect_out 'Thread 1 "Waiter" stopped\.'
expect_out '^#[0-9]+ +Fixtures.Waiter.Main \(\) at Program.cs:[0-9]+'
expect_out 'hit Breakpoint 1, Fixtures.Waiter.Tick \(\)'
expect_out 'killed\]'
pass
