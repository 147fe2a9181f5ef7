/* test_load.c - the loaders of every input file: Likert answers, SpreadsheetML
 * and our XML, typed fields, references, duplicates, the fiscal year, and
 * inputs_load over a whole directory. */
#include "test.h"

#include "load/plan.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/settings.h"
#include "core/arena.h"
#include "core/diag.h"
#include "load/inputs.h"
#include "load/loaders.h"
#include "load/schools.h"
#include "load/sheet.h"

/* ---- helpers ---- */

static int
said(const Diag *d, DiagSeverity sev, long line, const char *needle)
{
	for (size_t i = 0; i < diag_nrecords(d); i++) {
		const DiagRecord *r = diag_record(d, i);
		if (r->severity == sev && (line == 0 || r->line == line) &&
		    strstr(r->text, needle) != NULL)
			return 1;
	}
	return 0;
}

/* A fresh directory under /tmp, removed by cleanup(). */
static char tmpdir[64];

static void
fresh_dir(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/nithet-test-load.XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		abort();
}

static const char *
put_file(const char *name, const char *text)
{
	static char path[256];
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		abort();
	fputs(text, f);
	fclose(f);
	return path;
}

static void
cleanup(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		abort();
}

static const LoadOptions opts = { { 1 << 20, 4096, 64, 100000 }, 32, 2558, NULL };

static const char SCHOOLS[] =
	"school_code,name,district,network_code,color_group,students,teachers,admins\n"
	"93010012,บ้านควนประกอบ,กงหรา,NW03,แดง,142,9,1\n"
	"93010045,บ้านควนโคกยา,เขาชัยสน,NW05,เหลือง,98,7,1\n"
	"93010046,วัดสุวรรณ,เขาชัยสน,NW05,,77,6,1\n";

/* A model with three schools, two networks and two staff (no plan: the
 * activities are then 1..99 and activity 4 needs a topic). */
static void
small_model(Model *m, Arena *a, Diag *d)
{
	memset(m, 0, sizeof(*m));
	m->fiscal_year = 2558;
	/* The bundled plan: its activities and event kinds. */
	m->plan = plan_load(a, "input/plan.xml", "config/plan.xsd", 64, 1 << 24, d);
	CHECK(m->plan != NULL);
	FileSummary sum = { 0 };
	CHECK_INT(schools_load(m, a, put_file("schools.csv", SCHOOLS), &opts, 3, &sum, d), 0);
	CHECK_INT(networks_load(m, a, put_file("networks.csv",
	    "network_code,name,district,chair_school_code\n"
	    "NW05,เครือข่าย 5,เขาชัยสน,93010045\n"
	    "NW03,เครือข่าย 3,กงหรา,93010012\n"), &opts, &sum, d), 0);
	CHECK_INT(staff_load(m, a, put_file("staff.csv",
	    "staff_id,name,position,group\nS02,นาย ข,ศน.,นิเทศ\nS01,นาง ก,ศน.,นิเทศ\n"),
	    &opts, &sum, d), 0);
}

/* ---- Likert ---- */

/* schools.csv's names and types and the plan's school-type= lose the
 * word "โรงเรียน" the same way, so that they match. */
TEST(load_school_word_is_dropped_alike)
{
	CHECK_STR(model_without_school_word("โรงเรียนบ้านกงหรา"), "บ้านกงหรา");
	CHECK_STR(model_without_school_word("โรงเรียน ขยายโอกาส"), "ขยายโอกาส");
	CHECK_STR(model_without_school_word("ร.ร.ขยายโอกาส"), "ขยายโอกาส");
	CHECK_STR(model_without_school_word("รร. บ้านนา"), "บ้านนา");
	CHECK_STR(model_without_school_word("โรงเรียน"), "โรงเรียน");
	CHECK_STR(model_without_school_word("ขยายโอกาส"), "ขยายโอกาส");
}

TEST(load_likert_words_digits_and_mixed_forms)
{
	static const struct { const char *s; int want; } cases[] = {
		{ "มากที่สุด", 5 }, { "มาก", 4 }, { "ปานกลาง", 3 }, { "น้อย", 2 }, { "น้อยที่สุด", 1 },
		{ "5", 5 }, { " 1 ", 1 }, { "๔", 4 }, { "5 (มากที่สุด)", 5 }, { "มากที่สุด (5)", 5 },
		{ "(4) มาก", 4 }, { "2(น้อย)", 2 }, { "", 0 }, { "   ", 0 },
		/* numbered answers of a form's choices */
		{ "5 - มากที่สุด", 5 }, { "4. มาก", 4 }, { "3 = ปานกลาง", 3 }, { "น้อย – 2", 2 }, { "1: น้อยที่สุด", 1 },
		{ "5 - น้อย", -1 }, { "-", 0 },
		/* rubric words are not mapped; digit and word must agree */
		{ "ดี", -1 }, { "ดีมาก", -1 }, { "5 (น้อย)", -1 }, { "0", -1 }, { "6", -1 },
		{ "มากมาก", -1 }, { "น้อยกว่า", -1 }, { "55", -1 }, { "x", -1 },
		{ "มาก0", -1 }, { "x0", -1 }, { "ab0", -1 }, { "มาก (๔)", 4 }, /* a found 0 once confused the scan */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = surveys_likert(cases[i].s, strlen(cases[i].s));
		if (got != cases[i].want)
			test_fail(__FILE__, __LINE__, "likert(\"%s\") = %d, want %d", cases[i].s, got,
			    cases[i].want);
	}
}

/* ---- SpreadsheetML and our XML ---- */

typedef struct Rows {
	int n;
	long line[8];
	size_t nfields[8];
	char text[8][8][48];
} Rows;

static int
collect(void *ctx, const SourceRow *row)
{
	Rows *r = ctx;
	if (r->n == 8)
		return 1;
	r->line[r->n] = row->line;
	r->nfields[r->n] = row->nfields;
	for (size_t i = 0; i < row->nfields && i < 8; i++)
		snprintf(r->text[r->n][i], 48, "%s", row->fields[i]);
	r->n++;
	return 0;
}

static int
parse_sheet(const char *xml, const char *stem, Rows *rows, SheetInfo *info, Diag *d)
{
	memset(rows, 0, sizeof(*rows));
	return sheet_parse_rows("t.xml", xml, strlen(xml), stem, &opts.lim, 32, collect, rows,
	    info, d);
}

