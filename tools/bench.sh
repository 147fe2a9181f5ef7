#!/bin/sh
# bench.sh - the benchmarks of issues 3-6, medians of several runs. Speed is
# measured here, never asserted in tests: these machines are noisy, so read
# ratios within one run. Usage: sh tools/bench.sh [BUILD]   (make bench)
set -eu
B=${1:-build}
runs=5
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { # command... -> wall seconds
	s=$(date +%s%N)
	"$@" >/dev/null 2>&1 || true
	e=$(date +%s%N)
	echo "$(( (e - s) / 1000000 ))" | awk '{printf "%.3f\n", $1 / 1000}'
}

echo "== typesetting (issue 3): pages per second, 3,000-row table"
"$B/tools/bench-typeset" -j 1
"$B/tools/bench-typeset" -j 2

echo "== reading a workbook (issue 12): .xlsx rows per second and memory against CSV, $runs runs"
"$B/tools/bench-xlsx" -n $runs 100000 1000000

echo "== nithet build of the bundled input (issue 6): $runs runs"
out=$(mktemp -d)
t=$(for i in $(seq $runs); do secs ./nithet -q -o "$out" build; done | median)
echo "build: median ${t} s (annual, committee packs, 117 school reports, indicators)"
rm -rf "$out"

# The national-scale set: 30,000 schools, ~3 million visits (about 1.1 GB).
nat=$B/bench/national
if [ ! -f "$nat/visits.csv" ]; then
	echo "== generating the national-scale set into $nat (about 7 s, 1.1 GB)"
	mkdir -p "$nat"
	"$B/tools/gen-sample" --national --out "$nat" >/dev/null
	cp input/plan.xml "$nat/"
fi
# Paths in a config are relative to its folder: give them whole.
here=$(pwd)
cat >"$B/bench/national.ini" <<INI
[office]
expected_schools = 29910
[paths]
input_dir = $here/$nat
output_dir = $here/$B/bench/out
[limits]
max_file_bytes = 2147483647
INI
echo "== loading and measuring the national set (issues 4 and 5)"
"$B/tools/bench-measure" -c "$B/bench/national.ini" -n $runs
echo "== nithet build of the national set (issue 6): one run"
/usr/bin/time -f "build: %e s wall, peak %M KB" ./nithet -q -c "$B/bench/national.ini" build 2>&1 | tail -1
