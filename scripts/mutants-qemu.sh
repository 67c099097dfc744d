#!/bin/sh
# make mutants-qemu ARCH=x86_64|arm64: the mutants of mutants/list that need
# a kernel under QEMU to be killed.  A record with a line
#
#   qemu: TARGET FILTER
#
# is run as "make TARGET" (kunit-qemu or one of the kunit-variant.sh
# targets) with FILTER, in a kernel built with the mutant; it is killed when
# that run fails.  Records whose arch: line names the other ARCH, and
# targets for the other ARCH, are left out.
#
# The mutated file is changed in KSRC itself, so that the run's build
# directory only rebuilds what depends on it, and is put back afterwards,
# also when the script is interrupted.  KSRC must not have uncommitted
# changes to the files the selected mutants change.
# Env: KSRC (default build/linux), OUT, MUTANTS (ids or shell globs, default
#      all), TIMEOUT (s per KUnit run, default 600), DRY (only check that the
#      snippets apply).
set -eu
. "$(dirname "$0")"/lib.sh
set -f	# MUTANTS holds globs for ids, not for file names

here=$(cd "$(dirname "$0")/.." && pwd)
arch=${1:-x86_64}
ksrc=$(cd "${KSRC:-$here/build/linux}" && pwd)
out=${OUT:-$HOME/.cache/lsrq}
list=$here/mutants/list
select=${MUTANTS:-*}
work=$out/mutants-qemu/$arch
export TIMEOUT=${TIMEOUT:-600}

case "$arch" in
x86_64|arm64) ;;
*)	die "ARCH must be x86_64 or arm64, not '$arch'" ;;
esac
mkdir -p "$work"
exec 9>"$work.lock"
flock -n 9 || die "another 'make mutants-qemu ARCH=$arch' is running"

# id|file|arch|target|filter for every record with a qemu: line.
records() {
	awk '
	function flush() {
		if (id != "" && target != "")
			printf "%s|%s|%s|%s|%s\n", id, file, march, target, filter
		id = file = march = target = filter = ""
	}
	/^<<<$/ { body = 1; next }
	/^>>>$/ { body = 0; next }
	body { next }
	/^id: / { flush(); id = substr($0, 5) }
	/^file: / { file = substr($0, 7) }
	/^arch: / { march = substr($0, 7) }
	/^qemu: / { target = $2; filter = $3 }
	END { flush() }' "$list"
}

# mutate ID SRC DST: SRC with the snippet of ID replaced, as mutants.sh does.
mutate() {
	awk -v id="$1" '
	FNR == NR {
		if ($0 == "id: " id) { mine = 1; next }
		if ($0 ~ /^id: /) mine = 0
		if (!mine) next
		if ($0 == "<<<") { part = 1; next }
		if ($0 == "===" && part == 1) { part = 2; next }
		if ($0 == ">>>") { part = 0; next }
		if (part == 1) orig = orig $0 "\n"
		if (part == 2) repl = repl $0 "\n"
		next
	}
	{ text = text $0 "\n" }
	END {
		n = 0; rest = text; off = 0
		while (orig != "" && (p = index(rest, orig)) > 0) {
			if (!n) at = off + p
			n++; off += p + length(orig) - 1
			rest = substr(rest, p + length(orig))
		}
		if (n != 1) { printf "snippet found %d times\n", n > "/dev/stderr"; exit 2 }
		printf "%s%s%s", substr(text, 1, at - 1), repl,
			substr(text, at + length(orig))
	}' "$list" "$2" > "$3"
}

target_arch() {
	case $1 in
	kunit-paravirt) echo x86_64 ;;
	kunit-pseudo-nmi|kunit-noevtstrm) echo arm64 ;;
	*) echo any ;;
	esac
}

saved=
restore() {
	if [ -n "$saved" ]; then
		cp -p "$work/orig" "$ksrc/$saved"
		touch "$ksrc/$saved"
		saved=
	fi
}
trap 'restore' EXIT
trap 'restore; exit 130' INT TERM

sel=$(records | while IFS='|' read -r id file march target filter; do
	[ -z "$march" ] || [ "$march" = "$arch" ] || continue
	ta=$(target_arch "$target")
	[ "$ta" = any ] || [ "$ta" = "$arch" ] || continue
	for pat in $select; do
		case $id in $pat) echo "$id|$file|$target|$filter"; break ;; esac
	done
done)
[ -n "$sel" ] || die "no mutant with a qemu: line matches MUTANTS='$select' for $arch"

killed=0 survived=0 stale=0 survivors=""
for rec in $sel; do
	IFS='|' read -r id file target filter <<-EOF
	$rec
	EOF
	if ! git -C "$ksrc" diff --quiet HEAD -- "$file" 2>/dev/null; then
		die "$ksrc/$file has uncommitted changes"
	fi
	if ! mutate "$id" "$ksrc/$file" "$work/mutated" 2>"$work/$id.stale"; then
		echo "mutants-qemu: $id STALE: $(cat "$work/$id.stale")"
		stale=$((stale + 1))
		continue
	fi
	[ -z "${DRY:-}" ] || { echo "mutants-qemu: $id applies"; continue; }
	cp -p "$ksrc/$file" "$work/orig"
	saved=$file
	cp "$work/mutated" "$ksrc/$file"
	t0=$(date +%s)
	status=0
	FILTER=$filter make -C "$here" --no-print-directory "$target" ARCH="$arch" \
		KSRC="$ksrc" >"$work/$id.log" 2>&1 || status=$?
	restore
	t=$(( $(date +%s) - t0 ))
	if [ "$status" -ne 0 ]; then
		killed=$((killed + 1))
		why=$(grep -E '\[(FAILED|CRASHED)\]|did not pass|Timed out|hangs' "$work/$id.log" |
			head -n 3 | sed 's/^\[[0-9:]*\] //' | tr '\n' ' ')
		echo "mutants-qemu: $id killed by $target $filter ($t s): ${why:-status $status}"
	else
		survived=$((survived + 1))
		survivors="$survivors $id"
		echo "mutants-qemu: $id SURVIVED $target $filter ($t s)"
	fi
done
echo "mutants-qemu: $arch: $killed killed, $survived survived${survivors:+ ($survivors )}, $stale stale"
[ "$survived" -eq 0 ] && [ "$stale" -eq 0 ]
