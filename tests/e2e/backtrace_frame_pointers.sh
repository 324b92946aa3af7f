#!/usr/bin/env bash
# Backtraces through code without call frame information: fpchain has no CFI for its own
# functions (checked here with readelf), only frame pointers. libdw's x86-64 fallback walks
# the rbp chain; at a function's first instructions (before `mov %rsp,%rbp`) and at its `ret`
# that chain skips the caller, which mixdbg then reads from the stack (native/unwind_entry.c).
source "$(dirname "$0")/../lib.sh"
set -u
bin="$FIXTURES/fpchain"
# the fixture really has no CFI for inner, middle, outer and main
if readelf -S "$bin" | grep -q '\.debug_frame'; then fail "fpchain has a .debug_frame"; fi
fdes=$(readelf --debug-dump=frames "$bin" | grep -oE 'pc=[0-9a-f]+\.\.[0-9a-f]+' | tr -d 'pc=')
for fn in inner middle outer main; do
	addr=$(nm "$bin" | awk -v f="$fn" '$3 == f {print $1}')
	[ -n "$addr" ] || fail "no symbol $fn in fpchain"
	for r in $fdes; do
		lo=${r%..*} hi=${r#*..}
		if [ $((16#$addr)) -ge $((16#$lo)) ] && [ $((16#$addr)) -lt $((16#$hi)) ]; then
			fail "fpchain has CFI for $fn ($r)"
		fi
	done
done
# instructions of inner before its ret
to_ret=$(objdump -d --disassemble=inner "$bin" | grep -P '^ +[0-9a-f]+:\t' |
	awk '/\tret/ {exit} {n++} END {print n}')
[ "${to_ret:-0}" -gt 2 ] || fail "cannot count inner's instructions before its ret"

run_mixdbg -batch -ex 'break inner' -ex run -ex bt -ex continue "$bin"
expect_out '^#0 +inner \(\) at fpchain\.c:9$'
expect_out '^#1 +0x[0-9a-f]+ in middle \(\) at fpchain\.c:14$'
expect_out '^#2 +0x[0-9a-f]+ in outer \(\) at fpchain\.c:19$'
expect_out '^#3 +0x[0-9a-f]+ in main \(\) at fpchain\.c:24$'
expect_out 'depth=3'

# at inner's first instruction (nothing pushed), after `push %rbp`, and at its `ret`
run_mixdbg -batch -ex 'break outer' -ex run -ex 'break *inner' -ex continue -ex bt -ex stepi \
	-ex bt -ex "stepi $((to_ret - 1))" -ex 'x/i $pc' -ex bt -ex 'delete' -ex finish \
	-ex continue "$bin"
expect_out 'hit Breakpoint 2, inner'
expect_out '^0x[0-9a-f]+ <inner\+[0-9]+>:[[:space:]]+ret'
expect_count 3 '^#1 +0x[0-9a-f]+ in middle \(\) at fpchain\.c:14$'
expect_count 3 '^#2 +0x[0-9a-f]+ in outer \(\) at fpchain\.c:19$'
expect_count 3 '^#3 +0x[0-9a-f]+ in main \(\) at fpchain\.c:24$'
expect_out 'Run till exit from #0 .*inner \(\)'
expect_out 'in middle \(\) at fpchain\.c:1[45]$'
expect_out 'depth=3'
expect_out 'exited normally'
pass
