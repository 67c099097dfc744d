#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make faults: lock-failure sweep over the storage suites, under ASan/LSan.
#
#   faults.sh BINARY [RUN-PREFIX]
#
# 1. The fault suite (shim_storage_faults) must pass: every injected error
#    reaches the caller, nothing changes, charges stay right.
# 2. A baseline run (no fault fires) must be clean and counts the
#    acquisitions per lock site.  Then, for every site x {EDEADLK,
#    ETIMEDOUT}: fail every acquisition at the site, and fail the
#    1st..NTH-th one, each in its own run of the other suites.  A run is
#      PASS   no sanitizer report, no crash or hang, no warning, no leak;
#      KNOWN  the run hit the one warning the design gives for its site,
#             and nothing else: destroy failing the storage lock
#             (destroy_ls) warns "err && !in_map_free" and leaks the
#             element and the storage; map_free failing a bucket lock
#             (map_free_b) warns
#             "err && in_map_free" and leaks the element.  The shim matches
#             that warning (--expect-warn: file and condition text), any
#             other warning is unexpected; every direct leak must be an
#             element or a storage (allocated in bpf_selem_alloc() or
#             bpf_local_storage_alloc()), the rest only reachable from them;
#      FAIL   anything else (use-after-free, double free, unexpected
#             warning or leak, sk_omem_alloc != 0 at socket destruction,
#             crash, timeout).
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
	>"$out/base.ktap" 2>"$out/base.err"
rc=$?
if [ $rc -ne 0 ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|kernel BUG|shim: fatal' "$out/base.err" ||
   ! grep -qE '^shim: .* \(0 unexpected\)' "$out/base.err"; then
	echo "faults: the baseline run (no fault fires) already fails; fix that first:"
	grep -E 'ERROR:|SUMMARY|WARNING:|^shim: [a-zA-Z]|#[0-9] ' "$out/base.err" | head -8 | sed 's/^/    /'
	exit 1
fi
sites=$(sed -n 's/^shim: site \([^ ]*\) hits \([0-9]*\)$/\1 \2/p' "$out/base.err" |
	awk '$2 > 0')
if [ -z "$sites" ]; then
	echo "faults: no lock site was hit"
	exit 1
fi
echo "$sites" | sed 's/^/  site /; s/ \([0-9]*\)$/: \1 acquisitions/'

# The warning the design gives when a tear-down cannot take the lock of
# SITE, as FILE:COND for --expect-warn (SHIM_WARN_* in include/shim/kern.h);
# nothing for other sites.
LS_C=kernel/bpf/bpf_local_storage.c
known_warning() {
	case "$1" in
	destroy_ls)	echo "$LS_C:err && !in_map_free" ;;
	map_free_b)	echo "$LS_C:err && in_map_free" ;;
	esac
}

# Direct leaks (LSan) whose allocation stack is not in bpf_selem_alloc() or
# bpf_local_storage_alloc(): the one report block per leak, up to a blank line.
other_leaks() {
	awk '/^Direct leak/ { inblk = 1; ok = 0; next }
	     inblk && / in ([a-z]+__)?bpf_(selem|local_storage)_alloc / { ok = 1 }
	     inblk && /^$/ { if (!ok) n++; inblk = 0 }
	     END { if (inblk && !ok) n++; print n + 0 }' "$1"
}

# What a failed run shows: reports, the summary, where the first leak and
# the first memory error come from (frames of the kernel files and tests).
details() {
	grep -E 'ERROR:|WARNING:|SUMMARY|runtime error|BUG|fatal|^shim: (passed|FAILED)' "$1" | head -6
	for what in 'Direct leak' 'ERROR: AddressSanitizer'; do
		awk -v what="$what" 'index($0, what) { on = 1; next }
				    on && /^$/ { exit }
				    on && /^ +#[0-9]+ .* in /' "$1" |
			grep -vE ' (sim|kunit)/|libsanitizer|nptl|sysdeps|main\.c' | head -4
	done
}

classify() {	# site errfile rc
	if grep -qE 'ERROR: AddressSanitizer|runtime error:|kernel BUG|shim: fatal' "$2"; then
		echo FAIL-memory-error; return
	fi
	if [ "$3" -ge 124 ] && [ "$3" -ne 99 ]; then
		echo FAIL-crash-or-timeout; return
	fi
	if ! grep -qE ' [1-9][0-9]* lock fault\(s\) injected' "$2"; then
		echo FAIL-nothing-injected; return
	fi
	if ! grep -qE '^shim: .* \(0 unexpected\)' "$2"; then
		echo FAIL-warning; return
	fi
	leak=$(grep -c 'ERROR: LeakSanitizer' "$2")
	hits=$(sed -n 's/^shim: expected warning .* hits \([0-9]*\)$/\1/p' "$2")
	if [ "${hits:-0}" -gt 0 ]; then
		if [ "$leak" -gt 0 ] && [ "$(other_leaks "$2")" -gt 0 ]; then
			echo FAIL-leak-not-by-design; return
		fi
		echo KNOWN; return
	fi
	if [ "$leak" -gt 0 ]; then
		echo FAIL-leak; return
	fi
	echo PASS
}

printf '%-14s %-10s %-6s %s\n' site error nth result
echo "$sites" | while read -r site hits; do
	for err in EDEADLK ETIMEDOUT; do
		for how in every $(seq 1 "$nth"); do
			[ "$how" != every ] && [ "$how" -gt "$hits" ] && continue
			f="$out/$site-$err-$how.err"
			known=$(known_warning "$site")
			timeout "$tmo" $run "$bin" --filter "$suites" --fault "$site:$how:$err" \
				${known:+--expect-warn "$known"} >"$out/run.ktap" 2>"$f"
			rc=$?
			res=$(classify "$site" "$f" "$rc")
			printf '%-14s %-10s %-6s %s\n' "$site" "$err" "$how" "$res"
			case $res in FAIL*)
				details "$f" | sed 's/^/    /'
				echo "$site:$how:$err" >>"$out/failed";;
			esac
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
