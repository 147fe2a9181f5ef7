#!/bin/sh
# one-plan-words.sh - the program must not know one office's plan: no event
# kind, target or topic number, office or phrase of the bundled plan may
# appear in src/ (code or comments). Words are taken from input/plan.xml
# itself, so the check follows the plan. src/load/plan_v1.c is the one
# exception: it translates the first plan format, whose schema fixed six
# event kinds (see its header).
# Usage: sh tests/src/one-plan-words.sh   (from the repository root)
set -u
plan=input/plan.xml
words=$(mktemp)
trap 'rm -f "$words"' EXIT
{
	# event kinds: codes and aliases
	grep -o 'event-kind code="[^"]*"' "$plan" | sed 's/.*code="//; s/"$//'
	# (ก.ต.ป.น. is the committee every area office has by law, not one plan's word)
	grep -o 'aliases="[^"]*"' "$plan" | sed 's/.*aliases="//; s/"$//' | tr ' ' '\n' | grep -vx 'ก.ต.ป.น.'
	# target and indicator numbers: "3.1.5" (as numbers, not digits of others)
	grep -o '<\(target\|indicator\) id="[^"]*"' "$plan" | sed 's/.*id="//; s/"$//'
	# the office and phrases of its plan
	printf '%s\n' พัทลุง Phatthalung สวัสดีคุณครู กลุ่มสีดำ วันอังคาร
} | sort -u | grep -v '^$' >"$words"
pass=0
fail=0
while IFS= read -r w; do
	# a number matches only on its own: 3.1.1 not inside 3.1.10, 4.4 not in 14.4 or 4.45
	case $w in
	[0-9]*) pattern="(^|[^0-9.])$(printf '%s' "$w" | sed 's/[.]/[.]/g')([^0-9]|[.][^0-9]|$)" ;;
	*) pattern=$(printf '%s' "$w" | sed 's/[.[\*^$]/\\&/g') ;;
	esac
	hits=$(grep -rnE --include='*.c' --include='*.h' -e "$pattern" src | grep -v '^src/load/plan_v1[.][ch]:')
	if [ -n "$hits" ]; then
		fail=$((fail + 1))
		echo "FAIL \"$w\" of the bundled plan appears in src/:"
		printf '%s\n' "$hits" | head -5
	else
		pass=$((pass + 1))
	fi
done <"$words"
echo "one-plan words: $pass passed, $fail failed"
[ "$fail" = 0 ]
