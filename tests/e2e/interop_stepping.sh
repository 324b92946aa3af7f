#!/usr/bin/env bash
# Stepping across the managed/native boundary in one session (the Interop fixture: C# calling
# a C library through P/Invoke, the C code calling a C# delegate back):
# - `step` on a C# line that calls a P/Invoke stops at the first line of the C function, even
#   when that very call is what loads the library (the worker thread's call comes first);
# - `finish` from the C function, or `next` past its end, returns to the C# caller's next line;
# - `step` in C on a line that calls the C# delegate stops at the C# method's first line, also
#   from a native breakpoint's stop; there the stack shows the C caller below the callback, with
#   its locals; `finish` from the callback, or `next` past its end, returns to the C caller;
# - `next` in C over that call, and `finish` from C code that calls it, do not stop in C#;
# - `next` over the C# line calling the P/Invoke never stops in the C# callback either;
# - `finish` from a native breakpoint's stop in the C function returns to the C# caller.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Interop/Interop"
src="$FIXTURES/cs-src/Interop/Program.cs"
csrc="$(dirname "$0")/../fixtures/greet_lib.c"
[ -x "$app" ] || fail "fixture not built: $app"
pinvoke=$(grep -n 'MARK:pinvoke$' "$src" | cut -d: -f1)
visit_call=$(grep -n 'MARK:visit_call$' "$src" | cut -d: -f1)
visit=$(grep -n 'MARK:visit$' "$src" | cut -d: -f1)
callback=$(grep -n 'MARK:callback' "$csrc" | cut -d: -f1)
sum0=$(grep -n 'int sum = 0;' "$csrc" | cut -d: -f1)
ret_sum=$(grep -n 'return sum;' "$csrc" | cut -d: -f1)
total0=$(grep -n 'int total = 0;' "$csrc" | cut -d: -f1)
for_line=$(grep -n 'for (int i = 0; i < n; i++)' "$csrc" | cut -d: -f1)
after_pinvoke=$((pinvoke + 1))

# into C from C#, on the thread whose call loads libgreet.so; finish back to C#; then on the
# main thread, into C again and `next` until the function returns to C#
nexts=()
for _ in $(seq 12); do nexts+=(-ex next); done
run_mixdbg -batch -ex "break Program.cs:$pinvoke" -ex run -ex step -ex bt -ex next -ex finish \
	-ex 'info locals' -ex continue -ex step "${nexts[@]}" -ex 'delete' -ex continue "$app"
expect_out "Thread [0-9]+ \"worker\" hit Breakpoint 1, Fixtures.Interop.Compute \\(\\) at Program.cs:$pinvoke"
expect_out "^greet_compute \\(\\) at greet_lib.c:$sum0\$"
expect_count 2 "^$sum0[[:space:]]+int sum = 0;"
# the step's stop is in C, with the C# caller below the transition
expect_out '^#0 +greet_compute \(\) at greet_lib.c:'
expect_out '^#1 +\[managed-to-native\]$'
expect_out "^#2 +Fixtures.Interop.Compute \\(\\) at Program.cs:$pinvoke\$"
expect_out 'Run till exit from #0 +greet_compute \(\) at greet_lib.c:'
# back in C# on the line after the call, which has run: r holds the C function's result
expect_count 2 "^Fixtures.Interop.Compute \\(\\) at Program.cs:$after_pinvoke\$"
expect_out '^r = 63$'
expect_out "Thread 1 \"Interop\" hit Breakpoint 1, Fixtures.Interop.Compute"
# the nexts went through the C function's last line before C#
expect_out "^$ret_sum[[:space:]]+return sum;"
expect_out 'main 33 thread 63 visited 9'
expect_out 'exited normally'
# the second C# stop came after the C lines, not instead of them
order=$(grep -nE "^$ret_sum[[:space:]]+return sum;|^Fixtures.Interop.Compute \\(\\) at Program.cs:$after_pinvoke\$" <<<"$OUT" |
	cut -d: -f2- | sed -n '2,3p' | tr '\n' '|')
[[ "$order" == "$ret_sum"*"return sum;|Fixtures.Interop.Compute"* ]] ||
	_fail_out "the C function's last line did not come before the return to C#: $order"

# from C into the C# callback, whose stack at that managed stop shows the C caller between the
# runtime's transitions; `finish` from the callback returns to the C caller, mid-line after the
# call, and `next` goes on in C
run_mixdbg -batch -ex "break Program.cs:$visit_call" -ex run -ex step -ex next -ex next \
	-ex step -ex bt -ex 'info locals' -ex 'frame 2' -ex 'info locals' -ex finish -ex 'frame 0' \
	-ex finish -ex next -ex 'info locals' -ex continue "$app"
