#!/bin/sh
# run.sh - hostile inputs (issue 4): each must end with a clear message naming
# the file and the right exit status, and never a crash. Run under ASan by
# make check-asan. The time each takes is printed for the reader; speed is a
# benchmark's business, not an assertion here.
# Usage (from the repository root): NITHET=./nithet sh tests/hostile/run.sh
set -u
NITHET=${NITHET:-./nithet}
pass=0
fail=0
work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-hostile.XXXXXX")
trap 'rm -rf "$work"' EXIT

# hostile NAME FILE WANT_STATUS WANT_TEXT: FILE (in $work/in) replaces the
# bundled file of the same name; nithet check must exit WANT_STATUS and say
# WANT_TEXT on a line that names FILE.
hostile() {
	name=$1 file=$2 want=$3 text=$4
	start=$(date +%s%N)
	"$NITHET" -i "$work/in" check >/dev/null 2>"$work/err"
	rc=$?
	end=$(date +%s%N)
	ms=$(( (end - start) / 1000000 ))
	if [ "$rc" = "$want" ] && grep -F "$file" "$work/err" | grep -qF -- "$text"; then
		pass=$((pass + 1))
		echo "ok   $name: exit $rc in $ms ms"
	else
		fail=$((fail + 1))
		echo "FAIL $name: exit $rc (want $want), message:"
		grep -v warning "$work/err" | head -3
	fi
}

fresh() {
	rm -rf "$work/in"
	mkdir -p "$work/in"
	cp -R input/. "$work/in/"
}

fresh
cat >"$work/in/evaluations.xml" <<'X'
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&lol9;</Data></Cell></Row></Table></Worksheet></Workbook>
X
hostile "billion laughs" evaluations.xml 3 "DOCTYPE"

fresh
cat >"$work/in/evaluations.xml" <<'X'
<?xml version="1.0"?>
<!DOCTYPE Workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&xxe;</Data></Cell></Row></Table></Worksheet></Workbook>
X
hostile "external entity" evaluations.xml 3 "DOCTYPE"

fresh
printf '\357\273\277staff_id,name,position,group\nS01,\340\270\252\377\376,x,y\n' >"$work/in/staff.csv"
hostile "invalid bytes" staff.csv 3 "invalid UTF-8"

fresh
printf 'staff_id,name,position,group\nS01,"never closed,x,y\nS02,b,c,d\n' >"$work/in/staff.csv"
hostile "unterminated quote" staff.csv 3 "never closed"

fresh
{ printf 'staff_id,name,position,group\nS01,'; head -c 5242880 /dev/zero | tr '\0' 'a'; printf ',x,y\n'; } >"$work/in/staff.csv"
hostile "5 MB field" staff.csv 3 "longer than the limit"

fresh
{ printf 'staff_id'; i=1; while [ $i -lt 5000 ]; do printf ',c%d' $i; i=$((i + 1)); done; printf '\n'; } >"$work/in/staff.csv"
hostile "5,000 columns" staff.csv 3 "more than 512 columns"

fresh
: >"$work/in/staff.csv"
hostile "empty file" staff.csv 3 "empty"

fresh
rm -f "$work/in/staff.csv"
mkdir "$work/in/staff.csv"
hostile "a directory" staff.csv 3 "is a directory"

fresh
printf 'staff_id,name,position,group\nS01,a\000b,c,d\n' >"$work/in/staff.csv"
hostile "a NUL byte" staff.csv 3 "NUL"

