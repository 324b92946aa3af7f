#!/usr/bin/env bash
# The runtime's own signals in mixed mode: 10,000 NullReferenceExceptions (SIGSEGV in managed
# code), 1,000 DivideByZeroExceptions (SIGFPE) and a GC-heavy workload on 8 threads (the
# runtime's thread suspensions) are handled by the tracer without a stop: the output and the
# exit code are those of a run without the debugger, and nothing else is reported.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Storm/Storm"
[ -x "$app" ] || fail "fixture not built: $app"
plain=$("$app")
plain_rc=$?
[ "$plain_rc" = 3 ] || fail "the fixture alone exited with $plain_rc"
grep -qE '^nre 10000 div 1000 churn [0-9]+ gcs some$' <<<"$plain" || fail "fixture output: $plain"
run_mixdbg -batch -ex run "$app"
expect_out "^$plain\$"
expect_out 'exited with code 3\]'
expect_not_out 'received signal|hit Breakpoint|exception|Exception'
# everything else is thread and module chatter: no line the program did not cause
rest=$(grep -vE '^\[(New )?Thread [0-9]+ \(thread [0-9]+\)( exited)?\]$|^Starting program: |^nre |exited with code 3' <<<"$OUT" || true)
[ -z "$rest" ] || _fail_out "unexpected output: $rest"
pass
