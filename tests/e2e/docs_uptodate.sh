#!/usr/bin/env bash
# docs/commands.md is generated from the command table; it must match the binary, and
# `help` lists every command of that table.
source "$(dirname "$0")/../lib.sh"
set -u
doc="$(dirname "$0")/../../docs/commands.md"
diff -u "$doc" <("$MIXDBG" --help-commands-markdown) >&2 ||
	fail "docs/commands.md is stale: run 'make docs'"
run_mixdbg -batch -ex help -ex 'help break' -ex 'help nosuch'
for cmd in $(sed -n 's/^## `\([^`]*\)`$/\1/p' "$doc" | tr ' ' '_'); do
	expect_out "^  ${cmd//_/ } "
done
expect_out '^break \[LOCATION\] \[if CONDITION\]$'
expect_out 'Undefined command: "nosuch"'
pass
