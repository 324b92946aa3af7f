#!/usr/bin/env bash
# A crash stops with the signal, the faulting address and the faulting function; continuing
# lets the signal kill the program as it would without a debugger.
source "$(dirname "$0")/../lib.sh"
set -u
check() {
	local kind=$1 sig=$2
	run_mixdbg -batch -ex run -ex continue --args "$FIXTURES/crash" "$kind"
	expect_out "received signal $sig"
	expect_out "Program terminated with signal $sig"
	expect_out "killed by signal $sig"
}
check segv SIGSEGV
expect_out 'Faulting address: 0x10$'
expect_out 'in do_crash \(\) at crash\.c:[0-9]+'
check fpe SIGFPE
expect_out 'in do_crash \(\) at crash\.c:[0-9]+'
check ill SIGILL
expect_out 'in do_crash \(\) at crash\.c:[0-9]+'
check abrt SIGABRT
check bus SIGBUS
expect_out 'Faulting address: 0x[0-9a-f]+$'
pass
