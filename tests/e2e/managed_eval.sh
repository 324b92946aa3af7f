#!/usr/bin/env bash
# Managed values of every kind and the C# evaluator, on the Values fixture: info locals shows
# primitives, decimal, enums (flags by name), Nullable, boxed numbers, structs, arrays
# (multi-dimensional, jagged, large ones cut short), generic instances and objects with their
# inherited fields; print evaluates C# expressions (every operator class, member access,
# statics through Type.Name and Namespace.Type.Name, indexing, casts, is/as, ?: ?? ?.);
# set var writes locals, array elements, fields of structs and objects, statics and
# references, and the program goes on with the new values; a C# condition true once in
# 1,000 hits stops exactly once; bad input gets C#'s words and harms nothing.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/cs/Values/Values"
src="$FIXTURES/cs-src/Values/Program.cs"
at=$(grep -n 'inspect here' "$src" | cut -d: -f1)
loop=$(grep -n 'loop body' "$src" | cut -d: -f1)

run_mixdbg -batch -ex "break Program.cs:$at" -ex run -ex 'info locals' -ex 'info args' "$prog"
expect_out '^sb = -5$'
expect_out '^ul = 18000000000000000000$'
expect_out '^fl = 1.5$'
expect_out '^dm = -12.345$'
expect_out "^ch = 'z'$"
expect_out '^text = "a \\"quoted\\" word"$'
expect_out '^none = null$'
expect_out '^color = Green$'
expect_out '^odd = 42$'
expect_out '^access = Read \| Write$'
expect_out '^maybe = 7$'
expect_out '^nothing = null$'
expect_out '^boxed = 42$'
expect_out '^pt = \{Fixtures.Values.Point\} \{X = 1, Y = 2\}$'
expect_out '^nums = \{int\[3\]\} \{10, 20, 30\}$'
expect_out '^grid = \{int\[2, 3\]\} \{1, 2, 3, 4, 5, 6\}$'
expect_out '^jagged = \{int\[2\]\[\]\} \{\{int\[1\]\}, \{int\[2\]\}\}$'
expect_out '^big = \{int\[1000\]\} \{0, 1, 4, 9, .*361, \.\.\.\}$'
expect_out '^box = \{Fixtures.Values.Box<string>\} \{Item = "boxed text"\}$'
# a Dog seen through an Animal: its own fields (an auto-property's by the property's name),
# then the inherited ones
expect_out '^pet = \(Fixtures.Values.Animal\) \{Fixtures.Values.Dog\} \{Breed = "beagle", Home = \{Fixtures.Values.Point\}, Friend = \{Fixtures.Values.Dog\}, Name = "generic", legs = 4\}$'
expect_out '^n = 5$'

run_mixdbg -batch -ex "break Program.cs:$at" -ex run \
	-ex 'print n + nums[1] * 2' -ex 'print (n + 1) % 4 - 10 / 3' -ex 'print 7 / 2.0' \
	-ex 'print 1 << 33' -ex 'print -16 >> 2' -ex 'print -16 >>> 28' -ex 'print ul + 1' \
	-ex 'print -ui' -ex 'print ~5 & 0xff ^ 3 | 8' -ex 'print fl * 2' -ex 'print ch + 1' \
	-ex 'print (char)(ch - 1)' -ex 'print (byte)300' -ex 'print (int)-2.7' \
	-ex 'print "n=" + n + yes' -ex 'print text.Length' -ex 'print text[3]' \
	-ex 'print n > 3 && !yes || n <= 5' -ex 'print n != 5 ? "no" : "yes"' \
	-ex 'print dog.Home.X + pt.Y' -ex 'print pet.Name' -ex 'print dog.Breed' \
	-ex 'print Animal.Created' -ex 'print Fixtures.Values.Animal.Created + 1' \
	-ex 'print int.MaxValue' -ex 'print sizeof(long)' -ex 'print grid[1, 2]' \
	-ex 'print jagged[1][0]' -ex 'print big[999]' -ex 'print color == Color.Green' \
	-ex 'print (int)color' -ex 'print Color.Blue' -ex 'print (Color)0' \
	-ex 'print access | Access.Exec' -ex 'print maybe + 1' -ex 'print nothing ?? 3' \
	-ex 'print none ?? "dflt"' -ex 'print dog?.Friend?.Name' -ex 'print dog.Friend.Friend?.Name' \
	-ex 'print pet is Dog' -ex 'print box is Animal' -ex 'print box as Animal' \
	-ex 'print (Animal)pet' -ex 'print pet == dog' -ex 'print pet == dog.Friend' \
	-ex 'print none == null' -ex 'print text == "a \"quoted\" word"' "$prog"
