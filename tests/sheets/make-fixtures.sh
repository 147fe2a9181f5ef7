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
#   typed.xlsx              typed.fods (a spreadsheet written by hand in
#                           LibreOffice's flat XML: merged cells, formulas,
#                           dates in Thai Buddhist-Era formats, codes with
#                           leading zeros, booleans) saved as .xlsx by Calc.
# Usage (from the repository root): sh tests/sheets/make-fixtures.sh
set -eu
command -v soffice >/dev/null || { echo "needs LibreOffice: apt-get install libreoffice-calc-nogui" >&2; exit 1; }
out=tests/sheets/sample-xlsx
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
	soffice --headless --convert-to xlsx --infilter="CSV:44,34,76,1,,1054,false,true" \
	    --outdir "$tmp" "$tmp/$name.csv" >/dev/null 2>&1
	mv "$tmp/$name.xlsx" "$out/$name.xlsx"
done
soffice --headless --convert-to xlsx --outdir "$tmp" tests/sheets/typed.fods >/dev/null 2>&1
mv "$tmp/typed.xlsx" tests/sheets/typed.xlsx
ls -l "$out" tests/sheets/typed.xlsx
