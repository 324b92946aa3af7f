#!/usr/bin/env bash
# Managed-only mode (set managed-only on, --managed-only): a .NET program debugged with
# ICorDebug alone. Managed breakpoints, steps, locals, stacks and threads work and the program
# exits with its own code; while it runs and at its stops no thread of it is traced
# (TracerPid 0 in /proc); Ctrl-C is the runtime's async break, kill and detach work (a detached
# program runs on); native breakpoints, registers, watchpoints and `handle` are refused; the
# Storm fixture (10,000 NREs, 1,000 divisions by zero, GC on 8 threads) gives the output and
# exit code of a run without a debugger; a program that is not .NET is refused at run.
source "$(dirname "$0")/../lib.sh"
set -u
dir="$FIXTURES/cs/Hello"
src="$FIXTURES/cs-src/Hello/Program.cs"
[ -x "$dir/Hello" ] || fail "fixture not built: $dir/Hello"
add_line=$(grep -n 'int sum = a + b;' "$src" | cut -d: -f1)
main_line=$(grep -n 'int x = Add(2, 3);' "$src" | cut -d: -f1)
[ -n "$add_line" ] && [ -n "$main_line" ] || fail "markers not found in $src"

# breakpoint, bt, locals, a step, then the refusals, then on to the exit
run_mixdbg -batch -ex 'set managed-only on' -ex 'set managed-only' -ex "break Program.cs:$add_line" \
	-ex 'break Next' -ex 'break *0x401000' -ex 'break tricky.c:12' -ex run -ex bt \
	-ex 'info threads' -ex next -ex 'info locals' -ex 'info registers' -ex 'x/2xg $sp' -ex 'p $rip' \
	-ex 'watch *0x1000' -ex 'handle SIGUSR1 stop' -ex 'set managed-only off' -ex continue \
	-ex delete -ex continue "$dir/Hello"
expect_out 'Managed-only debugging is on\.'
expect_out "Breakpoint 1 \\(Program.cs:$add_line\\) pending"
expect_out 'Breakpoint 2 \(Next\) pending: it binds when a module with that method loads'
expect_out "native breakpoints need mixed mode \\(set managed-only off\\): '\\*0x401000' binds in native code only"
expect_out "native breakpoints need mixed mode \\(set managed-only off\\): 'tricky.c:12'"
expect_out "hit Breakpoint 1, Fixtures.Program.Add \\(\\) at Program.cs:$add_line"
expect_out "^#0 +Fixtures.Program.Add \\(\\) at Program.cs:$add_line"
expect_out "^#1 +Fixtures.Program.Main \\(\\) at Program.cs:$main_line"
expect_out '^\* 1 +Thread [0-9]+ "Hello" +Fixtures.Program.Add \(\)'
expect_out "^$((add_line + 1))[[:space:]]+return sum;"
expect_out '^sum = 5$'
expect_out 'hit Breakpoint 2, Fixtures.Counter.Next \(\)'
expect_count 3 'registers need mixed mode \(set managed-only off\): in managed-only mode the program is not traced'
expect_out 'watchpoints need mixed mode \(set managed-only off\)'
expect_out 'signal policies need mixed mode \(set managed-only off\)'
expect_out 'managed-only mode cannot change while a program is being debugged'
expect_out '^hello 8$'
expect_out 'exited with code 3\]'

# not a .NET program: refused at run; native-only and managed-only exclude each other
run_mixdbg -batch --managed-only -ex run -ex 'set native-only on' "$FIXTURES/loop"
expect_out "managed-only mode debugs .NET programs and .*/loop is not one \\(set managed-only off\\)"
expect_out 'native-only and managed-only exclude each other'
expect_not_out '\[Inferior 1'
run_mixdbg -batch -ex 'set native-only on' -ex 'set managed-only on' "$dir/Hello"
expect_out 'managed-only and native-only exclude each other'

