#!/bin/sh
# make checkpatch: scripts/checkpatch.pl --strict on every patch of the series.
# Fails on any ERROR or WARNING; CHECKs are listed but do not fail.
set -e
. "$(dirname "$0")"/lib.sh

ksrc=${KSRC:-build/linux}
patches=$(cd "${PATCHES:-patches}" && pwd)
[ -x "$ksrc/scripts/checkpatch.pl" ] || die "no kernel tree at $ksrc; run 'make tree'"

errors=0 warnings=0 checks=0 n=0
for p in $(series_patches "$patches"); do
	n=$((n + 1))
	res=$(cd "$ksrc" && ./scripts/checkpatch.pl --strict --terse --no-summary \
		--show-types "$p" 2>&1) || true
	e=$(printf '%s\n' "$res" | grep -c ': ERROR:' || true)
	w=$(printf '%s\n' "$res" | grep -c ': WARNING:' || true)
	c=$(printf '%s\n' "$res" | grep -c ': CHECK:' || true)
	errors=$((errors + e)) warnings=$((warnings + w)) checks=$((checks + c))
	[ -z "$res" ] || printf '%s\n' "$res"
done
echo "checkpatch: $n patches, $errors errors, $warnings warnings, $checks checks"
[ "$errors" -eq 0 ] && [ "$warnings" -eq 0 ]
