#!/usr/bin/env bash
# A managed stop with C code below it that is in an inlined call: the Interop fixture, given
# "inline", passes a C# delegate to greet_visit_inlined, whose always_inline helper visit_pair
# calls it twice. At the C# breakpoint in the callback, bt shows the C frame as at a native
# stop: visit_pair (the inlined code, at the callback line), then greet_visit_inlined at the
# inlined call's line, between the runtime's transitions; frame 3 selects the caller with its
# locals; both hits show it, and the program ends with the sum.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Interop/Interop"
src="$FIXTURES/cs-src/Interop/Program.cs"
csrc="$(dirname "$0")/../fixtures/greet_lib.c"
[ -x "$app" ] || fail "fixture not built: $app"
visit=$(grep -n 'MARK:visit$' "$src" | cut -d: -f1)
call=$(grep -n 'MARK:inline_call$' "$src" | cut -d: -f1)
cb=$(grep -n 'MARK:inlined_callback' "$csrc" | cut -d: -f1)
inl=$(grep -n 'MARK:inlined_call \*/' "$csrc" | cut -d: -f1)
run_mixdbg -batch -ex "break Program.cs:$visit" -ex run -ex bt -ex 'frame 3' -ex 'info locals' \
	-ex 'frame 0' -ex 'print value' -ex continue -ex bt -ex 'print value' -ex continue \
	--args "$app" inline
expect_count 2 'Thread 1 "Interop" hit Breakpoint 1, Fixtures.Interop.Visit \(\)'
# in both stacks and once more for `frame 0`
expect_count 3 '^#0 +Fixtures.Interop.Visit \(\) at Program.cs:'"$visit"'$'
expect_count 2 '^#1 +\[native-to-managed\]$'
expect_count 2 '^#2 +0x[0-9a-f]+ in visit_pair \(\) at greet_lib.c:'"$cb"'$'
# the inlined call's frame: no address of its own (gdb's way), the caller's name and the
# call's line, in both stacks and once more for `frame 3`
expect_count 3 '^#3 +greet_visit_inlined \(\) at greet_lib.c:'"$inl"'$'
expect_count 2 '^#4 +\[managed-to-native\]$'
expect_count 2 '^#5 +Fixtures.Interop.Main \(\) at Program.cs:'"$call"'$'
expect_out '^both = 0$'
expect_out '^value = 5$'
expect_out '^value = 6$'
expect_out '^pair 13$'
expect_out 'exited normally'
pass
