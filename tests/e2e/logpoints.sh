#!/usr/bin/env bash
# dprintf and logpoint: breakpoints that print a line and go on, in C and C#; shown by `info
# breakpoints`; disable and delete; a logpoint hit in a function called by the line being
# stepped over does not end the `next`; bad formats and locations are refused with a reason.
source "$(dirname "$0")/../lib.sh"
set -u
loop_c="$(dirname "$0")/../fixtures/loop.c"
hot_line=$(grep -n 'counter++;' "$loop_c" | cut -d: -f1)

run_mixdbg -batch \
	-ex 'dprintf hot,"hot i=%d hex=%#x f=%.2f c=%c %% cnt=%ld u=%u p=%p\n", i, i * 255, i, 65 + i, (long)counter, i, &counter' \
	-ex "logpoint fixtures/loop.c:$hot_line counter={counter} i*3={i * 3} bad={nosuch} {{x}}" \
	-ex 'dprintf main,"prog=%s argc=%d\n", argv[1], argc' \
	-ex 'break hot if i == 2' -ex 'info breakpoints' -ex run -ex 'print i' \
	-ex 'disable 2' -ex 'delete 1' -ex 'info breakpoints' -ex continue --args "$FIXTURES/loop" 5
expect_out '^Dprintf 1 at hot: file .*loop\.c, line '"$hot_line"'\.$'
expect_out '^Logpoint 2 at fixtures/loop\.c:'"$hot_line"': file .*loop\.c, line '"$hot_line"'\.$'
expect_out '^1 +dprintf +keep y +<PENDING> +hot$'
expect_out '^        printf "hot i=%d hex=%#x f=%\.2f c=%c %% cnt=%ld u=%u p=%p\\n", i, i \* 255, i, 65 \+ i, \(long\)counter, i, &counter$'
expect_out '^2 +logpoint +keep y +<PENDING> +fixtures/loop\.c:'"$hot_line"'$'
expect_out '^        log "counter=\{counter\} i\*3=\{i \* 3\} bad=\{nosuch\} \{\{x\}\}"$'
expect_out '^prog=5 argc=2$'
expect_out '^hot i=0 hex=0 f=0\.00 c=A % cnt=0 u=0 p=0x[0-9a-f]+$'
expect_out '^hot i=1 hex=0xff f=1\.00 c=B % cnt=1 u=1 p=0x[0-9a-f]+$'
expect_out '^hot i=2 hex=0x1fe f=2\.00 c=C % cnt=2 u=2 p=0x[0-9a-f]+$'
expect_out '^counter=1 i\*3=3 bad=<No symbol "nosuch" in current context\.> \{x\}$'
expect_count 1 'hit Breakpoint 4, hot \(\)'
expect_out '^i = 2$'
# after the stop: the dprintf is gone, the logpoint disabled: no more lines
expect_count 3 '^hot i='
expect_count 3 '^counter='
expect_out '^2 +logpoint +keep n '
expect_count 1 '^1 +dprintf' # listed before the run only
expect_out 'sum=20 calls=5'
expect_out 'exited normally'

# a logpoint in add(), called by the line stepped over: logged, and next ends on the next line
stepper_c="$(dirname "$0")/../fixtures/stepper.c"
call_line=$(grep -n 'int x = add(2, 3);' "$stepper_c" | cut -d: -f1)
run_mixdbg -batch -ex "break stepper.c:$call_line" -ex 'logpoint add add({a}, {b})' -ex run \
	-ex next -ex 'print x' -ex continue "$FIXTURES/stepper"
expect_out '^add\(2, 3\)$'
expect_out '^[0-9]+	+int y = nodebug_twice\(x\);'
expect_out '^x = 5$'
expect_count 1 '^Breakpoint 1, |hit Breakpoint'
expect_out 'x=5 y=10'

# bad input: each refused with its reason, nothing is set, the program runs as usual
run_mixdbg -batch -ex 'dprintf hot' -ex 'dprintf hot,"%d\n"' -ex 'dprintf hot,"%q\n",i' \
	-ex 'dprintf hot,i' -ex 'dprintf hot,"open' -ex 'dprintf hot,"%d %d\n",i,' \
	-ex 'dprintf ,"x\n"' -ex 'logpoint hot' -ex 'logpoint hot:x message' \
	-ex 'info breakpoints' -ex run "$FIXTURES/loop"
expect_out 'Usage: dprintf LOCATION,"FORMAT",ARG\.\.\. \(a location, then a comma and the format\)'
expect_out 'dprintf: the format takes 1 argument but 0 are given'
expect_out "dprintf: unsupported conversion '%q' in the format"
expect_out 'dprintf: a format string in double quotes is required'
expect_out 'dprintf: the format string has no closing quote'
expect_out 'dprintf: an argument is empty'
expect_count 3 'Usage: (dprintf|logpoint)'
expect_out 'Usage: logpoint LOCATION MESSAGE'
expect_out "malformed breakpoint location 'hot:x'"
expect_out '^No breakpoints\.$'
expect_out 'sum=90 calls=10'

# C#: a logpoint and a dprintf on a method, evaluated in C# at each of its 3 hits
run_mixdbg -batch -ex 'logpoint Fixtures.Stepping.Square sq({v}) next={v + 1} {nosuch}' \
	-ex 'dprintf Fixtures.Stepping.Square,"v=%d\n", v' -ex run -ex 'info breakpoints' \
	"$FIXTURES/cs/Stepping/Stepping.dll"
expect_out '^sq\(0\) next=1 <.*nosuch.*>$'
expect_out '^sq\(2\) next=3 <.*nosuch.*>$'
expect_count 3 '^sq\('
expect_out '^v=1$'
expect_count 3 '^v=[0-2]$'
expect_out 'seen 5'
expect_out 'exited with code 5\]'
pass
