/* gen-example.c - the data of the second bundled example: a secondary-school
 * area office (สพม.ตรัง กระบี่), fiscal year 2567, 40 schools in 5
 * สหวิทยาเขต. Every figure of its plan is decided here by construction (no
 * randomness), so examples/secondary-2567/README.md can work each target out
 * by hand from the rules below before the program is run.
 *
 *   gen-example --out DIR      writes DIR/{schools,networks,staff,visits,
 *                              evaluations,surveys,spending,meetings,
 *                              attendance,practices,scores,assessments,
 *                              surveys-workshop}.csv
 *
 * The rules (school i = 0..39, network i / 8, size by i % 10):
 *   size: i % 10 in 0..2 small (10 teachers, 2 admins), 3..6 medium (25, 3),
 *         7..9 large (60, 4)
 *   class visits (activity 2): i < 30 two in each term (5 Dec, 6 Feb; 12 Jun,
 *         14 Aug); 30 <= i < 36 two in term 2/2566 and one in term 1/2567;
 *         i >= 36 none
 *   network sessions (activity 3): networks 0..3 two each, network 4 one
 *   workshops (kind อบรม, activity 1): 4 sessions; school i sends all its
 *         teachers to session i % 4 when i < 32, half (rounded down) when not
 *   PLC (kind PLC, activity 4) every Wednesday but 3 Jan, 13 Mar, 17 Jul and
 *         25 Sep 2024; 22 May 2024 (วันวิสาขบูชา) is the plan's holiday; the
 *         PLC of Wednesday 5 Jun 2024 is held on Thursday 6 Jun (replaces)
 *   online supervision (activity 5, mode online): school i % 40 on the 10th
 *         of each month but April 2024
 *   committee (kind กตปน, activity 7): 1/2567..4/2567 on 14 Dec, 14 Mar,
 *         13 Jun, 12 Sep
 *   survey: schools i < 30: one respondent all มากที่สุด, one all มาก;
 *         30 <= i < 36: one all มาก, one all ปานกลาง; i >= 36 none
 *   O-NET ม.3, 4 subjects, ปีการศึกษา 2566 against 2565: i < 24 one point
 *         higher in each subject, 24 <= i < 34 one point lower, 34 <= i < 38
 *         2566 only, i >= 38 none; large schools also have ม.6 rows
 *   evaluations (PIDRE): i < 28 all 4 (80 %), 28 <= i < 34 3,3,3,4,4 (68 %),
 *         34 <= i < 38 all 5 (100 %), i >= 38 none
 *   practices: i < 10 published on the web in the year; school 10 one not
 *         yet published
 *   workshop survey (surveys-workshop.csv): 10 respondents a session, 5 items;
 *         all answer มาก but the tenth of sessions 1-3, who answers ปานกลาง
 *   assessments of indicator 6.1 (แบบประเมินระบบการนิเทศ, 5 items, 3
 *         evaluators): 4,4,4,4,3 from each: mean 57 / 15 = 3.80 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NSCHOOLS = 40, NNETWORKS = 5 };

/* Sub-districts (ตำบล) of each district, eight a district: school i is in
 * DISTRICT[i / 8] and named after its ตำบล. */
static const char *const PLACES[NSCHOOLS] = {
	"ทับเที่ยง", "นาตาล่วง", "บางรัก", "โคกหล่อ", "นาพละ", "บ้านโพธิ์", "นาท่ามเหนือ", "ควนปริง",
	"ห้วยยอด", "ในเตา", "ทุ่งต่อ", "วังคีรี", "เขาขาว", "ลำภูรา", "นาวง", "ปากแจ่ม",
	"กันตัง", "ควนธานี", "บางหมาก", "บางเป้า", "วังวน", "กันตังใต้", "โคกยาง", "คลองลุ",
	"ปากน้ำ", "กระบี่น้อย", "เขาคราม", "เขาทอง", "ทับปริก", "ไสไทย", "อ่าวนาง", "หนองทะเล",
	"อ่าวลึกเหนือ", "แหลมสัก", "นาเหนือ", "คลองหิน", "อ่าวลึกใต้", "เขาใหญ่", "คลองยา", "บ้านกลาง",
};
static const char *const SUFFIX[4] = { "วิทยา", "วิทยาคม", "พิทยาคม", "ศึกษา" };
static const char *const DISTRICT[NNETWORKS] = { "เมืองตรัง", "ห้วยยอด", "กันตัง", "เมืองกระบี่", "อ่าวลึก" };

static FILE *
open_out(const char *dir, const char *name)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		exit(2);
	}
	return f;
}