expect_out '^n \+ nums\[1\] \* 2 = 45$'
expect_out '^\(n \+ 1\) % 4 - 10 / 3 = -1$'
expect_out '^7 / 2.0 = 3.5$'
expect_out '^1 << 33 = 2$'
expect_out '^-16 >> 2 = -4$'
expect_out '^-16 >>> 28 = 15$'
expect_out '^ul \+ 1 = 18000000000000000001$'
expect_out '^-ui = -4000000000$'
expect_out '^~5 & 0xff \^ 3 \| 8 = 249$'
expect_out '^fl \* 2 = 3$'
expect_out '^ch \+ 1 = 123$'
expect_out "^\(char\)\(ch - 1\) = 'y'$"
expect_out '^\(byte\)300 = 44$'
expect_out '^\(int\)-2.7 = -2$'
expect_out '^"n=" \+ n \+ yes = "n=5True"$'
expect_out '^text.Length = 15$'
expect_out "^text\[3\] = 'q'$"
expect_out '^n > 3 && !yes \|\| n <= 5 = true$'
expect_out '^n != 5 \? "no" : "yes" = "yes"$'
expect_out '^dog.Home.X \+ pt.Y = 5$'
expect_out '^pet.Name = "generic"$'
expect_out '^dog.Breed = "beagle"$'
expect_out '^Animal.Created = 2$'
expect_out '^Fixtures.Values.Animal.Created \+ 1 = 3$'
expect_out '^int.MaxValue = 2147483647$'
expect_out '^sizeof\(long\) = 8$'
expect_out '^grid\[1, 2\] = 6$'
expect_out '^jagged\[1\]\[0\] = 2$'
expect_out '^big\[999\] = 998001$'
expect_out '^color == Color.Green = true$'
expect_out '^\(int\)color = 5$'
expect_out '^Color.Blue = Blue$'
expect_out '^\(Color\)0 = Red$'
expect_out '^access \| Access.Exec = Read \| Write \| Exec$'
expect_out '^maybe \+ 1 = 8$'
expect_out '^nothing \?\? 3 = 3$'
expect_out '^none \?\? "dflt" = "dflt"$'
expect_out '^dog\?.Friend\?.Name = "rex"$'
expect_out '^dog.Friend.Friend\?.Name = null$'
expect_out '^pet is Dog = true$'
expect_out '^box is Animal = false$'
expect_out '^box as Animal = null$'
expect_out '^\(Animal\)pet = \{Fixtures.Values.Dog\}'
expect_out '^pet == dog = true$'
expect_out '^pet == dog.Friend = false$'
expect_out '^none == null = true$'
expect_out '^text == "a \\"quoted\\" word" = true$'

# bad input: C#'s words, the session and the program unharmed
run_mixdbg -batch -ex "break Program.cs:$at" -ex run -ex 'print nosuch' -ex 'print n +' \
	-ex 'print nums.Foo' -ex 'print (Dog)box' -ex 'print 1/0' -ex 'print nums[5]' \
	-ex 'print dog.Friend.Friend.Name' -ex 'print n ? 1 : 2' -ex 'print yes + 1' \
	-ex 'print Fixtures.Nope.X' -ex 'print this' -ex 'print "abc' -ex 'set var by = 300' \
	-ex 'set var yes = 1' -ex 'set var pet = nums' -ex 'set var pt = pt' -ex 'set var 3 = n' \
	-ex 'print n' -ex continue "$prog"
expect_out "error CS0103: The name 'nosuch' does not exist in the current context"
expect_out 'error CS1733: Expected expression'
expect_out "'int\[\]' does not contain a definition for 'Foo'"
expect_out "Unable to cast object of type 'Fixtures.Values.Box<string>' to type 'Fixtures.Values.Dog'."
expect_out '^Attempted to divide by zero.$'
expect_out '^Index was outside the bounds of the array.$'
expect_out '^Object reference not set to an instance of an object.$'
expect_out "error CS0029: Cannot implicitly convert type 'int' to 'bool'"
expect_out "error CS0019: Operator '\+' cannot be applied to operands of type 'bool' and 'int'"
expect_out "error CS0234: The type or namespace name 'Nope' does not exist in the namespace 'Fixtures'"
expect_out "error CS0026: Keyword 'this' is not valid in a static"
expect_out 'error CS1010: Newline in constant'
expect_out "error CS0031: Constant value '300' cannot be converted to a 'byte'"
expect_out "error CS0030: Cannot convert type 'int' to 'bool'"
expect_out "error CS0029: Cannot implicitly convert type 'int\[\]' to 'Fixtures.Values.Animal'"
expect_out 'assigning a whole struct is not supported'
expect_out 'error CS0131: The left-hand side of an assignment must be a variable'
expect_out '^n = 5$'
expect_out '^result 25$'
expect_out 'exited normally'

