#!/bin/sh
# make apply-test: the series applies to plain 6.12 without this project's
# tree workflow, the three ways a distro team would apply it:
#   git am patches/*.patch        (a git tree; authors and messages kept)
#   quilt push -a                 (patches/series)
#   make apply KSRC=...           (a git tree, and a tree without git)
# Each on a scratch copy of the base files the series touches; all results
# must be the same files.
set -e
. "$(dirname "$0")"/lib.sh

here=$(cd "$(dirname "$0")/.." && pwd)
base=$here/build/base
patches=$here/patches
[ -f "$base/Makefile" ] || die "no $base; run 'make tree'"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# scratch DIR: the base files the series touches (and the top Makefile,
# for make kernelversion), in DIR.
scratch() {
	mkdir -p "$1"
	for p in $(series_patches "$patches"); do
		sed -n 's|^--- a/||p' "$p"
	done | sort -u | while read -r f; do
		[ ! -e "$base/$f" ] || { mkdir -p "$1/$(dirname "$f")" && cp "$base/$f" "$1/$f"; }
	done
	cp "$base/Makefile" "$1/"
}
git_init() {
	git -C "$1" init -q
	git -C "$1" add -A -f .
	git -C "$1" -c user.name=test -c user.email=test@localhost commit -q -m base
}
n=$(series_patches "$patches" | wc -l)

git_am() {
	scratch "$tmp/am"
	git_init "$tmp/am"
	git -C "$tmp/am" -c user.name=test -c user.email=test@localhost am -q "$patches"/*.patch || return 1
	authors=$(git -C "$tmp/am" log --format='%an <%ae>' HEAD~"$n"..HEAD | sort -u)
	want=$(for p in $(series_patches "$patches"); do
		git mailinfo /dev/null /dev/null < "$p" |
			sed -n 's/^Author: //p; s/^Email: //p' | sed 'N;s/\n/ </;s/$/>/'
	done | sort -u)
	[ "$authors" = "$want" ] && [ "$(git -C "$tmp/am" rev-list --count HEAD)" -eq $((n + 1)) ]
}
quilt_push() {
	scratch "$tmp/quilt"
	(cd "$tmp/quilt" && QUILT_PATCHES=$patches QUILT_PC=.pc quilt push -a -q --fuzz=0 >/dev/null) &&
		rm -rf "$tmp/quilt/.pc" && diff -r -x .git "$tmp/am" "$tmp/quilt" >&2
}
make_apply_git() {
	scratch "$tmp/apply-git"
	git_init "$tmp/apply-git"
	(cd "$here" && GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@localhost \
		scripts/apply.sh "$tmp/apply-git" >/dev/null) &&
		[ "$(git -C "$tmp/apply-git" log -1 --format='%an %s')" = \
		  "$(git -C "$tmp/am" log -1 --format='%an %s')" ] &&
		diff -r -x .git "$tmp/am" "$tmp/apply-git" >&2
}
make_apply_plain() {
	scratch "$tmp/apply-plain"
	(cd "$here" && scripts/apply.sh "$tmp/apply-plain" >/dev/null) &&
		diff -r -x .git "$tmp/am" "$tmp/apply-plain" >&2
}

failed=0
for t in "git_am:git am: $n commits with the patches' authors" \
	 "quilt_push:quilt push -a: the same files" \
	 "make_apply_git:make apply on a git tree: commits with authors, the same files" \
	 "make_apply_plain:make apply on a tree without git: the same files"; do
	if ${t%%:*}; then
		echo "ok - ${t#*:}"
	else
		echo "not ok - ${t#*:}"
		failed=$((failed + 1))
	fi
done
echo "apply-test: $((4 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
