#!/usr/bin/env bash
# Managed breakpoints beyond Main: a generic method (hit for both instantiations), a lambda
# (the line has two methods: Main's statement and the lambda's body), an async method after
# its await (resumed on a thread-pool thread; named as written, not as its state machine), and
# a method first run on a thread-pool thread.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Places/Places"
src="$FIXTURES/cs-src/Places/Program.cs"
[ -x "$app" ] || fail "fixture not built: $app"
mark() { grep -n "MARK:$1\$" "$src" | cut -d: -f1; }
generic=$(mark generic)
lambda=$(mark lambda_decl)
after_await=$(mark after_await)
pool=$(mark pool)
cs=()
for _ in $(seq 8); do cs+=(-ex continue); done
run_mixdbg -batch -ex "break Fixtures.Places.Echo" -ex "break Program.cs:$lambda" \
	-ex "break Program.cs:$after_await" -ex "break Program.cs:$pool" -ex run -ex bt \
	-ex continue -ex continue -ex continue -ex bt -ex continue -ex 'info threads' \
	-ex continue -ex bt "${cs[@]}" "$app"
expect_out "Breakpoint 2 at Fixtures.Places.Main: file .*Program.cs, line $lambda\\. \\(and more locations\\)"
# each instantiation named with its type argument
expect_out "hit Breakpoint 1, Fixtures.Places.Echo<int> \\(\\) at Program.cs:$generic"
expect_out "hit Breakpoint 1, Fixtures.Places.Echo<string> \\(\\) at Program.cs:$generic"
expect_out "hit Breakpoint 2, Fixtures.Places.Main \\(\\) at Program.cs:$lambda"
expect_out "hit Breakpoint 2, Fixtures.Places.<>c.<Main>b__[0-9_]+ \\(\\) at Program.cs:$lambda"
expect_out "^#1 +Fixtures.Places.Main \\(\\) at Program.cs:$((lambda + 1))"
expect_out "hit Breakpoint 3, Fixtures.Places.LaterAsync \\(\\) at Program.cs:$after_await"
expect_out "hit Breakpoint 4, Fixtures.Places.OnPool \\(\\) at Program.cs:$pool"
# the pool method's caller is the delegate queued in Main, on a pool thread
expect_out "^#1 +Fixtures.Places.<>c__DisplayClass[0-9_]+.<Main>b__[0-9_]+ \\(\\) at Program.cs:"
expect_out "Thread [0-9]+ \".NET TP Worker\" hit Breakpoint 4"
expect_out "text 84"
expect_out "exited normally"
pass
