#!/usr/bin/env bash
# A step interrupted by another thread's breakpoint stays pending on its thread. In steprace,
# main's `next` over handoff() is under way when the worker (thread 2) hits worker_mark (main
# waits in handoff until the worker has passed it: no timing involved).
#  1. the breakpoint is reported; `info threads` marks thread 1; `continue` ends main's step
#     at the next line (line 42) with a note, before main prints "main after handoff";
#  2. a `next` on thread 2 abandons it (said so): main then runs freely, no stop at its line;
#  3. `finish` interrupted the same way, `thread step-abandon` drops it (bad uses refused);
#     continue then just continues; and `kill` drops a pending step.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/steprace"
[ -x "$prog" ] || fail "fixture not built: $prog"

# line number in $OUT of the first line matching an ERE (0: none)
line_of() { grep -nE -m1 -- "$1" <<<"$OUT" | cut -d: -f1 || true; }

hit='^Thread 2 "racer" hit Breakpoint 2, worker_mark \(\) at steprace\.c:15$'
done_note='^Thread 1 finished the step it was doing before the stop\.$'

# 1. resumed by continue
run_mixdbg -batch -ex "break steprace.c:41" -ex "break worker_mark" -ex run -ex next \
	-ex "info threads" -ex "thread" -ex continue -ex "info threads" -ex continue "$prog"
expect_rc 0
expect_out "$hit"
expect_out '^  1 +Thread [0-9]+ "steprace" \(interrupted step\) '
expect_out '^\* 2 +Thread [0-9]+ "racer" +0x[0-9a-f]+ in worker_mark \(\) at steprace\.c:15$'
expect_out '^\[Current thread is 2 \(Thread [0-9]+ "racer"\)\]$' # the stop's thread
expect_count 1 "$done_note"
expect_out '^main \(\) at steprace\.c:42$'
expect_out '^\* 1 +Thread [0-9]+ "steprace" +0x[0-9a-f]+ in main \(\) at steprace\.c:42$'
expect_not_out '\(interrupted step\).*main \(\) at steprace\.c:42'
n_hit=$(line_of "$hit")
n_note=$(line_of "$done_note")
n_stop=$(line_of '^main \(\) at steprace\.c:42$')
n_print=$(line_of '^main after handoff$')
[ "$n_hit" -gt 0 ] && [ "$n_note" -gt "$n_hit" ] && [ "$n_stop" -gt "$n_note" ] &&
	[ "$n_print" -gt "$n_stop" ] ||
	fail "order: hit $n_hit, note $n_note, step's end $n_stop, main's print $n_print"
expect_out 'exited normally'

# 2. a new step on thread 2 abandons main's
run_mixdbg -batch -ex "break steprace.c:41" -ex "break worker_mark" -ex run -ex next \
	-ex next -ex "info threads" -ex continue "$prog"
expect_rc 0
expect_out "$hit"
expect_count 1 "^\\[abandoning thread 1's interrupted step\\]$"
expect_out '^worker_mark \(\) at steprace\.c:16$' # thread 2's own next
expect_not_out '\(interrupted step\)'
expect_not_out "$done_note"
expect_not_out 'main \(\) at steprace\.c:42'
expect_out '^main after handoff$'
expect_out '^main done$'
expect_out 'exited normally'

# 3. finish interrupted, then abandoned explicitly; kill drops a pending step
run_mixdbg -batch -ex "thread step-abandon" -ex "break handoff" -ex "break worker_mark" \
	-ex run -ex finish -ex "thread step-abandon x" -ex "thread step-abandon" \
	-ex "thread step-abandon" -ex "info threads" -ex continue -ex run -ex finish \
	-ex "info threads" -ex kill -ex run -ex "thread step-abandon" -ex kill "$prog"
expect_rc 0
expect_count 3 '^Thread 1 "steprace" hit Breakpoint 1, handoff \(\) at steprace\.c:30$'
expect_count 2 '^Run till exit from #0  handoff \(\) at steprace\.c:30$'
expect_count 2 "$hit"
expect_out "^Usage: thread step-abandon \\(takes no argument, got 'x'\\)$"
expect_count 1 "^Thread 1's interrupted step abandoned\\.$"
# after the abandon, and after kill and a new run
expect_count 2 '^No thread has an interrupted step\.$'
expect_count 1 '^The program is not being run\.$' # before run
expect_count 1 '\(interrupted step\)'
expect_not_out "$done_note"
expect_not_out 'in main \(\) at steprace\.c:42$'
expect_out 'exited normally'
expect_count 2 '^\[Inferior 1 \(process [0-9]+\) killed\]$'
pass
