#!/usr/bin/env bash
# A function inlined twice (-O2) gets a location per inlined copy; a DWARF 4 build resolves
# lines like the DWARF 5 one.
source "$(dirname "$0")/../lib.sh"
set -u
run_mixdbg -batch -ex 'break scale' -ex run -ex 'info breakpoints' -ex continue \
	-ex continue "$FIXTURES/inline_O2"
expect_out 'Breakpoint 1 at scale: 2 locations\.'
expect_out '<MULTIPLE>'
expect_count 2 '^1\.[12] .* in scale at .*inline\.c:[0-9]+$'
# each stop names the inlined function, not the function it was inlined into
expect_count 2 'hit Breakpoint 1, scale \(\) at inline\.c:[0-9]+'
expect_out 'exited normally'
readelf --debug-dump=info "$FIXTURES/loop_dwarf4" | grep -q 'Version:.*4' ||
	fail "loop_dwarf4 is not DWARF 4"
run_mixdbg -batch -ex 'break hot' -ex run --args "$FIXTURES/loop_dwarf4" 1
expect_out 'hit Breakpoint 1, hot \(\) at loop\.c:[0-9]+'
pass
