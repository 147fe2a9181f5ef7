/* settings.h - the typed settings of one run, read from config/nithet.ini.
 *
 * Only src/config/ includes iniparser. Every rule the plan leaves open is a
 * field here so that the reports can print the rules they used ("เกณฑ์ที่ใช้").
 * Strings are owned by the Settings and valid until settings_free(). */
#ifndef NITHET_SETTINGS_H
#define NITHET_SETTINGS_H

#include <stddef.h>

#include "core/diag.h"

enum { SETTINGS_MAX_LIST = 64 };

/* A Likert or rubric interpretation band: mean in [min, max] reads as label. */
typedef struct Band {
	double min, max;
	char *label;
} Band;

/* A theme of free-text comments: a comment that holds one of its words
 * belongs to it (the first theme that matches, in the config's order). */
enum { THEME_MAX_WORDS = 32, SETTINGS_MAX_THEMES = 12 };
typedef struct Theme {
	char *name;                 /* NULL = unused */
	char *words[THEME_MAX_WORDS];
	size_t nwords;
} Theme;

typedef enum EvalMethod { EVAL_BY_PERCENT, EVAL_BY_MEAN } EvalMethod;

/* [pdf] archival, as the PDF/A part written (nonzero: some PDF/A). Each
 * part has one level: b for part 1 (its level u does not exist, level a
 * wants a tagged PDF), u for parts 2 and 3 (every glyph mapped to Unicode,
 * which meets level b too). */
typedef enum PdfArchival {
	PDF_ARCHIVAL_NO = 0,
	PDF_ARCHIVAL_1B = 1,        /* the widest accepted archive format */
	PDF_ARCHIVAL_2U = 2,
	PDF_ARCHIVAL_3U = 3,        /* what the Revenue Department's e-filing asks */
} PdfArchival;

typedef struct FontSetting {
	char *regular;     /* path to a TrueType file */
	char *bold;        /* path; may equal regular */
	double scale;      /* drawn size = Sarabun points x scale */
} FontSetting;

/* The input tables a [sheets] key may name, in the order of
 * Settings.sheets. */
enum { SETTINGS_NSHEETS = 15 };
extern const char *const settings_sheet_tables[SETTINGS_NSHEETS];

