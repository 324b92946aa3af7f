#!/usr/bin/env bash
# Builds the demo (demo/Greet.cs, a C# program, calling demo/libgreet.c through P/Invoke, the C
# code calling C# back) and debugs it across the boundary with mixdbg in batch mode: a C# line
# breakpoint and a breakpoint in the C library set before either is loaded; the managed stop
# with its C# stack; the native stop in the C function from the C# worker thread, with one call
# stack from C through the P/Invoke transition to the C# callers, and the C# caller's arguments
# read there; the threads; `finish` from C back to the C# caller; then, on the main thread, a
# `step` from C# into C, `next` in C, a `step` from C into the C# callback, whose stack shows
# the C caller between the C# frames, and `finish` from the callback back into C.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
out="$build/demo"
mkdir -p "$out/src"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
cp "$here/Greet.cs" "$out/src/"
cp "$here/../tests/fixtures/cs/fixture.csproj.in" "$out/src/Greet.csproj"
(cd "$out/src" && dotnet build -nologo -v:q -clp:ErrorsOnly -o "$out/bin" Greet.csproj >/dev/null)
gcc -g -O0 -fPIC -shared "$here/libgreet.c" -o "$out/bin/libgreet.so"
line=$(grep -n 'the call into C' "$out/src/Greet.cs" | cut -d: -f1)
visit_line=$(grep -n 'C calling back into C#' "$out/src/Greet.cs" | cut -d: -f1)
set -x
"$build/mixdbg" -batch \
	-ex "break Greet.cs:$line" \
	-ex 'break greet_compute' \
	-ex 'run' \
	-ex 'bt' \
	-ex 'continue' \
	-ex 'bt' \
	-ex 'info locals' \
	-ex 'frame 2' \
	-ex 'info args' \
	-ex 'info threads' \
	-ex 'frame 0' \
	-ex 'finish' \
	-ex 'delete' \
	-ex "tbreak Greet.cs:$visit_line" \
	-ex 'continue' \
	-ex 'step' \
	-ex 'next' \
	-ex 'next' \
	-ex 'step' \
	-ex 'bt' \
	-ex 'info args' \
	-ex 'finish' \
	-ex 'continue' \
	"$out/bin/Greet"