static void
close_out(FILE *f)
{
	if (ferror(f) || fclose(f) != 0) {
		fprintf(stderr, "gen-example: write error\n");
		exit(2);
	}
}

static const char *
code(int i)
{
	static char buf[8][24];
	static int k;
	k = (k + 1) % 8;
	snprintf(buf[k], sizeof(buf[k]), "10920%05d", 101 + i);
	return buf[k];
}

static int size_of(int i) { return i % 10 <= 2 ? 0 : i % 10 <= 6 ? 1 : 2; }
static int teachers(int i) { static const int t[3] = { 10, 25, 60 }; return t[size_of(i)]; }
static int admins(int i) { return size_of(i) + 2; }

static void
schools(const char *dir)
{
	static const char *const SIZE[3] = { "เล็ก", "กลาง", "ใหญ่" };
	static const int STUDENTS[3] = { 180, 520, 1450 };
	FILE *f = open_out(dir, "schools.csv");
	fputs("\xEF\xBB\xBFรหัสโรงเรียน,ชื่อโรงเรียน,อำเภอ,ตำบล,รหัสเครือข่าย,กลุ่มสี,ขนาด,จำนวนนักเรียน,จำนวนครู,"
	    "จำนวนผู้บริหาร,ผู้บริหาร,สถานะ\r\n", f);
	for (int i = 0; i < NSCHOOLS; i++)
		fprintf(f, "%s,%s%s,%s,%s,SW%d,,%s,%d,%d,%d,,1\r\n", code(i), PLACES[i], SUFFIX[i % 4],
		    DISTRICT[i / 8], PLACES[i], i / 8 + 1, SIZE[size_of(i)], STUDENTS[size_of(i)], teachers(i),
		    admins(i));
	close_out(f);
}

static void
networks(const char *dir)
{
	FILE *f = open_out(dir, "networks.csv");
	fputs("network_code,name,district,chair_school_code\n", f);
	for (int n = 0; n < NNETWORKS; n++)
		fprintf(f, "SW%d,สหวิทยาเขต%s,%s,%s\n", n + 1, DISTRICT[n], DISTRICT[n], code(n * 8));
	close_out(f);
}

static void
staff(const char *dir)
{
	FILE *f = open_out(dir, "staff.csv");
	fputs("staff_id,name,position,group\n"
	    "P01,นางอรุณี ทองสุข,ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา,กลุ่มนิเทศฯ\n"
	    "P02,นายชาตรี เพชรรัตน์,ศึกษานิเทศก์ชำนาญการพิเศษ,กลุ่มนิเทศฯ\n"
	    "P03,นางสาวกนกพร ศรีทอง,ศึกษานิเทศก์ชำนาญการ,กลุ่มนิเทศฯ\n"
	    "P04,นายวีระ หนูแก้ว,ศึกษานิเทศก์ชำนาญการ,กลุ่มนิเทศฯ\n", f);
	close_out(f);
}

static int nvisit;

static void
visit(FILE *f, const char *date, int school, int network, int activity, const char *mode, const char *summary)
{
	char net[16] = "";
	if (network >= 0)
		snprintf(net, sizeof(net), "SW%d", network + 1);
	nvisit++;
	fprintf(f, "X%04d,%s,%s,%s,%d,%s,P0%d,%d,%d,approved,%s\n", nvisit, date, school >= 0 ? code(school) : "",
	    net, activity, mode, 2 + nvisit % 3, school >= 0 ? 3 : 0, school >= 0 ? 1 : 0, summary);
}

static void
visits(const char *dir)
{
	FILE *f = open_out(dir, "visits.csv");
	fputs("visit_id,date,school_code,network_code,activity_no,mode,supervisors,teachers_met,admins_met,status,"
	    "summary\n", f);
	for (int i = 0; i < NSCHOOLS; i++) {
		if (i >= 36)
			continue;
		visit(f, "2023-12-05", i, -1, 2, "onsite", "นิเทศการจัดการเรียนรู้ในชั้นเรียน ครั้งที่ 1");
		visit(f, "2024-02-06", i, -1, 2, "onsite", "นิเทศการจัดการเรียนรู้ในชั้นเรียน ครั้งที่ 2");
		visit(f, "2024-06-12", i, -1, 2, "onsite", "นิเทศการจัดการเรียนรู้ในชั้นเรียน ครั้งที่ 3");
		if (i < 30)
			visit(f, "2024-08-14", i, -1, 2, "onsite", "นิเทศการจัดการเรียนรู้ในชั้นเรียน ครั้งที่ 4");
	}
	for (int n = 0; n < NNETWORKS; n++) {
		visit(f, "2024-01-17", -1, n, 3, "network", "ประชุมนิเทศร่วมกับสหวิทยาเขต");
		if (n < 4)
			visit(f, "2024-07-17", -1, n, 3, "network", "ติดตามผลการนิเทศร่วมกับสหวิทยาเขต");
	}
	static const char *const months[12] = { "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03",
		"2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09" };
	for (int mo = 0; mo < 12; mo++) {
		if (mo == 6)
			continue; /* April 2024: none */
		char date[32];
		snprintf(date, sizeof(date), "%s-10", months[mo]);
		visit(f, date, mo * 3 % NSCHOOLS, -1, 5, "online", "นิเทศออนไลน์ผ่านห้องเรียนเสมือน");
	}
	close_out(f);
}

