#!/usr/bin/env bash
# Corner cases of ptrace that once broke the tracer (tests/fixtures/tricky.c), each with
# out-of-line execution and with the single-step over the restored byte.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/tricky"
for mode in displaced stepped; do
	[ $mode = stepped ] && export MIXDBG_NO_DISPLACE=1

	# main() leaves with pthread_exit: its zombie reports nothing until the worker exits, so
	# stopping "every thread" must not wait for it
	run_mixdbg -batch -ex 'break hit' -ex run -ex continue -ex continue -ex continue \
		--args "$prog" leader-exit
	expect_count 3 'hit Breakpoint 1, hit \(\)'
	expect_out 'leader-exit: calls=3'
	expect_out 'exited normally'

	# an ignored signal stopping the thread during a step must not cost a hit
	run_mixdbg -batch -ex 'break hit' -ex 'ignore 1 1000000' -ex run -ex 'info breakpoints' \
		--args "$prog" ignored-sig
	expect_out 'ignored-sig: calls=20000'
	expect_out 'breakpoint already hit 20000 times'

	# posix_spawn's child runs in the parent's memory: it must not meet our int3 bytes
	run_mixdbg -batch -ex 'break execve' -ex 'break dup2' -ex 'break __spawni_child' \
		-ex 'ignore 1 100' -ex 'ignore 2 100' -ex 'ignore 3 100' -ex run --args "$prog" spawn
	expect_out 'spawn: r=0 status=0'
	expect_not_out 'received signal'

	# a read() blocked on a breakpointed syscall is interrupted by every stop of the other
	# thread and restarted by the kernel: still one hit, one read. (Only out of line: the
	# single-step over a blocking syscall holds every other thread until it returns.)
	if [ $mode = stepped ]; then
		unset MIXDBG_NO_DISPLACE
		continue
	fi
	run_mixdbg -batch -ex start -ex 'break *read_syscall' -ex 'break hit' -ex continue \
		-ex continue -ex continue -ex continue -ex continue --args "$prog" restart
	expect_count 1 'hit Breakpoint 2, '
	expect_count 3 'hit Breakpoint 3, hit \(\)'
	expect_out 'restart: read=1 byte=x calls=3'
	expect_out 'exited normally'
	unset MIXDBG_NO_DISPLACE
done

# stepi onto a breakpoint address executes the instruction, it is not a hit; a later
# continue is not turned into a step
run_mixdbg -batch -ex 'break hit' -ex 'run' -ex 'stepi' -ex 'stepi' -ex 'info breakpoints' \
	-ex 'continue' -ex 'continue' -ex 'continue' --args "$prog" leader-exit
expect_count 3 'hit Breakpoint 1, hit \(\)'
expect_out 'leader-exit: calls=3'
pass
