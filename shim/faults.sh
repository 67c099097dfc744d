#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make faults: lock-failure sweep over the storage suites, under ASan/LSan.
#
#   faults.sh BINARY [RUN-PREFIX]
#
# 1. The fault suite (shim_storage_faults) must pass: every injected error
#    reaches the caller, nothing changes, charges stay right.
# 2. A baseline run counts the acquisitions per lock site.  Then, for every
#    site x {EDEADLK, ETIMEDOUT}: fail every acquisition at the site, and
#    fail the 1st..NTH-th one, each in its own run of the other suites.
#    A run is
#      PASS   no sanitizer report, no crash or hang, no warning;
#      KNOWN  only what the design documents for that site: map_free failing
#             a bucket lock warns and leaks the element; destroy failing the
#             storage lock leaks the element and the storage (see README);
#      FAIL   anything else (use-after-free, double free, leak, warning,
#             sk_omem_alloc != 0 at socket destruction, crash, timeout).
#    Test cases may fail in these runs: they did not expect the error.
set -u

bin=$1
run=${2:-}
nth=${FAULT_NTH:-3}
suites=${FAULT_SUITES:-shim_storage_smoke,bpf_local_storage*}
tmo=${FAULT_TIMEOUT:-600}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=99}
export SHIM_KUNIT_TIMEOUT=${SHIM_KUNIT_TIMEOUT:-120}

fail=0
echo "faults: fault suite"
if ! timeout "$tmo" $run "$bin" --filter shim_storage_faults >"$out/suite.ktap" 2>"$out/suite.err"; then
	grep -E '^ *not ok|ERROR:|runtime error' "$out/suite.ktap" "$out/suite.err" | head -20
	echo "faults: FAIL shim_storage_faults"
	fail=1
else
	grep -E '^# Totals' "$out/suite.ktap"
fi

echo "faults: baseline (counting acquisitions per site)"
timeout "$tmo" $run "$bin" --filter "$suites" --fault '*:999999999:EDEADLK' \
	>/dev/null 2>"$out/base.err"
if grep -qE 'ERROR: AddressSanitizer|runtime error:|kernel BUG|shim: fatal' "$out/base.err"; then
	echo "faults: the baseline run (no fault fires) already fails; fix that first:"
	grep -E 'ERROR:|SUMMARY|#[0-9] ' "$out/base.err" | head -8 | sed 's/^/    /'
	exit 1
fi
sites=$(sed -n 's/^shim: site \([^ ]*\) hits \([0-9]*\)$/\1 \2/p' "$out/base.err" |
	awk '$2 > 0')
if [ -z "$sites" ]; then
	echo "faults: no lock site was hit (storage locks not failable in this tree?)"
	exit $fail
fi
echo "$sites" | sed 's/^/  site /; s/ \([0-9]*\)$/: \1 acquisitions/'

classify() {	# site errfile rc
	if ! grep -qE ' [1-9][0-9]* lock fault\(s\) injected' "$2"; then
		echo FAIL-nothing-injected; return
	fi
	if [ "$3" -ge 124 ] && [ "$3" -ne 99 ]; then
		echo FAIL-crash-or-timeout; return
	fi
	if grep -qE 'ERROR: AddressSanitizer|runtime error:|kernel BUG|shim: fatal' "$2"; then
		echo FAIL-memory-error; return
	fi
	leak=$(grep -c 'ERROR: LeakSanitizer' "$2")
	warns=$(grep '^WARNING: ' "$2" | grep -v 'err && in_map_free' | wc -l)
	mapfree=$(grep -c 'err && in_map_free' "$2")
	if [ "$warns" -gt 0 ]; then
		echo FAIL-warning; return
	fi
	case "$1" in
	map_free_b|b)	[ "$leak$mapfree" != 00 ] && { echo KNOWN; return; } ;;
	destroy_ls|ls)	[ "$leak" -gt 0 ] && [ "$mapfree" -eq 0 ] && { echo KNOWN; return; } ;;
	esac
	if [ "$leak" -gt 0 ] || [ "$mapfree" -gt 0 ]; then
		echo FAIL-leak; return
	fi
	echo PASS
}

printf '%-14s %-10s %-6s %s\n' site error nth result
echo "$sites" | while read -r site hits; do
	for err in EDEADLK ETIMEDOUT; do
		n=1
		for how in every $(seq 1 "$nth"); do
			[ "$how" != every ] && [ "$how" -gt "$hits" ] && continue
			f="$out/$site-$err-$how.err"
			timeout "$tmo" $run "$bin" --filter "$suites" --fault "$site:$how:$err" \
				>"$out/run.ktap" 2>"$f"
			rc=$?
			res=$(classify "$site" "$f" "$rc")
			printf '%-14s %-10s %-6s %s\n' "$site" "$err" "$how" "$res"
			case $res in FAIL*)
				grep -E 'ERROR:|WARNING:|SUMMARY|runtime error|BUG|fatal' "$f" | head -5 | sed 's/^/    /'
				echo "$site:$how:$err" >>"$out/failed";;
			esac
			n=$((n + 1))
		done
	done
done

if [ -s "$out/failed" ]; then
	echo "faults: FAIL ($(wc -l <"$out/failed") runs): $(tr '\n' ' ' <"$out/failed")"
	exit 1
fi
[ $fail -ne 0 ] && exit 1
echo "faults: all runs PASS or KNOWN"
exit 0