# set var, then the program uses the new values: result = n + nums[1] = 40 + 99
run_mixdbg -batch -ex "break Program.cs:$at" -ex run -ex 'set var n = 40' \
	-ex 'set var nums[1] = 99' -ex 'set var color = Color.Blue' -ex 'set var db = n / 3.0' \
	-ex "set var ch = (char)65" -ex 'set var dog.Home.X = 77' -ex 'set var pt.Y = 9' \
	-ex 'set var none = text' -ex 'set var Animal.Created = 5' -ex 'set var maybe = 3' -ex 'set var nothing = null' \
	-ex 'set var dog.Friend = null' -ex 'print dog.Home' -ex 'print pt' -ex 'print Animal.Created' \
	-ex 'print dog.Friend' -ex continue "$prog"
expect_out '^dog.Home = \{Fixtures.Values.Point\} \{X = 77, Y = 4\}$'
expect_out '^pt = \{Fixtures.Values.Point\} \{X = 1, Y = 9\}$'
expect_out '^Animal.Created = 5$'
expect_out '^dog.Friend = null$'
# the program's own line: sb by sh us ui lg ul fl db dm ch yes text none color ...
expect_out '^-5 200 -300 60000 4000000000 -9000000000 18000000000000000000 1.5 13.333333333333334 -12.345 A True a "quoted" word a "quoted" word Blue 42 Read, Write 3 '
expect_out '^result 139$'

# a condition true once in 1,000 hits; then set the loop counter and see the sum change
run_mixdbg -batch -ex "break Program.cs:$loop" -ex 'condition 1 i == 500 && step == 3' -ex run \
	-ex 'print i' -ex 'print sum' -ex 'info breakpoints' -ex 'set var i = 998' -ex 'delete 1' \
	-ex continue "$prog"
expect_count 1 'hit Breakpoint 1'
expect_out '^i = 500$'
expect_out '^sum = 1494$'
expect_out 'stop only if i == 500 && step == 3'
# only the hits whose condition held count, as in gdb and for native breakpoints
expect_out 'breakpoint already hit 1 time$'
# 1494 + 3 (i = 500, the current step) + 5 (i = 999)
expect_out '^sum 1502 limit 10$'

# a condition that cannot be evaluated stops, saying why (as gdb does); a malformed one is
# refused when given
run_mixdbg -batch -ex "break Program.cs:$loop" -ex 'condition 1 nosuch > 1' \
	-ex 'condition 1 i >' -ex run -ex 'print i' -ex kill "$prog"
expect_out '^\(1,4\): error CS1733: Expected expression'
expect_out "Error in testing condition for breakpoint 1: error CS0103: The name 'nosuch' does not exist"
expect_out '^i = 0$'
# calls and properties in expressions (function evaluation, Evals fixture): getters, overloads,
# statics, calls on strings, a call that throws, wrong calls; a string typed into set var; a
# condition that would need a call is refused at the hit (it runs no code there)
evals="$FIXTURES/cs/Evals/Evals"
mark=$(grep -n 'MARK:stop' "$FIXTURES/cs-src/Evals/Program.cs" | cut -d: -f1)
run_mixdbg -batch -ex "break Program.cs:$mark" -ex run -ex 'print w.Area + 1' \
	-ex 'print w.Describe(k) + "!"' -ex 'print w.Describe(2, label)' \
	-ex 'print Widget.Twice(k) * 10' -ex 'print Fixtures.Widget.Sum(1, 2)' \
	-ex 'print w.Name.Length' -ex 'print label.ToUpper()' -ex 'print w.Broken' \
	-ex 'print w.Nope()' -ex 'print w.Describe(1, 2, 3)' -ex 'set var label = "new text"' \
	-ex 'set var w.Name = "renamed"' -ex 'print w.Name' -ex 'break Widget.Marked' \
	-ex 'condition 2 Area > 0' -ex continue -ex 'print n' -ex kill "$evals"
expect_out '^w.Area \+ 1 = 10$'
expect_out '^w.Describe\(k\) \+ "!" = "box x4!"$'
expect_out '^Widget.Twice\(k\) \* 10 = 80$'
expect_out '^Fixtures.Widget.Sum\(1, 2\) = 3$'
expect_out '^w.Name.Length = 3$'
expect_out '^label.ToUpper\(\) = "LBL"$'
expect_out "Exception of type 'System.InvalidOperationException' was thrown: Broken on purpose"
expect_out "'Fixtures.Widget' does not contain a definition for 'Nope'"
expect_out "No overload for method 'Describe' takes 3 arguments"
expect_out '^w.Name = "renamed"$'
expect_out '^ready 4new text5$'
expect_out "Error in testing condition for breakpoint 2: 'Area' is not a field here; if it is a property, its getter would run code"
expect_out '^n = 4$'
pass
