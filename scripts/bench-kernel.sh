#!/bin/sh
# make bench-kernel: the kernel's own local storage benchmarks
# (tools/testing/selftests/bpf/bench) and a spurious failure count, on stock
# 6.12 and on the series, side by side in QEMU (TCG).
# Usage: scripts/bench-kernel.sh KSRC [ARCH]        (ARCH: x86_64, the default)
# Env:   OUT (default ~/.cache/lsrq), ROUNDS (default 5), DURATION and WARMUP
#        (bench -d and -w, seconds; default 3 and 1), SPURIOUS_SECS (default 5),
#        POINTS (grep -E on the point names: a subset), JOBS (default 2),
#        TIMEOUT (per boot, seconds), SAVE=1 (write the results to docs/),
#        BASE (stock tree, default build/base; only read), KB_STOCK and
#        KB_PATCHED (build directories of kernels built otherwise, with the
#        same configuration: used as they are), ROUNDS=0 (build only),
#        NICE (of the builds, default 10) and RUN_NICE (of the guests,
#        default 0: a niced guest on a busy host measures its share of the
#        host's CPUs more than the kernel)
#
# 1. Guest kernels: stock 6.12 (BASE) and KSRC, tinyconfig plus
#    selftests/config.x86_64 and selftests/config-bench.x86_64, built with
#    O=$OUT/bench-kernel-x86_64/{stock,patched}/kbuild, one after the other.
# 2. bench and test_progs, built while the patched kernel builds: by KSRC's
#    own tools/testing/selftests/bpf Makefile with clang-19 in a staged copy
#    of that directory (symlinks, as in make selftests) that holds every
#    benchmark's progs and this repository's local_storage_spurious test
#    (selftests/prog_tests, selftests/progs).  vmlinux.h comes from the stock
#    kernel's BTF; the progs are CO-RE, the same binaries run on both kernels.
# 3. ROUNDS rounds, each booting stock then patched with the same QEMU
#    settings (2 vCPUs, each vCPU thread pinned to its own host CPU); each
#    boot runs the whole plan (selftests/bench-init.sh is PID 1).
# 4. scripts/bench-kernel-report.py: per point and kernel the median and the
#    range over the rounds, patched/stock of the medians and the range of the
#    per-round ratios; CSV and chart in $OUT/bench-kernel-x86_64/results, and
#    in docs/ with SAVE=1.  A run without SAVE=1 is compared point by point
#    with the committed docs/bench-kernel-summary.csv.
# Exits non-zero when a build fails or no round gave a result.  A guest that
# does not finish, or whose kernel logs a BUG/WARNING, is reported and the
# run goes on without that boot.
set -eu
. "$(dirname "$0")"/lib.sh

here=$(cd "$(dirname "$0")/.." && pwd)
ksrc=$(cd "${1:?usage: bench-kernel.sh KSRC [ARCH]}" && pwd)
arch=${2:-x86_64}
[ "$arch" = x86_64 ] || die "unsupported arch '$arch' (x86_64 only)"
base=${BASE:-$here/build/base}
[ -f "$base/Makefile" ] || "$here"/scripts/get-base.sh "$base"
base=$(cd "$base" && pwd)
out=${OUT:-$HOME/.cache/lsrq}
rounds=${ROUNDS:-5}
duration=${DURATION:-3}
warmup=${WARMUP:-1}
spurious_secs=${SPURIOUS_SECS:-5}
points=${POINTS:-.}
jobs=${JOBS:-2}
timeout=${TIMEOUT:-3600}
nice=${NICE:-10}
run_nice=${RUN_NICE:-0}
work=$out/bench-kernel-$arch
stage=$work/stage
rel=tools/testing/selftests/bpf
bpfdir=$stage/$rel
results=$work/results
export CCACHE_DIR="${CCACHE_DIR:-$out/ccache}"
# Run under make the sub-makes below must still be top-level makes (see
# scripts/selftests.sh): an empty OUTPUT would put the selftests build in /.
unset MAKEFLAGS MFLAGS MAKELEVEL

