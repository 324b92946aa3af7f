#!/usr/bin/env bash
# A native breakpoint in a C library that a C# program calls through P/Invoke (set before the
# library loads, bound when the runtime loads it), hit from a managed thread and from the main
# thread. At this native stop every thread is held by the tracer, and `bt` is one stack:
# the C function, the P/Invoke transition, the C# callers with file and line (read from the
# runtime's memory through its data access library), the runtime's entry into managed code,
# then the runtime's and the host's native frames. Managed breakpoints deleted and set at such
# a stop take effect when the program runs again; native ones set at a managed stop at once.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Interop/Interop"
src="$FIXTURES/cs-src/Interop/Program.cs"
[ -x "$app" ] || fail "fixture not built: $app"
pinvoke=$(grep -n 'MARK:pinvoke$' "$src" | cut -d: -f1)
lambda=$(grep -n 'new Thread(() => fromThread = Compute(2))' "$src" | cut -d: -f1)
main_call=$(grep -n 'int fromMain = Compute(1);' "$src" | cut -d: -f1)
run_mixdbg -batch -ex 'break greet_compute' -ex run -ex bt -ex 'frame 2' -ex 'info locals' \
	-ex 'info args' -ex 'frame 1' -ex 'info locals' -ex continue -ex bt -ex 'info locals' \
	-ex continue "$app"
expect_out 'Breakpoint 1 \(greet_compute\) pending'
expect_out 'Thread [0-9]+ "worker" hit Breakpoint 1, greet_compute \(\) at greet_lib.c:[0-9]+'
expect_out 'Thread 1 "Interop" hit Breakpoint 1, greet_compute \(\) at greet_lib.c:[0-9]+'
# the worker's stack: C, transition, C#, the thread's managed start, the runtime's entry
expect_out '^#0 +greet_compute \(\) at greet_lib.c:'
expect_out '^#1 +\[managed-to-native\]$'
# in both stacks, and once more for `frame 2`
expect_count 3 "^#2 +Fixtures.Interop.Compute \\(\\) at Program.cs:$pinvoke\$"
expect_out "^#3 +Fixtures.Interop.<>c__DisplayClass[0-9_]+.<Main>b__[0-9_]+ \\(\\) at Program.cs:$lambda\$"
expect_out '^#4 +System.Threading.Thread.StartCallback \(\) from System.Private.CoreLib.dll'
expect_out '^#5 +\[native-to-managed\]$'
# the main thread's: ... Main, then the runtime and the host down to libc's start
expect_out "^#3 +Fixtures.Interop.Main \\(\\) at Program.cs:$main_call\$"
expect_out '^#4 +\[native-to-managed\]$'
expect_out 'in coreclr_execute_assembly \(\) from .*libcoreclr.so'
expect_out 'in __libc_start_main_impl \(\)'
# frame 2 is managed: its source line, and its variables read from the runtime's memory (the
# call has not returned: r is still 0)
expect_out "^$pinvoke[[:space:]]+int r = greet_compute\\(who, 3\\);"
expect_out '^r = 0$'
expect_out '^who = 2$'
expect_out '\[managed-to-native\] is a runtime transition: it has no variables'
# native locals of the C frame at the second stop
expect_out '^sum = '
expect_out 'main 33 thread 63'
expect_out 'exited normally'

# managed breakpoints changed at a native stop (the runtime cannot take requests while the
# tracer holds its threads): deleted and set there, they take effect when it runs again
print_line=$(grep -n 'Console.WriteLine("main "' "$src" | cut -d: -f1)
run_mixdbg -batch -ex "break Program.cs:$pinvoke" -ex 'break greet_compute' -ex run -ex continue \
	-ex 'delete 1' -ex "break Program.cs:$print_line" -ex continue -ex continue -ex continue "$app"
expect_count 1 'hit Breakpoint 1, Fixtures.Interop.Compute'
expect_count 2 'hit Breakpoint 2, greet_compute'
expect_out 'Breakpoint 3 \(Program.cs:[0-9]+\): set in managed code when the program resumes'
expect_out "hit Breakpoint 3, Fixtures.Interop.Main \\(\\) at Program.cs:$print_line"
expect_out 'exited normally'

# and the other way: a native breakpoint set at a managed stop (the library already loaded,
# the native side running) is planted at once and hit; one deleted there is gone
run_mixdbg -batch -ex "break Program.cs:$main_call" -ex run -ex 'break greet_compute' -ex continue \
	-ex 'delete 2' -ex continue "$app"
expect_out "hit Breakpoint 1, Fixtures.Interop.Main \\(\\) at Program.cs:$main_call"
expect_out 'Breakpoint 2 at 0x[0-9a-f]+: file .*greet_lib.c, line [0-9]+\.'
expect_count 1 'hit Breakpoint 2, greet_compute'
expect_out 'exited normally'
pass
