#!/usr/bin/env bash
# Function evaluation at a managed stop (session/feval.c) through `call` (C# expressions) and
# the value display: a property getter, ToString() in `print` and `info locals`,
# instance and static calls with arguments, overloads chosen by count and type, an exception
# escaping the call, an endless getter aborted after the timeout (the program then goes on and
# exits normally), a breakpoint hit inside an explicit call (a nested stop, a nested call, and
# `continue` finishing the call), breakpoints and caught exceptions passed over by implicit
# evaluations, implicit evaluation off, Ctrl-C during a call, and bad input.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/cs/Evals/Evals"
src="$FIXTURES/cs-src/Evals/Program.cs"
stop=$(grep -n 'MARK:stop' "$src" | cut -d: -f1)
marked=$(grep -n 'MARK:marked' "$src" | cut -d: -f1)

# getters, ToString display, calls, overloads, an exception, unknown names and wrong arguments
run_mixdbg -batch -ex "break Program.cs:$stop" -ex run -ex 'call w.Area' -ex 'print w' \
	-ex 'print p' -ex 'info locals' -ex 'call w.Describe(3)' -ex 'call w.Describe("!")' \
	-ex 'call w.Describe(2, "?")' -ex 'call w.Describe(k)' -ex 'call w.Describe(label)' \
	-ex 'call Fixtures.Widget.Sum(2, 5)' -ex 'call Widget.Twice(4)' -ex 'call Widget.Twice("ab")' \
	-ex 'call w.Broken' -ex 'call w.Nope()' -ex 'call w.Describe()' -ex 'call Widget.Sum(1, "x")' \
	-ex 'call Widget.Describe(1)' -ex 'call nosuch.Describe(1)' -ex 'call Nowhere.Type.M()' \
	-ex 'call w.Describe(1 + 2)' -ex 'call w.Missing' -ex 'info locals' -ex 'bt 1' -ex continue \
	"$prog"
expect_out '^w\.Area = 9$'
expect_out '^w = \{Fixtures\.Widget\} "Widget box \(3\)"$'
expect_out '^p = \{Fixtures\.Plain\} \{Id = 5\}$'
expect_out '^w\.Describe\(3\) = "box x3"$'
expect_out '^w\.Describe\("!"\) = "box!"$'
expect_out '^w\.Describe\(2, "\?"\) = "box x2\?"$'
expect_out '^w\.Describe\(k\) = "box x4"$'
expect_out '^w\.Describe\(label\) = "boxlbl"$'
expect_out '^Fixtures\.Widget\.Sum\(2, 5\) = 7$'
expect_out '^Widget\.Twice\(4\) = 8$'
expect_out '^Widget\.Twice\("ab"\) = "abab"$'
expect_out "^Exception of type 'System.InvalidOperationException' was thrown: Broken on purpose$"
expect_out "^'Fixtures.Widget' does not contain a definition for 'Nope'$"
expect_out "^No overload for method 'Describe' takes 0 arguments$"
expect_out "error CS1503: Argument 2: cannot convert from 'string' to 'int'"
expect_out "An object reference is required for the non-static field, method, or property 'Fixtures.Widget.Describe'"
expect_out "^error CS0103: The name 'nosuch' does not exist in the current context$"
expect_out "^error CS0103: The name 'Nowhere' does not exist in the current context$"
expect_out '^w\.Describe\(1 \+ 2\) = "box x3"$'
expect_out "^'Fixtures.Widget' does not contain a definition for 'Missing'$"
# the stop is the same after all that: locals read again, same frame, program goes on
expect_count 2 '^k = 4$'
expect_count 2 '^label = "lbl"$'
expect_not_out 'not available'
expect_out '^#0  Fixtures\.Program\.Main \(\) at Program\.cs:'"$stop"'$'
expect_out '^ready 4lbl5$'
expect_out '^marked 9$'
expect_out 'exited normally'

# an endless getter: aborted after the timeout; then another evaluation, and the program runs on
run_mixdbg -batch -ex "break Program.cs:$stop" -ex run -ex 'set eval-timeout 1000' \
	-ex 'set eval-timeout' -ex 'call w.Forever' -ex 'call w.Slow' -ex 'print w' \
	-ex 'set eval-timeout 20000' -ex 'call w.Collect()' -ex 'call Widget.ReadTicks()' \
	-ex 'call w.Slow' -ex 'call Widget.ReadTicks()' -ex continue \
	"$prog"
