#!/usr/bin/env bash
# `jump` in C# at a managed stop (the runtime's SetIP): back one line (counter += 10 runs again:
# counter=121 instead of 111) and forward over two lines (counter=1); refused, with the reason:
# a line of another method (named), a line without code, a line in a finally block (the
# runtime's CORDBG_E_CANT_SET_IP_INTO_FINALLY), a file that is not the module's, an outer
# frame selected; the program goes on normally after each. Also in managed-only mode.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Jumps/Jumps"
src="$FIXTURES/cs-src/Jumps/Program.cs"
[ -x "$app" ] || fail "fixture not built: $app"
mark() { grep -n "MARK:$1\$" "$src" | cut -d: -f1; }
inc10=$(mark inc10)
inc100=$(mark inc100)
print=$(mark print)
other=$(mark other)
fin=$(mark finally)

# back, then `info locals` at the second hit shows the repeated addition
run_mixdbg -batch -ex "break Program.cs:$inc100" -ex run -ex "jump $inc10" -ex "info locals" \
	-ex continue "$app"
expect_rc 0
expect_out "^Continuing at Fixtures.Jumps.Counting \\(Program.cs:$inc10, IL_[0-9a-f]{4}\\)\\.$"
expect_count 2 "hit Breakpoint 1, Fixtures.Jumps.Counting \\(\\) at Program.cs:$inc100"
expect_out '^counter = 21$'
expect_out '^counter=121$'
expect_out '^final=3121$'
expect_out 'exited normally'

# forward, FILE:LINE
run_mixdbg -batch -ex "break Program.cs:$inc10" -ex run -ex "jump Program.cs:$print" "$app"
expect_out "^Continuing at Fixtures.Jumps.Counting \\(Program.cs:$print, IL_[0-9a-f]{4}\\)\\.$"
expect_out '^counter=1$'
expect_out 'exited normally'

# refusals
run_mixdbg -batch -ex "break Program.cs:$inc10" -ex run \
	-ex "jump Program.cs:$other" \
	-ex "jump $((inc100 + 1))" \
	-ex "jump $fin" \
	-ex "jump Nope.cs:3" \
	-ex up -ex "jump $inc100" -ex down \
	-ex continue -ex "jump $inc10" "$app"
expect_out "^line $other is in Fixtures.Jumps.Other\\(\\), not in Fixtures.Jumps.Counting\\(\\): jump only moves within the current function$"
expect_out "^line $((inc100 + 1)) of .*Program.cs has no code \\(the next line with code is $print\\): jump needs a line with code$"
expect_out "^cannot jump to line $fin: the instruction pointer cannot be moved into a finally block \\(CORDBG_E_CANT_SET_IP_INTO_FINALLY \\(0x8013130E\\)\\)$"
expect_out '^Nope.cs is not a source file of Jumps.dll \(the current method, Fixtures.Jumps.Counting, is in it\)$'
expect_out '^jump moves the innermost frame only: select frame 0 first$'
expect_not_out '^Continuing at'
expect_out '^counter=111$'
expect_out '^final=3111$'
expect_out 'exited normally'
expect_out '^The program is not being run\.$'

# managed-only mode: the same SetIP, no tracer
run_mixdbg -batch -ex "set managed-only on" -ex "break Program.cs:$inc100" -ex run \
	-ex "jump $inc10" -ex continue "$app"
expect_out "^Continuing at Fixtures.Jumps.Counting \\(Program.cs:$inc10, IL_[0-9a-f]{4}\\)\\.$"
expect_out '^counter=121$'
expect_out 'exited normally'
pass
