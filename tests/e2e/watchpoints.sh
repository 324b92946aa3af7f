#!/usr/bin/env bash
# Hardware watchpoints: every write to a global by two threads is reported, with old and
# new values in sequence; an access watchpoint reports reads; a fifth watchpoint is refused
# (four debug registers); watchpoints are listed and deleted like breakpoints.
source "$(dirname "$0")/../lib.sh"
set -u
cmds="$PWD/cmds"
{
	echo start
	echo 'watch shared'
	echo 'info breakpoints'
	for _ in $(seq 10); do echo continue; done
	echo 'info breakpoints'
	echo 'delete'
	echo continue
} >"$cmds"
run_mixdbg -batch -x "$cmds" "$FIXTURES/watched"
expect_out '^Hardware watchpoint 2: shared$'
expect_out '^2 +hw watchpoint +keep y +0x[0-9a-f]+ shared$'
expect_count 10 'hit Hardware watchpoint 2: shared'
for i in $(seq 0 9); do
	grep -A1 -x "Old value = $i" <<<"$OUT" | grep -qx "New value = $((i + 1))" ||
		fail "write $((i + 1)) not reported as $i -> $((i + 1))"
done
# both writer threads were caught
threads=$(grep -oE 'Thread [0-9]+ "watched" hit Hardware watchpoint' <<<"$OUT" | sort -u | wc -l)
[ "$threads" = 2 ] || fail "writes reported from $threads threads, expected 2"
expect_out 'breakpoint already hit 10 times'
expect_out 'shared=10'
expect_out 'exited normally'

run_mixdbg -batch -ex 'break hot' -ex run -ex 'awatch counter' -ex continue -ex continue \
	--args "$FIXTURES/loop" 3
expect_out '^Hardware access \(read/write\) watchpoint 2: counter$'
expect_count 2 'hit Hardware access \(read/write\) watchpoint 2: counter'

run_mixdbg -batch -ex start -ex 'watch shared' -ex 'watch *&shared' -ex 'rwatch shared' \
	-ex 'awatch shared' -ex 'watch shared' -ex 'watch nosuchvar' -ex 'watch *3' \
	"$FIXTURES/watched"
expect_out 'all 4 hardware watchpoint slots \(x86 debug registers\) are in use'
expect_out 'No symbol "nosuchvar" in the current context'
expect_out 'must be aligned to 4 bytes'
run_mixdbg -batch -ex 'watch shared' "$FIXTURES/watched"
expect_out 'Hardware watchpoints need a running program'
pass
