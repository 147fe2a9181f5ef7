#!/bin/sh
# run.sh - two offices on one server, as tools/run-offices.sh runs them
# with GNU parallel: the bundled สพป. and the second example's สพม., each
# with its own config, input and output; a third office whose input is
# broken fails alone. Each office's JSON summary says how it went.
# Usage: NITHET=$PWD/nithet sh tests/offices/run.sh   (make test-offices)
set -u
NITHET=${NITHET:-$(pwd)/nithet}
export NITHET
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-offices.XXXXXX")
trap 'rm -rf "$work"' EXIT

office() { # name config input
	mkdir -p "$work/$1"
	cp -R "$3" "$work/$1/input"
	sed -e 's|^input_dir = .*|input_dir = input|' -e 's|^output_dir = .*|output_dir = output|' "$2" >"$work/$1/nithet.ini"
}
office phatthalung2 config/nithet.ini input
office secondary examples/secondary-2567/nithet.ini examples/secondary-2567/input
office broken config/nithet.ini input
rm "$work/broken/input/schools.csv"

# as cron runs it on a Thai server: messages in Thai
LC_ALL=th_TH.UTF-8 sh tools/run-offices.sh -j 2 -s "$work/summaries" "$work/phatthalung2" "$work/secondary" "$work/broken" \
	>"$work/run.out" 2>&1
rc=$?
[ "$rc" -eq 3 ] && ok || { bad "run-offices exits $rc, want 3 (the broken office's)"; cat "$work/run.out"; }
for o in phatthalung2 secondary; do
	s="$work/summaries/$o.json"
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d['exit_status']==0 and d['reports']['pdf']>0 and d['reports']['school_pdf']>0 and d['command']=='build' else 1)" "$s" 2>/dev/null &&
		ok || { bad "$o's summary does not say a good build"; cat "$s" 2>/dev/null | head -20; }
	[ -f "$work/$o/output/.sets" ] || [ -d "$work/$o/output" ] && ok || bad "$o has no output folder of its own"
done
# where the time went: every step named, none negative, and a build that
# wrote reports spent time laying them out and writing PDFs
python3 -c "
import json, sys
s = json.load(open(sys.argv[1]))['seconds_by_step']
steps = ['other', 'load', 'setup', 'measure', 'compose', 'layout', 'pdf', 'deflate', 'subset', 'write']
sys.exit(0 if sorted(s) == sorted(steps) and min(s.values()) >= 0 and s['layout'] > 0 and s['pdf'] > 0 and s['load'] > 0 else 1)
" "$work/summaries/secondary.json" 2>/dev/null && ok ||
	{ bad "the summary's seconds_by_step is not every step with its time"; grep seconds_by_step "$work/summaries/secondary.json"; }
ls "$work/phatthalung2/output/2558/annual-2558.pdf" >/dev/null 2>&1 && ok || bad "no annual report for phatthalung2"
ls "$work/secondary/output/2567/annual-2567.pdf" >/dev/null 2>&1 && ok || bad "no annual report for the secondary office"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d['exit_status']==3 and any('schools' in (p['file'] or '') for p in d['problems']) else 1)" "$work/summaries/broken.json" 2>/dev/null &&
	ok || { bad "the broken office's summary does not name its missing schools file"; cat "$work/summaries/broken.json"; }
grep -q 'secondary: exit 0' "$work/run.out" && grep -q 'broken: exit 3' "$work/run.out" && ok ||
	{ bad "run-offices does not list each office's exit status"; cat "$work/run.out"; }

grep -q 'ข้อผิดพลาด' "$work/summaries/broken.log" && ok ||
	{ bad "the broken office's log is not in Thai:"; cat "$work/summaries/broken.log"; }

# The container image and the CronJob run the same script the same way.
grep -q 'run-offices -j 2 -s /offices/summaries /offices/\*/' deploy/Dockerfile && ok ||
	bad "deploy/Dockerfile does not run run-offices over /offices"
python3 -c "
import sys, yaml
d = yaml.safe_load(open('deploy/cronjob.yaml'))
c = d['spec']['jobTemplate']['spec']['template']['spec']['containers'][0]
sys.exit(0 if d['kind'] == 'CronJob' and 'run-offices' in ' '.join(c['args']) and d['spec']['concurrencyPolicy'] == 'Forbid' else 1)
" && ok || bad "deploy/cronjob.yaml is not a CronJob running run-offices"

echo "offices: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
