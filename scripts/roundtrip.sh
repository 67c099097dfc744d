#!/bin/sh
# make roundtrip: exporting an unchanged build/linux gives patches/ byte for
# byte, whatever state git's object store is in.  format-patch used to write
# abbreviated blob ids whose length depends on the packed object count, so a
# tree fresh from "make tree" (loose objects) and the same tree after gc
# exported different files and "make tree" refused to run.
set -e
. "$(dirname "$0")"/lib.sh

tree=${TREE:-build/linux}
patches=$(cd "${PATCHES:-patches}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# same_as_patches LABEL [CONFIG=VALUE]: export with an optional git setting
# and compare with patches/.
same_as_patches() {
	label=$1
	if [ -n "$2" ]; then
		export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0="${2%%=*}" GIT_CONFIG_VALUE_0="${2#*=}"
	fi
	export_series "$tree" "$tmp/out"
	unset GIT_CONFIG_COUNT GIT_CONFIG_KEY_0 GIT_CONFIG_VALUE_0
	if diff -r -x README "$tmp/out" "$patches" > "$tmp/diff"; then
		echo "roundtrip: $label: identical"
	else
		echo "roundtrip: $label: export differs from $patches:"
		head -n 20 "$tmp/diff"
		failed=1
	fi
}

[ -e "$tree/.git" ] || die "no $tree; run 'make tree' first"
[ -z "$(git -C "$tree" status --porcelain --untracked-files=no)" ] ||
	die "$tree has uncommitted changes"

loose=$(git -C "$tree" count-objects | cut -d' ' -f1)
same_as_patches "object store as found ($loose loose objects)"
same_as_patches "core.abbrev=7" core.abbrev=7
same_as_patches "core.abbrev=16" core.abbrev=16
if [ "$loose" -gt 0 ]; then
	# No delta search and light compression: the packing is what matters
	# here, and a full gc of the kernel tree takes minutes.
	git -C "$tree" -c pack.window=0 -c pack.compression=1 gc --quiet
	same_as_patches "after git gc ($(git -C "$tree" count-objects | cut -d' ' -f1) loose objects)"
fi
[ "$failed" -eq 0 ]
