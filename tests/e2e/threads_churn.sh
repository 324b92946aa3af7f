#!/usr/bin/env bash
# Threads created and ended without a pause while another thread hits a breakpoint 300 times
# (the churn fixture): a new thread's first stop, or even its exit, may reach the tracer before
# its creator's clone event. Each thread is still announced once, before its exit, and its exit
# carries the number it was given (never "(thread 0)"); no thread that has already gone comes
# back (the run would hang waiting for it); every hit stops and the program ends normally.
source "$(dirname "$0")/../lib.sh"
set -u
n=300
{
	echo 'break churn_hit'
	echo run
	for _ in $(seq $n); do echo continue; done
} >churn.gdb
run_mixdbg -batch -x churn.gdb --args "$FIXTURES/churn" "$n"
expect_count $n '^Thread 1 "churn" hit Breakpoint 1, churn_hit \(\)'
expect_out "^done $((n * (n + 1) / 2)) spawned [0-9]+$"
expect_out 'exited normally'
expect_not_out '\(thread 0\)'
spawned=$(sed -nE 's/^done [0-9]+ spawned ([0-9]+)$/\1/p' <<<"$OUT")
# the spawner and each thread it made: one "New" each, then one "exited" with the same number
bad=$(awk '/^\[New Thread [0-9]+ \(thread [0-9]+\)\]$/ {
		tid = $3; num = $5; sub(/\)\]/, "", num)
		if (tid in seen) print "announced twice: " tid
		seen[tid] = num; next }
	/^\[Thread [0-9]+ \(thread [0-9]+\) exited\]$/ {
		tid = $2; num = $4; sub(/\)/, "", num)
		if (!(tid in seen)) print "exit before New: " tid
		else if (seen[tid] != num) print "exit of " tid " as thread " num ", not " seen[tid]
		if (tid in gone) print "exited twice: " tid
		gone[tid] = 1 }
	END { for (t in seen) if (!(t in gone)) print "no exit: " t }' <<<"$OUT" | head -n 5)
[ -z "$bad" ] || _fail_out "thread notices: $bad"
news=$(grep -cE '^\[New Thread ' <<<"$OUT")
[ "$news" = $((spawned + 1)) ] || _fail_out "$news threads announced, the program made $((spawned + 1))"
[ "$spawned" -gt 0 ] || _fail_out "no thread came and went"
pass