# untraced while it runs and at its stops: a session fed through a FIFO, the program found as
# the tracer's child; Ctrl-C (SIGINT to mixdbg) stops it through the runtime; then kill
traced_threads() { # PID: how many of its threads have a tracer
	local n=0 f
	for f in /proc/"$1"/task/*/status; do
		grep -qE '^TracerPid:[[:space:]]+0$' "$f" 2>/dev/null || n=$((n + 1))
	done
	echo "$n"
}
app="$FIXTURES/cs/Waiter/Waiter"
mkfifo "$PWD/cmds"
"$MIXDBG" --managed-only --args "$app" "$PWD/ready" <"$PWD/cmds" >"$PWD/out" 2>&1 &
dbg=$!
exec 3>"$PWD/cmds"
trap 'exec 3>&-; kill $dbg 2>/dev/null' EXIT
echo run >&3
wait_for_file "$PWD/ready" "^ready" 30 || fail "the program did not start under mixdbg"
read -r _ pid _ <"$PWD/ready"
sleep 0.3
[ "$(traced_threads "$pid")" = 0 ] || fail "running: $(traced_threads "$pid") threads of $pid are traced"
kill -INT "$dbg"
wait_for_file "$PWD/out" 'Thread 1 "Waiter" stopped\.' 20 || fail "no stop after Ctrl-C: $(cat "$PWD/out")"
echo 'break Fixtures.Waiter.Tick' >&3
echo continue >&3
wait_for_file "$PWD/out" 'hit Breakpoint 1, Fixtures.Waiter.Tick' 20 || fail "no breakpoint hit: $(cat "$PWD/out")"
[ "$(traced_threads "$pid")" = 0 ] || fail "stopped: $(traced_threads "$pid") threads of $pid are traced"
grep -qE '^State:[[:space:]]+[SR]' "/proc/$pid/status" || fail "the program is not held by the runtime alone"
echo bt >&3
echo kill >&3
echo quit >&3
exec 3>&-
wait "$dbg"
rc=$?
trap - EXIT
OUT=$(cat "$PWD/out")
printf '%s\n' "$OUT" >&2
sanitizer_check "$OUT"
[ "$rc" = 0 ] || _fail_out "mixdbg exited with $rc"
expect_out '^#1 +Fixtures.Waiter.Main \(\) at Program.cs:[0-9]+'
expect_out '\[Inferior 1 \(process [0-9]+\) killed\]'
for _ in $(seq 40); do [ -e "/proc/$pid" ] || break; sleep 0.05; done
[ -e "/proc/$pid" ] && fail "process $pid outlived kill"

# attach, a breakpoint, detach: the program runs on, untraced
rm -f "$PWD/ready" "$PWD/ready.ticks"
"$app" "$PWD/ready" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
wait_for_file "$PWD/ready" "^ready" 30 || fail "the program did not start"
sleep 0.2
run_mixdbg -batch --managed-only -ex "attach $pid" -ex 'break Fixtures.Waiter.Tick' -ex continue \
	-ex 'info threads' -ex detach
expect_out 'hit Breakpoint 1, Fixtures.Waiter.Tick'
expect_out '^ +[0-9]+ +Thread [0-9]+ "waiter0" +System.Threading.Monitor.Wait'
expect_out "\\[Inferior 1 \\(process $pid\\) detached\\]"
[ "$(traced_threads "$pid")" = 0 ] || fail "detached: $pid is still traced"
expect_ticking "$PWD/ready.ticks"
kill "$pid"
wait "$pid" 2>/dev/null
trap - EXIT

# Storm: what it prints and its exit code are those of a run without a debugger
storm="$FIXTURES/cs/Storm/Storm"
plain=$("$storm")
plain_rc=$?
[ "$plain_rc" = 3 ] || fail "Storm alone exited with $plain_rc"
run_mixdbg -batch --managed-only -ex run "$storm"
expect_out "^$plain\$"
expect_out 'exited with code 3\]'
expect_not_out 'received signal|hit Breakpoint|xception'
pass
