#!/usr/bin/env bash
# Interop benchmark, in one run:
#  1. The Storm fixture (tests/fixtures/cs/Storm: 10,000 NullReferenceExceptions, i.e. SIGSEGVs
#     in managed code; 1,000 DivideByZeroExceptions, SIGFPEs; a GC-heavy workload on 8
#     threads) run to its end alone, under mixdbg in managed-only mode (--managed-only:
#     ICorDebug alone, no thread traced once the runtime is attached) and under mixdbg in mixed
#     mode (the default: the tracer ptraces every thread besides). Printed as ratios; the goal
#     is mixed mode within 1.3x of managed-only. Each run must print what the program alone
#     prints and exit with its code (3).
#  2. A mixed backtrace: bench/cs/BenchMixed + bench/mixed_lib.c recurse C# -> C -> C# ... 100
#     times each way (a C# method calls a C function through P/Invoke, which calls a C# delegate
#     back), then a C function at the bottom where a native breakpoint stops. BENCH_STOPS
#     (default 20) descents, each stopping there: one session runs `bt` at every stop, another
#     the same commands without `bt`; the difference per stop is the cost of one full mixed
#     backtrace. The same under gdb, which cannot walk the managed frames (no unwind data for
#     JIT-compiled code: its stack ends in a few ?? frames), for scale.
# Usage: MIXDBG=build/mixdbg bash bench/interop.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
MIXDBG=${MIXDBG:-$root/build/mixdbg}
stops=${BENCH_STOPS:-20}
B="$root/build/bench"
mkdir -p "$B"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# cs_build NAME SRC-DIR: builds the C# program of SRC-DIR into $B/NAME (as the fixtures are)
cs_build() {
	local name=$1 dir=$2 out="$B/$1"
	if [ ! -x "$out/$name" ] || [ "$dir/Program.cs" -nt "$out/$name" ]; then
		local src="$B/$name-src"
		rm -rf "$src" && mkdir -p "$src"
		cp "$dir/Program.cs" "$src/"
		cp "$root/tests/fixtures/cs/fixture.csproj.in" "$src/$name.csproj"
		(cd "$src" && dotnet build -nologo -v:q -clp:ErrorsOnly -o "$out" "$name.csproj" >/dev/null)
	fi
}
cs_build Storm "$root/tests/fixtures/cs/Storm"
cs_build BenchMixed "$root/bench/cs/BenchMixed"
# beside the assembly, where DllImport("mixedbench") looks; -O0: every call keeps its frame
gcc -O0 -g -Wall -Wextra -Werror -fPIC -shared "$root/bench/mixed_lib.c" \
	-o "$B/BenchMixed/libmixedbench.so"

now() { date +%s%N; }
ms() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e6 }'; }

# 1. Storm
storm="$B/Storm/Storm"
t0=$(now)
set +e
want=$("$storm")
rc=$?
set -e
t_plain=$(($(now) - t0))
[ "$rc" = 3 ] || { echo "Storm alone exited with $rc" >&2; exit 1; }
# storm_run NAME MIXDBG-ARGS...: its wall time in $ns; checks output and exit code
storm_run() {
	local name=$1 t
	shift
	t=$(now)
	"$MIXDBG" -batch "$@" -ex run "$storm" </dev/null >"$B/storm.$name.out" 2>&1 || true
	ns=$(($(now) - t))
	grep -qxF -- "$want" "$B/storm.$name.out" && grep -q 'exited with code 3\]' "$B/storm.$name.out" ||
		{ echo "Storm under mixdbg ($name): wrong output or exit code, see $B/storm.$name.out" >&2; exit 1; }
}
storm_run managed-only --managed-only
t_mo=$ns
storm_run mixed
t_mixed=$ns
echo "Storm (10,000 NREs, 1,000 divisions by zero, GC on 8 threads), one run each:"
printf '  alone %10s ms\n  managed-only %10s ms  (%.0fx alone)\n  mixed %10s ms  (%.0fx alone)\n' \
	"$(ms "$t_plain")" "$(ms "$t_mo")" "$(awk -v a="$t_mo" -v b="$t_plain" 'BEGIN{print a/b}')" \
	"$(ms "$t_mixed")" "$(awk -v a="$t_mixed" -v b="$t_plain" 'BEGIN{print a/b}')"
