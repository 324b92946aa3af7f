#!/usr/bin/env bash
# The test runner: every tests/e2e/*.sh, every tests/dap/*.test.js (Node's test runner) and
# every unit test program $UNIT_DIR/test_* (default build/unit), each a test, each with a
# timeout (TEST_TIMEOUT, default 120 s) in its own temporary directory, its output in
# build/test-logs/NAME.log. Prints "PASS name (Ns)" or "FAIL name (Ns)" (then the log's last
# 40 lines) per test and, last, "N passed, N failed";
# exits non-zero if any failed. Optional argument: run only tests whose name contains it.
# Exports MIXDBG (default build/mixdbg) and FIXTURES (default build/fixtures) for the tests.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
filter=${1:-}
timeout_s=${TEST_TIMEOUT:-120}
logs="$root/build/test-logs"
mkdir -p "$logs"
export MIXDBG=${MIXDBG:-$root/build/mixdbg}
export FIXTURES=${FIXTURES:-$root/build/fixtures}
UNIT_DIR=${UNIT_DIR:-$root/build/unit}
passed=0
failed=0

# run_one NAME COMMAND...
run_one() {
	local name=$1
	shift
	[[ -z "$filter" || "$name" == *"$filter"* ]] || return 0
	local dir log start rc secs
	dir=$(mktemp -d "${TMPDIR:-/tmp}/mixdbg-test.XXXXXX")
	log="$logs/$name.log"
	mkdir -p "$(dirname "$log")"
	start=$(date +%s)
	(cd "$dir" && TEST_LOG="$log" timeout -k 5 "$timeout_s" "$@") </dev/null >"$log" 2>&1
	rc=$?
	secs=$(($(date +%s) - start))
	if [ "$rc" = 0 ]; then
		passed=$((passed + 1))
		echo "PASS $name (${secs}s)"
	else
		failed=$((failed + 1))
		if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
			echo "timed out after ${timeout_s}s (status $rc)" >>"$log"
		else
			echo "exit status $rc" >>"$log"
		fi
		echo "FAIL $name (${secs}s)"
		tail -n 40 "$log" | sed 's/^/    /'
	fi
	rm -rf "$dir"
}

for t in "$root"/tests/e2e/*.sh; do
	[ -e "$t" ] || continue
	run_one "$(basename "$t" .sh)" bash "$t"
done
# The DAP server's tests: each tests/dap/*.test.js is one test, run by Node's own test runner
# with @vscode/debugadapter-testsupport (installed by `make deps`: npm ci --prefix tests/dap).
for t in "$root"/tests/dap/*.test.js; do
	[ -e "$t" ] || continue
	name="dap/$(basename "$t" .test.js)"
	if [ -d "$root/tests/dap/node_modules/@vscode/debugadapter-testsupport" ]; then
		run_one "$name" node --test "$t"
	else
		run_one "$name" bash -c 'echo "tests/dap/node_modules is missing: run make deps" \
			"(npm ci --prefix tests/dap)"; exit 1'
	fi
done
if [ -d "$UNIT_DIR" ]; then
	for t in "$UNIT_DIR"/test_*; do
		[ -f "$t" ] && [ -x "$t" ] || continue
		case $t in *.d | *.o) continue ;; esac
		run_one "unit/$(basename "$t")" "$t"
	done
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
