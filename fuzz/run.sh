#!/usr/bin/env bash
# Fuzzes src/meta (fuzz/fuzz_meta.c) with libFuzzer under ASan and UBSan: builds
# build/fuzz/fuzz_meta, seeds a corpus (build/fuzz/corpus) from the built C# fixtures' .dll and
# .pdb files (run `make fixtures` first) and fuzz/regressions/ (inputs that once failed: add
# each new crash there, minimized with -minimize_crash=1), and runs for FUZZ_SECONDS (default
# 60). Exits
# non-zero if the fuzzer finds a crash, a leak or a timeout; the reproducer is left in
# build/fuzz/ (crash-*, leak-*, timeout-*). Extra arguments go to libFuzzer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/fuzz"
fixtures=${FIXTURES:-$root/build/fixtures}
seconds=${FUZZ_SECONDS:-60}
mkdir -p "$out/corpus"

clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -Wall -Wextra -Werror -I"$root/src" -I"$root/fuzz" \
	"$root/fuzz/fuzz_meta.c" "$root"/src/meta/*.c "$root"/src/util/*.c -lz \
	-o "$out/fuzz_meta"

seeds=0
for f in "$fixtures"/cs/*/*.dll "$fixtures"/cs/*/*.pdb; do
	[ -f "$f" ] || continue
	cp "$f" "$out/corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
	seeds=$((seeds + 1))
done
# Inputs that once broke the reader (the unit test replays them too).
for f in "$root"/fuzz/regressions/*; do
	[ -f "$f" ] && cp "$f" "$out/corpus/regression-$(basename "$f")"
done
if [ "$seeds" = 0 ]; then
	echo "fuzz: no fixture .dll/.pdb under $fixtures/cs (run make fixtures)" >&2
	exit 1
fi

cd "$out"
# The seeds are up to a few tens of KB; allow inputs a little larger than the largest.
max_len=$(($(wc -c "$out"/corpus/seed-* | sort -n | tail -2 | head -1 | awk '{print $1}') + 4096))
exec "$out/fuzz_meta" "$out/corpus" -max_total_time="$seconds" -max_len="$max_len" \
	-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"