typedef struct Settings {
	/* [office] */
	char *office_name;          /* in full; "" = the plan's office= */
	char *unit_name;            /* กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา */
	/* Who signs: the office's director (approves the report and signs the
	 * foreword), the unit's director and the reporter; positions default
	 * to ผู้อำนวยการ + the office's or unit's name. Empty names leave a
	 * dotted line to fill in. */
	char *director_name, *director_position;
	char *group_director_name, *group_director_position;
	char *reporter_name, *reporter_position;
	char *committee_chair;      /* ประธานกรรมการ ก.ต.ป.น.; "" = the role alone */
	char *emblem_file;          /* the office's emblem for covers; "" = none */
	char *document_number;      /* printed on covers as written; "" = none */
	char *document_date;        /* ISO date of the report; "" = the as-of date */
	int fiscal_year;            /* Buddhist Era, e.g. 2558 */
	int expected_schools;       /* 117: warn when schools.csv differs */

	/* [sheets] per input table, the sheet of its workbook (.xlsx, .ods,
	 * .xls) that holds it: "" = the first one shown. In the order of
	 * settings_sheet_tables. */
	char *sheets[SETTINGS_NSHEETS];

	/* [paths] relative to the current directory unless absolute */
	char *input_dir, *output_dir, *plan_file, *plan_schema;

	/* [fonts] the Thai face, and the face for Latin letters and digits
	 * when the Thai face has none (Noto Sans Thai has no Latin). */
	FontSetting thai, latin;

	/* [page] sizes in millimetres and Sarabun points */
	int landscape;
	double margin_left, margin_right, margin_top, margin_bottom;
	double body_size;           /* 16 */
	double line_spacing;        /* line height = body_size x this */
	int thai_digits;            /* 1: print ๐-๙ */
	int thai_distributed;       /* 1: justify Thai by spreading over its characters
	                             * (Word's Thai Distributed); 0: over spaces and
	                             * word boundaries */
	char *keep_words[SETTINGS_MAX_LIST]; /* never broken across lines */
	size_t nkeep_words;

	/* [evaluation] internal supervision levels */
	int pass_level;             /* 3 = ดี */
	EvalMethod eval_method;
	double level_percent[5];    /* lower bound in % of levels 1..5: 0 50 60 75 90 */
	Band rubric_bands[5];       /* mean -> level 1..5 when by mean */

	/* [survey] Likert bands and the satisfied mean */
	Band likert_bands[5];       /* index 0 = น้อยที่สุด .. 4 = มากที่สุด */
	double satisfied_threshold; /* 3.51 */
	int min_item_respondents;   /* a school's item means shown from this many
	                             * respondents: fewer could be told apart */

	/* [calendar] */
	char *holidays[SETTINGS_MAX_LIST]; /* ISO dates the office was closed:
	                                    * not due in any weekly target */
	size_t nholidays;

	/* [mapping] how the data are read */
	/* Free-text answers that say nothing ("-", "ไม่มี"): not quoted as
	 * suggestions; compared after trimming spaces, dots and ครับ/ค่ะ. */
	char *no_answer_words[SETTINGS_MAX_LIST];
	size_t nno_answer_words;

	/* [themes] how the comments of visits and surveys are grouped in the
	 * reports, and the words of praise, kept apart from suggestions. */
	Theme themes[SETTINGS_MAX_THEMES];
	char *praise_words[SETTINGS_MAX_LIST];
	size_t npraise_words;

	/* [limits] for loading: exceeding one is an error, never a silent cut */
	long max_file_bytes;
	long max_field_bytes;
	long max_columns;
	long max_rows;
	int max_xml_depth;

	/* [pdf] archival: which PDF/A the reports are (XMP metadata, an sRGB
	 * output intent from icc_profile, a file ID, no transparency) */
	PdfArchival pdf_archival;
	char *icc_profile;

	/* [messages] the language of nithet's messages: "th", "en", or ""
	 * for the locale's (core/i18n.h) */
	char *language;
} Settings;

/* The sheet configured for table stem, or NULL for the first one shown. */
const char *settings_sheet(const Settings *s, const char *stem);

/* Read path into a new Settings. Every problem is reported through d as
 * DIAG_USAGE naming the file and line (unknown section or key, duplicate key,
 * number out of range, bad value). Returns NULL when anything was wrong.
 * Caller frees with settings_free.
 * Relative paths the file names (input_dir, output_dir, plan_schema, the
 * fonts) are made relative to the file's folder; those it leaves out take
 * their defaults from data_dir (plan_schema, the fonts: the folder holding
 * config/plan.xsd and fonts/) or from the file's folder (input, output).
 * data_dir NULL leaves the defaults relative to the current folder. */
Settings *settings_load(const char *path, const char *data_dir, Diag *d);

/* The built-in defaults (what config/nithet.ini ships with). */
Settings *settings_defaults(void);

void settings_free(Settings *s);

/* One named rule and its value as text, for "เกณฑ์ที่ใช้" and the JSON. */
typedef struct SettingRule {
	const char *section; /* "evaluation" */
	const char *key;     /* "pass_level" */
	char value[1024];    /* whole items only: a list too long ends in "..." */
} SettingRule;

/* Fills rules with at most max entries; returns the number written. */
size_t settings_rules(const Settings *s, SettingRule *rules, size_t max);

/* The level 1..5 that an evaluation earns under [evaluation]: a percentage
 * of the full score by level_percent, a mean of 1..5 scores by
 * rubric_bands (compared as printed, rounded to 2 decimals). s NULL: the
 * shipped defaults. The one place these rules are applied, by the loader's
 * consistency check and by measure alike. */
int settings_level_of_percent(const Settings *s, double percent);
int settings_level_of_mean(const Settings *s, double mean);

#endif