TEST(load_spreadsheetml_index_merge_datetime)
{
	const char *xml =
	    "<?xml version=\"1.0\"?>\n"
	    "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"\n"
	    " xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n"
	    "<Worksheet ss:Name=\"eval\"><Table>\n"
	    "<Row><Cell><Data ss:Type=\"String\">a</Data></Cell><Cell ss:MergeAcross=\"1\">"
	    "<Data ss:Type=\"String\">bc</Data></Cell><Cell><Data ss:Type=\"String\">d</Data></Cell></Row>\n"
	    "<Row><Cell><Data ss:Type=\"String\"> 93010012\xE2\x80\x8B </Data></Cell>"
	    "<Cell ss:Index=\"4\"><Data ss:Type=\"Number\">4</Data></Cell></Row>\n"
	    "<Row><Cell><Data ss:Type=\"String\"></Data></Cell></Row>\n"
	    "<Row><Cell><Data ss:Type=\"DateTime\">2015-02-18T00:00:00.000</Data></Cell>"
	    "<Cell><Data ss:Type=\"DateTime\">2015-02-18T10:05:00.000</Data></Cell>"
	    "<Cell><ss:Data ss:Type=\"String\" xmlns=\"http://www.w3.org/TR/REC-html40\">"
	    "<B>rich</B> text</ss:Data></Cell></Row>\n"
	    "</Table></Worksheet></Workbook>\n";
	Rows r;
	SheetInfo info;
	Diag *d = diag_new(NULL);
	CHECK_INT(parse_sheet(xml, "evaluations", &r, &info, d), 0);
	CHECK_INT(info.format, SHEET_SPREADSHEETML);
	CHECK_INT(r.n, 3);                       /* the blank row is skipped */
	CHECK_INT(r.line[0], 5);
	CHECK_STR(r.text[0][1], "bc");
	CHECK_STR(r.text[0][2], "");             /* covered by MergeAcross */
	CHECK_STR(r.text[0][3], "d");
	CHECK_STR(r.text[1][0], "93010012");     /* trimmed, zero-width space gone */
	CHECK_STR(r.text[1][1], "");             /* skipped by ss:Index */
	CHECK_STR(r.text[1][3], "4");
	CHECK_INT(r.line[2], 8);
	CHECK_STR(r.text[2][0], "2015-02-18");   /* midnight: a date */
	CHECK_STR(r.text[2][1], "2015-02-18T10:05:00.000");
	CHECK(strstr(r.text[2][2], "rich") != NULL);
	diag_free(d);
}

TEST(load_spreadsheetml_bad_index_and_unknown_root)
{
	Rows r;
	Diag *d = diag_new(NULL);
	CHECK_INT(parse_sheet("<Workbook><Worksheet><Table><Row><Cell ss:Index=\"3\" "
	    "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Data>x</Data></Cell>"
	    "<Cell ss:Index=\"2\" xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">"
	    "<Data>y</Data></Cell></Row></Table></Worksheet></Workbook>", "visits", &r, NULL, d), -1);
	CHECK(said(d, DIAG_INPUT, 0, "points back"));
	diag_free(d);
	d = diag_new(NULL);
	CHECK_INT(parse_sheet("<Workbook><Worksheet><Table><Row><Cell ss:Index=\"100000\" "
	    "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Data>x</Data></Cell>"
	    "</Row></Table></Worksheet></Workbook>", "visits", &r, NULL, d), -1);
	CHECK(said(d, DIAG_INPUT, 0, "more than 64 columns"));
	diag_free(d);
	d = diag_new(NULL);
	CHECK_INT(parse_sheet("<html><body/></html>", "visits", &r, NULL, d), -1);
	CHECK(said(d, DIAG_INPUT, 1, "root element is <html>"));
	diag_free(d);
	d = diag_new(NULL);
	CHECK_INT(parse_sheet("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>"
	    "<Workbook>&a;</Workbook>", "visits", &r, NULL, d), -1);
	CHECK_INT(diag_exit_status(d), EXIT_INPUT);
	diag_free(d);
}

TEST(load_dataxml_header_text_and_answers)
{
	const char *xml =
	    "<supervision-data fiscal-year=\"2558\" office=\"x\">\n"
	    "  <visits>\n"
	    "    <visit id=\"V1\" date=\"2014-12-10\" school=\"93010012\">ติดตาม</visit>\n"
	    "    <visit date=\"2015-01-20\" id=\"V2\" mode=\"online\"/>\n"
	    "    <note/>\n"
	    "  </visits>\n"
	    "</supervision-data>\n";
	Rows r;
	SheetInfo info;
	Diag *d = diag_new(NULL);
	CHECK_INT(parse_sheet(xml, "visits", &r, &info, d), 0);
	CHECK_INT(info.format, SHEET_DATAXML);
	CHECK_INT(info.fiscal_year, 2558);
	CHECK_INT(r.n, 3);
	CHECK_STR(r.text[0][0], "id");
	CHECK_STR(r.text[0][3], "mode");
	CHECK_STR(r.text[0][4], "summary");      /* the visit's text column */
	CHECK_INT(r.line[1], 3);
	CHECK_STR(r.text[1][4], "ติดตาม");
	CHECK_STR(r.text[2][0], "V2");            /* attributes by name, not position */
	CHECK_STR(r.text[2][1], "2015-01-20");
	CHECK_STR(r.text[2][3], "online");
	CHECK(said(d, DIAG_WARNING, 5, "<note> is ignored"));
	diag_free(d);

	d = diag_new(NULL);
	CHECK_INT(parse_sheet("<supervision-data><surveys><response timestamp=\"1/9/2015, 10:00:00\">"
	    "<answer item=\"Q [1. a]\">5</answer></response></surveys></supervision-data>",
	    "surveys", &r, &info, d), 0);
	CHECK_STR(r.text[0][1], "Q [1. a]");
	CHECK_STR(r.text[1][1], "5");
	diag_free(d);

	d = diag_new(NULL);
	CHECK_INT(parse_sheet("<supervision-data><schools/></supervision-data>", "visits", &r, NULL,
	    d), -1);
	CHECK(said(d, DIAG_INPUT, 0, "no <visits> section"));
	diag_free(d);
}

/* The rows of a sheet are handed out only once the whole file is known to
 * be well-formed: a file broken at its end gives its error and no row. */
