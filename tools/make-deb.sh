#!/bin/sh
# make-deb.sh - build the Debian package from a copy of the tree (git's
# files and uncommitted changes, no build output), so the tree itself is
# left as it was; the .deb goes to build/deb/.
# Usage: sh tools/make-deb.sh    (make deb; needs debhelper and fakeroot)
set -eu
src=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/nithet"
git ls-files -z --cached --others --exclude-standard | xargs -0 tar cf - --no-recursion | (cd "$work/nithet" && tar xf -)
if ! (cd "$work/nithet" && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1; then
	tail -40 "$work/build.log"
	echo "make-deb: dpkg-buildpackage failed" >&2
	exit 1
fi
mkdir -p build/deb
rm -f build/deb/nithet_*.deb
cp "$work"/nithet_*.deb build/deb/
ls build/deb/nithet_*.deb
