#!/usr/bin/env bash
# A breakpoint that several threads hit at the same moment, deleted at the stop that reports
# the first of them: the other threads' hits, still queued in the kernel, must not reach the
# program as a stray SIGTRAP (which would kill it). The sleeper's three spinner threads call
# spin() together every 100 ms; the race is timing-dependent, so it is run many times.
source "$(dirname "$0")/../lib.sh"
set -u
for i in $(seq "${RUNS:-60}"); do
	run_mixdbg -batch -ex 'break spin' -ex run -ex delete -ex 'break tick' -ex continue -ex kill \
		--args "$FIXTURES/sleeper" "$PWD/ticks"
	expect_out 'hit Breakpoint 1, spin \(\)'
	expect_out 'hit Breakpoint 2, tick \(\)'
	expect_not_out 'SIGTRAP'
	expect_out 'killed\]'
done
pass