TEST(load_sheet_broken_file_gives_no_row)
{
	Rows r;
	Diag *d = diag_new(NULL);
	CHECK_INT(parse_sheet("<Workbook><Worksheet><Table>\n"
	    "<Row><Cell><Data>h</Data></Cell></Row>\n"
	    "<Row><Cell><Data>v</Data></Cell></Row>\n"
	    "</Table></Worksheet>\n<Oops></Workbook>\n", "visits", &r, NULL, d), -1);
	CHECK_INT(r.n, 0);
	CHECK(said(d, DIAG_INPUT, 5, "mismatch"));
	diag_free(d);
	/* libxml2's warnings are given once, not once per pass. */
	d = diag_new(NULL);
	CHECK_INT(parse_sheet("<?xml version=\"1.8\"?>\n<supervision-data><visits><visit id=\"1\"/>"
	    "</visits></supervision-data>", "visits", &r, NULL, d), 0);
	CHECK_INT(r.n, 2);
	CHECK_INT(diag_nrecords(d), 1);
	CHECK(said(d, DIAG_WARNING, 1, "Unsupported version '1.8'"));
	diag_free(d);
	d = diag_new(NULL);
	CHECK_INT(parse_sheet("<supervision-data><visits><visit id=\"1\"/>\n<visit id=\"2\"/>"
	    "</visits>", "visits", &r, NULL, d), -1);
	CHECK_INT(r.n, 0);
	CHECK_INT(diag_exit_status(d), EXIT_INPUT);
	diag_free(d);
}

/* Messages about the file's shape come before those about its rows, as
 * when the whole document was read first. */
TEST(load_sheet_messages_in_document_order)
{
	Rows r;
	Diag *d = diag_new(NULL);
	CHECK_INT(parse_sheet("<supervision-data>\n<visits>\n<visit id=\"1\"/>\n<note/>\n"
	    "<visit id=\"2\" extra=\"x\"/>\n</visits>\n<schools/>\n</supervision-data>",
	    "visits", &r, NULL, d), 0);
	CHECK_INT(r.n, 3);
	CHECK_STR(r.text[0][1], "extra");        /* a later row's attribute is in the header */
	CHECK_STR(r.text[1][1], "");
	CHECK_STR(r.text[2][1], "x");
	CHECK_INT(diag_nrecords(d), 2);
	if (diag_nrecords(d) == 2) {
		CHECK_INT(diag_record(d, 0)->line, 7);
		CHECK(strstr(diag_record(d, 0)->text, "section <schools> is ignored") != NULL);
		CHECK_INT(diag_record(d, 1)->line, 4);
		CHECK(strstr(diag_record(d, 1)->text, "<note> is ignored") != NULL);
	}
	diag_free(d);

	d = diag_new(NULL);
	CHECK_INT(parse_sheet("<Workbook xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n"
	    "<Styles><Style><Row><Cell><Data>style</Data></Cell></Row></Style></Styles>\n"
	    "<Worksheet ss:Name=\"first\"><Table>\n<Row><Cell><Data>a</Data></Cell></Row>\n</Table>"
	    "<Table><Row><Cell><Data>second table</Data></Cell></Row></Table></Worksheet>\n"
	    "<Worksheet ss:Name=\"second\"><Table><Row><Cell><Data>b</Data></Cell></Row></Table>"
	    "</Worksheet></Workbook>", "visits", &r, NULL, d), 0);
	CHECK_INT(r.n, 1);
	CHECK_STR(r.text[0][0], "a");
	CHECK_INT(r.line[0], 4);
	CHECK(said(d, DIAG_WARNING, 3, "2 worksheets; only the first ('first')"));
	diag_free(d);

	d = diag_new(NULL);
	CHECK_INT(parse_sheet("<Workbook><Worksheet><Names/></Worksheet><Worksheet><Table><Row>"
	    "<Cell><Data>x</Data></Cell></Row></Table></Worksheet></Workbook>", "visits", &r, NULL,
	    d), -1);
	CHECK(said(d, DIAG_INPUT, 1, "no worksheet with a table"));
	diag_free(d);
}

TEST(load_sheet_limits)
{
	Rows r;
	Diag *d = diag_new(NULL);
	ReadLimits lim = { 1 << 20, 8, 3, 2 };
	const char *xml = "<Workbook><Worksheet><Table><Row><Cell><Data>h</Data></Cell></Row>"
	    "<Row><Cell><Data>1</Data></Cell></Row><Row><Cell><Data>2</Data></Cell></Row>"
	    "</Table></Worksheet></Workbook>";
	memset(&r, 0, sizeof(r));
	CHECK_INT(sheet_parse_rows("t.xml", xml, strlen(xml), "visits", &lim, 32, collect, &r, NULL,
	    d), -1);
	CHECK_INT(r.n, 2);
	CHECK(said(d, DIAG_INPUT, 1, "more than 2 rows"));
	diag_free(d);

	d = diag_new(NULL);
	xml = "<supervision-data><visits><visit a=\"1\" b=\"2\"/>\n<visit c=\"3\" d=\"4\"/>"
	    "</visits></supervision-data>";
	memset(&r, 0, sizeof(r));
	CHECK_INT(sheet_parse_rows("t.xml", xml, strlen(xml), "visits", &lim, 32, collect, &r, NULL,
	    d), -1);
	CHECK_INT(r.n, 0);
	CHECK(said(d, DIAG_INPUT, 2, "more than 3 different attributes"));
	diag_free(d);

	d = diag_new(NULL);
	xml = "<supervision-data><visits><visit a=\"123456789\"/></visits></supervision-data>";
	memset(&r, 0, sizeof(r));
	CHECK_INT(sheet_parse_rows("t.xml", xml, strlen(xml), "visits", &lim, 32, collect, &r, NULL,
	    d), -1);
	CHECK_INT(r.n, 1);                       /* the header */
	CHECK(said(d, DIAG_INPUT, 1, "longer than the limit of 8"));
	diag_free(d);
}

typedef struct Counted {
	long rows, bad;
} Counted;

