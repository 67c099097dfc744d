#!/bin/sh
# make export: regenerate patches/ from build/linux (commits since tag "base").
set -e
. "$(dirname "$0")"/lib.sh

tree=${TREE:-build/linux}
mkdir -p "${PATCHES:-patches}"
patches=$(cd "${PATCHES:-patches}" && pwd)

[ -e "$tree/.git" ] || die "no $tree; run 'make tree' first"
[ -z "$(git -C "$tree" status --porcelain --untracked-files=no)" ] ||
	die "$tree has uncommitted changes"
export_series "$tree" "$patches"
echo "export: $(grep -c . "$patches/series") patches written to $patches/"
