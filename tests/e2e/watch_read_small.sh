#!/usr/bin/env bash
# Read watchpoints: x86 debug registers cannot break on reads only (RW=11 is read or write),
# so a write (the value changed) is not reported, as gdb does: `stored` is written once, then
# read once (conds.c), and rwatch reports the read alone; awatch reports both, the write with
# old and new values, the read with its value. `watch` on a char and on a short (signed:
# -2, not 65534).
source "$(dirname "$0")/../lib.sh"
set -u
run_mixdbg -batch -ex 'break main' -ex run -ex 'rwatch stored' -ex continue -ex bt \
	-ex 'info breakpoints' -ex continue "$FIXTURES/conds"
expect_out '^Hardware read watchpoint 2: stored$'
expect_count 1 'hit Hardware read watchpoint 2: stored'
expect_out '^Value = 7$'
expect_not_out 'Old value|New value'
expect_out '^#0 +read_stored \(\) at conds\.c'
expect_out '^2 +read watchpoint +keep y .* stored$'
expect_out 'breakpoint already hit 1 time'
expect_out 'total=964 tiny=b half=-2'
expect_out 'exited normally'

run_mixdbg -batch -ex 'break main' -ex run -ex 'awatch stored' -ex continue -ex bt \
	-ex continue -ex bt -ex continue "$FIXTURES/conds"
expect_out '^Hardware access \(read/write\) watchpoint 2: stored$'
expect_count 2 'hit Hardware access \(read/write\) watchpoint 2: stored'
# the write in main, then the read in read_stored
grep -A4 'hit Hardware access' <<<"$OUT" | tr '\n' ' ' |
	grep -qE 'Old value = 0 New value = 7 .* in main \(\) .*hit Hardware access .* Value = 7 .* in read_stored \(\)' ||
	_fail_out 'awatch did not report the write (0 -> 7 in main) then the read (7 in read_stored)'
expect_out 'exited normally'

run_mixdbg -batch -ex 'break main' -ex run -ex 'watch tiny' -ex 'watch half' \
	-ex continue -ex continue -ex continue -ex continue -ex continue "$FIXTURES/conds"
expect_out '^Hardware watchpoint 2: tiny$'
expect_out '^Hardware watchpoint 3: half$'
expect_count 2 'hit Hardware watchpoint 2: tiny'
expect_count 2 'hit Hardware watchpoint 3: half'
hits=$(grep -A3 'hit Hardware watchpoint' <<<"$OUT" | grep -E 'value' | tr '\n' ' ')
[ "$hits" = "Old value = 0 New value = 97 Old value = 97 New value = 98 Old value = 0 New value = 300 Old value = 300 New value = -2 " ] ||
	_fail_out "char and short writes reported as: $hits"
expect_out 'total=964 tiny=b half=-2'
expect_out 'exited normally'
pass
