#!/usr/bin/env bash
# A condition over registers stops exactly at the matching hit; registers, memory and
# disassembly are readable there; `continue N` ignores N-1 crossings.
source "$(dirname "$0")/../lib.sh"
set -u
run_mixdbg -batch -ex 'break hot if $rdi == 7' -ex 'info breakpoints' -ex run \
	-ex 'info registers rdi rip' -ex 'info registers' -ex 'x/2i $pc' -ex 'x/1dw &counter' \
	-ex 'x/s $rsp' -ex 'x/2xg $sp' -ex 'delete' -ex 'continue' --args "$FIXTURES/loop" 20
expect_count 1 'hit Breakpoint 1, hot \(\)'
expect_out 'stop only if \$rdi == 7'
expect_out '^rdi +0x7 +7$'
expect_out '^rip +0x[0-9a-f]+ +0x[0-9a-f]+ <hot\+[0-9]+>$'
expect_out '^eflags +0x[0-9a-f]+ +\[ .*\]$'
expect_out '^fs_base '
expect_out '<hot\+[0-9]+>:	[a-z]+'
# counter was incremented once per call before i==7: 7 calls so far
expect_out '<counter\+0>:	7$'
expect_out 'exited normally'

run_mixdbg -batch -ex 'break hot' -ex run -ex 'continue 5' -ex 'info breakpoints' \
	--args "$FIXTURES/loop" 20
expect_out 'Will ignore next 4 crossings of breakpoint 1\.  Continuing\.'
expect_out 'breakpoint already hit 6 times'
expect_count 2 'hit Breakpoint 1'

# a condition true once in 100,000 hits, decided in the tracer: exactly one stop, the right one
run_mixdbg -batch -ex 'break hot' -ex 'condition 1 $rdi == 77777' -ex run \
	-ex 'info registers rdi' -ex 'info breakpoints' -ex continue --args "$FIXTURES/loop" 100000
expect_count 1 'hit Breakpoint 1, hot \(\)'
expect_out '^rdi +0x12fd1 +77777$'
expect_out 'breakpoint already hit 1 time$'
expect_out 'sum=9999900000 calls=100000'
# a condition over a local (an argument in its stack slot), compiled before the program runs
# against the program file and run in the tracer: one stop in 100,000 hits
run_mixdbg -batch -ex 'break hot if i == 77777 && i > 5' -ex 'break hot if nosuch > 1' \
	-ex run -ex 'print i' -ex 'info breakpoints' -ex continue --args "$FIXTURES/loop" 100000
expect_out '^No symbol "nosuch" in current context\.$'
expect_count 1 'hit Breakpoint 1, hot \(\)'
expect_out '^i = 77777$'
expect_out 'stop only if i == 77777 && i > 5'
expect_not_out '^2 +breakpoint'
expect_out 'sum=9999900000 calls=100000'

# a condition over a global, which the tracer cannot reach before the program is loaded,
# falls back to the session (evaluated at each hit, same result)
run_mixdbg -batch -ex 'break hot if counter == 5 && i == 5' -ex run -ex 'print counter' \
	-ex 'info breakpoints' -ex continue --args "$FIXTURES/loop" 20
expect_count 1 'hit Breakpoint 1, hot \(\)'
expect_out '^counter = 5$'
expect_out 'breakpoint already hit 1 time$' # only the hits where the condition held
expect_out 'sum=380 calls=20'

# errors at run time count as true (gdb stops on an error in a condition)
run_mixdbg -batch -ex 'break hot if 1 / ($rdi - 2) == 5' -ex run -ex 'info registers rdi' \
	--args "$FIXTURES/loop" 5
expect_out '^rdi +0x2 +2$'

# disassemble: the function around the selected frame's pc, marked, with call targets named
run_mixdbg -batch -ex 'break hot' -ex run -ex up -ex disassemble -ex 'disassemble hot' \
	-ex 'disassemble 0' --args "$FIXTURES/loop" 1
expect_out '^Dump of assembler code for function main:$'
expect_out '^=> 0x[0-9a-f]+ <main\+[0-9]+>:'
expect_out 'call	0x[0-9a-f]+ <hot\+0>$'
expect_out '^Dump of assembler code for function hot:$'
expect_count 2 '^End of assembler dump\.$'
expect_out 'No function contains address 0x0\.'
pass
