#!/bin/sh
# Check the rqspinlock Coccinelle rules of the series.
#
# usage: scripts/cocci.sh PATCHED_TREE [STOCK_TREE]
#
# 1. Runs every rule (report, org, context and, where the rule has it, patch
#    mode) over the corpus in tests/cocci/ and compares what is reported with
#    the "cocci: <rule>" markers there: each marked line reported exactly
#    once by that rule, nothing else reported.
# 2. Checks that the lists of failable functions agree within and between
#    the rule files.
# 3. Runs "make coccicheck MODE=report" with each rule on every directory of
#    PATCHED_TREE with a file that names a failable function (must report
#    nothing), and rule 2 on the headers declaring the failable functions.
# 4. If STOCK_TREE is given, runs the same coccicheck there and prints what
#    is found (informational).
#
# Prints "cocci: N passed, N failed" last and exits non-zero on failure.

set -u

top=$(cd "$(dirname "$0")/.." && pwd)
corpus=$top/tests/cocci
tree=${1:?usage: $0 PATCHED_TREE [STOCK_TREE]}
stock=${2:-}
tree=$(cd "$tree" && pwd)
ruledir=$tree/scripts/coccinelle/locks
all_rules="rqspinlock_unchecked rqspinlock_must_check rqspinlock_unlock_failed
	   rqspinlock_retry rqspinlock_lifo"
headers="include/linux/bpf_local_storage.h include/asm-generic/rqspinlock.h"
report_re='^[^ :]*:[0-9][0-9]*:[0-9][0-9]*-[0-9][0-9]*: \(WARNING\|ERROR\)'

pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() {
	pass=$((pass + 1))
	echo "PASS: $*"
}

ko() {
	fail=$((fail + 1))
	echo "FAIL: $*"
}

options() {
	sed -n 's|^// Options:||p' "$ruledir/$1.cocci"
}

# run_spatch RULE MODE DIR [options]: run a rule over the files in DIR.
run_spatch() {
	r=$1 m=$2 d=$3
	shift 3
	# The options of the rule are words.
	# shellcheck disable=SC2046
	(cd "$d" && spatch -D "$m" --very-quiet --cocci-file "$ruledir/$r.cocci" \
		$(options "$r") --dir . "$@")
}

# header_reports TREE HEADER: rule 2 on a header of TREE.
header_reports() {
	# shellcheck disable=SC2046
	(cd "$1" && spatch -D report --very-quiet --no-show-diff \
		--cocci-file "$ruledir/rqspinlock_must_check.cocci" \
		$(options rqspinlock_must_check) "$2" 2>&1)
}

# "file:line" of each report, "./" stripped, one per report, sorted.
report_lines() {
	grep "$report_re" | cut -d: -f1,2 | sed 's|^\./||' | sort
}

rules=
for r in $all_rules; do
	if [ -f "$ruledir/$r.cocci" ]; then
		rules="$rules $r"
	else
		ko "$r: $ruledir/$r.cocci missing"
	fi
done

