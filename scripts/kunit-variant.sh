#!/bin/sh
# make kunit-paravirt | kunit-pseudo-nmi ARCH=arm64 | kunit-noevtstrm ARCH=arm64
#      | nmi-stress ARCH=x86_64|arm64 [SECS=60]:
# the series' rqspinlock KUnit suites in a kernel or on a machine that
# reaches the branches the default "make kunit-qemu" run cannot:
#
#   kunit-paravirt    x86_64, CONFIG_PARAVIRT + CONFIG_HYPERVISOR_GUEST: QEMU
#                     sets the hypervisor CPUID bit, virt_spin_lock_key is on
#                     and contended locks go to the test-and-set lock.
#                     Its own kernel build (NAME=kunit-paravirt).
#   kunit-pseudo-nmi  arm64, CONFIG_ARM64_PSEUDO_NMI on a GICv3 with
#                     irqchip.gicv3_pseudo_nmi=1: the NMI suite gets real
#                     (PMU overflow) NMIs.  Its own kernel build
#                     (NAME=kunit-nmi).
#   kunit-noevtstrm   arm64, the kunit-pseudo-nmi kernel booted with the
#                     timer event stream off, and without pseudo-NMIs: the
#                     timed wait spins, NMIs are emulated.
#   nmi-stress        the NMI stress suite for SECS seconds (default 60),
#                     in the default kernel on x86_64 and in the
#                     kunit-pseudo-nmi kernel on arm64; prints the per-CPU
#                     counts.
#
# Each variant fails when the branch it is for did not run (a skipped case
# or an NMI source other than the real one), not only on failed cases.
# FILTER overrides the suites run.
set -e
. "$(dirname "$0")"/lib.sh

variant=$1
arch=${2:-x86_64}
here=$(dirname "$0")
# The rqspinlock suites' fragments: the local storage suites need a much
# bigger kernel and do not depend on these branches.
rq=$(cd "${KSRC:-build/linux}" && ls kernel/bpf/tests/rqspinlock*.kunitconfig)

need_arch() {
	[ "$arch" = "$1" ] || die "$variant is for ARCH=$1, not $arch"
}

arm64_nmi_kernel() {
	export NAME=kunit-nmi
	export CONFIGS="$rq kernel/bpf/tests/rqspinlock_nmi_arm64.config"
}

pseudo_nmi() {
	arm64_nmi_kernel
	export QEMU_ARGS="-smp 4 -machine gic-version=3"
	kargs="irqchip.gicv3_pseudo_nmi=1"
}

kargs=
case "$variant" in
kunit-paravirt)
	need_arch x86_64
	export NAME=kunit-paravirt
	export CONFIGS="$rq kernel/bpf/tests/rqspinlock_paravirt.config"
	kargs="rqspinlock_paths_kunit.expect_virt_tas=1"
	filter='bpf_rqspinlock*'
	;;
kunit-pseudo-nmi)
	need_arch arm64
	pseudo_nmi
	filter='bpf_rqspinlock*'
	;;
kunit-noevtstrm)
	need_arch arm64
	arm64_nmi_kernel
	kargs="clocksource.arm_arch_timer.evtstrm=0 rqspinlock_paths_kunit.expect_evtstrm=0"
	filter='bpf_rqspinlock*'
	;;
nmi-stress)
	[ "$arch" = arm64 ] && pseudo_nmi
	kargs="$kargs rqspinlock_nmi_kunit.stress_secs=${SECS:-60}"
	filter=bpf_rqspinlock_nmi_stress
	;;
*)	die "unknown variant '$variant'" ;;
esac

export KERNEL_ARGS="${KERNEL_ARGS:+$KERNEL_ARGS }$kargs"
export FILTER="${FILTER:-$filter}"
status=0
"$here"/kunit-qemu.sh "$arch" || status=$?

out=${OUT:-$HOME/.cache/lsrq}
log=$out/${NAME:-kunit}-$arch.log
console=$out/${NAME:-kunit}-$arch/test.log

# must_pass CASE...: kunit.py reported each CASE as passed, not skipped.
must_pass() {
	for c in "$@"; do
		grep -qE "\[PASSED\] $c\$" "$log" || {
			echo "$variant: $c did not pass"
			status=1
		}
	done
}

case "$variant" in
kunit-paravirt)
	must_pass rqspinlock_paths_test_virt_tas ;;
kunit-noevtstrm)
	must_pass rqspinlock_paths_test_timewait ;;
kunit-pseudo-nmi)
	must_pass $(cd "${KSRC:-build/linux}" &&
		sed -n 's/^\tKUNIT_CASE[_A-Z]*(\(rqspinlock_nmi_test_[a-z0-9_]*\)).*/\1/p' \
			kernel/bpf/tests/rqspinlock_nmi_kunit.c) ;;
nmi-stress)
	must_pass rqspinlock_nmi_stress_test
	grep -E 'CPU [0-9]+ task: |NMIs in all' "$console" | sed 's/^.*# rqspinlock_nmi_stress_test: //' ;;
esac
# On arm64, the NMI source the suite chose, and why.
if [ "$arch" = arm64 ] && [ "$variant" != kunit-noevtstrm ]; then
	grep -E 'rqspinlock_nmi_kunit: |GICv3|NMI' "$console" | grep -v '^ *#\|ok [0-9]' || true
	grep -q '(PMU pseudo-NMI)' "$console" || {
		echo "$variant: the NMIs were not PMU pseudo-NMIs"
		status=1
	}
fi
echo "$variant: $arch, status $status"
exit $status
