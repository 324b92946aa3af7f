#!/usr/bin/env bash
# x87, SSE and AVX registers: st0 holding a long double result after `finish` (with the x87
# status and the full tag word derived from FXSAVE's abridged one), mxcsr's flags, xmm8/ymm8
# set to all ones by the fixture (the upper half read from the XSAVE area), `info
# all-registers`, and names that are no register.
source "$(dirname "$0")/../lib.sh"
set -u

run_mixdbg -batch -ex 'break scaled' -ex 'break avx_loaded' -ex run -ex finish \
	-ex 'info registers st0 st1 fstat ftag fop' -ex 'info registers xmm99' \
	-ex 'info registers st8' -ex 'info registers $mxcsr' -ex 'info registers rip st0' \
	-ex continue -ex 'info registers xmm8' -ex 'info registers ymm8' \
	-ex 'info all-registers' -ex 'info registers nosuch' -ex continue "$FIXTURES/fpregs"
expect_out '^st0 +3 +\(raw 0x4000c000000000000000\)$'
expect_out '^st1 +0 +\(raw 0x00000000000000000000\)$'
expect_out '^fstat +0x3800 +14336$' # one value pushed: TOP is 7
expect_out '^ftag +0x3fff +16383$'  # physical register 7 valid, the others empty
expect_out '^fop +0x0 +0$'
expect_out "^Invalid register \`xmm99'\$"
expect_out "^Invalid register \`st8'\$"
expect_out "^Invalid register \`nosuch'\$"
expect_out '^mxcsr +0x1f80 +\[ IM DM ZM OM UM PM \]$'
expect_count 2 '^mxcsr ' # and in info all-registers
expect_out '^rip +0x[0-9a-f]+ +0x[0-9a-f]+ <main\+[0-9]+>$'
expect_count 2 '^st0 +3 +\(raw 0x4000c000000000000000\)$' # at the finish, not later (popped)
expect_count 3 '^st0 ' # and in info all-registers
if grep -qw avx /proc/cpuinfo; then
	ones32='0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff'
	expect_out "^xmm8 +\\{v8_bfloat16 = \\{0xffff, .*, v4_int32 = \\{$ones32\\}, .*uint128 = 0x[f]{32}\\}\$"
	expect_out "^ymm8 +\\{v16_bfloat16 = \\{0xffff <repeats 16 times>\\}, .*v8_int32 = \\{$ones32, $ones32\\}, .*v2_int128 = \\{0x[f]{32}, 0x[f]{32}\\}\\}\$"
	expect_count 2 '^ymm8 ' # info registers ymm8 and info all-registers
	expect_out 'fpregs: big=3 avx=1'
else
	expect_out "Invalid register \`ymm8' \\(this CPU has no AVX registers\\)"
	expect_out 'fpregs: big=3 avx=0'
fi
# info all-registers: general, x87, SSE, then AVX registers, in gdb's order
for r in rax gs_base st7 fctrl fooff xmm0 xmm15; do
	expect_count 1 "^$r "
done
pass
