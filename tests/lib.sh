# lib.sh: helpers sourced by every end-to-end test (tests/e2e/*.sh):
#	source "$(dirname "$0")/../lib.sh"
# tests/run.sh exports MIXDBG (the debugger), FIXTURES (the built debuggees) and TEST_LOG, runs
# each test in a fresh temporary directory (its cwd) and sends its stdout and stderr to
# TEST_LOG. Run by hand, a test uses build/mixdbg and build/fixtures and writes to the terminal.

_lib_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export MIXDBG=${MIXDBG:-$_lib_root/build/mixdbg}
export FIXTURES=${FIXTURES:-$_lib_root/build/fixtures}
# leaks inside the .NET runtime's debugger libraries are theirs (tests/lsan.supp)
export LSAN_OPTIONS="suppressions=$_lib_root/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
OUT=""
RC=0

# run_mixdbg ARGS...: runs "$MIXDBG" ARGS with stdin from /dev/null; its combined stdout and
# stderr go to $OUT, its exit status to $RC, and both to the log (this script's stderr).
run_mixdbg() {
	echo "+ mixdbg $*" >&2
	OUT=$("$MIXDBG" "$@" </dev/null 2>&1)
	RC=$?
	printf '%s\n' "$OUT" >&2
	echo "+ exit status $RC" >&2
	sanitizer_check "$OUT"
	return 0
}

# sanitizer_check TEXT: fails if TEXT holds an ASan/LSan/UBSan report (the SAN=1 runs).
# run_mixdbg checks its output itself; call it on output collected some other way.
sanitizer_check() {
	local re='ERROR: [A-Za-z]+Sanitizer|: runtime error: |^SUMMARY: [A-Za-z]+Sanitizer'
	if grep -qE -- "$re" <<<"$1"; then
		echo "---- sanitizer report ----" >&2
		grep -E -A 12 -- "$re" <<<"$1" | head -n 40 >&2
		fail "sanitizer report in mixdbg's output"
	fi
}

# fail MSG: ends the test as failed.
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# pass: ends the test as passed.
pass() {
	exit 0
}

# _fail_out MSG: fails, showing the (last 60 lines of the) output under test.
_fail_out() {
	{
		echo "---- output under test (last 60 lines) ----"
		tail -n 60 <<<"$OUT"
		echo "----"
	} >&2
	fail "$*"
}

# expect_out REGEX: some line of $OUT matches the extended regular expression.
expect_out() {
	grep -qE -- "$1" <<<"$OUT" || _fail_out "output does not match /$1/"
}

# expect_not_out REGEX: no line of $OUT matches.
expect_not_out() {
	if grep -qE -- "$1" <<<"$OUT"; then
		_fail_out "output unexpectedly matches /$1/: $(grep -E -- "$1" <<<"$OUT" | head -n 3)"
	fi
}

# expect_count N REGEX: exactly N lines of $OUT match.
expect_count() {
	local n
	n=$(grep -cE -- "$2" <<<"$OUT" || true)
	[ "$n" = "$1" ] || _fail_out "expected $1 lines matching /$2/, got $n"
}

# expect_rc N: the last run_mixdbg exited with status N.
expect_rc() {
	[ "$RC" = "$1" ] || _fail_out "expected exit status $1, got $RC"
}

# wait_for_file FILE PATTERN SECONDS: waits (polling every 50 ms, at most SECONDS) until a
# line of FILE matches the extended regular expression PATTERN; status 1 on timeout.
wait_for_file() {
	local i
	for ((i = 0; i < $3 * 20; i++)); do
		grep -qE -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

# expect_ticking FILE: the sleeper fixture still appends to FILE (it runs on, untouched).
expect_ticking() {
	local before after
	before=$(wc -l <"$1")
	sleep 2.5
	after=$(wc -l <"$1")
	[ "$after" -gt "$before" ] || fail "no new ticks in $1 ($before -> $after)"
}
