#!/bin/sh
# run.sh - the spreadsheets offices have (issue 12): the bundled sample saved
# as Excel workbooks and as OpenDocument spreadsheets by LibreOffice Calc
# must give byte-identical indicators to the CSV run; one table in two files is an error naming both; a form
# nithet cannot read is named with what to do; messages name a sheet's cells;
# hostile workbooks (tools/gen-xlsx) each end with exit 3 and a message
# naming the file, never a crash or a hang. The time each takes is printed
# for the reader, not asserted.
# Usage (from the repository root):
#   NITHET=./nithet GEN=build/tools/gen-xlsx sh tests/sheets/run.sh
set -u
NITHET=${NITHET:-./nithet}
GEN=${GEN:-build/tools/gen-xlsx}
pass=0
fail=0
work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-sheets.XXXXXX")
trap 'rm -rf "$work"' EXIT

ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -f "$work/err" ] && grep -v warning "$work/err" | head -3; }

# The input folder with every CSV the fixtures have replaced by its
# workbook of form $1 (xlsx, ods or xls).
sheet_input() {
	rm -rf "$work/in"
	cp -R input "$work/in"
	for x in tests/sheets/sample-$1/*.$1; do
		rm -f "$work/in/$(basename "$x" ".$1").csv"
		cp "$x" "$work/in/"
	done
}

# 1. The same indicators, byte for byte, from workbooks as from CSV.
"$NITHET" -q -i input indicators >"$work/csv.json" 2>/dev/null
"$NITHET" -q -i input indicators --format csv >"$work/csv.csv" 2>/dev/null
for form in ods xls xlsx; do
	sheet_input $form
	n=$(ls "$work/in"/*.$form | wc -l)
	"$NITHET" -q -i "$work/in" indicators >"$work/sheet.json" 2>"$work/err"
	rc=$?
	"$NITHET" -q -i "$work/in" indicators --format csv >"$work/sheet.csv" 2>/dev/null
	if [ "$rc" = 0 ] && [ "$n" -ge 10 ] && cmp -s "$work/csv.json" "$work/sheet.json" &&
	    cmp -s "$work/csv.csv" "$work/sheet.csv"; then
		ok "$n inputs as .$form (LibreOffice Calc): indicators identical to the CSV run"
	else
		no "$n inputs as .$form: exit $rc, indicators differ"
		diff "$work/csv.json" "$work/sheet.json" | head -5
	fi
done
# The file summary says what each file was.
"$NITHET" -i "$work/in" check >"$work/out" 2>/dev/null
if grep -q "^visits.xlsx *Excel (.xlsx) *2415 " "$work/out"; then
	ok "check's summary: visits.xlsx, Excel (.xlsx), 2415 rows"
else
	no "check's summary of visits.xlsx"; grep visits "$work/out"
fi
# Messages name the cell as Calc and Excel show it.
if grep -qF "visits.xlsx: visits!B2: warning: date 2557-09-30 (read as 30 กันยายน 2557)" "$work/err"; then
	ok "a message names the cell visits!B2"
else
	no "no cell reference in: $(grep visits "$work/err" | head -2)"
fi

# 2. One table, one file.
sheet_input xlsx
cp input/visits.csv "$work/in/"
"$NITHET" -q -i "$work/in" check >/dev/null 2>"$work/err"
rc=$?
if [ "$rc" = 3 ] && grep -q "both visits.csv and visits.xlsx are in the input directory" "$work/err"; then
	ok "visits.csv beside visits.xlsx: exit 3 naming both"
else
	no "visits.csv beside visits.xlsx: exit $rc"
fi

# 3. A form nithet cannot read is named, with what to do.
rm -rf "$work/in"; cp -R input "$work/in"
mv "$work/in/visits.csv" "$work/in/visits.numbers"
"$NITHET" -q -i "$work/in" check >/dev/null 2>"$work/err"
rc=$?
if [ "$rc" = 3 ] && grep -q "visits.numbers: error: is an Apple Numbers file: export it as Excel" "$work/err"; then
	ok "visits.numbers alone: exit 3, named with what to do"
else
	no "visits.numbers alone: exit $rc"
fi

# 3b. A Google Forms "Download responses (.csv)": timestamps in its form
# (2015/08/05 10:54:43 AM GMT+7) and numbered choices (5 - มากที่สุด) read
# as the sample's own export.
rm -rf "$work/in"; cp -R input "$work/in"
awk 'NR > 1 && match($0, /^"[0-9]+\/[0-9]+\/[0-9]+, [0-9]+:[0-9]+:[0-9]+"/) {
	split(substr($0, 2, RLENGTH - 2), t, /[\/, :]+/)
	h = t[4] + 0; half = h < 12 ? "AM" : "PM"; h12 = h % 12; if (h12 == 0) h12 = 12
	$0 = sprintf("\"%04d/%02d/%02d %d:%s:%s %s GMT+7\"", t[3], t[2], t[1], h12, t[5], t[6], half) substr($0, RLENGTH + 1)
}
NR > 1 {
	gsub(/"มากที่สุด"/, "\"5 - มากที่สุด\""); gsub(/"มาก"/, "\"4 - มาก\""); gsub(/"ปานกลาง"/, "\"3 - ปานกลาง\"")
	gsub(/"น้อยที่สุด"/, "\"1 - น้อยที่สุด\""); gsub(/"น้อย"/, "\"2 - น้อย\"")
}
{ print }' input/surveys.csv >"$work/in/surveys.csv"
"$NITHET" -q -i "$work/in" indicators >"$work/forms.json" 2>/dev/null
rc=$?
if [ "$rc" = 0 ] && grep -q "GMT+7" "$work/in/surveys.csv" && grep -q "5 - มากที่สุด" "$work/in/surveys.csv" &&
    cmp -s "$work/csv.json" "$work/forms.json"; then
	ok "a Forms download (AM/PM GMT+7 timestamps, numbered choices): indicators identical"
else
	no "Forms download: exit $rc"; diff "$work/csv.json" "$work/forms.json" | head -5; sed -n 2p "$work/in/surveys.csv" | cut -c1-120
fi

# 4. Hostile workbooks, each in place of networks.csv (max_rows 100,000 so
# that a sheet of every row Excel allows is past it).
printf '[limits]\nmax_rows = 100000\n' >"$work/limits.ini"
hostile() { # kind, text[, extension]
	kind=$1 text=$2 ext=${3:-xlsx}
	rm -rf "$work/in"; cp -R input "$work/in"; rm "$work/in/networks.csv"
	case $kind in
	truncated) "$GEN" ok "$work/whole.xlsx" && head -c 700 "$work/whole.xlsx" >"$work/in/networks.$ext" ;;
	*) "$GEN" "$kind" "$work/in/networks.$ext" ;;
	esac
	start=$(date +%s%N)
	"$NITHET" -q -c "$work/limits.ini" -i "$work/in" check >/dev/null 2>"$work/err"
	rc=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	if [ "$rc" = 3 ] && grep "networks.$ext" "$work/err" | grep -qF -- "$text"; then
		ok "hostile $kind as .$ext: exit 3 in $ms ms"
	else
		no "hostile $kind as .$ext: exit $rc (want 3 and \"$text\")"
	fi
}
hostile bomb "a zip bomb, not a table"
hostile many "lists 100005 members"
hostile truncated "damaged or incomplete"
hostile encrypted "protected by a password"
hostile doctype "DOCTYPE"
hostile entity "DOCTYPE"
hostile sst "networks!A2: error: the cell points to shared string 99"
hostile rows "more than 100000 rows"
hostile docx "is a Word document"
hostile ods-encrypted "protected by a password" ods
hostile ok "an Excel workbook: name it .xlsx" ods
hostile truncated "damaged or incomplete" ods
hostile encrypted "cannot be read: it is damaged" xls
hostile ok "cannot be read: it is not an Excel 97-2003 workbook" xls
# A workbook libFuzzer made that makes libfreexl read past a buffer: its
# reader runs in a child process, so nithet itself only says the workbook
# cannot be read.
rm -rf "$work/in"; cp -R input "$work/in"; rm "$work/in/networks.csv"
cp tests/sheets/hostile/freexl-overread.xls "$work/in/networks.xls"
"$NITHET" -q -i "$work/in" check >/dev/null 2>"$work/err"
rc=$?
if [ "$rc" = 3 ] && grep "networks.xls" "$work/err" | grep -q "cannot be read"; then
	ok "a workbook that makes libfreexl read past a buffer: exit 3, the reader's child alone affected"
else
	no "freexl-overread.xls: exit $rc"
fi
# The valid one loads (the generator is not what fails above).
rm -rf "$work/in"; cp -R input "$work/in"; rm "$work/in/networks.csv"
"$GEN" ok "$work/in/networks.xlsx"
"$NITHET" -q -i "$work/in" check >/dev/null 2>"$work/err"
rc=$?
[ "$rc" -le 1 ] && ok "the generator's valid workbook loads (exit $rc)" || no "valid workbook: exit $rc"

# 5. nithet template: a workbook for each table the plan uses, whose header
# nithet reads with no unknown and no missing column; with --with-data, the
# workbooks of the tables that had a file give identical indicators; and one
# such workbook opened and saved again by LibreOffice Calc (a committed
# fixture, make-fixtures.sh) loads the same.
rm -rf "$work/out"
"$NITHET" -q -o "$work/out" template >/dev/null 2>"$work/err"
rc=$?
n=$(ls "$work/out/template-2558"/*.xlsx 2>/dev/null | wc -l)
rm -rf "$work/in"; mkdir "$work/in"
cp input/plan.xml "$work/in/"
cp "$work/out/template-2558"/*.xlsx "$work/in/"
"$NITHET" -i "$work/in" check >/dev/null 2>"$work/err2"
if [ "$rc" = 0 ] && [ "$n" -ge 10 ] && ! grep -q "unknown column\|column .* is missing\|required column" "$work/err2"; then
	ok "template: $n workbooks, every header read by nithet as its table's"
else
	no "template: exit $rc, $n workbooks"; grep "column" "$work/err2" | head -3
fi
rm -rf "$work/out"
"$NITHET" -q -o "$work/out" template --with-data >/dev/null 2>"$work/err"
rm -rf "$work/in"; mkdir "$work/in"
cp -R input/plan.xml input/emblem.png input/indicators-2557.csv input/photos "$work/in/"
for f in input/*.csv input/*.xml; do
	stem=$(basename "$f"); stem=${stem%.*}
	[ -f "$work/out/template-2558/$stem.xlsx" ] && cp "$work/out/template-2558/$stem.xlsx" "$work/in/"
done
"$NITHET" -q -i "$work/in" indicators >"$work/tpl.json" 2>"$work/err"
rc=$?
n=$(ls "$work/in"/*.xlsx | wc -l)
if [ "$rc" = 0 ] && [ "$n" -ge 10 ] && cmp -s "$work/csv.json" "$work/tpl.json"; then
	ok "template --with-data: $n filled workbooks give identical indicators"
else
	no "template --with-data: exit $rc, $n workbooks"; diff "$work/csv.json" "$work/tpl.json" | head -5
fi
if [ -f tests/sheets/template-calc/visits.xlsx ]; then
	cp tests/sheets/template-calc/visits.xlsx "$work/in/visits.xlsx"
	"$NITHET" -q -i "$work/in" indicators >"$work/calc.json" 2>"$work/err"
	rc=$?
	if [ "$rc" = 0 ] && cmp -s "$work/csv.json" "$work/calc.json"; then
		ok "the filled visits workbook saved again by LibreOffice Calc loads the same"
	else
		no "the visits workbook saved by Calc: exit $rc"; diff "$work/csv.json" "$work/calc.json" | head -5
	fi
fi

echo "sheets: $pass passed, $fail failed"
[ "$fail" = 0 ]
