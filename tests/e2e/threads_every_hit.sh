#!/usr/bin/env bash
# Eight threads hit one breakpoint; each hit is reported exactly once and none is lost,
# whether every hit stops (a continue each) or the tracer ignores them (ignore count).
source "$(dirname "$0")/../lib.sh"
set -u
threads=8 per=25 total=$((8 * 25))
cmds="$PWD/cmds"
{
	echo 'break worker_hit'
	echo 'run'
	for _ in $(seq "$total"); do echo 'continue'; done
} >"$cmds"
run_mixdbg -batch -x "$cmds" --args "$FIXTURES/threads" "$threads" "$per"
expect_count "$total" 'hit Breakpoint 1, worker_hit \(\)'
expect_out 'exited normally'
plain=$("$FIXTURES/threads" "$threads" "$per")
grep -qF -- "$plain" <<<"$OUT" || fail "program output '$plain' missing"
# every thread reported its share: the stops name each worker thread
for i in $(seq 0 $((threads - 1))); do
	n=$(grep -c "\"worker-$i\" hit Breakpoint 1" <<<"$OUT" || true)
	[ "$n" = "$per" ] || fail "worker-$i: $n hits reported, expected $per"
done

# Ignored in the tracer: only the last hit stops, and the count is exact; both with the
# instruction run out of line (other threads keep running) and with the classic step over
# the restored byte (every other thread stopped meanwhile).
for mode in displaced stepped; do
[ $mode = stepped ] && export MIXDBG_NO_DISPLACE=1
run_mixdbg -batch -ex 'break worker_hit' -ex "ignore 1 $((total - 1))" -ex 'run' \
	-ex 'info breakpoints' -ex 'continue' --args "$FIXTURES/threads" "$threads" "$per"
expect_count 1 'hit Breakpoint 1, worker_hit \(\)'
expect_out "breakpoint already hit $total times"
expect_out 'exited normally'
unset MIXDBG_NO_DISPLACE
done
pass
