/* test_committee.c - the ก.ต.ป.น. pack's "targets at risk" (section 5.1):
 * the decision for one target on hand-made plans and results, and the Thai
 * reasons the pack prints from it; the pack's tables and its ถัวจ่าย
 * wording; and the per-school report's standing in each target (section 5),
 * measured from a small model with the bundled plan. */
#include "test.h"

#include "load/plan_v1.h"

#include <stdlib.h>
#include <string.h>

#include "config/settings.h"
#include "core/arena.h"
#include "core/calendar.h"
#include "doc/doc.h"
#include "measure/results.h"
#include "model/model.h"
#include "load/plan.h"
#include "report/committee.h"
#include "report/school.h"

/* A plan of FY 2558 with four activities:
 *   1  2015-01-01..2015-04-30 (120 days)  a count target's period
 *   3  the whole fiscal year
 *   9  2015-09-01..2015-09-30             a one-off workshop
 *   12 2015-08-01..2015-09-30             a survey window */
typedef struct Fix {
	Plan plan;
	PlanActivity acts[4];
	Results r;
} Fix;

static void
fix_init(Fix *f, int y, int m, int d)
{
	memset(f, 0, sizeof(*f));
	static const struct { int no; const char *start, *end, *text; } a[4] = {
		{ 1, "2015-01-01", "2015-04-30", "ม.ค. – เม.ย. 2558" },
		{ 3, "2014-10-01", "2015-09-30", "ต.ค. 57 – ก.ย. 58" },
		{ 9, "2015-09-01", "2015-09-30", "กันยายน 2558" },
		{ 12, "2015-08-01", "2015-09-30", "ส.ค. – ก.ย. 2558" },
	};
	for (size_t i = 0; i < 4; i++) {
		f->acts[i].no = a[i].no;
		f->acts[i].start = a[i].start;
		f->acts[i].end = a[i].end;
		f->acts[i].period_text = a[i].text;
		f->acts[i].name = "กิจกรรม";
	}
	f->plan.fiscal_year = 2558;
	f->plan.activities = f->acts;
	f->plan.nactivities = 4;
	f->r.fiscal_year = 2558;
	f->r.fy_first = (CalDate){ 2014, 10, 1 };
	f->r.fy_last = (CalDate){ 2015, 9, 30 };
	f->r.as_of = (CalDate){ y, m, d };
	f->r.schools = 117;
}

/* Event kinds as a plan would declare them. */
static const PlanEventKind committee_kind = { .code = "C", .title = "คณะกรรมการ", .committee = 1 };

/* A target and its result as measure would leave it. activity 0 = none. */
static void
target(PlanTarget *pt, TargetResult *t, const char *metric, int activity, double goal, int is_percent)
{
	memset(pt, 0, sizeof(*pt));
	memset(t, 0, sizeof(*t));
	pt->id = "3.1.1";
	const char *needs;
	CHECK_INT(plan_v1_compose(metric, &pt->metric, &needs), 0);
	pt->metric.activities[0] = activity;
	pt->goal = goal;
	pt->has_goal = 1;
	pt->unit = is_percent ? "ร้อยละ" : "ครั้ง";
	pt->text = "เป้าหมาย";
	t->target = pt;
	t->unit = pt->unit;
	t->goal = goal;
	t->is_percent = is_percent;
}

static void
count(TargetResult *t, long n)
{
	t->num = n;
	t->value = (double)n;
	t->judged = t->target->has_goal;
	t->met = t->judged && t->value >= t->goal;
}

static void
rate(TargetResult *t, long num, long den)
{
	t->num = num;
	t->den = den;
	/* The facts measure would leave: num of den qualify; satisfaction is a
	 * share of those who answered (all measured), at a mean of 3.51. */
	t->hit = num;
	t->whole = den;
	if (t->target->metric.denominator == DENOMINATOR_MEASURED) {
		t->measured = den;
		t->min_mean = 3.51;
	}
	t->value = den ? num * 100.0 / den : 0;
	t->judged = den > 0;
	t->met = t->judged && t->value >= t->goal;
}

TEST(committee_count_target_before_during_after_its_period)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;

	/* Before 1 January: nothing is due, whatever the value. */
	fix_init(&f, 2014, 12, 31);
	target(&pt, &t, "event-count", 1, 4, 0);
	count(&t, 0);
	ProgressCheck ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, PROGRESS_NOT_YET_DUE);
	CHECK_NEAR(ck.expected, 0, 1e-9);
	CHECK(ck.activity == &f.acts[0]);
	CHECK_INT(ck.total, 120);
	CHECK_INT(ck.days, 0);

	/* 28 Feb: 59 of 120 days, 4 x 59/120 = 1.97 -> 1 whole event due. */
	fix_init(&f, 2015, 2, 28);
	count(&t, 1);
	ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_INT(ck.days, 59);
	CHECK_NEAR(ck.expected, 1, 1e-9);
	CHECK_INT(ck.status, PROGRESS_ON_TRACK);
	CHECK(!ck.is_rate && !ck.ended && !ck.whole_year);
	count(&t, 0);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_AT_RISK);

	/* 2 March: 61 days, 2.03 -> 2 due; 1 held is behind. */
	fix_init(&f, 2015, 3, 2);
	count(&t, 1);
	ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_NEAR(ck.expected, 2, 1e-9);
	CHECK_INT(ck.status, PROGRESS_AT_RISK);

	/* After 30 April the whole goal is due. */
	fix_init(&f, 2015, 6, 1);
	count(&t, 3);
	ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, PROGRESS_AT_RISK);
	CHECK(ck.ended);
	CHECK_NEAR(ck.expected, 4, 1e-9);
	CHECK_INT(ck.days, 120);
	count(&t, 4);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_ON_TRACK);
}

TEST(committee_coverage_is_prorated_exactly)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 2, 28);
	target(&pt, &t, "school-coverage", 1, 100, 1);
	rate(&t, 57, 117);                      /* 48.72 % */
	ProgressCheck ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_NEAR(ck.expected, 100.0 * 59 / 120, 1e-9);   /* 49.17, not rounded down */
	CHECK_INT(ck.status, PROGRESS_AT_RISK);
	rate(&t, 58, 117);                      /* 49.57 % */
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_ON_TRACK);
}

