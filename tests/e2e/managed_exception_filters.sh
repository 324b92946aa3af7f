#!/usr/bin/env bash
# Managed exception filters over the Excs fixture: `catch throw` with several types (full and
# short names) and with !TYPE exclusions; `catch user-unhandled` (an exception thrown in user
# code that only the framework catches: a method called through MethodInfo.Invoke), with its
# own list; one stop per exception when both match; `catch off` and `info catch`; `print
# $exception` and `info exception` with the chain of inner exceptions, an AggregateException's
# count and a stack trace saved in the exception; the unhandled one at its throw site; bad
# lists refused with the reason while the session goes on.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Excs/Excs"
src="$FIXTURES/cs-src/Excs/Program.cs"
[ -x "$app" ] || fail "fixture not built: $app"
mark() { grep -n "MARK:$1\$" "$src" | cut -d: -f1; }

# several types, full and short names: the two named stop, nothing else
run_mixdbg -batch -ex 'catch throw InvalidOperationException, System.ApplicationException' \
	-ex run -ex 'print $exception' -ex continue -ex 'info exception' -ex 'print $exception' \
	-ex continue "$app"
expect_out 'Catchpoint: stop when thrown: InvalidOperationException, System.ApplicationException\.'
expect_out 'stopped on a thrown exception System.InvalidOperationException: caught by user'
expect_out "^Fixtures.Excs.Fail \\(\\) at Program.cs:$(mark user)"
expect_out '^\$exception = \{System.InvalidOperationException: caught by user\}$'
expect_out 'stopped on a thrown exception System.ApplicationException: outer failure'
expect_out "^$(mark chain)[[:space:]]+throw new ApplicationException"
# info exception: the type, the message, then each inner exception in turn
expect_out '^System.ApplicationException: outer failure$'
expect_out '^  inner: System.Collections.Generic.KeyNotFoundException: middle cause$'
expect_out '^  inner: System.FormatException: root cause$'
expect_out '^\$exception = \{System.ApplicationException: outer failure\}$'
expect_count 2 'stopped on'
expect_out 'exited normally'

# exclusions only: every exception but those
run_mixdbg -batch \
	-ex 'catch throw !ArgumentException !System.Reflection.TargetInvocationException,!IOException' \
	-ex 'info catch' -ex run -ex continue -ex continue -ex 'info exception' -ex continue "$app"
expect_out '^  thrown +every exception except ArgumentException, System.Reflection.TargetInvocationException, IOException$'
expect_out '^  unhandled +every exception \(always\)$'
expect_out 'stopped on a thrown exception System.InvalidOperationException'
expect_out 'stopped on a thrown exception System.ApplicationException'
expect_out 'stopped on a thrown exception System.AggregateException: several failed'
expect_out '^System.AggregateException: several failed \(2 inner exceptions, the first below\)$'
expect_out '^  inner: System.TimeoutException: first$'
expect_not_out 'stopped on a thrown exception System.(ArgumentException|Reflection|IO)'
expect_count 3 'stopped on'
expect_out 'exited normally'

# a type list with exclusions: included and not excluded
run_mixdbg -batch -ex 'catch throw ArgumentException TargetInvocationException !ArgumentException' \
	-ex run -ex 'info exception' -ex continue "$app"
expect_count 1 'stopped on'
expect_out 'stopped on a thrown exception System.Reflection.TargetInvocationException'
expect_out '^  inner: System.ArgumentException: thrown through reflection$'

# user-unhandled: only the exception the framework caught (the reflection call); the ones the
# program catches itself do not stop. The stop is at the throw site, with the framework's
# frames between it and Main.
run_mixdbg -batch -ex 'catch user-unhandled' -ex run -ex bt -ex 'print $exception' -ex continue "$app"
expect_out 'Catchpoint: stop when user-unhandled: every exception\.'
expect_out 'stopped on a user-unhandled exception System.ArgumentException: thrown through reflection'
expect_out "^#0 +Fixtures.Excs.CalledByReflection \\(\\) at Program.cs:$(mark reflected)"
expect_out 'System.Reflection.RuntimeMethodInfo.Invoke'
expect_out '^#[0-9]+ +Fixtures.Excs.Main \(\) at Program.cs:'
expect_out '^\$exception = \{System.ArgumentException: thrown through reflection\}$'
expect_count 1 'stopped on'
expect_out 'caught: thrown through reflection'
expect_out 'exited normally'

