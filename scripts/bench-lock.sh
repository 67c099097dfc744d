#!/bin/sh
# make bench-lock ARCH=x86_64|arm64: boot a kernel with the rqspinlock
# microbenchmark (kernel/bpf/tests/rqspinlock_bench.c) under QEMU TCG with
# 4 vCPUs and print, from that one boot, ns per acquire+release of
# raw_spinlock_t and rqspinlock_t with 1, 2 and 4 CPUs contending, their
# throughput ratios and the ratios' geometric mean.
set -e
arch=${1:-x86_64}
out=${OUT:-$HOME/.cache/lsrq}

CONFIGS=kernel/bpf/tests/rqspinlock_bench.config NAME=bench-lock \
	"$(dirname "$0")"/kunit-qemu.sh "$arch" >/dev/null || {
	tail -n 40 "$out/bench-lock-$arch.log"
	exit 1
}
# kunit.py prints only the verdicts; the suite's kunit_info() lines are in
# the guest's raw output, which it keeps as test.log in the build directory.
raw=$out/bench-lock-$arch/test.log
grep -o 'bench: .*' "$raw" | sed "s/^bench:/bench-lock $arch:/"
grep -o 'ratio rqspinlock/raw_spinlock [0-9.]*' "$raw" |
	awk -v arch="$arch" '{ s += log($3); n++ }
		END { if (n) printf "bench-lock %s: geomean ratio over %d points %.3f\n", arch, n, exp(s / n) }'
