#!/bin/sh
# run.sh - every kind of report is PDF/A-1b ([pdf] archival, the default),
# as Apache PDFBox Preflight (Debian's libpdfbox2-java) judges it: the
# annual report, the review, a committee pack, a school report and both
# type specimens; and with archival = no, no PDF/A claim is made.
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

echo "pdfa: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
