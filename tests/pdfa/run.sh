#!/bin/sh
# run.sh - every kind of report is PDF/A-1b ([pdf] archival, the default),
# as Apache PDFBox Preflight (Debian's libpdfbox2-java) judges it: the
# annual report, the review, a committee pack, a school report and both
# type specimens; and with archival = no, no PDF/A claim is made.
# archival = 2u and 3u: Preflight's Validator_A1b judges part 1 only, so
# our own checker, pdfcheck.py, judges them (the XMP's claim alone, the
# header, every glyph shown mapped to Unicode, no .notdef), with pdffonts,
# pdftotext, and Preflight for all it finds but what part 1 alone asks;
# the checker is shown to fail on a map broken on purpose (breakmap.py).
# Usage: NITHET=./nithet sh tests/pdfa/run.sh   (make test-pdfa)
set -u
NITHET=${NITHET:-./nithet}
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-pdfa.XXXXXX")
trap 'rm -rf "$work"' EXIT
j=/usr/share/java
CP=$j/preflight.jar:$j/pdfbox2.jar:$j/fontbox2.jar:$j/xmpbox.jar:$j/commons-logging.jar:$j/javax.activation.jar:$j/jaxb-api.jar

"$NITHET" -q -o "$work/out" build >/dev/null 2>&1 && ok || bad "build failed"
"$NITHET" -q -o "$work/out" specimen >/dev/null 2>&1 && ok || bad "specimen failed"
for f in 2558/annual-2558.pdf 2558/review-2558.pdf 2558/committee-5-2558.pdf 2558/schools/93020001-2558.pdf \
    specimen.pdf specimen-noto.pdf; do
	java -cp "$CP" org.apache.pdfbox.preflight.Validator_A1b "$work/out/$f" >"$work/v.txt" 2>&1
	if grep -q 'is a valid PDF/A-1b file' "$work/v.txt"; then ok; else
		bad "$f is not PDF/A-1b:"
		sed 's/ on page [0-9]*//' "$work/v.txt" | sort | uniq -c | sort -rn | head -8
	fi
done
# The claim is in the XMP, which carries the Thai title as UTF-8, and the
# trailer has its /ID; the same report built twice is the same bytes.
grep -aq '<pdfaid:part>1</pdfaid:part>' "$work/out/2558/annual-2558.pdf" && ok || bad "no pdfaid claim in the XMP"
grep -aq 'รายงานผลการดำเนินงานโครงการ' "$work/out/2558/annual-2558.pdf" && ok || bad "the XMP has no Thai title"
SOURCE_DATE_EPOCH=1445299200 "$NITHET" -q -o "$work/a" annual >/dev/null 2>&1
SOURCE_DATE_EPOCH=1445299200 "$NITHET" -q -o "$work/b" annual >/dev/null 2>&1
cmp -s "$work/a/2558/annual-2558.pdf" "$work/b/2558/annual-2558.pdf" && ok || bad "two archival builds differ"
# archival = no: an ordinary PDF, no claim
sed -e 's|^archival = .*|archival = no|' -e 's|^input_dir = .*|input_dir = '"$(pwd)"'/input|' config/nithet.ini >"$work/plain.ini"
"$NITHET" -q -c "$work/plain.ini" -o "$work/plain" annual >/dev/null 2>&1 && ok || bad "archival = no: annual failed"
grep -aq 'pdfaid' "$work/plain/2558/annual-2558.pdf" && bad "archival = no still claims PDF/A" || ok

# a colour profile that is not there: the config's error (exit 2) naming it, no report written
sed -e 's|^icc_profile = .*|icc_profile = '"$work"'/none.icc|' -e 's|^input_dir = .*|input_dir = '"$(pwd)"'/input|' \
	config/nithet.ini >"$work/noicc.ini"
"$NITHET" -q -c "$work/noicc.ini" -o "$work/noicc" annual >/dev/null 2>"$work/noicc.err"
rc=$?
[ "$rc" -eq 2 ] && grep -q "none.icc: error: cannot open the colour profile" "$work/noicc.err" &&
	[ ! -e "$work/noicc/2558/annual-2558.pdf" ] && ok ||
	{ bad "a missing colour profile: exit $rc"; cat "$work/noicc.err"; }

