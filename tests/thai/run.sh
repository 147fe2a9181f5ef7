#!/bin/sh
# tests/thai/run.sh - the Thai typesetting corpus tests.
#
# Run from the repository root: NITHET=./nithet sh tests/thai/run.sh
# Uses ${BUILD:-build}/tools/typeset-lines (typesets each line of a file as a
# paragraph) and poppler-utils (pdftotext, pdffonts). Checks, for the
# Laksaman and the Noto Sans Thai + Noto Sans font pairs:
#   1. every corpus line comes back exactly from pdftotext, default and -raw;
#   2. pdffonts: every font embedded and subset, with ToUnicode, and no font
#      object in the file that the pages do not use;
#   3. through the layout dump: no line break inside a dictionary word or a
#      keep-together word, Latin tokens broken only at spaces, and a long
#      table repeats its header on every page.
# Prints "thai: N passed, N failed"; exits 1 when anything failed.
set -u
TOOL=${BUILD:-build}/tools/typeset-lines
DIR=tests/thai
pass=0
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nithet-thai.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "thai: FAIL: $*" >&2; }

if [ ! -x "$TOOL" ]; then
	echo "thai: $TOOL not found; build it with: make $TOOL" >&2
	echo "thai: 0 passed, 1 failed"
	exit 1
fi
for prog in pdftotext pdffonts; do
	if ! command -v "$prog" >/dev/null 2>&1; then
		echo "thai: $prog not found; install poppler-utils" >&2
		echo "thai: 0 passed, 1 failed"
		exit 1
	fi
done

# Page text as lines: no form feeds, no empty lines.
lines_of() { tr -d '\f' | sed '/^$/d'; }

KEEP="-k ศึกษานิเทศก์ -k ปีงบประมาณ -k ก.ต.ป.น. -k สพป."

for font in laksaman noto; do
	for corpus in hard seed mixed; do
		src=$DIR/$corpus.txt
		pdf=$tmp/$font-$corpus.pdf
		# A page wide enough that no corpus line wraps.
		if ! "$TOOL" -f "$font" -w 5000 $KEEP "$src" "$pdf"; then
			bad "$font $corpus: typeset-lines failed"
			continue
		fi
		lines_of < "$src" > "$tmp/want"
		for mode in default raw; do
			if [ "$mode" = raw ]; then
				pdftotext -raw -enc UTF-8 "$pdf" - | lines_of > "$tmp/got"
			else
				pdftotext -enc UTF-8 "$pdf" - | lines_of > "$tmp/got"
			fi
			if cmp -s "$tmp/want" "$tmp/got"; then
				ok
			else
				bad "$font $corpus: pdftotext ($mode) differs:"
				diff "$tmp/want" "$tmp/got" | head -6 >&2
			fi
		done
		# pdffonts: the rows after the two header lines.
		pdffonts "$pdf" 2>/dev/null | sed '1,2d' > "$tmp/fonts"
		nf=$(wc -l < "$tmp/fonts")
		nobj=$(grep -a -c '/Subtype /Type0' "$pdf")
		if [ "$nf" -ge 1 ] && [ "$nf" -eq "$nobj" ] &&
		   ! awk '{ n = NF; if ($(n-4) != "yes" || $(n-3) != "yes" || $(n-2) != "yes" || $1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/) bad = 1 } END { exit !bad }' "$tmp/fonts"; then
			ok
		else
			bad "$font $corpus: pdffonts (want every font emb/sub/uni yes, $nobj Type0 objects):"
			cat "$tmp/fonts" >&2
		fi
		# Only what the text needs: Laksaman covers Latin and digits; Noto
		# Sans Thai does not, so its corpus (all with digits) needs Noto Sans.
		want=1
		if [ "$font" = noto ]; then want=2; fi
		if [ "$nf" -eq "$want" ]; then ok; else bad "$font $corpus: $nf fonts embedded, want $want"; fi
	done

	# Line breaking, through the layout dump.
	dump=$tmp/$font-breaks.dump
	if "$TOOL" -f "$font" -w 70 -d $KEEP "$DIR/breaks.txt" "$dump"; then
		sed -n 's/^text .* p[0-9]* "\(.*\)"$/\1/p' "$dump" > "$tmp/brk-lines"
		nl=$(wc -l < "$tmp/brk-lines")
		# Each line must be whole words of the list (longest match first).
		# A compound that the dictionary may split is written with | at the
		# allowed break (ผู้|อำนวยการ); its parts count as words.
		if [ "$nl" -gt 20 ] && awk -v words="$DIR/words.txt" '
			BEGIN { while ((getline w < words) > 0) { n = split(w, p, "|"); for (i = 1; i <= n; i++) if (p[i] != "") W[p[i]] = length(p[i]) } }
			{
				s = $0
				while (s != "") {
					best = 0
					for (w in W) if (W[w] > best && substr(s, 1, W[w]) == w) best = W[w]
					if (best == 0) { print "split word in line: " $0 > "/dev/stderr"; bad = 1; break }
					s = substr(s, best + 1)
				}
			}
			END { exit bad }' "$tmp/brk-lines"; then
			ok
		else
			bad "$font: a line break inside a word ($nl lines)"
		fi
	else
		bad "$font: typeset-lines -d breaks.txt failed"
	fi

	dump=$tmp/$font-latin.dump
	if "$TOOL" -f "$font" -w 120 -d "$DIR/latin.txt" "$dump"; then
		sed -n 's/^text .* p[0-9]* "\(.*\)"$/\1/p' "$dump" > "$tmp/lat-lines"
		nl=$(wc -l < "$tmp/lat-lines")
		if [ "$nl" -gt 4 ] && awk -v src="$DIR/latin.txt" '
			BEGIN { while ((getline l < src) > 0) { n = split(l, t, " "); for (i = 1; i <= n; i++) T[t[i]] = 1 } }
			{ n = split($0, t, " "); for (i = 1; i <= n; i++) if (!(t[i] in T)) { print "broken token: " t[i] > "/dev/stderr"; bad = 1 } }
			END { exit bad }' "$tmp/lat-lines"; then
			ok
		else
			bad "$font: a Latin token broken at a non-space ($nl lines)"
		fi
	else
		bad "$font: typeset-lines -d latin.txt failed"
	fi

	# A long table: its header row on every page.
	dump=$tmp/$font-table.dump
	if "$TOOL" -f "$font" -t -d "$DIR/seed.txt" "$dump"; then
		if awk '
			/^page / { if (np && !hdr) bad = 1; np++; hdr = 0 }
			/^text .* t[0-9]*r0c1 "ข้อความ"$/ { hdr = 1 }
			END { if (!hdr) bad = 1; exit !(np >= 2 && !bad) }' "$dump"; then
			ok
		else
			bad "$font: table header not repeated on every page"
		fi
	else
		bad "$font: typeset-lines -t failed"
	fi
done

echo "thai: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
