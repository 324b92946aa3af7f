#!/usr/bin/env bash
# C#'s decimal in the evaluator, on the Evals fixture's `decimal price = 1.25m`: literals,
# arithmetic with C#'s results (1.1m + 2.2m is 3.3, 1m / 3m has 28 places, 10m / 4m is 2.5,
# products keep both scales), integers mixed in, comparisons, casts both ways, a decimal in a
# string, in a breakpoint condition, as an argument (also an int for a decimal parameter), boxed
# for an object parameter; `set var` of the decimal; and errors as C# and the runtime say them:
# a double mixed in, overflow, division by zero, an implicit narrowing. The program sees what
# was stored.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/cs/Evals/Evals"
src="$FIXTURES/cs-src/Evals/Program.cs"
stop=$(grep -n 'MARK:stop' "$src" | cut -d: -f1)

run_mixdbg -batch -ex "break Program.cs:$stop if price > 1.2m && price * 4 == 5" -ex run \
	-ex 'print 1.50m' -ex 'print 1.1m + 2.2m' -ex 'print 1m / 3m' -ex 'print 2m / 3m' \
	-ex 'print 10m / 4m' -ex 'print price * 2' -ex 'print price * 0.1m' -ex 'print price - 1' \
	-ex 'print price % 0.5m' -ex 'print -price' -ex 'print price >= 1.250m' \
	-ex 'print price < 1' -ex 'whatis price * 2' -ex 'print (int)(price * 3)' \
	-ex 'print (double)price' -ex 'print (decimal)k / 3' -ex 'print "p=" + price' \
	-ex 'print Tools.Price(0.25m)' -ex 'print Tools.Price(k)' -ex 'print Tools.Show(1.5m)' \
	-ex 'print price + 1.5' -ex 'print 79228162514264337593543950335m + price' \
	-ex 'print price / 0' -ex 'print (int)(price * 10000000000m)' -ex 'set var k = price' \
	-ex 'set var price = 1.5' -ex 'print 79228162514264337593543950336m' \
	-ex 'set var price = price / 3' -ex 'print price' -ex 'set var price = 2.5m' \
	-ex 'print price' -ex 'print k' -ex continue "$prog"
expect_out '^1\.50m = 1\.50$'
expect_out '^1\.1m \+ 2\.2m = 3\.3$'
expect_out '^1m / 3m = 0\.3333333333333333333333333333$'
expect_out '^2m / 3m = 0\.6666666666666666666666666667$'
expect_out '^10m / 4m = 2\.5$'
expect_out '^price \* 2 = 2\.50$'
expect_out '^price \* 0\.1m = 0\.125$'
expect_out '^price - 1 = 0\.25$'
expect_out '^price % 0\.5m = 0\.25$'
expect_out '^-price = -1\.25$'
expect_out '^price >= 1\.250m = true$'
expect_out '^price < 1 = false$'
expect_out '^type = decimal$'
expect_out '^\(int\)\(price \* 3\) = 3$'
expect_out '^\(double\)price = 1\.25$'
expect_out '^\(decimal\)k / 3 = 1\.3333333333333333333333333333$'
expect_out '^"p=" \+ price = "p=1\.25"$'
expect_out '^Tools\.Price\(0\.25m\) = 0\.50$'
expect_out '^Tools\.Price\(k\) = 8$'
expect_out '^Tools\.Show\(1\.5m\) = "obj 1\.5"$'
expect_out "^error CS0019: Operator '\+' cannot be applied to operands of type 'decimal' and 'double'$"
expect_out '^Value was either too large or too small for a Decimal\.$'
expect_out '^Attempted to divide by zero\.$'
expect_out '^Value was either too large or too small for an Int32\.$'
expect_out "^error CS0266: Cannot implicitly convert type 'decimal' to 'int'\. An explicit conversion exists \(are you missing a cast\?\)$"
expect_out "^error CS0664: Literal of type double cannot be implicitly converted to type 'decimal'"
expect_out "error CS0594: Floating-point constant is outside the range of type 'decimal'"
expect_out '^price = 0\.4166666666666666666666666667$'
expect_out '^price = 2\.5$'
expect_out '^k = 4$'
# the program goes on with the decimal set
expect_out '^ready 4lbl5$'
expect_out '^more rex3224Light2\.53$'
expect_out 'exited normally'
pass