static int
check_big_row(void *ctx, const SourceRow *row)
{
	Counted *c = ctx;
	long i = c->rows++;
	char want[32];
	if (i == 0) {
		if (row->nfields != 3 || strcmp(row->fields[0], "n") != 0)
			c->bad++;
		return 0;
	}
	snprintf(want, sizeof(want), "%ld", i);
	size_t n = (size_t)(i * 7919 % 3000);
	if (row->nfields != 3 || strcmp(row->fields[0], want) != 0 || row->lens[1] != n ||
	    strspn(row->fields[1], "v") != n || strcmp(row->fields[2], "2015-02-18") != 0 ||
	    row->line != i + 1)
		c->bad++;
	return 0;
}

/* Thousands of rows of every size pass through the reused buffers intact. */
TEST(load_sheet_many_rows_streamed)
{
	long nrows = 20000;
	size_t cap = 48 << 20, len = 0;
	char *xml = malloc(cap);
	CHECK(xml != NULL);
	if (xml == NULL)
		return;
	len += (size_t)snprintf(xml + len, cap - len, "<Workbook xmlns:ss=\"urn:schemas-microsoft-com:"
	    "office:spreadsheet\"><Worksheet><Table><Row><Cell><Data>n</Data></Cell>"
	    "<Cell><Data>v</Data></Cell><Cell><Data>d</Data></Cell></Row>\n");
	for (long i = 1; i < nrows; i++) {
		size_t n = (size_t)(i * 7919 % 3000);
		len += (size_t)snprintf(xml + len, cap - len, "<Row><Cell><Data> %ld </Data></Cell><Cell>"
		    "<Data>", i);
		memset(xml + len, 'v', n);
		len += n;
		len += (size_t)snprintf(xml + len, cap - len, "</Data></Cell><Cell><Data ss:Type="
		    "\"DateTime\">2015-02-18T00:00:00.000</Data></Cell></Row>\n");
	}
	len += (size_t)snprintf(xml + len, cap - len, "</Table></Worksheet></Workbook>");
	Diag *d = diag_new(NULL);
	Counted c = { 0, 0 };
	ReadLimits lim = { 1L << 30, 4096, 64, 100000 };
	SheetInfo info;
	CHECK_INT(sheet_parse_rows("t.xml", xml, len, "visits", &lim, 32, check_big_row, &c, &info,
	    d), 0);
	CHECK_INT(c.rows, nrows);
	CHECK_INT(c.bad, 0);
	CHECK_INT(info.rows, nrows);
	CHECK_INT(diag_nrecords(d), 0);
	diag_free(d);
	free(xml);
}

/* ---- the loaders ---- */

TEST(load_visits_rules)
{
	fresh_dir();
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Model m;
	small_model(&m, a, d);
	const char *path = put_file("visits.csv",
	    "visit_id,date,school_code,network_code,activity_no,topic,mode,supervisors,status,summary\n"
	    "V1,10/12/2557,93010012,,2,,onsite,S01;S02,,ครูมีแผน\n"          /* 2: BE */
	    "V2,20 ม.ค. 2558,93010045,,4,4.4,ลงพื้นที่,S02,draft,\n"          /* 3: Thai month, draft */
	    "V3,2015-10-02,93010046,,3,,onsite,S01,published,\n"             /* 4: outside the FY */
	    "V4,2015-01-05,,NW05,5,,network,S01,,\n"                          /* 5: network session */
	    "V1,2015-01-06,93010012,,2,,onsite,S01,,\n"                       /* 6: duplicate id */
	    "V6,31/2/2558,93010012,,2,,onsite,S01,,\n"                        /* 7: no such day */
	    "V7,2015-01-07,93019999,,2,,onsite,S01,,\n"                       /* 8: unknown school */
	    "V8,2015-01-07,93010012,,2,,onsite,S01;S09,,\n"                   /* 9: unknown staff */
	    "V9,2015-01-07,93010012,,4,,onsite,S01,,\n"                       /* 10: activity 4, no topic */
	    "V10,2015-01-07,,,2,,onsite,S01,,\n"                              /* 11: neither school nor network */
	    "V11,2015-01-07,93010012,,2,,boat,S01,,\n"                        /* 12: unknown mode */
	    "V12,2015-01-07,93010012,NW99,2,,onsite,S01,,\n");                /* 13: unknown network */
	FileSummary sum = { 0 };
	CHECK_INT(visits_load(&m, a, path, &opts, &sum, d), 0);
	CHECK_INT(sum.rows, 12);
	CHECK_INT(sum.accepted, 4);
	CHECK_INT(sum.rejected, 8);
	CHECK_INT(sum.outside_fy, 1);
	CHECK_INT(m.nvisits, 4);
	CHECK_INT(m.visits[0].date.year, 2014);
	CHECK_INT(m.visits[0].date.month, 12);
	CHECK_INT(m.visits[0].nsupervisors, 2);
	CHECK_STR(m.visits[0].supervisors[1]->id, "S02");
	CHECK_STR(m.visits[0].summary, "ครูมีแผน");
	CHECK_INT(m.visits[1].date.month, 1);
	CHECK_INT(m.visits[1].mode, MODE_ONSITE);
	CHECK_INT(m.visits[1].status, STATUS_DRAFT);
	CHECK_STR(m.visits[1].topic, "4.4");
	CHECK_INT(m.visits[2].in_fy, 0);
	CHECK_INT(m.visits[2].status, STATUS_PUBLISHED);
	CHECK(m.visits[3].school == NULL);
	CHECK_STR(m.visits[3].network_code, "NW05");
	CHECK_INT(m.visits[3].mode, MODE_NETWORK);
	CHECK(said(d, DIAG_WARNING, 4, "outside fiscal year 2558"));
	CHECK(said(d, DIAG_ROW, 6, "visit_id V1 appears again (first on line 2)"));
	CHECK(said(d, DIAG_ROW, 7, "no such day"));
	CHECK(said(d, DIAG_ROW, 8, "93019999 is not in schools.csv"));
	CHECK(said(d, DIAG_ROW, 9, "supervisor S09 is not in staff"));
	CHECK(said(d, DIAG_ROW, 10, "topic is blank for activity 4"));
	CHECK(said(d, DIAG_ROW, 11, "school_code is blank"));
	CHECK(said(d, DIAG_ROW, 12, "mode has an unknown value"));
	CHECK(said(d, DIAG_ROW, 13, "NW99 is not in networks"));
	for (size_t i = 0; i < diag_nrecords(d); i++)
		if (diag_record(d, i)->line == 7)
			CHECK_INT(diag_record(d, i)->col, 2);
	CHECK_INT(diag_exit_status(d), EXIT_ROWS_REJECTED);
	diag_free(d);
	arena_free(a);
	cleanup();
}

