# Shared settings for the series scripts.  Sourced, not run.

# Fixed identity and dates make the base commit reproducible: the same
# linux-source tarball always gives the same base commit id.
BASE_ENV="GIT_AUTHOR_NAME=base GIT_AUTHOR_EMAIL=base@localhost GIT_COMMITTER_NAME=base
GIT_COMMITTER_EMAIL=base@localhost GIT_AUTHOR_DATE=2000-01-01T00:00:00Z GIT_COMMITTER_DATE=2000-01-01T00:00:00Z"

die() {
	echo "$0: $*" >&2
	exit 1
}

# series_patches DIR: the patch files listed in DIR/series, in order.
series_patches() {
	[ -f "$1/series" ] || return 0
	grep -vE '^[[:space:]]*(#|$)' "$1/series" | sed "s|^|$1/|"
}

# export_series TREE DIR: write TREE's commits since tag "base" to DIR as
# format-patch files plus a series file.  Nothing volatile is written:
# zero commit ids, no signature, names from the subjects.
export_series() {
	rm -rf "$2"
	mkdir -p "$2"
	git -C "$1" format-patch --quiet --zero-commit --no-signature \
		--subject-prefix=PATCH -o "$(cd "$2" && pwd)" base..HEAD
	(cd "$2" && ls -1 -- *.patch 2>/dev/null) > "$2/series" || true
}