expect_out '^Function evaluations are aborted after 1000 ms\.$'
expect_out '^The evaluation timed out after 1 s and was aborted$'
expect_out '^w\.Slow = 7$'
# a garbage collection inside a call (the other managed threads suspended, none held by ptrace)
expect_out '^w\.Collect\(\) = [0-9]+$'
# the program's other managed thread (a counter) does not run during the calls
ticks=$(grep -E '^Widget\.ReadTicks\(\) = [0-9]+$' <<<"$OUT" | sort -u | wc -l)
expect_count 2 '^Widget\.ReadTicks\(\) = [0-9]+$'
[ "$ticks" = 1 ] || _fail_out "the counting thread ran during the evaluations"
expect_out '^w = \{Fixtures\.Widget\} "Widget box \(3\)"$'
expect_out '^marked 9$'
expect_out 'exited normally'

# Ctrl-C (SIGINT to mixdbg) during an endless call aborts it; the program goes on
"$MIXDBG" -batch -ex "break Program.cs:$stop" -ex run -ex 'set eval-timeout 60000' \
	-ex 'call w.Forever' -ex 'call w.Area' -ex continue "$prog" </dev/null >"$PWD/out" 2>&1 &
dbg=$!
wait_for_file "$PWD/out" "MARK:stop" 60 || fail "the program did not stop under mixdbg"
sleep 1
kill -INT "$dbg"
wait "$dbg"
rc=$?
OUT=$(cat "$PWD/out")
cat "$PWD/out" >&2
sanitizer_check "$OUT"
[ "$rc" = 0 ] || fail "mixdbg exited with $rc"
expect_out '^The evaluation was interrupted and aborted$'
expect_out '^w\.Area = 9$'
expect_out 'exited normally'

# an explicit call that hits a breakpoint stops there; a nested call; continue finishes the call
# and stops where it was made with its result; a first-chance exception caught inside a call
# does not stop even with `catch throw`
run_mixdbg -batch -ex "break Program.cs:$stop" -ex run -ex "break Program.cs:$marked" \
	-ex 'catch throw' -ex 'call w.CatchInside()' -ex 'call w.Marked(5)' -ex 'bt 2' \
	-ex 'info args' -ex 'call Describe(1)' -ex continue -ex 'info locals' -ex 'delete' \
	-ex 'catch off' -ex continue "$prog"
expect_out '^w\.CatchInside\(\) = -1$'
expect_not_out 'stopped on a thrown exception'
expect_out 'hit Breakpoint 2, Fixtures\.Widget\.Marked \(\) at Program\.cs:'"$marked"'$'
expect_out '^The program being debugged stopped while in a function called from the debugger\.$'
expect_out 'Evaluation of the expression containing the function \(Fixtures\.Widget\.Marked\) will be abandoned'
expect_out '^#1  \[function evaluation\]$'
expect_out '^n = 5$'
expect_out '^Describe\(1\) = "box x1"$'
expect_out '^The function called from the debugger \(Fixtures\.Widget\.Marked\) has returned: 11$'
expect_out '^k = 4$'
# the program's own call of Marked after that (breakpoints deleted): it runs to the end
expect_out '^marked 9$'
expect_out 'exited normally'

# implicit evaluation passes over a breakpoint inside ToString; an explicit call stops there;
# with implicit evaluation off objects show their type only
run_mixdbg -batch -ex "break Program.cs:$stop" -ex run -ex 'break Fixtures.Widget.ToString' \
	-ex 'print w' -ex 'set eval-implicit off' -ex 'set eval-implicit' -ex 'print w' \
	-ex 'info locals' -ex 'call w.ToString()' -ex 'bt 1' -ex kill "$prog"
expect_count 1 '^w = \{Fixtures\.Widget\} "Widget box \(3\)"$'
expect_out '^Implicit function evaluation is off\.$'
expect_count 2 '^w = \{Fixtures\.Widget\} \{Name = "box", Size = 3\}$'
expect_out 'hit Breakpoint 2, Fixtures\.Widget\.ToString \(\) at Program\.cs:'
expect_count 1 'hit Breakpoint 2'
expect_out '^#0  Fixtures\.Widget\.ToString \(\) at Program\.cs:'

# refused: in a native frame (C functions are not called yet), without a process, bad settings
run_mixdbg -batch -ex 'break greet_visit' -ex run -ex 'call Foo()' -ex 'call w.Area' \
	-ex 'info threads' -ex kill "$FIXTURES/cs/Interop/Interop"
expect_count 2 'calls of C functions are not supported yet \(the selected frame is native code\)'
expect_out 'killed'
run_mixdbg -batch -ex 'call Widget.Twice(1)' -ex 'set eval-timeout 0' -ex 'set eval-timeout x' \
	-ex 'set eval-implicit maybe' -ex 'call' "$prog"
expect_out '^The program is not being run\.$'
expect_count 2 'Expected a time in milliseconds \(1 to 3600000\)'
expect_out 'Expected "on" or "off", not "maybe"'
expect_out '^Usage: call EXPRESSION$'
pass
