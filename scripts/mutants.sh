#!/bin/sh
# make mutants ARCH=x86_64|arm64: build and run the shim once per mutant of
# mutants/list (a small semantic change to a patched kernel file, see
# mutants/README.md) and report which ones the tests kill.
# Env: KSRC (default build/linux), STOCK (default build/base), OUT (default
#      ~/.cache/lsrq), MUTANTS (ids or shell globs, default all),
#      MUTANT_TIMEOUT (s per run, default max(180, 5 x the baseline run)),
#      JOBS (default nproc), FAILFAST (default 1: stop a run at its first
#      failed case or sanitizer report; 0: run every suite to the end),
#      SHIM (the shim's source directory, default
#      shim/), REV (take the tree from this commit of KSRC instead of its
#      working tree), DRY (set: only check that every snippet still
#      applies, build nothing).
#
# Each arch has its own copy of the parts of the patched tree the shim reads,
# in $OUT/mutants/ARCH/tree, taken when the run starts: the tree may be
# edited or rebased meanwhile.  Only files changed since the last copy are
# copied again, with a new mtime, so make's -MMD dependencies rebuild only
# what changed.  The shim is always built from that one path into one O=
# per build type; a mutant rebuilds only the objects that include the file
# it changes (and, for the next mutant, the file restored).
set -eu
. "$(dirname "$0")"/lib.sh
set -f	# MUTANTS holds globs for ids, not for file names

here=$(cd "$(dirname "$0")/.." && pwd)
arch=${1:-x86_64}
ksrc=$(cd "${KSRC:-$here/build/linux}" && pwd)
stock=$(cd "${STOCK:-$here/build/base}" && pwd)
out=${OUT:-$HOME/.cache/lsrq}
list=$here/mutants/list
shimdir=$(cd "${SHIM:-$here/shim}" && pwd)
select=${MUTANTS:-*}
jobs=${JOBS:-$(nproc)}
failfast=${FAILFAST:-1}
work=$out/mutants/$arch
tree=$work/tree
logs=$work/log

case "$arch" in
x86_64|arm64) ;;
*)	die "ARCH must be x86_64 or arm64, not '$arch'" ;;
esac
[ -f "$ksrc/kernel/bpf/rqspinlock.c" ] || die "no patched tree at $ksrc; run 'make tree'"
[ -f "$list" ] || die "no $list"

mkdir -p "$work" "$logs"
exec 9>"$work.lock"
flock -n 9 || die "another 'make mutants ARCH=$arch' is running"

# ---- the list ----
# One line per mutant: id, file, judge, arch, equivalent (y/n), with "|"
# between the fields.  See mutants/README.md for the record format.
records() {
	awk '
	function flush() {
		if (id != "")
			printf "%s|%s|%s|%s|%s\n", id, file, judge, march, equiv
		id = file = march = ""; judge = "shim"; equiv = "n"
	}
	BEGIN { judge = "shim"; equiv = "n" }
	/^<<<$/ { body = 1; next }
	/^>>>$/ { body = 0; next }
	body { next }
	/^id: / { flush(); id = substr($0, 5) }
	/^file: / { file = substr($0, 7) }
	/^judge: / { judge = substr($0, 8) }
	/^arch: / { march = substr($0, 7) }
	/^equivalent: / { equiv = "y" }
	END { flush() }' "$list"
}

# mutate ID SRC DST: write SRC with mutant ID's original snippet replaced by
# its replacement.  Fails (status 2) unless the snippet occurs exactly once.
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
		if (orig == "") { print "no snippet" > "/dev/stderr"; exit 2 }
		n = 0; rest = text; off = 0
		while ((p = index(rest, orig)) > 0) {
			if (!n) at = off + p
			n++; off += p + length(orig) - 1
			rest = substr(rest, p + length(orig))
		}
		if (n != 1) { printf "snippet found %d times\n", n > "/dev/stderr"; exit 2 }
		printf "%s%s%s", substr(text, 1, at - 1), repl,
			substr(text, at + length(orig))
	}' "$list" "$2" > "$3"
}

# The list as it is now: it may be edited while this runs.
cp "$list" "$work/list"
list=$work/list

