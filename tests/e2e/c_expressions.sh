#!/usr/bin/env bash
# C expressions in print beyond the operators: floating literals, sizeof of types and
# expressions, the conditional operator (only the chosen side is evaluated), enumerators, and
# assignments (=, +=, <<= ...) that write to the program, which then runs with the new values.
source "$(dirname "$0")/../lib.sh"
set -u

run_mixdbg -batch -ex 'break report' -ex run -ex up \
	-ex 'print 1.5' -ex 'print 2e3' -ex 'print .5' -ex 'print 1.0/3' -ex 'print 1e400' \
	-ex 'print ratio * half + 0.25' -ex 'whatis 1.5' -ex 'whatis 1.5f' \
	-ex 'print sizeof(struct shape)' -ex 'print sizeof grid' -ex 'print sizeof(grid[0])' \
	-ex 'print sizeof *p' -ex 'print sizeof(counter_t) * 2' -ex 'print sizeof(1)' \
	-ex 'whatis sizeof(int)' -ex 'print sizeof(struct nosuch)' -ex 'print sizeof(nosuch)' \
	-ex 'print c == GREEN ? 10 : 20' -ex 'print c == RED ? 10 : 20' \
	-ex 'print 0 ? 2 : 0 ? 4 : 5' -ex 'print 0 ? ((struct point *)0)->x : 9' \
	-ex 'print 1 ? ((struct point *)0)->x : 9' -ex 'print 1 ? 2' -ex 'print GREEN' \
	-ex 'print 1.5.2' -ex continue "$FIXTURES/types"
expect_out '^1\.5 = 1\.5$'
expect_out '^2e3 = 2000$'
expect_out '^\.5 = 0\.5$'
expect_out '^1\.0/3 = 0\.33333333333333331$'
expect_out '^1e400 = inf$'
expect_out '^ratio \* half \+ 0\.25 = 1$'
expect_out '^type = double$'
expect_out '^type = float$'
expect_out '^sizeof\(struct shape\) = 104$'
expect_out '^sizeof grid = 48$'
expect_out '^sizeof\(grid\[0\]\) = 16$'
expect_out '^sizeof \*p = 8$'
expect_out '^sizeof\(counter_t\) \* 2 = 16$'
expect_out '^sizeof\(1\) = 4$'
expect_out '^type = int$'
expect_out '^No struct type named nosuch\.$'
expect_out '^No symbol "nosuch" in current context\.$'
expect_out '^c == GREEN \? 10 : 20 = 10$'
expect_out '^c == RED \? 10 : 20 = 20$'
expect_out '^0 \? 2 : 0 \? 4 : 5 = 5$'
expect_out '^0 \? \(\(struct point \*\)0\)->x : 9 = 9$'  # the other side is not read
expect_out '= <error: Cannot access memory at address 0x0>$'
expect_out "A syntax error in expression, near \`'\\."
expect_out '^GREEN = GREEN$'
expect_out "A syntax error in expression, near \`\\.2'\\."
expect_out 'types: total=141 r=255'

# assignments: the program goes on with what print wrote
run_mixdbg -batch -ex 'break report' -ex run -ex up \
	-ex 'print ratio = 2.5' -ex 'print letter += 2' -ex 'print p->x = 7' -ex 'print p->x *= 3' \
	-ex 'print shape->corners[1].x' -ex 'print grid[1][2] -= 100' -ex 'print c <= 1' \
	-ex 'print c != 5' -ex 'print 5 = 3' -ex 'print nosuch = 1' -ex 'print x =' \
	-ex 'print total <<= 1' -ex 'print ratio' -ex continue "$FIXTURES/types"
expect_out '^ratio = 2\.5 = 2\.5$'
expect_out "^letter \\+= 2 = 115 's'\$"
expect_out '^p->x = 7 = 7$'
expect_out '^p->x \*= 3 = 21$'
expect_out '^shape->corners\[1\]\.x = 21$'
expect_out '^grid\[1\]\[2\] -= 100 = -78$'
expect_out '^c <= 1 = 1$'   # comparisons are not assignments
expect_out '^c != 5 = 1$'
expect_out 'Left operand of assignment is not an lvalue'
expect_out '^No symbol "nosuch" in current context\.$'
expect_out "A syntax error in expression, near \`x ='\\."
expect_out '^total <<= 1 = 282$'
expect_out '^ratio = 2\.5$'
expect_out 'types: total=282 r=255'
pass
