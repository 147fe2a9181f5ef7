/* compose.h - what every report composer shares: the inputs, and numbers,
 * dates and money formatted the way the office prints them (Arabic or Thai
 * digits per the config). Composers fill a Doc and do no I/O. */
#ifndef NITHET_COMPOSE_H
#define NITHET_COMPOSE_H

#include "config/settings.h"
#include "core/calendar.h"
#include "doc/doc.h"
#include "measure/results.h"
#include "model/model.h"
#include "report/report.h"

typedef struct Compose {
	Doc *doc;
	const Settings *s;
	const Model *m;
	const Results *r;
	unsigned digits;           /* NUM_THAI_DIGITS or 0 */
	int ntables, ncharts;      /* caption numbers so far */
	int technical;             /* words for the plan's writer (file and
	                            * column names), not a report's reader */
	int nappendices;           /* appendices so far: lettered ก ข ค */
	CalDate meeting_day;       /* a committee pack's meeting; year 0 = none */
} Compose;

/* A composer's start: c for Doc d and in's model, figures and settings
 * (digits Thai when the config says), nothing counted yet. Then set what
 * a report of its kind needs (technical, meeting_day). */
Compose compose_start(Doc *d, const ReportInput *in);

/* The office's words around a report's text, set on d: สารบัญ and the
 * other lists' titles, "หน้า 3 จาก 12", "ตารางที่ 3 (ต่อ)", ... (see DocWords).
 * Every composer calls it on the Doc it makes. */
void compose_page_words(Doc *d);

/* Each returns a string in the Doc's arena, valid as long as the Doc. */
const char *fmt_int(Compose *c, long long v);              /* 1,234 */
const char *fmt_year(Compose *c, int year);                /* 2558: never grouped */
const char *fmt_money(Compose *c, Satang v);               /* 212,350.50 */
const char *fmt_baht(Compose *c, Satang v);                /* 500,000 (no .00) */
const char *fmt_percent(Compose *c, long long num, long long den); /* 97.44; "-" if den 0 */
const char *fmt_double(Compose *c, double v, int decimals);
const char *fmt_date(Compose *c, CalDate d);               /* 15 ธันวาคม 2557 */
const char *fmt_date_short(Compose *c, CalDate d);         /* 15 ธ.ค. 57 */
const char *fmt_date_full(Compose *c, CalDate d);          /* วันจันทร์ที่ 15 ธันวาคม พ.ศ. 2557 */
const char *fmt_month(Compose *c, CalDate d);              /* ธ.ค. 57 */
const char *fmt_month_year(Compose *c, CalDate d);         /* ธันวาคม 2557 */
const char *fmt_clock(Compose *c, int start_min, int end_min); /* 09.00-12.00 น.; end -1 = none */
const char *fmt_text(Compose *c, const char *s);           /* digits converted when Thai */
/* The project's name to follow the word โครงการ: the plan's title without a
 * leading "โครงการ" of its own, so that it is never said twice. */
const char *fmt_project(Compose *c);
/* " ปีงบประมาณ 2558" to follow the project's name, or "" when the title
 * already names its fiscal year. */
const char *fmt_project_year(Compose *c);

/* A numbered list item's text without its own number: forms number their
 * items ("1. การวางแผน..."), and a table or list that numbers them again
 * would print "1. 1.". index is 0-based; text is returned unchanged when
 * it does not begin with index + 1 and a dot. */
const char *compose_item_text(const char *text, size_t index);

/* 1 when a free-text answer says nothing: one of [mapping] no_answer_words
 * once spaces, dots and a closing ครับ/ค่ะ/คะ are trimmed ("ไม่มีค่ะ", " - "). */