# ---- the copy of the tree ----
# The directories the shim reads from KSRC (see its dependency files).
dirs="include arch/x86/include arch/arm64/include kernel net/core lib tools/testing/kunit"
gitdir=$(git -C "$ksrc" rev-parse --absolute-git-dir 2>/dev/null || true)
if [ -z "${REV:-}" ] && [ -n "$gitdir" ] &&
   { [ -e "$gitdir/rebase-merge" ] || [ -e "$gitdir/rebase-apply" ]; }; then
	die "$ksrc is being rebased; run again when it is done"
fi
# REV: the commit's files, extracted (with the time of extraction as their
# mtime) once per commit.
if [ -n "${REV:-}" ]; then
	rev=$(git -C "$ksrc" rev-parse --verify "$REV^{commit}") || die "no commit $REV in $ksrc"
	if [ "$(cat "$work/rev/.commit" 2>/dev/null)" != "$rev" ]; then
		rm -rf "$work/rev"
		mkdir -p "$work/rev"
		git -C "$ksrc" archive "$rev" -- $dirs | tar -x -m -C "$work/rev"
		echo "$rev" > "$work/rev/.commit"
	fi
	ksrc=$work/rev
fi
mkdir -p "$tree"
touch "$work/copied.new"
for d in $dirs; do
	# Files changed since the last copy (all of them the first time)
	(cd "$ksrc" && find "$d" \( -type f -o -type l \) \
		$([ -e "$work/copied" ] && echo "-newer $work/copied") -print0 |
		xargs -0 -r cp -P --parents -t "$tree" --)
	# Files gone from KSRC
	(cd "$ksrc" && find "$d" \( -type f -o -type l \) | sort) > "$work/in-ksrc"
	(cd "$tree" && find "$d" \( -type f -o -type l \) | sort) |
		comm -13 "$work/in-ksrc" - | (cd "$tree" && xargs -r rm -f --)
done
mv "$work/copied.new" "$work/copied"

# The unmutated files, for mutating and restoring.
files=$(records | cut -d'|' -f2 | sort -u)
rm -rf "$work/orig"
for f in $files; do
	[ -f "$ksrc/$f" ] || die "mutants/list names $f, which $ksrc does not have"
	mkdir -p "$work/orig/$(dirname "$f")"
	cp "$ksrc/$f" "$work/orig/$f"
	# A run that was stopped may have left a mutant here.
	cmp -s "$work/orig/$f" "$tree/$f" || cp "$work/orig/$f" "$tree/$f"
done

# restore FILE: put FILE back as it was; a new mtime makes make rebuild it.
restore() {
	cp "$work/orig/$1" "$tree/$1"
}

# ---- building and running ----
# A judge is a shim build (SAN) and the environment of its run (ENV).
judge_san() { case $1 in asan|explore) echo asan ;; esac; }
judge_env() {
	case $1 in
	virt)	echo SHIM_VIRT_SPIN_LOCK=1 ;;
	noevtstrm) echo SHIM_EVTSTRM=0 ;;
	esac
}

# shim_cmd JUDGE: the make command for the shim against the overlay, in the
# build directory of JUDGE's build type, with JUDGE's environment.  (Paths
# are absolute and must not contain spaces.)
shim_cmd() {
	local san
	san=$(judge_san "$1")
	echo "env $(judge_env "$1") make -s --no-print-directory -C $shimdir" \
		"KSRC=$tree STOCK=$stock ARCH=$arch SAN=$san O=$work/obj${san:+-$san}"
}

# build JUDGE LOG: build the shim for JUDGE, output in LOG.
build() {
	nice -n 10 sh -c "$(shim_cmd "$1") -j$jobs build" >"$2" 2>&1
}

