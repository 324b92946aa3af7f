#!/usr/bin/env bash
# Signals the program handles itself reach it with their own numbers, whether the debugger
# stops on them (default for SIGUSR1/2) or not (`handle ... nostop`); a raise(SIGTRAP) that is
# not ours goes to the program's handler untouched. The program's output is the same as
# without a debugger.
source "$(dirname "$0")/../lib.sh"
set -u
plain=$("$FIXTURES/signals")
[ -n "$plain" ] || fail "signals fixture printed nothing"

run_mixdbg -batch -ex 'handle SIGUSR1 nostop noprint pass' -ex 'handle SIGUSR2 nostop print' \
	-ex 'run' "$FIXTURES/signals"
expect_out 'SIGUSR1 +No	No	Yes'
expect_out 'received signal SIGUSR2, User defined signal 2\.'
expect_not_out 'received signal SIGTRAP'
expect_not_out 'received signal SIGUSR1'
expect_out 'exited normally'
grep -qF -- "$plain" <<<"$OUT" || fail "output differs from a plain run: wanted '$plain'"

# Default policy: stop on each SIGUSR1/SIGUSR2, then deliver it on continue.
cmds="$PWD/cmds"
{ echo run; for _ in $(seq 40); do echo continue; done; } >"$cmds"
run_mixdbg -batch -x "$cmds" "$FIXTURES/signals"
expect_out 'received signal SIGUSR1, User defined signal 1\.'
expect_out 'exited normally'
grep -qF -- "$plain" <<<"$OUT" || fail "output differs from a plain run: wanted '$plain'"
pass
