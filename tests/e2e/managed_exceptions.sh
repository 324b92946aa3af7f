#!/usr/bin/env bash
# Managed exceptions: an unhandled one stops by default at its throw site with type, message
# and stack (then the runtime aborts the process); `catch throw` stops at every first-chance
# exception, `catch throw TYPE` only at that type (short or full name); caught exceptions do
# not stop without it.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Throws/Throws"
src="$FIXTURES/cs-src/Throws/Program.cs"
[ -x "$app" ] || fail "fixture not built: $app"
mark() { grep -n "MARK:$1\$" "$src" | cut -d: -f1; }
throw_line=$(mark throw)
format_line=$(mark format)

run_mixdbg -batch -ex run -ex bt -ex continue -ex continue --args "$app" unhandled
expect_out 'stopped on an unhandled exception System.InvalidOperationException: nobody catches this'
expect_out "^Fixtures.Thrower.Fail \\(\\) at Program.cs:$throw_line"
expect_out "^#1 +Fixtures.Throws.Main \\(\\) at Program.cs:"
# the caught ones did not stop
expect_count 1 'stopped on'
expect_out 'caught: caught one'
expect_out 'killed by signal SIGABRT'

run_mixdbg -batch -ex 'catch throw' -ex run -ex continue -ex continue "$app"
expect_out "stopped on a thrown exception System.InvalidOperationException: caught one"
expect_out "stopped on a thrown exception System.FormatException: also caught"
expect_out "^$format_line[[:space:]]+throw new FormatException"
expect_out 'exited normally'

run_mixdbg -batch -ex 'catch throw System.FormatException' -ex run -ex continue "$app"
expect_count 1 'stopped on a thrown exception'
expect_out "stopped on a thrown exception System.FormatException: also caught"
expect_out 'exited normally'

run_mixdbg -batch -ex 'catch throw' -ex 'catch off' -ex run "$app"
expect_not_out 'stopped on'
expect_out 'exited normally'

run_mixdbg -batch -ex 'catch fork' "$app"
expect_out 'Unknown catch event "fork"'
pass
