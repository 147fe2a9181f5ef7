/* settings.c - read config/nithet.ini into a typed Settings (see settings.h).
 *
 * The only file that includes iniparser. iniparser silently keeps the last of
 * two duplicate keys and forgets line numbers, so the file is first scanned
 * here line by line: that scan names the line of every section and key,
 * rejects unknown sections, unknown keys and duplicates, and only then are
 * the values taken from iniparser and checked against the table below.
 *
 * One table drives everything: the defaults (settings_defaults), the keys
 * allowed per section, the ranges, and the rule list printed in reports. */
/* memfd_create: iniparser reads the checked bytes from memory. */
#define _GNU_SOURCE
#include "config/settings.h"

#include <ctype.h>
#include <float.h>
#include <limits.h>
#include <errno.h>
#include <iniparser/iniparser.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cnum.h"
#include "core/file.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/utf8.h"

typedef enum KeyType {
	KEY_STRING,     /* char *                                     */
	KEY_PATH,       /* char *, must not be empty                  */
	KEY_INT,        /* int, in [min, max]                         */
	KEY_LONG,       /* long, in [min, max]                        */
	KEY_DOUBLE,     /* double, in [min, max]                      */
	KEY_BOOL,       /* int 0/1: yes/no, true/false, on/off, 1/0   */
	KEY_ORIENT,     /* int landscape: portrait | landscape        */
	KEY_EVAL,       /* EvalMethod: percent | mean                 */
	KEY_ARCHIVAL,   /* PdfArchival: no | yes | 1b | 2u | 3u        */
	KEY_WORDS,      /* keep_words: whitespace-separated list      */
	KEY_DATES,      /* holidays: whitespace/comma-separated ISO   */
	KEY_DATE,       /* char *: one ISO date, or empty             */
	KEY_THEME,      /* Theme: "name: word word ...", or empty     */
	KEY_PERCENTS,   /* level_percent: 5 ascending numbers         */
	KEY_BANDS,      /* "min-max label | ..." five bands           */
} KeyType;

typedef struct KeySpec {
	const char *section, *key;
	KeyType type;
	size_t offset;          /* into Settings */
	double min, max;        /* for numbers */
	const char *fallback;   /* the default, as it would be written in the file */
	const char *help;       /* what is allowed, for messages */
} KeySpec;

#define OFF(field) offsetof(Settings, field)