/* The reviewer's case: 3.1.11 (a workshop planned for September) read "at
 * risk, expected 0" at the March meeting. */
TEST(committee_one_off_event_is_due_only_when_its_period_ends)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 3, 26);
	target(&pt, &t, "event-held", 9, 1, 0);
	count(&t, 0);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_NOT_YET_DUE);
	fix_init(&f, 2015, 9, 24);                /* within September: 0.8 -> 0 due */
	ProgressCheck ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_NEAR(ck.expected, 0, 1e-9);
	CHECK_INT(ck.status, PROGRESS_ON_TRACK);
	fix_init(&f, 2015, 9, 30);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_AT_RISK);
}

TEST(committee_without_activity_uses_the_fiscal_year)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 3, 31);
	target(&pt, &t, "month-coverage", 0, 12, 0);
	count(&t, 5);
	ProgressCheck ck = measure_progress(&f.r, &t, &f.plan);
	CHECK(ck.whole_year);
	CHECK(ck.activity == NULL);
	CHECK_INT(ck.total, 365);
	CHECK_INT(ck.days, 182);
	CHECK_NEAR(ck.expected, 5, 1e-9);        /* 12 x 182/365 = 5.98 */
	CHECK_INT(ck.status, PROGRESS_ON_TRACK);
	/* An activity number the plan does not have counts as none. */
	pt.metric.activities[0] = 7;
	CHECK(measure_progress(&f.r, &t, &f.plan).whole_year);
}

TEST(committee_several_activities_span_their_periods)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 3, 1);
	target(&pt, &t, "event-count", 1, 2, 0);
	pt.metric.activities[1] = 9;
	count(&t, 0);
	ProgressCheck ck = measure_progress(&f.r, &t, &f.plan);
	CHECK(ck.activity == NULL && !ck.whole_year);
	CHECK_INT(cal_compare(ck.from, (CalDate){ 2015, 1, 1 }), 0);
	CHECK_INT(cal_compare(ck.to, (CalDate){ 2015, 9, 30 }), 0);
	CHECK_INT(ck.total, 273);
	CHECK_INT(ck.status, PROGRESS_ON_TRACK);  /* 2 x 59/273 -> 0 due */
}

TEST(committee_rate_before_during_after_its_window)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;

	/* Satisfaction surveyed in August-September; goal 80 %. */
	fix_init(&f, 2015, 3, 26);
	target(&pt, &t, "satisfied-percent", 12, 80, 1);
	rate(&t, 0, 0);
	ProgressCheck ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, PROGRESS_NOT_YET_DUE);
	CHECK(ck.is_rate);

	/* In the window, nobody has answered yet. */
	fix_init(&f, 2015, 8, 10);
	ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, PROGRESS_IN_PROGRESS);
	CHECK_NEAR(ck.expected, 80, 1e-9);       /* a rate is never pro-rated */

	/* In the window with answers: judged on those measured so far. */
	rate(&t, 6, 10);
	ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, PROGRESS_AT_RISK);
	CHECK_INT(ck.num, 6);
	CHECK_INT(ck.den, 10);
	rate(&t, 8, 10);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_ON_TRACK);

	/* Window over, below the goal; and over with no answers at all. */
	fix_init(&f, 2015, 9, 30);
	rate(&t, 7, 10);
	ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, PROGRESS_AT_RISK);
	CHECK(ck.ended);
	rate(&t, 0, 0);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_AT_RISK);
	rate(&t, 9, 10);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_ON_TRACK);
}

/* 3.2.1 counts schools not yet evaluated as failing: mid-year its headline
 * is low by construction, so the running test uses those evaluated. */
TEST(committee_eval_pass_runs_on_the_schools_evaluated)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 1, 29);
	target(&pt, &t, "eval-pass-percent", 3, 100, 1);
	rate(&t, 17, 117);
	f.r.eval.evaluated = 17;
	t.measured = 17;
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_ON_TRACK);
	f.r.eval.evaluated = 22;
	t.measured = 22;                 /* 5 evaluated schools failed */
	ProgressCheck ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, PROGRESS_AT_RISK);
	CHECK_INT(ck.num, 17);
	CHECK_INT(ck.den, 22);
	f.r.eval.evaluated = 0;
	t.measured = 0;
	rate(&t, 0, 117);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_IN_PROGRESS);
	/* A rate without a running figure waits for the end of its period. */
	const char *needs;
	CHECK_INT(plan_v1_compose("practice-percent", &pt.metric, &needs), 0);
	rate(&t, 10, 117);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_IN_PROGRESS);
}

TEST(committee_goal_zero_or_none)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 3, 26);
	target(&pt, &t, "event-count", 3, 0, 0);
	count(&t, 0);
	ProgressCheck ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, PROGRESS_ON_TRACK);
	CHECK_NEAR(ck.expected, 0, 1e-9);
	target(&pt, &t, "satisfied-percent", 0, 0, 1);
	fix_init(&f, 2015, 9, 30);
	rate(&t, 0, 10);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_ON_TRACK);

	/* No goal (6.4): never at risk, and not listed as pending either. */
	target(&pt, &t, "practice-percent", 0, 0, 1);
	pt.has_goal = 0;
	rate(&t, 0, 117);
	t.judged = 0;
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_NO_GOAL);
	fix_init(&f, 2015, 3, 26);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_NO_GOAL);
}

TEST(committee_due_so_far_and_unmet_conditions)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	/* KM every Tuesday: the value is already a share of the Tuesdays due. */
	fix_init(&f, 2015, 1, 29);
	target(&pt, &t, "weekday-coverage", 3, 100, 1);
	rate(&t, 16, 17);
	ProgressCheck ck = measure_progress(&f.r, &t, &f.plan);
	CHECK_NEAR(ck.expected, 100, 1e-9);
	CHECK_INT(ck.status, PROGRESS_AT_RISK);
	CHECK(!ck.is_rate);
	rate(&t, 17, 17);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_ON_TRACK);

	/* Six meetings held but a two-month window missed: unmet, at risk. */
	target(&pt, &t, "event-windows", 3, 6, 0);
	count(&t, 6);
	t.met = 0;
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_AT_RISK);

	/* Not judged (no ดำ/แดง schools): pending while running, at risk after. */
	target(&pt, &t, "school-coverage", 1, 100, 1);
	rate(&t, 0, 0);
	fix_init(&f, 2015, 2, 1);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_IN_PROGRESS);
	fix_init(&f, 2015, 5, 1);
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_AT_RISK);
}

