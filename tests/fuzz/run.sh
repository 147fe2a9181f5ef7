#!/bin/sh
# run.sh - build every libFuzzer target (tests/fuzz/fuzz_*.c) with clang and
# run each for FUZZ_SECONDS (default 60), seeded from the bundled input and the
# test cases. A finding stops the run with a non-zero status and leaves the
# crashing input in build/fuzz/NAME/ (crash-*, leak-*, timeout-*).
# Usage: sh tests/fuzz/run.sh [NAME...]     e.g. sh tests/fuzz/run.sh csv
set -eu
SECONDS_EACH=${FUZZ_SECONDS:-60}
CC=${FUZZ_CC:-clang}
PKGS="libxml-2.0 harfbuzz harfbuzz-subset libthai zlib libdeflate libzip freexl xlsxwriter"
CFLAGS="-DNITHET_VERSION=\"fuzz\" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -Isrc $(pkg-config --cflags $PKGS)"
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
LIBS="$(pkg-config --libs $PKGS) -lhpdf -lcsv -liniparser -lm"
LIB_SRC=$(ls src/*/*.c)
out=build/fuzz
mkdir -p "$out/obj"

# The library once, instrumented for coverage but without a main.
for f in $LIB_SRC; do
	o="$out/obj/$(echo "$f" | tr / _).o"
	if [ ! -f "$o" ] || [ "$f" -nt "$o" ]; then
		$CC $CFLAGS -fsanitize=fuzzer-no-link,address,undefined -c -o "$o" "$f"
	fi
done

seeds() { # name -> seed directory
	dir="$out/$1/seeds"
	mkdir -p "$dir"
	case $1 in
	csv) cp input/*.csv tests/cases/*/input/*.csv "$dir" 2>/dev/null || true ;;
	config) cp config/nithet.ini tests/cases/*/nithet.ini "$dir" 2>/dev/null || true ;;
	xml|stream) cp input/*.xml config/*.xsd tests/unit/data/xml/* tests/cases/*/input/*.xml "$dir" 2>/dev/null || true ;;
	plan) cp input/plan.xml tests/unit/data/plan/*.xml tests/cases/plan-*/input/plan.xml tests/plans/*.xml "$dir" 2>/dev/null || true
		cp examples/secondary-2567/input/plan.xml "$dir/example-plan.xml" 2>/dev/null || true ;;
	zip) cp tests/sheets/typed.xlsx tests/sheets/sample-xlsx/staff.xlsx "$dir" 2>/dev/null || true
		cp tests/sheets/typed.ods "$dir/typed.ods" 2>/dev/null || true ;;
	xls) cp tests/sheets/typed.xls tests/sheets/sample-xls/staff.xls "$dir" 2>/dev/null || true ;;
	png) cp input/emblem.png "$dir" 2>/dev/null || true
		cp input/photos/1/*.png "$dir" 2>/dev/null || true ;;
	*) cp tests/fuzz/seeds/"$1"/* "$dir" 2>/dev/null || true ;;
	esac
	echo "$dir"
}

names=${*:-$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')}
for name in $names; do
	bin="$out/$name/fuzz_$name"
	mkdir -p "$out/$name/corpus"
	$CC $CFLAGS $SAN -o "$bin" "tests/fuzz/fuzz_$name.c" "$out"/obj/*.o $LIBS
	seeds "$name" >/dev/null
	echo "fuzz: $name for ${SECONDS_EACH}s"
	(cd "$out/$name" && ./fuzz_$name -max_total_time="$SECONDS_EACH" -max_len=65536 \
		-rss_limit_mb=2048 -print_final_stats=1 corpus seeds 2>log.txt) || {
		tail -40 "$out/$name/log.txt"
		echo "fuzz: $name found a problem; see $out/$name/"
		exit 1
	}
	grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "$out/$name/log.txt" | tail -2
done
