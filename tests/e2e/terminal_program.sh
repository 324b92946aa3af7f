#!/usr/bin/env bash
# On a terminal (a pty from script(1)) the program shares mixdbg's terminal: it can read it
# (no SIGTTIN), and Ctrl-C stops it once, in the debugger, without killing anything.
source "$(dirname "$0")/../lib.sh"
set -u
export HOME="$PWD"
OUT=$(printf 'hello from the terminal\n' |
	timeout 20 script -qfec "$MIXDBG -batch -ex run --args /usr/bin/head -n 1" /dev/null 2>&1 |
	tr -d '\r')
printf '%s\n' "$OUT" >&2
sanitizer_check "$OUT"
expect_count 2 '^hello from the terminal$' # the echo, and head's own output
expect_not_out 'SIGTTIN'
expect_out 'exited normally'

OUT=$( (
	printf 'run\n'
	sleep 2
	printf '\003'
	sleep 1
	printf 'info threads\n'
	sleep 0.5
	printf 'kill\nquit\n'
) | timeout 30 script -qfec "$MIXDBG $FIXTURES/sleeper" /dev/null 2>&1 | tr -d '\r')
printf '%s\n' "$OUT" >&2
sanitizer_check "$OUT"
expect_out 'ready'
expect_count 1 'received signal SIGINT, Interrupt\.'
expect_count 4 '^[* ] [0-9]+ +Thread [0-9]+ "sleeper"'
expect_out 'killed\]'
pass
