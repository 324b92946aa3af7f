#!/usr/bin/env bash
# Debug info split into a build-id file (DIR/.build-id/xx/rest.debug): lines are found with
# --debug-file-directory; without it, the ELF symbol still gives the function.
source "$(dirname "$0")/../lib.sh"
set -u
readelf -S "$FIXTURES/split_loop" | grep -q debug_info && fail "split_loop still has .debug_info"
run_mixdbg --debug-file-directory "$FIXTURES/debug" -batch -ex 'break hot' -ex 'run' \
	-ex 'info sharedlibrary' --args "$FIXTURES/split_loop" 2
expect_out 'hit Breakpoint 1, hot \(\) at loop\.c:[0-9]+'
expect_out 'Yes +.*split_loop$'
run_mixdbg -batch -ex 'break hot' -ex 'run' --args "$FIXTURES/split_loop" 2
expect_out 'hit Breakpoint 1, 0x[0-9a-f]+ in hot \(\) from .*split_loop'
pass
