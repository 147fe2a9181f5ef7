#!/bin/sh
# help.sh - the manual page and the program say the same: every line of
# "nithet help COMMAND" is a line of docs/nithet.1, for every command
# "nithet --help" lists; the page renders without a warning; the bash
# completion offers every command and option the program knows.
# Usage: NITHET=./nithet sh tests/src/help.sh   (from the repository root)
set -u
NITHET=${NITHET:-./nithet}
export LC_ALL=C
page=docs/nithet.1
completion=completion/nithet.bash
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

commands=$("$NITHET" --help | sed -n '/^commands:/,/^$/p' | sed -n 's/^  \([a-z]*\).*/\1/p')
[ -n "$commands" ] && ok || bad "nithet --help lists no commands"
for c in $commands; do
	"$NITHET" help "$c" >/tmp/help.$$ 2>&1 || { bad "nithet help $c exits $?"; continue; }
	missing=$(sed '1,2d; /^The options are/d; /^$/d' /tmp/help.$$ | while IFS= read -r line; do
		grep -qxF -- "$line" "$page" || printf '%s\n' "$line"
	done)
	if [ -n "$missing" ]; then
		bad "docs/nithet.1 lacks these lines of 'nithet help $c':"
		printf '  %s\n' "$missing"
	else
		ok
	fi
	grep -q "^\.It Cm $c\b" "$page" && ok || bad "docs/nithet.1 has no item for $c"
	grep -qw -- "$c" "$completion" && ok || bad "$completion does not offer $c"
done
rm -f /tmp/help.$$

# every long option of --help is in the page and the completion
for o in $("$NITHET" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	grep -qF -- "Fl \\-${o#--}" "$page" && ok || bad "docs/nithet.1 does not describe $o"
	grep -qF -- "$o" "$completion" && ok || bad "$completion does not offer $o"
done

# the completion at work, as bash runs it
complete_at() { # words... -> what bash would offer for the last one
	bash -c '. /usr/share/bash-completion/bash_completion; . "$0"
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_nithet; echo "${COMPREPLY[*]}"' "$completion" "$@"
}
check_completion() { # want words...
	want=$1
	shift
	got=$(complete_at "$@")
	[ "$got" = "$want" ] && ok || bad "completing '$*' offers '$got', want '$want'"
}
check_completion "build" nithet -q bu
check_completion "committee" nithet -o out com
check_completion "json csv" nithet indicators --format ""
check_completion "explain" nithet -c x.ini plan ""
check_completion "--with-data" nithet template --with

warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
[ -z "$warnings" ] && ok || { bad "man reports:"; echo "$warnings"; }

echo "help: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
