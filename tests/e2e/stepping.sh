#!/usr/bin/env bash
# Source-line stepping: step into a function with line info and back out to the caller's next
# line, step over a function without line info, next over calls, a for loop's line pieces,
# finish in recursion (the same activation, not a deeper one returning to the same address),
# next over a call that hits a breakpoint (the breakpoint is reported), nexti over a call,
# and finish in the outermost frame refused.
source "$(dirname "$0")/../lib.sh"
set -u
fix="$(dirname "$0")/../fixtures"
line_of() { grep -n -F -- "$2" "$fix/$1" | head -n1 | cut -d: -f1; }

run_mixdbg -batch -ex 'break main' -ex run -ex step -ex step -ex step -ex step -ex step \
	-ex step -ex continue "$FIXTURES/stepper"
expect_out "^add \\(\\) at stepper\\.c:$(line_of stepper.c 'int s = a + b;')\$"
expect_out "^add \\(\\) at stepper\\.c:$(line_of stepper.c 'return s;')\$"
expect_out "^main \\(\\) at stepper\\.c:$(line_of stepper.c 'int y = nodebug_twice(x);')\$"
expect_out "^main \\(\\) at stepper\\.c:$(line_of stepper.c 'printf("x=%d y=%d')\$"
expect_not_out 'nodebug_twice \(\) '
expect_out 'x=5 y=10'

# next walks main's lines; the loop's line comes back once per iteration
run_mixdbg -batch -ex 'break main' -ex run -ex next -ex next -ex next -ex next -ex next \
	-ex next -ex next --args "$FIXTURES/loop" 2
for_line=$(line_of loop.c 'for (int i = 0; i < n; i++)')
body_line=$(line_of loop.c 'sum += hot(i);')
expect_count 2 "^main \\(\\) at loop\\.c:$body_line\$"
expect_count 3 "^main \\(\\) at loop\\.c:$for_line\$"
expect_not_out '^hot \(\)'

# until at the loop's increment runs the loop to its exit, in the same frame
run_mixdbg -batch -ex 'break main' -ex run -ex next -ex next -ex next -ex next -ex until \
	--args "$FIXTURES/loop" 5
expect_out "^main \\(\\) at loop\\.c:$(line_of loop.c 'printf("sum=')\$"

# next over a call whose callee has a breakpoint: the breakpoint is reported
run_mixdbg -batch -ex 'break main' -ex 'break hot' -ex run -ex next -ex next -ex next -ex next \
	--args "$FIXTURES/loop" 2
expect_out 'hit Breakpoint 2, hot \(\) at loop\.c:[0-9]+'

# finish from depth(3) in a recursion returns to its own caller, depth(4): the deeper
# activations returning to the same address first are not it; rax holds depth(3) = 24
run_mixdbg -batch -ex 'break depth if $rdi == 3' -ex run -ex finish -ex 'info registers rax' \
	-ex 'bt 2' -ex 'delete' -ex finish -ex finish -ex finish -ex finish -ex finish -ex finish \
	--args "$FIXTURES/recurse" 5
expect_out '^Run till exit from #0  depth \(\) at recurse\.c:[0-9]+$'
expect_out '^rax +0x18 +24$'
expect_out "^#0  0x[0-9a-f]+ in depth \\(\\) at recurse\\.c:$(line_of recurse.c 'int r = depth(n - 1);')\$"
expect_out 'in main \(\) at recurse\.c:[0-9]+$'
expect_out 'depth=5 result=26'

# nexti over a call instruction lands after it; finish in the outermost frame is refused
run_mixdbg -batch -ex 'break main' -ex run -ex 'nexti 3' -ex 'bt 1' "$FIXTURES/stepper"
expect_not_out '^#0  .* in add \(\)'
expect_out '^#0 +(0x[0-9a-f]+ in )?main \(\)'
# stepi N is counted in the tracer: one stop at the end, or earlier at a breakpoint address
run_mixdbg -batch -ex 'break main' -ex run -ex 'break hot' -ex 'stepi 1000000' -ex 'bt 1' \
	-ex 'delete' -ex 'stepi 7' -ex 'continue' --args "$FIXTURES/loop" 3
expect_out '^#0  hot \(\) at loop\.c:[0-9]+$'
expect_not_out 'hit Breakpoint 2'
expect_out 'sum=6 calls=3'

run_mixdbg -batch -ex 'break _start' -ex run -ex finish "$FIXTURES/stepper"
expect_out '"finish" not meaningful in the outermost frame\.'
pass
