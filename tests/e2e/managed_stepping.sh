#!/usr/bin/env bash
# Managed steps: next over a loop (every iteration's lines, then out of it), step into a
# call and finish back to the caller, step into a property getter and out again, and a step
# over Console.WriteLine that Just My Code keeps out of the framework (and, with it off, a
# step into the framework); next over a property; stepi by IL instruction.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Stepping/Stepping"
src="$FIXTURES/cs-src/Stepping/Program.cs"
[ -x "$app" ] || fail "fixture not built: $app"
mark() { grep -n "MARK:$1\$" "$src" | cut -d: -f1; }
before_loop=$(mark before_loop)
loop=$(mark loop)
body=$(mark loop_body)
square=$(mark square)
deposit_call=$(mark deposit_call)
balance=$(mark balance)
getter=$(mark getter)
print=$(mark print)
ret=$(mark return)

# next over the loop: the `for` line stops for its initializer and its first test, then for
# the increment and the test after each of the 3 bodies (2 + 3*2 = 8 stops); the body 3
# times; then the line after the loop
nexts=()
for _ in $(seq 12); do nexts+=(-ex next); done
run_mixdbg -batch -ex "break Program.cs:$before_loop" -ex run "${nexts[@]}" -ex kill "$app"
expect_out "hit Breakpoint 1, Fixtures.Stepping.Main \\(\\) at Program.cs:$before_loop"
expect_count 3 "^$body[[:space:]]+sum \\+= Square"
expect_count 8 "^$loop[[:space:]]+for \\(int i"
last=$(grep -E '^[0-9]+[[:space:]]' <<<"$OUT" | tail -n 1)
[[ "$last" == "$deposit_call"* ]] || _fail_out "the 12th next is not at line $deposit_call: $last"

# step into Square (past its opening brace), a stack of two methods, finish back in Main
run_mixdbg -batch -ex "break Program.cs:$body" -ex run -ex step -ex bt -ex finish -ex kill "$app"
expect_out "^Fixtures.Stepping.Square \\(\\) at Program.cs:$square"
expect_out "^#0 +Fixtures.Stepping.Square \\(\\) at Program.cs:$square"
expect_out "^#1 +Fixtures.Stepping.Main \\(\\) at Program.cs:$body"
expect_out "Run till exit from #0 +Fixtures.Stepping.Square"
# after finish, the caller's line
tail_stop=$(grep -E '^Fixtures.Stepping' <<<"$OUT" | tail -n 1)
[[ "$tail_stop" == "Fixtures.Stepping.Main () at Program.cs:$body" ]] ||
	_fail_out "finish did not return to Main:$body ($tail_stop)"

# into the Balance getter and out; Console.WriteLine is stepped over (Just My Code)
run_mixdbg -batch -ex "break Program.cs:$balance" -ex run -ex step -ex finish -ex next \
	-ex step -ex continue "$app"
expect_out "^Fixtures.Account.get_Balance \\(\\) at Program.cs:$getter"
expect_out "^$print[[:space:]]+Console.WriteLine"
expect_out "^$ret[[:space:]]+return seen;"
expect_out "seen 5"
expect_out "exited with code 5"

# next over the property's line does not enter the getter
run_mixdbg -batch -ex "break Program.cs:$balance" -ex run -ex next -ex kill "$app"
expect_not_out 'get_Balance'
expect_out "^Fixtures.Stepping.Main \\(\\) at Program.cs:$print"

# Just My Code off: the same step enters the framework (int.ToString, for the concatenation),
# shown without source, and finish returns to the line
run_mixdbg -batch -ex 'set just-my-code off' -ex "break Program.cs:$print" -ex run -ex step \
	-ex 'bt 2' -ex finish -ex kill "$app"
expect_out '^System\.[A-Za-z0-9_.<>]+ \(\) from System\.[A-Za-z.]+\.dll$'
expect_out '^#1 +Fixtures.Stepping.Main \(\) at Program.cs:'"$print"'$'
tail_stop=$(grep -E '^(Fixtures|System)\.' <<<"$OUT" | tail -n 1)
[[ "$tail_stop" == "Fixtures.Stepping.Main () at Program.cs:$print" ]] ||
	_fail_out "finish did not return to Main:$print ($tail_stop)"

# stepi: IL level, offsets increasing through Square's lines
run_mixdbg -batch -ex "break Program.cs:$square" -ex run -ex stepi -ex stepi -ex kill "$app"
ils=$(grep -oE '^IL_[0-9a-f]{4} in Fixtures.Stepping.Square' <<<"$OUT" | cut -c4-7)
[ "$(wc -l <<<"$ils")" = 2 ] || _fail_out "expected two IL-level stops in Square"
first=$((16#$(sed -n 1p <<<"$ils")))
second=$((16#$(sed -n 2p <<<"$ils")))
[ "$second" -gt "$first" ] || _fail_out "IL offsets do not increase: $first then $second"
pass
