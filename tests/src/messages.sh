#!/bin/sh
# messages.sh - every message has its Thai: the catalogue po/th.po must
# translate every message the source has today (a message added without a
# translation fails here), keep its printf conversions (msgfmt --check),
# and po/nithet.pot must be current (make pot).
# Usage: sh tests/src/messages.sh   (from the repository root; make test-src)
set -u
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-po.XXXXXX")
trap 'rm -rf "$work"' EXIT

keywords=$(sed -n 's/^XGETTEXT_KEYWORDS := //p' Makefile)
# shellcheck disable=SC2086
xgettext --from-code=UTF-8 $keywords -o "$work/now.pot" src/main.c $(ls src/*/*.c | grep -v '^src/main.c$') 2>"$work/xgettext.err" &&
	ok || { bad "xgettext failed:"; cat "$work/xgettext.err"; }
msgmerge --quiet --no-fuzzy-matching -o "$work/th.po" po/th.po "$work/now.pot" 2>/dev/null && ok || bad "msgmerge failed"
untranslated=$(msgattrib --untranslated --no-obsolete "$work/th.po" | grep -c '^msgid ' )
# the header is the one untranslated-looking entry msgattrib may print
[ "$untranslated" -le 1 ] && ok || {
	bad "po/th.po lacks the Thai of $((untranslated - 1)) messages (run make pot, translate them in po/th.po):"
	msgattrib --untranslated --no-obsolete "$work/th.po" | grep -A1 '^msgid ' | grep -v '^--' | sed -n '3,20p'
}
fuzzy=$(msgattrib --only-fuzzy --no-obsolete po/th.po | grep -c '^msgid ')
[ "$fuzzy" -eq 0 ] && ok || bad "po/th.po has $fuzzy fuzzy entries: check and unmark them"
msgfmt --check --statistics -o /dev/null po/th.po 2>"$work/msgfmt.err" && ok ||
	{ bad "msgfmt --check po/th.po:"; cat "$work/msgfmt.err"; }
# po/nithet.pot lists the same messages as the source
grep '^msgid ' po/nithet.pot | sort >"$work/a"
grep '^msgid ' "$work/now.pot" | sort >"$work/b"
cmp -s "$work/a" "$work/b" && ok || bad "po/nithet.pot is not current: run make pot"

echo "messages: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
