#!/usr/bin/env bash
# Freezing a thread of a C program: the tracer keeps it stopped while the others run. The
# program's spin-a and spin-b (threads 2 and 3) each count ticks; main prints both at four
# checkpoints. Frozen at the first, spin-a's count does not move by the second while spin-b's
# does; thawed, it moves again. `info threads` marks it; stepping it is refused; bad thread
# numbers are refused. Frozen at the end (spin-b), main waits for it forever: Ctrl-C stops the
# program, and thawed it ends normally.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/jumps"
[ -x "$prog" ] || fail "fixture not built: $prog"

run_mixdbg -batch -ex "break checkpoint" -ex run -ex "thread freeze 2" -ex "info threads" \
	-ex "thread freeze 9" -ex "thread thaw x" -ex continue \
	-ex "thread 2" -ex next -ex step -ex stepi -ex finish -ex "thread 1" \
	-ex "thread thaw all" -ex "info threads" -ex continue -ex "delete" -ex continue \
	--args "$prog" threads
expect_rc 0
expect_out '^Thread 2 frozen\.$'
expect_out '^  2 +Thread [0-9]+ "spin-a" \(frozen\) '
expect_out '^  3 +Thread [0-9]+ "spin-b" +0x'
expect_out "^Invalid thread ID: 9 \\(see 'info threads'\\)\\.$"
expect_out "^Usage: thread thaw \\[N...\\|all\\] \\('x' is not a thread number\\)$"
expect_count 4 "^thread 2 is frozen: it cannot step \\('thread thaw 2' first, or select another thread\\)$"
expect_out '^Thread 2 thawed\.$'
expect_out '^  2 +Thread [0-9]+ "spin-a" +0x' # thawed: no mark
expect_out '^threads done$'
a1=$(sed -nE 's/^round 1 a=([0-9]+) b=([0-9]+)$/\1/p' <<<"$OUT")
b1=$(sed -nE 's/^round 1 a=([0-9]+) b=([0-9]+)$/\2/p' <<<"$OUT")
a2=$(sed -nE 's/^round 2 a=([0-9]+) b=([0-9]+)$/\1/p' <<<"$OUT")
b2=$(sed -nE 's/^round 2 a=([0-9]+) b=([0-9]+)$/\2/p' <<<"$OUT")
a3=$(sed -nE 's/^round 3 a=([0-9]+) b=([0-9]+)$/\1/p' <<<"$OUT")
[ -n "$a1" ] && [ -n "$a2" ] && [ -n "$a3" ] || fail "rounds missing"
# the checkpoint's arguments were read just before the stop: one tick may fall between
[ $((a2 - a1)) -le 1 ] || fail "frozen spin-a counted on: $a1 -> $a2"
[ $((b2 - b1)) -ge 50 ] || fail "spin-b did not run: $b1 -> $b2"
[ $((a3 - a2)) -ge 50 ] || fail "thawed spin-a did not run: $a2 -> $a3"

# frozen while main joins it: the program waits; Ctrl-C, thaw, and it ends
"$MIXDBG" -batch -ex "break checkpoint" -ex run -ex "thread freeze 3" -ex delete -ex continue \
	-ex "info threads" -ex "thread thaw 3" -ex continue --args "$prog" threads \
	</dev/null >"$PWD/out" 2>&1 &
dbg=$!
wait_for_file "$PWD/out" '^round 4 ' 30 || fail "the program did not reach round 4"
sleep 0.5
grep -q 'threads done' "$PWD/out" && fail "main joined a frozen thread"
kill -INT "$dbg"
wait "$dbg"
rc=$?
OUT=$(cat "$PWD/out")
cat "$PWD/out" >&2
sanitizer_check "$OUT"
[ "$rc" = 0 ] || fail "mixdbg exited with $rc"
expect_out 'stopped\.$'
expect_out '^  3 +Thread [0-9]+ "spin-b" \(frozen\) '
expect_out '^Thread 3 thawed\.$'
expect_out '^threads done$'
expect_out 'exited normally'
pass
