#!/usr/bin/env bash
# Builds the demo program and debugs it with mixdbg in batch mode: a breakpoint in a shared
# library that is pending until the library loads, hit from two threads, with the thread
# list, the library list, registers and disassembly at the stop.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
out="$build/demo"
mkdir -p "$out"
gcc -g -O0 -fPIC -shared "$here/libgreet.c" -o "$out/libgreet.so"
gcc -g -O0 -pthread "$here/greet.c" -L"$out" -lgreet -Wl,-rpath,"$out" -o "$out/greet"
set -x
"$build/mixdbg" -batch \
	-ex 'break greet_compute' \
	-ex 'run' \
	-ex 'info threads' \
	-ex 'info sharedlibrary' \
	-ex 'info registers rip rdi rsi' \
	-ex 'x/4i $pc' \
	-ex 'continue' \
	-ex 'info breakpoints' \
	-ex 'continue' \
	"$out/greet"
