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
# Debian's .gitignore ignores every new top-level path: name the files that
# were left out so that a forgotten "git add -f" does not go unnoticed.
ignored=$(git -C "$tree" status --porcelain --ignored --untracked-files=all |
	sed -n 's/^!! //p' | grep -vE '(^|/)\.|\.(o|a|ko|cmd|d|mod|orig|rej)$' || true)
[ -z "$ignored" ] || printf 'export: warning: untracked files not in the series:\n%s\n' "$ignored" >&2
export_series "$tree" "$patches"
echo "export: $(grep -c . "$patches/series") patches written to $patches/"
