#!/bin/sh
# make checkpatch: scripts/checkpatch.pl --strict on every patch of the series.
# Fails on any ERROR or WARNING; CHECKs are listed but do not fail.
# Accepted warning types, each for a reason that holds for this series:
#  NEW_TYPEDEFS       rqspinlock_t is a lock type used exactly like
#                     raw_spinlock_t and arch_spinlock_t, which are typedefs too;
#  ENOTSUPP           tests assert the -ENOTSUPP that get_next_key really returns;
#  FILE_PATH_CHANGES  files added or removed under kernel/bpf/ and
#                     tools/testing/selftests/bpf/, which MAINTAINERS covers;
#  UNKNOWN_COMMIT_ID  the "Upstream:" paragraphs cite upstream commits, which
#                     a 6.12 tree cannot contain.
set -e
. "$(dirname "$0")"/lib.sh

ksrc=${KSRC:-build/linux}
patches=$(cd "${PATCHES:-patches}" && pwd)
[ -x "$ksrc/scripts/checkpatch.pl" ] || die "no kernel tree at $ksrc; run 'make tree'"

# spdxcheck.py needs Debian's python3-ply, which a pyenv python3 first in PATH lacks.
PATH=/usr/bin:$PATH
errors=0 warnings=0 checks=0 n=0
for p in $(series_patches "$patches"); do
	n=$((n + 1))
	res=$(cd "$ksrc" && ./scripts/checkpatch.pl --strict --terse --no-summary \
		--show-types "$p" 2>&1) || true
	e=$(printf '%s\n' "$res" | grep -c ': ERROR:' || true)
	w=$(printf '%s\n' "$res" | grep ': WARNING:' | grep -vcE ':(NEW_TYPEDEFS|ENOTSUPP|FILE_PATH_CHANGES|UNKNOWN_COMMIT_ID):' || true)
	c=$(printf '%s\n' "$res" | grep -c ': CHECK:' || true)
	errors=$((errors + e)) warnings=$((warnings + w)) checks=$((checks + c))
	[ -z "$res" ] || printf '%s\n' "$res"
done
echo "checkpatch: $n patches, $errors errors, $warnings warnings, $checks checks"
[ "$errors" -eq 0 ] && [ "$warnings" -eq 0 ]
