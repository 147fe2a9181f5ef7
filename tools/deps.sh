#!/bin/sh
# deps.sh - install the Debian packages nithet needs, only those missing.
# Run by `make deps` (and so by `make run` and `make test`). As root it runs
# apt-get update then apt-get install; otherwise it prints the exact command.
set -eu

# Build: compiler, pkg-config, and the libraries of src/README.md.
# Fonts: the report faces (Laksaman, Noto Sans Thai and its Latin partner).
# Messages: gettext (msgfmt, xgettext) and the locales: th_TH.UTF-8 for
# the Thai messages' tests, fr_FR.UTF-8 for the unit tests' second run.
# Tests: poppler-utils (pdftotext, pdffonts, pdftoppm); time (GNU time) for
# make bench's peak memory; clang is installed by make fuzz alone;
# bash-completion and man-db to try the completion and the manual page;
# parallel (GNU) and python3 (to read the JSON summaries) for the offices' test;
# Apache PDFBox Preflight (Java) to judge the PDF/A of every kind of report.
# Archival PDF: the sRGB profile of icc-profiles-free.
PACKAGES="gcc make pkg-config
libxml2-dev libhpdf-dev libcsv-dev libiniparser-dev libharfbuzz-dev libthai-dev zlib1g-dev libdeflate-dev libzip-dev libfreexl-dev libxlsxwriter-dev
fonts-tlwg-laksaman-ttf fonts-noto-core icc-profiles-free
poppler-utils time bash-completion man-db gettext locales parallel python3 python3-yaml
default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java"

# Named packages instead of these: what one target alone uses (make test-deb).
[ $# -gt 0 ] && PACKAGES="$*"

# The locales the tests use, generated when missing (root only).
make_locales() {
	[ $# -gt 0 ] || return 0
	need=""
	for l in th_TH fr_FR; do
		locale -a 2>/dev/null | grep -qix "$l.utf-\{0,1\}8" || need="$need $l"
	done
	[ -z "$need" ] && return 0
	if [ "$(id -u)" != 0 ]; then
		echo "nithet: missing locales:$need; as root: add '<locale>.UTF-8 UTF-8' to /etc/locale.gen and run locale-gen" >&2
		return 1
	fi
	for l in $need; do
		grep -q "^$l.UTF-8 UTF-8" /etc/locale.gen 2>/dev/null || echo "$l.UTF-8 UTF-8" >>/etc/locale.gen
	done
	locale-gen >/dev/null
}

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	[ $# -gt 0 ] || make_locales all
	exit 0
fi

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
[ $# -gt 0 ] || make_locales all
