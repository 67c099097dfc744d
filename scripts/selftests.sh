#!/bin/sh
# make selftests: run the kernel's own BPF selftests for local storage on a
# kernel tree, in QEMU (TCG).
# Usage: scripts/selftests.sh KSRC [ARCH]        (ARCH: x86_64, the default)
# Env:   KERNEL (kernel tree to boot, default KSRC; the tests always come
#        from KSRC), STOCK=1 (KERNEL=build/base: the updated tests on stock
#        6.12: task_local_storage/recursion must fail there, the rest pass),
#        OUT (default ~/.cache/lsrq), TESTS (test_progs -t list),
#        JOBS (default 2), TIMEOUT (guest, seconds)
#
# 1. Guest kernel: tinyconfig + selftests/config.$ARCH, built from KERNEL with
#    O=$OUT/selftests-$ARCH-$(basename KERNEL)/kbuild.
# 2. test_progs: built by KSRC's own tools/testing/selftests/bpf/Makefile with
#    clang-19, in a staging copy of that directory (symlinks) that holds only
#    the prog_tests and progs the selected tests need, because the full suite
#    needs a kernel with every option of selftests/bpf/config.  vmlinux.h is
#    dumped by the Makefile from the guest kernel's BTF (VMLINUX_BTF).
# 3. Guest: the host's / over virtio-9p read-only as root, init is
#    selftests/init.sh, results come back through a read-write 9p share.
# Exits non-zero if test_progs reports a failure or does not report at all,
# or if the guest kernel logs a BUG/WARNING/Oops.
set -eu
. "$(dirname "$0")"/lib.sh

here=$(cd "$(dirname "$0")/.." && pwd)
ksrc=$(cd "${1:?usage: selftests.sh KSRC [ARCH]}" && pwd)
arch=${2:-x86_64}
if [ "${STOCK:-0}" = 1 ]; then
	kernel=$here/build/base
	[ -f "$kernel/Makefile" ] || "$here"/scripts/get-base.sh "$kernel"
else
	kernel=${KERNEL:-$ksrc}
fi
kernel=$(cd "$kernel" && pwd)
out=${OUT:-$HOME/.cache/lsrq}
jobs=${JOBS:-2}
tests=${TESTS:-task_local_storage,test_local_storage,cgrp_local_storage,sk_storage_omem_uncharge,sk_storage_tracing,rcu_read_lock,btf_dump}
timeout=${TIMEOUT:-3600}
work=$out/selftests-$arch-$(basename "$kernel")
kbuild=$work/kbuild
stage=$work/stage
bpfdir=$stage/tools/testing/selftests/bpf
results=$work/results
export CCACHE_DIR="${CCACHE_DIR:-$out/ccache}"
# Run under make (make selftests) the sub-makes below must still be top-level
# makes: tools/testing/selftests/lib.mk only defaults OUTPUT to the current
# directory when MAKELEVEL is 0, and an empty OUTPUT puts the build in /.
unset MAKEFLAGS MFLAGS MAKELEVEL

case "$arch" in
x86_64)	image=arch/x86/boot/bzImage
	qemu="qemu-system-x86_64 -machine q35 -cpu max -smp 2 -m 2G"
	console=ttyS0 ;;
*)	echo "selftests: unsupported arch '$arch'" >&2; exit 2 ;;
esac
fragment=$here/selftests/config.$arch

"$here"/scripts/install-deps.sh selftests kernel
mkdir -p "$kbuild" "$results"
now() { date +%s; }
log() { echo "selftests: $*"; }

# --- 1. guest kernel -------------------------------------------------------
t0=$(now)
log "kernel: $kernel, tests: $ksrc/tools/testing/selftests/bpf"
kmake() { nice -n 10 make -C "$kernel" O="$kbuild" ARCH="$arch" CC="ccache gcc" "$@"; }
if [ ! -f "$kbuild/.config" ] || [ "$fragment" -nt "$kbuild/.config" ]; then
	guest_config "$kernel" "$kbuild" "$fragment" kmake
fi
kmake -s -j"$jobs"
t1=$(now)
log "kernel build $((t1 - t0)) s"

# --- 2. test_progs ---------------------------------------------------------
# Stage tools/testing/selftests/bpf with symlinks: every other file of the
# tree stays the real one, prog_tests/ and progs/ get only what is needed.
link_all_but() {	# DIR DEST SKIP: symlink every entry of DIR into DEST but SKIP
	for e in "$1"/* "$1"/.[!.]*; do
		[ -e "$e" ] && [ "${e##*/}" != "$3" ] && ln -sfn "$e" "$2/"
	done
	return 0
}
rel=tools/testing/selftests/bpf
mkdir -p "$bpfdir/prog_tests" "$bpfdir/progs"
link_all_but "$ksrc" "$stage" tools
link_all_but "$ksrc/tools" "$stage/tools" testing
link_all_but "$ksrc/tools/testing" "$stage/tools/testing" selftests
link_all_but "$ksrc/tools/testing/selftests" "$stage/tools/testing/selftests" bpf
for e in "$ksrc/$rel"/* "$ksrc/$rel"/.[!.]*; do
	case "${e##*/}" in
	prog_tests|progs) ;;
	*) [ ! -e "$e" ] || [ -e "$bpfdir/${e##*/}" ] || ln -s "$e" "$bpfdir/" ;;
	esac