/* The whole pack, to read what 5.1 says: each reason carries the figures,
 * formatted by the config (thousands separators, Thai digits). */
static const char *
list_after(Doc *d, const char *heading_number, int nth_list, size_t item)
{
	int in = 0, lists = 0;
	for (DocBlock *b = d->first; b; b = b->next) {
		if (b->kind == DOC_HEADING)
			in = b->u.heading.number && !strcmp(b->u.heading.number, heading_number);
		if (!in || b->kind != DOC_LIST || lists++ != nth_list)
			continue;
		DocItem *it = b->u.list.first;
		for (size_t k = 0; it && k < item; k++)
			it = it->next;
		return it ? doc_text_string(d, &it->text) : NULL;
	}
	return NULL;
}

/* The nth paragraph after a numbered heading (before the next heading). */
static const char *
para_after(Doc *d, const char *heading_number, int nth)
{
	int in = 0, n = 0;
	for (DocBlock *b = d->first; b; b = b->next) {
		if (b->kind == DOC_HEADING)
			in = b->u.heading.number && !strcmp(b->u.heading.number, heading_number);
		if (in && b->kind == DOC_PARA && n++ == nth)
			return doc_text_string(d, &b->u.para.text);
	}
	return NULL;
}

/* The value of the label under the heading numbered heading_number. */
static const char *
label_after(Doc *d, const char *heading_number, const char *label)
{
	int in = 0;
	for (DocBlock *b = d->first; b; b = b->next) {
		if (b->kind == DOC_HEADING)
			in = b->u.heading.number && !strcmp(b->u.heading.number, heading_number);
		if (!in || b->kind != DOC_LABELS)
			continue;
		for (DocLabel *l = b->u.labels.first; l; l = l->next)
			if (!strcmp(doc_text_string(d, &l->label), label))
				return doc_text_string(d, &l->value);
	}
	return NULL;
}

/* The number of the heading titled title ("5.3"), or "" when absent: the
 * items of agenda 5 are numbered in order, one per target at risk. */
static const char *
numbered(Doc *d, const char *title)
{
	for (DocBlock *b = d->first; b; b = b->next)
		if (b->kind == DOC_HEADING && b->u.heading.number &&
		    !strcmp(doc_text_string(d, &b->u.heading.text), title))
			return b->u.heading.number;
	return "";
}

#define BUDGET(d) numbered(d, "การถัวจ่ายงบประมาณระหว่างกิจกรรม")
#define AGENDA5 "ระเบียบวาระที่ 5"

static Doc *pack_after(Arena *a, Fix *f, TargetResult *targets, size_t n, int thai_digits, const Results *prev,
	const Meeting *previous);

static Doc *
pack(Arena *a, Fix *f, TargetResult *targets, size_t n, int thai_digits)
{
	return pack_after(a, f, targets, n, thai_digits, NULL, NULL);
}

/* The pack of meeting 3/2558; prev and previous: the results as of the
 * meeting before and that meeting (NULL: the first of the year). */
static Doc *
pack_after(Arena *a, Fix *f, TargetResult *targets, size_t n, int thai_digits, const Results *prev,
    const Meeting *previous)
{
	static Meeting mt;
	memset(&mt, 0, sizeof(mt));
	mt.kind = &committee_kind;
	mt.seq = "3/2558";
	mt.seq_no = 3;
	mt.date = f->r.as_of;
	mt.title = mt.minutes_ref = mt.resolutions = mt.id = mt.venue = "";
	mt.start_min = mt.end_min = -1;
	Model m;
	memset(&m, 0, sizeof(m));
	m.plan = &f->plan;
	m.fiscal_year = 2558;
	f->r.targets = targets;
	f->r.ntargets = n;
	Settings *s = settings_defaults();
	s->thai_digits = thai_digits;
	Doc *d = committee_compose(a, &(ReportInput){ .model = &m, .results = &f->r, .before = prev, .meeting = &mt,
	    .previous = previous, .settings = s });
	settings_free(s);
	return d;
}

