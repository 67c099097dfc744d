#!/bin/sh
# make kunit-qemu ARCH=x86_64|arm64: run the series' KUnit suites with the
# kernel's own kunit.py in QEMU (TCG, 4 vCPUs).  The kernel/bpf/tests/*.kunitconfig
# fragments the series ships for every architecture (<name>.kunitconfig)
# and for this one (<name>.<arch>.kunitconfig) are merged into one kernel.
# A kernel complaint in the console log fails the run unless the case that
# provokes it declared it (see the end).  CONFIGS (fragments
# relative to the tree) and NAME (of the build directory) select another
# kernel, as bench-lock.sh does; FILTER (kunit.py's suite.test glob) runs
# only some tests; QEMU_ARGS (default "-smp 4") and KERNEL_ARGS are passed
# to kunit.py as --qemu_args and --kernel_args, TIMEOUT (s, default 900) as
# --timeout.
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
# <name>.kunitconfig applies to every architecture, <name>.<arch>.kunitconfig
# to <arch> only.
configs=${CONFIGS:-$(cd "$ksrc" && for c in kernel/bpf/tests/*.kunitconfig; do
	case "${c##*/}" in
	*."$arch".kunitconfig)	echo "$c" ;;
	*.*.kunitconfig)	;;
	*)			[ ! -f "$c" ] || echo "$c" ;;
	esac
done)}
[ -n "$configs" ] || die "the series in $ksrc ships no kernel/bpf/tests/*.kunitconfig"
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
	--build_dir="$build_dir" --jobs="$(nproc)" --timeout="${TIMEOUT:-900}" \
	--qemu_args="${QEMU_ARGS:--smp 4}" ${KERNEL_ARGS:+--kernel_args="$KERNEL_ARGS"} \
	${FILTER:+"$FILTER"}) > "$log" 2>&1 || status=$?
# kunit.py's parsed results start at the first "=====" banner.
sed -n '/=\{8,\}/,$p' "$log"
[ "$status" -eq 0 ] || tail -n 30 "$log"

# KUnit in 6.12 passes a case during which the kernel warned.  Fail the run
# on every kernel complaint in the console log (kunit.py's test.log) unless
# it is a WARNING from a file that the case declared beforehand with a
# "# <case>: expects WARNING at <file>" line; BUG, Oops, KASAN, UBSAN and
# lockdep reports cannot be declared.  A complaint belongs to the case whose
# result line ("ok"/"not ok") comes next.
splats=$build_dir/splats.txt
if [ -f "$build_dir/test.log" ]; then
	sed 's/^\[[ 0-9.]*\] //' "$build_dir/test.log" | awk -v splat="$KERNEL_SPLAT|UBSAN:|general protection fault" '
	function flush(where,    i, f) {
		sub(/^[ \t]+/, "", where)
		for (i = 1; i <= n; i++) {
			f = file[i]
			if (f != "" && (f in declared))
				printf "expected: %s: %s\n", where, line[i]
			else
				printf "UNEXPECTED: %s: %s\n", where, line[i]
		}
		n = 0
		delete declared
	}
	/# [^ ]+: expects WARNING at [^ ]+$/ { declared[$NF] = 1; next }
	/^[ \t]*(not )?ok [0-9]+ / { flush($0); next }
	# x86 reports NMI handlers that ran over 1 ms; under TCG a vCPU the
	# host descheduled in an NMI is enough, the NMI suite does it on purpose.
	/^INFO: NMI handler \(.*\) took too long to run/ { next }
	$0 ~ splat && !/Call Trace:/ {
		n++
		line[n] = $0
		file[n] = ""
		if (match($0, /^WARNING: CPU: [0-9]+ PID: [0-9]+ at [^ :]+:/)) {
			f = substr($0, RSTART, RLENGTH - 1)
			sub(/.* at /, "", f)
			file[n] = f
		}
	}
	END { flush("after the last result") }
	' > "$splats"
	grep '^expected: ' "$splats" || true
	if grep -q '^UNEXPECTED: ' "$splats"; then
		echo "$name: kernel complaints that no case declared:"
		grep '^UNEXPECTED: ' "$splats"
		[ "$status" -ne 0 ] || status=1
	fi
else
	echo "$name: no console log $build_dir/test.log to check for kernel complaints"
	[ "$status" -ne 0 ] || status=1
fi
echo "$name: $arch finished in $(( $(date +%s) - start )) s, status $status, log $log"
exit $status
