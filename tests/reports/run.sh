#!/bin/sh
# run.sh - end-to-end checks of the reports `nithet build` writes from the
# bundled input: every file exists, fonts are embedded and subset, the annual
# report's text carries every figure of `nithet indicators` and the headings
# of the annual report, builds are reproducible, and a failed build leaves the
# previous reports untouched. Prints "reports: N passed, N failed".
# Usage (from the repository root): NITHET=./nithet sh tests/reports/run.sh
set -u
NITHET=${NITHET:-./nithet}
pass=0
fail=0
work=$(mktemp -d "${TMPDIR:-/tmp}/nithet-reports.XXXXXX")
trap 'rm -rf "$work"' EXIT

ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { # description, then a command that must succeed
	d=$1
	shift
	if "$@" >/dev/null 2>&1; then ok; else no "$d"; fi
}

export SOURCE_DATE_EPOCH=1443571200
out=$work/out
"$NITHET" -q -o "$out" build 2>"$work/build.err"
rc=$?
[ $rc = 0 ] && ok || { no "build exited $rc"; cat "$work/build.err"; }

# Every report.
check "annual report written" test -s "$out/2558/annual-2558.pdf"
n=$(ls "$out/2558"/committee-*-2558.pdf 2>/dev/null | wc -l)
[ "$n" -ge 1 ] && ok || no "no committee pack written"
n=$(ls "$out/2558"/schools/*.pdf 2>/dev/null | wc -l)
[ "$n" = 117 ] && ok || no "$n school reports, want 117"
check "indicators JSON written" test -s "$out/2558/indicators-2558.json"
check "indicators CSV written" test -s "$out/2558/indicators-2558.csv"
check "the output holds the year's link and one set" sh -c "[ -L '$out/2558' ] && [ \$(ls '$out/.sets' | wc -l) = 1 ]"

# Fonts: every font embedded, subset, with a ToUnicode map.
for f in "$out/2558/annual-2558.pdf" "$out/2558/committee-1-2558.pdf" "$out/2558/schools/93020001-2558.pdf"; do
	pdffonts "$f" >"$work/fonts" 2>&1
	rows=$(tail -n +3 "$work/fonts" | wc -l)
	good=$(tail -n +3 "$work/fonts" | awk '$1 ~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/ && $(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes"' | wc -l)
	[ "$rows" -ge 1 ] && [ "$rows" = "$good" ] && ok || { no "fonts of $f"; cat "$work/fonts"; }
done

# The annual report's text: every figure as `nithet indicators` prints it.
pdftotext -layout "$out/2558/annual-2558.pdf" "$work/annual.txt"
tr -s ' \n' ' ' <"$work/annual.txt" >"$work/annual.flat"
"$NITHET" -q indicators --format csv >"$work/ind.csv" 2>/dev/null
tail -n +2 "$work/ind.csv" | grep -v '^budget' | while IFS=, read -r id value goal unit met; do
	[ -n "$value" ] || continue
	case $unit in
	ร้อยละ*) want="ร้อยละ $value" ;;
	*) want="$value $unit" ;;
	esac
	if grep -qF -- "$want" "$work/annual.flat"; then echo ok; else echo "no $id: \"$want\" not in the annual report"; fi
done >"$work/figures"
while read -r line; do
	case $line in ok) ok ;; *) no "${line#no }" ;; esac
done <"$work/figures"

# The headings of the annual report, and the total in BAHTTEXT.
for h in "คำนำ" "สารบัญ" "บทสรุปผู้บริหาร" "ส่วนที่ 1 บทนำ" "หลักการและเหตุผล" "วัตถุประสงค์" \
	"ส่วนที่ 2 วิธีดำเนินการ" "ส่วนที่ 3 ผลการดำเนินงาน" "ส่วนที่ 4 การใช้งบประมาณ" \
	"ส่วนที่ 5 สรุป อภิปรายผล และข้อเสนอแนะ" "ภาคผนวก" "เกณฑ์ที่ใช้" \
	"ห้าแสนบาทถ้วน" "ขอถัวจ่ายทุกรายการ" "การรับรองรายงาน" "คณะผู้จัดทำ"; do
	grep -qF -- "$h" "$work/annual.flat" && ok || no "annual report lacks \"$h\""
done
# The Thai text copies back exactly: the plan's title and first objective,
# verbatim (lines joined: a wrapped Thai line has no space at the wrap).
pdftotext "$out/2558/annual-2558.pdf" - | tr -d '\n' >"$work/annual.joined"
for tag in title objective; do
	text=$(sed -n "s:.*<$tag[^>]*>\\(.*\\)</$tag>.*:\\1:p" input/plan.xml | head -1)
	[ -n "$text" ] && grep -qF -- "$text" "$work/annual.joined" && ok || no "plan $tag not extracted exactly"
done

# Reproducible: a second build with the same SOURCE_DATE_EPOCH is identical.
"$NITHET" -q -o "$work/again" build 2>/dev/null
# (.nithet.lock names the pid of the last run; it is not a report)
check "two builds give identical bytes" diff -r "$out/2558/" "$work/again/2558/"
# The workers are threads sharing caches, each with its own shaping memo:
# how many there are, and which takes which school, changes no byte.
"$NITHET" -q -j 1 -o "$work/one" build 2>/dev/null
"$NITHET" -q -j 3 -o "$work/three" build 2>/dev/null
check "one worker and three give identical bytes" diff -r "$work/one/2558/" "$work/three/2558/"
check "-j 3 gives what the default gives" diff -r "$out/2558/" "$work/three/2558/"

# A build writes the schools' reports eight at a time with one font subset
# for the eight (cli/build.c): the 117 reports' regular-weight subsets are a
# few tens, not one a report (which is what each school's own glyphs give).
tags=$(for f in "$out"/2558/schools/*.pdf; do pdffonts "$f" | awk '{ print $1 }' | grep -E '^[A-Z]{6}[+]Laksaman$'; done |
	sort -u | wc -l)
[ "$tags" -ge 2 ] && [ "$tags" -le 30 ] && ok || no "school reports use $tags regular subsets, want 2 to 30 (shared by batch)"

# A school merged since an earlier run: its old report does not survive a build.
"$NITHET" -q -o "$work/again" school 93020040 2>/dev/null
check "a merged school's report can be asked for" test -s "$work/again/2558/schools/93020040-2558.pdf"
"$NITHET" -q -o "$work/again" build 2>/dev/null
check "a build removes the report of a merged school" test ! -e "$work/again/2558/schools/93020040-2558.pdf"
check "117 school reports after the build" sh -c "[ \$(ls '$work/again/2558/schools' | grep -c '[.]pdf$') = 117 ]"

# A failed build leaves the previous reports byte for byte, and no stray files.
mkdir -p "$work/badin"
cp -R input/. "$work/badin/"
sed 's:</title>:</title><sponsor>x</sponsor>:' input/plan.xml >"$work/badin/plan.xml"
cp -R "$out" "$work/saved"
"$NITHET" -q -i "$work/badin" -o "$out" build 2>/dev/null
rc=$?
[ $rc = 3 ] && ok || no "build with an invalid plan exited $rc, want 3"
check "failed build left the reports untouched" diff -r "$work/saved/2558/" "$out/2558/"

# The set is swapped in one step: a build killed at any step of its commit
# (after the set is written and flushed, after the new link is made, after
# the swap) leaves a whole set at OUT/2558: the previous one or the new one,
# never a mix; the next build removes what the killed one left.
for step in written linked swapped; do
	NITHET_FAULT_AT=$step "$NITHET" -q -o "$out" build >/dev/null 2>&1
	rc=$?
	[ $rc = 137 ] || [ $rc -gt 128 ] && ok || no "the build killed after '$step' exited $rc"
	check "killed after '$step': OUT/2558 is a whole set, the same reports" diff -r "$work/saved/2558/" "$out/2558/"
done
before=$(readlink "$out/2558")
"$NITHET" -q -o "$out" build 2>/dev/null
after=$(readlink "$out/2558")
# What the killed builds left is gone; the set this build replaced stays
# until the next build, which removes it while it works.
check "a build after the killed ones leaves its own set and the one it replaced" sh -c \
    "[ '$before' != '$after' ] && [ \"\$(ls '$out/.sets' | sort | tr '\n' ' ')\" = \"\$(printf '%s\n' '${before#.sets/}' '${after#.sets/}' | sort | tr '\n' ' ')\" ]"
"$NITHET" -q -o "$out" build 2>/dev/null
check "the next build removes the set replaced before it" sh -c \
    "[ \$(ls '$out/.sets' | wc -l) = 2 ] && [ ! -e '$out/$before' ]"

# Two builds at once: both finish, the folder stays whole (the lock).
"$NITHET" -q -o "$out" build 2>/dev/null &
p1=$!
"$NITHET" -q -o "$out" build 2>"$work/second.err"
r2=$?
wait $p1
r1=$?
[ $r1 = 0 ] && [ $r2 = 0 ] && ok || no "concurrent builds exited $r1 and $r2"
check "concurrent builds leave identical reports" diff -r "$work/saved/2558/" "$out/2558/"

# The type specimen: both fonts, every font embedded and subset.
"$NITHET" -q -o "$work/spec" specimen 2>/dev/null
rc=$?
[ $rc = 0 ] && ok || no "specimen exited $rc"
for f in specimen.pdf specimen-noto.pdf; do
	pdffonts "$work/spec/$f" >"$work/fonts" 2>&1
	rows=$(tail -n +3 "$work/fonts" | wc -l)
	good=$(tail -n +3 "$work/fonts" | awk '$1 ~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/ && $(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes"' | wc -l)
	[ "$rows" -ge 1 ] && [ "$rows" = "$good" ] && ok || { no "fonts of $f"; cat "$work/fonts"; }
done
grep -q NotoSansThai "$work/fonts" && ok || no "specimen-noto.pdf does not use Noto Sans Thai"

# Committee numbering and bad arguments.
"$NITHET" -q -o "$work/c" committee 9/2558 2>/dev/null
[ $? = 2 ] && ok || no "committee 9/2558 (no such meeting) should exit 2"
"$NITHET" -q -o "$work/c" school 12345678 2>/dev/null
[ $? = 2 ] && ok || no "school with an unknown code should exit 2"

# The committee pack and the school reports as an office reads them. Text is
# compared without spaces or line ends: pdftotext breaks Thai lines anywhere.
flat() { pdftotext "$1" - 2>/dev/null | tr -d ' \n\f'; }
has() { # description, flat text file, phrase
	if grep -qF -- "$(printf %s "$3" | tr -d ' ')" "$2"; then ok; else no "$1"; fi
}
hasnt() {
	if grep -qF -- "$(printf %s "$3" | tr -d ' ')" "$2"; then no "$1"; else ok; fi
}
flat "$out/2558/committee-5-2558.pdf" >"$work/c5.flat"
hasnt "committee 5.3 says an activity given nothing overspent by 0" "$work/c5.flat" "เกินงบประมาณที่ได้รับ 0 บาท"
has "committee 5.3 names activities given no allocation" "$work/c5.flat" "ไม่ได้รับจัดสรรงบประมาณ ใช้จ่ายจริง"
has "committee 5.3 prints every amount with satang" "$work/c5.flat" \
	"กิจกรรมที่ 2 ได้รับงบประมาณ 20,000.00 บาท ใช้จ่ายจริง 23,850.00 บาท เกินงบประมาณที่ได้รับ 3,850.00 บาท"
has "committee Table 2 names the previous meeting" "$work/c5.flat" "ณ การประชุมครั้งก่อน (4/2558)"
has "committee Table 1 footnotes activities whose data name no school" "$work/c5.flat" \
	"* ข้อมูลของกิจกรรมไม่ได้ระบุรายโรงเรียน (ดำเนินการกับเครือข่ายหรือกับกลุ่มบุคลากร)"
# 3.2.1 in 5.1 carries the figure of Table 2 (all schools, as of the meeting)
# and says which share the judgement rests on.
v=$("$NITHET" -q --as-of 2015-09-24 indicators --format csv 2>/dev/null | awk -F, '$1 == "3.2.1" { print $2 }')
[ -n "$v" ] && ok || no "indicators --as-of 2015-09-24 gave no 3.2.1"
has "committee 5.1 gives 3.2.1 as Table 2 does" "$work/c5.flat" "ผลสะสม ร้อยละ $v ของโรงเรียนทั้งหมด"
has "committee 5.1 gives 3.2.1 among the schools evaluated" "$work/c5.flat" "ในจำนวนที่ได้รับการประเมินแล้ว"
flat "$out/2558/schools/93020017-2558.pdf" >"$work/s17.flat"
flat "$out/2558/schools/93020001-2558.pdf" >"$work/s01.flat"
has "school report labels the subdistrict and the district" "$work/s17.flat" "ตำบล / อำเภอ คลองทรายขาว / กงหรา"
has "school report gives the scale of the PIDRE scores" "$work/s17.flat" "(คะแนน 1–5)"
has "school report names the PIDRE steps" "$work/s17.flat" "การเสริมแรง"
has "school report: a เขียว school is outside the ดำ/แดง target" "$work/s17.flat" "ไม่อยู่ในกลุ่มเป้าหมาย"
has "school report says the school counts toward a target" "$work/s01.flat" "นับเป็นผลสำเร็จแล้ว"
hasnt "school report applies a project target to one school" "$work/s01.flat" "ถึงเกณฑ์แล้ว"
hasnt "school report heads several dates 'the latest visit'" "$work/s01.flat" "ข้อเสนอแนะจากการนิเทศครั้งหลังสุด"

# The annual report as a reader meets it (this session's fixes; each phrase
# came out wrong or not at all before).
flat "$out/2558/annual-2558.pdf" >"$work/a.flat"
has "budget table has a column for ค่าสาธารณูปโภค and row 6 adds up" "$work/a.flat" \
	"6,000.00 8,300.00 7,200.00 21,500.00"
has "rules appendix says the lowest level in Thai" "$work/a.flat" "ปรับปรุง: ต่ำกว่าร้อยละ 50"
has "notes group thousands" "$work/a.flat" "1,692 จาก 1,753 คน"
has "results carry their unit in Thai order" "$work/a.flat" "ร้อยละ 96.52 เป้าหมาย ร้อยละ 100 ยังไม่บรรลุ"
has "indicators without a goal or not measured are not counted as missed" "$work/a.flat" \
	"ตัวชี้วัดความสำเร็จ 1 จาก 2 ตัวชี้วัด (ยังไม่ได้วัดผล 1 ข้อ และไม่ได้กำหนดค่าเป้าหมาย 1 ข้อ)"
has "part 5 names the per-school topic goal that falls short" "$work/a.flat" \
	"กำหนด 10 ครั้งต่อโรงเรียน มีโรงเรียนที่ได้รับการนิเทศครบ 48 จาก 117 โรงเรียน"
hasnt "answers that say nothing are left out without a tool's message" "$work/a.flat" "ไม่นำมาแสดง"
has "an indicator whose instrument has no data says so" "$work/a.flat" "ยังไม่มีข้อมูลจากเครื่องมือที่แผนกำหนด"
hasnt "no value stands in for one nobody measured" "$work/a.flat" "ค่าแทน"
has "a weekly event kind is summed up under the meetings table" "$work/a.flat" "แลกเปลี่ยนเรียนรู้ (KM) จัดทั้งสิ้น"
has "each target's rule is printed beside it, with its holidays" "$work/a.flat" \
	"วันอังคารทุกสัปดาห์ของปีงบประมาณ 50 วัน ไม่นับวันหยุด 2 วัน (14 เม.ย. 58, 5 พ.ค. 58)"
hasnt "the rules name no file or column of the software" "$work/a.flat" "replaces"
has "the amount in words follows the amount" "$work/a.flat" "งบประมาณที่ได้รับ 500,000 บาท (ห้าแสนบาทถ้วน)"
hasnt "meeting types are titled for readers, not as in the data" "$work/a.flat" "กตปน"
"$NITHET" -q -o "$work/again" school 93020040 2>/dev/null
flat "$work/again/2558/schools/93020040-2558.pdf" >"$work/s40.flat"
has "a merged school's report says it is merged" "$work/s40.flat" "โรงเรียนนี้ยุบหรือควบรวมแล้ว"
hasnt "a merged school's report lists no target as counted" "$work/s40.flat" "นับเป็นผลสำเร็จแล้ว"
hasnt "a merged school's report lists no target as reached" "$work/s40.flat" "ถึงเกณฑ์แล้ว"
# Another office's choices: no <indicators>, no target on internal supervision
# or practices, and neither file. Nothing is reported as missed for it.
mkdir -p "$work/lean"
cp -R input/. "$work/lean/"
rm -f "$work/lean/evaluations.xml" "$work/lean/practices.csv" "$work/lean/indicators-2557.csv"
awk '/<indicators>/ { skip = 1 } !skip { print } /<\/indicators>/ { skip = 0 }' \
	tests/cases/plan-without-optional-parts/input/plan.xml >"$work/lean/plan.xml"
"$NITHET" -q -i "$work/lean" -o "$work/lean-out" annual >/dev/null 2>&1
"$NITHET" -q -i "$work/lean" -o "$work/lean-out" school 93020001 >/dev/null 2>&1
flat "$work/lean-out/2558/annual-2558.pdf" >"$work/lean.flat"
flat "$work/lean-out/2558/schools/93020001-2558.pdf" >"$work/lean-s.flat"
has "a plan without indicators is said to have set none" "$work/lean.flat" \
	"โครงการไม่ได้กำหนดตัวชี้วัดความสำเร็จแยกจากเป้าหมาย"
hasnt "a plan without indicators has no '0 of 0 indicators'" "$work/lean.flat" "ตัวชี้วัดความสำเร็จ 0 จาก 0"
has "a plan without internal supervision says so in the annual report" "$work/lean.flat" \
	"โครงการนี้ไม่ได้กำหนดการประเมินการนิเทศภายในของโรงเรียน"
has "a plan without internal supervision says so in a school's report" "$work/lean-s.flat" \
	"โครงการนี้ไม่ได้กำหนดการประเมินการนิเทศภายในของโรงเรียน"
hasnt "no school is called not passed for an evaluation the plan does not make" "$work/lean-s.flat" \
	"นับว่ายังไม่ผ่านเกณฑ์"
# The official form: the cover's emblem, number and date; the foreword signed
# by the director named in the config; front matter labelled ก ข (on the page
# and in the PDF's page labels); the lists of tables and charts; a continued
# table headed "(ต่อ)"; the approval page and คณะผู้จัดทำ.
director=$(sed -n 's/^director = //p' config/nithet.ini)
reporter=$(sed -n 's/^reporter = //p' config/nithet.ini)
[ -n "$director" ] && [ -n "$reporter" ] && ok || no "the bundled config names no director or reporter"
pdftotext -f 2 -l 2 "$out/2558/annual-2558.pdf" - | tr -d ' \n\f' >"$work/a2.flat"
has "the foreword is signed with the director's name" "$work/a2.flat" "($director)"
has "the foreword is dated with the report's month" "$work/a2.flat" "ตุลาคม2558"
has "the foreword's page is labelled ก" "$work/a2.flat" "หน้าก"
pdftotext -f 3 -l 3 "$out/2558/annual-2558.pdf" - | tr -d ' \n\f' >"$work/a3.flat"
has "the contents' page is labelled ข" "$work/a3.flat" "หน้าข"
has "the contents list the summary on a lettered page" "$work/a3.flat" "บทสรุปผู้บริหาร"
has "the body starts at page 1" "$work/a3.flat" "ส่วนที่1บทนำ1"
has "the cover carries the document's number" "$work/a.flat" "เอกสารนิเทศ ลำดับที่ 12/2558"
has "the annual report lists its tables" "$work/a.flat" "สารบัญตาราง ตารางที่"
has "the annual report lists its charts" "$work/a.flat" "สารบัญแผนภูมิ แผนภูมิที่"
has "a continued table is headed (ต่อ)" "$work/a.flat" "ตารางที่ 1 (ต่อ)"
has "the approval page has the reporter's signature line" "$work/a.flat" "ผู้รายงาน ($reporter)"
has "the director approves the report" "$work/a.flat" "( ) เห็นชอบ"
has "the annual report ends with its team" "$work/a.flat" "คณะผู้จัดทำ ที่ปรึกษา"
check "the PDF labels its front pages" sh -c "strings '$out/2558/annual-2558.pdf' | grep -q PageLabels"
pdfimages -list "$out/2558/annual-2558.pdf" >"$work/images" 2>&1
n=$(tail -n +3 "$work/images" | awk '$3 == "image"' | wc -l)
[ "$n" -ge 1 ] && ok || { no "the annual report's cover has no emblem image"; cat "$work/images"; }
nphotos=$(find input/photos -name '*.png' -o -name '*.jpg' | wc -l)
[ "$nphotos" -ge 2 ] && ok || no "the bundled input has $nphotos photos"
[ "$n" -ge $((nphotos + 1)) ] && ok || no "the annual report shows $n images, want the emblem and $nphotos photos"
has "the photos are captioned with their file names" "$work/a.flat" "กิจกรรมสวัสดีคุณครู รอบเก็บตก"
has "the appendix of photos is headed ภาพกิจกรรม" "$work/a.flat" "ภาพกิจกรรม"
# A folder that is not an activity and a file that is no image are said and
# skipped; the report is still written.
mkdir -p "$work/ph"
cp -R input/. "$work/ph/"
mkdir -p "$work/ph/photos/99"
cp input/emblem.png "$work/ph/photos/99/a.png"
echo "not an image" >"$work/ph/photos/1/broken.jpg"
"$NITHET" -q -i "$work/ph" -o "$work/ph-out" annual >/dev/null 2>"$work/ph.err"
[ $? -le 1 ] && [ -s "$work/ph-out/2558/annual-2558.pdf" ] && ok || no "a bad photo stops the annual report"
grep -q "photos/99: warning" "$work/ph.err" && grep -q "broken.jpg: warning" "$work/ph.err" && ok ||
	{ no "bad photos are not named"; cat "$work/ph.err"; }

# Thai digits everywhere when the config asks: plan text, data, tables, page
# numbers and dates; and a target's number (๓.๑.๑๐) whole on its line.
sed 's/^thai_digits = no/thai_digits = yes/' config/nithet.ini >"$work/thai.ini"
"$NITHET" -q -c "$work/thai.ini" -i input -o "$work/thai" annual >/dev/null 2>&1
"$NITHET" -q -c "$work/thai.ini" -i input -o "$work/thai" committee 5/2558 >/dev/null 2>&1
"$NITHET" -q -c "$work/thai.ini" -i input -o "$work/thai" school 93020001 >/dev/null 2>&1
for f in annual-2558.pdf committee-5-2558.pdf schools/93020001-2558.pdf; do
	n=$(pdftotext "$work/thai/2558/$f" - 2>/dev/null | grep -c '[0-9]')
	[ -s "$work/thai/2558/$f" ] && [ "$n" = 0 ] && ok || no "Thai-digit mode leaves $n lines with Arabic digits in $f"
done
pdftotext -layout "$work/thai/2558/annual-2558.pdf" - 2>/dev/null | grep -q '๓\.๑\.๑๐ ' && ok ||
	no "Thai-digit mode splits ๓.๑.๑๐ across lines"

# The printed reports speak of the work, never of the software, its files or
# their encodings; the review report, for the office only, carries those:
# every row left out, the drafts, the duplicate document, the files.
for f in "$out/2558/annual-2558.pdf" "$out/2558"/committee-*-2558.pdf "$out/2558"/schools/*.pdf; do
	pdftotext "$f" - 2>/dev/null
done >"$work/printed.txt"
for w in BP draft config/ nithet UTF-8 SpreadsheetML Windows-874 .csv .xml .ini "แฟ้ม schools" "ยังไม่นับ"; do
	if grep -qF -- "$w" "$work/printed.txt"; then no "a printed report says \"$w\""; else ok; fi
done
check "the review report is written" test -s "$out/2558/review-2558.pdf"
flat "$out/2558/review-2558.pdf" >"$work/review.flat"
draft=$(awk -F, 'NR > 1 && $11 == "draft" { print $1; exit }' input/visits.csv)
[ -n "$draft" ] && ok || no "the bundled visits have no draft record"
has "the review lists a draft record" "$work/review.flat" "$draft"
has "the review lists the duplicate document number" "$work/review.flat" "0212/2558 was already used"
has "the review lists the off-plan category" "$work/review.flat" "ค่าสาธารณูปโภค is not one of the plan's"
has "the review gives the files' encodings" "$work/review.flat" "Windows-874"
has "the review names a target one record short" "$work/review.flat" "อีกหนึ่งรายการจะถึงเป้าหมาย"

# The committee pack as a meeting document: time and venue from meetings, an
# agenda page with presenters, the earlier resolutions with their standing on
# the day (resolutions), and the committee's own target among those at risk.
# Table cells are read in the order they are drawn (-raw): a wrapped cell's
# lines stay together.
rawflat() { pdftotext -raw "$1" - 2>/dev/null | tr -d ' \n\f'; }
rawflat "$out/2558/committee-5-2558.pdf" >"$work/c5.raw"
venue=$(awk -F, '$4 == "5/2558" { print $NF }' input/meetings.csv | tr -d '\r')
[ -n "$venue" ] && ok || no "meeting 5/2558 has no venue in the bundled meetings"
has "pack 5 names the venue" "$work/c5.flat" "ณ $venue"
has "pack 5 gives the time" "$work/c5.flat" "เวลา 09.00–12.00 น."
has "pack 5 has an agenda page with presenters" "$work/c5.raw" "วาระที่ เรื่อง ผู้เสนอ"
has "pack 5 names the chair from the config" "$work/c5.flat" \
	"($(sed -n 's/^committee_chair = //p' config/nithet.ini))"
has "pack 5 follows up an overdue resolution" "$work/c5.raw" "ยังไม่แล้วเสร็จ เลยกำหนด 31 ส.ค. 58"
has "pack 5 follows up a resolution under way" "$work/c5.raw" "อยู่ระหว่างดำเนินการ กำหนดเสร็จ 31 มี.ค. 59"
has "pack 5 counts the committee's own target at risk" "$work/c5.flat" "ยังขาดอีก 1 ครั้ง โดยเหลือเวลา"
has "pack 5 asks a question for each target at risk" "$work/c5.flat" "ประเด็นเสนอเพื่อพิจารณา"
n=$(grep -o "ประเด็นเสนอเพื่อพิจารณา" "$work/c5.flat" | wc -l)
m=$(grep -o "มติที่ประชุม" "$work/c5.flat" | wc -l)
[ "$n" -ge 1 ] && [ "$m" -ge $((n + 3)) ] && ok || no "pack 5: $n questions but $m resolution lines (agenda 2, 3, 4 and each item)"
has "pack 5 asks to approve the budget moves" "$work/c5.flat" "เพื่อโปรดพิจารณาเห็นชอบการถัวจ่าย"
has "pack 5 names the school behind a miss" "$work/c5.flat" "บ้านพรุพ้อ"
rawflat "$out/2558/committee-2-2558.pdf" >"$work/c2.raw"
has "pack 2 reports a resolution done late" "$work/c2.raw" "ดำเนินการแล้ว เมื่อ 16 ม.ค. 58 (หลังกำหนด 31 ธ.ค. 57)"
flat "$out/2558/committee-3-2558.pdf" >"$work/c3.flat"
hasnt "a resolution reported done is not carried to the next pack" "$work/c3.flat" "ใช้เครือข่ายเป็นฐาน (1/2558)"

# School reports a principal can trust: a record awaiting approval is said to
# be one, not "not visited"; every evaluation round of the year with the
# change; no item means from fewer respondents than the config allows; and
# every report on one sheet (two pages).
draft_school=$(awk -F, 'NR > 1 && $11 == "draft" && $5 == 2 { print $3; exit }' input/visits.csv)
flat "$out/2558/schools/$draft_school-2558.pdf" >"$work/sd.flat"
has "a school report says a visit awaits approval" "$work/sd.flat" "ที่รออนุมัติ เมื่ออนุมัติแล้วจะนับรวมในรายงานที่จัดทำใหม่"
has "a school report gives the draft as the reason a target is short" "$work/sd.flat" "รออนุมัติ)"
has "a school report shows both evaluation rounds and the change" "$work/sd.flat" "ระดับคุณภาพดีขึ้นจาก"
has "item means are withheld below min_item_respondents" "$work/sd.flat" "ไม่แสดงค่าเฉลี่ยรายข้อ เนื่องจากผู้ตอบน้อยกว่า 3 คน"
over=0
for f in "$out/2558"/schools/*.pdf; do
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	[ "${n:-9}" -le 2 ] || { over=$((over + 1)); echo "  $f: $n pages"; }
done
[ $over = 0 ] && ok || no "$over school reports are longer than two pages"

# The office's own words where each belongs: a target's cause and remedy in
# 5.3 beside its result, what is not written said plainly, the discussion and
# the suggestions for next year; comments grouped into themes, praise apart.
cause=$(awk -F, '$1 == "3.1.1" && $2 == "สาเหตุ" { print $3; exit }' input/narrative.csv | tr -d '\r')
[ -n "$cause" ] && ok || no "the bundled narrative has no cause for 3.1.1"
rawflat "$out/2558/annual-2558.pdf" >"$work/a.raw"
has "a target's cause is printed beside its result" "$work/a.raw" "ยังไม่บรรลุ สาเหตุ $cause"
has "a missing remedy is said plainly" "$work/a.flat" "แนวทางแก้ไข สำนักงานยังไม่ได้บันทึก"
has "the discussion is printed in 5.2" "$work/a.flat" "5.2 อภิปรายผล • การนิเทศโดยใช้เครือข่ายโรงเรียนเป็นฐาน"
has "next year's suggestions are printed in 5.6" "$work/a.flat" "ควรบันทึกและอนุมัติบันทึกการนิเทศให้เป็นปัจจุบัน"
has "comments are grouped into themes" "$work/a.flat" "จำแนกตามประเด็น"
has "praise is kept apart" "$work/a.flat" "คำชื่นชม 21 ข้อความ เช่น"
hasnt "no raw list of one comment per line" "$work/a.flat" "(13 ครั้ง)"
has "the review lists what the office has not written" "$work/review.flat" "ข้อ 3.1.7 (ยังไม่บรรลุ): แนวทางแก้ไข"

# A Thai project report's structure: the plan's expected outcomes and the
# scope in บทนำ, the instruments and statistics in วิธีดำเนินการ, a sentence
# under the main tables, the budget's remarks where an auditor reads it.
has "บทนำ prints the plan's expected outcomes" "$work/a.flat" "ผลที่คาดว่าจะได้รับ 1. สถานศึกษาจัดกิจกรรมการเรียนรู้"
has "บทนำ states the scope" "$work/a.flat" "ขอบเขตของการดำเนินงาน"
has "วิธีดำเนินการ names the statistics" "$work/a.flat" "การวิเคราะห์ข้อมูลและสถิติที่ใช้"
n=$(grep -o "จากตารางที่" "$work/a.flat" | wc -l)
[ "$n" -ge 6 ] && ok || no "only $n tables are interpreted in words"
has "the budget part flags the duplicate document" "$work/a.flat" "ใช้เบิกจ่ายซ้ำกับรายการวันที่"
has "the budget part flags the off-plan category" "$work/a.flat" "ซึ่งไม่อยู่ในหมวดรายจ่ายของโครงการ"
has "one table reconciles the counts of visits" "$work/a.flat" "ที่มาของจำนวนครั้งการนิเทศที่รายงาน"
has "a result says what was measured (periods)" "$work/a.flat" "ครบใน 5 จาก 6 ช่วง 2 เดือน"
has "3.1.9's per-school requirement is stated" "$work/a.flat" "ครบ 48 จาก 117 โรงเรียน"

# Year over year: with last year's indicators in the input, each target
# beside its result of the year before; without the file, no such part.
has "the annual report compares with last year" "$work/a.flat" "เปรียบเทียบผลการดำเนินงานกับปีงบประมาณ 2557"
has "a target's change is given with its unit" "$work/a.flat" "ร้อยละ 93.10 ร้อยละ 96.52 สูงขึ้น 3.42 จุด"
hasnt "without last year's file there is no comparison" "$work/lean.flat" "เปรียบเทียบผลการดำเนินงานกับปีงบประมาณ"

# The appendices an office attaches: the instruments in full and the
# committee's resolutions with what became of them.
has "the survey form is attached with its scale" "$work/a.flat" "แบบสำรวจความพึงพอใจต่อการนิเทศ คำชี้แจง"
has "the evaluation form is attached" "$work/a.flat" "แบบประเมินการนิเทศภายในของโรงเรียน (PIDRE)"
has "the committee's resolutions are attached" "$work/a.flat" "มติการประชุมคณะกรรมการ ก.ต.ป.น. ในปีงบประมาณ"

# A pack built ahead of its meeting: a planned meeting in meetings.csv, the
# figures as of the day given, and said to be so.
mkdir -p "$work/ahead"
cp -R input/. "$work/ahead/"
printf 'M006,กตปน,10,6/2558,2015-09-29,ประชุม ก.ต.ป.น. ครั้งที่ 6/2558,,,,09.00-12.00 น.,ห้องประชุม ชั้น 2\r\n' \
	>>"$work/ahead/meetings.csv"
"$NITHET" -q -i "$work/ahead" -o "$work/ahead-out" --as-of 2015-09-25 committee 6/2558 >/dev/null 2>&1
flat "$work/ahead-out/2558/committee-6-2558.pdf" >"$work/c6.flat"
has "a pack built ahead gives its figures' day" "$work/c6.flat" "ผลตามเป้าหมาย ณ วันที่ 25 ก.ย. 58"
hasnt "a pack built ahead does not call its figures the meeting's" "$work/c6.flat" "ณ วันประชุม"

# A forgotten fiscal year never destroys a year's reports: the run with
# fiscal_year = 2559 over 2558 data stops (exit 3), says which year the data
# looks like, and leaves the 2558 set byte for byte as it was.
(cd "$out" && find . -type f ! -name .nithet.lock | sort | xargs md5sum) >"$work/before.sum"
sed 's/^fiscal_year = 2558/fiscal_year = 2559/' config/nithet.ini >"$work/fy.ini"
"$NITHET" -q -c "$work/fy.ini" -i input -o "$out" build >/dev/null 2>"$work/fy.err"
[ $? = 3 ] && ok || no "a build of the wrong fiscal year should exit 3"
grep -q "the data looks like fiscal year 2558" "$work/fy.err" && ok || { no "the wrong year is not named"; tail -2 "$work/fy.err"; }
n=$(grep -c "is outside fiscal year" "$work/fy.err")
[ "$n" -le 100 ] && ok || no "$n lines about rows outside the year (ten a file, then a summary)"
(cd "$out" && find . -type f ! -name .nithet.lock | sort | xargs md5sum) >"$work/after.sum"
cmp -s "$work/before.sum" "$work/after.sum" && ok || no "the wrong fiscal year changed the 2558 reports"

# The specimen needs the plan only: no data warning printed.
"$NITHET" -o "$work/spec" specimen >/dev/null 2>"$work/spec.err"
check "specimen prints no data warnings" sh -c "! grep -q 'visits.csv' '$work/spec.err'"

echo "reports: $pass passed, $fail failed"
[ $fail = 0 ]
