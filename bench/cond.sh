#!/usr/bin/env bash
# Condition benchmark: a breakpoint on hot() in bench/hits.c whose condition ($rdi == -1) is
# false at every one of N hits (BENCH_N, default 1000000), under gdb and under mixdbg with the
# same commands, in one run: mixdbg as it is (the condition decided inside the program,
# src/tracer/agent.c) and with MIXDBG_NO_AGENT=1 (decided in the tracer at each int3 stop).
# Prints the cost per hit (the debugger's start-up included) and the ratios.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
MIXDBG=${MIXDBG:-$root/build/mixdbg}
N=${BENCH_N:-1000000}
B=build/bench
mkdir -p "$B"
gcc -O2 -g -Wall -Wextra -Werror -no-pie bench/hits.c -o "$B/hits"
cmds=(-batch -ex 'break hot if $rdi == -1' -ex run -ex 'info breakpoints')
want=$("$B/hits" "$N")
t0=$(date +%s%N)
"$B/hits" "$N" >/dev/null
base=$(($(date +%s%N) - t0))
# timed NAME CMD...: wall time minus the program's own in $ns; checks the program finished
timed() {
	local name=$1 t0
	shift
	t0=$(date +%s%N)
	"$@" </dev/null >"$B/$name.cond.out" 2>&1 || true
	ns=$(($(date +%s%N) - t0 - base))
	grep -qxF -- "$want" "$B/$name.cond.out" || echo "  ($name did not finish; see $B/$name.cond.out)"
	grep -q 'hit Breakpoint' "$B/$name.cond.out" && echo "  ($name stopped: the condition is never true)"
	return 0
}
echo "bench: $N hits of 'break hot if \$rdi == -1' (never true)"
gdb_ns=""
if command -v gdb >/dev/null; then
	timed gdb gdb -nx -iex 'set debuginfod enabled off' "${cmds[@]}" --args "$B/hits" "$N"
	gdb_ns=$ns
	awk -v t="$ns" -v n="$N" 'BEGIN{printf "gdb        %7.2f us per hit\n", t/n/1000}'
fi
MIXDBG_NO_AGENT=1 timed mixdbg_int3 "$MIXDBG" "${cmds[@]}" --args "$B/hits" "$N"
int3_ns=$ns
awk -v t="$ns" -v n="$N" 'BEGIN{printf "mixdbg, MIXDBG_NO_AGENT=1 %7.2f us per hit\n", t/n/1000}'
timed mixdbg "$MIXDBG" "${cmds[@]}" --args "$B/hits" "$N"
awk -v t="$ns" -v n="$N" 'BEGIN{printf "mixdbg     %7.2f us per hit\n", t/n/1000}'
if [ -n "$gdb_ns" ]; then
	awk -v g="$gdb_ns" -v m="$ns" 'BEGIN{printf "mixdbg is %.1fx faster than gdb\n", g/m}'
	awk -v g="$gdb_ns" -v m="$int3_ns" \
		'BEGIN{printf "mixdbg with MIXDBG_NO_AGENT=1 is %.1fx faster than gdb\n", g/m}'
fi
