#!/usr/bin/env bash
# A [ThreadStatic] field has one value per thread: the Statics fixture's main thread sets
# Counter.PerThread to 11 and stops at the marker, then a worker thread sets its own to 22
# and stops there while main waits in Join. print shows each stopped thread's value (by
# short and full type name), set var writes the worker's only, and the main thread's Main
# frame, selected at the worker's stop, still reads 11; the program prints what each thread
# had. Plain statics read the same on both; a field the type lacks gets C#'s error.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/cs/Statics/Statics"
src="$FIXTURES/cs-src/Statics/Program.cs"
[ -x "$prog" ] || fail "fixture not built: $prog"
at=$(grep -n 'report here' "$src" | cut -d: -f1)

run_mixdbg -batch -ex "break Program.cs:$at" -ex run \
	-ex 'print Counter.PerThread' -ex 'print Fixtures.Statics.Counter.PerThread' \
	-ex 'print Counter.Total' -ex 'print Counter.Nosuch' -ex continue \
	-ex 'print Counter.PerThread' -ex 'set var Counter.PerThread = 33' \
	-ex 'print Fixtures.Statics.Counter.PerThread' -ex 'print Counter.Total' \
	-ex 'thread 1' -ex 'frame function Nosuch' -ex 'frame function Main' \
	-ex 'print Counter.PerThread' -ex continue "$prog"
# the stops and the values printed at each, in order
seq=$(grep -oE '^Thread [0-9]+ "Statics" hit Breakpoint 1|^(Fixtures\.Statics\.)?Counter\.(PerThread|Total) = .*|^#[0-9]+ +Fixtures\.Statics\.Program\.Main' <<<"$OUT" |
	sed -E 's/^Thread ([0-9]+) .*/T\1/; s/^#[0-9]+ +/#N /' | tr '\n' ' ')
echo "sequence: $seq" >&2
[[ "$seq" =~ ^T1\ Counter.PerThread\ =\ 11\ Fixtures.Statics.Counter.PerThread\ =\ 11\ Counter.Total\ =\ 3\ T([0-9]+)\ Counter.PerThread\ =\ 22\ Fixtures.Statics.Counter.PerThread\ =\ 33\ Counter.Total\ =\ 3\ #N\ Fixtures.Statics.Program.Main\ Counter.PerThread\ =\ 11\ $ ]] ||
	_fail_out "unexpected stops and values: $seq"
[ "${BASH_REMATCH[1]}" != 1 ] || _fail_out "the second stop is not on the worker thread"
expect_out "^'Fixtures.Statics.Counter' does not contain a definition for 'Nosuch'$"
expect_out '^No frame for function "Nosuch"\.$'
expect_out '^main 11 1 1 5$'
expect_out '^worker 33 1 1 5$'
expect_out '^main again 11$'
expect_out 'exited normally'
pass
