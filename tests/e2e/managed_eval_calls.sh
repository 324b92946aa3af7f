#!/usr/bin/env bash
# The C# evaluator's types and calls on the Evals fixture: whatis (a local declared as a base
# class holding a derived object says both types; a boxed int in an object), ptype of values
# and of type names (class with base, properties and constructors; struct; enum with values;
# static class; generic type; arrays and primitives); new (constructor overloads, a struct's
# default, a generic class, new string(c, n)); indexers of List and Dictionary; arguments of
# every primitive type, with C#'s implicit conversions, and null; struct methods; generic method
# calls and methods of generic classes; `call` (nothing shown for void); and bad input with C#'s
# words, the program going on afterwards: unknown names and types, wrong constructor
# arguments, an indexer on a type without one, a missing key, and code refused in a condition.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/cs/Evals/Evals"
src="$FIXTURES/cs-src/Evals/Program.cs"
stop=$(grep -n 'MARK:stop' "$src" | cut -d: -f1)

# whatis and ptype
run_mixdbg -batch -ex "break Program.cs:$stop" -ex run -ex 'whatis pet' -ex 'whatis any' \
	-ex 'whatis k' -ex 'whatis k * 1.5' -ex 'whatis label' -ex 'whatis list' \
	-ex 'whatis pet.Name' -ex 'whatis shade' -ex 'whatis Dog' -ex 'whatis w.Area' \
	-ex 'ptype shade' -ex 'ptype pet' -ex 'ptype pair' -ex 'ptype Fixtures.Box' \
	-ex 'ptype Tools' -ex 'ptype int' -ex 'ptype int[]' -ex 'ptype Dog[]' -ex 'ptype k' \
	-ex 'ptype nosuch' -ex 'whatis Nope.Type' -ex 'ptype 1 +' -ex 'print k' -ex continue \
	"$prog"
expect_out '^type = Fixtures\.Animal \(dynamic type: Fixtures\.Dog\)$'
expect_out '^type = object \(dynamic type: int\)$'
expect_out '^type = int$'
expect_out '^type = double$'
expect_out '^type = string$'
expect_out '^type = System\.Collections\.Generic\.List<int>$'
expect_out '^type = Fixtures\.Shade$'
expect_out '^type = Fixtures\.Dog$'
expect_out '^type = enum Fixtures\.Shade \{$'
expect_out '^    Dark = 0,$'
expect_out '^    Light = 3$'
expect_out '^type = class Fixtures\.Dog : Fixtures\.Animal \{$'
expect_out '^    public int Age \{ get; \}$'
expect_out '^    public string Owner \{ get; set; \}$'
expect_out '^    public Dog\(string name, int age\);$'
expect_out '^    public virtual string Sound\(\);$'
expect_out '^    public static int Legs\(\);$'
expect_out '^type = struct Fixtures\.Pair \{$'
expect_out '^    public int A;$'
expect_out '^    public int Sum\(\);$'
expect_out '^type = class Fixtures\.Box<T> \{$'
expect_out '^    public T Item;$'
expect_out '^    public string Pair<U>\(U other\);$'
expect_out '^type = static class Fixtures\.Tools \{$'
expect_out '^    public static T Echo<T>\(T x\);$'
expect_out '^type = int\[\]$'
expect_out '^type = Fixtures\.Dog\[\]$'
expect_out "^error CS0103: The name 'nosuch' does not exist in the current context$"
expect_out "^error CS0103: The name 'Nope' does not exist in the current context$"
expect_out "error CS1733: Expected expression"
expect_out '^k = 4$'
expect_out '^ready 4lbl5$'
expect_out 'exited normally'

# new, indexers, arguments, generic calls, call
run_mixdbg -batch -ex "break Program.cs:$stop" -ex run -ex 'print new Dog("max")' \
	-ex 'print new Dog("max", 7).Age' -ex 'print new Dog().Name' -ex 'print new Pair(3, 4)' \
	-ex 'print new Pair()' -ex 'print new Box<int>(9).Get()' -ex "print new string('a', 3)" \
	-ex 'print list[1] + list[2]' -ex 'print dict["two"]' -ex 'print dict[label + "x"]' \
	-ex 'print Tools.Kinds(2.5, true, (char)120, 5000000000L, shade)' \
	-ex 'print Tools.Small(7, -3, 9u, 1.5f)' -ex 'print Tools.Kinds(2, false, (char)65, k, shade)' \
	-ex 'print Tools.Count(null)' -ex 'print Tools.Show(null)' -ex 'print Tools.Show(pet)' \
	-ex 'print pair.Sum()' -ex 'print pair.ToString()' -ex 'print Tools.Echo<int>(3)' \
	-ex 'print Tools.Echo<string>("s")' -ex 'print Tools.Both<int, Dog>(1, pet)' \
	-ex 'print gbox.Get()' -ex 'print gbox.Pair<string>("x")' -ex 'call pet.Sound()' \
	-ex 'call w.Describe(1 + 2)' -ex 'call list.Clear()' -ex 'print list.Count' \
	-ex 'call k' -ex 'print Tools.Price(price)' \
	-ex 'print new Nope()' -ex 'print new Dog(1, 2, 3)' -ex 'print new Dog(5)' \
	-ex 'print new Box<int, int>(1)' -ex 'print w[0]' -ex 'print dict["zz"]' \
	-ex 'print Tools.Small(300, 1, 1u, 1f)' -ex 'print Tools.Show(5)' \
	-ex 'print Tools.Kinds(1.0, true, (char)65, 1L, Shade.Dark)' -ex 'print Tools.Echo<Nope>(1)' \
	-ex 'print Tools.Echo<int, int>(1)' -ex 'print new string(1)' -ex 'print new int[3]' \
	-ex 'print k' -ex continue "$prog"
