#!/bin/sh
# layers.sh - tools/layers.sh catches a stage that uses a later one: it
# passes on the tree as it is, then fails on copies with one upward use
# planted — an include of cli/ in core/, an include of load/ in main.c, and
# (in the link) core/ calling a function that cli/ defines, declared by hand
# so no include shows it.
# Usage: sh tests/src/layers.sh [BUILD]   (from the repository root; make layers)
set -u
BUILD=${1:-build}
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-layers.XXXXXX")
trap 'rm -rf "$work"' EXIT

sh tools/layers.sh src "$BUILD" >"$work/out" 2>&1 && ok || { bad "the tree breaks its own layers:"; cat "$work/out"; }

# plant NAME FILE LINE WANT: FILE (under a copy of src/) given LINE must
# fail the check with a message matching WANT.
plant() {
	rm -rf "$work/src1"
	cp -r src "$work/src1"
	printf '%s\n' "$3" >> "$work/src1/$2"
	if sh tools/layers.sh "$work/src1" "$work/nobuild" >"$work/out" 2>&1; then
		bad "$1 passed"
	else
		grep -q "$4" "$work/out" && ok || { bad "$1 is not named:"; cat "$work/out"; }
	fi
}
plant "an include of cli/ in core/" core/arena.c '#include "cli/run.h"' \
	'src1/core/arena.c:[0-9]*: includes cli/run.h: cli/ comes after core/'
plant "an include of load/ in main.c" main.c '#include "load/xml.h"' \
	'main.c:[0-9]*: includes load/xml.h: main.c uses only cli/ and core/'
plant "an include of load/ in measure/" measure/metric.c '#include "load/inputs.h"' \
	'measure/metric.c:[0-9]*: includes load/inputs.h: load/ is of the same rank as measure/'

# An upward call that no include shows: only the link tells.
mkdir -p "$work/b/src/core" "$work/b/src/cli"
printf 'int cli_planted(void);\nint core_planted(void) { return cli_planted(); }\n' > "$work/core.c"
printf 'int cli_planted(void);\nint cli_planted(void) { return 1; }\n' > "$work/cli.c"
if cc -c -o "$work/b/src/core/planted.o" "$work/core.c" && cc -c -o "$work/b/src/cli/planted.o" "$work/cli.c"; then
	if sh tools/layers.sh src "$work/b" >"$work/out" 2>&1; then
		bad "core/ calling cli/ passed the link check"
	else
		grep -q 'core/planted.o: needs cli_planted (defined in .*cli/planted.o): cli/ comes after core/' "$work/out" &&
			ok || { bad "the planted call is not named:"; cat "$work/out"; }
	fi
else
	bad "cannot compile the planted objects"
fi

echo "layers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
