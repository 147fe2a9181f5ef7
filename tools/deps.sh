#!/bin/sh
# deps.sh - install the Debian packages nithet needs, only those missing.
# Run by `make deps` (and so by `make run` and `make test`). As root it runs
# apt-get update then apt-get install; otherwise it prints the exact command.
set -eu

# Build: compiler, pkg-config, and the libraries of src/README.md.
# Fonts: the report faces (Laksaman, Noto Sans Thai and its Latin partner).
# Tests: poppler-utils (pdftotext, pdffonts, pdftoppm), clang's sanitizer
# and fuzzer runtimes; time (GNU time) for make bench's peak memory;
# bash-completion and man-db to try the completion and the manual page.
PACKAGES="gcc make pkg-config
libxml2-dev libhpdf-dev libcsv-dev libiniparser-dev libharfbuzz-dev libthai-dev zlib1g-dev libzip-dev libfreexl-dev libxlsxwriter-dev
fonts-tlwg-laksaman-ttf fonts-noto-core
poppler-utils clang libclang-rt-14-dev time bash-completion man-db"

# Named packages instead of these: what one target alone uses (make test-deb).
[ $# -gt 0 ] && PACKAGES="$*"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "nithet: missing Debian packages:$missing" >&2
	echo "nithet: install them as root with:" >&2
	echo "  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "nithet: installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
# Another apt run (unattended-upgrades, an administrator) may hold the lock:
# wait for it, up to ten minutes, rather than failing at once.
wait_lock="-o DPkg::Lock::Timeout=600"
# shellcheck disable=SC2086
apt-get $wait_lock update -qq
# shellcheck disable=SC2086
apt-get $wait_lock install -y -qq --no-install-recommends $missing