expect_out '^new Dog\("max"\) = \{Fixtures\.Dog\} \{Age = 3, Owner = "ann", Name = "max", legs = 4\}$'
expect_out '^new Dog\("max", 7\)\.Age = 7$'
expect_out '^new Dog\(\)\.Name = "dog"$'
expect_out '^new Pair\(3, 4\) = \{Fixtures\.Pair\} \{A = 3, B = 4\}$'
expect_out '^new Pair\(\) = \{Fixtures\.Pair\} \{A = 0, B = 0\}$'
expect_out '^new Box<int>\(9\)\.Get\(\) = 9$'
expect_out "^new string\('a', 3\) = \"aaa\"$"
expect_out '^list\[1\] \+ list\[2\] = 13$'
expect_out '^dict\["two"\] = 2$'
expect_out "The given key 'lblx' was not present in the dictionary"
expect_out '^Tools\.Kinds\(2\.5, true, \(char\)120, 5000000000L, shade\) = "2\.5 True x 5000000000 Light"$'
expect_out '^Tools\.Small\(7, -3, 9u, 1\.5f\) = "7 -3 9 1\.5"$'
expect_out '^Tools\.Kinds\(2, false, \(char\)65, k, shade\) = "2 False A 4 Light"$'
expect_out '^Tools\.Count\(null\) = -1$'
expect_out '^Tools\.Show\(null\) = "null"$'
expect_out '^Tools\.Show\(pet\) = "obj Fixtures\.Dog"$'
expect_out '^pair\.Sum\(\) = 7$'
expect_out '^pair\.ToString\(\) = "\(2, 5\)"$'
expect_out '^Tools\.Echo<int>\(3\) = 3$'
expect_out '^Tools\.Echo<string>\("s"\) = "s"$'
expect_out '^Tools\.Both<int, Dog>\(1, pet\) = "1/Fixtures\.Dog"$'
expect_out '^gbox\.Get\(\) = 4$'
expect_out '^gbox\.Pair<string>\("x"\) = "4&x"$'
expect_out '^pet\.Sound\(\) = "rex says woof"$'
expect_out '^w\.Describe\(1 \+ 2\) = "box x3"$'
expect_not_out '^list\.Clear\(\)'
expect_out '^list\.Count = 0$'
expect_out '^k = 4$'
expect_out '^Tools\.Price\(price\) = 2\.50$'
expect_out "^error CS0246: The type or namespace name 'Nope' could not be found$"
expect_out "^error CS1729: 'Fixtures\.Dog' does not contain a constructor that takes 3 arguments$"
expect_out "^The best overloaded method match for 'Fixtures\.Dog\(string\)' has some invalid arguments$"
expect_out "^error CS0305: Using the generic type 'Fixtures\.Box<T>' requires 1 type arguments$"
expect_out "^error CS0021: Cannot apply indexing with \[\] to an expression of type 'Fixtures\.Widget'$"
expect_out "KeyNotFoundException' was thrown: The given key 'zz' was not present in the dictionary"
expect_out "^error CS0031: Constant value '300' cannot be converted to a 'byte'$"
expect_out '^Tools\.Show\(5\) = "obj 5"$'
expect_out '^Tools\.Kinds\(1\.0, true, \(char\)65, 1L, Shade\.Dark\) = "1 True A 1 Dark"$'
expect_out "^'Fixtures\.Tools' does not contain a generic method 'Echo' with 2 type parameters$"
expect_out '^new string\(\.\.\.\) is supported as new string\(char c, int count\) only$'
expect_out '^array creation \(new T\[n\]\) is not supported$'
expect_count 2 '^k = 4$'
# the program goes on: its list was cleared by the call
expect_out '^ready 4lbl5$'
expect_out '^more rex0224Light1\.253$'
expect_out 'exited normally'

# conditions run no code: new, calls and indexers are refused at the hit (the stop is made)
marked=$(grep -n 'MARK:marked' "$src" | cut -d: -f1)
run_mixdbg -batch -ex "break Program.cs:$stop if list[0] == 5" -ex run -ex 'print k' \
	-ex "break Program.cs:$marked if new Plain().Id == 5" -ex continue -ex 'print n' \
	-ex 'delete' -ex "break Program.cs:$marked if Tools.Count(\"ab\") == 2" -ex 'call Marked(1)' \
	-ex 'print n' -ex 'delete' -ex continue -ex continue "$prog"
expect_out "Error in testing condition for breakpoint 1: error CS0021: Cannot apply indexing with \[\] to an expression of type 'System\.Collections\.Generic\.List<int>' \(indexers are properties: a breakpoint condition does not run code in the program\)"
expect_out '^k = 4$'
expect_out "Error in testing condition for breakpoint 2: 'new' \(a constructor call\): a breakpoint condition does not run code in the program"
expect_out '^n = 4$'
# the condition of a breakpoint hit inside an explicit call: refused too, the call stops there
expect_out "Error in testing condition for breakpoint 3: a method call: a breakpoint condition does not run code in the program"
expect_out '^n = 1$'
expect_out 'has returned: 3$'
expect_out '^marked 9$'
expect_out 'exited normally'
pass