# A named pipe (FIFO) in place of a file must be refused at once, never read
# (a read would wait for a writer forever): an input, the plan, the schema,
# the config and a font. timeout turns a hang into a failure (exit 124); the
# time is printed for the reader, not asserted.
fifo() { # name, the path to replace, want status, options before check
	name=$1 path=$2 want=$3
	shift 3
	rm -f "$path"
	mkfifo "$path"
	start=$(date +%s%N)
	timeout 5 "$NITHET" "$@" check >/dev/null 2>"$work/err"
	rc=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	if [ "$rc" = "$want" ] && grep -qF "named pipe (FIFO)" "$work/err"; then
		pass=$((pass + 1))
		echo "ok   FIFO as $name: exit $rc in $ms ms"
	else
		fail=$((fail + 1))
		echo "FAIL FIFO as $name: exit $rc (want $want) in $ms ms, message:"
		head -3 "$work/err"
	fi
}
fresh
fifo "an input" "$work/in/staff.csv" 3 -i "$work/in"
fresh
fifo "the plan" "$work/in/plan.xml" 3 -i "$work/in"
cp config/nithet.ini "$work/fifo.ini"
sed 's|^;\{0,1\}plan_schema = .*|plan_schema = '"$work"'/schema.xsd|' config/nithet.ini >"$work/schema.ini"
fresh
fifo "the schema" "$work/schema.xsd" 3 -c "$work/schema.ini" -i "$work/in"
fifo "the config" "$work/fifo.ini" 2 -c "$work/fifo.ini"
sed 's|^;\{0,1\}thai = .*|thai = '"$work"'/font.ttf|' config/nithet.ini >"$work/font.ini"
mkfifo "$work/font.ttf"
start=$(date +%s%N)
timeout 5 "$NITHET" -c "$work/font.ini" -i "$work/in" -o "$work/out" annual >/dev/null 2>"$work/err"
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$rc" = 2 ] && grep -qF "named pipe (FIFO)" "$work/err"; then
	pass=$((pass + 1))
	echo "ok   FIFO as a font: exit $rc in $ms ms"
else
	fail=$((fail + 1))
	echo "FAIL FIFO as a font: exit $rc (want 2) in $ms ms"
	head -3 "$work/err"
fi

# The output folder is nithet's alone: a lock, a staging file or a subfolder
# planted as a symbolic link is never written through, and the file or folder
# it names (the victim) is left exactly as it was.
symlink_case() { # name, want status, message, victim
	name=$1 want=$2 text=$3 victim=$4
	before=$(cd "$victim" 2>/dev/null && find . -type f | sort | xargs md5sum 2>/dev/null || md5sum "$victim")
	"$NITHET" -q -i "$work/in" -o "$work/out" build >/dev/null 2>"$work/err"
	rc=$?
	after=$(cd "$victim" 2>/dev/null && find . -type f | sort | xargs md5sum 2>/dev/null || md5sum "$victim")
	if [ "$rc" = "$want" ] && [ "$before" = "$after" ] && grep -qF -- "$text" "$work/err"; then
		pass=$((pass + 1))
		echo "ok   symlinked $name: exit $rc, victim untouched"
	elif [ "$rc" = "$want" ] && [ "$before" = "$after" ] && [ -z "$text" ]; then
		pass=$((pass + 1))
		echo "ok   symlinked $name: exit $rc, victim untouched"
	else
		fail=$((fail + 1))
		echo "FAIL symlinked $name: exit $rc (want $want), victim $( [ "$before" = "$after" ] && echo untouched || echo CHANGED)"
		head -3 "$work/err"
	fi
}
fresh
rm -rf "$work/out" "$work/victim"
mkdir -p "$work/out"
echo "precious" >"$work/victim"
ln -s "$work/victim" "$work/out/.nithet.lock"
symlink_case "lock" 4 "symbolic link" "$work/victim"
rm -rf "$work/out" "$work/victim"
mkdir -p "$work/out" "$work/victim"
echo "precious" >"$work/victim/a.pdf"
ln -s "$work/victim" "$work/out/.sets"
symlink_case "folder of sets" 4 "symbolic link" "$work/victim"
rm -rf "$work/out" "$work/victim"
mkdir -p "$work/out" "$work/victim/schools"
echo "precious" >"$work/victim/annual-2558.pdf"
echo "precious" >"$work/victim/schools/93020001-2558.pdf"
ln -s "$work/victim" "$work/out/2558"
symlink_case "year folder" 4 "is not a set of reports nithet made" "$work/victim"
# A set's own folder swapped for a link after the build (the report of one
# school is then written into the current set): refused, nothing written
# through it. nithet opens every folder of the output tree without following
# links and writes relative to it.
rm -rf "$work/out" "$work/victim"
mkdir -p "$work/victim"
echo "precious" >"$work/victim/93020001-2558.pdf"
"$NITHET" -q -i "$work/in" -o "$work/out" build >/dev/null 2>&1
set_dir=$(readlink -f "$work/out/2558")
rm -rf "$set_dir/schools"
ln -s "$work/victim" "$set_dir/schools"
before=$(md5sum "$work/victim/93020001-2558.pdf")
"$NITHET" -q -i "$work/in" -o "$work/out" school 93020001 >/dev/null 2>"$work/err"
rc=$?
if [ "$rc" = 4 ] && [ "$before" = "$(md5sum "$work/victim/93020001-2558.pdf")" ] && [ "$(ls "$work/victim")" = "93020001-2558.pdf" ] &&
    grep -qF "symbolic link" "$work/err"; then
	pass=$((pass + 1))
	echo "ok   symlinked schools folder of the current set: exit 4, victim untouched"
