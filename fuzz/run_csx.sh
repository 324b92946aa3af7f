#!/usr/bin/env bash
# Fuzzes the C# expression parser (fuzz/fuzz_csx.c over src/csx) with libFuzzer under ASan
# and UBSan: builds build/fuzz/fuzz_csx, seeds a corpus (build/fuzz/csx-corpus) with
# expressions of every kind written here, among them the inputs that once failed (add each
# new crash, minimized with -minimize_crash=1, as a `regression` line), and runs for
# FUZZ_SECONDS (default 30). A dictionary of C# tokens helps it reach the grammar.
# Exits non-zero if the fuzzer finds a crash, a leak or a timeout; the reproducer is left in
# build/fuzz/ (crash-*, leak-*, timeout-*). Extra arguments go to libFuzzer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/fuzz"
corpus="$out/csx-corpus"
seconds=${FUZZ_SECONDS:-30}
mkdir -p "$corpus"

clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -Wall -Wextra -Werror -I"$root/src" \
	"$root/fuzz/fuzz_csx.c" "$root"/src/csx/*.c "$root"/src/util/*.c -o "$out/fuzz_csx"

n=0
# seed EXPRESSION: one corpus file
seed() {
	n=$((n + 1))
	printf '%s' "$1" >"$corpus/seed-$n"
}
seed 'a + b * c - d / e % f'
seed 'x?.y?[1] ?? z ?? (w = 3)'
seed '(int)-1 + (a)-b + (a).b + (T)(x) + (List<int>)y'
seed 'F<int, string>(x) + a < b > c'
seed 'typeof(Dictionary<string, List<int?>[]>)'
seed 'x is not null && y is int ? 1 : 0'
seed 'a >>= 1; b >>>= 2'
seed 'a <<= b >> c >>> d'
seed 'new List<int>(3).Count + new int[2, 3][].Length'
seed "0x1F_FFul + 0b101L + 1.5e-3f + .5m + 'a' + '\\u0041' + \"s\\t\\x41\" + @\"v\"\"q\""
seed 'int.MaxValue + string.Empty.Length + $exception.Message + $1'
seed 'default(int?) ?? default ?? sizeof(long)'
seed 'obj.Method<string>().Prop[i, j]++ - --k'
seed '"unterminated'
seed '((((((((((((((((((((((((((((((((x))))))))))))))))))))))))))))))))'
printf '%s' '-1' >"$corpus/seed-short"
# regression NAME BYTES: an input that once failed (printf escapes)
regression() {
	printf "$2" >"$corpus/regression-$1"
}
# the nesting limit hit inside a tentative generic argument list, then a success with the
# error message set
regression deep-less-than "$(printf 'a<%.0s' {1..250})a"

cat >"$out/csx.dict" <<'DICT'
"("
")"
"["
"]"
"?."
"?["
"??"
"??="
">>"
">>>="
"=>"
"<int>"
"(int)"
"is"
"as"
"not"
"null"
"new"
"typeof("
"default"
"sizeof("
"base."
"this"
"0x"
"0b"
"1e"
"ul"
"'\\u"
"\"\\x"
"@\""
"$\""
"List<"
DICT

cd "$out"
exec "$out/fuzz_csx" "$corpus" -dict="$out/csx.dict" -max_total_time="$seconds" -max_len=2048 \
	-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"
