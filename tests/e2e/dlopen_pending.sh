#!/usr/bin/env bash
# A breakpoint on a function of a library the program dlopen()s later: pending at first,
# bound when the loader reports the library (r_debug), dropped when it is unloaded, bound
# again when it is reloaded.
source "$(dirname "$0")/../lib.sh"
set -u
run_mixdbg -batch -ex 'break lib_func' -ex 'run' -ex 'info sharedlibrary' -ex 'continue' \
	-ex 'continue' --args "$FIXTURES/dlopen_main" "$FIXTURES/libdl_lib.so"
expect_out 'Function "lib_func" is not in .*pending'
expect_out 'Breakpoint 1 at 0x[0-9a-f]+: file .*dl_lib\.c, line [0-9]+\.'
expect_count 2 'hit Breakpoint 1, lib_func \(\) at dl_lib\.c:[0-9]+'
expect_out 'libdl_lib\.so$'
expect_out 'exited normally'

# One function name in two modules (the program and the library, loaded by a relative path
# that the loader records as given): one breakpoint, a location in each, every call hit.
cp "$FIXTURES/dlopen_main" "$FIXTURES/libdl_lib.so" .
run_mixdbg -batch -ex 'break twin' -ex run -ex continue -ex 'info breakpoints' -ex continue \
	-ex continue --args ./dlopen_main ./libdl_lib.so
expect_out 'hit Breakpoint 1, twin \(\) at dlopen_main\.c:[0-9]+'
expect_out 'Breakpoint 1 at twin: 2 locations\.'
expect_count 2 'hit Breakpoint 1, twin \(\) at dl_lib\.c:[0-9]+'
expect_out '^1\.2 .* in twin at .*dl_lib\.c:[0-9]+$'
expect_out 'exited normally'
pass
