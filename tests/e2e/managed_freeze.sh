#!/usr/bin/env bash
# Freezing a managed thread (the runtime's ICorDebugThread::SetDebugState): "ticker-a" and
# "ticker-b" each count ticks, main passes Checkpoint(round, a, b) four times. ticker-a frozen
# at a stop in TickA: its count does not move by the next checkpoint while ticker-b's does;
# `info threads` marks it; stepping it is refused; thawed (`thread thaw all`), it counts
# again and the program ends normally. A service thread cannot be frozen, nor any thread at a
# native stop of a .NET program.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Jumps/Jumps"
[ -x "$app" ] || fail "fixture not built: $app"

run_mixdbg -batch -ex "tbreak Fixtures.Jumps.TickA" -ex run -ex "thread freeze" -ex next \
	-ex "break Fixtures.Jumps.Checkpoint" -ex continue -ex "info threads" \
	-ex continue -ex "thread thaw all" -ex "info threads" -ex continue -ex continue \
	-ex delete -ex continue --args "$app" threads
expect_rc 0
expect_out 'Thread [0-9]+ "ticker-a" hit Temporary breakpoint 1, Fixtures.Jumps.TickA \(\)'
expect_out '^Thread [0-9]+ frozen\.$'
expect_out "^thread [0-9]+ is frozen: it cannot step \\('thread thaw [0-9]+' first, or select another thread\\)$"
expect_count 1 '^  [0-9]+ +Thread [0-9]+ "ticker-a" \(frozen\) '
expect_out '^  [0-9]+ +Thread [0-9]+ "ticker-b" '
expect_out '^Thread [0-9]+ thawed\.$'
expect_out '^threads done$'
expect_out 'exited normally'
a1=$(sed -nE 's/^round 1 a=([0-9]+) b=([0-9]+)$/\1/p' <<<"$OUT")
b1=$(sed -nE 's/^round 1 a=([0-9]+) b=([0-9]+)$/\2/p' <<<"$OUT")
a2=$(sed -nE 's/^round 2 a=([0-9]+) b=([0-9]+)$/\1/p' <<<"$OUT")
b2=$(sed -nE 's/^round 2 a=([0-9]+) b=([0-9]+)$/\2/p' <<<"$OUT")
a4=$(sed -nE 's/^round 4 a=([0-9]+) b=([0-9]+)$/\1/p' <<<"$OUT")
[ -n "$a1" ] && [ -n "$a2" ] && [ -n "$a4" ] || fail "rounds missing"
[ "$a1" = "$a2" ] || fail "frozen ticker-a counted on: $a1 -> $a2"
[ "$a1" -le 1 ] || fail "ticker-a counted before it was frozen: $a1"
[ $((b2 - b1)) -ge 50 ] || fail "ticker-b did not run: $b1 -> $b2"
[ $((a4 - a2)) -ge 50 ] || fail "thawed ticker-a did not run: $a2 -> $a4"

# at a native stop of a .NET program (a C function called through P/Invoke) the runtime
# cannot hold a thread: refused, and a C# line cannot be jumped to there either
run_mixdbg -batch -ex "break greet_compute" -ex run -ex "thread freeze" -ex "jump Program.cs:3" \
	-ex kill "$FIXTURES/cs/Interop/Interop"
expect_out 'hit Breakpoint 1, greet_compute \(\)'
expect_out '^in a .NET program threads are frozen at a managed stop \(the runtime holds them\): stop in C# code first$'
expect_out '^Program.cs is C#: at a native stop jump moves within native code only \(stop in C# code first\)$'
expect_out 'killed\]'

# the runtime's debugger thread is refused
run_mixdbg -batch -ex "break Fixtures.Jumps.Checkpoint" -ex run \
	-ex 'thread apply all thread freeze' -ex delete -ex 'thread thaw all' -ex continue \
	--args "$app" threads
expect_out '^thread [0-9]+ \(".NET Debugger"\) is one of the runtime.s service threads: the debugger needs it running$'
expect_out '^threads done$'
expect_out 'exited normally'
pass
