#!/usr/bin/env bash
# Backtrace benchmark: 100 stops at the bottom of a 1000-frame recursion (bench/deep.c), a
# full `bt` at each, then continue; the same commands under gdb and mixdbg, in one run.
# Prints the time per stop+backtrace and the ratio.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
MIXDBG=${MIXDBG:-$root/build/mixdbg}
B=build/bench
mkdir -p "$B"
gcc -O0 -g -Wall -Wextra -Werror bench/deep.c -o "$B/deep"
cmds="$B/deep.cmds"
{
	echo 'break leaf'
	echo 'run'
	for _ in $(seq 100); do
		echo 'bt'
		echo 'continue'
	done
} >"$cmds"

# run NAME CMD...: wall time in $ns; checks the output has 100 full stacks
run() {
	local name=$1 t0
	shift
	t0=$(date +%s%N)
	"$@" </dev/null >"$B/$name.bt.out" 2>&1 || true
	ns=$(($(date +%s%N) - t0))
	local frames
	frames=$(grep -c ' in down ' "$B/$name.bt.out" || true)
	[ "$frames" -ge 100000 ] || echo "  ($name printed $frames 'down' frames, expected 100000)"
}
echo "bench: 100 x (stop + bt) at the bottom of a 1000-frame recursion"
gdb_ns=""
if command -v gdb >/dev/null; then
	run gdb gdb -nx -batch -iex 'set debuginfod enabled off' -iex 'set pagination off' \
		-iex 'set backtrace limit 0' -x "$cmds" "$B/deep"
	gdb_ns=$ns
	printf '%-10s %8.1f ms per stop+bt\n' gdb "$(awk -v t="$ns" 'BEGIN{print t/1e8}')"
fi
run mixdbg "$MIXDBG" -batch -x "$cmds" "$B/deep"
printf '%-10s %8.1f ms per stop+bt\n' mixdbg "$(awk -v t="$ns" 'BEGIN{print t/1e8}')"
if [ -n "$gdb_ns" ]; then
	awk -v g="$gdb_ns" -v m="$ns" 'BEGIN{printf "mixdbg is %.1fx faster than gdb\n", g/m}'
fi