TEST(committee_pack_says_why_with_the_figures)
{
	Fix f;
	fix_init(&f, 2015, 2, 28);
	PlanTarget pt[3];
	TargetResult t[3];
	target(&pt[0], &t[0], "event-count", 1, 2400, 0);
	pt[0].id = "3.1.1";
	count(&t[0], 1000);                     /* 2400 x 59/120 = 1180 due */
	target(&pt[1], &t[1], "event-held", 9, 1, 0);
	pt[1].id = "3.1.11";
	count(&t[1], 0);
	target(&pt[2], &t[2], "satisfied-percent", 0, 80, 1);
	pt[2].id = "3.2.2";
	rate(&t[2], 0, 0);
	t[2].gap = GAP_NO_SCHOOL_ANSWERED;

	Arena *a = arena_new();
	Doc *d = pack(a, &f, t, 3, 0);
	CHECK_STR(label_after(d, "5.1", "ความเป็นมา"), "ผลสะสม 1,000 ครั้ง ต่ำกว่าที่ควรได้ ณ วันประชุม "
	    "1,180 ครั้ง (ค่าเป้าหมาย 2,400 ครั้ง ในช่วง ม.ค. – เม.ย. 2558 ผ่านไปแล้ว 59 จาก 120 วัน)");
	CHECK(strstr(label_after(d, "5.1", "ประเด็นเสนอเพื่อพิจารณา"), "ที่ประชุมพิจารณา") != NULL);
	CHECK_STR(BUDGET(d), "5.2");      /* one target at risk; every school visited: no item */
	CHECK_STR(list_after(d, "4.4", 0, 0), "ข้อ 3.1.11 ยังไม่ถึงช่วงดำเนินการ (ช่วงดำเนินการ กันยายน 2558)");
	CHECK_STR(list_after(d, "4.4", 0, 1), "ข้อ 3.2.2 อยู่ระหว่างดำเนินการ (ช่วงวัดผล ตลอดปีงบประมาณ 2558) "
	    "ยังไม่มีโรงเรียนตอบแบบสำรวจ");

	d = pack(a, &f, t, 1, 1);
	CHECK_STR(label_after(d, "๕.๑", "ความเป็นมา"), "ผลสะสม ๑,๐๐๐ ครั้ง ต่ำกว่าที่ควรได้ ณ วันประชุม "
	    "๑,๑๘๐ ครั้ง (ค่าเป้าหมาย ๒,๔๐๐ ครั้ง ในช่วง ม.ค. – เม.ย. ๒๕๕๘ ผ่านไปแล้ว ๕๙ จาก ๑๒๐ วัน)");

	/* Nothing at risk: one line says so. */
	count(&t[0], 1180);
	d = pack(a, &f, t, 1, 0);
	CHECK_STR(para_after(d, AGENDA5, 0), "ไม่มีเป้าหมายที่มีความเสี่ยงไม่บรรลุ เป้าหมายที่ถึงช่วงดำเนินการแล้วเป็นไปตามแผน");

	/* A rate after its window, and one running on those measured. */
	fix_init(&f, 2015, 9, 30);
	target(&pt[0], &t[0], "satisfied-percent", 12, 80, 1);
	pt[0].id = "3.2.2";
	rate(&t[0], 7, 10);
	d = pack(a, &f, t, 1, 0);
	CHECK_STR(label_after(d, "5.1", "ความเป็นมา"), "สิ้นสุดช่วงวัดผล (ส.ค. – ก.ย. 2558) แล้ว "
	    "ผล ร้อยละ 70.00 ยังไม่ถึงค่าเป้าหมาย ร้อยละ 80 พึงพอใจ 7 จาก 10 โรงเรียนที่ตอบ (เกณฑ์ค่าเฉลี่ย 3.51)");
	fix_init(&f, 2015, 8, 31);
	d = pack(a, &f, t, 1, 0);
	CHECK_STR(label_after(d, "5.1", "ความเป็นมา"), "ผลเท่าที่วัดได้ถึงวันประชุม ร้อยละ 70.00 "
	    "(พึงพอใจ 7 จาก 10 โรงเรียนที่ตอบแบบสำรวจแล้ว) ต่ำกว่าค่าเป้าหมาย ร้อยละ 80 (ช่วงวัดผล ส.ค. – ก.ย. 2558)");
	arena_free(a);
}

/* The text of cell col of body row `row` (0 = the first body row; -1 = the
 * header) of the nth table after a numbered heading. */
static const char *
cell_after(Doc *d, const char *heading_number, int nth_table, int row, int col)
{
	int in = 0, tables = 0;
	for (DocBlock *b = d->first; b; b = b->next) {
		if (b->kind == DOC_HEADING)
			in = b->u.heading.number && !strcmp(b->u.heading.number, heading_number);
		if (!in || b->kind != DOC_TABLE || tables++ != nth_table)
			continue;
		int body = -1;
		for (DocRow *r = b->u.table.first; r; r = r->next) {
			int k = r->kind == DOC_ROW_HEADER ? -1 : body++ + 1;
			if (r->kind != DOC_ROW_HEADER && k != row)
				continue;
			if (r->kind == DOC_ROW_HEADER && row != -1)
				continue;
			DocCell *c = r->first;
			for (int j = 0; c && j < col; j++)
				c = c->next;
			return c ? doc_text_string(d, &c->text) : NULL;
		}
		return NULL;
	}
	return NULL;
}



static int
doc_has(Doc *d, const char *needle)
{
	for (DocBlock *b = d->first; b; b = b->next) {
		const DocText *t = b->kind == DOC_PARA ? &b->u.para.text : NULL;
		if (t && strstr(doc_text_string(d, t), needle))
			return 1;
		if (b->kind == DOC_LIST)
			for (DocItem *it = b->u.list.first; it; it = it->next)
				if (strstr(doc_text_string(d, &it->text), needle))
					return 1;
	}
	return 0;
}

/* 5.3: an activity given nothing did not "overspend by 0 baht"; and every
 * amount is printed the one way (satang shown). */
TEST(committee_budget_moves_zero_allocation_and_one_money_format)
{
	Fix f;
	fix_init(&f, 2015, 9, 24);
	BudgetLine lines[3];
	memset(lines, 0, sizeof(lines));
	lines[0] = (BudgetLine){ .activity = 1, .approved = 0, .spent = 3310000, .moved_in = 3310000 };
	lines[1] = (BudgetLine){ .activity = 2, .approved = 2000000, .spent = 2385000, .moved_in = 385000 };
	lines[2] = (BudgetLine){ .activity = 3, .approved = 10000000, .spent = 6000050, .moved_out = 3999950 };
	f.r.budget.lines = lines;
	f.r.budget.nlines = 3;
	f.r.budget.approved_total = 50000000;
	f.r.budget.spent = 3310000 + 2385000 + 6000050;

	Arena *a = arena_new();
	Doc *d = pack(a, &f, NULL, 0, 0);
	CHECK_STR(list_after(d, BUDGET(d), 0, 0), "กิจกรรมที่ 1 ไม่ได้รับจัดสรรงบประมาณ ใช้จ่ายจริง 33,100.00 บาท "
	    "โดยถัวจ่ายจากงบประมาณของกิจกรรมอื่น");
	CHECK_STR(list_after(d, BUDGET(d), 0, 1), "กิจกรรมที่ 2 ได้รับงบประมาณ 20,000.00 บาท ใช้จ่ายจริง 23,850.00 บาท "
	    "เกินงบประมาณที่ได้รับ 3,850.00 บาท โดยถัวจ่ายจากงบประมาณของกิจกรรมอื่น");
	CHECK(list_after(d, BUDGET(d), 0, 2) == NULL);     /* activity 3 spent less */
	CHECK(!doc_has(d, "เกินงบประมาณที่ได้รับ 0"));
	CHECK_STR(para_after(d, BUDGET(d), 0), "รวมถัวจ่าย 36,950.00 บาท จากงบประมาณที่ยังไม่ได้ใช้ของกิจกรรมอื่นรวม "
	    "39,999.50 บาท การใช้จ่ายรวมของโครงการ 116,950.50 บาท ไม่เกินงบประมาณโครงการ 500,000.00 บาท "
	    "จึงถัวจ่ายได้ตามหมายเหตุของโครงการ “ขอถัวจ่ายทุกรายการ”");

	/* Thai digits reach every amount. */
	d = pack(a, &f, NULL, 0, 1);
	CHECK_STR(list_after(d, BUDGET(d), 0, 0), "กิจกรรมที่ ๑ ไม่ได้รับจัดสรรงบประมาณ ใช้จ่ายจริง ๓๓,๑๐๐.๐๐ บาท "
	    "โดยถัวจ่ายจากงบประมาณของกิจกรรมอื่น");

	/* Over the project total: the one hard limit, said with the amounts. */
	f.r.budget.approved_total = 10000000;
	f.r.budget.over_total = 1;
	d = pack(a, &f, NULL, 0, 0);
	CHECK_STR(para_after(d, BUDGET(d), 0), "รวมถัวจ่าย 36,950.00 บาท แต่การใช้จ่ายรวมของโครงการ 116,950.50 บาท "
	    "เกินงบประมาณโครงการ 100,000.00 บาท อยู่ 16,950.50 บาท ซึ่งถัวจ่ายไม่ได้ ต้องพิจารณาแก้ไข");

	/* Nobody over: one line, no summary. */
	f.r.budget.over_total = 0;
	f.r.budget.nlines = 0;
	d = pack(a, &f, NULL, 0, 0);
	CHECK_STR(list_after(d, BUDGET(d), 0, 0), "ไม่มีกิจกรรมที่ใช้จ่ายเกินงบประมาณที่ได้รับ");
	CHECK(para_after(d, BUDGET(d), 0) == NULL || strstr(para_after(d, BUDGET(d), 0), "รวมถัวจ่าย") == NULL);
	arena_free(a);
}