# run_shim JUDGE LOG [FILTER]: run every suite (but the benchmarks), or those
# FILTER selects, within the hang
# bound, KTAP in LOG.out, the rest in LOG.err; sets status.  timeout(1)
# signals its whole process group: make, qemu-aarch64 and the shim.
# The explore judge runs the explorer instead (EXPLORE_SEEDS per scenario,
# default 5000; EXPLORE_SLOW_SEEDS, default 200, for the slow ones).
run_shim() {
	local target="run${3:+ FILTER='$3'}"
	[ "$1" = explore ] && target="explore-run EXPLORE_SEEDS=${EXPLORE_SEEDS:-5000}"
	[ "$1" = explore ] && target="$target EXPLORE_ARGS='--slow-seeds ${EXPLORE_SLOW_SEEDS:-200}'"
	status=0 stopped=""
	nice -n 10 timeout -k 10 "$timeout" sh -c "$(shim_cmd "$1") $target" \
		>"$2.out" 2>"$2.err" &
	pid=$!
	# Fail fast: the first failed case or sanitizer report decides, the
	# rest of the run cannot make the mutant survive.  TERM to timeout(1)
	# goes to its whole process group.
	if [ "$failfast" = 1 ]; then
		while kill -0 "$pid" 2>/dev/null; do
			if grep -qsE '^    not ok [0-9]+ ' "$2.out" ||
			   grep -qsE 'ERROR: (Address|Leak)Sanitizer|^explore: (FAIL|sanitizer report|died)' "$2.err"; then
				stopped=y
				kill -TERM "$pid" 2>/dev/null || true
				break
			fi
			sleep 1
		done
	fi
	wait "$pid" || status=$?
	[ -z "$stopped" ] || [ $status -ne 0 ] || status=1
}

# verdict LOG: why the run LOG killed its mutant; nothing if it passed.
verdict() {
	local cases n
	case $status in
	0)	return ;;
	esac
	if [ -z "$stopped" ]; then
		case $status in
		124|137) echo "hang: killed after $timeout s"; return ;;
		esac
	fi
	# The explorer names the failing run (seed, schedule, replay command).
	if grep -qE '^explore: (FAIL|sanitizer report|died)' "$1.err"; then
		grep -m1 -E '^explore: (FAIL|sanitizer report|died)' "$1.err" | cut -c1-200
		return
	fi
	if grep -qE 'ERROR: (Address|Leak)Sanitizer' "$1.err"; then
		grep -m1 -oE 'ERROR: (Address|Leak)Sanitizer: [a-z-]*' "$1.err"
		return
	fi
	# Stopped at the first failure: the failed case names the kill.
	if [ -n "$stopped" ]; then
		cases=$(sed -nE 's/^    not ok [0-9]+ ([^ ]*).*/\1/p' "$1.out" | head -n 1)
		echo "failed: $cases (run stopped at the first failure)"
		return
	fi
	# Without a crash the shim ends with its summary line on stderr.
	if ! grep -q '^shim: ' "$1.err"; then
		echo "crash: exit status $status, no summary"
		return
	fi
	# Failed cases are the "not ok" lines of the second KTAP level.
	cases=$(sed -nE 's/^    not ok [0-9]+ ([^ ]*).*/\1/p' "$1.out")
	n=$(echo "$cases" | grep -c . || true)
	echo "${cases:+$n failed: $(echo "$cases" | head -n 3 | tr '\n' ' ')$([ "$n" -gt 3 ] && echo '... ')}$(grep '^shim: ' "$1.err" | tail -n 1)"
}

now() { date +%s; }

# prefilter FILE JUDGE: the suite that sees a change of FILE first, when it
# is not the first to run anyway.  A mutant it kills is killed; one that
# passes it gets the whole run.  (The rqspinlock suite runs last, after
# minutes of local storage suites.)
prefilter() {
	[ "$2" = explore ] && return 0
	case $1 in
	*rqspinlock*) echo bpf_rqspinlock ;;
	esac
}

# ASan does not run under qemu-aarch64 (it hangs at start): on arm64 the
# asan mutants are judged by the plain shim.
sel=$(records | while IFS='|' read -r id file judge march equiv; do
	[ "$arch" = arm64 ] && [ "$judge" = asan ] && judge=shim
	for pat in $select; do
		case $id in $pat) echo "$id|$file|$judge|$march|$equiv"; break ;; esac
	done
done)
[ -n "$sel" ] || die "no mutant matches MUTANTS='$select'"

# Every selected snippet must match exactly once before anything is built.
stale=$(for rec in $sel; do
	id=${rec%%|*} file=$(echo "$rec" | cut -d'|' -f2)
	mutate "$id" "$work/orig/$file" /dev/null 2>"$logs/$id.stale" ||
		echo "$id: $(cat "$logs/$id.stale")"
done)

if [ -n "${DRY:-}" ]; then
	echo "mutants: $(echo "$sel" | wc -l) selected${stale:+, stale:}"
	[ -z "$stale" ] || { echo "$stale"; exit 1; }
	exit 0
fi

