#!/usr/bin/env bash
# A static inline function called in a loop (-O2): at a stop inside it the call stack shows the
# inlined call as gdb does, a frame for the inlined function and one for the function it was
# inlined into, at the call's line and without an address of its own; `up` onto that frame
# shows the call's line and its own locals and arguments; `finish` from the inlined function
# steps out to the caller's code; `finish` from the caller's frame returns to main.
source "$(dirname "$0")/../lib.sh"
set -u

run_mixdbg -batch -ex 'break inline_loop.c:13' -ex run -ex bt -ex 'info locals' -ex up \
	-ex 'info locals' -ex 'info args' -ex 'print n * 2' -ex 'frame 2' -ex 'frame 9' -ex 'frame 0' \
	-ex finish -ex bt -ex delete -ex continue "$FIXTURES/inline_loop_O2"
expect_out '^#0  scale \(\) at inline_loop\.c:13$'
expect_out '^#1  accumulate \(\) at inline_loop\.c:21$'
expect_out '^#2  0x[0-9a-f]+ in main \(\) at inline_loop\.c:28$'
expect_count 2 '^#1  accumulate \(\) at inline_loop\.c:21$' # bt and up
expect_out $'^21\t\t\tsum \\+= scale\\(i\\);$'
expect_out '^r = 0$'       # scale's local
expect_out '^sum = 0$'     # accumulate's, in its own frame
expect_out '^n = 4$'       # accumulate's argument
expect_out '^n \* 2 = 8$'
expect_out '^#2  0x[0-9a-f]+ in main \(\) at inline_loop\.c:28$'
expect_out 'No frame at level 9'
expect_out '^Run till exit from #0  scale \(\) at inline_loop\.c:13$'
# out of the inlined copy, in accumulate's own code (the stack has no scale frame now)
expect_out '^#0  accumulate \(\) at inline_loop\.c:[0-9]+$'
expect_out '^#1  0x[0-9a-f]+ in main \(\) at inline_loop\.c:28$'
expect_out '^54 42$'

# finish from the frame scale was inlined into returns from accumulate to main
run_mixdbg -batch -ex 'break scale' -ex run -ex delete -ex up -ex finish -ex bt -ex continue \
	"$FIXTURES/inline_loop_O2"
expect_out 'hit Breakpoint 1, scale \(\) at inline_loop\.c:[0-9]+'
expect_out '^Run till exit from #1  accumulate \(\) at inline_loop\.c:21$'
expect_out '^#0  0x[0-9a-f]+ in main \(\) at inline_loop\.c:(28|29)$' # the return address: the rest of line 28, or 29 at -O2
expect_out '^54 42$'

# frame function NAME: the innermost frame of that function (an inlined call's caller too)
run_mixdbg -batch -ex 'break inline_loop.c:13' -ex run -ex 'frame function accumulate' \
	-ex 'info args' -ex 'frame function main' -ex 'frame function nosuch' -ex kill \
	"$FIXTURES/inline_loop_O2"
expect_out '^#1  accumulate \(\) at inline_loop\.c:21$'
expect_out '^n = 4$'
expect_out '^#2  0x[0-9a-f]+ in main \(\) at inline_loop\.c:28$'
expect_out '^No frame for function "nosuch"\.$'
pass