/* 3.2.1 mid-year: Table 2 shows the share of all schools, 5.1 judges those
 * evaluated; the bullet names both, each with its denominator. */
TEST(committee_eval_pass_names_both_figures)
{
	Fix f;
	fix_init(&f, 2015, 6, 25);
	PlanTarget pt;
	TargetResult t;
	target(&pt, &t, "eval-pass-percent", 3, 100, 1);
	pt.id = "3.2.1";
	rate(&t, 107, 117);
	t.min_level = 3;                   /* the pass level measure applied */
	f.r.eval.evaluated = 113;
	t.measured = 113;
	Arena *a = arena_new();
	Doc *d = pack(a, &f, &t, 1, 0);
	CHECK_STR(cell_after(d, "4.2", 0, 0, 3), "ร้อยละ 91.45");
	CHECK_STR(label_after(d, "5.1", "ความเป็นมา"), "ผลสะสม ร้อยละ 91.45 ของโรงเรียนทั้งหมด "
	    "(ผ่านเกณฑ์ระดับดีขึ้นไป 107 จาก 117 โรงเรียน ยังไม่ได้รับการประเมิน 4 โรงเรียน) "
	    "ในจำนวนที่ได้รับการประเมินแล้ว 113 โรงเรียน ผ่านเกณฑ์ร้อยละ 94.69 ซึ่งยังต่ำกว่าค่าเป้าหมาย ร้อยละ 100 "
	    "(ช่วงวัดผล ต.ค. 57 – ก.ย. 58)");

	/* Every school evaluated: one figure, the table's. */
	rate(&t, 110, 117);
	f.r.eval.evaluated = 117;
	t.measured = 117;
	d = pack(a, &f, &t, 1, 0);
	CHECK_STR(label_after(d, "5.1", "ความเป็นมา"), "ผลเท่าที่วัดได้ถึงวันประชุม ร้อยละ 94.02 "
	    "(ผ่านเกณฑ์ระดับดีขึ้นไป 110 จาก 117 โรงเรียนที่ได้รับการประเมินแล้ว) ต่ำกว่าค่าเป้าหมาย ร้อยละ 100 "
	    "(ช่วงวัดผล ต.ค. 57 – ก.ย. 58)");
	CHECK_STR(cell_after(d, "4.2", 0, 0, 3), "ร้อยละ 94.02");
	arena_free(a);
}

/* Table 1: a session held for a network or a group names no school; "-*"
 * and the footnote, not "0". Table 2: values with their units, and the
 * previous meeting named in the header. */
TEST(committee_progress_tables_say_what_their_numbers_are)
{
	Fix f;
	fix_init(&f, 2015, 6, 25);
	ActivityResults acts[3], before[3];
	memset(acts, 0, sizeof(acts));
	acts[0] = (ActivityResults){ .plan = &f.acts[0], .events = 4, .schools_reached = 0 };
	acts[1] = (ActivityResults){ .plan = &f.acts[1], .events = 9, .schools_reached = 7 };
	acts[2] = (ActivityResults){ .plan = &f.acts[2], .events = 0, .schools_reached = 0 };
	memcpy(before, acts, sizeof(acts));
	before[0].events = 1;
	f.r.activities = acts;
	f.r.nactivities = 3;
	PlanTarget pt[2];
	TargetResult t[2], pt_before[2];
	target(&pt[0], &t[0], "event-count", 1, 6, 0);
	count(&t[0], 5);
	target(&pt[1], &t[1], "school-coverage", 3, 100, 1);
	pt[1].id = "3.1.7";
	rate(&t[1], 114, 117);
	memcpy(pt_before, t, sizeof(t));
	count(&pt_before[0], 4);
	rate(&pt_before[1], 68, 117);
	Results prev = f.r;
	prev.activities = before;
	prev.targets = pt_before;
	prev.ntargets = 2;
	Meeting previous;
	memset(&previous, 0, sizeof(previous));
	previous.kind = &committee_kind;
	previous.seq = "";                     /* blank: numbered from seq_no and the date */
	previous.seq_no = 2;
	previous.date = (CalDate){ 2015, 3, 26 };
	previous.title = previous.minutes_ref = previous.resolutions = previous.id = "";

	Arena *a = arena_new();
	Doc *d = pack_after(a, &f, t, 2, 0, &prev, &previous);
	CHECK_STR(cell_after(d, "4.1", 0, 0, 2), "3");      /* since the last meeting */
	CHECK_STR(cell_after(d, "4.1", 0, 0, 4), "-*");
	CHECK_STR(cell_after(d, "4.1", 0, 1, 4), "7");
	CHECK_STR(cell_after(d, "4.1", 0, 2, 4), "0");      /* nothing held: a plain 0 */
	CHECK_STR(para_after(d, "4.1", 1), "* ข้อมูลของกิจกรรมไม่ได้ระบุรายโรงเรียน (ดำเนินการกับเครือข่ายหรือกับกลุ่มบุคลากร)");
	CHECK_STR(cell_after(d, "4.2", 0, -1, 4), "ณ การประชุมครั้งก่อน (2/2558)");
	CHECK_STR(cell_after(d, "4.2", 0, 0, 3), "5 ครั้ง");
	CHECK_STR(cell_after(d, "4.2", 0, 0, 4), "4 ครั้ง");
	CHECK_STR(cell_after(d, "4.2", 0, 1, 3), "ร้อยละ 97.44");
	CHECK_STR(cell_after(d, "4.2", 0, 1, 4), "ร้อยละ 58.12");

	CHECK_STR(cell_after(d, "4.1", 0, -1, 2), "หลังการประชุมครั้งที่ 2/2558 (ครั้ง)");

	/* Every activity named its schools: no footnote. The first meeting of
	 * the year has no columns to compare with. */
	acts[0].schools_reached = 3;
	d = pack(a, &f, t, 2, 0);
	CHECK_STR(cell_after(d, "4.1", 0, -1, 2), "สะสม (ครั้ง)");
	CHECK_STR(cell_after(d, "4.1", 0, 0, 3), "3");
	CHECK(!doc_has(d, "* จัดเป็นรายเครือข่าย"));
	CHECK_STR(cell_after(d, "4.2", 0, -1, 3), "ผลสะสม ณ วันประชุม");
	CHECK(cell_after(d, "4.2", 0, -1, 4) == NULL);
	arena_free(a);
}