else
	fail=$((fail + 1))
	echo "FAIL symlinked schools folder of the current set: exit $rc (want 4)"
	head -3 "$work/err"
fi

# What reaches a terminal, a log or a PDF is safe: an escape sequence and a
# quoted newline in a code are written escaped in the message (never raw, so
# a value cannot forge a log line), a right-to-left override is dropped from
# the report's text.
fresh
printf 'V9001,2015-01-05,"9302\033]0;owned\007\nnithet: forged line",,2,,onsite,S02,1,0,,x,,\n' >>"$work/in/visits.csv"
"$NITHET" -i "$work/in" check >/dev/null 2>"$work/err"
if grep -qF '\x1B]0;owned\x07\x0Anithet: forged line' "$work/err" && ! grep -q "$(printf '\033')" "$work/err" &&
    ! grep -q '^nithet: forged line' "$work/err"; then
	pass=$((pass + 1)); echo "ok   escapes in messages"
else
	fail=$((fail + 1)); echo "FAIL escapes in messages:"; grep -a "owned" "$work/err" | head -2 | od -c | head -4
fi
fresh
sed -i '2s/,[^,]*/,\xe2\x80\xaeโรงเรียนกลับด้าน/' "$work/in/schools.csv"
code=$(sed -n '2s/^\([^,]*\),.*/\1/p' "$work/in/schools.csv" | tr -d '\357\273\277')
rm -rf "$work/out2"
"$NITHET" -q -i "$work/in" -o "$work/out2" school "$code" >/dev/null 2>"$work/err"
if pdftotext "$work/out2/2558/schools/$code-2558.pdf" - 2>/dev/null | grep -q "โรงเรียนกลับด้าน" &&
    ! pdftotext "$work/out2/2558/schools/$code-2558.pdf" - | grep -q "$(printf '\342\200\256')"; then
	pass=$((pass + 1)); echo "ok   a right-to-left override is dropped from the report"
else
	fail=$((fail + 1)); echo "FAIL a right-to-left override reaches the report"; head -2 "$work/err"
fi

# An absurd amount is rejected with its row, never summed into a wrapped
# total.
fresh
printf 'T9999,1/3/2558,4,ค่าใช้สอย,"92,233,720,368,547,758.07",บค 9999/2558,x\r\n' | iconv -f UTF-8 -t WINDOWS-874 >>"$work/in/spending.csv"
hostile "absurd amount" spending.csv 1 "not a believable amount"

# A lock left by a run that was killed is taken over with a notice (the lock
# itself dies with its process; the note it left says who it was).
fresh
rm -rf "$work/out3"
mkdir -p "$work/out3"
echo "pid 999999, started 1" >"$work/out3/.nithet.lock"
"$NITHET" -i "$work/in" -o "$work/out3" build >/dev/null 2>"$work/err"
rc=$?
if [ "$rc" -le 1 ] && grep -qF "the previous run (pid 999999, started 1) ended before it finished" "$work/err" &&
    [ ! -s "$work/out3/.nithet.lock" ]; then
	pass=$((pass + 1)); echo "ok   a killed run's lock is taken over with a notice, and emptied at the end"
else
	fail=$((fail + 1)); echo "FAIL stale lock: exit $rc"; grep -v warning "$work/err" | head -3
fi

