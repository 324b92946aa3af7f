#!/usr/bin/env bash
# A dprintf or logpoint set before its library or assembly loads is pending; once bound it is
# announced under its own name (Dprintf N / Logpoint N at ...), never as a "Breakpoint", and
# logs at each hit without stopping.
source "$(dirname "$0")/../lib.sh"
set -u
run_mixdbg -batch -ex 'dprintf lib_func,"lib_func x=%d\n", x' -ex run \
	--args "$FIXTURES/dlopen_main" "$FIXTURES/libdl_lib.so"
expect_out 'Function "lib_func" is not in .*pending'
expect_out '^Dprintf 1 at 0x[0-9a-f]+: file .*dl_lib\.c, line [0-9]+\.$'
expect_not_out 'Breakpoint 1 at'
expect_out '^lib_func x=4$'
expect_out '^lib_func x=5$'
expect_not_out 'hit (Breakpoint|Dprintf)'
expect_out 'exited normally'

# C#: the assembly loads after the run starts; the logpoint binds then
run_mixdbg -batch -ex 'logpoint Fixtures.Stepping.Square square of {v}' -ex run \
	"$FIXTURES/cs/Stepping/Stepping.dll"
expect_out 'pending'
expect_out '^Logpoint 1 at Fixtures\.Stepping\.Square: file .*Program\.cs, line [0-9]+\.$'
expect_not_out 'Breakpoint 1 at'
expect_out '^square of 2$'
expect_count 3 '^square of [0-2]$'
expect_out 'exited with code 5\]'
pass
