#!/usr/bin/env bash
# The first managed session: `dotnet Hello.dll`, Hello.dll itself and the apphost, each stopped
# by a breakpoint before Main's first line runs (the runtime's startup handshake), by
# File.cs:LINE, by method name (a constructor too), a backtrace with file and line, continue
# to the exit code; ignore counts, disable and enable, temporary breakpoints.
source "$(dirname "$0")/../lib.sh"
set -u
dir="$FIXTURES/cs/Hello"
src="$FIXTURES/cs-src/Hello/Program.cs"
[ -f "$dir/Hello.dll" ] || fail "fixture not built: $dir/Hello.dll"
# the line of `int sum = a + b;` in Add, and of the constructor's declaration (its first sequence point: the base constructor call)
add_line=$(grep -n 'int sum = a + b;' "$src" | cut -d: -f1)
ctor_line=$(grep -n 'public Counter(int start)' "$src" | cut -d: -f1)
main_line=$(grep -n 'int x = Add(2, 3);' "$src" | cut -d: -f1)
[ -n "$add_line" ] && [ -n "$ctor_line" ] && [ -n "$main_line" ] || fail "markers not found in $src"

# dotnet Hello.dll: a line breakpoint set before the module loads (pending), hit, bt
run_mixdbg -batch -ex "break Program.cs:$add_line" -ex run -ex bt -ex continue \
	--args dotnet "$dir/Hello.dll"
expect_out "Breakpoint 1 \\(Program.cs:$add_line\\) pending"
expect_out "Breakpoint 1 at Fixtures.Program.Add: file .*Program.cs, line $add_line\\."
expect_out "hit Breakpoint 1, Fixtures.Program.Add \\(\\) at Program.cs:$add_line"
expect_out "^$add_line[[:space:]]+int sum = a \\+ b;"
expect_out "^#0 +Fixtures.Program.Add \\(\\) at Program.cs:$add_line"
expect_out "^#1 +Fixtures.Program.Main \\(\\) at Program.cs:$main_line"
expect_out "exited with code 3"
expect_out "hello 8"

# the apphost, a method-name breakpoint on the constructor, `start` stopping in Main
run_mixdbg -batch -ex "break Fixtures.Counter..ctor" -ex start -ex continue -ex continue \
	"$dir/Hello"
expect_out "hit Temporary breakpoint 2, Fixtures.Program.Main \\(\\) at Program.cs:$main_line"
expect_out "hit Breakpoint 1, Fixtures.Counter..ctor \\(\\) at Program.cs:$ctor_line"
expect_out "exited with code 3"

# Hello.dll given as the program: run through the dotnet host
run_mixdbg -batch -ex "break Add" -ex run -ex continue "$dir/Hello.dll"
expect_out "hit Breakpoint 1, Fixtures.Program.Add \\(\\) at Program.cs:$add_line"
expect_out "exited with code 3"

# Counter.Next runs 3 times: ignore the first call, stop at the second, disable, run out;
# then the same with a temporary breakpoint (one stop) and a disabled-then-enabled one
run_mixdbg -batch -ex "break Fixtures.Counter.Next" -ex 'ignore 1 1' -ex run -ex 'info breakpoints' \
	-ex 'disable 1' -ex continue "$dir/Hello"
expect_count 1 'hit Breakpoint 1, Fixtures.Counter.Next'
expect_out 'breakpoint already hit 2 times'
expect_out '^1 +breakpoint +keep y +IL_[0-9a-f]{4} +in Fixtures.Counter.Next at .*Program.cs:[0-9]+'
expect_out "exited with code 3"
run_mixdbg -batch -ex "tbreak Next" -ex "break Add" -ex 'disable 2' -ex run -ex 'enable 2' \
	-ex continue -ex 'info breakpoints' -ex continue "$dir/Hello"
expect_count 1 'hit Temporary breakpoint 1, Fixtures.Counter.Next'
# bare names bind in the program's own code only, not in framework methods of that name
expect_not_out 'at System\.'
expect_not_out 'hit Breakpoint 2'
expect_not_out '^1 +breakpoint'
expect_out "exited with code 3"
# the managed modules are listed with their symbols
run_mixdbg -batch -ex 'break Add' -ex run -ex 'info sharedlibrary' -ex kill "$dir/Hello"
expect_out '^\(managed\) +Yes \(PDB\) +.*/Hello\.dll$'
expect_out '^\(managed\) +No +.*/System\.Private\.CoreLib\.dll$'
expect_out '^0x[0-9a-f]+ +0x[0-9a-f]+ +No +.*/libcoreclr\.so$'
pass
