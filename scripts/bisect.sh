#!/bin/sh
# make bisect: apply the series one patch at a time and, after each, build with
# -Werror every object the series touches that exists at that point (x86_64,
# a config with the BPF syscall, cgroups, inet, BPF LSM and the series' KUnit
# suites).  Proves that every patch builds on its own.
set -e
. "$(dirname "$0")"/lib.sh

ksrc=${KSRC:-build/linux}
out=${OUT:-$HOME/.cache/lsrq}
wt=$out/bisect-src
obj=$out/bisect-obj
export CCACHE_DIR=${CCACHE_DIR:-$out/ccache}
make_k() {
	nice -n 5 make -s -C "$wt" O="$obj" CC="ccache gcc" -j"$(nproc)" \
		KCFLAGS="-Werror -Werror=unused-result" "$@"
}

[ -e "$ksrc/.git" ] || die "no git tree at $ksrc; run 'make tree'"
commits=$(git -C "$ksrc" rev-list --reverse base..HEAD)
[ -n "$commits" ] || die "the series is empty"
sources=$(git -C "$ksrc" diff --name-only --diff-filter=AM base HEAD -- '*.c' |
	grep -vE '^(tools|scripts|samples|Documentation)/' || true)

git -C "$ksrc" worktree remove --force "$wt" 2>/dev/null || rm -rf "$wt"
git -C "$ksrc" worktree prune
git -C "$ksrc" worktree add -q --detach "$wt" base
mkdir -p "$obj"
cat > "$obj/bisect.config" <<'CFG'
CONFIG_SMP=y
CONFIG_BPF_SYSCALL=y
CONFIG_BPF_JIT=y
CONFIG_CGROUPS=y
CONFIG_CGROUP_BPF=y
CONFIG_NET=y
CONFIG_INET=y
CONFIG_SECURITY=y
CONFIG_BPF_LSM=y
CONFIG_BPF_EVENTS=y
CONFIG_KUNIT=y
CONFIG_BPF_RQSPINLOCK_KUNIT_TEST=y
CONFIG_BPF_LOCAL_STORAGE_KUNIT_TEST=y
CONFIG_LOCK_TORTURE_TEST=y
CONFIG_LOCK_EVENT_COUNTS=y
CFG

n=0 failed=0
for c in $commits; do
	n=$((n + 1))
	git -C "$wt" checkout -q --detach "$c"
	[ -f "$obj/.config" ] || make_k defconfig
	(cd "$wt" && ./scripts/kconfig/merge_config.sh -m -O "$obj" "$obj/.config" \
		"$obj/bisect.config" >/dev/null)
	make_k olddefconfig
	targets=""
	for s in $sources; do
		[ -f "$wt/$s" ] && targets="$targets ${s%.c}.o"
	done
	if make_k $targets >"$obj/build.log" 2>&1; then
		echo "bisect: ok   $n $(git -C "$wt" log -1 --format=%s)"
	else
		failed=$((failed + 1))
		echo "bisect: FAIL $n $(git -C "$wt" log -1 --format=%s)"
		tail -n 20 "$obj/build.log"
	fi
done
git -C "$ksrc" worktree remove --force "$wt"
echo "bisect: $n patches, $failed failed to build"
[ "$failed" -eq 0 ]