done
rm -f "$bpfdir"/prog_tests/*.c "$bpfdir"/prog_tests/tests.h "$bpfdir"/progs/*.c
ln -sf "$ksrc/$rel"/prog_tests/*.h "$bpfdir/prog_tests/"
ln -sf "$ksrc/$rel"/progs/*.h "$bpfdir/progs/"
ln -sf "$ksrc/$rel/progs/btf_data.c" "$bpfdir/progs/"	# for resolve_btfids
for t in $(echo "$tests" | tr ',' ' ' | sed 's,/[^ ]*,,g'); do
	src=$ksrc/$rel/prog_tests/$t.c
	[ -f "$src" ] || { echo "selftests: no $rel/prog_tests/$t.c" >&2; exit 1; }
	ln -sf "$src" "$bpfdir/prog_tests/"
	for s in $(sed -n 's/^#include "\(.*\)\.skel\.h"/\1/p' "$src"); do
		ln -sf "$ksrc/$rel/progs/$s.c" "$bpfdir/progs/"
	done
done
# btf_dump reads its test case sources and BPF objects, and the BTF of
# xdping_kern.bpf.o, at run time; no prog_tests file includes their skeletons.
[ ! -e "$bpfdir/prog_tests/btf_dump.c" ] ||
	ln -sf "$ksrc/$rel"/progs/btf_dump_test_case_*.c \
		"$ksrc/$rel/progs/xdping_kern.c" "$bpfdir/progs/"

# Light (LSKELS) and linked skeletons, extra files (modules, helpers) and the
# LLVM disassembler are not used by these tests: switch them off.
nice -n 10 make -C "$bpfdir" -j"$jobs" -s OUTPUT="$bpfdir" \
	CLANG=clang-19 LLC=llc-19 LLVM_STRIP=llvm-strip-19 feature-llvm=0 \
	VMLINUX_BTF="$kbuild/vmlinux" LSKELS= LSKELS_EXTRA= LINKED_SKELS= \
	TRUNNER_EXTRA_FILES= test_progs
[ -x "$bpfdir/test_progs" ] || { echo "selftests: no $bpfdir/test_progs" >&2; exit 1; }
t2=$(now)
log "test_progs build $((t2 - t1)) s"

# --- 3. boot and run -------------------------------------------------------
rm -f "$results"/test_progs.log "$results"/summary.json
log "booting $arch guest, tests: $tests"
set +e
timeout "$timeout" $qemu -nographic -no-reboot \
	-kernel "$kbuild/$image" \
	-virtfs local,path=/,mount_tag=root,security_model=none,readonly=on,multidevs=remap \
	-virtfs local,path="$results",mount_tag=out,security_model=none \
	-append "console=$console root=root rootfstype=9p rootflags=trans=virtio,version=9p2000.L ro panic=-1 init=$here/selftests/init.sh ST_DIR=$bpfdir ST_TESTS=$tests" \
	</dev/null >"$results/console.log" 2>&1
qemu_rc=$?
set -e
t3=$(now)
log "boot+run $((t3 - t2)) s (qemu exit $qemu_rc), console: $results/console.log"

# --- verdict ---------------------------------------------------------------
# From test_progs' --json-summary: every test and subtest with its result,
# and the counts; the log only for the reader.
rm -f "$results/summary.txt"
python3 - "$results/summary.json" > "$results/summary.txt" <<'PY' || true
import json, sys
s = json.load(open(sys.argv[1]))
for t in s["results"]:
    print("%s %s" % ("FAIL" if t["failed"] else "ok  ", t["name"]))
    for st in t["subtests"]:
        print("%s %s/%s" % ("FAIL" if st["failed"] else "ok  ", t["name"], st["name"]))
print("counts %d %d %d %d" % (s["success"], s["success_subtest"], s["skipped"], s["failed"]))
PY
if ! grep -q '^counts ' "$results/summary.txt" 2>/dev/null; then
	tail -n 30 "$results/console.log" >&2
	echo "selftests: no test_progs JSON summary in $results/summary.json" >&2
	exit 1
fi
grep -v '^counts ' "$results/summary.txt"
set -- $(sed -n 's/^counts //p' "$results/summary.txt")
passed=$1 subtests=$2 skipped=$3 failed=$4
status=$(sed -n 's/^test_progs exit status: //p' "$results/test_progs.log")
splats=$(grep -cE "$KERNEL_SPLAT" "$results/console.log" || true)
[ "$splats" -eq 0 ] ||
	echo "selftests: $splats kernel BUG/WARNING/Oops lines in $results/console.log" >&2
[ "$status" = 0 ] || echo "selftests: test_progs exit status ${status:-unknown}" >&2
echo "selftests: $passed passed ($subtests subtests), $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" = 0 ] && [ "$splats" -eq 0 ]
