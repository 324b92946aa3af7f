#!/usr/bin/env bash
# A forked child does not inherit the debugger's int3 bytes: it runs code holding a
# breakpoint and exits normally, while the parent's hits are all reported.
source "$(dirname "$0")/../lib.sh"
set -u
run_mixdbg -batch -ex 'break in_parent' -ex run -ex continue -ex continue "$FIXTURES/forker"
expect_count 2 'hit Breakpoint 1, in_parent \(\)'
expect_out 'child exited=1 status=0 parent calls=2'
expect_out 'exited normally'
pass