static const KeySpec keys[] = {
	/* No office's name by default: without one, the plan's office= is used. */
	{ "office", "name", KEY_STRING, OFF(office_name), 0, 0, "", N_("text") },
	{ "office", "unit", KEY_STRING, OFF(unit_name), 0, 0,
	  "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", N_("text") },
	{ "office", "director", KEY_STRING, OFF(director_name), 0, 0, "", N_("text") },
	{ "office", "director_position", KEY_STRING, OFF(director_position), 0, 0, "", N_("text") },
	{ "office", "group_director", KEY_STRING, OFF(group_director_name), 0, 0, "", N_("text") },
	{ "office", "group_director_position", KEY_STRING, OFF(group_director_position), 0, 0, "", N_("text") },
	{ "office", "committee_chair", KEY_STRING, OFF(committee_chair), 0, 0, "", N_("text") },
	{ "office", "reporter", KEY_STRING, OFF(reporter_name), 0, 0, "", N_("text") },
	{ "office", "reporter_position", KEY_STRING, OFF(reporter_position), 0, 0, "", N_("text") },
	{ "office", "emblem", KEY_STRING, OFF(emblem_file), 0, 0, "",
	  N_("a PNG or JPEG file, relative to input_dir unless it starts with /; or empty") },
	{ "office", "document", KEY_STRING, OFF(document_number), 0, 0, "", N_("text") },
	{ "office", "date", KEY_DATE, OFF(document_date), 0, 0, "", N_("a date yyyy-mm-dd, or empty") },
	{ "office", "fiscal_year", KEY_INT, OFF(fiscal_year), 2500, 2700, "2558",
	  N_("a Buddhist-Era year such as 2558") },
	{ "office", "expected_schools", KEY_INT, OFF(expected_schools), 1, 100000, "117",
	  N_("a whole number of schools") },

	{ "paths", "input_dir", KEY_PATH, OFF(input_dir), 0, 0, "input", N_("a directory") },
	{ "paths", "output_dir", KEY_PATH, OFF(output_dir), 0, 0, "output", N_("a directory") },
	{ "paths", "plan", KEY_PATH, OFF(plan_file), 0, 0, "plan.xml",
	  N_("a file name, relative to input_dir unless it starts with /") },
	{ "paths", "plan_schema", KEY_PATH, OFF(plan_schema), 0, 0, "config/plan.xsd", N_("a file") },

	{ "fonts", "thai", KEY_PATH, OFF(thai.regular), 0, 0, "fonts/Laksaman.ttf", N_("a TrueType file") },
	{ "fonts", "thai_bold", KEY_PATH, OFF(thai.bold), 0, 0, "fonts/Laksaman-Bold.ttf", N_("a TrueType file") },
	{ "fonts", "thai_scale", KEY_DOUBLE, OFF(thai.scale), 0.1, 3.0, "0.66", N_("a number") },
	{ "fonts", "latin", KEY_STRING, OFF(latin.regular), 0, 0, "",
	  N_("a TrueType file, or empty when the Thai font has Latin letters") },
	{ "fonts", "latin_bold", KEY_STRING, OFF(latin.bold), 0, 0, "", N_("a TrueType file, or empty") },
	{ "fonts", "latin_scale", KEY_DOUBLE, OFF(latin.scale), 0.1, 3.0, "0.66", N_("a number") },

	{ "page", "orientation", KEY_ORIENT, OFF(landscape), 0, 0, "portrait", N_("portrait or landscape") },
	{ "page", "margin_left", KEY_DOUBLE, OFF(margin_left), 0, 100, "30", N_("millimetres") },
	{ "page", "margin_right", KEY_DOUBLE, OFF(margin_right), 0, 100, "20", N_("millimetres") },
	{ "page", "margin_top", KEY_DOUBLE, OFF(margin_top), 0, 100, "25", N_("millimetres") },
	{ "page", "margin_bottom", KEY_DOUBLE, OFF(margin_bottom), 0, 100, "20", N_("millimetres") },
	{ "page", "body_size", KEY_DOUBLE, OFF(body_size), 8, 40, "16", N_("Sarabun points") },
	{ "page", "line_spacing", KEY_DOUBLE, OFF(line_spacing), 0.8, 3.0, "1.2",
	  N_("a multiple of the body size") },
	{ "page", "thai_digits", KEY_BOOL, OFF(thai_digits), 0, 0, "no", N_("yes or no") },
	{ "page", "thai_distributed", KEY_BOOL, OFF(thai_distributed), 0, 0, "yes", N_("yes or no") },
	{ "page", "keep_words", KEY_WORDS, OFF(keep_words), 0, 0,
	  "ศึกษานิเทศก์ ปีงบประมาณ ก.ต.ป.น. สพป. ผู้อำนวยการ สถานศึกษา", N_("words separated by spaces") },

	{ "evaluation", "pass_level", KEY_INT, OFF(pass_level), 1, 5, "3",
	  N_("a level from 1 (ปรับปรุง) to 5 (ดีเยี่ยม)") },
	{ "evaluation", "method", KEY_EVAL, OFF(eval_method), 0, 0, "percent",
	  /* xgettext:no-c-format */ N_("percent (score % to level) or mean (mean criterion score to level)") },
	{ "evaluation", "level_percent", KEY_PERCENTS, OFF(level_percent), 0, 100, "0 50 60 75 90",
	  /* xgettext:no-c-format */ N_("five ascending lower bounds in % for levels 1..5, the first 0") },
	{ "evaluation", "rubric_bands", KEY_BANDS, OFF(rubric_bands), 1, 5,
	  "1.00-1.50 ปรับปรุง | 1.51-2.50 พอใช้ | 2.51-3.50 ดี | 3.51-4.50 ดีมาก | 4.51-5.00 ดีเยี่ยม",
	  N_("five bands 'min-max label' from lowest to highest, separated by |") },

	{ "survey", "likert_bands", KEY_BANDS, OFF(likert_bands), 1, 5,
	  "1.00-1.50 น้อยที่สุด | 1.51-2.50 น้อย | 2.51-3.50 ปานกลาง | 3.51-4.50 มาก | 4.51-5.00 มากที่สุด",
	  N_("five bands 'min-max label' from lowest to highest, separated by |") },
	{ "survey", "min_item_respondents", KEY_INT, OFF(min_item_respondents), 1, 1000, "3",
	  N_("a number of respondents, 1 or more") },
	{ "survey", "satisfied_threshold", KEY_DOUBLE, OFF(satisfied_threshold), 1, 5, "3.51",
	  N_("a mean from 1.00 to 5.00") },

	{ "themes", "theme1", KEY_THEME, OFF(themes[0]), 0, 0, "การอ่านออกเขียนได้: อ่าน เขียน",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme2", KEY_THEME, OFF(themes[1]), 0, 0, "การวัดและประเมินผล: ข้อสอบ วัดผล คัดกรอง ประเมิน",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme3", KEY_THEME, OFF(themes[2]), 0, 0, "การจัดการเรียนรู้และสื่อ: แผนการสอน แผนการจัดการเรียนรู้ คละชั้น สื่อ ห้องเรียน การสอน",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme4", KEY_THEME, OFF(themes[3]), 0, 0, "การพัฒนาครูและการนิเทศภายใน: อบรม ID Plan นิเทศภายใน แลกเปลี่ยนเรียนรู้ ครูแกนนำ",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme5", KEY_THEME, OFF(themes[4]), 0, 0, "ความร่วมมือกับผู้ปกครองและชุมชน: ผู้ปกครอง ชุมชน",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme6", KEY_THEME, OFF(themes[5]), 0, 0, "งบประมาณ: งบประมาณ เบิกจ่าย",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme7", KEY_THEME, OFF(themes[6]), 0, 0, "ภาระงานเอกสารและการรายงาน: เอกสาร รายงาน เผยแพร่",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme8", KEY_THEME, OFF(themes[7]), 0, 0, "การนัดหมายและช่วงเวลานิเทศ: ล่วงหน้า กำหนดการ ช่วงเวลา นัดหมาย ประสานก่อน",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme9", KEY_THEME, OFF(themes[8]), 0, 0, "ความถี่และรูปแบบการนิเทศ: บ่อยขึ้น ออนไลน์ พบกลุ่ม มาเยี่ยม ต่อเนื่อง",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme10", KEY_THEME, OFF(themes[9]), 0, 0, "",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme11", KEY_THEME, OFF(themes[10]), 0, 0, "",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "theme12", KEY_THEME, OFF(themes[11]), 0, 0, "",
	  N_("a name, a colon, then words separated by spaces") },
	{ "themes", "praise", KEY_WORDS, OFF(praise_words), 0, 0,
	  "ขอบคุณ ชื่นชม ประทับใจ กัลยาณมิตร กำลังใจ", N_("words separated by spaces") },

	{ "calendar", "holidays", KEY_DATES, OFF(holidays), 0, 0, "",
	  N_("ISO dates (yyyy-mm-dd) separated by spaces") },

	{ "mapping", "no_answer_words", KEY_WORDS, OFF(no_answer_words), 0, 0,
	  "- ไม่มี ไม่มีข้อเสนอแนะ ไม่มีความคิดเห็น n/a", N_("words separated by spaces") },

	{ "sheets", "schools", KEY_STRING, OFF(sheets[0]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "networks", KEY_STRING, OFF(sheets[1]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "staff", KEY_STRING, OFF(sheets[2]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "visits", KEY_STRING, OFF(sheets[3]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "evaluations", KEY_STRING, OFF(sheets[4]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "surveys", KEY_STRING, OFF(sheets[5]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "spending", KEY_STRING, OFF(sheets[6]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "meetings", KEY_STRING, OFF(sheets[7]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "attendance", KEY_STRING, OFF(sheets[8]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "resolutions", KEY_STRING, OFF(sheets[9]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "practices", KEY_STRING, OFF(sheets[10]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "online", KEY_STRING, OFF(sheets[11]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "scores", KEY_STRING, OFF(sheets[12]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "assessments", KEY_STRING, OFF(sheets[13]), 0, 0, "", N_("the name of a sheet") },
	{ "sheets", "narrative", KEY_STRING, OFF(sheets[14]), 0, 0, "", N_("the name of a sheet") },

	{ "limits", "max_file_bytes", KEY_LONG, OFF(max_file_bytes), 1024, 2147483647.0, "268435456",
	  N_("bytes, 1024 to 2147483647") },
	{ "limits", "max_field_bytes", KEY_LONG, OFF(max_field_bytes), 16, 16777216, "65536",
	  N_("bytes, 16 to 16777216") },
	{ "limits", "max_columns", KEY_LONG, OFF(max_columns), 1, 100000, "512", N_("1 to 100000") },
	{ "limits", "max_rows", KEY_LONG, OFF(max_rows), 1, 100000000, "10000000", N_("1 to 100000000") },
	{ "limits", "max_xml_depth", KEY_INT, OFF(max_xml_depth), 4, 1000, "64", N_("4 to 1000") },

	{ "pdf", "archival", KEY_ARCHIVAL, OFF(pdf_archival), 0, 0, "yes",
	  N_("no, yes or 1b (PDF/A-1b), 2u (PDF/A-2u) or 3u (PDF/A-3u)") },
	{ "pdf", "icc_profile", KEY_PATH, OFF(icc_profile), 0, 0, "/usr/share/color/icc/sRGB.icc",
	  N_("an ICC colour profile of version 2 (sRGB)") },

	{ "messages", "language", KEY_STRING, OFF(language), 0, 0, "",
	  N_("th, en, or empty for the language of the locale") },
};

enum { NKEYS = sizeof(keys) / sizeof(keys[0]) };

const char *const settings_sheet_tables[SETTINGS_NSHEETS] = {
	"schools", "networks", "staff", "visits", "evaluations", "surveys", "spending", "meetings",
	"attendance", "resolutions", "practices", "online", "scores", "assessments", "narrative",
};

const char *
settings_sheet(const Settings *s, const char *stem)
{
	for (int i = 0; s && i < SETTINGS_NSHEETS; i++)
		if (!strcmp(settings_sheet_tables[i], stem))
			return s->sheets[i] && s->sheets[i][0] ? s->sheets[i] : NULL;
	return NULL;
}

/* Each list (KEY_WORDS, KEY_DATES) and where its count is. */
static const struct { size_t items, count; } lists[] = {
	{ OFF(keep_words), OFF(nkeep_words) },
	{ OFF(holidays), OFF(nholidays) },
	{ OFF(no_answer_words), OFF(nno_answer_words) },
	{ OFF(praise_words), OFF(npraise_words) },
};

static size_t *
list_count(const Settings *s, const KeySpec *k)
{
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (lists[i].items == k->offset)
			return (size_t *)(void *)((char *)(uintptr_t)s + lists[i].count);
	abort(); /* a list key missing from lists[]: a programming error */
}

static void *
field(Settings *s, const KeySpec *k)
{
	return (char *)s + k->offset;
}

static const void *
cfield(const Settings *s, const KeySpec *k)
{
	return (const char *)s + k->offset;
}

/* --- value parsers: each returns 0 on success or writes why into err ---- */

/* A number and nothing after it but spaces (an ini value's comment is
 * gone already); the range is the key's, checked by the caller. */
static int
only_spaces(const char *end)
{
	while (*end == ' ' || *end == '\t')
		end++;
	return *end == '\0';
}

static int
parse_double(const char *v, double *out)
{
	const char *end;
	double x;
	if (c_strtodnum_prefix(v, &end, -DBL_MAX, DBL_MAX, &x) != CNUM_OK || !only_spaces(end))
		return -1;
	*out = x;
	return 0;
}

static int
parse_long(const char *v, long *out)
{
	const char *end;
	long long x;
	if (c_strtonum_prefix(v, &end, LONG_MIN, LONG_MAX, &x) != CNUM_OK || !only_spaces(end))
		return -1;
	*out = (long)x;
	return 0;
}

static int
is_iso_date(const char *v, size_t n)
{
	if (n != 10 || v[4] != '-' || v[7] != '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)v[i]))
			return 0;
	int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	int m = (v[5] - '0') * 10 + (v[6] - '0');
	int d = (v[8] - '0') * 10 + (v[9] - '0');
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

/* Split v at any of seps into at most max non-empty items (caller frees
 * each). Returns the count, or -1 when there are more than max; the items
 * are then freed and set to NULL. */
static int
split_list(const char *v, const char *seps, char **items, size_t max)
{
	size_t n = 0;
	const char *p = v;
	while (*p) {
		p += strspn(p, seps);
		if (*p == '\0')
			break;
		size_t len = strcspn(p, seps);
		if (n == max) {
			for (size_t i = 0; i < n; i++) {
				free(items[i]);
				items[i] = NULL;
			}
			return -1;
		}
		items[n++] = mem_strndup(p, len);
		p += len;
	}
	return (int)n;
}

static char *
trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* "1.00-1.50 label | 1.51-2.50 label | ..." into five ascending bands. */
static int
parse_bands(const char *v, Band *bands, double lo, double hi, char *err, size_t errsize)
{
	char *parts[6] = { 0 };
	int n = split_list(v, "|", parts, 5);
	int rc = -1;
	if (n != 5) {
		snprintf(err, errsize, "%s", n < 0 ? _("more than 5 bands") : _("not 5 bands"));
		goto out;
	}
	for (int i = 0; i < 5; i++) {
		char *p = trim(parts[i]);
		const char *end;
		double a, b;
		if (c_strtodnum_prefix(p, &end, -DBL_MAX, DBL_MAX, &a) != CNUM_OK || *end != '-') {
			snprintf(err, errsize, _("band %d '%s' does not start with min-max"), i + 1, p);
			goto out;
		}
		p = (char *)end + 1;
		if (c_strtodnum_prefix(p, &end, -DBL_MAX, DBL_MAX, &b) != CNUM_OK || (*end != ' ' && *end != '\t')) {
			snprintf(err, errsize, _("band %d has no label after min-max"), i + 1);
			goto out;
		}
		char *label = trim((char *)end);
		if (*label == '\0' || a > b || a < lo || b > hi) {
			c_snprintf(err, errsize, _("band %d is %.2f-%.2f '%s'"), i + 1, a, b, label);
			goto out;
		}
		if (i > 0 && a <= bands[i - 1].max) {
			c_snprintf(err, errsize, _("band %d starts at %.2f, inside band %d"), i + 1, a, i);
			goto out;
		}
		bands[i].min = a;
		bands[i].max = b;
		free(bands[i].label);
		bands[i].label = mem_strdup(label);
	}
	rc = 0;
out:
	for (int i = 0; i < 5; i++)
		free(parts[i]);
	return rc;
}

static void
free_list(char **items, size_t *n)
{
	for (size_t i = 0; i < *n; i++) {
		free(items[i]);
		items[i] = NULL;
	}
	*n = 0;
}

/* [pdf] archival as an office may write it: yes and no as any switch,
 * or the PDF/A named as the Revenue Department or an archive names it —
 * "3u", "3U", "PDF/A-3u", "pdfa-3u", "A-3u", or the part alone ("PDF/A-3")
 * for the one level written of it. Returns 0, or -1 with a reason in err. */
static int
parse_archival(const char *v, PdfArchival *out, char *err, size_t errsize)
{
	char w[16];
	size_t n = 0;
	for (const char *p = v; *p; p++) {
		if (strchr(" \t-/_.", *p) != NULL)
			continue;
		if (n + 1 == sizeof w)
			break;
		w[n++] = (char)tolower((unsigned char)*p);
	}
	w[n] = '\0';
	static const struct { const char *word; PdfArchival a; } words[] = {
		{ "yes", PDF_ARCHIVAL_1B }, { "true", PDF_ARCHIVAL_1B }, { "on", PDF_ARCHIVAL_1B },
		{ "no", PDF_ARCHIVAL_NO }, { "false", PDF_ARCHIVAL_NO }, { "off", PDF_ARCHIVAL_NO },
		{ "0", PDF_ARCHIVAL_NO },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcmp(w, words[i].word)) {
			*out = words[i].a;
			return 0;
		}
	const char *p = w;
	if (!strncmp(p, "pdfa", 4))
		p += 4;
	else if (p[0] == 'a' && p[1] >= '0' && p[1] <= '9')
		p++;
	if (p[0] >= '1' && p[0] <= '3' && (p[1] == '\0' || (p[1] == (p[0] == '1' ? 'b' : 'u') && p[2] == '\0'))) {
		*out = (PdfArchival)(p[0] - '0');
		return 0;
	}
	if ((p[0] == '2' || p[0] == '3') && p[1] == 'b' && p[2] == '\0')
		snprintf(err, errsize, _("PDF/A-%cu is what nithet writes of part %c, and it meets level b too"),
		    p[0], p[0]);
	else
		snprintf(err, errsize, _("not a PDF/A that nithet writes"));
	return -1;
}

/* Store value v for key k. Returns 0, or -1 with a reason in err. */
static int
set_value(Settings *s, const KeySpec *k, const char *v, char *err, size_t errsize)
{
	void *f = field(s, k);
	double x;
	long l;
	err[0] = '\0';
	switch (k->type) {
	case KEY_PATH:
		if (*v == '\0') {
			snprintf(err, errsize, _("empty"));
			return -1;
		}
		/* FALLTHROUGH */
	case KEY_STRING:
		free(*(char **)f);
		*(char **)f = mem_strdup(v);
		return 0;
	case KEY_INT:
	case KEY_LONG:
		if (parse_long(v, &l) != 0) {
			snprintf(err, errsize, _("not a whole number"));
			return -1;
		}
		if (l < k->min || l > k->max) {
			c_snprintf(err, errsize, _("out of range %.0f..%.0f"), k->min, k->max);
			return -1;
		}
		if (k->type == KEY_INT)
			*(int *)f = (int)l;
		else
			*(long *)f = l;
		return 0;
	case KEY_DOUBLE:
		if (parse_double(v, &x) != 0) {
			snprintf(err, errsize, _("not a number"));
			return -1;
		}
		if (x < k->min || x > k->max) {
			c_snprintf(err, errsize, _("out of range %g..%g"), k->min, k->max);
			return -1;
		}
		*(double *)f = x;
		return 0;
	case KEY_BOOL:
		if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "on") || !strcmp(v, "1"))
			*(int *)f = 1;
		else if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "off") || !strcmp(v, "0"))
			*(int *)f = 0;
		else {
			snprintf(err, errsize, _("not yes or no"));
			return -1;
		}
		return 0;
	case KEY_ORIENT:
		if (!strcmp(v, "portrait"))
			*(int *)f = 0;
		else if (!strcmp(v, "landscape"))
			*(int *)f = 1;
		else {
			snprintf(err, errsize, _("unknown orientation"));
			return -1;
		}
		return 0;
	case KEY_ARCHIVAL:
		return parse_archival(v, f, err, errsize);
	case KEY_EVAL:
		if (!strcmp(v, "percent"))
			*(EvalMethod *)f = EVAL_BY_PERCENT;
		else if (!strcmp(v, "mean"))
			*(EvalMethod *)f = EVAL_BY_MEAN;
		else {
			snprintf(err, errsize, _("unknown method"));
			return -1;
		}
		return 0;
	case KEY_THEME: {
		Theme *t = f;
		free_list(t->words, &t->nwords);
		free(t->name);
		t->name = NULL;
		if (*v == '\0')
			return 0;
		const char *colon = strchr(v, ':');
		char *name = colon ? mem_strndup(v, (size_t)(colon - v)) : NULL;
		char *tn = name ? trim(name) : NULL;
		int n = colon ? split_list(colon + 1, " \t", t->words, THEME_MAX_WORDS) : 0;
		if (tn == NULL || *tn == '\0' || n <= 0) {
			snprintf(err, errsize, n < 0 ? _("more than %d words") : _("not 'name: word word ...'"), THEME_MAX_WORDS);
			free(name);
			return -1;
		}
		t->name = mem_strdup(tn);
		t->nwords = (size_t)n;
		free(name);
		return 0;
	}
	case KEY_DATE:
		if (*v != '\0' && !is_iso_date(v, strlen(v))) {
			snprintf(err, errsize, _("'%s' is not a date yyyy-mm-dd"), v);
			return -1;
		}
		free(*(char **)f);
		*(char **)f = mem_strdup(v);
		return 0;
	case KEY_WORDS:
	case KEY_DATES: {
		char **items = f;
		size_t *count = list_count(s, k);
		free_list(items, count);
		int n = split_list(v, k->type == KEY_WORDS ? " \t" : " \t,", items, SETTINGS_MAX_LIST);
		if (n < 0) {
			snprintf(err, errsize, _("more than %d items"), SETTINGS_MAX_LIST);
			return -1;
		}
		*count = (size_t)n;
		if (k->type == KEY_DATES)
			for (size_t i = 0; i < *count; i++)
				if (!is_iso_date(items[i], strlen(items[i]))) {
					snprintf(err, errsize, _("'%s' is not a date yyyy-mm-dd"), items[i]);
					free_list(items, count);
					return -1;
				}
		return 0;
	}
	case KEY_PERCENTS: {
		double *pct = f, tmp[5];
		char *parts[6] = { 0 };
		int n = split_list(v, " \t,", parts, 5);
		int bad = n != 5;
		for (int i = 0; i < 5 && !bad; i++)
			bad = parse_double(parts[i], &tmp[i]) != 0 || tmp[i] < k->min || tmp[i] > k->max ||
			    (i == 0 && tmp[i] != 0) || (i > 0 && tmp[i] <= tmp[i - 1]);
		for (int i = 0; i < 5; i++)
			free(parts[i]);
		if (bad) {
			snprintf(err, errsize, _("not five ascending numbers starting at 0"));
			return -1;
		}
		memcpy(pct, tmp, sizeof(tmp));
		return 0;
	}
	case KEY_BANDS:
		return parse_bands(v, f, k->min, k->max, err, errsize);
	}
	return -1;
}

static void
settings_init_defaults(Settings *s)
{
	char err[256];
	for (size_t i = 0; i < NKEYS; i++) {
		int rc = set_value(s, &keys[i], keys[i].fallback, err, sizeof(err));
		(void)rc;
		/* A default that does not parse is our bug, caught by the unit tests. */
	}
}

Settings *
settings_defaults(void)
{
	Settings *s = mem_alloc(sizeof(*s));
	settings_init_defaults(s);
	return s;
}

void
settings_free(Settings *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < NKEYS; i++) {
		void *f = field(s, &keys[i]);
		switch (keys[i].type) {
		case KEY_STRING:
		case KEY_PATH:
		case KEY_DATE:
			free(*(char **)f);
			break;
		case KEY_WORDS:
		case KEY_DATES:
			free_list(f, list_count(s, &keys[i]));
			break;
		case KEY_BANDS:
			for (int b = 0; b < 5; b++)
				free(((Band *)f)[b].label);
			break;
		case KEY_THEME:
			free_list(((Theme *)f)->words, &((Theme *)f)->nwords);
			free(((Theme *)f)->name);
			break;
		case KEY_INT:
		case KEY_LONG:
		case KEY_DOUBLE:
		case KEY_BOOL:
		case KEY_ORIENT:
		case KEY_EVAL:
		case KEY_ARCHIVAL:
		case KEY_PERCENTS:
			break;
		}
	}
	free(s);
}

/* --- the line scan ------------------------------------------------------- */

static const KeySpec *
find_key(const char *section, const char *key)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (!strcmp(keys[i].section, section) && !strcmp(keys[i].key, key))
			return &keys[i];
	return NULL;
}

static int
section_known(const char *section)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (!strcmp(keys[i].section, section))
			return 1;
	return 0;
}

/* Keys of earlier versions that named one plan's targets: the plan now says
 * each rule on the target it governs. Read with a warning, never an error,
 * so that an office's config keeps working. */
static const char *
retired_key(const char *section, const char *key)
{
	static const struct { const char *section, *key, *advice; } retired[] = {
		{ "mapping", "monthly_meeting_activity", "a target names its activity with activity= in plan.xml" },
		{ "mapping", "colour_target_groups", "a target names its colour groups with color-groups= in plan.xml" },
	};
	for (size_t i = 0; i < sizeof(retired) / sizeof(retired[0]); i++)
		if (!strcmp(retired[i].section, section) && !strcmp(retired[i].key, key))
			return retired[i].advice;
	return NULL;
}

/* "name, unit, director" - the keys allowed in a section, for messages. */
static void
allowed_keys(const char *section, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < NKEYS && used < size; i++) {
		if (strcmp(keys[i].section, section) != 0)
			continue;
		int n = snprintf(out + used, size - used, "%s%s", used ? ", " : "", keys[i].key);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

static void
allowed_sections(char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < NKEYS && used < size; i++) {
		if (i > 0 && !strcmp(keys[i].section, keys[i - 1].section))
			continue;
		int n = snprintf(out + used, size - used, "%s[%s]", used ? ", " : "", keys[i].section);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

static void
lowercase(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* The config as text: valid UTF-8 (else the line of the first bad byte,
 * and Windows-874 named when the bytes look like it), no NUL, and no line
 * longer than iniparser reads (1,024 bytes, continuations included).
 * Returns 0, or -1 after reporting. */
enum { INI_LINE_MAX = 1000 };

static int
check_text(const char *path, const char *t, size_t len, Diag *d)
{
	size_t ok = utf8_valid_prefix(t, len);
	if (ok < len || memchr(t, '\0', len)) {
		size_t bad = ok < len ? ok : (size_t)((const char *)memchr(t, '\0', len) - t);
		long line = 1;
		for (size_t i = 0; i < bad; i++)
			line += t[i] == '\n';
		int thai874 = (unsigned char)t[bad] >= 0xA1 && (unsigned char)t[bad] <= 0xFB;
		diag_report(d, DIAG_USAGE, path, line, 0, "the config file is not UTF-8%s; open it in a text editor "
		    "and save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)", thai874 ?
		    " (it looks like Thai Windows-874, \"ANSI\")" : "");
		return -1;
	}
	long line = 1;
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		if (t[i] == '\n') {
			/* A line ending in a backslash continues: iniparser joins them
			 * within one buffer. */
			int cont = i > 0 && (t[i - 1] == '\\' || (t[i - 1] == '\r' && i > 1 && t[i - 2] == '\\'));
			if (!cont)
				run = 0;
			line++;
			continue;
		}
		if (++run > INI_LINE_MAX) {
			diag_report(d, DIAG_USAGE, path, line, 0, "line too long (more than %d bytes, lines joined with "
			    "\\ included); split the list over fewer words or shorter values", INI_LINE_MAX);
			return -1;
		}
	}
	return 0;
}

/* Scan the file: returns the number of problems reported; fills seen_line[i]
 * with the line of keys[i] (0 when absent). */
static int
scan_file(const char *path, FILE *fp, long *seen_line, Diag *d)
{
	char buf[4096];
	char section[128] = "";
	long lineno = 0;
	int problems = 0, continued = 0, section_ok = 0;
	while (fgets(buf, sizeof(buf), fp) != NULL) {
		lineno++;
		size_t len = strlen(buf);
		if (len == sizeof(buf) - 1 && buf[len - 1] != '\n') {
			diag_report(d, DIAG_USAGE, path, lineno, 0,
			    "line too long (more than %zu bytes); shorten it", sizeof(buf) - 2);
			return problems + 1;
		}
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		int was_continued = continued;
		continued = len > 0 && buf[len - 1] == '\\';
		if (was_continued)
			continue;
		char *p = trim(buf);
		if (lineno == 1 && !strncmp(p, "\xEF\xBB\xBF", 3))
			p += 3;
		if (*p == '\0' || *p == ';' || *p == '#')
			continue;
		if (*p == '[') {
			char *close = strchr(p, ']');
			if (close == NULL || close - p - 1 >= (long)sizeof(section) || close[1 + strspn(close + 1, " \t")] != '\0') {
				diag_report(d, DIAG_USAGE, path, lineno, 1,
				    "malformed section header (found %s); write it as [name]", p);
				problems++;
				section_ok = 0;
				continue;
			}
			memcpy(section, p + 1, (size_t)(close - p - 1));
			section[close - p - 1] = '\0';
			lowercase(section);
			char *t = trim(section);
			memmove(section, t, strlen(t) + 1);
			section_ok = section_known(section);
			if (!section_ok) {
				char allowed[512];
				allowed_sections(allowed, sizeof(allowed));
				diag_report(d, DIAG_USAGE, path, lineno, 1,
				    "unknown section [%s]; the sections are %s", section, allowed);
				problems++;
			}
			continue;
		}
		char *eq = strchr(p, '=');
		if (eq == NULL) {
			diag_report(d, DIAG_USAGE, path, lineno, 1,
			    "not a setting (found \"%s\"); write key = value, or start a comment with ;", p);
			problems++;
			continue;
		}
		*eq = '\0';
		char *key = trim(p);
		lowercase(key);
		if (section[0] == '\0') {
			diag_report(d, DIAG_USAGE, path, lineno, 1,
			    "setting '%s' before any [section]; move it under its section", key);
			problems++;
			continue;
		}
		if (!section_ok)
			continue; /* already reported at the section header */
		const KeySpec *k = find_key(section, key);
		const char *retired = k == NULL ? retired_key(section, key) : NULL;
		if (retired != NULL) {
			diag_report(d, DIAG_WARNING, path, lineno, 1, "'%s' is no longer a setting and is "
			    "ignored: %s; remove the line", key, retired);
			continue;
		}
		if (k == NULL) {
			char allowed[1024];
			allowed_keys(section, allowed, sizeof(allowed));
			diag_report(d, DIAG_USAGE, path, lineno, 1,
			    "unknown key '%s' in [%s]; the keys allowed there are: %s", key, section, allowed);
			problems++;
			continue;
		}
		/* iniparser ends a value at ';' or '#', so "2015-04-14;2015-05-05"
		 * would silently keep one date: say so instead. */
		if ((k->type == KEY_DATES || k->type == KEY_WORDS) && strpbrk(eq + 1, ";#") != NULL) {
			diag_report(d, DIAG_USAGE, path, lineno, 1,
			    "'%s' holds ; or #, which start a comment in this file; separate the items "
			    "with spaces%s", key, k->type == KEY_DATES ? _(" or commas") : "");
			problems++;
			continue;
		}
		size_t idx = (size_t)(k - keys);
		if (seen_line[idx] != 0) {
			diag_report(d, DIAG_USAGE, path, lineno, 1,
			    "duplicate key '%s' in [%s] (first set on line %ld); keep only one", key, section,
			    seen_line[idx]);
			problems++;
			continue;
		}
		seen_line[idx] = lineno;
	}
	if (ferror(fp)) {
		diag_report(d, DIAG_USAGE, path, 0, 0, "read error; check the file");
		problems++;
	}
	return problems;
}

/* iniparser reports its own syntax complaints through a global callback; the
 * scan above has already reported them with line numbers, so keep quiet. */
static int
ini_quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

/* Paths a config names are relative to its folder; a path it leaves out
 * takes its default relative to the data folder (data: the schema, the
 * fonts) or to the config's folder (the input and output folders). The
 * plan and the emblem are relative to input_dir, where they live. */
static const struct {
	const char *section, *key;
	int data;
} placed[] = {
	{ "paths", "input_dir", 0 }, { "paths", "output_dir", 0 }, { "paths", "plan_schema", 1 },
	{ "fonts", "thai", 1 }, { "fonts", "thai_bold", 1 }, { "fonts", "latin", 1 }, { "fonts", "latin_bold", 1 },
	{ "pdf", "icc_profile", 1 },
};

static void
place_paths(Settings *s, const char *path, const char *data_dir, const long *seen_line)
{
	char *config_dir = file_dir(path);
	for (size_t i = 0; i < sizeof placed / sizeof placed[0]; i++) {
		const KeySpec *k = find_key(placed[i].section, placed[i].key);
		char **f = (char **)field(s, k);
		if (*f == NULL || **f == '\0' || **f == '/')
			continue;
		const char *base = seen_line[k - keys] || !placed[i].data ? config_dir : data_dir;
		char *joined = file_join(base, *f);
		free(*f);
		*f = joined;
	}
	free(config_dir);
}

Settings *
settings_load(const char *path, const char *data_dir, Diag *d)
{
	/* Read once, a regular file only (a FIFO or a device is refused
	 * before anything is read); checked as text before any parsing: UTF-8
	 * (a file saved by Thai Notepad as "ANSI", Windows-874, is refused with
	 * its line), a BOM dropped, lines within iniparser's limit. iniparser
	 * then reads exactly these bytes, from memory. */
	char *text;
	size_t len;
	if (file_read_regular(path, 1L << 20, DIAG_USAGE, N_("the config file"), 1, &text, &len, d) != 0)
		return NULL;
	char *body = text;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		body += 3;
		len -= 3;
	}
	if (check_text(path, body, len, d) != 0) {
		free(text);
		return NULL;
	}
	FILE *fp = fmemopen(body, len ? len : 1, "r");
	if (fp == NULL) {
		free(text);
		diag_report(d, DIAG_INTERNAL, path, 0, 0, "cannot read the config from memory (%s)", strerror(errno));
		return NULL;
	}
	long seen_line[NKEYS] = { 0 };
	int problems = len ? scan_file(path, fp, seen_line, d) : 0;
	fclose(fp);
	if (problems > 0) {
		free(text);
		return NULL;
	}

	iniparser_set_error_callback(ini_quiet);
	int mfd = memfd_create("nithet.ini", MFD_CLOEXEC);
	char fdpath[64];
	snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", mfd);
	dictionary *ini = NULL;
	if (mfd >= 0 && write(mfd, body, len) == (ssize_t)len)
		ini = iniparser_load(fdpath);
	if (mfd >= 0)
		close(mfd);
	free(text);
	if (ini == NULL) {
		diag_report(d, DIAG_USAGE, path, 0, 0, "cannot parse the config file; check its syntax");
		return NULL;
	}
	Settings *s = settings_defaults();
	for (size_t i = 0; i < NKEYS; i++) {
		if (seen_line[i] == 0)
			continue;
		char name[128];
		snprintf(name, sizeof(name), "%s:%s", keys[i].section, keys[i].key);
		const char *v = iniparser_getstring(ini, name, NULL);
		char err[256];
		if (set_value(s, &keys[i], v ? v : "", err, sizeof(err)) != 0) {
			diag_report(d, DIAG_USAGE, path, seen_line[i], 1,
			    "bad value for %s in [%s] (found \"%s\": %s); write %s", keys[i].key,
			    keys[i].section, v ? v : "", err, _(keys[i].help));
			problems++;
		}
	}
	iniparser_freedict(ini);
	place_paths(s, path, data_dir, seen_line);

	/* Rules that join two keys. */
	if (problems == 0 && s->satisfied_threshold < s->likert_bands[0].min) {
		diag_report(d, DIAG_USAGE, path, 0, 0, "satisfied_threshold %.2f is below the lowest band",
		    s->satisfied_threshold);
		problems++;
	}
	if (problems > 0) {
		settings_free(s);
		return NULL;
	}
	return s;
}

/* --- the rules, as text ------------------------------------------------- */

/* Add one whole item to out (size bytes, *used so far): an item that does
 * not fit is never cut (half a Thai character would print as garbage);
 * "..." marks that some were left out. */
static void
append_item(char *out, size_t size, size_t *used, const char *item)
{
	size_t n = strlen(item);
	if (*used + n < size) {
		memcpy(out + *used, item, n + 1);
		*used += n;
	} else if (*used + 4 < size && (*used == 0 || strcmp(out + *used - 3, "...") != 0)) {
		memcpy(out + *used, "...", 4);
		*used += 3;
	}
}

static void
format_value(const Settings *s, const KeySpec *k, char *out, size_t size)
{
	const void *f = cfield(s, k);
	size_t used = 0;
	char item[256];
	out[0] = '\0';
	switch (k->type) {
	case KEY_STRING:
	case KEY_PATH:
	case KEY_DATE:
		append_item(out, size, &used, *(char *const *)f ? *(char *const *)f : "");
		return;
	case KEY_INT:
		snprintf(out, size, "%d", *(const int *)f);
		return;
	case KEY_LONG:
		snprintf(out, size, "%ld", *(const long *)f);
		return;
	case KEY_DOUBLE:
		c_snprintf(out, size, "%g", *(const double *)f);
		return;
	case KEY_BOOL:
		snprintf(out, size, "%s", *(const int *)f ? "yes" : "no");
		return;
	case KEY_ORIENT:
		snprintf(out, size, "%s", *(const int *)f ? "landscape" : "portrait");
		return;
	case KEY_EVAL:
		snprintf(out, size, "%s", *(const EvalMethod *)f == EVAL_BY_MEAN ? "mean" : "percent");
		return;
	case KEY_ARCHIVAL: {
		static const char *const names[] = { "no", "1b", "2u", "3u" };
		PdfArchival a = *(const PdfArchival *)f;
		snprintf(out, size, "%s", a <= PDF_ARCHIVAL_3U ? names[a] : "?");
		return;
	}
	case KEY_WORDS:
	case KEY_DATES: {
		char *const *items = f;
		size_t n = *list_count(s, k);
		for (size_t i = 0; i < n; i++) {
			snprintf(item, sizeof(item), "%s%s", i ? " " : "", items[i]);
			append_item(out, size, &used, item);
		}
		return;
	}
	case KEY_PERCENTS: {
		const double *p = f;
		c_snprintf(out, size, "%g %g %g %g %g", p[0], p[1], p[2], p[3], p[4]);
		return;
	}
	case KEY_THEME: {
		const Theme *t = f;
		if (t->name == NULL)
			return;
		snprintf(item, sizeof(item), "%s:", t->name);
		append_item(out, size, &used, item);
		for (size_t i = 0; i < t->nwords; i++) {
			snprintf(item, sizeof(item), " %s", t->words[i]);
			append_item(out, size, &used, item);
		}
		return;
	}
	case KEY_BANDS: {
		const Band *b = f;
		for (int i = 0; i < 5; i++) {
			c_snprintf(item, sizeof(item), "%s%.2f-%.2f %s", i ? " | " : "", b[i].min, b[i].max,
			    b[i].label);
			append_item(out, size, &used, item);
		}
		return;
	}
	}
}

size_t
settings_rules(const Settings *s, SettingRule *rules, size_t max)
{
	/* The rules that change a figure; paths, fonts and page layout do not. */
	static const char *const rule_sections[] = { "office", "evaluation", "survey", "calendar", "mapping" };
	size_t n = 0;
	for (size_t i = 0; i < NKEYS && n < max; i++) {
		int wanted = 0;
		for (size_t j = 0; j < sizeof(rule_sections) / sizeof(rule_sections[0]); j++)
			wanted |= !strcmp(keys[i].section, rule_sections[j]);
		if (!wanted || ((keys[i].type == KEY_STRING || keys[i].type == KEY_DATE) &&
		    !strcmp(keys[i].section, "office")))
			continue;
		rules[n].section = keys[i].section;
		rules[n].key = keys[i].key;
		format_value(s, &keys[i], rules[n].value, sizeof(rules[n].value));
		n++;
	}
	return n;
}

int
settings_level_of_percent(const Settings *s, double percent)
{
	static const double defaults[5] = { 0, 50, 60, 75, 90 };
	const double *lower = s ? s->level_percent : defaults;
	int level = 1;
	for (int i = 1; i < 5; i++)
		if (percent >= lower[i] - 1e-9)
			level = i + 1;
	return level;
}

int
settings_level_of_mean(const Settings *s, double mean)
{
	static const double defaults[5] = { 1.00, 1.51, 2.51, 3.51, 4.51 };
	/* In hundredths, as printed: 3.505 reads 3.51. */
	long hundredths = lround(mean * 100.0 + 1e-9);
	int level = 1;
	for (int i = 1; i < 5; i++) {
		double lo = s ? s->rubric_bands[i].min : defaults[i];
		if (hundredths >= lround(lo * 100.0))
			level = i + 1;
	}
	return level;
}
