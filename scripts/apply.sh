#!/bin/sh
# make apply KSRC=dir: apply the series to a user's own 6.12 tree.  Every patch
# is checked before anything is changed; the first one that does not apply
# cleanly (no fuzz) is named and the tree is left untouched.
set -e
. "$(dirname "$0")"/lib.sh

ksrc=$1
patches=$(cd "${PATCHES:-patches}" && pwd)
[ -n "$ksrc" ] && [ -f "$ksrc/Makefile" ] || die "usage: make apply KSRC=/path/to/linux-6.12"
cd "$ksrc"
grep -q '^PATCHLEVEL = 12$' Makefile || echo "apply: warning: $ksrc is not a 6.12 tree" >&2

# git apply --check cannot see patches that depend on earlier ones, so check
# the whole series on a scratch copy of the files it touches.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for p in $(series_patches "$patches"); do
	sed -n 's|^--- a/||p; s|^+++ b/||p' "$p"
done | sort -u | while read -r f; do
	[ -e "$f" ] && mkdir -p "$scratch/$(dirname "$f")" && cp "$f" "$scratch/$f"
	true
done
for p in $(series_patches "$patches"); do
	(cd "$scratch" && git apply "$p") ||
		die "$(basename "$p") does not apply to $ksrc; nothing was changed"
done
# A git tree gets commits with the patches' authors and messages.
if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
	git am -q $(series_patches "$patches")
	how="as commits"
else
	for p in $(series_patches "$patches"); do
		git apply "$p"
	done
	how="to the files"
fi
made_on=$(series_base_linux "$patches")
version=$(make -s kernelversion 2>/dev/null || echo unknown)
echo "apply: $(series_patches "$patches" | wc -l) patches applied $how of $ksrc (Linux $version), with no fuzz"
[ "$version" = "$made_on" ] ||
	echo "apply: note: the series was made and tested on Linux $made_on; see README.md, 'When the base moves'"