/* ---- the per-school report ---------------------------------------------- */

/* Three active schools under the bundled plan: A แดง (visited by activities
 * 2 and 3, evaluated ดีมาก, satisfied, half its staff at สวัสดีคุณครู), B
 * เขียว (not visited, evaluated พอใช้), C ดำ (not evaluated, unsatisfied). */
typedef struct SchoolFix {
	Arena *a;
	Settings *s;
	Model m;
	Plan *plan;                /* the loaded plan, for tests that change a target */
	School schools[3];
	Network networks[1];
	Staff staff[1];
	const Staff *team[1];
	Visit visits[8];
	Evaluation evals[2];
	Response responses[2];
	Meeting meetings[1];
	Attendance attendance[1];
	Results *r;
} SchoolFix;

static SchoolFix *
school_fix(void)
{
	SchoolFix *f = calloc(1, sizeof(*f));
	f->a = arena_new();
	f->s = settings_defaults();
	Diag *dg = diag_new(stderr);
	f->m.plan = f->plan = plan_load(f->a, "input/plan.xml", "config/plan.xsd", 64, 1 << 24, dg);
	diag_free(dg);
	CHECK(f->m.plan != NULL);
	f->m.fiscal_year = 2558;
	static const char *const code[3] = { "93020101", "93020102", "93020103" };
	static const char *const colour[3] = { "แดง", "เขียว", "ดำ" };
	for (int i = 0; i < 3; i++) {
		School *s = &f->schools[i];
		s->code = s->name = code[i];
		s->district = "กงหรา";
		s->subdistrict = i == 0 ? "คลองเฉลิม" : "";
		s->network_code = "N1";
		s->color_group = colour[i];
		s->size = s->principal = s->type = "";
		s->teachers = 9;
		s->admins = 1;
		s->active = 1;
	}
	f->m.schools = f->schools;
	f->m.nschools = 3;
	model_index_schools(&f->m, f->a);
	f->networks[0] = (Network){ "N1", "เครือข่ายกงหรา 1", "กงหรา", "", 2 };
	f->m.networks = f->networks;
	f->m.nnetworks = 1;
	f->staff[0] = (Staff){ "S01", "นางสาวตัวอย่าง ใจดี", "ศึกษานิเทศก์", "", 2 };
	f->team[0] = &f->staff[0];
	f->m.staff = f->staff;
	f->m.nstaff = 1;

	static const struct { int school, activity, m, d; } v[3] = { { 0, 2, 12, 10 }, { 0, 3, 12, 11 }, { 0, 3, 12, 12 } };
	for (int i = 0; i < 3; i++) {
		Visit *x = &f->visits[i];
		x->id = "V";
		x->school = &f->schools[v[i].school];
		x->network_code = x->topic = x->summary = x->suggestions = "";
		x->supervisors = f->team;
		x->nsupervisors = 1;
		x->activity = v[i].activity;
		x->date = (CalDate){ 2014, v[i].m, v[i].d };
		x->in_fy = 1;
	}
	f->m.visits = f->visits;
	f->m.nvisits = 3;

	/* A: 4 4 4 4 4 = 80 % ดีมาก; B: 3 3 3 3 2 = 56 % พอใช้. */
	static const int sc[2][5] = { { 4, 4, 4, 4, 4 }, { 3, 3, 3, 3, 2 } };
	for (int i = 0; i < 2; i++) {
		Evaluation *e = &f->evals[i];
		e->school = &f->schools[i];
		e->round = 1;
		e->date = (CalDate){ 2015, 2, 18 };
		e->evaluator = "S01";
		memcpy(e->scores, sc[i], sizeof(sc[i]));
		e->nscores = 5;
		e->in_fy = 1;
	}
	f->m.evaluations = f->evals;
	f->m.nevaluations = 2;

	/* A answers 4 and 5 (4.50, satisfied); C answers 2 and 2. */
	f->m.survey.items[0] = "1. การวางแผนการนิเทศ";
	f->m.survey.items[1] = "2. ประโยชน์ที่ได้รับ";
	f->m.survey.nitems = 2;
	for (int i = 0; i < 2; i++) {
		Response *rs = &f->responses[i];
		rs->timestamp.date = (CalDate){ 2015, 9, 14 };
		rs->email = rs->role = rs->comment = "";
		rs->school = &f->schools[i == 0 ? 0 : 2];
		rs->answers[0] = (signed char)(i == 0 ? 4 : 2);
		rs->answers[1] = (signed char)(i == 0 ? 5 : 2);
		rs->in_fy = 1;
	}
	f->m.survey.responses = f->responses;
	f->m.survey.nresponses = 2;

	/* สวัสดีคุณครู: 5 of A's 10 administrators and teachers. */
	Meeting *mt = &f->meetings[0];
	mt->id = "G1";
	mt->kind = plan_event_kind(f->plan, "สวัสดีคุณครู");
	mt->activity = 1;
	mt->seq = mt->title = mt->minutes_ref = mt->resolutions = "";
	mt->date = (CalDate){ 2014, 10, 20 };
	mt->in_fy = 1;
	f->m.meetings = f->meetings;
	f->m.nmeetings = 1;
	f->attendance[0] = (Attendance){ mt, &f->schools[0], 4, 1, 2 };
	f->m.attendance = f->attendance;
	f->m.nattendance = 1;

	model_index_rows(&f->m, f->a);
	f->r = measure_run(&f->m, f->s, cal_fy_last(2558), f->a);
	return f;
}

