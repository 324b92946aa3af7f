#!/usr/bin/env bash
# Attach in mixed mode to a running .NET program that calls a C function through P/Invoke in a
# loop and prints (the Duo fixture, "attach" mode), started outside the debugger: a native
# breakpoint in the C library and a managed breakpoint in C# are each hit once, `bt` shows the
# mixed stack at the native stop and the C# one at the managed stop, then `detach`. The program
# goes on untouched: not traced, not stopped, it keeps calling the C function (whose code it
# finds byte for byte as it was before the attach: no int3 left), and once told to finish it
# ends normally, with exit code 7 and every line of its output in order.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Duo/Duo"
src="$FIXTURES/cs-src/Duo/Program.cs"
[ -x "$app" ] || fail "fixture not built: $app"
attach_call=$(grep -n 'MARK:attach_call$' "$src" | cut -d: -f1)
report=$(grep -n 'MARK:report$' "$src" | cut -d: -f1)
rm -f "$PWD/ready" "$PWD/ready.tmp" "$PWD/ready.go"
"$app" attach "$PWD/ready" >prog.out 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null' EXIT
wait_for_file "$PWD/ready" '^ready ' 30 || fail "the program did not start"
read -r _ rpid _ <"$PWD/ready"
[ "$rpid" = "$pid" ] || fail "fixture reported pid $rpid, not $pid"

run_mixdbg -batch -p "$pid" -ex 'break duo_native' -ex "break Program.cs:$report" \
	-ex continue -ex bt -ex continue -ex bt -ex 'info breakpoints' -ex detach
expect_out "Attaching to process $pid"
# each breakpoint hit once (which comes first depends on where the attach found the loop)
expect_count 1 '^Thread 1 "Duo" hit Breakpoint 1, duo_native \(\) at duo_lib.c:[0-9]+$'
expect_count 1 "^Thread 1 \"Duo\" hit Breakpoint 2, Fixtures.Duo.Report \\(\\) at Program.cs:$report\$"
# the native stop's stack: C, the P/Invoke transition, C# callers, the runtime's entry
expect_out '^#0 +duo_native \(\) at duo_lib.c:[0-9]+$'
expect_out '^#1 +\[managed-to-native\]$'
expect_out "^#2 +Fixtures.Duo.Attach \\(\\) at Program.cs:$attach_call\$"
expect_out '^#3 +Fixtures.Duo.Main \(\) at Program.cs:[0-9]+$'
expect_out '^#4 +\[native-to-managed\]$'
# the managed stop's: the C# method under its caller, the line after the P/Invoke
expect_out "^#0 +Fixtures.Duo.Report \\(\\) at Program.cs:$report\$"
expect_out "^#1 +Fixtures.Duo.Attach \\(\\) at Program.cs:$((attach_call + 1))\$"
expect_out '^#2 +Fixtures.Duo.Main \(\) at Program.cs:[0-9]+$'
expect_out "\\[Inferior 1 \\(process $pid\\) detached\\]"
expect_not_out '\(thread 0\)'

# left alone: alive, not traced, not stopped, still running the loop (ticks keep coming)
kill -0 "$pid" 2>/dev/null || fail "the program died after detach: $(tail -n 2 prog.out)"
grep -q 'TracerPid:[[:space:]]*0$' "/proc/$pid/status" || fail "still traced after detach"
state=$(awk '{print $3}' "/proc/$pid/stat")
[ "$state" != "t" ] && [ "$state" != "T" ] || fail "the program is stopped after detach (state $state)"
before=$(grep -c '^tick ' prog.out)
for _ in $(seq 200); do
	[ "$(grep -c '^tick ' prog.out)" -gt $((before + 2)) ] && break
	sleep 0.05
done
[ "$(grep -c '^tick ' prog.out)" -gt $((before + 2)) ] || fail "no new ticks after detach"
# now let it finish: 5 more rounds, each calling duo_native again, then its code's check
touch "$PWD/ready.go"
wait "$pid"
rc=$?
trap - EXIT
cat prog.out >&2
[ "$rc" = 7 ] || fail "the program exited with status $rc, not 7"
rounds=$(sed -nE 's/^end ([0-9]+) code same$/\1/p' prog.out)
[ -n "$rounds" ] || fail "no 'end N code same' line: $(tail -n 1 prog.out)"
# every round printed, in order, with duo_native's result (2i+1), and nothing else
expected=$(for ((i = 0; i < rounds; i++)); do echo "tick $i $((2 * i + 1))"; done
	echo "end $rounds code same")
[ "$(cat prog.out)" = "$expected" ] || fail "the program's output is not its $rounds rounds"
pass
