#!/bin/sh
# make check / check-full: run each named step (a make target; NAME-arm64 means
# the target with ARCH=arm64), go on after a failure, and end with the summary
# line CI reads.  Step output goes to the terminal as it comes.
cd "$(dirname "$0")/.." || exit 1

passed=0 failed=0 failures=""
start=$(date +%s)
for step in "$@"; do
	case "$step" in
	*-arm64) target=${step%-arm64} arch=arm64 ;;
	*)	target=$step arch=x86_64 ;;
	esac
	echo "=== $step"
	t0=$(date +%s)
	if make --no-print-directory "$target" ARCH="$arch"; then
		passed=$((passed + 1))
		echo "=== $step: passed ($(( $(date +%s) - t0 )) s)"
	else
		failed=$((failed + 1))
		failures="$failures $step"
		echo "=== $step: FAILED ($(( $(date +%s) - t0 )) s)"
	fi
done
echo "check: $(( $(date +%s) - start )) s${failures:+, failed:$failures}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
