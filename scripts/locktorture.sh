#!/bin/sh
# make locktorture ARCH=x86_64|arm64: run the kernel's locktorture on the
# series' rqspinlock lock types in QEMU (TCG, 4 vCPUs).
# Env: KSRC (default build/linux), OUT (default ~/.cache/lsrq),
#      TYPES (locktorture.torture_type values, one boot each; default the
#      two rqspinlock types and raw_spin_lock to compare with),
#      SECS (torture time per type, default 30), JOBS (default nproc).
#
# The guest is tinyconfig + locktorture/config{,.$ARCH} with locktorture
# built in and an initramfs holding only a do-nothing init built with the
# kernel's nolibc, the way rcutorture's kvm.sh builds its guests (kvm.sh
# itself insists on KVM, which does not work nested here).  locktorture
# powers the guest off after SECS; a type passes when the console shows
# "End of test: SUCCESS" and no BUG, WARNING (lockdep's reports are
# WARNINGs), INFO (stalls), Oops or panic.
set -eu
. "$(dirname "$0")"/lib.sh

here=$(cd "$(dirname "$0")/.." && pwd)
arch=${1:-x86_64}
ksrc=$(cd "${KSRC:-build/linux}" && pwd)
out=${OUT:-$HOME/.cache/lsrq}
types=${TYPES:-raw_res_spin_lock raw_res_spin_lock_irq raw_spin_lock}
secs=${SECS:-30}
jobs=${JOBS:-$(nproc)}
work=$out/locktorture-$arch
kbuild=$work/kbuild
export CCACHE_DIR=${CCACHE_DIR:-$out/ccache}

case "$arch" in
x86_64)	cross= image=arch/x86/boot/bzImage console=ttyS0
	qemu="qemu-system-x86_64 -machine q35 -cpu max" ;;
arm64)	cross=aarch64-linux-gnu- image=arch/arm64/boot/Image console=ttyAMA0
	qemu="qemu-system-aarch64 -machine virt -cpu max" ;;
*)	die "ARCH must be x86_64 or arm64, not '$arch'" ;;
esac
[ -f "$ksrc/kernel/locking/locktorture.c" ] || die "no kernel tree at $ksrc; run 'make tree'"
grep -q raw_res_spin_lock "$ksrc/kernel/locking/locktorture.c" ||
	die "$ksrc has no rqspinlock lock types in locktorture"

mkdir -p "$kbuild" "$work/initramfs"
exec 9>"$work.lock"
flock 9

# The initramfs: /init only.  Replaced (and so the kernel relinked) only
# when the binary changes.
"${cross}gcc" -Wall -Wextra -Werror -Os -static -nostdlib \
	-fno-asynchronous-unwind-tables -include "$ksrc/tools/include/nolibc/nolibc.h" \
	-o "$work/init.new" "$here/locktorture/init.c" -lgcc
cmp -s "$work/init.new" "$work/initramfs/init" || mv "$work/init.new" "$work/initramfs/init"

fragment=$work/config
cat "$here/locktorture/config" "$here/locktorture/config.$arch" > "$fragment.new"
echo "CONFIG_INITRAMFS_SOURCE=\"$work/initramfs\"" >> "$fragment.new"
kmake() { make -C "$ksrc" O="$kbuild" ARCH="$arch" CROSS_COMPILE="$cross" \
	CC="ccache ${cross}gcc" "$@"; }
if ! cmp -s "$fragment.new" "$fragment" || [ ! -f "$kbuild/.config" ]; then
	mv "$fragment.new" "$fragment"
	guest_config "$ksrc" "$kbuild" "$fragment" kmake
fi
start=$(date +%s)
kmake -s -j"$jobs"
echo "locktorture: $arch kernel built in $(( $(date +%s) - start )) s"

passed=0 failed=0
for type in $types; do
	log=$work/$type.log
	# -no-reboot: the power-off at the end (or a panic) ends QEMU.
	timeout $((secs + 300)) $qemu -smp 4 -m 512 -nographic -no-reboot \
		-kernel "$kbuild/$image" \
		-append "console=$console panic=-1 locktorture.torture_type=$type locktorture.shutdown_secs=$secs locktorture.stat_interval=$secs" \
		</dev/null >"$log" 2>&1 || true
	# The last statistics line: "Writes:  Total: N  Max/Min: a/b  Fail: 0"
	stats=$(grep -o 'Writes: .*' "$log" | tail -n 1)
	# rqspinlock types: "<type>: N acquisitions timed out" (they skip the
	# critical section then; they never retry).
	timeouts=$(grep -o '[0-9]* acquisitions timed out' "$log" | tail -n 1)
	[ -z "$timeouts" ] || stats="$stats; $timeouts"
	if grep -q 'End of test: SUCCESS' "$log" &&
	   ! grep -qE "$KERNEL_SPLAT" "$log"; then
		passed=$((passed + 1))
		echo "locktorture: $arch $type PASS: $stats"
	else
		failed=$((failed + 1))
		echo "locktorture: $arch $type FAIL: $stats (console: $log)"
		tail -n 20 "$log"
	fi
done
echo "locktorture: $arch $passed passed, $failed failed"
[ "$failed" -eq 0 ]