awk -v m="$t_mixed" -v o="$t_mo" 'BEGIN {
	r = m / o
	printf "  mixed / managed-only: %.2fx: the goal (within 1.3x) is %s\n", r, r <= 1.3 ? "met" : "NOT met"
}'

# 2. mixed backtrace
app="$B/BenchMixed/BenchMixed"
cmds_bt="$B/interop.bt.cmds" cmds_none="$B/interop.none.cmds"
{
	echo 'break mixed_bottom'
	echo 'run'
	for _ in $(seq "$stops"); do
		echo bt
		echo continue
	done
} >"$cmds_bt"
grep -vx bt "$cmds_bt" >"$cmds_none"
want="depth $((stops * 199))"
# bt_run NAME CMDS CMD...: wall time in $ns; checks that the program ran to its end
bt_run() {
	local name=$1 t
	shift
	t=$(now)
	"$@" </dev/null >"$B/interop.$name.out" 2>&1 || true
	ns=$(($(now) - t))
	grep -qxF -- "$want" "$B/interop.$name.out" ||
		{ echo "BenchMixed under $name did not finish, see $B/interop.$name.out" >&2; exit 1; }
}
bt_run mixdbg-bt "$MIXDBG" -batch -x "$cmds_bt" --args "$app" "$stops"
m_bt=$ns
bt_run mixdbg-none "$MIXDBG" -batch -x "$cmds_none" --args "$app" "$stops"
m_none=$ns
out="$B/interop.mixdbg-bt.out"
frames=$(grep -c '^#' "$out" || true)
down=$(grep -cE '^#[0-9]+ +Bench\.Mixed\.Down \(\) at Program\.cs' "$out" || true)
cdown=$(grep -cE '^#[0-9]+ +0x[0-9a-f]+ in mixed_down \(\) at mixed_lib\.c' "$out" || true)
[ "$down" = $((stops * 100)) ] && [ "$cdown" = $((stops * 100)) ] ||
	{ echo "mixdbg's bt: $down C# and $cdown C frames, expected $((stops * 100)) each" >&2; exit 1; }
echo "Mixed backtrace at the bottom of a C#/C recursion 100 deep each way, $stops stops:"
printf '  mixdbg bt: %s ms per bt (%d frames: 100 C# Down, 100 C mixed_down, the runtime'"'"'s\n' \
	"$(awk -v a="$m_bt" -v b="$m_none" -v n="$stops" 'BEGIN{printf "%.1f", (a - b) / n / 1e6}')" \
	"$((frames / stops))"
echo "    transition stubs and [managed-to-native]/[native-to-managed] marks)"
if command -v gdb >/dev/null; then
	gdb_cmd=(gdb -nx -batch -iex 'set debuginfod enabled off' -iex 'set pagination off'
		-iex 'set breakpoint pending on' -iex 'set backtrace limit 0'
		-iex 'handle SIG34 nostop noprint pass' -iex 'handle SIG35 nostop noprint pass')
	bt_run gdb-bt "${gdb_cmd[@]}" -x "$cmds_bt" --args "$app" "$stops"
	g_bt=$ns
	bt_run gdb-none "${gdb_cmd[@]}" -x "$cmds_none" --args "$app" "$stops"
	g_none=$ns
	gframes=$(grep -c '^#' "$B/interop.gdb-bt.out" || true)
	gc=$(grep -cE '^#[0-9]+ .*mixed_down' "$B/interop.gdb-bt.out" || true)
	printf '  gdb bt:    %s ms per bt (%d frames, %d of them C mixed_down: it cannot unwind\n' \
		"$(awk -v a="$g_bt" -v b="$g_none" -v n="$stops" 'BEGIN{printf "%.1f", (a - b) / n / 1e6}')" \
		"$((gframes / stops))" "$((gc / stops))"
	echo "    through JIT-compiled code and names no managed frame)"
fi
