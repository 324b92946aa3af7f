#!/usr/bin/env bash
# A program that execs another: the debugger follows the new image (its libraries and the
# pending breakpoints re-bound there), and reports the exit code of whatever ran last.
source "$(dirname "$0")/../lib.sh"
set -u
run_mixdbg -batch -ex 'break before_exec' -ex 'break hot' -ex run -ex continue \
	-ex 'info sharedlibrary' -ex continue -ex 'delete' -ex continue \
	--args "$FIXTURES/execer" "$FIXTURES/loop" 4
expect_out 'hit Breakpoint 1, before_exec \(\) at execer\.c:[0-9]+'
expect_out "process [0-9]+ is executing new program: .*/loop$"
expect_out 'Thread 1 "loop" hit Breakpoint 2, hot \(\) at loop\.c:[0-9]+'
expect_count 2 'hit Breakpoint 2'
expect_out 'libc\.so\.6$'
expect_out 'sum=12 calls=4'
expect_out 'exited normally'

run_mixdbg -batch -ex run --args "$FIXTURES/execer" /nonexistent/program
expect_out 'execv: No such file or directory'
expect_out '\[Inferior 1 \(process [0-9]+\) exited with code 3\]'
pass