# the same in managed-only mode: $exception is the runtime's, not a register
run_mixdbg --managed-only -batch -ex 'catch user-unhandled' -ex run -ex 'print $exception' \
	-ex 'print $rip' -ex kill "$app"
expect_out 'stopped on a user-unhandled exception System.ArgumentException'
expect_out '^\$exception = \{System.ArgumentException: thrown through reflection\}$'
expect_out 'registers need mixed mode'

# user-unhandled with a list that leaves it out: no stop
run_mixdbg -batch -ex 'catch user-unhandled !System.ArgumentException' -ex run "$app"
expect_not_out 'stopped on'
expect_out 'exited normally'

# both kinds matching one exception: one stop, at its throw
run_mixdbg -batch -ex 'catch throw ArgumentException' -ex 'catch user-unhandled' -ex 'info catch' \
	-ex run -ex continue "$app"
expect_out '^  thrown +ArgumentException$'
expect_out '^  user-unhandled +every exception$'
expect_count 1 'stopped on'
expect_out 'stopped on a thrown exception System.ArgumentException'

# catch off clears both kinds
run_mixdbg -batch -ex 'catch throw' -ex 'catch user-unhandled' -ex 'catch off' -ex 'info catch' \
	-ex run "$app"
expect_not_out '^  (thrown|user-unhandled) '
expect_not_out 'stopped on'
expect_out 'exited normally'

# a stack trace the exception carries as text; $exception in a catch block
caught_line=$(grep -n 'Console.WriteLine("caught: " + e.Message);' "$src" | head -1 | cut -d: -f1)
run_mixdbg -batch -ex 'catch throw IOException' -ex "break Program.cs:$caught_line" -ex run \
	-ex 'print $exception' -ex continue -ex 'info exception' -ex kill "$app"
expect_out '^\$exception = \{System.InvalidOperationException: caught by user\}$'
expect_out 'stopped on a thrown exception System.IO.IOException: from another process'
expect_out '^Stack trace saved in the exception:$'
expect_out '^   at Server.Handle\(\) in Server.cs:line 7$'

# unhandled: stops at its throw site with the stack, whatever the filters say
run_mixdbg -batch -ex 'catch throw !NotSupportedException' -ex 'catch throw TimeoutException' \
	-ex 'catch user-unhandled !NotSupportedException' -ex run -ex continue -ex bt \
	-ex 'info exception' -ex continue -ex continue --args "$app" unhandled
expect_out 'stopped on an unhandled exception System.NotSupportedException: nobody catches this'
expect_out "^#0 +Fixtures.Excs.Main \\(\\) at Program.cs:$(mark unhandled)"
expect_out '^System.NotSupportedException: nobody catches this$'
expect_not_out 'stopped on a thrown exception System.NotSupportedException'
expect_count 2 'stopped on' # the user-unhandled ArgumentException first
expect_out 'killed by signal SIGABRT'

# bad input: the reason, and the session goes on
run_mixdbg -batch -ex 'catch throw !' -ex 'catch throw Foo;Bar' -ex 'catch user-unhandled .Foo' \
	-ex 'catch off now' -ex 'catch sometimes' -ex catch -ex 'info exception' \
	-ex "break Program.cs:$caught_line" -ex 'catch throw TimeoutException' -ex run \
	-ex 'info catch' -ex kill "$app"
expect_out "'!' must be followed by an exception type name"
expect_out "'Foo;Bar' is not an exception type name"
expect_out "'.Foo' is not an exception type name"
expect_out '`catch off` takes no arguments'
expect_out 'Unknown catch event "sometimes"'
expect_out 'Usage: catch throw\|user-unhandled'
expect_out 'No current exception: the program is not at a managed stop'
# the refused lists changed nothing: only the last good one is there
expect_out '^  thrown +TimeoutException$'
expect_not_out '^  user-unhandled '
expect_out 'hit Breakpoint 1'

# no exception on the thread: at a breakpoint before any throw
run_mixdbg -batch -ex 'break Fixtures.Excs.Fail' -ex run -ex 'print $exception' -ex 'info exception' \
	-ex kill "$app"
expect_out 'Thread [0-9]+ has no current exception'
expect_count 2 'has no current exception'
pass
