#!/bin/sh
# make tree: build/linux = the base as one commit (tag "base") plus the series
# applied with git am, on branch "series".  Refuses to throw away commits
# that were not exported to patches/.
set -e
. "$(dirname "$0")"/lib.sh

tree=${TREE:-build/linux}
patches=$(cd "${PATCHES:-patches}" && pwd)

if [ -e "$tree/.git" ]; then
	[ -z "$(git -C "$tree" status --porcelain --untracked-files=no)" ] ||
		die "$tree has uncommitted changes; commit them and run 'make export' first"
	tmp=$(mktemp -d)
	export_series "$tree" "$tmp"
	if ! diff -r -q -x README "$tmp" "$patches" >/dev/null 2>&1; then
		rm -rf "$tmp"
		die "$tree has commits not exported to $patches; run 'make export' first"
	fi
	rm -rf "$tmp"
	git -C "$tree" am --abort >/dev/null 2>&1 || true
	git -C "$tree" checkout -q -B "${BRANCH:-series}" base
else
	[ ! -e "$tree" ] || die "$tree exists but is not a git tree; move it away or set KSRC"
	"$(dirname "$0")"/get-base.sh build/base
	echo "tree: creating $tree from build/base"
	# Built under a temporary name, so that an interrupted run leaves no
	# half-made tree behind.
	rm -rf "$tree.tmp"
	cp -a build/base "$tree.tmp"
	(
		cd "$tree.tmp"
		git init -q -b series
		git config gc.auto 0
		printf '%s\n' '/.debian-version' >> .git/info/exclude
		git add -A -f .
		env $BASE_ENV git commit -q -m "Linux $(make -s kernelversion) from Debian linux-source-6.12 $(cat .debian-version)"
		git tag base
	)
	mv "$tree.tmp" "$tree"
fi

# No automatic gc: "git am" would start one in the background, which then
# competes for the CPU with whatever runs next and changes the object store
# under it (and earlier trees were made without this setting).  "make
# roundtrip" runs gc when it is wanted.
git -C "$tree" config gc.auto 0
git -C "$tree" config user.name >/dev/null ||
	git -C "$tree" config user.name "$(git config user.name || echo developer)"
git -C "$tree" config user.email >/dev/null ||
	git -C "$tree" config user.email "$(git config user.email || echo developer@localhost)"

made_on=$(series_base "$patches")
base_is=$(cat "$tree/.debian-version" 2>/dev/null || echo unknown)
for p in $(series_patches "$patches"); do
	if ! git -C "$tree" am -q --whitespace=nowarn "$p"; then
		git -C "$tree" am --abort
		[ "$made_on" = "$base_is" ] ||
			echo "tree: the series was made on linux-source-6.12 $made_on, this base is $base_is;" \
				"see README.md, 'When the base moves'" >&2
		die "$(basename "$p") does not apply; $tree holds the patches before it"
	fi
done
# git am takes no fuzz: on another base, every patch applied exactly.
[ "$made_on" = "$base_is" ] ||
	echo "tree: note: the series was made on linux-source-6.12 $made_on; this base is $base_is, and every patch applied with no fuzz"
echo "tree: $tree at $(git -C "$tree" rev-list --count base..HEAD) patches on base $(git -C "$tree" rev-parse --short base)"
