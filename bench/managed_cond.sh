#!/usr/bin/env bash
# The cost of a C# condition on a managed breakpoint, in one run: BENCH_HITS (default 10,000)
# hits of a breakpoint whose condition (`i < 0`) is false every time (tested by mixdbg in the
# runtime's callback, no stop reported), against the same breakpoint without a condition,
# each hit reported and continued; and the program alone.
# Usage: MIXDBG=build/mixdbg bash bench/managed_cond.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
MIXDBG=${MIXDBG:-$root/build/mixdbg}
hits=${BENCH_HITS:-10000}
out="$root/build/bench/BenchHits"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ ! -x "$out/BenchHits" ] || [ "$root/bench/cs/BenchHits/Program.cs" -nt "$out/BenchHits" ]; then
	src="$root/build/bench/BenchHits-src"
	rm -rf "$src" && mkdir -p "$src"
	cp "$root/bench/cs/BenchHits/Program.cs" "$src/"
	cp "$root/tests/fixtures/cs/fixture.csproj.in" "$src/BenchHits.csproj"
	(cd "$src" && dotnet build -nologo -v:q -clp:ErrorsOnly -o "$out" BenchHits.csproj >/dev/null)
fi
app="$out/BenchHits"
now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }
script=$(mktemp)
trap 'rm -f "$script" "$script.out"' EXIT

t0=$(now)
"$app" "$hits" >/dev/null
t1=$(now)
plain=$(elapsed "$t0" "$t1")

# the breakpoint without a condition: every hit reported and continued
{
	echo "break BenchHits.Hit"
	echo run
	for _ in $(seq "$hits"); do echo continue; done
} >"$script"
t0=$(now)
"$MIXDBG" -batch -x "$script" --args "$app" "$hits" >"$script.out" 2>&1
t1=$(now)
got=$(grep -c 'hit Breakpoint 1' "$script.out" || true)
[ "$got" = "$hits" ] || { echo "expected $hits hits, saw $got" >&2; exit 1; }
bare=$(elapsed "$t0" "$t1")

# the same breakpoint with a condition false at every hit: the program runs to its end
t0=$(now)
"$MIXDBG" -batch -ex 'break BenchHits.Hit' -ex 'condition 1 i < 0' -ex run -ex 'info breakpoints' \
	--args "$app" "$hits" >"$script.out" 2>&1
t1=$(now)
grep -q "already hit $hits times" "$script.out" || { echo "the condition was not tested $hits times" >&2; cat "$script.out" >&2; exit 1; }
if grep -q 'hit Breakpoint 1' "$script.out"; then echo "a false condition stopped" >&2; exit 1; fi
cond=$(elapsed "$t0" "$t1")

per_bare=$(echo "($bare - $plain) * 1000000 / $hits" | bc -l)
per_cond=$(echo "($cond - $plain) * 1000000 / $hits" | bc -l)
printf 'program alone %.2f s; %d hits without a condition (each reported and continued) %.1f s: %.0f us per hit\n' \
	"$plain" "$hits" "$bare" "$per_bare"
printf '%d hits of a false C# condition (no stop) %.1f s: %.0f us per hit: %.2fx the unconditional hit\n' \
	"$hits" "$cond" "$per_cond" "$(echo "$per_cond / $per_bare" | bc -l)"