# The config as offices save it: Thai Notepad's "ANSI" (Windows-874) is
# refused with its line and what to do; a UTF-8 BOM is accepted; a line
# longer than iniparser reads is refused with its line.
config_case() { # name, config file, want status, message
	name=$1 ini=$2 want=$3 text=$4
	"$NITHET" -c "$ini" -i "$work/in" check >/dev/null 2>"$work/err"
	rc=$?
	if [ "$rc" = "$want" ] && { [ -z "$text" ] || grep -qF -- "$text" "$work/err"; }; then
		pass=$((pass + 1)); echo "ok   config $name: exit $rc"
	else
		fail=$((fail + 1)); echo "FAIL config $name: exit $rc (want $want)"; grep -v warning "$work/err" | head -2
	fi
}
fresh
iconv -f UTF-8 -t WINDOWS-874 config/nithet.ini >"$work/874.ini"
config_case "in Windows-874" "$work/874.ini" 2 "874.ini:2: error: the config file is not UTF-8 (it looks like Thai Windows-874"
{ printf '\357\273\277'; cat config/nithet.ini; } >"$work/bom.ini"
config_case "with a BOM" "$work/bom.ini" 0 ""
words=$(i=0; while [ $i -lt 40 ]; do printf 'ศึกษานิเทศก์ '; i=$((i + 1)); done)
sed "s/^keep_words = .*/keep_words = $words/" config/nithet.ini >"$work/long.ini"
line=$(grep -n '^keep_words' "$work/long.ini" | cut -d: -f1)
config_case "with a line too long" "$work/long.ini" 2 "long.ini:$line: error: line too long"

# Fonts are checked once, before any report: a wrong path is one message
# for a whole build (not one per report), a truncated font is a usage error
# naming it (not an internal error in every report), and check looks too.
fresh
sed 's|^;\{0,1\}thai = .*|thai = '"$work"'/none.ttf|' config/nithet.ini >"$work/nofont.ini"
"$NITHET" -c "$work/nofont.ini" -i "$work/in" -o "$work/out4" build >/dev/null 2>"$work/err"
rc=$?
n=$(grep -c "none.ttf" "$work/err")
[ "$rc" = 2 ] && [ "$n" = 1 ] && { pass=$((pass + 1)); echo "ok   a wrong font path: exit 2, one message"; } ||
	{ fail=$((fail + 1)); echo "FAIL a wrong font path: exit $rc, $n messages"; }
head -c 30000 fonts/Laksaman.ttf >"$work/trunc.ttf"
sed 's|^;\{0,1\}thai = .*|thai = '"$work"'/trunc.ttf|' config/nithet.ini >"$work/trunc.ini"
config_case "naming a truncated font" "$work/trunc.ini" 2 "trunc.ttf: error: the fonts of [fonts] load but cannot be embedded"

# 60 MB of blank lines reserve nothing for them: the check ends normally in
# 1.5 GB of address space (not under ASan, which needs far more).
fresh
{ head -1 input/staff.csv; head -c 62914560 /dev/zero | tr '\0' '\n'; tail -n +2 input/staff.csv; } >"$work/in/staff.csv"
if [ -n "${ASAN_OPTIONS:-}" ]; then
	"$NITHET" -i "$work/in" check >/dev/null 2>"$work/err"
else
	(ulimit -v 1500000; "$NITHET" -i "$work/in" check >/dev/null 2>"$work/err")
fi
rc=$?
[ "$rc" -le 1 ] && { pass=$((pass + 1)); echo "ok   60 MB of blank lines: exit $rc"; } ||
	{ fail=$((fail + 1)); echo "FAIL 60 MB of blank lines: exit $rc"; grep -v warning "$work/err" | head -2; }

# An element with 200,000 attributes is refused before libxml2 compares
# them one by one (which took 43 s).
fresh
{ printf '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row '
  i=0; while [ $i -lt 2000 ]; do printf 'a%d="1" ' $i; i=$((i + 1)); done
  printf '/></Table></Worksheet></Workbook>\n'; } >"$work/in/evaluations.xml"
hostile "attribute bomb" evaluations.xml 3 "more than 256 attributes"

# Run as root (as CI and `make test` run), an input that is a link to a file
# only root may read is refused, and nothing of that file reaches the log.
if [ "$(id -u)" = 0 ]; then
	fresh
	echo "secret-of-root" >"$work/rootonly"
	chmod 600 "$work/rootonly"
	rm -f "$work/in/staff.csv"
	ln -s "$work/rootonly" "$work/in/staff.csv"
	"$NITHET" -i "$work/in" check >/dev/null 2>"$work/err"
	rc=$?
	if [ "$rc" = 3 ] && grep -q "staff.csv: error: the file is a symbolic link; run as root" "$work/err" &&
	    ! grep -q "secret-of-root" "$work/err"; then
		pass=$((pass + 1)); echo "ok   as root, an input linked to a root-only file is refused"
	else
		fail=$((fail + 1)); echo "FAIL as root, a linked input: exit $rc"; grep -v warning "$work/err" | head -2
	fi