TEST(load_spending_money_and_warnings)
{
	fresh_dir();
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Model m;
	small_model(&m, a, d);
	const char *path = put_file("spending.csv",
	    "txn_id,date,activity_no,category,amount,doc_no,description,note\n"
	    "T1,15/12/2557,2,ค่าใช้สอย,\"7,500.00\",บค 1,อาหาร,\n"
	    "T2,2014-12-16,2,ค่าสาธารณูปโภค,3600,บค 1,ไฟฟ้า,\n"
	    "T3,2014-12-17,8,ค่าวัสดุ,\"-1,250.50\",บค 2,,\n"
	    "T4,2014-12-17,8,ค่าวัสดุ,-1250,บค 3,คืนเงินยืม,\n"
	    "T5,2014-12-17,8,ครุภัณฑ์,100,บค 4,,\n"
	    "T6,2014-12-17,8,ค่าวัสดุ,9.30E+07,บค 5,,\n"
	    "T7,2014-12-17,8,ค่าวัสดุ,1.234,บค 6,,\n");
	FileSummary sum = { 0 };
	CHECK_INT(spending_load(&m, a, path, &opts, &sum, d), 0);
	CHECK_INT(sum.accepted, 4);
	CHECK_INT(sum.rejected, 3);
	CHECK_INT(m.spending[0].amount, 750000);
	CHECK_INT(m.spending[1].category, CAT_UTILITIES);
	CHECK_INT(m.spending[2].amount, -125050);
	CHECK(said(d, DIAG_WARNING, 3, "ค่าสาธารณูปโภค is not one of"));
	CHECK(said(d, DIAG_WARNING, 3, "doc_no บค 1 was already used on line 2"));
	CHECK(said(d, DIAG_WARNING, 4, "negative amount"));
	CHECK(!said(d, DIAG_WARNING, 5, "negative amount"));    /* its description says คืนเงิน */
	CHECK(said(d, DIAG_ROW, 6, "ครุภัณฑ์"));
	CHECK(said(d, DIAG_ROW, 7, "scientific notation"));
	CHECK(said(d, DIAG_ROW, 8, "too many decimal places"));
	CHECK_INT(sum.warnings, 3);
	diag_free(d);
	arena_free(a);
	cleanup();
}

TEST(load_evaluations_levels)
{
	fresh_dir();
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Model m;
	small_model(&m, a, d);
	const char *path = put_file("evaluations.csv",
	    "school_code,round,eval_date,evaluator,c1,c2,c3,c4,c5,level\n"
	    "93010012,1,2015-02-18,S01,4,4,3,4,3,ดี\n"          /* 18/25 = 72 % = ดี */
	    "93010045,1,2015-02-19,S02,5,4,4,5,4,ดี\n"          /* 88 % = ดีมาก: mismatch */
	    "93010046,1,2015-02-19,S02,,,,,,4\n"                /* level only */
	    "93010012,1,2015-03-01,S01,4,4,4,4,4,\n"            /* same school and round */
	    "93010046,2,2015-08-01,S01,6,4,4,4,4,\n"            /* score out of range */
	    "93010046,3,2015-08-01,S01,,,,,,\n");               /* nothing */
	FileSummary sum = { 0 };
	CHECK_INT(evaluations_load(&m, a, path, &opts, &sum, d), 0);
	CHECK_INT(sum.accepted, 3);
	CHECK_INT(m.evaluations[0].nscores, 5);
	CHECK_INT(m.evaluations[0].level, 3);
	CHECK_INT(m.evaluations[2].level, 4);
	CHECK(!said(d, DIAG_WARNING, 2, "does not match"));
	CHECK(said(d, DIAG_WARNING, 3, "level ดี does not match scores 22 of 25, which is level 4"));
	CHECK(said(d, DIAG_ROW, 5, "already has an evaluation of round 1"));
	CHECK(said(d, DIAG_ROW, 6, "c1 is out of range"));
	CHECK(said(d, DIAG_ROW, 7, "no result"));
	CHECK_INT(settings_level_of_percent(NULL, 59.99), 2);
	CHECK_INT(settings_level_of_percent(NULL, 60), 3);
	CHECK_INT(settings_level_of_percent(NULL, 90), 5);
	diag_free(d);
	arena_free(a);
	cleanup();
}

