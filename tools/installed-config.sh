#!/bin/sh
# installed-config.sh - the config an installation starts with, from the
# sample's (standard input to standard output): the folders under STATEDIR
# (the argument), and nothing of the sample's office: its names, people,
# document, emblem and holidays are left empty for the office to fill in.
# Usage: sh tools/installed-config.sh /var/lib/nithet <config/nithet.ini
set -eu
state=$1
sed -e "s|^input_dir = .*|input_dir = $state/input|" \
    -e "s|^output_dir = .*|output_dir = $state/output|" \
    -e 's/^\(name\|director\|director_position\|group_director\|group_director_position\|committee_chair\|reporter\|reporter_position\|emblem\|document\|date\|holidays\) = .*/\1 =/' \
    -e 's/^; Relative paths are relative to the folder of this file\.$/; Relative paths are relative to the folder of this file (\/etc\/nithet)./'
