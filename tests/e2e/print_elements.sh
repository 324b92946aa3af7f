#!/usr/bin/env bash
# Large arrays in pages: `set print elements N` (gdb's limit, default 200, 0 = none) cuts C
# and C# arrays with "..."; gdb's artificial arrays p@n in C; C#'s ranges and index from end
# (arr[500..510], arr[^1], arr[..3], arr[990..], s[1..4]). Bad input is refused with a reason
# and the session goes on.
source "$(dirname "$0")/../lib.sh"
set -u

# C: shapes.c's big[i] = 3 * i, 1000 of them
run_mixdbg -batch -ex 'break shapes_done' -ex run -ex up -ex 'show print elements' \
	-ex 'print big' -ex 'print big[500]@10' -ex 'print big[1]@3+2' -ex 'print first.label[0]@3' \
	-ex 'print grid[0][0]@6' -ex 'set print elements 4' -ex 'show print elements' \
	-ex 'print big' -ex 'print big[0]@10' -ex 'print first.label' -ex 'set print elements 0' \
	-ex 'show print elements' -ex 'print big[0]@0' -ex 'print big[0]@-1' -ex 'print 5@3' \
	-ex 'print big@2@3' -ex 'print big[0]@' -ex 'print grid[0]@2' -ex 'set print elements -1' \
	-ex 'set print elements x' -ex 'show print elements' -ex 'print value' -ex continue \
	"$FIXTURES/shapes"
expect_out '^Limit on array elements to print is 200\.$'
expect_out '^big = \{0, 3, 6, .*, 594, 597\.\.\.\}$' # 200 elements: big[199] = 597
expect_not_out '^big = \{.*, 600[,.]'
expect_out '^big\[500\]@10 = \{1500, 1503, 1506, 1509, 1512, 1515, 1518, 1521, 1524, 1527\}$'
expect_out '^big\[1\]@3\+2 = \{3, 6, 9, 12, 15\}$'
expect_out '^first\.label\[0\]@3 = "one"$'
expect_out '^grid\[0\]\[0\]@6 = \{1, 2, 3, 4, 5, 6\}$'
expect_out '^Limit on array elements to print is 4\.$'
expect_out '^big = \{0, 3, 6, 9\.\.\.\}$'
expect_out '^big\[0\]@10 = \{0, 3, 6, 9\.\.\.\}$'
expect_out '^first\.label = "one\\000"\.\.\.$'
expect_count 2 '^Limit on array elements to print is unlimited\.$'
expect_out '^Invalid number 0 of repetitions\.$'
expect_out '^Invalid number -1 of repetitions\.$'
expect_out "^Only values in memory can be extended with '@'\.$"
expect_out "^Only one '@' is supported"
expect_out '^Usage: EXPRESSION@COUNT'
expect_out "^'@' on an array \(int \[3\]\) is not supported"
expect_out "^Usage: set print elements N .*got '-1'\.$"
expect_out "^Usage: set print elements N .*got 'x'\.$"
expect_out '^value = 42$'
expect_out 'x=10 next=2 value=42'

# C#: Values' big[i] = i * i (1000), nums = {10, 20, 30}, text = a "quoted" word
values_cs="$(dirname "$0")/../fixtures/cs/Values/Program.cs"
line=$(grep -n 'inspect here' "$values_cs" | cut -d: -f1)
run_mixdbg -batch -ex "break Program.cs:$line" -ex run -ex 'print big' \
	-ex 'print big[500..510]' -ex 'print big[^1]' -ex 'print big[..3]' -ex 'print big[995..]' \
	-ex 'print text[1..4]' -ex 'print text[^1]' -ex 'print text[2..^2]' \
	-ex 'print big[^2] + big[^1]' -ex 'set print elements 5' -ex 'print big' \
	-ex 'print big[10..20]' -ex 'set print elements 0' -ex 'print big[0..0]' \
	-ex 'print nums[^0]' -ex 'print nums[2..1]' -ex 'print pt[1..2]' -ex 'print n[^1]' \
	-ex 'print big[1..3].Length' -ex 'print grid[^1]' -ex 'print none[1..2]' -ex 'print 1..2' \
	-ex 'print nums[^-1]' -ex 'print nums[1.5..2]' -ex 'print nums' -ex continue \
	"$FIXTURES/cs/Values/Values.dll"
expect_out '^big = \{int\[1000\]\} \{0, 1, 4, .*, 39204, 39601, \.\.\.\}$' # 200: big[199] last
expect_not_out '^big = .*40000'
expect_out '^big\[500\.\.510\] = \{\[500\] = 250000, \[501\] = 251001, .*, \[509\] = 259081\}$'
expect_out '^big\[\^1\] = 998001$'
expect_out '^big\[\.\.3\] = \{\[0\] = 0, \[1\] = 1, \[2\] = 4\}$'
expect_out '^big\[995\.\.\] = \{\[995\] = 990025, \[996\] = 992016, \[997\] = 994009, \[998\] = 996004, \[999\] = 998001\}$'
expect_out '^text\[1\.\.4\] = " \\"q"$'
expect_out "^text\[\^1\] = 'd'$"
expect_out '^text\[2\.\.\^2\] = "\\"quoted\\" wo"$'
expect_out '^big\[\^2\] \+ big\[\^1\] = 1994005$'
expect_out '^big = \{int\[1000\]\} \{0, 1, 4, 9, 16, \.\.\.\}$'
expect_out '^big\[10\.\.20\] = \{\[10\] = 100, \[11\] = 121, \[12\] = 144, \[13\] = 169, \[14\] = 196\.\.\.\}$'
expect_out '^big\[0\.\.0\] = \{\}$'
expect_out '^Index was outside the bounds of the array\.$'
expect_out '^The range 2\.\.1 is outside 0\.\.3 \(the length\): ArgumentOutOfRangeException\.$'
expect_out "^error CS0021: .* type 'Fixtures\.Values\.Point': ranges apply to arrays and strings here$"
expect_out "^error CS0021: .* type 'int': indices from the end \(\^\) apply to arrays and strings here$"
expect_out '^A range of an array is shown by print \(print arr\[a\.\.b\]\); inside an expression it is not supported\.$'
expect_out '^\^ and ranges index one-dimensional arrays \(this one has 2 dimensions\)\.$'
expect_out '^Object reference not set to an instance of an object\.$'
expect_out '^a range or an index from the end \(\^\) goes inside \[\]'
expect_out '^\^-1: an index from the end must not be negative'
expect_out "^error CS0029: Cannot implicitly convert type 'double' to 'int'$"
expect_out '^nums = \{int\[3\]\} \{10, 20, 30\}$'
expect_out '^result 25$'
pass
