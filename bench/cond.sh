#!/usr/bin/env bash
# Condition benchmark: a breakpoint on hot() in bench/hits.c whose condition ($rdi == -1) is
# false at every one of N hits (BENCH_N, default 200000), under gdb and under mixdbg with the
# same commands, in one run. Prints the cost per hit and the ratio.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
MIXDBG=${MIXDBG:-$root/build/mixdbg}
N=${BENCH_N:-200000}
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
timed mixdbg "$MIXDBG" "${cmds[@]}" --args "$B/hits" "$N"
awk -v t="$ns" -v n="$N" 'BEGIN{printf "mixdbg     %7.2f us per hit\n", t/n/1000}'
if [ -n "$gdb_ns" ]; then
	awk -v g="$gdb_ns" -v m="$ns" 'BEGIN{printf "mixdbg is %.1fx faster than gdb\n", g/m}'
fi
