#!/usr/bin/env bash
# Breakpoint conditions decided inside the program (src/tracer/agent.c): a breakpoint whose
# instruction covers >= 5 bytes jumps to a trampoline while the program runs. A false
# condition never stops the program; a true one stops exactly as the int3 path does, with the
# same pc, hit count, memory and disassembly; delete, detach and fork leave the program as if
# never touched. loop.c:12 is `mov counter(%rip), %eax` (6 bytes), threads.c:19 `lea
# lock(%rip), %rax` (7 bytes), forker.c:13 `mov calls(%rip), %eax` (6 bytes): all eligible;
# hot's first line after its prologue (`mov %edi, -4(%rbp)`, 3 bytes) is not.
source "$(dirname "$0")/../lib.sh"
set -u

# one stop in 1,000,000 hits, at the right iteration, with the right pc, line and locals;
# the tracer stopped the program at the breakpoint once only (`maint info breakpoints`): every
# false condition was decided inside the program
run_mixdbg -batch -ex 'break fixtures/loop.c:12 if i == 777777' -ex run -ex 'info args' \
	-ex 'info registers rip' -ex 'x/6xb $pc' -ex 'x/2i $pc' -ex 'info breakpoints' \
	-ex continue -ex 'maint info breakpoints' --args "$FIXTURES/loop" 1000000
expect_count 1 'hit Breakpoint 1, hot \(\) at loop\.c:12'
expect_out '^i = 777777$'
expect_out '^rip +0x[0-9a-f]+ +0x[0-9a-f]+ <hot\+7>$'
# the original instruction (8b 05 rel32: mov eax, [rip + ...]), not a jump (e9) or an int3
expect_out '<hot\+7>:	0x8b	0x05	0x[0-9a-f]+	0x[0-9a-f]+	0x00	0x00$'
expect_out '<hot\+7>:	mov	eax, dword ptr \[rip \+ 0x[0-9a-f]+\]$'
expect_out 'breakpoint already hit 1 time$'
expect_out 'sum=999999000000 calls=1000000'
expect_out 'exited normally'
expect_out '^1: tracer stops 1, hits 1$'

# ignore counts count the hits whose condition held; a new condition takes effect at the next
# continue, and a removed one makes every crossing a hit; delete, then the normal end
run_mixdbg -batch -ex 'break fixtures/loop.c:12 if i % 1000 == 0' -ex 'ignore 1 3' -ex run \
	-ex 'print i' -ex 'info breakpoints' -ex 'condition 1 i == 88888' -ex continue \
	-ex 'print i' -ex 'condition 1' -ex continue -ex 'print i' -ex 'info breakpoints' \
	-ex delete -ex continue --args "$FIXTURES/loop" 100000
expect_out '^i = 3000$'
expect_out 'breakpoint already hit 4 times$'
expect_out '^i = 88888$'
expect_out '^i = 88889$'
expect_out 'breakpoint already hit 6 times$'
expect_count 3 'hit Breakpoint 1'
expect_out 'sum=9999900000 calls=100000'

# memory read at another breakpoint's stop, after the program ran with the jump in place,
# shows the original bytes at the conditional breakpoint
run_mixdbg -batch -ex 'break fixtures/loop.c:12 if i == -1' -ex 'break fixtures/loop.c:23' \
	-ex run -ex 'x/6xb hot+7' -ex 'x/1i hot+7' -ex 'info breakpoints' -ex continue \
	--args "$FIXTURES/loop" 100
expect_out 'hit Breakpoint 2, main \(\) at loop\.c:23'
expect_out '<hot\+7>:	0x8b	0x05	0x[0-9a-f]+	0x[0-9a-f]+	0x00	0x00$'
expect_out '<hot\+7>:	mov	eax, dword ptr \[rip \+ 0x[0-9a-f]+\]$'
expect_not_out 'hit Breakpoint 1'
expect_out 'sum=9900 calls=100'

# several threads run the trampoline at once: one stop, in the right thread; no thread is
# shown inside the trampoline; the program ends with the right total
run_mixdbg -batch -ex 'break fixtures/threads.c:19 if id == 3 && k == 2000' -ex run \
	-ex 'info args' -ex 'info threads' -ex 'thread apply all bt 1' -ex continue \
	--args "$FIXTURES/threads" 8 20000
expect_count 1 'hit Breakpoint 1, worker_hit \(\) at threads\.c:19'
expect_out 'Thread [0-9]+ "worker-3" hit Breakpoint 1'
expect_out '^id = 3$'
expect_out '^k = 2000$'
expect_not_out 'in \?\? \(\)$' # a pc outside every file (a PLT stub is "?? () from FILE")
expect_out 'total=2159920000'
expect_out 'exited normally'

# detach at the stop: every thread goes on untraced (threads in the trampoline or already
# exiting included) and the program prints the right total
for i in 1 2 3; do
	run_mixdbg -batch -ex 'break fixtures/threads.c:19 if id == 5 && k == 3000' -ex run \
		-ex detach --args "$FIXTURES/threads" 8 20000
	expect_out 'Thread [0-9]+ "worker-5" hit Breakpoint 1'
	expect_out 'detached\]'
	expect_out 'total=2159920000'
done

# signals (a 100 us timer) interrupt threads inside the trampoline: each is put back at a
# program address before the handler runs, registers and flags as they were
run_mixdbg -batch -ex 'break fixtures/ticks.c:22 if i == 1999990' -ex run -ex 'print i' \
	-ex 'info breakpoints' -ex continue --args "$FIXTURES/ticks" 2000000
expect_count 1 'hit Breakpoint 1, add \(\) at ticks\.c:22'
expect_out '^i = 1999990$'
expect_out 'breakpoint already hit 1 time$'
expect_out 'total=1999999000000 ticked=1'

# a fork child inherits the jump and the trampoline: its copy gets the original bytes back,
# so a child that runs the code (and whose condition holds) is not killed by the int3
run_mixdbg -batch -ex 'break fixtures/forker.c:13 if $rsp != 0' -ex run -ex continue \
	-ex continue --args "$FIXTURES/forker"
expect_count 2 'hit Breakpoint 1, in_parent \(\)'
expect_out 'child exited=1 status=0 parent calls=2'

# where the jump cannot be used (a 3-byte instruction), the int3 path decides as before
run_mixdbg -batch -ex 'break hot if i == 7777' -ex run -ex 'print i' -ex continue \
	--args "$FIXTURES/loop" 10000
expect_count 1 'hit Breakpoint 1, hot \(\)'
expect_out '^i = 7777$'
expect_out 'sum=99990000 calls=10000'

# turned off: the same stops, decided in the tracer
MIXDBG_NO_AGENT=1 run_mixdbg -batch -ex 'break fixtures/loop.c:12 if i == 7777' -ex run \
	-ex 'print i' -ex 'info breakpoints' -ex 'maint info breakpoints' -ex continue \
	--args "$FIXTURES/loop" 10000
expect_count 1 'hit Breakpoint 1, hot \(\)'
expect_out '^i = 7777$'
expect_out 'breakpoint already hit 1 time$'
expect_out '^1: tracer stops 7778, hits 1$' # every false condition was a stop in the tracer
expect_out 'sum=99990000 calls=10000'

# errors in the condition (a division by zero) still count as true, as on the int3 path
run_mixdbg -batch -ex 'break fixtures/loop.c:12 if 100 / (i - 3) == 0' -ex run -ex 'print i' \
	-ex 'info breakpoints' --args "$FIXTURES/loop" 10
expect_out '^i = 3$'
pass
