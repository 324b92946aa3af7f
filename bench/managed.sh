#!/usr/bin/env bash
# Managed debugging costs, measured in one run against a plain run of the same program:
#  1. launch to the first breakpoint in Main (`start`, then kill), against the program run
#     to completion without a debugger (its whole life: startup is most of it);
#  2. BENCH_HITS (default 10,000) hits of a breakpoint in a managed method, each reported and
#     continued, against the same program run without a debugger: the cost per hit.
# Usage: MIXDBG=build/mixdbg bash bench/managed.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
MIXDBG=${MIXDBG:-$root/build/mixdbg}
hits=${BENCH_HITS:-10000}
runs=${BENCH_RUNS:-5}
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

# 1. launch to Main
t0=$(now)
for _ in $(seq "$runs"); do "$app" 1 >/dev/null; done
t1=$(now)
for _ in $(seq "$runs"); do "$MIXDBG" -batch -ex start -ex kill "$app" 1 >/dev/null 2>&1; done
t2=$(now)
plain=$(echo "($(elapsed "$t0" "$t1")) * 1000 / $runs" | bc -l)
dbg=$(echo "($(elapsed "$t1" "$t2")) * 1000 / $runs" | bc -l)
printf 'launch: program alone %.1f ms (whole run); mixdbg to the first line of Main %.1f ms: %.1fx\n' \
	"$plain" "$dbg" "$(echo "$dbg / $plain" | bc -l)"

# 2. breakpoint hits
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
	echo "break BenchHits.Hit"
	echo run
	for _ in $(seq "$hits"); do echo continue; done
} >"$script"
t0=$(now)
"$app" "$hits" >/dev/null
t1=$(now)
"$MIXDBG" -batch -x "$script" --args "$app" "$hits" >"$script.out" 2>&1
t2=$(now)
got=$(grep -c 'hit Breakpoint 1' "$script.out" || true)
rm -f "$script.out"
[ "$got" = "$hits" ] || { echo "expected $hits hits, saw $got" >&2; exit 1; }
plain=$(elapsed "$t0" "$t1")
dbg=$(elapsed "$t1" "$t2")
per=$(echo "($dbg - $plain) * 1000000 / $hits" | bc -l)
printf 'hits: %d managed breakpoint hits, each reported and continued: %.1f s under mixdbg, %.2f s alone: %.0f us per hit\n' \
	"$hits" "$dbg" "$plain" "$per"
