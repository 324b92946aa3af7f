#!/usr/bin/env bash
# The breakpoint-hit benchmark: N hits (BENCH_N, default 100000) of a breakpoint on hot() in
# bench/hits.c, timed (wall clock) (a) without a debugger, (b) under gdb, (c) under the
# minimal ptrace loop bench/ptrace_floor.c, (d) under mixdbg ($MIXDBG, default build/mixdbg).
# gdb and mixdbg get the same commands: break hot, ignore 1 N, run: every hit goes through
# the debugger's stop/resume machinery and the program completes. Per-hit cost is
# (time - time without a debugger) / N.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
N=${BENCH_N:-100000}
MIXDBG=${MIXDBG:-$root/build/mixdbg}
B=build/bench
limit=${BENCH_TIMEOUT:-300}
mkdir -p "$B"
CFLAGS="-O2 -g -Wall -Wextra -Werror"
# -no-pie: the address nm prints for hot is its run-time address
gcc $CFLAGS -no-pie bench/hits.c -o "$B/hits"
gcc $CFLAGS bench/ptrace_floor.c -o "$B/ptrace_floor"
addr=$(nm "$B/hits" | awk '$3 == "hot" {print $1}')
[ -n "$addr" ] || { echo "bench: no symbol hot in $B/hits" >&2; exit 1; }
want=$("$B/hits" "$N")

# measure NAME CMD...: runs CMD (output in $B/NAME.out), sets $ns to its wall time and $ok to
# 1 if it exited 0 and printed the program's own output.
measure() {
	local name=$1 t0 rc=0
	shift
	t0=$(date +%s%N)
	timeout -k 5 "$limit" "$@" </dev/null >"$B/$name.out" 2>&1 || rc=$?
	ns=$(($(date +%s%N) - t0))
	ok=0
	if [ "$rc" = 0 ] && grep -qxF -- "$want" "$B/$name.out"; then
		ok=1
	else
		echo "  ($name: status $rc; last lines of $B/$name.out:)"
		tail -n 5 "$B/$name.out" | sed 's/^/    /'
	fi
}

# row LABEL: prints the last measurement; sets $per (us per hit).
row() {
	per=$(awk -v t="$ns" -v b="$base_ns" -v n="$N" 'BEGIN { printf "%.2f", (t - b) / n / 1000 }')
	printf '%-22s %9.3f s %10s us/hit\n' "$1" "$(awk -v t="$ns" 'BEGIN { print t / 1e9 }')" "$per"
}

# check_hits NAME REGEX: warns when the hit count the debugger reported is not N.
check_hits() {
	grep -qE -- "$2" "$B/$1.out" || echo "  (warning: $1 did not report $N hits)"
}

echo "bench: $N hits of a breakpoint on hot() ($B/hits, hot at 0x$addr)"
measure alone "$B/hits" "$N"
base_ns=$ns
printf '%-22s %9.3f s\n' "program alone" "$(awk -v t="$ns" 'BEGIN { print t / 1e9 }')"

cmds=(-batch -ex 'break hot' -ex "ignore 1 $N" -ex run -ex 'info breakpoints')
gdb_per="" floor_per="" mix_per=""
if command -v gdb >/dev/null; then
	measure gdb gdb -nx -iex 'set debuginfod enabled off' "${cmds[@]}" --args "$B/hits" "$N"
	if [ "$ok" = 1 ]; then
		row "gdb"
		gdb_per=$per
		check_hits gdb "already hit $N times"
	else
		echo "gdb                    FAILED"
	fi
else
	echo "gdb                    not installed"
fi

measure floor "$B/ptrace_floor" "$addr" "$B/hits" "$N"
if [ "$ok" = 1 ]; then
	row "ptrace floor"
	floor_per=$per
	check_hits floor "^hits=$N$"
else
	echo "ptrace floor           FAILED"
fi

if [ -x "$MIXDBG" ]; then
	measure mixdbg "$MIXDBG" "${cmds[@]}" --args "$B/hits" "$N"
	if [ "$ok" = 1 ]; then
		row "mixdbg"
		mix_per=$per
		check_hits mixdbg "already hit $N times"
	else
		echo "mixdbg                 FAILED"
	fi
	# the same with out-of-line execution off: the classic step over the restored byte
	MIXDBG_NO_DISPLACE=1 measure mixdbg_step "$MIXDBG" "${cmds[@]}" --args "$B/hits" "$N"
	if [ "$ok" = 1 ]; then
		row "mixdbg, single-step"
		check_hits mixdbg_step "already hit $N times"
	else
		echo "mixdbg, single-step    FAILED"
	fi
else
	echo "mixdbg                 mixdbg not built ($MIXDBG)"
fi

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "inf" }'
}
if [ -n "$gdb_per" ] && [ -n "$floor_per" ]; then
	echo "gdb is $(ratio "$gdb_per" "$floor_per")x the floor"
fi
if [ -n "$mix_per" ]; then
	[ -n "$gdb_per" ] && echo "mixdbg is $(ratio "$gdb_per" "$mix_per")x faster than gdb"
	[ -n "$floor_per" ] && echo "mixdbg is $(ratio "$mix_per" "$floor_per")x the floor"
fi
exit 0