"$here"/scripts/install-deps.sh selftests kernel
if ! command -v gnuplot >/dev/null; then
	SUDO=
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get install -y -q gnuplot-nox >/dev/null
fi
now() { date +%s; }
log() { echo "bench-kernel: $*"; }

# --- 1. guest kernels --------------------------------------------------------
# One fragment made of both files, rewritten only when it changes, so that a
# kernel is configured again only then.
mkdir -p "$work"
cat "$here/selftests/config.$arch" "$here/selftests/config-bench.$arch" > "$work/config.new"
if cmp -s "$work/config.new" "$work/config"; then
	rm "$work/config.new"
else
	mv "$work/config.new" "$work/config"
fi
# Both kernels are built from the same path, $work/src, where the tree is
# bind-mounted in a mount namespace of the build: the patched kernel starts
# as a copy of the stock build, and make rebuilds what the series changed
# (the files that differ from the stock tree in size or time are touched,
# so that they are newer than the copied objects; fixdep follows headers and
# options).  A KSRC not made from the same base by a copy rebuilds it all.
src=$work/src
mkdir -p "$src"
kmake() {	# make of $ktree, seen at $src, with O=$kb
	nice -n "$nice" unshare -m --propagation private sh -c \
		'mount --bind "$1" "$2" && shift 2 && exec make "$@"' sh "$ktree" "$src" \
		-C "$src" O="$kb" ARCH=x86_64 CC="ccache gcc" "$@"
}
kernel() {	# TREE KBUILD [SEED]: build TREE in KBUILD, from a copy of SEED
	ktree=$1 kb=$2
	if [ ! -f "$kb/.config" ] && [ -n "${3:-}" ]; then
		rm -rf "$kb"
		mkdir -p "${kb%/*}"
		cp -a "$3" "$kb"
		rsync -rln --exclude=/.git --out-format=%n "$ktree/" "$base/" |
			(cd "$ktree" && while read -r f; do [ -f "$f" ] && touch "$f"; done)
		kmake -s olddefconfig
		grep '^CONFIG_' "$work/config" | while read -r want; do
			grep -qxF "$want" "$kb/.config" || die "$want not set in the guest config"
		done
	fi
	mkdir -p "$kb"
	if [ ! -f "$kb/.config" ] || [ "$work/config" -nt "$kb/.config" ]; then
		guest_config "$ktree" "$kb" "$work/config" kmake
	fi
	kmake -s -j"$jobs"
}
t0=$(now)
kb_stock=$work/stock/kbuild
kb_patched=$work/patched/kbuild
prebuilt() {	# KBUILD: a kernel built otherwise, with this configuration
	[ -f "$1/vmlinux" ] && [ -f "$1/arch/x86/boot/bzImage" ] ||
		die "no vmlinux or bzImage in $1"
	grep '^CONFIG_' "$work/config" | while read -r want; do
		grep -qxF "$want" "$1/.config" || die "$want not set in $1/.config"
	done
}
log "kernels: stock $base, patched $ksrc"
if [ -n "${KB_STOCK:-}" ]; then
	kb_stock=$KB_STOCK
	prebuilt "$kb_stock"
else
	kernel "$base" "$kb_stock"
fi
log "stock kernel build $(( $(now) - t0 )) s"

