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
pass
