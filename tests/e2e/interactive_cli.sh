#!/usr/bin/env bash
# The interactive command line on a terminal (a pty from script(1)): tab completion of
# command names and of `info` subcommands, history recall with the up arrow, and a history
# file kept between sessions.
source "$(dirname "$0")/../lib.sh"
set -u
export HOME="$PWD"
OUT=$(printf 'hel\t\nhelp quit\n\x1b[A\ninfo th\t\nqu\t\n' |
	timeout 20 script -qfec "$MIXDBG $FIXTURES/loop" /dev/null 2>&1 | tr -d '\r')
RC=$?
printf '%s\n' "$OUT" >&2
sanitizer_check "$OUT"
[ "$RC" = 0 ] || fail "mixdbg exited with status $RC"
expect_out 'Type "help COMMAND" for a description\.' # "hel<TAB>" completed to help
expect_count 2 'Exit mixdbg \(a started program is killed' # up arrow repeated "help quit"
expect_out 'No threads\.'                               # "info th<TAB>" completed
# libedit writes a space in its history file as \040
grep -qE '^help( |\\040)quit$' "$HOME/.mixdbg_history" || fail "history file lacks 'help quit'"
pass
