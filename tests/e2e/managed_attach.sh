#!/usr/bin/env bash
# Attach to a running .NET program (4 extra named threads, a dozen framework assemblies):
# the runtime's attach events come in order (process, app domain, then each assembly with its
# module, then threads), each module and thread exactly once and matching what the process
# really has, then mixdbg's own "attach complete" once, after the last of them and before any
# real event; a breakpoint then hits; detach leaves the program running.
source "$(dirname "$0")/../lib.sh"
set -u
app="$FIXTURES/cs/Waiter/Waiter"
[ -x "$app" ] || fail "fixture not built: $app"
"$app" "$PWD/ready" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
wait_for_file "$PWD/ready" "^ready" 30 || fail "the program did not start"
sleep 0.2
read -r _ rpid nasm _ <"$PWD/ready"
[ "$rpid" = "$pid" ] || fail "fixture reported pid $rpid, not $pid"
run_mixdbg -batch -ex 'set print managed-events on' -ex "attach $pid" -ex 'break Fixtures.Waiter.Tick' \
	-ex continue -ex 'info threads' -ex detach
ev=$(grep -E '^\[managed\]' <<<"$OUT")

# order: CreateProcess, CreateAppDomain, assemblies and modules, threads, attach complete
first=$(sed -n 1p <<<"$ev")
second=$(sed -n 2p <<<"$ev")
[ "$first" = "[managed] CreateProcess" ] || _fail_out "first event: $first"
[ "$second" = "[managed] CreateAppDomain" ] || _fail_out "second event: $second"
expect_count 1 '^\[managed\] CreateProcess'
expect_count 1 '^\[managed\] attach complete$'
n_complete=$(grep -n 'attach complete' <<<"$ev" | cut -d: -f1)
last_thread=$(grep -n 'CreateThread' <<<"$ev" | tail -n 1 | cut -d: -f1)
first_thread=$(grep -n 'CreateThread' <<<"$ev" | head -n 1 | cut -d: -f1)
last_module=$(grep -n 'LoadModule' <<<"$ev" | tail -n 1 | cut -d: -f1)
first_bp=$(grep -n '\] Breakpoint' <<<"$ev" | head -n 1 | cut -d: -f1)
[ "$n_complete" = $((last_thread + 1)) ] || _fail_out "attach complete is not right after the last CreateThread"
[ "$last_module" -lt "$first_thread" ] || _fail_out "a module came after a thread"
[ -n "$first_bp" ] && [ "$first_bp" -gt "$n_complete" ] || _fail_out "no real event after attach complete"
# every assembly comes with its module, right after it
while read -r line; do
	path=${line#*LoadAssembly }
	grep -A1 -F "$line" <<<"$ev" | tail -n 1 | grep -qF "LoadModule $path" ||
		_fail_out "no LoadModule right after $line"
done < <(sed -n "1,${first_thread}p" <<<"$ev" | grep 'LoadAssembly')

# modules: exactly the assemblies the process has mapped (each once), at least as many as it
# counted itself
reported=$(sed -n "1,${n_complete}p" <<<"$ev" | grep 'LoadModule' | sed 's/.*LoadModule //' | sort)
[ "$(uniq -d <<<"$reported")" = "" ] || _fail_out "a module was reported twice"
mapped=$(awk '$6 ~ /\.dll$/ {print $6}' "/proc/$pid/maps" | sort -u)
n_reported=$(wc -l <<<"$reported")
[ "$n_reported" -ge "$nasm" ] || _fail_out "$n_reported modules, the program has $nasm assemblies"
missing=$(comm -13 <(echo "$reported") <(echo "$mapped"))
[ -z "$missing" ] || _fail_out "mapped but not reported: $missing"

# threads: each once, each a thread of the process, the main thread and the four waiters among
# them
tids=$(sed -n "1,${n_complete}p" <<<"$ev" | grep 'CreateThread' | awk '{print $3}' | sort)
[ "$(uniq -d <<<"$tids")" = "" ] || _fail_out "a thread was reported twice"
for t in $tids; do [ -d "/proc/$pid/task/$t" ] || _fail_out "thread $t is not in process $pid"; done
grep -qx "$pid" <<<"$tids" || _fail_out "the main thread was not reported"
for t in /proc/"$pid"/task/*; do
	name=$(cat "$t/comm")
	if [[ "$name" == waiter? ]]; then
		grep -qx "$(basename "$t")" <<<"$tids" || _fail_out "thread $name not reported"
	fi
done

expect_out 'Thread 1 "Waiter" stopped\.'
expect_out 'hit Breakpoint 1, Fixtures.Waiter.Tick \(\) at Program.cs:[0-9]+'
expect_out '^\* 1 +Thread [0-9]+ "Waiter" +Fixtures.Waiter.Tick \(\) at Program.cs:'
expect_out "\\[Inferior 1 \\(process $pid\\) detached\\]"
# still running and ticking, not stopped
kill -0 "$pid" || fail "the program died after detach"
expect_ticking "$PWD/ready.ticks"
state=$(awk '{print $3}' "/proc/$pid/stat")
[ "$state" != "t" ] && [ "$state" != "T" ] || fail "the program is stopped after detach (state $state)"
pass
