#!/usr/bin/env bash
# A breakpoint on every instruction of main and hot (RIP-relative loads and stores, calls,
# jumps, conditional branches, returns), each ignored many times: the tracer executes each
# instruction out of line (or emulates or single-steps it), and the program must behave
# exactly as without a debugger, with every hit counted. The same with out-of-line execution
# turned off (MIXDBG_NO_DISPLACE) must count the same.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/loop_nopie"
n=7
addrs=$(objdump -d --no-show-raw-insn "$prog" |
	awk '/^[0-9a-f]+ <(main|hot)>:/{f=1; next} /^$/{f=0} f && /^ +[0-9a-f]+:/{sub(":","",$1); print $1}')
count=$(wc -w <<<"$addrs")
[ "$count" -gt 20 ] || fail "found only $count instructions in main and hot"
args=()
i=0
for a in $addrs; do
	i=$((i + 1))
	args+=(-ex "break *0x$a" -ex "ignore $i 1000000")
done
plain=$("$prog" "$n")
for mode in displaced stepped; do
	if [ $mode = stepped ]; then export MIXDBG_NO_DISPLACE=1; fi
	run_mixdbg -batch "${args[@]}" -ex run -ex 'info breakpoints' --args "$prog" "$n"
	unset MIXDBG_NO_DISPLACE
	expect_not_out 'hit Breakpoint'
	expect_not_out 'received signal'
	expect_out 'exited normally'
	grep -qxF -- "$plain" <<<"$OUT" || fail "$mode: program output differs from '$plain'"
	# hot's first instruction ran once per call
	first_hot=$(objdump -d "$prog" | awk '/<hot>:/{print $1; exit}' | sed 's/^0*//')
	grep -A1 -E "0x0*$first_hot " <<<"$OUT" | grep -q "already hit $n times" ||
		fail "$mode: hot's entry not counted $n times"
	hits=$(grep -oE 'already hit [0-9]+ time' <<<"$OUT" | awk '{s += $3} END {print s}')
	if [ $mode = displaced ]; then
		want=$hits
	else
		[ "$hits" = "$want" ] || fail "stepped run counted $hits hits, displaced run $want"
	fi
done
pass