# The baselines: the unmutated tree must pass for every judge the selected
# mutants of this arch use; the mutants of a judge whose baseline fails are
# not judged.  The longest baseline run sets the hang bound.
judges=$(echo "$sel" | awk -F'|' -v a="$arch" '$3 != "qemu" && ($4 == "" || $4 == a) { print $3 }' |
	sort -u)
timeout=${MUTANT_TIMEOUT:-900}
longest=0 badjudges=""
for judge in $judges; do
	t0=$(now)
	if ! build "$judge" "$logs/baseline-$judge.build"; then
		tail -n 30 "$logs/baseline-$judge.build"
		echo "mutants: $arch baseline ($judge) does not build"
		badjudges="$badjudges $judge"
		continue
	fi
	t1=$(now)
	run_shim "$judge" "$logs/baseline-$judge"
	t2=$(now)
	if [ $status -ne 0 ]; then
		echo "mutants: $arch baseline ($judge) FAILS, its mutants are not judged:" \
			"$(verdict "$logs/baseline-$judge") (see $logs/baseline-$judge.out)"
		badjudges="$badjudges $judge"
		continue
	fi
	echo "mutants: $arch baseline ($judge): build $((t1 - t0)) s, run $((t2 - t1)) s"
	[ $((t2 - t1)) -gt $longest ] && longest=$((t2 - t1))
done
[ -n "${MUTANT_TIMEOUT:-}" ] || timeout=$((5 * longest > 180 ? 5 * longest : 180))
echo "mutants: $arch hang bound $timeout s per run"

# ---- the mutants ----
killed=0 survived=0 survivors="" failures="" qemu="" prev=""
start=$(now)
for rec in $sel; do
	IFS='|' read -r id file judge march equiv <<-EOF
	$rec
	EOF
	if echo "$stale" | grep -q "^$id: "; then
		failures="$failures $id"
		echo "mutant $id STALE: $(cat "$logs/$id.stale")"
		continue
	fi
	if [ -n "$march" ] && [ "$march" != "$arch" ]; then
		echo "mutant $id n/a: $march only"
		continue
	fi
	if echo " $badjudges " | grep -q " $judge "; then
		failures="$failures $id"
		echo "mutant $id NOT JUDGED: the $judge baseline fails"
		continue
	fi
	if [ "$judge" = qemu ]; then
		qemu="$qemu $id"
		echo "mutant $id QEMU: not visible to the shim, see mutants/list"
		continue
	fi
	[ -n "$prev" ] && restore "$prev"
	mutate "$id" "$work/orig/$file" "$tree/$file"
	prev=$file
	t0=$(now)
	if ! build "$judge" "$logs/$id.build"; then
		failures="$failures $id"
		echo "mutant $id BROKEN: does not build, see $logs/$id.build"
		continue
	fi
	t1=$(now)
	pre=$(prefilter "$file" "$judge")
	run_shim "$judge" "$logs/$id" "$pre"
	# Survived the suite that should see it: the whole run decides.
	[ -z "$pre" ] || [ $status -ne 0 ] || run_shim "$judge" "$logs/$id"
	t2=$(now)
	why=$(verdict "$logs/$id")
	times="$judge, build $((t1 - t0)) s, run $((t2 - t1)) s"
	if [ -n "$why" ]; then
		killed=$((killed + 1))
		# A killed "equivalent" mutant means the list is wrong.
		[ "$equiv" = y ] && failures="$failures $id" && why="$why; LISTED AS EQUIVALENT"
		echo "mutant $id KILLED ($times): $why"
	else
		survived=$((survived + 1)) survivors="$survivors $id"
		if [ "$equiv" = y ]; then
			echo "mutant $id SURVIVED ($times), equivalent"
		else
			failures="$failures $id"
			echo "mutant $id SURVIVED ($times)"
		fi
	fi
done
[ -z "$prev" ] || restore "$prev"

echo "mutants: $arch, $(( $(now) - start )) s for $((killed + survived)) mutants"
[ -z "$qemu" ] || echo "mutants: judged in QEMU only, not run:$qemu"
[ -z "$stale" ] || echo "mutants: stale:$(echo "$stale" | cut -d: -f1 | tr '\n' ' ')"
echo "mutants: $killed killed, $survived survived${survivors:+:$survivors}"
[ -z "$failures" ]
