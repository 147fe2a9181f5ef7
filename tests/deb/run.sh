#!/bin/sh
# run.sh - the Debian package as an administrator meets it: built with
# dpkg-buildpackage -us -uc -b from a copy of the tree, checked by lintian
# (no error), installed with apt install ./nithet_*.deb, run from / for an
# office, its manual page read, then removed (the office's config kept)
# and purged (nothing left). Installs and removes a package on this
# machine: for CI and for a machine made for it, as root.
# Usage: sh tests/deb/run.sh    (make test-deb)
set -u
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
[ "$(id -u)" = 0 ] || { echo "deb: run as root (it installs the package)"; exit 1; }
src=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT

sh tools/make-deb.sh >"$work/build.log" 2>&1 && ok || { bad "make deb failed:"; tail -30 "$work/build.log"; }
deb=$(ls "$src"/build/deb/nithet_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] && ok || { bad "no .deb was built"; echo "deb: $pass passed, $fail failed"; exit 1; }

lintian --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1
grep '^E:' "$work/lintian.log" && bad "lintian reports errors" || ok
grep -v 'running with root privileges' "$work/lintian.log" | sed 's/^/  lintian: /'

dpkg -s nithet >/dev/null 2>&1 && apt-get purge -y -qq nithet >/dev/null 2>&1
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 &&
	ok || { bad "apt install ./$(basename "$deb") failed:"; tail -10 "$work/apt.log"; }
[ "$(command -v nithet)" = /usr/bin/nithet ] && ok || bad "nithet is not /usr/bin/nithet"
nithet --version | grep -q '^nithet ' && ok || bad "nithet --version"
for f in /usr/share/nithet/fonts/Laksaman.ttf /usr/share/nithet/fonts/NotoSansThai-Regular.ttf; do
	[ -L "$f" ] && [ -s "$f" ] && ok || bad "$f is not a link to the font package's file"
done
[ -f /etc/nithet/nithet.ini ] && ok || bad "no /etc/nithet/nithet.ini"
dpkg-query -W -f='${Conffiles}\n' nithet | grep -q /etc/nithet/nithet.ini && ok ||
	bad "/etc/nithet/nithet.ini is not a conffile"
[ -d /var/lib/nithet/input ] && [ -d /var/lib/nithet/output ] && ok || bad "no /var/lib/nithet/input and output"
man -w nithet >/dev/null 2>&1 && ok || bad "man nithet finds no page"

mkdir -p "$work/office"
cp -R "$src/input" "$work/office/input"
sed -e 's|^input_dir = .*|input_dir = input|' -e 's|^output_dir = .*|output_dir = output|' \
	"$src/config/nithet.ini" >"$work/office/nithet.ini"
(cd / && nithet -q -c "$work/office/nithet.ini" build) >"$work/run.log" 2>&1 &&
	[ -f "$work/office/output/2558/annual-2558.pdf" ] && ok ||
	{ bad "the installed nithet did not build an office's reports:"; tail -5 "$work/run.log"; }
pdffonts "$work/office/output/2558/annual-2558.pdf" | grep -q Laksaman && ok ||
	bad "the report does not embed the packaged Laksaman"
(cd / && nithet -q -i "$work/office/input" -o "$work/out" check) >"$work/check.log" 2>&1 && ok ||
	{ bad "the installed nithet check with /etc/nithet/nithet.ini failed:"; tail -5 "$work/check.log"; }

echo "; the office's own setting" >>/etc/nithet/nithet.ini
apt-get remove -y -qq nithet >/dev/null 2>&1 && ok || bad "apt remove failed"
[ ! -e /usr/bin/nithet ] && [ ! -e /usr/share/nithet ] && ok || bad "apt remove left the program or its data"
grep -q "the office's own setting" /etc/nithet/nithet.ini 2>/dev/null && ok ||
	bad "apt remove did not keep the office's config"
apt-get purge -y -qq nithet >/dev/null 2>&1 && ok || bad "apt purge failed"
[ ! -e /etc/nithet/nithet.ini ] && ok || bad "apt purge left /etc/nithet/nithet.ini"

echo "deb: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