# archival = 2u and 3u: the annual report, a school report, a committee
# pack and the review
for level in 2u 3u; do
	sed -e "s|^archival = .*|archival = $level|" -e 's|^input_dir = .*|input_dir = '"$(pwd)"'/input|' \
		config/nithet.ini >"$work/$level.ini"
	SOURCE_DATE_EPOCH=1445299200 "$NITHET" -q -c "$work/$level.ini" -o "$work/$level" build >/dev/null 2>&1 &&
		ok || bad "archival = $level: build failed"
	d=$work/$level/2558
	set -- "$d/annual-2558.pdf" "$d/schools/93020001-2558.pdf" "$d/committee-5-2558.pdf" "$d/review-2558.pdf"
	python3 tests/pdfa/pdfcheck.py --claim "$level" --header 1.7 "$@" >"$work/check.txt" 2>&1 && ok ||
		{ bad "archival = $level: pdfcheck.py finds problems:"; head -20 "$work/check.txt"; }
	for f in "$@"; do
		# pdffonts: name, type (two words), encoding, then emb sub uni
		pdffonts "$f" >"$work/fonts.txt" 2>&1
		n=$(awk 'NR > 2' "$work/fonts.txt" | wc -l)
		no=$(awk 'NR > 2 && !($(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes")' "$work/fonts.txt")
		[ "$n" -gt 0 ] && [ -z "$no" ] && ok ||
			{ bad "archival = $level: ${f#$work/} has a font not embedded, subset and mapped:"; cat "$work/fonts.txt"; }
		# Preflight: nothing but part 1's own demands (the part, the
		# level, a CIDSet, which parts 2 and 3 leave optional)
		java -cp "$CP" org.apache.pdfbox.preflight.Validator_A1b "$f" >"$work/v.txt" 2>&1
		other=$(grep '^[0-9]' "$work/v.txt" | grep -v -e '^7\.11\.2 : Error on MetaData, part must be 1' \
			-e '^7\.11\.1 : Error on MetaData, conformance level must be A or B' \
			-e '^3\.1\.11 : Invalid Font definition, .*: The CIDSet entry is missing for the Composite Subset')
		grep -q '7.11.2 : Error on MetaData, part must be 1' "$work/v.txt" && [ -z "$other" ] && ok ||
			{ bad "archival = $level: Preflight on ${f#$work/}:"; sed 's/ on page [0-9]*//' "$work/v.txt" | sort -u | head -8; }
	done
	# the Thai title: in the Info dictionary (the checker compared it with
	# the XMP's) and on the first page as text
	while IFS='|' read -r f title; do
		pdfinfo "$d/$f" 2>/dev/null | grep -q "^Title: *$title" && pdftotext -l 1 "$d/$f" - 2>/dev/null |
			tr '\n' ' ' | grep -qF "$title" && ok || bad "archival = $level: $f does not give back '$title'"
	done <<-EOF
		annual-2558.pdf|รายงานผลการดำเนินงานโครงการ
		schools/93020001-2558.pdf|รายงานผลการนิเทศ โรงเรียนบ้านกงหรา
		committee-5-2558.pdf|เอกสารประกอบการประชุม
	EOF
done
# the same bytes twice; 2u and 3u differ in their claim only
SOURCE_DATE_EPOCH=1445299200 "$NITHET" -q -c "$work/3u.ini" -o "$work/3u-again" annual >/dev/null 2>&1
cmp -s "$work/3u/2558/annual-2558.pdf" "$work/3u-again/2558/annual-2558.pdf" && ok || bad "two 3u builds differ"
cmp "$work/2u/2558/annual-2558.pdf" "$work/3u/2558/annual-2558.pdf" 2>/dev/null | grep -q . && ok ||
	bad "the 2u and 3u annual reports are the same bytes"
# The checker can fail: on a 2u school report whose ToUnicode map lost one
# glyph's line, or maps it to a private use code point (an incremental
# update, as an editor saves); and on the 1b report, whose claim is part 1
# and whose map keeps the font's private use code points (U+F70A...).
for mode in drop pua; do
	broke=$(cd tests/pdfa && python3 breakmap.py $mode "$work/2u/2558/schools/93020001-2558.pdf" "$work/$mode.pdf")
	font=${broke% *}
	glyph=${broke##* }
	want="glyph $glyph has no ToUnicode entry"
	[ $mode = pua ] && want="glyph $glyph maps to U+F70A, a private use code point"
	python3 tests/pdfa/pdfcheck.py --claim 2u --header 1.7 "$work/$mode.pdf" >"$work/check.txt" 2>&1
	rc=$?
	[ -n "$broke" ] && [ "$rc" -eq 1 ] && grep -q "($font): $want" "$work/check.txt" && ok ||
		{ bad "pdfcheck.py does not see the map broken ($mode, $broke): exit $rc"; head -5 "$work/check.txt"; }
done
python3 tests/pdfa/pdfcheck.py --claim 2u --header 1.7 "$work/out/2558/annual-2558.pdf" >"$work/check.txt" 2>&1
rc=$?
[ "$rc" -eq 1 ] && grep -q "the XMP claims pdfaid:part \['1'\], not 2" "$work/check.txt" &&
	grep -q "the header is '%PDF-1.3', not %PDF-1.7" "$work/check.txt" &&
	grep -q "maps to U+F70., a private use code point" "$work/check.txt" && ok ||
	{ bad "pdfcheck.py passes a PDF/A-1b file as 2u: exit $rc"; head -5 "$work/check.txt"; }

echo "pdfa: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
