#!/usr/bin/env bash
# A crash in native code called from C# (the C library writes through NULL): the program stops
# at the fault, before the runtime's crash handling, with the mixed stack (the C function, the
# P/Invoke transition, the C# caller). Faults in managed code are the runtime's (they become
# exceptions: tests/e2e/interop_runtime_signals.sh), so `info signals` says SIGSEGV stops in
# native code only. Continuing hands the fault to the runtime, which lets the program die of it.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Interop/Interop"
src="$FIXTURES/cs-src/Interop/Program.cs"
csrc="$(dirname "$0")/../fixtures/greet_lib.c"
[ -x "$app" ] || fail "fixture not built: $app"
crash_call=$(grep -n 'MARK:crash_call$' "$src" | cut -d: -f1)
crash=$(grep -n 'MARK:crash' "$csrc" | cut -d: -f1)
run_mixdbg -batch -ex run -ex 'info signals SIGSEGV' -ex bt -ex 'frame 2' -ex continue \
	-ex continue -ex 'info threads' --args "$app" crash
expect_out '^SIGSEGV +Native[[:space:]]+No[[:space:]]+Yes'
expect_count 2 'Thread 1 "Interop" received signal SIGSEGV, Segmentation fault.'
expect_out "in greet_crash \\(\\) at greet_lib.c:$crash\$"
expect_out "^#0 +0x[0-9a-f]+ in greet_crash \\(\\) at greet_lib.c:$crash\$"
expect_out '^#1 +\[managed-to-native\]$'
expect_count 2 "^#2 +Fixtures.Interop.Main \\(\\) at Program.cs:$crash_call\$"
expect_out "^$crash_call[[:space:]]+return greet_crash\\(IntPtr.Zero\\);"
expect_out 'Program terminated with signal SIGSEGV'
expect_out 'No threads.'

# with `handle SIGSEGV nostop` the fault goes straight to the program
run_mixdbg -batch -ex 'handle SIGSEGV nostop noprint' -ex run --args "$app" crash
expect_not_out 'received signal SIGSEGV'
expect_out 'Program terminated with signal SIGSEGV'
pass
