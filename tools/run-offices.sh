#!/bin/sh
# run-offices.sh - build the reports of every office a server hosts, in
# parallel (GNU parallel), each with its own config, input and output, and
# a JSON summary per office for monitoring.
#
#   sh run-offices.sh [-j JOBS] [-s SUMMARIES] OFFICES...
#
# OFFICES are folders, each holding nithet.ini (whose input_dir and
# output_dir are relative to it: input, output). Each office's summary is
# written to SUMMARIES/<office>.json (default: SUMMARIES = each office's
# folder, summary.json) and its messages to <office>.log beside it. The
# exit status is the worst of the offices' (nithet's codes: 0 done, 1 rows
# rejected, 2 config, 3 input, 4 output). NITHET names the program
# (default: nithet on the PATH).
set -u
jobs=2
summaries=""
while getopts j:s: opt; do
	case $opt in
	j) jobs=$OPTARG ;;
	s) summaries=$OPTARG ;;
	*) echo "usage: run-offices.sh [-j JOBS] [-s SUMMARIES] OFFICES..." >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "run-offices.sh: name the office folders" >&2; exit 2; }
NITHET=${NITHET:-nithet}
command -v parallel >/dev/null || { echo "run-offices.sh: GNU parallel is not installed (apt install parallel)" >&2; exit 2; }
[ -n "$summaries" ] && mkdir -p "$summaries"
export NITHET summaries
# One job per office: nithet's own exit status is the job's; --halt never
# (an office that fails does not stop the others); --joblog for the record.
parallel --will-cite --halt never -j "$jobs" '
	office={}
	name=$(basename "$office")
	if [ -n "$summaries" ]; then out="$summaries/$name"; else out="$office/summary"; fi
	"$NITHET" -q -c "$office/nithet.ini" --summary "$out.json" build >"$out.log" 2>&1
' ::: "$@"
worst=0
for office in "$@"; do
	name=$(basename "$office")
	if [ -n "$summaries" ]; then s="$summaries/$name.json"; else s="$office/summary.json"; fi
	status=$(sed -n 's/^  "exit_status": \([0-9]*\),$/\1/p' "$s" 2>/dev/null)
	[ -n "$status" ] || status=70
	[ "$status" -gt "$worst" ] && worst=$status
	echo "$name: exit $status"
done
exit "$worst"