static void
meetings(const char *dir)
{
	FILE *f = open_out(dir, "meetings.csv");
	fputs("event_id,type,activity_no,seq,date,title,participants,minutes_ref,resolutions,replaces\n", f);
	static const char *const workshop[4] = { "2023-11-20", "2024-01-22", "2024-06-24", "2024-08-26" };
	for (int k = 0; k < 4; k++)
		fprintf(f, "W%d,อบรม,1,,%s,อบรมเชิงปฏิบัติการการจัดการเรียนรู้เชิงรุก รุ่นที่ %d,,,,\n", k + 1, workshop[k],
		    k + 1);
	static const char *const committee[4] = { "2023-12-14", "2024-03-14", "2024-06-13", "2024-09-12" };
	for (int k = 0; k < 4; k++)
		fprintf(f, "C%d,ก.ต.ป.น.,7,%d/2567,%s,ประชุมคณะกรรมการ ก.ต.ป.น. ครั้งที่ %d/2567,14,รายงานการประชุม %d/2567,"
		    "รับทราบผลการนิเทศ,\n", k + 1, k + 1, committee[k], k + 1, k + 1);
	/* Wednesdays of FY 2567: 4 Oct 2023 .. 25 Sep 2024 (52 of them). */
	static const int mdays[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }; /* 2024 is leap */
	int y = 2023, m = 10, d = 4, n = 0;
	for (int k = 0; k < 52; k++) {
		char date[48];
		snprintf(date, sizeof(date), "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
		int skip = !strcmp(date, "2024-01-03") || !strcmp(date, "2024-03-13") || !strcmp(date, "2024-07-17") ||
		    !strcmp(date, "2024-09-25") || !strcmp(date, "2024-05-22");
		if (!strcmp(date, "2024-06-05"))
			fprintf(f, "L%02d,PLC,4,,2024-06-06,PLC ศึกษานิเทศก์ (เลื่อนจากวันพุธ),5,,,2024-06-05\n", ++n);
		else if (!skip)
			fprintf(f, "L%02d,PLC,4,,%s,PLC ศึกษานิเทศก์,5,,,\n", ++n, date);
		d += 7;
		int len = mdays[m];
		if (d > len) {
			d -= len;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	close_out(f);
}

static void
attendance(const char *dir)
{
	FILE *f = open_out(dir, "attendance.csv");
	fputs("event_id,school_code,teachers_present,admins_present\n", f);
	for (int i = 0; i < NSCHOOLS; i++)
		fprintf(f, "W%d,%s,%d,1\n", i % 4 + 1, code(i), i < 32 ? teachers(i) : teachers(i) / 2);
	close_out(f);
}

static void
surveys(const char *dir)
{
	static const char *const ITEMS[10] = { "การวางแผนการนิเทศร่วมกับโรงเรียน", "ความรู้ความสามารถของผู้นิเทศ",
		"การให้คำปรึกษา แนะนำ และช่วยเหลือ", "ความเหมาะสมของระยะเวลา", "การใช้สื่อและเทคโนโลยี",
		"การนิเทศแบบกัลยาณมิตร", "การนิเทศโดยใช้สหวิทยาเขตเป็นฐาน", "การนิเทศออนไลน์",
		"การติดตามและให้ข้อมูลย้อนกลับ", "ประโยชน์ที่ได้รับต่อการพัฒนาคุณภาพการศึกษา" };
	FILE *f = open_out(dir, "surveys.csv");
	fputs("\xEF\xBB\xBF\"ประทับเวลา\",\"โรงเรียน\",\"สถานภาพผู้ตอบ\"", f);
	for (int k = 0; k < 10; k++)
		fprintf(f, ",\"ความพึงพอใจต่อการนิเทศ [%d. %s]\"", k + 1, ITEMS[k]);
	fputs(",\"ข้อเสนอแนะ\"\r\n", f);
	for (int i = 0; i < 36; i++)
		for (int r = 0; r < 2; r++) {
			const char *word = i < 30 ? (r == 0 ? "มากที่สุด" : "มาก") : (r == 0 ? "มาก" : "ปานกลาง");
			fprintf(f, "\"%d/8/2024, 10:%02d:00\",\"%s %s%s\",\"%s\"", 5 + i % 20, r * 10 + i % 10, code(i),
			    PLACES[i], SUFFIX[i % 4], r == 0 ? "ผู้บริหารสถานศึกษา" : "ครู");
			for (int k = 0; k < 10; k++)
				fprintf(f, ",\"%s\"", word);
			fputs(",\"\"\r\n", f);
		}
	close_out(f);
}

static void
scores(const char *dir)
{
	static const char *const SUBJECTS[4] = { "ภาษาไทย", "คณิตศาสตร์", "วิทยาศาสตร์", "ภาษาอังกฤษ" };
	static const int BASE[4] = { 5210, 2480, 3130, 3190 }; /* 2565, in hundredths */
	FILE *f = open_out(dir, "scores.csv");
	fputs("รหัสโรงเรียน,การทดสอบ,ชั้น,วิชา,ปีการศึกษา,คะแนนเฉลี่ย\n", f);
	for (int i = 0; i < NSCHOOLS; i++) {
		if (i >= 38)
			continue;
		int shift = (i % 5) * 37;  /* schools differ; the change is what counts */
		for (int k = 0; k < 4; k++) {
			int before = BASE[k] + shift;
			int now = i < 24 ? before + 100 : i < 34 ? before - 100 : before + 50;
			fprintf(f, "%s,O-NET,ม.3,%s,2566,%d.%02d\n", code(i), SUBJECTS[k], now / 100, now % 100);
			if (i < 34)
				fprintf(f, "%s,O-NET,ม.3,%s,2565,%d.%02d\n", code(i), SUBJECTS[k], before / 100, before % 100);
			if (size_of(i) == 2)
				fprintf(f, "%s,O-NET,ม.6,%s,2566,%d.%02d\n", code(i), SUBJECTS[k], (before - 300) / 100,
				    (before - 300) % 100);
		}
	}
	close_out(f);
}

static void
evaluations(const char *dir)
{
	FILE *f = open_out(dir, "evaluations.csv");
	fputs("school_code,round,eval_date,evaluator,c1,c2,c3,c4,c5\n", f);
	for (int i = 0; i < 38; i++) {
		static const char *const SCORES[3] = { "4,4,4,4,4", "3,3,3,4,4", "5,5,5,5,5" };
		fprintf(f, "%s,1,2024-07-%02d,P0%d,%s\n", code(i), 1 + i % 28, 2 + i % 3,
		    SCORES[i < 28 ? 0 : i < 34 ? 1 : 2]);
	}
	close_out(f);
}

static void
practices(const char *dir)
{
	FILE *f = open_out(dir, "practices.csv");
	fputs("bp_id,school_code,title,kind,area,published_date,channel,url_or_ref,level\n", f);
	for (int i = 0; i < 10; i++)
		fprintf(f, "E%02d,%s,การจัดการเรียนรู้เชิงรุกด้วยกระบวนการ PLC โรงเรียน%s%s,BP,วิชาการ,2024-0%d-15,เว็บไซต์,"
		    "https://example.org/bp/E%02d,เขต\n", i + 1, code(i), PLACES[i], SUFFIX[i % 4], 3 + i % 6, i + 1);
	fprintf(f, "E11,%s,ห้องเรียนกลับด้านวิชาคณิตศาสตร์,นวัตกรรม,วิชาการ,,,,\n", code(10));
	close_out(f);
}

static void
spending(const char *dir)
{
	/* activity, category, amount (baht), date */
	static const struct { int act; const char *cat; int amount; const char *date; } rows[] = {
		{ 1, "ค่าใช้สอย", 48000, "2023-11-21" }, { 1, "ค่าตอบแทน", 14400, "2023-11-21" },
		{ 1, "ค่าใช้สอย", 47500, "2024-01-23" }, { 1, "ค่าตอบแทน", 14400, "2024-01-23" },
		{ 1, "ค่าใช้สอย", 46800, "2024-06-25" }, { 1, "ค่าใช้สอย", 47200, "2024-08-27" },
		{ 2, "ค่าใช้สอย", 38600, "2024-02-28" }, { 2, "ค่าใช้สอย", 36900, "2024-08-30" },
		{ 3, "ค่าใช้สอย", 12500, "2024-01-18" }, { 3, "ค่าใช้สอย", 10800, "2024-07-18" },
		{ 4, "ค่าวัสดุ", 4200, "2023-10-11" }, { 5, "ค่าวัสดุ", 6500, "2023-11-15" },
		{ 6, "ค่าใช้สอย", 29800, "2024-01-30" }, { 7, "ค่าตอบแทน", 16800, "2023-12-14" },
		{ 7, "ค่าตอบแทน", 16800, "2024-03-14" }, { 7, "ค่าตอบแทน", 16800, "2024-06-13" },
		{ 7, "ค่าตอบแทน", 16800, "2024-09-12" }, { 8, "ค่าวัสดุ", 9500, "2024-09-20" },
	};
	FILE *f = open_out(dir, "spending.csv");
	fputs("txn_id,date,activity_no,category,amount,doc_no,description\n", f);
	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++)
		fprintf(f, "F%03zu,%s,%d,%s,%d.00,ศธ 04293/%03zu,เบิกจ่ายกิจกรรมที่ %d\n", k + 1, rows[k].date, rows[k].act,
		    rows[k].cat, rows[k].amount, 100 + k, rows[k].act);
	close_out(f);
}

static void
workshop_survey(const char *dir)
{
	static const char *const ITEMS[5] = { "เนื้อหาการอบรม", "วิทยากร", "เอกสารประกอบ", "ระยะเวลา",
		"การนำไปใช้" };
	static const char *const DAY[4] = { "20/11/2023", "22/1/2024", "24/6/2024", "26/8/2024" };
	FILE *f = open_out(dir, "surveys-workshop.csv");
	fputs("\xEF\xBB\xBF\"ประทับเวลา\",\"โรงเรียน\",\"สถานภาพผู้ตอบ\",\"กิจกรรมที่\"", f);
	for (int k = 0; k < 5; k++)
		fprintf(f, ",\"ความพึงพอใจต่อการอบรม [%d. %s]\"", k + 1, ITEMS[k]);
	fputs("\r\n", f);
	for (int session = 0; session < 4; session++)
		for (int j = 0; j < 10; j++) {
			int school = (session * 10 + j) % NSCHOOLS;
			const char *word = j == 9 && session < 3 ? "ปานกลาง" : "มาก";
			fprintf(f, "\"%s, 15:%02d:00\",\"%s\",\"ครู\",\"1\"", DAY[session], j, code(school));
			for (int k = 0; k < 5; k++)
				fprintf(f, ",\"%s\"", word);
			fputs("\r\n", f);
		}
	close_out(f);
}

static void
assessments(const char *dir)
{
	static const char *const ITEMS[5] = { "การวางแผนการนิเทศ", "การดำเนินการนิเทศ", "การใช้เครื่องมือนิเทศ",
		"การติดตามผล", "การรายงานผล" };
	static const char *const WHO[3] = { "ประธาน ก.ต.ป.น.", "ผู้ทรงคุณวุฒิ", "ผู้แทนผู้บริหารสถานศึกษา" };
	FILE *f = open_out(dir, "assessments.csv");
	fputs("ตัวชี้วัด,รายการประเมิน,คะแนน,ผู้ประเมิน,วันที่ประเมิน\n", f);
	for (int e = 0; e < 3; e++)
		for (int k = 0; k < 5; k++)
			fprintf(f, "6.1,%s,%d,%s,2024-09-20\n", ITEMS[k], k < 4 ? 4 : 3, WHO[e]);
	close_out(f);
}

int
main(int argc, char **argv)
{
	const char *out = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--out") && i + 1 < argc)
			out = argv[++i];
		else if (!strcmp(argv[i], "--help")) {
			puts("usage: gen-example --out DIR   (the data of examples/secondary-2567)");
			return 0;
		} else {
			fprintf(stderr, "gen-example: unknown argument %s; see --help\n", argv[i]);
			return 2;
		}
	}
	if (out == NULL) {
		fprintf(stderr, "gen-example: --out DIR is required\n");
		return 2;
	}
	schools(out);
	networks(out);
	staff(out);
	visits(out);
	meetings(out);
	attendance(out);
	surveys(out);
	scores(out);
	evaluations(out);
	practices(out);
	spending(out);
	assessments(out);
	workshop_survey(out);
	return 0;
}
