#!/usr/bin/env bash
# Call stacks: every frame of a recursion in order, through libc to _start; bt N; frame,
# up and down moving the selection (and refusing to go past either end); every thread's
# stack with `thread apply all bt`.
source "$(dirname "$0")/../lib.sh"
set -u
src="$(dirname "$0")/../fixtures/recurse.c"
call_line=$(grep -n 'int r = depth(n - 1);' "$src" | cut -d: -f1)
leaf_call=$(grep -n 'return leaf(7);' "$src" | cut -d: -f1)
main_line=$(grep -n 'depth(n));' "$src" | cut -d: -f1)
run_mixdbg -batch -ex 'bt' -ex 'break leaf' -ex run -ex bt -ex 'bt 3' -ex 'frame 2' -ex up \
	-ex 'down 3' -ex down -ex 'up 99' -ex 'frame' -ex continue --args "$FIXTURES/recurse" 6
expect_out '^No stack\.$'
expect_out '^#0  leaf \(\) at recurse\.c:[0-9]+$'
expect_out "^#1  0x[0-9a-f]+ in depth \\(\\) at recurse\\.c:$leaf_call\$"
for i in 2 3 4 5 6 7; do
	expect_out "^#$i +0x[0-9a-f]+ in depth \\(\\) at recurse\\.c:$call_line\$"
done
expect_out "^#8  0x[0-9a-f]+ in main \\(\\) at recurse\\.c:$main_line\$"
expect_out '^#9  0x[0-9a-f]+ in __libc_start_call_main \(\)'
expect_out 'in _start \(\)'
expect_count 1 '^\(More stack frames follow\.\.\.\)$'
expect_count 3 "^#2  0x[0-9a-f]+ in depth \\(\\) at recurse\\.c:$call_line\$" # bt, bt 3, frame 2
expect_count 2 "^$call_line[[:space:]]+int r = depth\\(n - 1\\);"             # frame 2, up
expect_out '^#3  0x[0-9a-f]+ in depth' # up from 2
expect_out 'Bottom \(innermost\) frame selected; you cannot go down\.'
expect_out 'Initial frame selected; you cannot go up\.'
expect_out 'depth=6 result=27'

run_mixdbg -batch -ex 'break worker_hit' -ex run -ex 'thread apply all bt' -ex 'thread apply 1 bt 1' \
	--args "$FIXTURES/threads" 3 1
expect_count 5 '^Thread [0-9]+ \(Thread [0-9]+ "[a-z0-9-]+"\):$'
expect_out 'in worker_hit \(\) at threads\.c:[0-9]+|^#0  worker_hit \(\)'
expect_count 3 'in worker \(\) at threads\.c:[0-9]+$'
# (the main thread may be anywhere between creating and joining its workers)
# (each worker's stack ends in __clone3; with libc's debug info installed, its inlined
# functions are frames of their own, so the frame numbers vary)
expect_count 3 '^#[0-9]+ +0x[0-9a-f]+ in __clone3 \(\)'
pass