fi

# A full disk is said once (not once a report) and replaces nothing; tried
# where a small tmpfs can be mounted (root outside a restricted container).
mkdir -p "$work/tiny"
if mount -t tmpfs -o size=300k tmpfs "$work/tiny" 2>/dev/null; then
	fresh
	"$NITHET" -q -j 1 -i "$work/in" -o "$work/tiny/out" build >/dev/null 2>"$work/err"
	rc=$?
	n=$(grep -c "the disk is full" "$work/err")
	umount "$work/tiny"
	if [ "$rc" = 4 ] && [ "$n" = 1 ]; then
		pass=$((pass + 1)); echo "ok   a full disk: exit 4, said once"
	else
		fail=$((fail + 1)); echo "FAIL a full disk: exit $rc, said $n times"
	fi
fi

# Another run holds the output folder's lock (here a stand-in that holds
# it as nithet does, with fcntl): --wait 0 gives up at once, --wait 1 says
# it is waiting, then gives up; both exit 4 and name who holds it.
fresh
mkdir -p "$work/lk"
rm -f "$work/lk.ready"
python3 -c 'import fcntl, sys, time
f = open(sys.argv[1], "a+"); f.write("pid 4242, started 1\n"); f.flush()
fcntl.lockf(f, fcntl.LOCK_EX); open(sys.argv[2], "w").close(); time.sleep(60)' \
	"$work/lk/.nithet.lock" "$work/lk.ready" &
holder=$!
for i in 1 2 3 4 5 6 7 8 9 10; do [ -e "$work/lk.ready" ] && break; sleep 0.5; done
"$NITHET" -q --wait 0 -i "$work/in" -o "$work/lk" build >/dev/null 2>"$work/err"
rc=$?
if [ "$rc" = 4 ] && grep -q 'lk/.nithet.lock: error: another nithet run is writing this folder (pid 4242, started 1); not waiting' "$work/err"; then
	pass=$((pass + 1)); echo "ok   a held lock with --wait 0: exit 4 at once, naming the holder"
else
	fail=$((fail + 1)); echo "FAIL a held lock with --wait 0: exit $rc"; head -3 "$work/err"
fi
"$NITHET" -q --wait 1 -i "$work/in" -o "$work/lk" build >/dev/null 2>"$work/err"
rc=$?
if [ "$rc" = 4 ] && grep -q '^nithet: .*lk/.nithet.lock: another nithet run is writing this folder (pid 4242, started 1); waiting for it (--wait)$' "$work/err" &&
    grep -q 'did not end within 1 seconds' "$work/err"; then
	pass=$((pass + 1)); echo "ok   a held lock with --wait 1: says it waits, then exit 4"
else
	fail=$((fail + 1)); echo "FAIL a held lock with --wait 1: exit $rc"; head -3 "$work/err"
fi
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# A malformed SOURCE_DATE_EPOCH is refused before anything is read or
# written (it used to become the time of the run without a word).
fresh
SOURCE_DATE_EPOCH=2015-09-30 "$NITHET" -q -i "$work/in" -o "$work/sde" annual >/dev/null 2>"$work/err"
rc=$?
if [ "$rc" = 2 ] && grep -q 'SOURCE_DATE_EPOCH is "2015-09-30", not the seconds since 1970' "$work/err" &&
    [ ! -e "$work/sde" ]; then
	pass=$((pass + 1)); echo "ok   a malformed SOURCE_DATE_EPOCH: exit 2, nothing written"
else
	fail=$((fail + 1)); echo "FAIL a malformed SOURCE_DATE_EPOCH: exit $rc"; head -2 "$work/err"
fi

# The input folder itself is missing: one message naming it.
rm -rf "$work/in"
hostile "no input folder" "$work/in" 3 "input directory does not exist"

echo "hostile: $pass passed, $fail failed"
[ $fail = 0 ]
