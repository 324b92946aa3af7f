#!/usr/bin/env bash
# Bad input around managed debugging: a runtime with its debugger turned off (launch refused
# with the reason; attach falls back to native debugging, the program unharmed), an assembly
# that cannot run, a malformed managed breakpoint, a method that does not exist, a runtime
# folder without the debugger's library.
source "$(dirname "$0")/../lib.sh"
set -u
dir="$FIXTURES/cs/Hello"

DOTNET_EnableDiagnostics=0 run_mixdbg -batch -ex run "$dir/Hello"
expect_out 'DOTNET_EnableDiagnostics=0 turns off the runtime.s debugger support'
expect_not_out 'hello 8'
# native-only still runs it
DOTNET_EnableDiagnostics=0 run_mixdbg -batch -ex 'set native-only on' -ex run "$dir/Hello"
expect_out 'hello 8'
expect_out 'exited with code 3'

# attach to a .NET process whose runtime accepts no debugger
waiter="$FIXTURES/cs/Waiter/Waiter"
DOTNET_EnableDiagnostics=0 "$waiter" "$PWD/ready" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
wait_for_file "$PWD/ready" "^ready" 30 || fail "the program did not start"
run_mixdbg -batch -ex "attach $pid" -ex 'info threads' -ex detach
expect_out "process $pid runs .NET but its runtime accepts no debugger"
expect_out 'Thread 1 "Waiter" stopped\.'
expect_out "detached"
expect_ticking "$PWD/ready.ticks"

# settings with a bad value
run_mixdbg -batch -ex 'set just-my-code maybe' -ex 'set native-only sure' -ex 'set jmc' \
	-ex 'set print managed-events 2'
expect_out 'Expected "on" or "off", not "maybe"\.'
expect_out 'Expected "on" or "off", not "sure"\.'
expect_out 'Just My Code is on\.'
expect_out 'Expected "on" or "off", not "2"\.'

# a class library is not a program
cp "$dir/Hello.dll" lib.dll
run_mixdbg -batch -ex run "$PWD/lib.dll"
expect_out "'.*lib.dll' is an assembly without a .runtimeconfig.json beside it"

run_mixdbg -batch -ex 'break Program.cs:x' -ex 'break Program.cs:0' -ex 'break No.Such.Method' \
	-ex run -ex 'info breakpoints' "$dir/Hello"
expect_out "bad line number 'x' in breakpoint location 'Program.cs:x'"
expect_out "bad line number '0'"
expect_out 'Breakpoint 1 \(No.Such.Method\) pending'
expect_out 'hello 8'
expect_out '<PENDING> +No.Such.Method'

# a runtime without its debugger library: a copy of the installed one, minus libmscordbi.so;
# the program runs on, without managed debugging
real=$(readlink -f "$(command -v dotnet)")
root=$(dirname "$real")
fw=$(ls -d "$root"/shared/Microsoft.NETCore.App/*/ | head -n 1)
mkdir -p nodbi/shared/Microsoft.NETCore.App
cp "$real" nodbi/dotnet
cp -r "$root/host" nodbi/host
cp -r "$fw" nodbi/shared/Microsoft.NETCore.App/
rm nodbi/shared/Microsoft.NETCore.App/*/libmscordbi.so
run_mixdbg -batch -ex 'break Fixtures.Program.Add' -ex run --args "$PWD/nodbi/dotnet" "$dir/Hello.dll"
expect_out 'managed debugging is not available: the runtime in .*/nodbi/shared/Microsoft.NETCore.App/[^ ]+ has no libmscordbi.so'
expect_out 'hello 8'
expect_out 'exited with code 3'
pass
