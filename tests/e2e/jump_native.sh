#!/usr/bin/env bash
# `jump` in C: back one line (that line runs again: counter=121 instead of 111, the breakpoint
# at the jump's origin is hit a second time) and forward over two lines (counter=1); refused:
# a line of another function (named), a line without code (the next one with code named), a
# file without code, an outer frame selected, bad syntax, no process. The program goes on
# normally after each refusal.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/jumps"
src="$(dirname "$0")/../fixtures/jumps.c"
[ -x "$prog" ] || fail "fixture not built: $prog"
mark() { grep -n "MARK:$1 " "$src" | cut -d: -f1; }
inc10=$(mark inc10)
inc100=$(mark inc100)
print=$(mark print)
compute=$(mark compute)

# back: counter += 10 runs twice
run_mixdbg -batch -ex "break jumps.c:$inc100" -ex run -ex "jump $inc10" -ex "info locals" \
	-ex continue "$prog"
expect_rc 0
expect_out "^Continuing at 0x[0-9a-f]+ in count \\(jumps.c:$inc10\\)\\.$"
expect_count 2 "hit Breakpoint 1, count \\(\\) at jumps.c:$inc100"
expect_out '^counter=121$'
expect_out '^compute=7$'
expect_out 'exited normally'

# forward: counter += 10 and += 100 are skipped; FILE:LINE form
run_mixdbg -batch -ex "break jumps.c:$inc10" -ex run -ex "jump jumps.c:$print" "$prog"
expect_out "^Continuing at 0x[0-9a-f]+ in count \\(jumps.c:$print\\)\\.$"
expect_out '^counter=1$'
expect_out 'exited normally'

# refusals, each leaving the program where it was
run_mixdbg -batch -ex "break jumps.c:$inc10" -ex run \
	-ex "jump jumps.c:$compute" \
	-ex "jump $((inc100 + 1))" \
	-ex "jump nosuch.c:3" \
	-ex "jump Program.cs:3" \
	-ex "jump 12x" -ex "jump" -ex "jump :5" \
	-ex up -ex "jump $inc10" -ex down \
	-ex continue -ex "jump $inc10" "$prog"
expect_out "^line $compute is in compute\\(\\), not in count\\(\\): jump only moves within the current function$"
expect_out "^line $((inc100 + 1)) of .*jumps.c has no code \\(the next line with code is $print\\): jump needs a line with code$"
expect_out '^no code at nosuch.c:3 in the loaded native modules$'
expect_out '^Program.cs is C#: at a native stop jump moves within native code only'
expect_out "^jump: '12x' is not LINE or FILE:LINE$"
expect_out '^Usage: jump LINE \| FILE:LINE$'
expect_out "^jump: ':5' is not LINE or FILE:LINE$"
expect_out '^jump moves the innermost frame only: select frame 0 first$'
expect_not_out '^Continuing at'
expect_out '^counter=111$'
expect_out 'exited normally'
expect_out '^The program is not being run\.$'
pass