# --- 2. bench and test_progs -------------------------------------------------
link_all_but() {	# DIR DEST SKIP: symlink every entry of DIR into DEST but SKIP
	for e in "$1"/* "$1"/.[!.]*; do
		[ -e "$e" ] && [ "${e##*/}" != "$3" ] && ln -sfn "$e" "$2/"
	done
	return 0
}
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
# bench links every benchmark: all their progs are needed.
for s in $(sed -n 's/^#include "\(.*\)\.skel\.h"/\1/p' "$ksrc/$rel"/bench.c "$ksrc/$rel"/benchs/*.c); do
	ln -sf "$ksrc/$rel/progs/$s.c" "$bpfdir/progs/"
done
ln -sf "$here/selftests/prog_tests/local_storage_spurious.c" "$bpfdir/prog_tests/"
ln -sf "$here/selftests/progs/local_storage_spurious.c" "$bpfdir/progs/"
# Light and linked skeletons, extra files and the LLVM disassembler are not
# used: switched off, as in make selftests.  The progs are CO-RE: vmlinux.h
# comes from the stock kernel, so that this build runs beside the build of
# the patched kernel (none of them uses a type the series changes).
t1=$(now)
log "bench and test_progs build (log: $work/bench-build.log), beside the patched kernel"
nice -n "$nice" make -C "$bpfdir" -j"$jobs" -s OUTPUT="$bpfdir" \
	CLANG=clang-19 LLC=llc-19 LLVM_STRIP=llvm-strip-19 feature-llvm=0 \
	VMLINUX_BTF="$kb_stock/vmlinux" LSKELS= LSKELS_EXTRA= LINKED_SKELS= \
	TRUNNER_EXTRA_FILES= bench test_progs >"$work/bench-build.log" 2>&1 &
bpid=$!
trap 'kill "$bpid" 2>/dev/null' EXIT
if [ -n "${KB_PATCHED:-}" ]; then
	kb_patched=$KB_PATCHED
	prebuilt "$kb_patched"
else
	kernel "$ksrc" "$kb_patched" "$kb_stock"
fi
log "patched kernel build $(( $(now) - t1 )) s"
if ! wait "$bpid"; then
	tail -n 30 "$work/bench-build.log" >&2
	die "bench and test_progs build failed, see $work/bench-build.log"
fi
trap - EXIT
[ -x "$bpfdir/bench" ] && [ -x "$bpfdir/test_progs" ] ||
	die "no bench or test_progs in $bpfdir"
t2=$(now)
log "builds $((t2 - t0)) s"
[ "$rounds" -gt 0 ] || exit 0

# --- 3. the plan, and the rounds ---------------------------------------------
# One point a line: NAME COMMAND, run in $bpfdir by the guest's init.
b="bench -w $warmup -d $duration"
plan=$work/plan
{
	for type in task socket; do
		for batch in 16 32 64; do
			for prod in 1 2; do
				echo "create/$type/b$batch/p$prod $b -p $prod local-storage-create --storage-type $type --batch-size $batch"
			done
		done
	done
	for n in 1 10 16 17 24 32 100 1000; do
		echo "seq-get/$n $b --nr_maps $n local-storage-cache-seq-get"
		echo "int-get/$n $b --nr_maps $n local-storage-cache-int-get"
	done
	echo "hashmap-control $b --nr_maps 1 local-storage-cache-hashmap-control"
	echo "tasks-trace/100 $b --nr_procs 100 --kthread_pid @KTHREAD@ local-storage-tasks-trace"
	echo "spurious test_progs -v -t local_storage_spurious"
} | grep -E "^[^ ]*($points)" > "$plan" || die "POINTS='$points' selects no point"
log "$(wc -l < "$plan") points, $rounds rounds, bench -w $warmup -d $duration"

# pin_vcpus PID: pin each vCPU thread of QEMU PID to one host CPU (vCPU n on
# CPU n mod the number of CPUs).  TCG runs each vCPU in its own thread,
# named "CPU n/TCG" with debug-threads=on.
pin_vcpus() {
	local tries=0 n=0 t c ncpu
	ncpu=$(nproc)
	while [ "$n" -lt 2 ] && [ "$tries" -lt 100 ]; do
		sleep 0.1
		tries=$((tries + 1))
		n=0
		for t in /proc/"$1"/task/*; do
			c=$(cat "$t/comm" 2>/dev/null) || continue
			case "$c" in
			"CPU "*/TCG)
				c=${c#CPU }
				taskset -p -c $((${c%/TCG} % ncpu)) "${t##*/}" >/dev/null 2>&1 &&
					n=$((n + 1)) ;;
			esac
		done
	done
	[ "$n" -ge 2 ] || log "could not pin the vCPU threads of QEMU $1"
}

