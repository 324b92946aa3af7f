#!/usr/bin/env bash
# `list`: ten lines around the selected frame's line, the next ten, the ten before (`list -`),
# around LINE or FILE:LINE; re-centred at each stop and frame change; in C and in C#, where a
# source missing from disk is read from the PDB that embeds it (Stepping_embedsrc: built with
# EmbedAllSources and a PathMap to a folder that does not exist). Bad input is refused.
source "$(dirname "$0")/../lib.sh"
set -u
loop_c="$(dirname "$0")/../fixtures/loop.c"
hot_line=$(grep -n 'counter++;' "$loop_c" | cut -d: -f1)

run_mixdbg -batch -ex 'list' -ex 'break hot' -ex run -ex list -ex list -ex 'list -' \
	-ex 'list loop.c:1' -ex 'list 9999' -ex 'list nosuch.c:3' -ex 'list x' -ex 'list 0' \
	-ex 'list loop.c:' -ex 'list -' -ex continue -ex continue --args "$FIXTURES/loop" 2
expect_out 'No default source file \(the program is not stopped\): use list FILE:LINE\.'
# line hot-5: the first list, `list -` after the second, `list loop.c:1` (lines 1-10)
expect_count 3 "^$((hot_line - 5))	"
expect_count 2 "^$((hot_line + 4))	"
expect_count 1 "^$((hot_line + 5))	"             # the second list goes on
expect_out "^${hot_line}		counter\+\+;$"
expect_out '^1	/\* loop\.c: breakpoint basics'
expect_out 'Line number 9994 out of range; "loop\.c" has [0-9]+ lines\.'
expect_out 'No source file named nosuch\.c\.'
expect_out "Usage: list \[LINE \| FILE:LINE \| -\] \(a line number, got 'x'\)\."
expect_out "Usage: list \[LINE \| FILE:LINE \| -\] \(a line number, got '0'\)\."
expect_out "Usage: list FILE:LINE \(a file and a line number, got 'loop\.c:'\)\."
expect_out 'Already at the start of loop\.c\.'
expect_count 2 'hit Breakpoint 1, hot'
expect_out 'exited normally'

# C#: the source exists only inside the PDB
orig="$(dirname "$0")/../fixtures/cs/Stepping/Program.cs"
square_line=$(grep -n 'MARK:square' "$orig" | cut -d: -f1)
body_line=$(grep -n 'MARK:loop_body' "$orig" | cut -d: -f1)
[ -e /mixdbg-embedded-src ] && fail "/mixdbg-embedded-src must not exist for this test"
cp "$FIXTURES"/cs/Stepping_embedsrc/* .
run_mixdbg -batch -ex 'break Fixtures.Stepping.Square' -ex run -ex list -ex up -ex list \
	-ex 'list Program.cs:1' -ex continue -ex 'delete 1' -ex continue ./Stepping_embedsrc.dll
expect_out "^${square_line}	 +int r = v \* v; // MARK:square$" # shown at the stop
# the two stops, and the first list
expect_count 3 "^${square_line}	 +int r = v \* v; // MARK:square$"
expect_out "^$((square_line - 5))	"
expect_count 2 "^${body_line}	 +sum \+= Square\(i\); // MARK:loop_body$" # up, then list
expect_out "^$((body_line + 4))	"
expect_out '^1	// Steps: over a loop'
expect_out '^3	using System;$'
expect_not_out 'not on this machine'
expect_out 'exited with code 5\]'
pass
