#!/usr/bin/env bash
# Our ICorDebug declarations against the real runtime: at a breakpoint and at an unhandled
# exception, `maint check-cordebug` calls each ICorDebug method mixdbg uses and checks its
# answer against facts found without ICorDebug (the process's tasks and mappings, the
# assembly's metadata and PDB, the exception's type). A method reached through a wrong slot
# answers something else (or fails), and the check says which.
source "$(dirname "$0")/../lib.sh"
set -u
run_mixdbg -batch -ex 'break Fixtures.Program.Add' -ex run -ex 'maint check-cordebug' -ex kill \
	"$FIXTURES/cs/Hello/Hello"
expect_out '^0 checks failed\.'
expect_not_out '^FAIL'
expect_count 17 '^ok '
run_mixdbg -batch -ex run -ex 'maint check-cordebug System.InvalidOperationException' -ex kill \
	--args "$FIXTURES/cs/Throws/Throws" unhandled
expect_out '^0 checks failed\.'
expect_out '^ok +ICorDebugValue2::GetExactType.*"nobody catches this"'
expect_count 18 '^ok '
# not at a managed stop: refused with the reason
run_mixdbg -batch -ex 'maint check-cordebug' "$FIXTURES/cs/Hello/Hello"
expect_out 'needs a managed stop'
pass
