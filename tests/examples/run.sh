#!/bin/sh
# run.sh - the bundled examples other than input/: each examples/NAME/ is
# built from freshly generated data, every figure is compared with the
# values worked out by hand in its README (the block between "<!-- expected"
# and "-->": id,value,met as `nithet indicators --format csv` prints them,
# and "budget,SPENT"), and no report may carry a word of the first example's
# plan.
# Usage: sh tests/examples/run.sh   (from the repository root, after make build)
set -u
NITHET=${NITHET:-./nithet}
GEN=${GEN:-build/tools/gen-example}
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL $*"; }

# Words of the first example (สพป.พัทลุง เขต 2, FY 2558) that another
# office's reports must not carry.
FIRST="พัทลุง สวัสดีคุณครู KM กลุ่มสี ภาคีเครือข่าย สพป. บ้านกงหรา 2558 3.1."

for dir in examples/*/; do
	name=$(basename "$dir")
	work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-example.XXXXXX")
	mkdir -p "$work/input" "$work/out"
	"$GEN" --out "$work/input" || { no "$name: the generator failed"; continue; }
	# The committed data are the generator's: the README's figures are.
	if diff -r -x plan.xml "$work/input" "$dir/input" >"$work/diff"; then ok; else
		no "$name: input/ differs from the generator's output (run make example)"; head -5 "$work/diff"; fi
	cp "$dir/input/plan.xml" "$work/input/"
	run() { "$NITHET" -c "$dir/nithet.ini" -i "$work/input" -o "$work/out" "$@"; }

	run -q indicators --format csv >"$work/ind.csv" 2>"$work/ind.err"
	[ $? -le 1 ] && ok || { no "$name: indicators failed"; cat "$work/ind.err"; }
	sed -n '/^<!-- expected$/,/^-->$/p' "$dir/README.md" | sed '1d;$d' >"$work/expected"
	[ -s "$work/expected" ] && ok || no "$name: README has no expected block"
	while IFS=, read -r id value met; do
		if [ "$id" = budget ]; then
			got=$(awk -F, '$1 == "budget" { print $2 }' "$work/ind.csv")
			[ "$got" = "$value" ] && ok || no "$name: budget spent $got, README says $value"
			continue
		fi
		got=$(awk -F, -v id="$id" '$1 == id { print $2 "," $5 }' "$work/ind.csv")
		[ "$got" = "$value,$met" ] && ok || no "$name: target $id is \"$got\", README says \"$value,$met\""
	done <"$work/expected"
	n=$(tail -n +2 "$work/ind.csv" | grep -vc '^budget')
	m=$(grep -vc '^budget' "$work/expected")
	[ "$n" = "$m" ] && ok || no "$name: $n targets printed, $m in the README"

	run -q build >"$work/build.out" 2>"$work/build.err"
	[ $? -le 1 ] && ok || { no "$name: build failed"; cat "$work/build.err"; }
	run -q plan explain >"$work/explain.txt" 2>/dev/null && ok || no "$name: plan explain failed"
	# How nithet reads the plan, as its writer checks it: any change in the
	# reading shows here first (update with: nithet ... plan explain > explain.txt).
	if [ -f "$dir/explain.txt" ]; then
		if diff -u "$dir/explain.txt" "$work/explain.txt" >"$work/explain.diff"; then ok; else
			no "$name: plan explain differs from $dir/explain.txt"; head -20 "$work/explain.diff"; fi
	fi
	for pdf in "$work"/out/[0-9]*/*.pdf "$work"/out/[0-9]*/schools/*.pdf; do
		[ -f "$pdf" ] || continue
		pdftotext "$pdf" - >>"$work/all.txt"
	done
	[ -s "$work/all.txt" ] && ok || no "$name: no report text"
	# An office that calls its networks by its own word (network-word=) reads
	# that word, never เครือข่าย.
	nw=$(sed -n 's/.*network-word="\([^"]*\)".*/\1/p' "$dir/input/plan.xml" | head -1)
	if [ -n "$nw" ] && [ "$nw" != เครือข่าย ]; then
		if grep -qF เครือข่าย "$work/all.txt"; then
			no "$name: a report says เครือข่าย where the plan calls them $nw:"
			grep -F เครือข่าย "$work/all.txt" | head -3
		else
			ok
		fi
	fi
	# Money left over is "moved out" only when some activity drew on it.
	if ! grep -qF ถัวจ่ายเพิ่ม "$work/all.txt" && grep -qF ถัวจ่ายออก "$work/all.txt"; then
		no "$name: the budget table says ถัวจ่ายออก though no activity spent more than it was given"
	else
		ok
	fi
	# The review report names the files read: their temporary folder's
	# random name ("nithet-example.MpKMCr") is no word of a plan.
	sed "s|$work|WORK|g" "$work/all.txt" >"$work/all.clean" && mv "$work/all.clean" "$work/all.txt"
	for w in $FIRST; do
		if grep -qF -- "$w" "$work/all.txt" "$work/explain.txt"; then
			no "$name: \"$w\" of the first example's plan is in a report:"
			grep -F -- "$w" "$work/all.txt" "$work/explain.txt" | head -3
		else
			ok
		fi
	done

	# The office's tables as the workbooks nithet template writes, filled
	# from its files (--with-data), declared surveys included: the same
	# figures.
	run -q template --with-data >/dev/null 2>"$work/tpl.err" || no "$name: template failed"
	mkdir -p "$work/sheets"
	cp "$work/input/plan.xml" "$work/sheets/"
	for f in "$work/input"/*.csv; do
		stem=$(basename "$f" .csv)
		for x in "$work/out"/template-*/"$stem.xlsx"; do
			[ -f "$x" ] && cp "$x" "$work/sheets/" || cp "$f" "$work/sheets/"
		done
	done
	"$NITHET" -c "$dir/nithet.ini" -i "$work/sheets" -q indicators --format csv >"$work/ind2.csv" 2>/dev/null
	if cmp -s "$work/ind.csv" "$work/ind2.csv" && [ "$(ls "$work/sheets"/*.xlsx | wc -l)" -ge 10 ]; then ok; else
		no "$name: the template workbooks filled with its data give other figures"; diff "$work/ind.csv" "$work/ind2.csv" | head -5; fi
	rm -rf "$work"
done
echo "examples: $pass passed, $fail failed"
[ "$fail" = 0 ]
