#!/bin/sh
# make kunit-qemu ARCH=x86_64|arm64: run the series' KUnit suites with the
# kernel's own kunit.py in QEMU (TCG, 4 vCPUs).  Every kernel/bpf/tests/*.kunitconfig
# fragment the series ships is merged into one kernel.  CONFIGS (fragments
# relative to the tree) and NAME (of the build directory) select another
# kernel, as bench-lock.sh does; FILTER (kunit.py's suite.test glob) runs
# only some tests.
set -e
. "$(dirname "$0")"/lib.sh

arch=${1:-x86_64}
ksrc=${KSRC:-build/linux}
out=${OUT:-$HOME/.cache/lsrq}
name=${NAME:-kunit}
build_dir=$out/$name-$arch
log=$out/$name-$arch.log
export CCACHE_DIR=${CCACHE_DIR:-$out/ccache}

case "$arch" in
x86_64)	set -- --arch=x86_64 --make_options "CC=ccache gcc" ;;
arm64)	set -- --arch=arm64 --cross_compile=aarch64-linux-gnu- \
		--make_options "CC=ccache aarch64-linux-gnu-gcc" ;;
*)	die "ARCH must be x86_64 or arm64, not '$arch'" ;;
esac

[ -f "$ksrc/tools/testing/kunit/kunit.py" ] || die "no kernel tree at $ksrc; run 'make tree'"
configs=${CONFIGS:-$(cd "$ksrc" && ls kernel/bpf/tests/*.kunitconfig 2>/dev/null)} ||
	die "the series in $ksrc ships no kernel/bpf/tests/*.kunitconfig"
for c in $configs; do
	set -- "$@" --kunitconfig="$c"
done

mkdir -p "$build_dir"
# One kunit.py at a time per build directory: two makes in one O= directory
# break each other's dependency files.
exec 9>"$build_dir.lock"
flock 9
echo "$name: $arch, configs: $(echo $configs), build dir $build_dir"
start=$(date +%s)
status=0
(cd "$ksrc" && python3 tools/testing/kunit/kunit.py run "$@" \
	--build_dir="$build_dir" --jobs="$(nproc)" --timeout=900 \
	--qemu_args='-smp 4' ${FILTER:+"$FILTER"}) > "$log" 2>&1 || status=$?
# kunit.py's parsed results start at the first "=====" banner.
sed -n '/=\{8,\}/,$p' "$log"
[ "$status" -eq 0 ] || tail -n 30 "$log"
echo "$name: $arch finished in $(( $(date +%s) - start )) s, status $status, log $log"
exit $status
