#!/bin/sh
# run.sh - end-to-end cases: run nithet on an input and compare stdout, stderr
# and the exit status with the expected ones.
#
# A case is a folder tests/cases/NAME/ holding:
#   cmd              the arguments after the global options, e.g. "check"
#   input/           files that replace or add to the bundled input/ (optional)
#   remove           names of bundled input files to delete, one a line (optional)
#   nithet.ini       the config to use instead of config/nithet.ini (optional)
#   locale           the LC_ALL to run in (optional; default C): the *-th cases
#                    check the messages in Thai
#   fixture          the name of another case whose input/, remove and
#                    nithet.ini to use instead (optional; the layout-* cases
#                    dump the annual report, a committee pack and a school
#                    report of measure-small's five schools with --dump-layout)
#   expected-status  the exit status (required)
#   expected-stdout, expected-stderr   the exact output (optional)
# nithet runs from the repository root as
#   $NITHET -c CONFIG -i WORK/input -o WORK/output ARGS...
# and WORK (a fresh temporary folder) is written as WORK in the outputs.
# UPDATE=1 rewrites the expected files from what nithet printed: review the diff.
# Usage: sh tests/cases/run.sh [NAME...]     (from the repository root)
set -u
NITHET=${NITHET:-./nithet}
pass=0
fail=0
failed=""

run_case() {
	dir=$1
	name=$(basename "$dir")
	work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-case.XXXXXX")
	mkdir -p "$work/input" "$work/output"
	cp -R input/. "$work/input/"
	# a case may run on another case's data and config (its fixture)
	data=$dir
	[ -f "$dir/fixture" ] && data=tests/cases/$(cat "$dir/fixture")
	if [ -f "$data/remove" ]; then
		while IFS= read -r f; do
			[ -n "$f" ] && rm -rf "$work/input/$f"
		done <"$data/remove"
	fi
	[ -d "$data/input" ] && cp -R "$data/input/." "$work/input/"
	config=config/nithet.ini
	[ -f "$data/nithet.ini" ] && config="$data/nithet.ini"
	args=$(cat "$dir/cmd")
	# shellcheck disable=SC2086
	# a case may run in a locale (LC_ALL), e.g. th_TH.UTF-8 for the Thai messages
	lc=C
	[ -f "$dir/locale" ] && lc=$(cat "$dir/locale")
	(eval "set -- $args"; LC_ALL=$lc exec "$NITHET" -c "$config" -i "$work/input" -o "$work/output" "$@") \
		>"$work/stdout" 2>"$work/stderr" </dev/null
	echo $? >"$work/status"
	for f in stdout stderr; do
		sed "s|$work|WORK|g" "$work/$f" >"$work/$f.clean"
		mv "$work/$f.clean" "$work/$f"
	done
	ok=1
	for f in status stdout stderr; do
		want="$dir/expected-$f"
		if [ "${UPDATE:-0}" = 1 ] && { [ "$f" = status ] || [ -f "$want" ] || [ -s "$work/$f" ]; }; then
			cp "$work/$f" "$want"
		fi
		[ -f "$want" ] || continue
		if ! cmp -s "$want" "$work/$f"; then
			ok=0
			echo "FAIL $name: $f differs (- expected, + got):"
			diff -u "$want" "$work/$f" | sed -n '3,40p'
		fi
	done
	if [ ! -f "$dir/expected-status" ]; then
		ok=0
		echo "FAIL $name: no expected-status"
	fi
	rm -rf "$work"
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failed="$failed $name"
	fi
}

if [ $# -gt 0 ]; then
	for n in "$@"; do run_case "tests/cases/$n"; done
else
	for dir in tests/cases/*/; do
		[ -f "$dir/cmd" ] && run_case "${dir%/}"
	done
fi
[ -n "$failed" ] && echo "failed:$failed"
echo "cases: $pass passed, $fail failed"
[ $fail = 0 ]