TEST(load_surveys_google_forms)
{
	fresh_dir();
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Model m;
	small_model(&m, a, d);
	const char *path = put_file("surveys.csv",
	    "\xEF\xBB\xBF\"ประทับเวลา\",\"ที่อยู่อีเมล\",\"โรงเรียน\",\"สถานภาพผู้ตอบ\","
	    "\"ความพึงพอใจ [1. การวางแผน]\",\"ความพึงพอใจ [2. ความรู้]\",\"ข้อเสนอแนะ\",\"อื่น ๆ\"\r\n"
	    "\"14/9/2015, 10:05:12\",\"a@x.th\",\"93010012 บ้านควนประกอบ\",\"ครู\",\"มากที่สุด\",\"5 (มากที่สุด)\",\"ดี\",\"\"\r\n"
	    "\"14/9/2015, 10:41:07\",\"\",\"บ้านควนโคกยา\",\"ครู\",\"มาก\",\"ดี\",\"\",\"\"\r\n"
	    "\"14/9/2015, 11:00:00\",\"\",\"โรงเรียนวัดสุวรรณ\",\"ครู\",\"\",\"น้อยที่สุด\",\"\",\"\"\r\n"
	    "\"15/9/2015, 9:00:00\",\"\",\"ร.ร.วัดสุวรรณ\",\"ครู\",\"3\",\"2\",\"\",\"\"\r\n"
	    "\"14/9/2015, 10:05:12\",\"a@x.th\",\"93010012\",\"ครู\",\"มาก\",\"มาก\",\"\",\"\"\r\n"
	    "\"14/9/2015, 12:00:00\",\"\",\"บ้านไม่มี\",\"ครู\",\"มาก\",\"มาก\",\"\",\"\"\r\n"
	    "\"1/10/2015, 8:00:00\",\"\",\"93010046\",\"ครู\",\"มาก\",\"มาก\",\"\",\"\"");
	FileSummary sum = { 0 };
	CHECK_INT(surveys_load(&m, a, path, &opts, &sum, d), 0);
	CHECK_STR(sum.encoding, "UTF-8 (BOM)");
	CHECK_INT(m.survey.nitems, 2);
	CHECK_STR(m.survey.items[0], "1. การวางแผน");
	CHECK_INT(sum.rows, 7);
	CHECK_INT(sum.accepted, 5);
	CHECK_INT(sum.outside_fy, 1);
	const Survey *sv = &m.survey;
	CHECK_STR(sv->responses[0].school->code, "93010012");
	CHECK_INT(sv->responses[0].answers[0], 5);
	CHECK_INT(sv->responses[0].answers[1], 5);
	CHECK_STR(sv->responses[0].comment, "ดี");          /* a comment, not an answer */
	CHECK_STR(sv->responses[1].school->code, "93010045");
	CHECK_INT(sv->responses[1].answers[1], -1);
	CHECK_STR(sv->responses[2].school->code, "93010046");
	CHECK_INT(sv->responses[2].answers[0], 0);
	CHECK_INT(sv->responses[2].answers[1], 1);
	CHECK_STR(sv->responses[3].school->code, "93010046");
	CHECK_INT(sv->responses[1].timestamp.hour, 10);
	CHECK_INT(sv->responses[1].timestamp.minute, 41);
	CHECK(said(d, DIAG_WARNING, 1, "unknown column 'อื่น ๆ'"));
	CHECK(said(d, DIAG_WARNING, 3, "answer \"ดี\" to item \"2. ความรู้\" is not a rating"));
	CHECK(said(d, DIAG_ROW, 6, "already read on line 2"));
	CHECK(said(d, DIAG_ROW, 7, "\"บ้านไม่มี\" is not in schools.csv"));
	CHECK(said(d, DIAG_WARNING, 8, "outside fiscal year"));
	for (size_t i = 0; i < diag_nrecords(d); i++)
		if (diag_record(d, i)->line == 3 && diag_record(d, i)->severity == DIAG_WARNING)
			CHECK_INT(diag_record(d, i)->col, 6);
	diag_free(d);
	arena_free(a);
	cleanup();
}

TEST(load_scores_rows_and_messages)
{
	fresh_dir();
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Model m;
	small_model(&m, a, d);
	FileSummary sum = { 0 };
	CHECK_INT(scores_load(&m, a, put_file("scores.csv",
	    "รหัสโรงเรียน,การทดสอบ,ชั้น,วิชา,ปีการศึกษา,คะแนนเฉลี่ย\n"
	    "93010012,O-NET,ป.6,คณิตศาสตร์,2557,38.45\n"
	    "93010045,NT,ป.3,,2557,๕๒.๑\n"
	    "93010012,O-NET,ป.6,ภาษาไทย,2557,38.456\n"
	    "93010012,O-NET,ป.6,ภาษาไทย,57,40\n"
	    "93019999,O-NET,ป.6,ภาษาไทย,2557,40\n"
	    "93010012,,ป.6,ภาษาไทย,2557,40\n"
	    "93010012,O-NET,ป.6,คณิตศาสตร์,2557,39.00\n"), &opts, &sum, d), 0);
	CHECK_INT(m.nscores, 2);
	CHECK(said(d, DIAG_ROW, 8, "already has a O-NET score for this grade, subject and year (line 2)"));
	CHECK_INT(m.scores[0].mean, 3845);
	CHECK_STR(m.scores[0].subject, "คณิตศาสตร์");
	CHECK_INT(m.scores[1].mean, 5210);             /* Thai digits, one decimal */
	CHECK_INT(m.scores[1].year, 2557);
	CHECK(said(d, DIAG_ROW, 4, "mean is not a number with at most 2 decimals (found \"38.456\")"));
	CHECK(said(d, DIAG_ROW, 5, "year"));
	CHECK(said(d, DIAG_ROW, 6, "93019999"));
	CHECK(said(d, DIAG_ROW, 7, "test"));
	CHECK_INT(sum.rejected, 5);
	diag_free(d);
	arena_free(a);
	cleanup();
}

TEST(load_assessments_rows_and_messages)
{
	fresh_dir();
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Model m;
	small_model(&m, a, d);
	FileSummary sum = { 0 };
	CHECK_INT(assessments_load(&m, a, put_file("assessments.csv",
	    "ตัวชี้วัด,รายการประเมิน,คะแนน,ผู้ประเมิน,วันที่ประเมิน\n"
	    "6.1,การวางแผน,4,ประธาน,2015-09-20\n"
	    "6.2,การวางแผน,4,ประธาน,2015-09-20\n"
	    "6.1,การรายงาน,6,ประธาน,2015-09-20\n"
	    "9.9,การรายงาน,3,ประธาน,2015-09-20\n"), &opts, &sum, d), 0);
	CHECK_INT(m.nassessments, 1);
	CHECK_STR(m.assessments[0].target->id, "6.1");
	CHECK_INT(m.assessments[0].score, 4);
	CHECK(said(d, DIAG_ROW, 3, "target_id 6.2 is not a target of the plan measured by an instrument"));
	CHECK(said(d, DIAG_ROW, 4, "score"));
	CHECK(said(d, DIAG_ROW, 5, "target_id 9.9"));
	diag_free(d);
	arena_free(a);
	cleanup();
}