int compose_no_answer(const Compose *c, const char *text);
const char *fmt_printf(Compose *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A target's headline value with its unit, e.g. "97.44" or "6 ครั้ง". */
const char *fmt_target_value(Compose *c, const TargetResult *t);
/* A target's result with its unit in Thai order: "ร้อยละ 96.52", "6 ครั้ง"; "-" when
 * nothing was measured. */
const char *fmt_target_result(Compose *c, const TargetResult *t);
const char *fmt_target_goal(Compose *c, const TargetResult *t);
const char *fmt_met(const TargetResult *t);               /* บรรลุ / ไม่บรรลุ / ยังไม่ได้วัดผล / - */

/* How a reader names one period of a metric's every=: "ภาคเรียน", "ช่วง 2
 * เดือน", "วันพุธ"; "ปีงบประมาณ" without one. */
const char *fmt_period_noun(Compose *c, const Metric *p);

/* The schools a target is about, in Thai: "โรงเรียน" narrowed by the
 * plan's school-type=, school-size= and color-groups=
 * ("โรงเรียนขยายโอกาสขนาดเล็ก"); metric_chooses_schools says whether any
 * is set. fmt_outside words why a school is not among them ("มีขนาดกลาง"). */
const char *fmt_population(Compose *c, const Metric *p);
/* What the office calls a group of schools: the plan's network-word=
 * (สหวิทยาเขต) or เครือข่าย. */
const char *fmt_network_word(Compose *c);
/* The same as a title: "เครือข่ายโรงเรียน", or the office's own word. */
const char *fmt_network_title(Compose *c);
int metric_chooses_schools(const Metric *p);
const char *fmt_outside(Compose *c, const School *s, Outside why);

/* 1 when the reports speak of schools' internal supervision (of their
 * best practices): the plan counts it, or there are data. A plan that has
 * neither is not reported as "not evaluated" school by school. */
int compose_reports_evaluations(const Compose *c);
int compose_reports_practices(const Compose *c);

/* 1 when some active school has a colour group (schools.csv): the office
 * groups its schools by colour, and the reports show them so. */
int compose_has_colours(const Compose *c);

/* The sentence beside a target's result, from measure's facts: "46 จาก 50
 * วันพุธ (ไม่นับวันหยุด 2 วัน)", "จัดเมื่อ 15 มกราคม 2558 ช้ากว่าแผน (...)",
 * why it could not be judged; NULL when there is nothing to add (notes.c). */
const char *compose_note(Compose *c, const TargetResult *t);
/* The name of one of a target's secondary figures (notes.c). */
const char *compose_extra_label(Compose *c, const TargetResult *t, const Extra *e);

/* The name of a school as printed: "บ้านควนประกอบ (93010012)". */
const char *fmt_school(Compose *c, const School *s);

/* "ก, ข, ค" from a list of schools (names, with codes when with_code), in
 * one buffer. Past max names it ends "... และอีก N โรงเรียน (see)", so that a
 * national-size list points to the full table instead of filling a page. */
const char *fmt_school_list(Compose *c, const SchoolList *l, int with_code, size_t max, const char *see);

/* A table with its columns and a shaded header row in one call. columns is
 * "header:width:align|..." with width in mm (0 = from content) and align one
 * of l, r, c, e.g. "ที่:10:c|โรงเรียน:0:l|ครั้ง:16:r". size: 0 = body size.
 * The table spans the text width. */
DocBlock *compose_table(Compose *c, double size, const char *columns);

/* Table helpers: a header row from a |-separated list, and a body row. */
DocRow *compose_header(Compose *c, DocBlock *table, const char *cells);
DocRow *compose_row(Compose *c, DocBlock *table, DocRowKind kind, int n, ...);

/* The office's signers' positions: as configured, else ผู้อำนวยการ + the
 * office's (or unit's) name, the position's usual wording. */
const char *fmt_director_position(Compose *c);
const char *fmt_group_director_position(Compose *c);
/* The report's date: [office] date, else the as-of date of the figures. */
CalDate compose_report_date(Compose *c);
/* An image of the model as a Doc image (NULL when the file is absent). */
const DocImage *compose_image(Compose *c, const ImageFile *f);

/* text followed by its note: in brackets, or after a space when the note
 * has brackets of its own (never one bracket inside another). note may be
 * NULL. Digits converted when Thai. */
const char *fmt_with_note(Compose *c, const char *text, const char *note);

/* The default criteria c1..c5 of internal supervision: the steps of the
 * PIDRE model, named as load/evaluations.c accepts them in a header, one
 * wording for every report. */
extern const struct PidreStep { const char *letter, *name; } compose_pidre[5];

/* The next appendix's heading, lettered in order (ก ข ค ง จ …). */
DocBlock *compose_appendix(Compose *c, const char *title);

/* A caption line above a table ("ตารางที่ N text") or a chart ("แผนภูมิที่ N
 * text"), numbered in order per report. */
void compose_table_caption(Compose *c, const char *text);
void compose_chart_caption(Compose *c, const char *text);

#endif