# ---------------------------------------------------------------- corpus
# Expectations: "file:line rule" for every marker.
(cd "$corpus" && awk '
	match($0, /cocci: [a-z_, ]+/) {
		n = split(substr($0, RSTART + 7, RLENGTH - 7), a, /[ ,]+/)
		for (i = 1; i <= n; i++)
			if (a[i] != "" && a[i] != "none")
				print FILENAME ":" FNR " " a[i]
	}' ./*.c) | sed 's|^\./||' | sort > "$tmp/expect"

for f in "$corpus"/*.c; do
	b=$(basename "$f")
	marked=$(grep -c "^$b:" "$tmp/expect")
	none=$(grep -c 'cocci: none' "$f")
	if [ "$marked" -gt 0 ] && [ "$none" -eq 0 ]; then
		:
	elif [ "$marked" -eq 0 ] && [ "$none" -eq 1 ]; then
		:
	else
		ko "corpus: $b must have markers or say \"cocci: none\" once"
	fi
done
awk '{print $2}' "$tmp/expect" | sort -u | while read -r r; do
	case "$rules " in
	*" $r "*) ;;
	*) echo "FAIL: corpus: unknown rule $r" ;;
	esac
done > "$tmp/unknown"
if [ -s "$tmp/unknown" ]; then
	cat "$tmp/unknown"
	fail=$((fail + $(wc -l < "$tmp/unknown")))
fi

for r in $rules; do
	awk -v r="$r" '$2 == r {print $1}' "$tmp/expect" > "$tmp/$r.want"

	# Report mode: per corpus file, the reported lines must be exactly
	# the marked ones, each reported once.
	run_spatch "$r" report "$corpus" --no-show-diff > "$tmp/$r.out" 2>&1
	report_lines < "$tmp/$r.out" > "$tmp/$r.got"
	if grep -v "$report_re" "$tmp/$r.out" | grep -q .; then
		ko "$r: report: unexpected output:"
		grep -v "$report_re" "$tmp/$r.out" | sed 's/^/	/'
	fi
	good=0
	for f in "$corpus"/*.c; do
		b=$(basename "$f")
		want=$(grep "^$b:" "$tmp/$r.want" | tr '\n' ' ')
		got=$(grep "^$b:" "$tmp/$r.got" | tr '\n' ' ')
		if [ "$want" = "$got" ]; then
			good=$((good + 1))
		else
			ko "$r: report on $b: want [ $want] got [ $got]"
		fi
	done
	ok "$r: report: $good corpus files as marked" \
		"($(wc -l < "$tmp/$r.want") planted bugs)"

	# Org mode: one TODO per report.
	run_spatch "$r" org "$corpus" --no-show-diff > "$tmp/$r.org" 2>&1
	n=$(grep -c '^\* TODO' "$tmp/$r.org")
	if [ "$n" -eq "$(wc -l < "$tmp/$r.want")" ]; then
		ok "$r: org: $n items"
	else
		ko "$r: org: $n items, want $(wc -l < "$tmp/$r.want")"
	fi

	# Context mode: every marked line is starred and only files with
	# markers for this rule get stars.
	run_spatch "$r" context "$corpus" > "$tmp/$r.ctx" 2>&1
	awk '
		/^--- / { f = $2; sub(/^\.\//, "", f); next }
		/^\+\+\+ / { next }
		/^@@/ { split($2, a, ","); l = -a[1]; next }
		/^-/ { print f ":" l; l++; next }
		/^ / { l++ }' "$tmp/$r.ctx" | sort -u > "$tmp/$r.starred"
	missing=$(comm -23 "$tmp/$r.want" "$tmp/$r.starred" | tr '\n' ' ')
	extra=$(cut -d: -f1 "$tmp/$r.starred" | sort -u |
		grep -v -x -F "$(cut -d: -f1 "$tmp/$r.want" | sort -u)" |
		tr '\n' ' ')
	if [ -z "$missing$extra" ]; then
		ok "$r: context: marked lines starred"
	else
		ko "$r: context: not starred [ $missing] stray files [ $extra]"
	fi

	# Patch mode: after applying the patch the rule is silent, and only
	# the files with planted bugs changed.
	if grep -q '^virtual patch' "$ruledir/$r.cocci"; then
		rm -rf "$tmp/patched"
		cp -r "$corpus" "$tmp/patched"
		run_spatch "$r" patch "$tmp/patched" --in-place \
			> "$tmp/$r.patch" 2>&1
		changed=$(cd "$tmp" && diff -rq "$corpus" patched |
			sed -n 's|^Files .*/\([^/ ]*\) and .*|\1|p' | sort)
		want=$(cut -d: -f1 "$tmp/$r.want" | sort -u)
		left=$(run_spatch "$r" report "$tmp/patched" --no-show-diff |
			report_lines | tr '\n' ' ')
		if [ "$changed" = "$want" ] && [ -z "$left" ]; then
			ok "$r: patch: fixes $(echo "$changed" | wc -w) files"
		else
			ko "$r: patch: changed [ $(echo "$changed" | tr '\n' ' ')]," \
				"still reported [ $left]"
		fi
	fi
done

# ---------------------------------------------------------- rule lists
# The same failable functions must be listed everywhere.
pylist() {	# pylist RULE SET: the quoted names of a set in the initialize rule
	awk -v s="$2" '
		$0 ~ "^" s " = [{]" { on = 1; next }
		on && /^}/ { exit }
		on && /^[[:space:]]*#/ { next }
		on { gsub(/[",[:space:]]/, ""); if ($0 != "") print }' \
		"$ruledir/$1.cocci" | sort
}

gatelist() {	# gatelist RULE: the names in the rules selecting files
	sed -n -e 's/^\* \([a-z_]*\)(\.\.\.)$/\1/p' \
		-e 's/^\* T \\(\(.*\)\\)(PL);$/\1/p' "$ruledir/$1.cocci" |
		awk '{ n = split($0, a, /\\\|/); for (i = 1; i <= n; i++) print a[i] }' |
		sort -u
}

first=
for r in $rules; do
	acq=$(pylist "$r" ACQUIRE)
	fl=$(pylist "$r" FAILABLE)
	rel=$(pylist "$r" RELEASE)
	gate=$(gatelist "$r")
	if [ -z "$first" ]; then
		first=$r
		acq0=$acq
		fl0=$(pylist "$r" FAILABLE)
		rel0=
	fi
	err=
	[ "$acq" = "$acq0" ] || err="$err ACQUIRE differs from $first;"
	[ -z "$fl" ] || [ "$fl" = "$fl0" ] || err="$err FAILABLE differs from $first;"
	if [ -n "$rel" ]; then
		[ -z "$rel0" ] && rel0=$rel
		[ "$rel" = "$rel0" ] || err="$err RELEASE differs;"
	fi
	[ "$gate" = "$(printf '%s\n%s\n' "$acq" "$fl" | grep . | sort -u)" ] ||
		err="$err file selection list differs from the initialize lists;"
	if [ -z "$err" ]; then
		ok "$r: function lists consistent ($(echo "$acq $fl" | wc -w) failable)"
	else
		ko "$r:$err"
	fi
done

# ------------------------------------------------------------ kernel trees
# Every directory with a C file or header that names a failable function
# of the rules' own lists, subdirectories folded into their parent (M= is
# recursive).  tools/ holds BPF programs, which attach to these functions
# but cannot call them.
names=$(for r in $rules; do pylist "$r" ACQUIRE; pylist "$r" FAILABLE; done |
	sort -u | paste -s -d '|')
dirs=$(git -C "$tree" grep -l -w -E "$names" -- '*.c' '*.h' ':!tools' |
	sed 's|/[^/]*$||' | sort -u |
	awk '{ for (d in seen) if (index($0, d "/") == 1) next; seen[$0] = 1; print }')
[ -n "$dirs" ] || ko "no file of $tree names a failable function"

# coccicheck TREE RULE DIR: reports of one rule on one directory.
# The kernel's .cocciconfig selects files with git grep: stop git from
# finding a repository above TREE (ours, which ignores build/), or a tree
# that is not a git repository would have no file to check.
coccicheck() {
	GIT_CEILING_DIRECTORIES=$(dirname "$1") \
	make -C "$1" coccicheck MODE=report COCCI="$ruledir/$2.cocci" \
		M="$3" > "$tmp/cc.out" 2>&1
	st=$?
	grep "$report_re" "$tmp/cc.out" | sort > "$tmp/cc.rep"
	return $st
}

for r in $rules; do
	for d in $dirs; do
		if ! coccicheck "$tree" "$r" "$d"; then
			ko "$r: coccicheck M=$d failed:"
			tail -5 "$tmp/cc.out" | sed 's/^/	/'
		elif [ -s "$tmp/cc.rep" ]; then
			ko "$r: M=$d on $tree: $(wc -l < "$tmp/cc.rep") reports:"
			sed 's/^/	/' "$tmp/cc.rep"
		else
			ok "$r: M=$d on the patched tree: 0 reports"
		fi
	done
done

for h in $headers; do
	[ -f "$tree/$h" ] || continue
	[ -f "$ruledir/rqspinlock_must_check.cocci" ] || continue
	out=$(header_reports "$tree" "$h")
	if [ -z "$out" ]; then
		ok "rqspinlock_must_check: $h: 0 reports"
	else
		ko "rqspinlock_must_check: $h:"
		echo "$out" | sed 's/^/	/'
	fi
done

if [ -n "$stock" ]; then
	stock=$(cd "$stock" && pwd)
	echo "Stock tree $stock (informational):"
	for r in $rules; do
		for d in $dirs; do
			if coccicheck "$stock" "$r" "$d"; then
				echo "  $r M=$d: $(wc -l < "$tmp/cc.rep") reports"
				sed 's/^/	/' "$tmp/cc.rep"
			else
				ko "$r: coccicheck M=$d on $stock failed"
			fi
		done
	done
	for h in $headers; do
		[ -f "$stock/$h" ] || continue
		[ -f "$ruledir/rqspinlock_must_check.cocci" ] || continue
		n=$(header_reports "$stock" "$h" | tee "$tmp/h.rep" |
			grep -c "$report_re")
		echo "  rqspinlock_must_check $h: $n reports"
		sed 's/^/	/' "$tmp/h.rep"
	done
fi

echo "cocci: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
