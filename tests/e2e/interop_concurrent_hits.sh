#!/usr/bin/env bash
# A native breakpoint and a managed breakpoint hit by two threads at the same time, 20 times
# (the Duo fixture: a barrier releases "native-hitter", which calls the C function duo_native
# through P/Invoke, and "managed-hitter", which runs the C# method ManagedHit, together): every
# hit is reported once, one stop after the other, on the thread that made it, with that round's
# argument, and `bt` at each stop shows that thread's stack (mixed at the native stops); after
# exactly 40 continues the program has run to its normal end with the right sums.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Duo/Duo"
src="$FIXTURES/cs-src/Duo/Program.cs"
[ -x "$app" ] || fail "fixture not built: $app"
managed=$(grep -n 'MARK:managed$' "$src" | cut -d: -f1)
race_native=$(grep -n 'MARK:race_native$' "$src" | cut -d: -f1)
race_managed=$(grep -n 'MARK:race_managed$' "$src" | cut -d: -f1)
n=20
{
	echo 'break duo_native'
	echo "break Program.cs:$managed"
	echo run
	for _ in $(seq $((2 * n))); do
		echo 'info args'
		echo bt
		echo continue
	done
} >duo.gdb
run_mixdbg -batch -x duo.gdb --args "$app" race "$n"
expect_count $n '^Thread [0-9]+ "native-hitter" hit Breakpoint 1, duo_native \(\) at duo_lib.c:[0-9]+$'
expect_count $n "^Thread [0-9]+ \"managed-hitter\" hit Breakpoint 2, Fixtures.Duo.ManagedHit \\(\\) at Program.cs:$managed\$"
expect_count $((2 * n)) 'hit Breakpoint'
# each thread's stack at its stops: the C function under its C# caller, the C# method under its
expect_count $n '^#0 +duo_native \(\) at duo_lib.c:'
expect_count $n '^#1 +\[managed-to-native\]$'
expect_count $n "^#2 +Fixtures.Duo.<>c__DisplayClass[0-9_]+.<Race>b__[0-9_]+ \\(\\) at Program.cs:$race_native\$"
expect_count $n "^#0 +Fixtures.Duo.ManagedHit \\(\\) at Program.cs:$managed\$"
expect_count $n "^#1 +Fixtures.Duo.<>c__DisplayClass[0-9_]+.<Race>b__[0-9_]+ \\(\\) at Program.cs:$race_managed\$"
# every round's hit of each kind, once: the argument after each kind of stop is 0 .. n-1
args_of() {
	awk -v want="$1" '/ hit Breakpoint /{kind = ($0 ~ /"native-hitter" hit Breakpoint 1,/) ? "n" : ($0 ~ /"managed-hitter" hit Breakpoint 2,/) ? "m" : "?"; next}
		/^i = [0-9]+$/ && kind != "" {if (kind == want) print $3; kind = ""}' <<<"$OUT" | sort -n | tr '\n' ' '
}
want=$(seq 0 $((n - 1)) | tr '\n' ' ')
[ "$(args_of n)" = "$want" ] || _fail_out "native hits' arguments: $(args_of n)"
[ "$(args_of m)" = "$want" ] || _fail_out "managed hits' arguments: $(args_of m)"
# sum of 2i+1 and of 3i+2 for i < 20
expect_out '^race 20 native 400 managed 610$'
expect_out 'exited normally'
expect_not_out 'The program is not being run'
expect_not_out '\(thread 0\)'
pass
