#!/usr/bin/env bash
# A managed step (the runtime's stepper) interrupted by another thread's breakpoint stays
# pending, as a native one does (step_interrupted.sh). In StepRace, Main's `next` over
# Handoff() is under way when the worker ("racer") hits WorkerMark (Main waits in Handoff
# until the worker has passed it: no timing involved).
#  1. `info threads` marks thread 1; `continue` ends Main's step at its next line, with a
#     note, before Main prints;
#  2. a `next` on the racer abandons it (said so): Main then runs freely, no stop at its line.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/StepRace/StepRace"
[ -x "$app" ] || fail "fixture not built: $app"
src="$(dirname "$0")/../fixtures/cs/StepRace/Program.cs"
mark() { grep -n "MARK:$1\$" "$src" | cut -d: -f1; }
step_line=$(mark step)
after_line=$(mark after)
worker_line=$(mark worker)
line_of() { grep -nE -m1 -- "$1" <<<"$OUT" | cut -d: -f1 || true; }

hit="^Thread [0-9]+ \"racer\" hit Breakpoint 2, Fixtures\\.StepRace\\.WorkerMark \\(\\) at Program\\.cs:$worker_line$"
done_note='^Thread 1 finished the step it was doing before the stop\.$'
step_end="^Fixtures\\.StepRace\\.Main \\(\\) at Program\\.cs:$after_line$"

run_mixdbg -batch -ex "break Program.cs:$step_line" -ex "break Fixtures.StepRace.WorkerMark" \
	-ex run -ex next -ex "info threads" -ex continue -ex "info threads" -ex continue "$app"
expect_rc 0
expect_out "$hit"
expect_out '^  1 +Thread [0-9]+ "StepRace" \(interrupted step\) '
expect_count 1 "$done_note"
expect_out "$step_end"
expect_out "^\\* 1 +Thread [0-9]+ \"StepRace\" +Fixtures\\.StepRace\\.Main \\(\\) at Program\\.cs:$after_line$"
n_hit=$(line_of "$hit")
n_note=$(line_of "$done_note")
n_stop=$(line_of "$step_end")
n_print=$(line_of '^main after handoff$')
[ "$n_hit" -gt 0 ] && [ "$n_note" -gt "$n_hit" ] && [ "$n_stop" -gt "$n_note" ] &&
	[ "$n_print" -gt "$n_stop" ] ||
	fail "order: hit $n_hit, note $n_note, step's end $n_stop, Main's print $n_print"
expect_out '^main done$'
expect_out 'exited normally'

run_mixdbg -batch -ex "break Program.cs:$step_line" -ex "break Fixtures.StepRace.WorkerMark" \
	-ex run -ex next -ex next -ex "info threads" -ex continue "$app"
expect_rc 0
expect_out "$hit"
expect_count 1 "^\\[abandoning thread 1's interrupted step\\]$"
expect_out "^Fixtures\\.StepRace\\.WorkerMark \\(\\) at Program\\.cs:$((worker_line + 1))$"
expect_not_out '\(interrupted step\)'
expect_not_out "$done_note"
expect_not_out "$step_end"
expect_out '^main after handoff$'
expect_out '^main done$'
expect_out 'exited normally'
pass
