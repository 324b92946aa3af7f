#!/usr/bin/env bash
# The test runner: every tests/e2e/*.sh and every unit test program in $UNIT_DIR, each with a
# timeout, in its own temporary directory. Prints PASS/FAIL per test and, last,
# "N passed, N failed". Optional argument: run only tests whose name contains it.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
filter=${1:-}
timeout_s=${TEST_TIMEOUT:-120}
logs="$root/build/test-logs"
mkdir -p "$logs"
export MIXDBG=${MIXDBG:-$root/build/mixdbg}
export FIXTURES=${FIXTURES:-$root/build/fixtures}
UNIT_DIR=${UNIT_DIR:-$root/build/unit}
passed=0 failed=0

run_one() {
	local name=$1
	shift
	[[ -z "$filter" || "$name" == *"$filter"* ]] || return 0
	local dir log start rc
	dir=$(mktemp -d)
	log="$logs/$name.log"
	start=$(date +%s)
	(cd "$dir" && timeout -k 5 "$timeout_s" "$@") >"$log" 2>&1
	rc=$?
	local secs=$(($(date +%s) - start))
	if [ $rc = 0 ]; then
		passed=$((passed + 1))
		echo "PASS $name (${secs}s)"
	else
		failed=$((failed + 1))
		[ $rc = 124 ] && echo "timed out after ${timeout_s}s" >>"$log"
		echo "FAIL $name (${secs}s, status $rc)"
		tail -n 40 "$log" | sed 's/^/    /'
	fi
	rm -rf "$dir"
}

for t in "$root"/tests/e2e/*.sh; do
	run_one "$(basename "$t" .sh)" bash "$t"
done
if [ -d "$UNIT_DIR" ]; then
	for t in "$UNIT_DIR"/test_*; do
		[ -x "$t" ] && run_one "unit/$(basename "$t")" "$t"
	done
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