TEST(load_meetings_attendance_practices_online)
{
	fresh_dir();
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Model m;
	small_model(&m, a, d);
	FileSummary sum = { 0 };
	CHECK_INT(meetings_load(&m, a, put_file("meetings.csv",
	    "event_id,type,activity_no,seq,date,title,participants,minutes_ref,resolutions,replaces\n"
	    "M003,กตปน,10,3/2558,2015-03-05,ประชุม,15,รายงาน 3/2558,รับทราบ,\n"
	    "K017,KM,11,,2015-01-28,KM,9,,,2015-01-27\n"
	    "G1,สวัสดีคุณครู,1,,2014-11-12,สวัสดี,20,,,\n"
	    "X1,สัมมนา,1,,2014-11-12,,,,,\n"
	    "M003,กตปน,10,x/2558,2015-03-05,,,,,\n"), &opts, &sum, d), 0);
	CHECK_INT(m.nmeetings, 3);
	CHECK_INT(m.meetings[0].seq_no, 3);
	CHECK_STR(m.meetings[1].kind->code, "KM");
	CHECK_INT(m.meetings[1].replaces.day, 27);
	CHECK(said(d, DIAG_ROW, 5, "type \"สัมมนา\" is not an event kind of the plan (กตปน, ประชุมประจำเดือน, KM,"));
	CHECK(said(d, DIAG_ROW, 6, "seq is not a meeting number"));

	memset(&sum, 0, sizeof(sum));
	CHECK_INT(attendance_load(&m, a, put_file("attendance.csv",
	    "event_id,school_code,teachers_present,admins_present\n"
	    "G1,93010012,9,1\nG1,93010012,8,1\nG9,93010045,7,1\nM003,93010045,7,1\n"), &opts, &sum,
	    d), 0);
	CHECK_INT(m.nattendance, 2);
	CHECK(m.attendance[0].event == &m.meetings[2]);
	CHECK(said(d, DIAG_ROW, 3, "already has attendance"));
	CHECK(said(d, DIAG_ROW, 4, "G9 is not in meetings"));
	CHECK(said(d, DIAG_WARNING, 5, "which the plan does not mark attendance=\"yes\""));

	memset(&sum, 0, sizeof(sum));
	CHECK_INT(practices_load(&m, a, put_file("practices.csv",
	    "bp_id,school_code,title,kind,area,published_date,channel,url_or_ref,level\n"
	    "B1,93010012,โมเดล,BP,วิชาการ,2015-08-20,เวทีนำเสนอ,งาน,เขต\n"
	    "B2,93010045,สื่อ,นวัตกรรม,วิชาการ,,,,\n"
	    "B3,93010045,สื่อ,นวัตกรรม,วิชาการ,,เว็บไซต์,,\n"
	    "B4,93010045,สื่อ,อื่น,วิชาการ,,,,\n"), &opts, &sum, d), 0);
	CHECK_INT(m.npractices, 3);
	CHECK_INT(m.practices[0].in_fy, 1);
	CHECK_INT(m.practices[1].in_fy, 0);
	CHECK(said(d, DIAG_WARNING, 4, "published_date is blank"));
	CHECK(said(d, DIAG_ROW, 5, "kind has an unknown value"));

	memset(&sum, 0, sizeof(sum));
	CHECK_INT(online_load(&m, a, put_file("online.csv",
	    "date,channel,school_code,topic,items_posted,contacts\n"
	    "2014-10-03,LINE,93010012,ข่าว,,3\n2014-10-04,,,,1,1\n"), &opts, &sum, d), 0);
	CHECK_INT(m.nonline, 1);
	CHECK_INT(m.online[0].items_posted, 1);
	CHECK(said(d, DIAG_ROW, 3, "channel is blank"));
	diag_free(d);
	arena_free(a);
	cleanup();
}

TEST(load_table_from_spreadsheetml_file)
{
	fresh_dir();
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Model m;
	small_model(&m, a, d);
	const char *path = put_file("evaluations.xml",
	    "<?xml version=\"1.0\"?>\n"
	    "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"\n"
	    " xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n"
	    "<Worksheet ss:Name=\"e\"><Table>\n"
	    "<Row><Cell><Data ss:Type=\"String\">school_code</Data></Cell>"
	    "<Cell><Data ss:Type=\"String\">eval_date</Data></Cell>"
	    "<Cell><Data ss:Type=\"String\">evaluator</Data></Cell>"
	    "<Cell><Data ss:Type=\"String\">c1</Data></Cell>"
	    "<Cell><Data ss:Type=\"String\">c2</Data></Cell></Row>\n"
	    "<Row><Cell><Data ss:Type=\"String\">93010012</Data></Cell>"
	    "<Cell><Data ss:Type=\"DateTime\">2015-02-18T00:00:00.000</Data></Cell>"
	    "<Cell ss:Index=\"4\"><Data ss:Type=\"Number\">4</Data></Cell>"
	    "<Cell><Data ss:Type=\"Number\">5</Data></Cell></Row>\n"
	    "<Row><Cell><Data ss:Type=\"String\">93010045</Data></Cell>"
	    "<Cell><Data ss:Type=\"DateTime\">2015-02-30T00:00:00.000</Data></Cell></Row>\n"
	    "</Table></Worksheet></Workbook>\n");
	FileSummary sum = { 0 };
	CHECK_INT(evaluations_load(&m, a, path, &opts, &sum, d), 0);
	CHECK_STR(sum.encoding, "SpreadsheetML");
	CHECK_INT(sum.accepted, 1);
	CHECK_INT(m.evaluations[0].scores[1], 5);
	CHECK_STR(m.evaluations[0].evaluator, "");
	CHECK(said(d, DIAG_ROW, 7, "eval_date is not a valid date"));
	for (size_t i = 0; i < diag_nrecords(d); i++)
		if (diag_record(d, i)->line == 7)
			CHECK_INT(diag_record(d, i)->col, 2);
	diag_free(d);
	arena_free(a);
	cleanup();
}

TEST(load_idset_ordered_then_hashed)
{
	LoadIdSet *s = load_idset_new();
	char keys[3000][16];
	for (int i = 0; i < 3000; i++)
		snprintf(keys[i], sizeof(keys[i]), "K%05d", i < 2000 ? i : 4999 - i);
	for (int i = 0; i < 3000; i++)
		CHECK_INT(load_idset_add(s, keys[i], i + 1), 0);
	CHECK_INT(load_idset_add(s, "K00005", 9000), 6);
	CHECK_INT(load_idset_add(s, "K02999", 9001), 2001);
	CHECK_INT(load_idset_add(s, "K05000", 9002), 0);
	load_idset_free(s);
}

/* ---- inputs_load over a directory ---- */

static Settings *
dir_settings(void)
{
	Settings *s = settings_defaults();
	free(s->input_dir);
	s->input_dir = strdup(tmpdir);
	s->expected_schools = 3;
	return s;
}

