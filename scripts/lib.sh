# Shared settings for the series scripts.  Sourced, not run.

# Fixed identity and dates make the base commit reproducible: the same
# linux-source tarball always gives the same base commit id.
BASE_ENV="GIT_AUTHOR_NAME=base GIT_AUTHOR_EMAIL=base@localhost GIT_COMMITTER_NAME=base
GIT_COMMITTER_EMAIL=base@localhost GIT_AUTHOR_DATE=2000-01-01T00:00:00Z GIT_COMMITTER_DATE=2000-01-01T00:00:00Z"

die() {
	echo "$0: $*" >&2
	exit 1
}

# series_base DIR: the Debian linux-source-6.12 version the series in DIR
# was made and tested against; series_base_linux DIR: its Linux version.
# Both from the "Base:" line of the cover letter, DIR/README.
series_base() {
	sed -n 's/^Base: .*linux-source-6.12 \([^ )]*\).*/\1/p' "$1/README" 2>/dev/null | head -n 1
}
series_base_linux() {
	sed -n 's/^Base: Linux \([^ ]*\) .*/\1/p' "$1/README" 2>/dev/null | head -n 1
}

# series_patches DIR: the patch files listed in DIR/series, in order.
series_patches() {
	[ -f "$1/series" ] || return 0
	grep -vE '^[[:space:]]*(#|$)' "$1/series" | sed "s|^|$1/|"
}

# export_series TREE DIR: write TREE's commits since tag "base" to DIR as
# format-patch files plus a series file.  Nothing volatile is written:
# zero commit ids, no signature, names from the subjects, and full blob ids
# in the "index" lines (git abbreviates them to a length it derives from the
# number of packed objects, which changes when gc packs the tree).
# The cover letter, DIR/README, is written by hand and kept.
export_series() {
	mkdir -p "$2"
	rm -f "$2"/*.patch "$2/series"
	git -C "$1" format-patch --quiet --zero-commit --no-signature --full-index \
		--subject-prefix=PATCH -o "$(cd "$2" && pwd)" base..HEAD
	(cd "$2" && ls -1 -- *.patch 2>/dev/null) > "$2/series" || true
}

# guest_config KERNEL KBUILD FRAGMENT MAKE...: configure the guest kernel in
# KBUILD as tinyconfig plus FRAGMENT; MAKE... is a make of KERNEL with
# O=KBUILD.  Dies if an option FRAGMENT asks for did not survive olddefconfig.
guest_config() {
	local kernel=$1 kbuild=$2 fragment=$3
	shift 3
	"$@" -s tinyconfig
	(cd "$kbuild" && "$kernel"/scripts/kconfig/merge_config.sh -m -O . .config "$fragment" >/dev/null)
	"$@" -s olddefconfig
	grep '^CONFIG_' "$fragment" | while read -r want; do
		grep -qxF "$want" "$kbuild/.config" || die "$want not set in the guest config"
	done
}

# What a guest's console shows when its kernel complains (grep -E).
KERNEL_SPLAT='(BUG|WARNING|INFO):|Oops|Call Trace:|Kernel panic'
