#!/usr/bin/env bash
# Bad input gets a clear message naming what and why, and the debugger keeps working: the
# same session then runs the program to a breakpoint.
source "$(dirname "$0")/../lib.sh"
set -u
echo 'not a program' >"$PWD/notexec"
cmds="$PWD/cmds"
cat >"$cmds" <<'CMDS'
frobnicate
break loop.c:abc
break *xyz
break 3x
break :12
break hot
condition 1 $rax ==
delete 1
condition 99 $rax == 1
ignore one two
delete 42
continue
info registers
x/4x 0
thread 7
handle SIGFOO stop
handle SIGUSR1 explode
attach 999999999
attach notapid
x/4q $pc
break no_such_function_anywhere
break no_such_file.c:12
info breakpoints
delete 2
delete 3
break hot
run 1
x/4x 0
x/1xw nosuchsymbol
thread 99
condition 4 no_such_var > 1
info breakpoints
continue
CMDS
run_mixdbg -batch --args "$FIXTURES/loop" 1 -x "$cmds"
# -x stops at the first failing command (gdb's rule for scripts): run it with -ex instead
args=()
while IFS= read -r line; do args+=(-ex "$line"); done <"$cmds"
run_mixdbg -batch "${args[@]}" --args "$FIXTURES/loop" 1
expect_out 'Undefined command: "frobnicate"'
expect_out "malformed breakpoint location 'loop.c:abc': expected FILE:LINE"
expect_out "bad address 'xyz' in breakpoint location"
expect_out "malformed breakpoint location '3x'"
expect_out "missing file name in breakpoint location ':12'"
# the C evaluator's message (gdb's words) for a condition cut short
expect_out "^A syntax error in expression, near \`'\\.$"
expect_out 'No breakpoint number 99\.'
expect_out 'Usage: ignore N COUNT'
expect_out 'No breakpoint number 42\.'
expect_out 'The program is not being run\.'
expect_out 'The program has no registers now\.'
expect_out "Unknown signal 'SIGFOO'"
expect_out "Unrecognized action 'explode'"
expect_out 'no process with id 999999999'
expect_out "Usage: attach PID \\(a process id, got 'notapid'\\)"
expect_out "Invalid format letter 'q'"
expect_out 'Function "no_such_function_anywhere" is not in .*pending'
expect_out 'No code for "no_such_file.c:12" in .*pending until a library with that source loads'
expect_out 'Cannot access memory at address 0x0'
expect_out 'No symbol "nosuchsymbol" in the current context'
expect_out 'Invalid thread ID: 99'
expect_out '^No symbol "no_such_var" in current context\.$'
# and after all that, it still works
expect_out 'hit Breakpoint 4, hot \(\) at loop\.c:[0-9]+'
expect_out 'exited normally'

# commands that need a running program say so
run_mixdbg -batch -ex 'info sources' "$FIXTURES/loop"
expect_out '^No program is loaded \(sources are listed once it runs\)\.$'

run_mixdbg -batch -ex run "$PWD/notexec"
expect_out "cannot execute '.*notexec': Permission denied"
run_mixdbg -batch -ex run "$PWD/does-not-exist"
expect_out "cannot use '.*does-not-exist' as the program: No such file or directory"
run_mixdbg -batch -ex run "$PWD"
expect_out "it is a directory"
chmod +x "$PWD/notexec"
run_mixdbg -batch -ex run -ex 'info threads' "$PWD/notexec"
expect_out "cannot execute '.*notexec': Exec format error"
expect_out 'No threads\.'
run_mixdbg --no-such-option
expect_out "unrecognized option '--no-such-option'"
expect_rc 2
# a process that cannot be traced: mixdbg's own tracer is already tracing the sleeper
"$FIXTURES/sleeper" >"$PWD/s.out" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null' EXIT
wait_for_file "$PWD/s.out" ready 10 || fail "sleeper did not start"
"$MIXDBG" -batch --pid "$pid" -ex 'break tick' -ex 'ignore 1 1000000' -ex continue \
	</dev/null >"$PWD/first.out" 2>&1 &
first=$!
wait_for_file "$PWD/first.out" 'Will ignore' 10 || fail "first mixdbg did not attach"
run_mixdbg -batch --pid "$pid"
expect_out "cannot attach to process $pid: Operation not permitted \\(it is already traced by process [0-9]+\\)"
# the session dies and the program is killed right after: the tracer must not hang
tracer=$(pgrep -P "$first" -f mixdbg-tracer || true)
[ -n "$tracer" ] || fail "no tracer process under mixdbg $first"
kill -9 "$first"
wait "$first" 2>/dev/null
kill -9 "$pid"
gone=0
for _ in $(seq 100); do
	state=$(awk '/^State:/{print $2}' "/proc/$tracer/status" 2>/dev/null || true)
	if [ -z "$state" ] || [ "$state" = Z ]; then
		gone=1
		break
	fi
	sleep 0.1
done
[ $gone = 1 ] || fail "tracer $tracer still running after its session and program died"
trap - EXIT
pass
