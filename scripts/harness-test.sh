#!/bin/sh
# make harness: checks of the project's own make targets and scripts, each
# for a mistake they once made.  Cheap (seconds); needs the shim built
# (make check runs it after the shim steps).
set -u
. "$(dirname "$0")"/lib.sh

here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

# check NAME COMMAND...: COMMAND's status is the verdict.
check() {
	name=$1
	shift
	if "$@" > "$tmp/out" 2>&1; then
		passed=$((passed + 1))
		echo "ok - $name"
	else
		failed=$((failed + 1))
		echo "not ok - $name"
		sed 's/^/#   /' "$tmp/out" | tail -n 15
	fi
}

# Plain "make" needs the base source and the shim's packages, not QEMU or
# cross compilers: the only install-deps groups it may ask for.
plain_make_installs_only_base_and_shim() {
	make -C "$here" -n all KSRC="$tmp/no-tree" 2>&1 |
		grep -o 'install-deps.sh [a-z0-9 -]*' | tee "$tmp/groups"
	[ -s "$tmp/groups" ] && ! grep -qvE '^install-deps.sh( (base|shim))+ *$' "$tmp/groups"
}

# KSRC may be absolute: the shim gets it unchanged.
absolute_ksrc_reaches_the_shim() {
	make -C "$here" -n shim KSRC="$here/build/linux" 2>&1 | grep -F -- '-C shim' | tee "$tmp/line"
	grep -qF "KSRC=$here/build/linux " "$tmp/line"
}

# A missing KSRC is made where KSRC says, not in build/linux.
missing_ksrc_is_made_there() {
	make -C "$here" -n shim KSRC="$tmp/elsewhere" 2>&1 | grep -F 'tree.sh' | tee "$tmp/line"
	grep -qF "TREE=$tmp/elsewhere " "$tmp/line"
}

# tree.sh never deletes a directory that is not its own git tree.
tree_keeps_a_foreign_directory() {
	mkdir -p "$tmp/foreign" && echo keep > "$tmp/foreign/file"
	! (cd "$here" && TREE="$tmp/foreign" scripts/tree.sh) && [ -f "$tmp/foreign/file" ]
}

# "make -n" in the shim writes nothing.
shim_dry_run_writes_nothing() {
	make -C "$here/shim" -n O="$tmp/shim-out" KSRC="$here/build/linux" \
		STOCK="$here/build/base" >/dev/null 2>&1
	[ ! -e "$tmp/shim-out" ]
}

# A shim filter that selects no test is an error, not "1..0".
empty_shim_filter_fails() {
	! make -C "$here" --no-print-directory shim FILTER='no_such_suite*'
}

# The selftests guest must not hide the host's /tmp, where the test tree is
# when OUT or the clone is under /tmp: the only mount on /tmp is an overlay
# with the host's /tmp below.
guest_keeps_host_tmp_visible() {
	grep -E '^[^#]*mount .* /tmp/?( |$)' "$here/selftests/init.sh" | tee "$tmp/mounts"
	[ -s "$tmp/mounts" ] && ! grep -qv -- '-t overlay .*lowerdir=/tmp,' "$tmp/mounts"
}

check "plain make installs only the base and shim packages" plain_make_installs_only_base_and_shim
check "an absolute KSRC reaches the shim unchanged" absolute_ksrc_reaches_the_shim
check "a missing KSRC is created where KSRC names" missing_ksrc_is_made_there
check "tree.sh refuses a directory that is not its git tree" tree_keeps_a_foreign_directory
check "make -n in shim/ writes no files" shim_dry_run_writes_nothing
check "a shim FILTER that selects nothing fails" empty_shim_filter_fails
check "the selftests guest does not hide the host's /tmp" guest_keeps_host_tmp_visible
echo "harness: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
