#!/usr/bin/env bash
# Variables from DWARF at a stop: arguments and locals of the selected frame (each frame of a
# recursion has its own), globals, char pointers shown with their string, unknown names.
source "$(dirname "$0")/../lib.sh"
set -u
run_mixdbg -batch -ex 'break depth if $rdi == 2' -ex run -ex 'info args' -ex up \
	-ex 'info args' -ex 'print n' -ex 'frame 2' -ex 'print n' -ex 'print nosuch' \
	-ex 'frame 3' -ex 'info args' --args "$FIXTURES/recurse" 4
expect_out '^n = 2$'
expect_out '^n = 3$'
expect_count 2 '^n = 3$'  # info args and print in frame 1
expect_out '^n = 4$'      # frame 2 is depth(4)
expect_out 'No symbol "nosuch" in current context\.'
expect_out '^argc = 2$'   # frame 3 is main

run_mixdbg -batch -ex 'break hot' -ex run -ex 'print counter' -ex 'print i' -ex up \
	-ex 'info locals' --args "$FIXTURES/loop" 3
expect_out '^counter = 0$'
expect_out '^i = 0$'
expect_out '^sum = 0$'
expect_out '^n = 3$'

run_mixdbg -batch -ex 'break lib_func' -ex run -ex up -ex 'info args' \
	--args "$FIXTURES/dlopen_main" "$FIXTURES/libdl_lib.so"
expect_out '^path = 0x[0-9a-f]+ ".*/libdl_lib\.so"$'
expect_out '^arg = 4$'

# C expressions over those variables
run_mixdbg -batch -ex 'break lib_func' -ex run -ex up -ex 'print *path' -ex 'print path[1]' \
	-ex 'print arg * 2 + 1' -ex 'print &arg' -ex 'print (char)arg + 64' -ex 'print arg > 3 && arg < 5' \
	-ex 'print arg->x' -ex 'print 1 +' -ex 'print arg / 0' -ex 'print nosuch + 1' \
	--args "$FIXTURES/dlopen_main" "$FIXTURES/libdl_lib.so"
expect_out "^\\*path = 47 '/'\$"
expect_out '^arg \* 2 \+ 1 = 9$'
expect_out '^&arg = \(int \*\) 0x[0-9a-f]+$'
expect_out '^\(char\)arg \+ 64 = 68$'
expect_out '^arg > 3 && arg < 5 = 1$'
expect_out 'The -> operator needs a pointer'
expect_out 'A syntax error in expression'
expect_out '^Division by zero$'
expect_out 'No symbol "nosuch" in current context\.'
# set var, then the program runs with the new values: hot(i) returns 2*i, counter counts
run_mixdbg -batch -ex 'break hot' -ex run -ex 'set var counter = 100' -ex 'set var i = 10' \
	-ex 'print i' -ex 'set var i = 99999999999' -ex 'set var nosuch = 1' -ex 'set var i = abc' \
	-ex 'set var i' -ex 'delete' -ex continue --args "$FIXTURES/loop" 3
expect_out '^i = 10$'
expect_out '99999999999 does not fit in 4 bytes'
expect_out 'No symbol "nosuch" in current context\.'
expect_out 'No symbol "abc" in current context\.'
expect_out 'Usage: set var VARIABLE = VALUE'
expect_out 'sum=26 calls=103' # 2*10 + 2*1 + 2*2, and 100 + 3 calls

# the value may be an expression (converted as C assigns)
run_mixdbg -batch -ex 'break hot' -ex run -ex 'set var i = i + 9' -ex 'set var counter = i * 10' \
	-ex 'set var i = 1 +' -ex 'delete' -ex continue --args "$FIXTURES/loop" 3
expect_out 'A syntax error in expression'
expect_out 'sum=24 calls=93' # 2*9 + 2*1 + 2*2, and 90 + 3 calls

# any lvalue in memory can be assigned, in an outer frame too (the selection stays)
run_mixdbg -batch -ex 'break lib_func' -ex run -ex up -ex 'set var *path = 65' \
	-ex 'set var path[1] = 66' -ex 'print path' -ex 'set var arg + 1 = 3' -ex 'set var *&arg = 9' \
	-ex 'print arg' --args "$FIXTURES/dlopen_main" "$FIXTURES/libdl_lib.so"
expect_out '^path = 0x[0-9a-f]+ "AB'
expect_out 'Left operand of assignment is not an lvalue in memory\.'
expect_out '^arg = 9$'

# -O2: values the compiler did not keep are said to be optimized out
# (scale is inlined: `up` goes to the function it was inlined into, then to main)
run_mixdbg -batch -ex 'break scale' -ex run -ex 'info args' -ex 'info locals' -ex up \
	-ex 'info args' -ex up -ex 'info args' "$FIXTURES/inline_O2"
expect_out '^v = (<optimized out>|-?[0-9]+)$'
expect_out '^r = (<optimized out>|-?[0-9]+)$'
expect_out '^#1  (first|second) \(\) at inline\.c:(15|20)$'
expect_out '^argc = (<optimized out>|1)$'
expect_out '<optimized out>'

run_mixdbg -batch -ex 'info locals' -ex 'print x' "$FIXTURES/loop"
expect_count 2 'No frame selected'
pass
