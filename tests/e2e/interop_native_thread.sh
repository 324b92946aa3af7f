#!/usr/bin/env bash
# A thread the C library of a C# program creates itself (the Duo fixture's "duo-spinner":
# pthread_create in libduo.so, named with pthread_setname_np, only C code), while the main
# thread waits for it inside a C function called from C#:
# - at a native breakpoint in its function: `info threads` lists it (and the main thread),
#   `bt` shows its C frames, `info args`/`info locals` its variables, `finish` and `next` run
#   its C code; `thread apply all bt` shows it and the main thread's mixed stack (C under the
#   P/Invoke under C#); `thread 1` and `thread N` select one and the other;
# - at a managed breakpoint on the main thread (the spinner then parked in C): `info threads`
#   lists it with its native location, `thread N` selects it and `bt` shows its C frames;
# - the program then ends normally, with the spinner's results.
# The session is driven through a FIFO: the spinner's thread number is read from the stop.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Duo/Duo"
src="$FIXTURES/cs-src/Duo/Program.cs"
csrc="$(dirname "$0")/../fixtures/duo_lib.c"
[ -x "$app" ] || fail "fixture not built: $app"
line_of() { grep -n "MARK:$2\$" "$1" | cut -d: -f1; }
after_spin=$(line_of "$src" after_spin)
wait_call=$(line_of "$src" wait_call)
spin_step=$(line_of "$csrc" 'spin_step \*/')
spin_call=$(grep -n 'MARK:spin_call' "$csrc" | cut -d: -f1)
park=$(grep -n 'MARK:park' "$csrc" | cut -d: -f1)
wait_line=$(grep -n 'MARK:wait' "$csrc" | cut -d: -f1)
[ -n "$spin_step" ] && [ -n "$spin_call" ] && [ -n "$park" ] && [ -n "$wait_line" ] ||
	fail "markers missing in $csrc"

mkfifo cmds
echo "+ mixdbg --args $app spawn (commands through a FIFO)" >&2
"$MIXDBG" --args "$app" spawn <cmds >session.out 2>&1 &
pid=$!
exec 3>cmds
trap 'kill $pid 2>/dev/null' EXIT
send() { printf '%s\n' "$@" >&3; }
send 'break duo_spin_step' "break Program.cs:$after_spin" run
wait_for_file session.out '"duo-spinner" hit Breakpoint 1' 60 ||
	{ OUT=$(cat session.out); _fail_out "no stop in the spinner thread"; }
num=$(sed -nE 's/^Thread ([0-9]+) "duo-spinner" hit Breakpoint 1, .*/\1/p' session.out)
[ -n "$num" ] && [ "$num" != 1 ] || { OUT=$(cat session.out); _fail_out "no thread number"; }
# at the native stop, then on to the managed one, then to the end
send 'info threads' bt 'info args' 'info locals' finish next 'info locals' \
	'thread apply all bt' 'thread 1' bt "thread $num" 'delete 1' continue \
	'info threads' "thread $num" bt continue
exec 3>&-
wait "$pid"
RC=$?
trap - EXIT
OUT=$(cat session.out)
printf '%s\n' "$OUT" >&2
sanitizer_check "$OUT"
expect_rc 0

# the native stop, in the library's own thread
expect_out "^Thread $num \"duo-spinner\" hit Breakpoint 1, duo_spin_step \\(\\) at duo_lib.c:$spin_step\$"
expect_out "^\\* $num +Thread [0-9]+ \"duo-spinner\" +0x[0-9a-f]+ in duo_spin_step \\(\\) at duo_lib.c:$spin_step\$"
expect_out '^  1 +Thread [0-9]+ "Duo" +0x[0-9a-f]+ in '
expect_out "^#0 +duo_spin_step \\(\\) at duo_lib.c:$spin_step\$"
expect_out "^#1 +0x[0-9a-f]+ in spinner_main \\(\\) at duo_lib.c:$spin_call\$"
expect_out '^#2 +0x[0-9a-f]+ in start_thread \(\)'
expect_out '^n = 0$'
expect_out "Run till exit from #0 +duo_spin_step \\(\\) at duo_lib.c:$spin_step"
expect_out "^0x[0-9a-f]+ in spinner_main \\(\\) at duo_lib.c:$spin_call\$"
expect_out "^$((spin_call + 1))[[:space:]]+total \\+= got;"
expect_out '^got = 1$'
expect_out '^steps = 4$'
expect_out '^total = 0$'
# thread apply all: the spinner (now in spinner_main) and the main thread, C under C#
expect_out "^Thread $num \\(Thread [0-9]+ \"duo-spinner\"\\):\$"
expect_out "^#0 +spinner_main \\(\\) at duo_lib.c:$((spin_call + 1))\$"
expect_out '^Thread 1 \(Thread [0-9]+ "Duo"\):$'
# `thread apply all bt` and `thread 1` + `bt`: the main thread's stack, twice: the C function
# it waits in, right above it the transition from C#, then the C# caller
# (the patterns go through the environment: awk -v would take their backslashes as escapes)
seq3=$(W="in duo_wait_spun \\(\\) at duo_lib.c:$wait_line\$" \
	C="^#[0-9]+ +Fixtures.Duo.Spawn \\(\\) at Program.cs:$wait_call\$" awk '
	$0 ~ ENVIRON["W"] {k = 1; next}
	k == 1 {k = ($0 ~ /^#[0-9]+ +\[managed-to-native\]$/) ? 2 : 0; next}
	k == 2 {if ($0 ~ ENVIRON["C"]) n++; k = 0}
	END {print n + 0}' <<<"$OUT")
[ "$seq3" = 2 ] || _fail_out "$seq3 main-thread stacks with C under the P/Invoke under C#, not 2"
expect_out '^\[Current thread is 1 \(Thread [0-9]+ "Duo"\)\]$'
expect_count 2 "^\\[Current thread is $num \\(Thread [0-9]+ \"duo-spinner\"\\)\\]\$"

# the managed stop on the main thread: the spinner is still listed, selectable, and its stack
# (parked in C) readable
expect_out "^Thread 1 \"Duo\" hit Breakpoint 2, Fixtures.Duo.Spawn \\(\\) at Program.cs:$after_spin\$"
expect_out "^\\* 1 +Thread [0-9]+ \"Duo\" +Fixtures.Duo.Spawn \\(\\) at Program.cs:$after_spin\$"
expect_out "^  $num +Thread [0-9]+ \"duo-spinner\" +0x[0-9a-f]+ in "
expect_out "^#[0-9]+ +0x[0-9a-f]+ in spinner_main \\(\\) at duo_lib.c:($park|$((park - 1)))\$"

expect_count 1 'hit Breakpoint 1'
expect_out '^spun 22 after 23$'
expect_out 'exited normally'
expect_not_out '\(thread 0\)'
expect_not_out 'Invalid thread ID'
pass
