#!/usr/bin/env bash
# Fuzzes the DAP server's reader (fuzz/fuzz_dap.c: framing, JSON, request and argument
# decoding, the answers built from them) with libFuzzer under ASan and UBSan: builds
# build/fuzz/fuzz_dap, seeds a corpus (build/fuzz/dap-corpus) with well-formed and broken
# client streams written here, among them the inputs that once failed (add each new crash,
# minimized with -minimize_crash=1, as a `regression` line), and runs for FUZZ_SECONDS
# (default 60).
# Exits non-zero if the fuzzer finds a crash, a leak or a timeout; the reproducer is left in
# build/fuzz/ (crash-*, leak-*, timeout-*). Extra arguments go to libFuzzer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/fuzz"
corpus="$out/dap-corpus"
seconds=${FUZZ_SECONDS:-60}
mkdir -p "$corpus"

clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -Wall -Wextra -Werror -I"$root/src" \
	"$root/fuzz/fuzz_dap.c" "$root"/src/dap/dap_frame.c "$root"/src/dap/dap_msg.c \
	"$root"/src/dap/dap_decode.c "$root"/src/dap/dap_utf8.c "$root"/src/dap/dap_out.c \
	"$root"/src/util/*.c -ljansson -lpthread -o "$out/fuzz_dap"

# seed NAME PIECE-BYTE MESSAGE...: one client stream, each message framed
seed() {
	local name=$1 piece=$2
	shift 2
	{
		printf "\\x$(printf %02x "$piece")"
		for m in "$@"; do
			printf 'Content-Length: %d\r\n\r\n%s' "${#m}" "$m"
		done
	} >"$corpus/seed-$name"
}
seed init 63 '{"seq":1,"type":"request","command":"initialize","arguments":{"adapterID":"mixdbg","linesStartAt1":true}}'
seed launch 7 '{"seq":2,"type":"request","command":"launch","arguments":{"program":"dotnet","args":["bin/app.dll"],"cwd":"/tmp","env":{"A":"1","B":null},"stopAtEntry":true,"justMyCode":false}}' \
	'{"seq":3,"type":"request","command":"launch","arguments":{"program":"a.out","args":"x y  z"}}'
seed attach 1 '{"seq":4,"type":"request","command":"attach","arguments":{"processId":"1234"}}' \
	'{"seq":5,"type":"request","command":"attach","arguments":{"processId":99}}'
seed bps 13 '{"seq":6,"type":"request","command":"setBreakpoints","arguments":{"source":{"path":"/src/Program.cs"},"breakpoints":[{"line":12,"condition":"i == 3","hitCondition":"2"},{"line":14,"logMessage":"x={x}"}]}}' \
	'{"seq":7,"type":"request","command":"setBreakpoints","arguments":{"source":{"path":"/a.c"},"lines":[1,2,3]}}'
seed fbps 31 '{"seq":8,"type":"request","command":"setFunctionBreakpoints","arguments":{"breakpoints":[{"name":"main","condition":"argc > 1"},{"name":"Ns.Type.Method","hitCondition":">= 3"}]}}'
seed exc 5 '{"seq":9,"type":"request","command":"setExceptionBreakpoints","arguments":{"filters":["all","user-unhandled"],"filterOptions":[{"filterId":"all","condition":"System.FormatException"}]}}'
seed inspect 40 '{"seq":10,"type":"request","command":"stackTrace","arguments":{"threadId":1,"startFrame":0,"levels":20}}' \
	'{"seq":11,"type":"request","command":"variables","arguments":{"variablesReference":4,"start":0,"count":10}}' \
	'{"seq":12,"type":"request","command":"evaluate","arguments":{"expression":"x + 1","frameId":1,"context":"hover"}}' \
	'{"seq":13,"type":"request","command":"setVariable","arguments":{"variablesReference":2,"name":"x","value":"7"}}'
seed bad 3 '{"seq":14,"type":"request","command":"stackTrace","arguments":{"threadId":"one"}}' \
	'[1,2]' '{"seq":' '{"type":"response","request_seq":1,"success":true}'
printf '\x05Content-Length: abc\r\n\r\n{}Content-Length: -1\r\n\r\nContent-Length: 2\r\n\r\n{}' \
	>"$corpus/seed-headers"
printf '\x09Content-Length: 6\r\n\r\n"\xff\xfe\xc3"' >"$corpus/seed-utf8"
# regression NAME BYTES: an input that once failed (printf escapes)
regression() {
	printf "$2" >"$corpus/regression-$1"
}
regression empty-stream '\x07'                 # framing before any byte was fed (UBSan)

cd "$out"
exec "$out/fuzz_dap" "$corpus" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
	-rss_limit_mb=2048 -print_final_stats=1 "$@"
