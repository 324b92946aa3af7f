#!/usr/bin/env bash
# One stopped program at a managed stop (the Interop fixture: Main calls the C function
# greet_visit, which calls the C# method Visit back; a managed breakpoint in Visit):
# - the tracer holds every thread but the runtime's service threads, so `info threads` shows
#   native locations for threads outside managed code and "(running)" only for the service
#   threads, whose `bt` says why;
# - the registers of the stopped thread are its managed frame's: `x/i $pc` shows the runtime's
#   breakpoint instruction (int3) at the managed breakpoint, not the wait inside the runtime
#   where the thread really is;
# - `break` without an argument sets a managed breakpoint on the current C# line;
# - the C frame's variables can be changed there and the program sees it;
# - `info sources` lists the C library's and the program's source files, once each.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Interop/Interop"
src="$FIXTURES/cs-src/Interop/Program.cs"
csrc="$(dirname "$0")/../fixtures/greet_lib.c"
[ -x "$app" ] || fail "fixture not built: $app"
visit=$(grep -n 'MARK:visit$' "$src" | cut -d: -f1)
callback=$(grep -n 'MARK:callback' "$csrc" | cut -d: -f1)

run_mixdbg -batch -ex "break Program.cs:$visit" -ex run -ex 'info threads' \
	-ex 'thread apply all bt 1' -ex 'thread 1' -ex 'x/i $pc' -ex 'break' -ex 'info breakpoints' \
	-ex 'frame 2' -ex 'set var total = 100' -ex 'print total' -ex 'info sources' -ex 'delete' \
	-ex continue "$app"
expect_out "hit Breakpoint 1, Fixtures.Interop.Visit \\(\\) at Program.cs:$visit"
# the thread at the stop, by the runtime's view
expect_out "^\\* 1 +Thread [0-9]+ \"Interop\" +Fixtures.Interop.Visit \\(\\) at Program.cs:$visit\$"
# the runtime's debugger thread runs (it answers our requests) ...
expect_out '^  [0-9]+ +Thread [0-9]+ "\.NET Debugger" +\(running\)$'
expect_out 'is one of the runtime.s service threads, left running at managed stops'
# ... and the finalizer, which runs the program's code, is held: a native location
expect_out '^  [0-9]+ +Thread [0-9]+ "\.NET Finalizer" +0x[0-9a-f]+ in '
expect_not_out '"\.NET Finalizer" +\(running\)'
# the registers are the managed frame's: the runtime's int3 at the breakpoint
expect_out '^0x[0-9a-f]+:[[:space:]]+int3'
expect_out "^Breakpoint 2 at Fixtures.Interop.Visit: file .*Program.cs, line $visit\\.\$"
expect_count 2 "in Fixtures.Interop.Visit at .*Program.cs:$visit\$"
expect_out "^#2 +0x[0-9a-f]+ in greet_visit \\(\\) at greet_lib.c:$callback\$"
expect_out '^total = 100$'
# `info sources`: the C library's compilation unit (DWARF) and the program's document (PDB)
expect_count 1 "^$(cd "$(dirname "$csrc")" && pwd)/greet_lib.c\$"
expect_count 1 "^$src\$"
# total was 100 before Visit(0) returned 1, then Visit(2) and Visit(4): 100 + 1 + 3 + 5
expect_out 'main 33 thread 63 visited 109'
expect_out 'exited normally'
pass
