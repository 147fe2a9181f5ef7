#!/bin/sh
# run.sh - nithet as an administrator installs it: make install with
# DESTDIR and PREFIX=/usr, then the installed program run from / with only
# -i and -o (its schema, fonts and config found from its own place), its
# manual page, its completion, and make uninstall leaving the config.
# Usage: NITHET_SRC=$PWD sh tests/install/run.sh   (make test-install)
set -u
src=${NITHET_SRC:-$(pwd)}
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
stage=$(mktemp -d "${TMPDIR:-/tmp}/nithet-install.XXXXXX")
trap 'rm -rf "$stage"' EXIT

make -C "$src" --no-print-directory -s install DESTDIR="$stage/root" PREFIX=/usr >"$stage/install.log" 2>&1 &&
	ok || { bad "make install failed:"; cat "$stage/install.log"; }
for f in usr/bin/nithet usr/share/nithet/config/plan.xsd usr/share/nithet/fonts/Laksaman.ttf \
    usr/share/man/man1/nithet.1 usr/share/bash-completion/completions/nithet etc/nithet/nithet.ini; do
	[ -e "$stage/root/$f" ] && ok || bad "make install did not install /$f"
done
grep -q 'พัทลุง' "$stage/root/etc/nithet/nithet.ini" && bad "the installed config names the sample's office" || ok
grep -q '^input_dir = /var/lib/nithet/input$' "$stage/root/etc/nithet/nithet.ini" && ok ||
	bad "the installed config's input_dir is not /var/lib/nithet/input"

# From /, with the sample's data: the office's own config beside its data
mkdir -p "$stage/office"
cp -R "$src/input" "$stage/office/input"
sed -e 's|^input_dir = .*|input_dir = input|' -e 's|^output_dir = .*|output_dir = output|' \
    "$src/config/nithet.ini" >"$stage/office/nithet.ini"
(cd / && "$stage/root/usr/bin/nithet" -q -c "$stage/office/nithet.ini" build) >"$stage/run.log" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok || { bad "installed nithet -c office.ini build from / exits $rc:"; tail -5 "$stage/run.log"; }
[ -f "$stage/office/output/2558/annual-2558.pdf" ] && ok ||
	bad "no annual report in the output folder named relative to the config"
(cd / && "$stage/root/usr/bin/nithet" -q -c "$stage/office/nithet.ini" -i "$stage/office/input" \
    -o "$stage/out2" annual) >"$stage/run2.log" 2>&1 && [ -f "$stage/out2/2558/annual-2558.pdf" ] && ok ||
	{ bad "installed nithet -i -o annual from / failed:"; tail -5 "$stage/run2.log"; }
# the installed config is the default: it names no office, so the sample's plan office is used
(cd / && "$stage/root/usr/bin/nithet" -q -i "$stage/office/input" -o "$stage/out3" check) >"$stage/run3.log" 2>&1 &&
	ok || { bad "installed nithet check with its default config failed:"; tail -5 "$stage/run3.log"; }
# a missing default config is named, with what to do
mv "$stage/root/etc/nithet/nithet.ini" "$stage/root/etc/nithet/moved.ini"
(cd / && "$stage/root/usr/bin/nithet" check) >"$stage/run4.log" 2>&1
rc=$?
[ "$rc" -eq 2 ] && grep -q "etc/nithet/nithet.ini" "$stage/run4.log" && ok ||
	{ bad "a missing default config: exit $rc"; cat "$stage/run4.log"; }
mv "$stage/root/etc/nithet/moved.ini" "$stage/root/etc/nithet/nithet.ini"

MANWIDTH=80 man -l "$stage/root/usr/share/man/man1/nithet.1" 2>/dev/null | grep -q 'nithet help' && ok ||
	bad "the installed manual page does not render"

make -C "$src" --no-print-directory -s uninstall DESTDIR="$stage/root" PREFIX=/usr >/dev/null 2>&1
[ ! -e "$stage/root/usr/bin/nithet" ] && [ ! -e "$stage/root/usr/share/nithet" ] && ok ||
	bad "make uninstall left the program or its data"
[ -f "$stage/root/etc/nithet/nithet.ini" ] && ok || bad "make uninstall removed the office's config"

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
