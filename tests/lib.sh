# lib.sh: helpers sourced by every end-to-end test (tests/e2e/*.sh).
# The runner exports MIXDBG (the debugger) and FIXTURES (built debuggees), and runs each
# test in a fresh temporary directory (its cwd), with its log in $TEST_LOG.

: "${MIXDBG:?MIXDBG is not set (run tests through tests/run.sh)}"
: "${FIXTURES:?FIXTURES is not set (run tests through tests/run.sh)}"
OUT=""
RC=0

# Runs mixdbg with the given arguments, no standard input; combined output in $OUT,
# exit status in $RC.
run_mixdbg() {
	echo "+ mixdbg $*" >&2
	OUT=$("$MIXDBG" "$@" </dev/null 2>&1)
	RC=$?
	printf '%s\n' "$OUT" >&2
	return 0
}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

pass() {
	exit 0
}

expect_out() {
	grep -qE -- "$1" <<<"$OUT" || fail "output does not match /$1/"
}

expect_not_out() {
	if grep -qE -- "$1" <<<"$OUT"; then
		fail "output unexpectedly matches /$1/: $(grep -E -- "$1" <<<"$OUT" | head -n 3)"
	fi
}

expect_count() {
	local n
	n=$(grep -cE -- "$2" <<<"$OUT" || true)
	[ "$n" = "$1" ] || fail "expected $1 lines matching /$2/, got $n"
}

expect_rc() {
	[ "$RC" = "$1" ] || fail "expected exit status $1, got $RC"
}

# wait_for_file FILE PATTERN SECONDS: until FILE has a line matching PATTERN.
wait_for_file() {
	local i
	for ((i = 0; i < $3 * 20; i++)); do
		grep -qE -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}