static void
write_minimal_inputs(void)
{
	put_file("schools.csv", SCHOOLS);
	put_file("networks.csv", "network_code,name\nNW03,a\nNW05,b\n");
	put_file("staff.csv", "staff_id,name\nS01,ก\n");
	put_file("visits.csv", "visit_id,date,school_code,activity_no,mode\nV1,2015-01-01,93010012,2,onsite\n");
	put_file("evaluations.csv", "school_code,eval_date,c1\n93010012,2015-01-01,4\n");
	put_file("surveys.csv", "ประทับเวลา,โรงเรียน,Q [a]\n\"1/9/2015, 10:00:00\",93010012,5\n");
	put_file("spending.csv", "txn_id,date,activity_no,category,amount\nT1,2015-01-01,2,ค่าวัสดุ,10\n");
	put_file("meetings.csv", "event_id,type,date\nM1,KM,2015-01-06\n");
	put_file("practices.csv", "bp_id,school_code,title\nB1,93010012,t\n");
}

TEST(load_inputs_directory)
{
	fresh_dir();
	write_minimal_inputs();
	Settings *s = dir_settings();
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Model m;
	memset(&m, 0, sizeof(m));
	m.plan = plan_load(a, "input/plan.xml", "config/plan.xsd", 64, 1 << 24, d);
	CHECK_INT(inputs_load(&m, a, s, d), 0);
	CHECK_INT(m.nfiles, 14);                     /* the plan's 6.1 wants assessments */
	CHECK_STR(m.files[13].name, "narrative.csv");  /* the office's words: optional */
	CHECK_INT(m.files[13].present, 0);
	CHECK_STR(m.files[12].name, "assessments.csv");
	CHECK_INT(m.files[12].present, 0);
	CHECK_STR(m.files[3].name, "visits.csv");
	CHECK_INT(m.files[8].present, 0);            /* attendance is optional */
	CHECK_STR(m.files[9].name, "resolutions.csv");  /* so are resolutions: the plan has a committee */
	CHECK_INT(m.files[9].present, 0);
	CHECK_STR(m.files[11].name, "online.csv");
	CHECK_INT(m.files[11].present, 0);
	CHECK_INT(m.nvisits, 1);
	CHECK_INT(diag_exit_status(d), EXIT_DONE);
	diag_free(d);
	arena_free(a);

	/* both forms of one file, and a required file missing */
	put_file("visits.xml", "<supervision-data><visits/></supervision-data>");
	char p[128];
	snprintf(p, sizeof(p), "%s/practices.csv", tmpdir);
	CHECK_INT(unlink(p), 0);
	a = arena_new();
	d = diag_new(NULL);
	memset(&m, 0, sizeof(m));
	m.plan = plan_load(a, "input/plan.xml", "config/plan.xsd", 64, 1 << 24, d);
	CHECK_INT(inputs_load(&m, a, s, d), -1);
	CHECK(said(d, DIAG_INPUT, 0, "both visits.csv and visits.xml"));
	CHECK(said(d, DIAG_INPUT, 0, "put practices into the input directory as practices.csv"));
	CHECK_INT(diag_exit_status(d), EXIT_INPUT);
	diag_free(d);
	arena_free(a);
	settings_free(s);
	cleanup();
}

TEST(load_intern_shares_repeats_and_gives_up_on_unique_text)
{
	Arena *a = arena_new();
	StrPool pool = { a, NULL, 0 };
	LoadInterner *in = load_interner_new(&pool);
	const char *x = load_intern(in, "ครูได้รับการนิเทศ", strlen("ครูได้รับการนิเทศ"));
	char copy[64];
	snprintf(copy, sizeof(copy), "%s", "ครูได้รับการนิเทศ");
	CHECK(load_intern(in, copy, strlen(copy)) == x);
	CHECK_STR(x, "ครูได้รับการนิเทศ");
	CHECK_STR(load_intern(in, "", 0), "");
	/* A prefix is another string. */
	const char *p = load_intern(in, "ab", 1);
	CHECK_STR(p, "a");
	CHECK(load_intern(in, "abc", 2) != load_intern(in, "a", 1));
	load_interner_free(in);

	/* Unique values: a copy each, still right after the table is dropped. */
	in = load_interner_new(&pool);
	char buf[32];
	const char *first = NULL;
	for (int i = 0; i < 20000; i++) {
		int n = snprintf(buf, sizeof(buf), "V%07d", i);
		const char *s = load_intern(in, buf, (size_t)n);
		if (i == 0)
			first = s;
		CHECK_STR(s, buf);
	}
	CHECK_STR(first, "V0000000");
	load_interner_free(in);
	arena_free(a);
}

TEST(load_map_finds_keys_and_keeps_the_first)
{
	LoadMap *m = load_map_new();
	static const char *const keys[] = { "93010012", "93010013", "S01", "S1", "" };
	int values[5];
	for (int i = 0; i < 5; i++)
		load_map_put(m, keys[i], &values[i]);
	load_map_put(m, "S01", &values[4]);
	char many[100][16];
	for (int i = 0; i < 100; i++) {
		snprintf(many[i], sizeof(many[i]), "K%d", i);
		load_map_put(m, many[i], many[i]);
	}
	for (int i = 0; i < 5; i++)
		CHECK(load_map_get(m, keys[i], strlen(keys[i])) == &values[i]);
	for (int i = 0; i < 100; i++)
		CHECK(load_map_get(m, many[i], strlen(many[i])) == many[i]);
	CHECK(load_map_get(m, "S0", 2) == NULL);
	CHECK(load_map_get(m, "S01x", 3) == &values[2]);
	load_map_free(m);
}

/* Only a number Excel wrote in scientific notation is called one: a code
 * with an "e" in it is a wrong code, said as such. */
TEST(load_code_scientific_only_when_it_is)
{
	fresh_dir();
	Arena *a = arena_new();
	Diag *d = diag_new(NULL);
	Model m;
	memset(&m, 0, sizeof(m));
	m.fiscal_year = 2558;
	FileSummary sum = { 0 };
	schools_load(&m, a, put_file("schools.csv",
	    "school_code,name,district\n"
	    "93010012,ก,กงหรา\n"
	    "9.30E+07,ข,กงหรา\n"
	    "9301e012,ค,กงหรา\n"
	    "93E+6,ง,กงหรา\n"), &opts, 1, &sum, d);
	CHECK(said(d, DIAG_ROW, 3, "scientific notation"));
	CHECK(said(d, DIAG_ROW, 4, "is not an 8- or 10-digit code"));
	CHECK(!said(d, DIAG_ROW, 4, "scientific notation"));
	CHECK(said(d, DIAG_ROW, 5, "scientific notation"));
	diag_free(d);
	arena_free(a);
	cleanup();
}