ok=0
boot() {	# NAME KBUILD RESULT-DIR
	local dir=$3 qpid spid rc=0
	rm -rf "$dir"
	mkdir -p "$dir"
	nice -n "$run_nice" timeout "$timeout" qemu-system-x86_64 -machine q35 -cpu max -smp 2 -m 2G \
		-name "bench-$1",debug-threads=on -nographic -no-reboot \
		-kernel "$2/arch/x86/boot/bzImage" \
		-virtfs local,path=/,mount_tag=root,security_model=none,readonly=on,multidevs=remap \
		-virtfs local,path="$dir",mount_tag=out,security_model=none \
		-append "console=ttyS0 root=root rootfstype=9p rootflags=trans=virtio,version=9p2000.L ro panic=-1 init=$here/selftests/bench-init.sh BK_DIR=$bpfdir BK_PLAN=$plan LS_SPURIOUS_SECS=$spurious_secs" \
		</dev/null >"$dir/console.log" 2>&1 &
	qpid=$!
	# The host's load average before and after: the guest shares the host.
	cut -d' ' -f1 /proc/loadavg > "$dir/host-load"
	sleep 0.5
	pin_vcpus "$(pgrep -P "$qpid" || echo "$qpid")"
	# and every 10 s while it runs (host-load-during: the mean in the report)
	while kill -0 "$qpid" 2>/dev/null; do
		cut -d' ' -f1 /proc/loadavg
		sleep 10
	done > "$dir/host-load-during" &
	spid=$!
	wait "$qpid" || rc=$?
	kill "$spid" 2>/dev/null || true
	wait "$spid" 2>/dev/null || true
	cut -d' ' -f1 /proc/loadavg >> "$dir/host-load"
	if ! grep -q '^=== end' "$dir/bench.log" 2>/dev/null; then
		log "$1 guest did not finish (qemu exit $rc), see $dir/console.log"
		mv "$dir" "$dir.failed"
		return 0
	fi
	if grep -qE "$KERNEL_SPLAT" "$dir/console.log"; then
		log "$1 kernel complained, see $dir/console.log"
		mv "$dir" "$dir.failed"
		return 0
	fi
	ok=$((ok + 1))
}

rm -rf "$results"
mkdir -p "$results"
r=1
while [ "$r" -le "$rounds" ]; do
	for k in stock patched; do
		t=$(now)
		if [ "$k" = stock ]; then kb=$kb_stock; else kb=$kb_patched; fi
		boot "$k" "$kb" "$results/$k-$r"
		log "round $r $k: $(( $(now) - t )) s"
	done
	r=$((r + 1))
done
t3=$(now)
log "runs $((t3 - t2)) s"
[ "$ok" -gt 0 ] || die "no guest finished"

# --- 4. numbers, chart, comparison -------------------------------------------
# What was measured: the git tree id that KSRC's commits export to, with
# patches/README beside them: HEAD:patches of the commit whose series it is.
tmp=$(mktemp -d)
export_series "$ksrc" "$tmp/patches"
cp "$here/patches/README" "$tmp/patches/"
git -C "$tmp/patches" init -q
git -C "$tmp/patches" add -A .
series="patches tree $(git -C "$tmp/patches" write-tree)"
rm -rf "$tmp"
python3 "$here"/scripts/bench-kernel-report.py "$results" "$here/docs" "$series" \
	"rounds=$rounds bench -w $warmup -d $duration, spurious $spurious_secs s, POINTS='$points'"
if [ "${SAVE:-0}" = 1 ]; then
	cp "$results"/bench-kernel.csv "$results"/bench-kernel-summary.csv \
		"$results"/bench-kernel.png "$here/docs/"
	log "results written to docs/"
fi
log "total $(( $(now) - t0 )) s"
