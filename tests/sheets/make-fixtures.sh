#!/bin/sh
# make-fixtures.sh - make the workbooks of tests/sheets with a real office
# program, LibreOffice Calc (Debian's libreoffice-calc-nogui), never at run
# time and never in CI: the workbooks are committed. Run it again when the
# bundled sample (input/) changes, then `make test-sheets`.
#
#   sample-xlsx/NAME.xlsx   every CSV input of input/ opened in Calc as a
#                           Thai user would (language Thai, so 30/9/2557 is
#                           a date, day first; ISO dates are dates; numbers
#                           are numbers: school codes lose nothing) and saved
#                           as "Excel 2007-365"; a file in Windows-874 is
#                           read as such (made UTF-8 by iconv first).
#   sample-ods/NAME.ods     the same, saved as OpenDocument (.ods), and
#   sample-xls/NAME.xls     as Excel 97-2003 (.xls).
#   template-calc/visits.xlsx  nithet template --with-data's visits workbook
#                           opened and saved again by Calc (needs ./nithet).
#   typed.xlsx, .ods, .xls  typed.fods (a spreadsheet written by hand in
#                           LibreOffice's flat XML: merged cells, formulas,
#                           dates in Thai Buddhist-Era formats, codes with
#                           leading zeros, booleans) saved by Calc.
# Usage (from the repository root): sh tests/sheets/make-fixtures.sh
set -eu
command -v soffice >/dev/null || { echo "needs LibreOffice: apt-get install libreoffice-calc-nogui" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in input/*.csv; do
	name=$(basename "$f" .csv)
	case $name in indicators-*) continue ;; esac   # nithet's own export, read as CSV only
	# A file in Windows-874 is made UTF-8 first, as Calc's import dialog
	# would read it with the right character set chosen.
	if iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then cp "$f" "$tmp/$name.csv"
	else iconv -f CP874 -t UTF-8 "$f" >"$tmp/$name.csv"; fi
	# CSV filter: comma, double quote, UTF-8 (76), from line 1, no column
	# types, language Thai (1054), quoted fields as text no, detect special
	# numbers (dates) yes.
	for ext in xlsx ods xls; do
		soffice --headless --convert-to $ext --infilter="CSV:44,34,76,1,,1054,false,true" \
		    --outdir "$tmp" "$tmp/$name.csv" >/dev/null 2>&1
		mkdir -p "tests/sheets/sample-$ext"
		mv "$tmp/$name.$ext" "tests/sheets/sample-$ext/$name.$ext"
	done
done
for ext in xlsx ods xls; do
	cp tests/sheets/typed.fods "$tmp/typed.fods"
	soffice --headless --convert-to $ext --outdir "$tmp" "$tmp/typed.fods" >/dev/null 2>&1
	mv "$tmp/typed.$ext" "tests/sheets/typed.$ext"
done
# nithet's own workbook of visits, filled from the sample (template
# --with-data), opened and saved again by Calc: what an office does with it.
./nithet -q -o "$tmp/out" template --with-data >/dev/null
mkdir -p tests/sheets/template-calc "$tmp/calc"
soffice --headless --convert-to xlsx --outdir "$tmp/calc" "$tmp/out/template-2558/visits.xlsx" >/dev/null 2>&1
mv "$tmp/calc/visits.xlsx" tests/sheets/template-calc/visits.xlsx
ls -l tests/sheets/sample-* tests/sheets/typed.* tests/sheets/template-calc
