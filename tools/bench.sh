#!/bin/sh
# bench.sh - the benchmarks of issues 3-6, 12 and 14, medians of several runs. Speed is
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

# Each build into a folder of its own, removed only at the end, and the
# disk flushed before each timed run: a nightly build writes into a folder
# whose last files went a day before, not a second (ext4 spends time
# stepping over inodes freed seconds ago), and its own flush of the set
# should not wait for the other program's files.
# Eleven pairs: the Pango program alone swung between 160 and 280 pages a
# second within one run; the median of more pairs moves less.
pairs=11
echo "== nithet build against a Pango/Cairo program (issue 14): $pairs pairs, interleaved"
work=$(mktemp -d)
./nithet -q -o "$work/count" build >/dev/null 2>&1 || true
pages=$(for f in "$work"/count/*/*.pdf "$work"/count/*/schools/*.pdf; do pdfinfo "$f" 2>/dev/null; done |
	awk '/^Pages:/ { n += $2 } END { print n + 0 }')
# nithet's wall time from its start to its end (tools/bench-wall.c), not
# between two `date` commands, which counted the second one's start too.
for i in $(seq $pairs); do
	sync
	us=$("$B/tools/bench-wall" ./nithet -q -o "$work/n$i" build || true)
	sync
	p=$("$B/tools/bench-pango" -q -n 1 -o "$work/p$i" | awk '/median/ { print $3 }')
	echo "$us $p"
done | awk -v pages="$pages" '{
	us = $1; ours = pages / (us / 1e6); r = ours / $2
	printf "pair %d: nithet %.0f ms, %.0f pages/s; pango %.1f pages/s; ratio %.2f\n", NR, us / 1000, ours, $2, r
	print r > "/dev/stderr" }' 2>"$work/ratios"
printf "build: %s pages (annual, review, committee packs, school reports); median ratio %.2f (goal: 10 or more)\n" "$pages" "$(median <"$work/ratios")"
rm -rf "$work"

# Where a build's time goes, per page and per build, from --summary's
# seconds_by_step (core/phase.h): -j 1, the median of $runs runs for each step.
echo "== where the time goes (issue 14): nithet build -j 1, ms per page of the $pages pages, $runs runs"
work=$(mktemp -d)
for i in $(seq $runs); do
	sync
	./nithet -q -j 1 -o "$work/o$i" --summary "$work/s$i.json" build >/dev/null 2>&1 || true
done
python3 - "$pages" "$work"/s*.json <<'PY'
import json, statistics, sys
pages = int(sys.argv[1])
runs = [json.load(open(f)) for f in sys.argv[2:]]
steps = list(runs[0]["seconds_by_step"])
per_build = ("other", "load", "setup", "measure")
med = {k: statistics.median(r["seconds_by_step"][k] for r in runs) * 1000 for k in steps}
total = statistics.median(r["seconds"] for r in runs) * 1000
for k in steps:
    kind = "per build" if k in per_build else "per page "
    value = med[k] if k in per_build else med[k] / pages
    print("  %-8s %s %8.3f ms" % (k, kind, value))
fixed = sum(med[k] for k in per_build)
print("  in all: %.3f ms a page + %.1f ms a build = %.0f ms (median wall %.0f ms)"
      % ((total - fixed) / pages, fixed, total, total))
PY
rm -rf "$work"

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
# Three builds, the median of each figure: a single run swung between 25
# and 32 s on these machines, the same binary.
nruns=3
work=$(mktemp -d)
echo "== nithet build of the national set (issue 6): $nruns runs"
for i in $(seq $nruns); do
	/usr/bin/time -f "%e %M" ./nithet -q -c "$B/bench/national.ini" build 2>&1 | tail -1
done | awk '{ printf "run %d: %.2f s wall, peak %d KB\n", NR, $1, $2; print $1 > "/dev/stderr"; print $2 > "/dev/stderr" }' \
	2>"$work/nat"
printf "build: median %s s wall, median peak %s KB (goals: 30 s, 600 MB)\n" \
	"$(awk 'NR % 2 == 1' "$work/nat" | median)" "$(awk 'NR % 2 == 0' "$work/nat" | median)"
rm -rf "$work"