static void
school_fix_free(SchoolFix *f)
{
	settings_free(f->s);
	arena_free(f->a);
	free(f);
}

/* What section 5 of a school's report says of target id: the third cell
 * of the row whose first cell is id in the table under heading 5, or NULL
 * when the target is not listed. */
static const char *
standing_of(Doc *d, const char *id)
{
	int in = 0;
	for (DocBlock *b = d->first; b; b = b->next) {
		if (b->kind == DOC_HEADING)
			in = b->u.heading.number && !strcmp(b->u.heading.number, "5");
		if (!in || b->kind != DOC_TABLE)
			continue;
		for (DocRow *r = b->u.table.first; r; r = r->next) {
			if (r->kind != DOC_ROW_BODY || r->ncells < 3)
				continue;
			if (!strcmp(doc_text_string(d, &r->first->text), id))
				return doc_text_string(d, &r->first->next->next->text);
		}
	}
	return NULL;
}

static const char *
label_value(Doc *d, const char *label)
{
	for (DocBlock *b = d->first; b; b = b->next)
		if (b->kind == DOC_LABELS)
			for (DocLabel *l = b->u.labels.first; l; l = l->next)
				if (!strcmp(doc_text_string(d, &l->label), label))
					return doc_text_string(d, &l->value);
	return NULL;
}

TEST(school_standing_says_whether_and_why_the_school_counts)
{
	SchoolFix *f = school_fix();
	Arena *a = arena_new();

	Doc *d = school_compose(a, &(ReportInput){ .model = &f->m, .results = f->r, .school = &f->schools[0], .settings = f->s });
	CHECK_STR(standing_of(d, "3.1.2"), "นับแล้วบางส่วน (ผู้บริหารและครูเข้าร่วมกิจกรรมที่ 1 แล้ว 5 จาก 10 คน)");
	CHECK_STR(standing_of(d, "3.1.3"), "นับเป็นผลสำเร็จแล้ว (ได้รับการนิเทศตามกิจกรรมที่ 2 แล้ว 1 ครั้ง)");
	CHECK_STR(standing_of(d, "3.1.7"), "นับเป็นผลสำเร็จแล้ว (ได้รับการนิเทศตามกิจกรรมที่ 3 แล้ว 2 ครั้ง)");
	CHECK_STR(standing_of(d, "3.1.8"), "ยังไม่ครบเกณฑ์ (ทั้งโรงเรียนและเครือข่ายกงหรา 1 ยังไม่ได้รับการนิเทศ"
	    "ตามกิจกรรมที่ 5)");
	CHECK_STR(standing_of(d, "3.2.1"), "นับเป็นผลสำเร็จแล้ว (ผลการประเมิน ระดับ 4 (ดีมาก) "
	    "ผ่านเกณฑ์ ระดับ 3 (ดี) ขึ้นไป)");
	CHECK_STR(standing_of(d, "3.2.2"), "นับเป็นผลสำเร็จแล้ว (ค่าเฉลี่ยความพึงพอใจ 4.50 ถึงเกณฑ์ 3.51)");
	CHECK(standing_of(d, "3.1.1") == NULL);        /* counts meetings, not schools */
	CHECK_STR(label_value(d, "ตำบล / อำเภอ"), "คลองเฉลิม / กงหรา");
	/* Every round in a table: scores on their scale, the level; then the
	 * latest against the pass level, and the PIDRE steps named in Thai. */
	CHECK_STR(cell_after(d, "2", 0, -1, 2), "คะแนนรายด้าน (1–5)");
	CHECK_STR(cell_after(d, "2", 0, 0, 2), "4  4  4  4  4");
	CHECK_STR(cell_after(d, "2", 0, 0, 4), "ระดับ 4 (ดีมาก)");
	CHECK_STR(para_after(d, "2", 0), "ผลล่าสุด ระดับ 4 (ดีมาก) ผ่านเกณฑ์ ระดับ 3 (ดี) ขึ้นไป");
	CHECK_STR(para_after(d, "2", 1), "คะแนนรายด้านเรียงตามขั้นตอน: P การวางแผน, I การให้ความรู้/ชี้แจง, "
	    "D การดำเนินการนิเทศ, R การเสริมแรง, E การประเมินผล");
	/* The dates column of the visits table says what its dates are. */
	CHECK_STR(cell_after(d, "1", 0, -1, 2), "วันที่ล่าสุด");
	CHECK_STR(cell_after(d, "1", 0, 0, 2), "10 ธ.ค. 57");     /* activity 2 */
	CHECK_STR(cell_after(d, "1", 0, 1, 1), "2");              /* activity 3: two visits, */
	CHECK_STR(cell_after(d, "1", 0, 1, 2), "12 ธ.ค. 57");     /* the later one's date */

	d = school_compose(a, &(ReportInput){ .model = &f->m, .results = f->r, .school = &f->schools[1], .settings = f->s });
	CHECK_STR(standing_of(d, "3.1.2"), "ยังไม่ครบเกณฑ์ (ผู้บริหารและครูยังไม่ได้เข้าร่วมกิจกรรมที่ 1)");
	CHECK_STR(standing_of(d, "3.1.3"), "ไม่อยู่ในกลุ่มเป้าหมาย (เป้าหมายนี้สำหรับโรงเรียนกลุ่มสีดำ แดง "
	    "แต่โรงเรียนนี้อยู่กลุ่มสีเขียว)");
	CHECK_STR(standing_of(d, "3.1.7"), "ยังไม่ครบเกณฑ์ (ยังไม่ได้รับการนิเทศตามกิจกรรมที่ 3)");
	CHECK_STR(standing_of(d, "3.2.1"), "ยังไม่ครบเกณฑ์ (ผลการประเมิน ระดับ 2 (พอใช้) ต่ำกว่าเกณฑ์ ระดับ 3 (ดี) ขึ้นไป)");
	CHECK_STR(standing_of(d, "3.2.2"), "ยังไม่ครบเกณฑ์ (ยังไม่มีผู้ตอบแบบสำรวจจากโรงเรียนนี้)");
	CHECK_STR(label_value(d, "อำเภอ"), "กงหรา");    /* no ตำบล given: no empty one */
	CHECK(label_value(d, "ตำบล / อำเภอ") == NULL);

	d = school_compose(a, &(ReportInput){ .model = &f->m, .results = f->r, .school = &f->schools[2], .settings = f->s });
	CHECK_STR(standing_of(d, "3.1.3"), "ยังไม่ครบเกณฑ์ (ยังไม่ได้รับการนิเทศตามกิจกรรมที่ 2)");
	CHECK_STR(standing_of(d, "3.2.1"), "ยังไม่ครบเกณฑ์ (ยังไม่ได้รับการประเมินการนิเทศภายใน)");
	CHECK_STR(standing_of(d, "3.2.2"), "ยังไม่ครบเกณฑ์ (ค่าเฉลี่ยความพึงพอใจ 2.00 ต่ำกว่าเกณฑ์ 3.51)");

	/* A network session reaches every school of the network (3.1.8). */
	f->visits[3] = f->visits[0];
	f->visits[3].school = NULL;
	f->visits[3].network_code = "N1";
	f->visits[3].activity = 5;
	f->m.nvisits = 4;
	model_index_rows(&f->m, f->a);
	f->r = measure_run(&f->m, f->s, cal_fy_last(2558), f->a);
	d = school_compose(a, &(ReportInput){ .model = &f->m, .results = f->r, .school = &f->schools[2], .settings = f->s });
	CHECK_STR(standing_of(d, "3.1.8"), "นับเป็นผลสำเร็จแล้ว (โรงเรียนหรือเครือข่ายกงหรา 1 "
	    "ได้รับการนิเทศตามกิจกรรมที่ 5 แล้ว)");

	/* A closed school counts in no target. */
	f->schools[1].active = 0;
	f->r = measure_run(&f->m, f->s, cal_fy_last(2558), f->a);
	d = school_compose(a, &(ReportInput){ .model = &f->m, .results = f->r, .school = &f->schools[1], .settings = f->s });
	CHECK(standing_of(d, "3.1.7") == NULL);
	arena_free(a);
	school_fix_free(f);
}

