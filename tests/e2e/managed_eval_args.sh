#!/usr/bin/env bash
# Arguments as the called method really takes them, on the Evals fixture: a generic parameter T
# is the type argument (Echo<long>(-1) passes 8 bytes, Echo<double>(2) a double; a string for
# Echo<int>, an enum for a struct, are refused with C#'s CS1503), also for a generic class's constructor; numbers,
# bools, chars and enums passed for an object parameter are boxed in the program; enum
# constants are passed as their enum; `set var` of an object variable boxes a number; a struct
# where a box is needed is refused; whatis of a generic type with its arguments (List<int>). The
# program goes on and sees what was stored.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/cs/Evals/Evals"
src="$FIXTURES/cs-src/Evals/Program.cs"
stop=$(grep -n 'MARK:stop' "$src" | cut -d: -f1)

run_mixdbg -batch -ex "break Program.cs:$stop" -ex run -ex 'print Tools.Echo<long>(-1)' \
	-ex 'print Tools.Echo<long>(5000000000)' -ex 'print Tools.Echo<double>(2)' \
	-ex 'print Tools.Echo<string>("s")' -ex 'print Tools.Echo<long>(k)' \
	-ex 'print new Box<long>(-1).Get()' -ex 'print gbox.Pair<double>(1)' \
	-ex 'print Tools.Echo<int>("s")' -ex 'print Tools.Echo<int>(5000000000)' \
	-ex 'print Tools.Echo<string>(k)' -ex 'print Tools.Echo<long>(pair)' \
	-ex 'print Tools.Echo<Pair>(shade)' -ex 'print Tools.Echo<Pair>(pair)' \
	-ex 'print Tools.Show(5)' -ex 'print Tools.Show(k)' -ex 'print Tools.Show(-2.5)' \
	-ex "print Tools.Show('c')" -ex 'print Tools.Show(true)' -ex 'print Tools.Show(shade)' \
	-ex 'print Tools.Show(Shade.Dark)' -ex 'print Tools.Echo<object>(7)' \
	-ex 'print Tools.Show(pair)' \
	-ex 'print Tools.Kinds(1.0, true, (char)65, 1L, Shade.Dark)' \
	-ex 'print Tools.Echo<Shade>(Shade.Light)' -ex 'print Tools.Kinds(1.0, true, (char)65, 1L, 3)' \
	-ex 'set var any = 5000000000' -ex 'whatis any' -ex 'print any' \
	-ex 'set var any = Shade.Dark' -ex 'whatis any' -ex 'set var any = pair' \
	-ex 'set var label = 5' -ex 'set var any = label' -ex 'print any' -ex 'set var any = k' \
	-ex 'whatis any' -ex 'whatis List<int>' -ex 'whatis Dictionary<string, Dog>' \
	-ex 'whatis List<Box<long>>[]' -ex 'ptype Box<string>' -ex 'whatis Box<Nope>' \
	-ex 'whatis Box<int, int>' -ex 'print k' -ex continue "$prog"
expect_out '^Tools\.Echo<long>\(-1\) = -1$'
expect_out '^Tools\.Echo<long>\(5000000000\) = 5000000000$'
expect_out '^Tools\.Echo<double>\(2\) = 2$'
expect_out '^Tools\.Echo<string>\("s"\) = "s"$'
expect_out '^Tools\.Echo<long>\(k\) = 4$'
expect_out '^new Box<long>\(-1\)\.Get\(\) = -1$'
expect_out '^gbox\.Pair<double>\(1\) = "4&1"$'
expect_out "^error CS1503: Argument 1: cannot convert from 'string' to 'int'$"
expect_out "^error CS1503: Argument 1: cannot convert from 'long' to 'int'$"
expect_out "^error CS1503: Argument 1: cannot convert from 'int' to 'string'$"
expect_out "^error CS1503: Argument 1: cannot convert from 'Fixtures\.Pair' to 'long'$"
expect_out "^error CS1503: Argument 1: cannot convert from 'Fixtures\.Shade' to 'Fixtures\.Pair'$"
expect_out '^Tools\.Echo<Pair>\(pair\) = \{Fixtures\.Pair\} \{A = 2, B = 5\}$'
expect_out '^Tools\.Show\(5\) = "obj 5"$'
expect_out '^Tools\.Show\(k\) = "obj 4"$'
expect_out '^Tools\.Show\(-2\.5\) = "obj -2\.5"$'
expect_out "^Tools\.Show\('c'\) = \"obj c\"$"
expect_out '^Tools\.Show\(true\) = "obj True"$'
expect_out '^Tools\.Show\(shade\) = "obj Light"$'
expect_out '^Tools\.Show\(Shade\.Dark\) = "obj Dark"$'
expect_out '^Tools\.Echo<object>\(7\) = 7$'
expect_out "^a struct \('Fixtures\.Pair'\) cannot be passed for an object parameter: boxing is done for numbers, bool, char, enums and decimals only$"
expect_out '^Tools\.Kinds\(1\.0, true, \(char\)65, 1L, Shade\.Dark\) = "1 True A 1 Dark"$'
expect_out '^Tools\.Echo<Shade>\(Shade\.Light\) = Light$'
expect_out "^error CS1503: Argument 5: cannot convert from 'int' to 'Fixtures\.Shade'$"
expect_out '^type = object \(dynamic type: long\)$'
expect_out '^any = 5000000000$'
expect_out '^type = object \(dynamic type: Fixtures\.Shade\)$'
expect_out "^a struct \('Fixtures\.Pair'\) cannot be stored in a reference variable: boxing is done for numbers, bool, char, enums and decimals only$"
expect_out "^error CS0029: Cannot implicitly convert type 'int' to 'string'$"
expect_out '^any = "lbl"$'
expect_out '^type = object \(dynamic type: int\)$'
expect_out '^type = System\.Collections\.Generic\.List<int>$'
expect_out '^type = System\.Collections\.Generic\.Dictionary<string, Fixtures\.Dog>$'
expect_out '^type = System\.Collections\.Generic\.List<Fixtures\.Box<long>>\[\]$'
expect_out '^type = class Fixtures\.Box<string> \{$'
expect_out "^error CS0246: The type or namespace name 'Nope' could not be found$"
expect_out "^error CS0305: Using the generic type 'Fixtures\.Box<T>' requires 1 type arguments$"
expect_out '^k = 4$'
# the program goes on and prints what `any` holds last (k's 4, boxed)
expect_out '^ready 4lbl5$'
expect_out '^more rex3224Light1\.254$'
expect_out 'exited normally'
pass
