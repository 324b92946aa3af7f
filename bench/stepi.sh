#!/usr/bin/env bash
# Single-step benchmark: `stepi 100000` from main of bench/hits.c, under gdb and under mixdbg
# with the same commands, in one run. Prints the time per step and the ratio.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
MIXDBG=${MIXDBG:-$root/build/mixdbg}
N=${BENCH_STEPS:-100000}
B=build/bench
mkdir -p "$B"
gcc -O2 -g -Wall -Wextra -Werror -no-pie bench/hits.c -o "$B/hits"
cmds=(-batch -ex 'break main' -ex run -ex "stepi $N" -ex 'info registers rip')
# time NAME CMD...: wall time in $ns; the output must end with a register line
timed() {
	local name=$1 t0
	shift
	t0=$(date +%s%N)
	"$@" </dev/null >"$B/$name.stepi.out" 2>&1 || true
	ns=$(($(date +%s%N) - t0))
	grep -q '^rip ' "$B/$name.stepi.out" || echo "  ($name did not finish the steps; see $B/$name.stepi.out)"
}
echo "bench: stepi $N from main of $B/hits"
gdb_ns=""
if command -v gdb >/dev/null; then
	timed gdb gdb -nx -iex 'set debuginfod enabled off' "${cmds[@]}" --args "$B/hits" 1000000
	gdb_ns=$ns
	awk -v t="$ns" -v n="$N" 'BEGIN{printf "gdb        %6.2f us per step\n", t/n/1000}'
fi
timed mixdbg "$MIXDBG" "${cmds[@]}" --args "$B/hits" 1000000
awk -v t="$ns" -v n="$N" 'BEGIN{printf "mixdbg     %6.2f us per step\n", t/n/1000}'
if [ -n "$gdb_ns" ]; then
	awk -v g="$gdb_ns" -v m="$ns" 'BEGIN{printf "mixdbg is %.1fx faster than gdb\n", g/m}'
fi
