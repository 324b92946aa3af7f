#!/usr/bin/env bash
# The fixtures themselves, without a debugger: each builds into what the other tests assume
# (DWARF 5, split debug info by build id, two inlined copies) and prints its expected output.
# With gdb installed, also the crash addresses and thread names, as a reference debugger sees.
source "$(dirname "$0")/../lib.sh"
set -u
ulimit -c 0
F=$FIXTURES
[ -d "$F" ] || fail "no fixtures in $F (make -C tests/fixtures OUT=$F)"

# check_run EXPECTED CMD...: the command exits 0 and its whole output is EXPECTED.
check_run() {
	local want=$1 got rc
	shift
	got=$("$@" 2>&1)
	rc=$?
	echo "+ $* -> status $rc: $got" >&2
	[ "$rc" = 0 ] || fail "$*: exit status $rc"
	[ "$got" = "$want" ] || fail "$*: output '$got', expected '$want'"
}

check_run 'sum=90 calls=10' "$F/loop"
check_run 'sum=6 calls=3' "$F/loop" 3
check_run 'sum=90 calls=10' "$F/loop_dwarf4"
check_run 'sum=2 calls=2' "$F/split_loop" 2
check_run 'total=280360' "$F/threads"
check_run 'total=702400' "$F/threads" 8 25
check_run 'total=1000' "$F/threads" 2 1
check_run $'before dlopen\nfirst=13\nsecond=16' "$F/dlopen_main" "$F/libdl_lib.so"
check_run 'usr1=3 usr2=3 alrm=3 trap=3' "$F/signals"
check_run 'types: total=141 r=255' "$F/types"
check_run 'plt: first=6 second=20 third=40' "$F/plt_main"
check_run 'plt: first=6 second=20 third=40' "$F/plt_main_now"
if grep -qw avx /proc/cpuinfo; then check_run 'fpregs: big=3 avx=1' "$F/fpregs"; else check_run 'fpregs: big=3 avx=0' "$F/fpregs"; fi
check_run 'child exited=1 status=0 parent calls=2' "$F/forker"
check_run '39 72' "$F/inline_O2"
check_run '4 2' "$F/inline_O2" 0
check_run 'total=964 tiny=b half=-2' "$F/conds"
check_run 'depth=3' "$F/fpchain"

# debug info formats
readelf --debug-dump=info "$F/loop" | grep -qE 'Version: +5$' || fail "loop is not DWARF 5"
readelf --debug-dump=info "$F/loop_dwarf4" | grep -qE 'Version: +4$' ||
	fail "loop_dwarf4 is not DWARF 4"
readelf -S "$F/split_loop" | grep -q '\.debug_' && fail "split_loop still has debug sections"
readelf -S "$F/split_loop" | grep -q gnu_debuglink && fail "split_loop has a .gnu_debuglink"
id=$(readelf -n "$F/split_loop" | awk '/Build ID:/ {print $3}')
[ -n "$id" ] || fail "split_loop has no build id"
dbg="$F/debug/.build-id/${id:0:2}/${id:2}.debug"
[ -f "$dbg" ] || fail "no debug file $dbg"
readelf -S "$dbg" | grep -q '\.debug_info' || fail "$dbg has no .debug_info"
n=$(readelf --debug-dump=info "$F/inline_O2" | grep -c DW_TAG_inlined_subroutine)
[ "$n" -ge 2 ] || fail "inline_O2 has $n inlined subroutines, expected 2"
nm "$F/crash" | grep -q ' T do_crash$' || fail "crash has no do_crash symbol"

# crashes: the right signal for each kind
for spec in segv:11 bus:7 fpe:8 ill:4 abrt:6; do
	kind=${spec%:*} sig=${spec#*:}
	got=$( (exec "$F/crash" "$kind") 2>&1)
	rc=$?
	echo "+ crash $kind -> status $rc: $got" >&2
	[ "$rc" = $((128 + sig)) ] || fail "crash $kind: status $rc, expected $((128 + sig))"
	[ "$got" = "crash $kind" ] || fail "crash $kind: output '$got'"
done

# sleeper: ready, 4 threads, ticks in the file, clean exit on SIGTERM
ticks="$PWD/ticks"
"$F/sleeper" "$ticks" >"$PWD/sleeper.out" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null' EXIT
wait_for_file "$PWD/sleeper.out" "^pid $pid ready$" 10 || fail "sleeper did not start"
wait_for_file "$ticks" '^tick 11$' 5 || fail "sleeper wrote no ticks: $(cat "$ticks")"
n=$(ls "/proc/$pid/task" | wc -l)
[ "$n" = 4 ] || fail "sleeper has $n threads, expected 4"
kill -TERM "$pid"
wait "$pid" || fail "sleeper exited with status $?"
trap - EXIT
grep -qE '^bye [0-9]+$' "$PWD/sleeper.out" || fail "sleeper: no bye: $(cat "$PWD/sleeper.out")"

# as gdb sees them
if command -v gdb >/dev/null; then
	gdb_run() {
		OUT=$(gdb -nx -batch -iex 'set debuginfod enabled off' "$@" </dev/null 2>&1)
		printf '+ gdb %s\n%s\n' "$*" "$OUT" >&2
	}
	gdb_run -ex run -ex 'p $_siginfo._sifields._sigfault.si_addr' --args "$F/crash" segv
	expect_out '^\$1 = \(void \*\) 0x10$'
	expect_out 'in do_crash|^do_crash \('
	gdb_run -ex run -ex 'p $_siginfo._sifields._sigfault.si_addr' --args "$F/crash" bus
	expect_out 'SIGBUS'
	gdb_run -ex 'break scale' "$F/inline_O2"
	expect_out '\(2 locations\)'
	gdb_run -ex 'break worker_hit' -ex run -ex 'info threads' --args "$F/threads" 2 1
	expect_out '"worker-[01]" hit Breakpoint 1, worker_hit'
	gdb_run -iex "set debug-file-directory $F/debug" -ex 'break hot' -ex run \
		--args "$F/split_loop" 2
	expect_out '^Breakpoint 1, hot \(i=0\) at .*loop\.c:[0-9]+'
	gdb_run -ex 'set breakpoint pending on' -ex 'break lib_func' -ex run -ex continue \
		-ex continue --args "$F/dlopen_main" "$F/libdl_lib.so"
	expect_count 2 '^Breakpoint 1, lib_func \(x=[45]\)'
fi
pass
