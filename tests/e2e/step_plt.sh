#!/usr/bin/env bash
# `step` on a line calling a shared library's function through the PLT stops at that
# function's first line when it has line information: through the dynamic loader's resolver
# on a lazily bound first call, and through the bound slot afterwards or with -z now. A
# library function without line information is stepped over.
source "$(dirname "$0")/../lib.sh"
set -u

for prog in plt_main plt_main_now; do
	run_mixdbg -batch -ex 'break main' -ex run -ex step -ex bt -ex 'info args' -ex finish \
		-ex step -ex step -ex 'info args' -ex finish -ex next -ex step -ex 'info locals' \
		-ex continue "$FIXTURES/$prog"
	# the first call (lazy: through the resolver), then the second (the slot bound)
	expect_count 2 '^plt_add \(\) at plt_lib\.c:4$'
	expect_out '^#0  plt_add \(\) at plt_lib\.c:4$'
	expect_out '^#1  0x[0-9a-f]+ in main \(\) at plt_main\.c:13$'
	expect_out '^a = 1$'
	expect_out '^a = 6$'
	expect_out '^b = 4$'
	expect_out '^main \(\) at plt_main\.c:14$'
	expect_out '^main \(\) at plt_main\.c:15$'
	# nodebug_twice has no lines: step goes over it to the next line of main
	expect_out '^main \(\) at plt_main\.c:16$'
	expect_out '^third = 40$'
	expect_not_out 'nodebug_twice \(\)'
	expect_out 'plt: first=6 second=20 third=40'
	expect_out 'exited normally'
done
pass