expect_out "^greet_visit \\(\\) at greet_lib.c:$total0\$"
expect_out "^$callback[[:space:]]+total \\+= visit\\(i \\* 2\\);"
expect_out "^Fixtures.Interop.Visit \\(\\) at Program.cs:$visit\$"
expect_out '^#0 +Fixtures.Interop.Visit \(\) at Program.cs:'
expect_out '^#1 +\[native-to-managed\]$'
expect_out "^#2 +0x[0-9a-f]+ in greet_visit \\(\\) at greet_lib.c:$callback\$"
expect_out '^#3 +\[managed-to-native\]$'
expect_out "^#4 +Fixtures.Interop.Main \\(\\) at Program.cs:$visit_call\$"
expect_out '^next = 0$'
# the C frame's locals, read at the managed stop (the tracer holds the thread's native state)
expect_count 2 '^i = 0$'
expect_out '^at a managed stop only the innermost frame can be finished \(select frame 0\)$'
expect_out 'Run till exit from #0 +Fixtures.Interop.Visit \(\) at Program.cs:'
expect_out "^0x[0-9a-f]+ in greet_visit \\(\\) at greet_lib.c:$callback\$"
expect_out "^greet_visit \\(\\) at greet_lib.c:$for_line\$"
# the callback's result was added: total is 0 + Visit(0) = 1
expect_out '^total = 1$'
expect_not_out "^Fixtures.Interop.Main \\(\\) at Program.cs:$((visit_call + 1))\$"
expect_out 'main 33 thread 63 visited 9'

# `step` in C into the callback from a native breakpoint's stop (no step under way), and `next`
# from the callback's last line back out to the C caller
run_mixdbg -batch -ex "break greet_lib.c:$callback" -ex run -ex step -ex next -ex next \
	-ex next -ex bt -ex delete -ex continue "$app"
expect_out "^Fixtures.Interop.Visit \\(\\) at Program.cs:$visit\$"
expect_out "^Fixtures.Interop.Visit \\(\\) at Program.cs:$((visit + 2))\$"
expect_out "^greet_visit \\(\\) at greet_lib.c:$for_line\$"
expect_out "^#0 +greet_visit \\(\\) at greet_lib.c:$for_line\$"
expect_out 'main 33 thread 63 visited 9'

# `next` in C over the callback stays in C; `finish` (with callbacks still to come) and `next`
# over the whole P/Invoke from C# never stop in the C# callback
run_mixdbg -batch -ex "break Program.cs:$visit_call" -ex run -ex step -ex next -ex next \
	-ex next -ex next -ex finish -ex next -ex continue "$app"
expect_not_out 'Fixtures.Interop.Visit \(\)'
expect_count 2 "^$callback[[:space:]]+total \\+= visit\\(i \\* 2\\);"
expect_out 'Run till exit from #0 +greet_visit \(\) at greet_lib.c:'
expect_out "^Fixtures.Interop.Main \\(\\) at Program.cs:$visit_call\$"
expect_out "^Fixtures.Interop.Main \\(\\) at Program.cs:$((visit_call + 1))\$"
expect_out 'main 33 thread 63 visited 9'
run_mixdbg -batch -ex "break Program.cs:$visit_call" -ex run -ex next -ex continue "$app"
expect_not_out 'Fixtures.Interop.Visit \(\)'
expect_out "^Fixtures.Interop.Main \\(\\) at Program.cs:$((visit_call + 1))\$"
expect_out 'main 33 thread 63 visited 9'

# `continue` while the step is in C drops it: no stop when control comes back to C#
run_mixdbg -batch -ex "break Program.cs:$pinvoke" -ex run -ex step -ex continue -ex step \
	-ex next -ex continue "$app"
expect_count 2 "^greet_compute \\(\\) at greet_lib.c:$sum0\$"
expect_not_out "Program.cs:$after_pinvoke\$"
expect_out 'main 33 thread 63 visited 9'
expect_out 'exited normally'

# `finish` from a native breakpoint's stop (no step under way) returns to the C# caller's next
# line, on each thread, with the C function's result there
run_mixdbg -batch -ex 'break greet_compute' -ex run -ex finish -ex 'info locals' -ex continue \
	-ex finish -ex 'info locals' -ex continue "$app"
expect_count 2 'Run till exit from #0 +greet_compute \(\) at greet_lib.c:'
expect_count 2 "^Fixtures.Interop.Compute \\(\\) at Program.cs:$after_pinvoke\$"
expect_out '^r = 63$'
expect_out '^r = 33$'
expect_out 'main 33 thread 63 visited 9'
pass
