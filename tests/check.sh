#!/usr/bin/env bash
# Runs the whole suite twice: a normal build, then an ASan+UBSan build, and prints the
# combined summary last. Exit status is non-zero if either run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
total_pass=0 total_fail=0 rc=0
for san in 0 1; do
	label=$([ "$san" = 1 ] && echo "asan+ubsan" || echo "plain")
	echo "=== test run: $label ==="
	log=$(mktemp)
	make -j2 SAN=$san test T="${T:-}" 2>&1 | tee "$log"
	[ "${PIPESTATUS[0]}" = 0 ] || rc=1
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	rm -f "$log"
	if [ -z "$line" ]; then
		echo "no summary from the $label run (build failure?)"
		total_fail=$((total_fail + 1))
		rc=1
		continue
	fi
	total_pass=$((total_pass + $(echo "$line" | cut -d' ' -f1)))
	total_fail=$((total_fail + $(echo "$line" | cut -d' ' -f3)))
done
echo "$total_pass passed, $total_fail failed"
exit $rc
