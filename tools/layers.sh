#!/bin/sh
# layers.sh - the stages of src/ use only the stages before them.
#
# The order is src/README.md's: core → config, model → load, measure →
# doc, export → report → typeset → pdf → render → cli, and main.c above
# them all, using only cli/ and core/ (it parses options and dispatches).
# load/ makes the model and measure/ reads it: neither uses the other.
# A folder may use its own files and those of a folder of a lower rank; two
# folders of the same rank may not use each other. Checked twice:
#   - from the sources: every #include "folder/file.h" of src/*/*.[ch] and
#     src/main.c;
#   - from the link: every symbol an object file of BUILD/src leaves
#     undefined and another of them defines (nm), so a header that declares
#     what a later stage defines is caught too.
# Usage: tools/layers.sh [SRC [BUILD]]   (default src and build; the link is
# checked when BUILD/src holds object files). Exit 1 naming each use that
# goes up the order, 2 when a folder has no place in it.

SRC=${1:-src}
BUILD=${2:-build}

# Each folder's place in the order.
RANKS='core 0
config 1
model 1
load 2
measure 2
doc 3
export 3
report 4
typeset 5
pdf 6
render 7
cli 8
main 9'

fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
printf '%s\n' "$RANKS" > "$tmp/ranks"

# Every folder of src/ must have a place.
for d in "$SRC"/*/; do
	f=$(basename "$d")
	if ! grep -q "^$f " "$tmp/ranks"; then
		echo "layers: $SRC/$f/ has no place in the stage order; add it to tools/layers.sh and src/README.md" >&2
		exit 2
	fi
done

# The judge: lines "USER-FOLDER USED-FOLDER WHERE WHAT" on stdin; prints
# each use that goes up the order and exits 1 if there was one.
judge() {
	awk -v what="$1" '
	NR == FNR { rank[$1] = $2; next }
	{
		u = $1; d = $2
		# what is used: the rest of the line after the place
		used = $0
		for (i = 1; i <= 3; i++) sub(/^[^ ]+ /, "", used)
		if (!(u in rank) || !(d in rank) || u == d) next
		# main.c only dispatches: the stages reach it through cli/.
		if (u == "main") {
			if (d == "cli" || d == "core") next
			printf "%s: %s %s: main.c uses only cli/ and core/ (it parses the options and dispatches)\n", $3, what, used
			bad = 1
			next
		}
		if (rank[d] < rank[u]) next
		allowed = ""
		for (r = 0; r < rank[u]; r++)
			for (f in rank) if (rank[f] == r) allowed = allowed " " f "/"
		if (rank[d] == rank[u])
			why = d "/ is of the same rank as " u "/"
		else
			why = d "/ comes after " u "/"
		printf "%s: %s %s: %s; %s/ may use only its own files%s%s\n", $3, what, used, why, u,
		    allowed == "" ? "" : " and", allowed
		bad = 1
	}
	END { exit bad }' "$tmp/ranks" -
}

# 1. Includes.
for f in "$SRC"/*/*.[ch] "$SRC"/main.c; do
	[ -f "$f" ] || continue
	case $f in
	"$SRC"/main.c) user=main ;;
	*) user=$(basename "$(dirname "$f")") ;;
	esac
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[a-z_]*/' "$f" |
	sed -n 's/^\([0-9]*\):[^"]*"\([a-z_]*\)\/\([^"]*\)".*/\1 \2 \2\/\3/p' |
	while read -r line dir hdr; do
		echo "$user $dir $f:$line $hdr"
	done
done > "$tmp/includes"
judge "includes" < "$tmp/includes" || fail=1

# 2. The link: who defines what, and who needs it.
if ls "$BUILD"/src/*/*.o >/dev/null 2>&1; then
	for o in "$BUILD"/src/*/*.o "$BUILD"/src/main.o; do
		[ -f "$o" ] || continue
		case $o in
		*/src/main.o) stage=main ;;
		*) stage=$(basename "$(dirname "$o")") ;;
		esac
		nm -g --defined-only "$o" | awk -v s="$stage" -v o="$o" 'NF >= 3 { print $3, s, o }' >> "$tmp/defs"
		nm -u "$o" | awk -v s="$stage" -v o="$o" '{ print $NF, s, o }' >> "$tmp/needs"
	done
	awk 'NR == FNR { if (!($1 in def)) { def[$1] = $2; where[$1] = $3 } next }
	     ($1 in def) { print $2, def[$1], $3, $1 " (defined in " where[$1] ")" }' \
		"$tmp/defs" "$tmp/needs" > "$tmp/links"
	judge "needs" < "$tmp/links" || fail=1
else
	echo "layers: no object files in $BUILD/src; only the includes were checked" >&2
fi

if [ $fail -eq 0 ]; then
	n=$(wc -l < "$tmp/includes")
	l=$( [ -f "$tmp/links" ] && wc -l < "$tmp/links" || echo 0)
	echo "layers: $n includes and $l links between files of src/ follow the stage order"
fi
exit $fail
