#!/usr/bin/env bash
# Registers in C expressions ($rdi, $pc, $sp, $fp, $eflags, $eax...), with gdb's types: the
# selected frame's (frame 0: the thread's; outer frames: what the unwinder knows); and a
# breakpoint condition over a register and a global (which the tracer cannot compile, so the
# session evaluates it) stops exactly once.
source "$(dirname "$0")/../lib.sh"
set -u
run_mixdbg -batch -ex 'break hot' -ex 'run' -ex 'continue 2' -ex 'print $rdi' \
	-ex 'print $edi * 10' -ex 'print $pc' -ex 'print $rip + 4' -ex 'info registers rip' \
	-ex 'print $sp' -ex 'info registers rsp' -ex 'print $fp' -ex 'print $eflags' \
	-ex 'print $eflags & 0x200' -ex 'print $rdi == 2 && counter == 2' -ex 'whatis $pc' \
	-ex 'whatis $sp' -ex 'whatis $rax' -ex 'whatis $eax' -ex 'print $nosuchreg' \
	-ex 'print $' -ex 'up' -ex 'print $pc' -ex 'print $sp' -ex 'print $rdi' \
	-ex 'print i' -ex 'delete' -ex 'continue' --args "$FIXTURES/loop" 4
expect_out '^\$rdi = 2$'
expect_out '^\$edi \* 10 = 20$'
pc=$(grep -oE '^\$pc = \(void \(\*\)\(\)\) 0x[0-9a-f]+ <hot\+[0-9]+>$' <<<"$OUT") ||
	_fail_out 'no "$pc = (void (*)()) 0x... <hot+N>"'
pc_hex=$(grep -oE '0x[0-9a-f]+' <<<"$pc")
off=$(grep -oE '\+[0-9]+>' <<<"$pc" | tr -d '+>')
expect_out "^rip +0x0*${pc_hex#0x} "
expect_out "^\\\$rip \\+ 4 = \\(void \\(\\*\\)\\(\\)\\) 0x0*$(printf '%x' $((pc_hex + 4))) <hot\\+$((off + 4))>$"
sp_hex=$(grep -oE '^\$sp = \(void \*\) 0x[0-9a-f]+$' <<<"$OUT" | grep -oE '0x[0-9a-f]+') ||
	_fail_out 'no "$sp = (void *) 0x..."'
expect_out "^rsp +0x0*${sp_hex#0x} "
expect_out '^\$fp = \(void \*\) 0x[0-9a-f]+$'
# IF (bit 9) is always set in user mode
expect_out '^\$eflags = \[ ([A-Z]+ )*IF ([A-Z]+ )*\]$'
expect_out '^\$eflags & 0x200 = 512$'
expect_out '^\$rdi == 2 && counter == 2 = 1$'
expect_out '^type = void \(\*\)\(\)$'
expect_out '^type = void \*$'
expect_out '^type = long$'
expect_out '^type = int$'
expect_out 'Unknown register "\$nosuchreg"'
expect_out "A syntax error in expression, near \`\\\$'\\."
# frame 1 (main): its pc and sp from the unwinder, no caller-saved registers
expect_out '^\$pc = \(void \(\*\)\(\)\) 0x[0-9a-f]+ <main\+[0-9]+>$'
sp1=$(grep -oE '^\$sp = \(void \*\) 0x[0-9a-f]+$' <<<"$OUT" | sed -n 2p | grep -oE '0x[0-9a-f]+')
[ -n "$sp1" ] && [ $((sp1)) -gt $((sp_hex)) ] ||
	_fail_out "frame 1's \$sp ($sp1) is not above frame 0's ($sp_hex)"
expect_out 'value of \$rdi is not available in this frame'
expect_out '^i = 2$'
expect_out 'sum=12 calls=4'

# a condition on a register and a global: the session evaluates it, exactly one stop
run_mixdbg -batch -ex 'break hot if $rdi == 4 && counter == 4' -ex 'run' -ex 'print $rdi' \
	-ex 'print counter' -ex 'info breakpoints' -ex 'continue' --args "$FIXTURES/loop" 10
expect_count 1 'hit Breakpoint 1, hot'
expect_out '^\$rdi = 4$'
expect_out '^counter = 4$'
expect_out 'stop only if \$rdi == 4 && counter == 4'
expect_out 'breakpoint already hit 1 time'
expect_not_out 'rror'
expect_out 'sum=90 calls=10'
expect_out 'exited normally'
pass
