#!/usr/bin/env bash
# C# values shown as a C# programmer reads them, on the Evals fixture, with implicit
# evaluation off (nothing runs in the program): List, Dictionary, HashSet, Queue and Stack as
# their elements ("Count = 3 {5, 6, 7}", a dictionary's by key, a freed slot skipped, a
# queue's wrapped ring in order, a stack from its top), cut at `set print elements`; a
# variable declared as a base class or object holding another type shows both types; a nested
# type of a generic type keeps its name (Dictionary<string, int>.Entry); typeof(T)'s Name,
# FullName and Namespace; other members of typeof refused with the reason, the session going
# on.
source "$(dirname "$0")/../lib.sh"
set -u
prog="$FIXTURES/cs/Evals/Evals"
src="$FIXTURES/cs-src/Evals/Program.cs"
stop=$(grep -n 'MARK:stop' "$src" | cut -d: -f1)

run_mixdbg -batch -ex 'set eval-implicit off' -ex "break Program.cs:$stop" -ex run \
	-ex 'info locals' -ex 'print pet' -ex 'print w' -ex 'print any' -ex 'print pets[0]' \
	-ex 'print dict._entries' -ex 'whatis gbox.Item' -ex 'set print elements 2' \
	-ex 'print list' -ex 'print typeof(Dog).Name' -ex 'print typeof(Plain.Inner).FullName' \
	-ex 'print typeof(Fixtures.Plain.Inner).Namespace' -ex 'print typeof(int).Name' \
	-ex 'print typeof(Dog).BaseType' -ex 'print typeof(Dog).Name == "Dog"' -ex 'print k' \
	-ex continue "$prog"
G='System\.Collections\.Generic'
expect_out "^list = \{$G\.List<int>\} Count = 3 \{5, 6, 7\}$"
expect_out "^dict = \{$G\.Dictionary<string, int>\} Count = 2 \{\[\"one\"\] = 1, \[\"two\"\] = 2\}$"
expect_out "^sparse = \{$G\.Dictionary<string, int>\} Count = 2 \{\[\"a\"\] = 1, \[\"c\"\] = 3\}$"
expect_out "^tags = \{$G\.HashSet<string>\} Count = 2 \{\"red\", \"blue\"\}$"
expect_out "^queue = \{$G\.Queue<int>\} Count = 2 \{9, 10\}$"
expect_out "^stack = \{$G\.Stack<int>\} Count = 2 \{2, 1\}$"
expect_out "^pets = \{$G\.List<Fixtures\.Animal>\} Count = 2 \{\{Fixtures\.Dog\}, \{Fixtures\.Animal\}\}$"
expect_out "^counts = \{$G\.Dictionary<int, Fixtures\.Animal>\} Count = 1 \{\[7\] = \{Fixtures\.Dog\}\}$"
expect_out "^lists = \{$G\.List<int>\[2\]\} \{\{$G\.List<int>\}, \{$G\.List<int>\}\}$"
expect_not_out '_items|_size'
# declared and dynamic types: both where they differ, as before where they agree
expect_count 2 '^pet = \(Fixtures\.Animal\) \{Fixtures\.Dog\} \{Age = 3, Owner = "ann", Name = "rex", legs = 4\}$'
expect_count 2 '^w = \{Fixtures\.Widget\} \{'
expect_count 2 '^any = 3$'
expect_out '^pets\[0\] = \{Fixtures\.Dog\} \{Age = 3, Owner = "ann", Name = "a", legs = 4\}$'
expect_out "^dict\._entries = \{$G\.Dictionary<string, int>\.Entry\[3\]\} \{\{$G\.Dictionary<string, int>\.Entry\}, "
# a field of generic type T is no declared type to compare
expect_out '^type = int$'
expect_out "^list = \{$G\.List<int>\} Count = 3 \{5, 6, \.\.\.\}$"
expect_out '^typeof\(Dog\)\.Name = "Dog"$'
expect_out '^typeof\(Plain\.Inner\)\.FullName = "Fixtures\.Plain\+Inner"$'
expect_out '^typeof\(Fixtures\.Plain\.Inner\)\.Namespace = "Fixtures"$'
expect_out '^typeof\(int\)\.Name = "Int32"$'
expect_out '^typeof\(Dog\)\.BaseType: only Name, FullName .* and Namespace are known here, read from the metadata \(a System\.Type object needs code run in the program\)$'
expect_out '^typeof\(Dog\)\.Name == "Dog" = true$'
expect_out '^k = 4$'
expect_out 'exited normally'
pass