/* A per-school count (activity 4 topic 4.4: 10 visits a school) names the
 * visits so far against it; activity 7 has no topics, so all its visits
 * count, as in measure. */
TEST(school_standing_per_school_visits_against_the_topic_goal)
{
	SchoolFix *f = school_fix();
	PlanTarget *pt = NULL;
	for (size_t i = 0; i < f->plan->ntargets; i++)
		if (!strcmp(f->plan->targets[i].id, "3.1.9"))
			pt = &f->plan->targets[i];
	CHECK(pt != NULL);
	if (pt == NULL) {
		school_fix_free(f);
		return;
	}
	const char *needs;
	CHECK_INT(plan_v1_compose("per-school-visits", &pt->metric, &needs), 0);
	pt->metric.activities[0] = 4;
	pt->metric.topic = "4.4";
	pt->metric.at_least = 10;
	static const struct { int activity; const char *topic; } v[4] = { { 4, "4.4" }, { 4, "4.4" }, { 4, "4.5" },
		{ 7, "" } };
	for (int i = 0; i < 4; i++) {
		Visit *x = &f->visits[3 + i];
		*x = f->visits[0];
		x->activity = v[i].activity;
		x->topic = v[i].topic;
		x->date = (CalDate){ 2015, 1, 5 + i };
	}
	f->m.nvisits = 7;
	model_index_rows(&f->m, f->a);
	f->r = measure_run(&f->m, f->s, cal_fy_last(2558), f->a);
	Arena *a = arena_new();
	Doc *d = school_compose(a, &(ReportInput){ .model = &f->m, .results = f->r, .school = &f->schools[0], .settings = f->s });
	CHECK_STR(standing_of(d, "3.1.9"), "ยังไม่ครบเกณฑ์ (ได้รับการนิเทศตามกิจกรรมที่ 4 หรือ 7 (ประเด็น 4.4) 3 ครั้ง "
	    "ยังไม่ถึงเกณฑ์ 10 ครั้ง)");
	arena_free(a);
	school_fix_free(f);
}

/* A target with nothing to measure it by is neither on track nor at risk,
 * even once its period is over. */
TEST(committee_target_without_data_is_not_judged)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 9, 30);
	target(&pt, &t, "system-quality", 0, 3, 0);
	t.no_data = 1;
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_NO_DATA);
}

/* A mean so far is judged on itself: 4.33 against a goal of 4.50 is at
 * risk mid-window, 4.60 on track; nobody measured yet is in progress. */
TEST(committee_mean_runs_on_itself)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 8, 10);
	target(&pt, &t, "satisfied-percent", 12, 4.5, 0);
	pt.metric.members = MEMBERS_RESPONDENTS;
	pt.metric.result = RESULT_MEAN;
	pt.metric.denominator = DENOMINATOR_ALL;
	t.measured = 0;
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_IN_PROGRESS);
	t.measured = 72;
	t.value = 4.33;
	t.judged = 1;
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_AT_RISK);
	t.value = 4.60;
	t.met = 1;
	CHECK_INT(measure_progress(&f.r, &t, &f.plan).status, PROGRESS_ON_TRACK);
}
