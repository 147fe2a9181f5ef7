/* test_committee.c - the ก.ต.ป.น. pack's "targets at risk" (section 5.1):
 * the decision for one target on hand-made plans and results, and the Thai
 * reasons the pack prints from it. */
#include "test.h"

#include <string.h>

#include "config/settings.h"
#include "core/arena.h"
#include "core/calendar.h"
#include "doc/doc.h"
#include "measure/results.h"
#include "model/model.h"
#include "report/committee.h"

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

/* A target and its result as measure would leave it. activity 0 = none. */
static void
target(PlanTarget *pt, TargetResult *t, MetricKind metric, int activity, double goal, int is_percent)
{
	memset(pt, 0, sizeof(*pt));
	memset(t, 0, sizeof(*t));
	pt->id = "3.1.1";
	pt->metric = metric;
	pt->params.activities[0] = activity;
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
	target(&pt, &t, METRIC_EVENT_COUNT, 1, 4, 0);
	count(&t, 0);
	CommitteeCheck ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, COMMITTEE_NOT_YET_DUE);
	CHECK_NEAR(ck.expected, 0, 1e-9);
	CHECK(ck.activity == &f.acts[0]);
	CHECK_INT(ck.total, 120);
	CHECK_INT(ck.days, 0);

	/* 28 Feb: 59 of 120 days, 4 x 59/120 = 1.97 -> 1 whole event due. */
	fix_init(&f, 2015, 2, 28);
	count(&t, 1);
	ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_INT(ck.days, 59);
	CHECK_NEAR(ck.expected, 1, 1e-9);
	CHECK_INT(ck.status, COMMITTEE_ON_TRACK);
	CHECK(!ck.is_rate && !ck.ended && !ck.whole_year);
	count(&t, 0);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_AT_RISK);

	/* 2 March: 61 days, 2.03 -> 2 due; 1 held is behind. */
	fix_init(&f, 2015, 3, 2);
	count(&t, 1);
	ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_NEAR(ck.expected, 2, 1e-9);
	CHECK_INT(ck.status, COMMITTEE_AT_RISK);

	/* After 30 April the whole goal is due. */
	fix_init(&f, 2015, 6, 1);
	count(&t, 3);
	ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, COMMITTEE_AT_RISK);
	CHECK(ck.ended);
	CHECK_NEAR(ck.expected, 4, 1e-9);
	CHECK_INT(ck.days, 120);
	count(&t, 4);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_ON_TRACK);
}

TEST(committee_coverage_is_prorated_exactly)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 2, 28);
	target(&pt, &t, METRIC_SCHOOL_COVERAGE, 1, 100, 1);
	rate(&t, 57, 117);                      /* 48.72 % */
	CommitteeCheck ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_NEAR(ck.expected, 100.0 * 59 / 120, 1e-9);   /* 49.17, not rounded down */
	CHECK_INT(ck.status, COMMITTEE_AT_RISK);
	rate(&t, 58, 117);                      /* 49.57 % */
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_ON_TRACK);
}

/* The reviewer's case: 3.1.11 (a workshop planned for September) read "at
 * risk, expected 0" at the March meeting. */
TEST(committee_one_off_event_is_due_only_when_its_period_ends)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 3, 26);
	target(&pt, &t, METRIC_EVENT_HELD, 9, 1, 0);
	count(&t, 0);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_NOT_YET_DUE);
	fix_init(&f, 2015, 9, 24);                /* within September: 0.8 -> 0 due */
	CommitteeCheck ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_NEAR(ck.expected, 0, 1e-9);
	CHECK_INT(ck.status, COMMITTEE_ON_TRACK);
	fix_init(&f, 2015, 9, 30);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_AT_RISK);
}

TEST(committee_without_activity_uses_the_fiscal_year)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 3, 31);
	target(&pt, &t, METRIC_MONTH_COVERAGE, 0, 12, 0);
	count(&t, 5);
	CommitteeCheck ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK(ck.whole_year);
	CHECK(ck.activity == NULL);
	CHECK_INT(ck.total, 365);
	CHECK_INT(ck.days, 182);
	CHECK_NEAR(ck.expected, 5, 1e-9);        /* 12 x 182/365 = 5.98 */
	CHECK_INT(ck.status, COMMITTEE_ON_TRACK);
	/* An activity number the plan does not have counts as none. */
	pt.params.activities[0] = 7;
	CHECK(committee_check_target(&f.r, &t, &f.plan).whole_year);
}

TEST(committee_several_activities_span_their_periods)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 3, 1);
	target(&pt, &t, METRIC_EVENT_COUNT, 1, 2, 0);
	pt.params.activities[1] = 9;
	count(&t, 0);
	CommitteeCheck ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK(ck.activity == NULL && !ck.whole_year);
	CHECK_INT(cal_compare(ck.from, (CalDate){ 2015, 1, 1 }), 0);
	CHECK_INT(cal_compare(ck.to, (CalDate){ 2015, 9, 30 }), 0);
	CHECK_INT(ck.total, 273);
	CHECK_INT(ck.status, COMMITTEE_ON_TRACK);  /* 2 x 59/273 -> 0 due */
}

TEST(committee_rate_before_during_after_its_window)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;

	/* Satisfaction surveyed in August-September; goal 80 %. */
	fix_init(&f, 2015, 3, 26);
	target(&pt, &t, METRIC_SATISFIED_PERCENT, 12, 80, 1);
	rate(&t, 0, 0);
	CommitteeCheck ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, COMMITTEE_NOT_YET_DUE);
	CHECK(ck.is_rate);

	/* In the window, nobody has answered yet. */
	fix_init(&f, 2015, 8, 10);
	ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, COMMITTEE_IN_PROGRESS);
	CHECK_NEAR(ck.expected, 80, 1e-9);       /* a rate is never pro-rated */

	/* In the window with answers: judged on those measured so far. */
	rate(&t, 6, 10);
	ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, COMMITTEE_AT_RISK);
	CHECK_INT(ck.num, 6);
	CHECK_INT(ck.den, 10);
	rate(&t, 8, 10);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_ON_TRACK);

	/* Window over, below the goal; and over with no answers at all. */
	fix_init(&f, 2015, 9, 30);
	rate(&t, 7, 10);
	ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, COMMITTEE_AT_RISK);
	CHECK(ck.ended);
	rate(&t, 0, 0);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_AT_RISK);
	rate(&t, 9, 10);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_ON_TRACK);
}

/* 3.2.1 counts schools not yet evaluated as failing: mid-year its headline
 * is low by construction, so the running test uses those evaluated. */
TEST(committee_eval_pass_runs_on_the_schools_evaluated)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 1, 29);
	target(&pt, &t, METRIC_EVAL_PASS_PERCENT, 3, 100, 1);
	rate(&t, 17, 117);
	f.r.eval.evaluated = 17;
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_ON_TRACK);
	f.r.eval.evaluated = 22;                 /* 5 evaluated schools failed */
	CommitteeCheck ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, COMMITTEE_AT_RISK);
	CHECK_INT(ck.num, 17);
	CHECK_INT(ck.den, 22);
	f.r.eval.evaluated = 0;
	rate(&t, 0, 117);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_IN_PROGRESS);
	/* A rate without a running figure waits for the end of its period. */
	pt.metric = METRIC_PRACTICE_PERCENT;
	rate(&t, 10, 117);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_IN_PROGRESS);
}

TEST(committee_goal_zero_or_none)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	fix_init(&f, 2015, 3, 26);
	target(&pt, &t, METRIC_EVENT_COUNT, 3, 0, 0);
	count(&t, 0);
	CommitteeCheck ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_INT(ck.status, COMMITTEE_ON_TRACK);
	CHECK_NEAR(ck.expected, 0, 1e-9);
	target(&pt, &t, METRIC_SATISFIED_PERCENT, 0, 0, 1);
	fix_init(&f, 2015, 9, 30);
	rate(&t, 0, 10);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_ON_TRACK);

	/* No goal (6.4): never at risk, and not listed as pending either. */
	target(&pt, &t, METRIC_PRACTICE_PERCENT, 0, 0, 1);
	pt.has_goal = 0;
	rate(&t, 0, 117);
	t.judged = 0;
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_NO_GOAL);
	fix_init(&f, 2015, 3, 26);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_NO_GOAL);
}

TEST(committee_due_so_far_and_unmet_conditions)
{
	Fix f;
	PlanTarget pt;
	TargetResult t;
	/* KM every Tuesday: the value is already a share of the Tuesdays due. */
	fix_init(&f, 2015, 1, 29);
	target(&pt, &t, METRIC_WEEKDAY_COVERAGE, 3, 100, 1);
	rate(&t, 16, 17);
	CommitteeCheck ck = committee_check_target(&f.r, &t, &f.plan);
	CHECK_NEAR(ck.expected, 100, 1e-9);
	CHECK_INT(ck.status, COMMITTEE_AT_RISK);
	CHECK(!ck.is_rate);
	rate(&t, 17, 17);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_ON_TRACK);

	/* Six meetings held but a two-month window missed: unmet, at risk. */
	target(&pt, &t, METRIC_EVENT_WINDOWS, 3, 6, 0);
	count(&t, 6);
	t.met = 0;
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_AT_RISK);

	/* Not judged (no ดำ/แดง schools): pending while running, at risk after. */
	target(&pt, &t, METRIC_SCHOOL_COVERAGE, 1, 100, 1);
	rate(&t, 0, 0);
	fix_init(&f, 2015, 2, 1);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_IN_PROGRESS);
	fix_init(&f, 2015, 5, 1);
	CHECK_INT(committee_check_target(&f.r, &t, &f.plan).status, COMMITTEE_AT_RISK);
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

static Doc *
pack(Arena *a, Fix *f, TargetResult *targets, size_t n, int thai_digits)
{
	static Meeting mt;
	memset(&mt, 0, sizeof(mt));
	mt.type = MEETING_COMMITTEE;
	mt.seq = "3/2558";
	mt.seq_no = 3;
	mt.date = f->r.as_of;
	mt.title = mt.minutes_ref = mt.resolutions = mt.id = "";
	Model m;
	memset(&m, 0, sizeof(m));
	m.plan = &f->plan;
	m.fiscal_year = 2558;
	f->r.targets = targets;
	f->r.ntargets = n;
	Settings *s = settings_defaults();
	s->thai_digits = thai_digits;
	Doc *d = committee_compose(a, &m, &f->r, NULL, &mt, NULL, s);
	settings_free(s);
	return d;
}

TEST(committee_pack_says_why_with_the_figures)
{
	Fix f;
	fix_init(&f, 2015, 2, 28);
	PlanTarget pt[3];
	TargetResult t[3];
	target(&pt[0], &t[0], METRIC_EVENT_COUNT, 1, 2400, 0);
	pt[0].id = "3.1.1";
	count(&t[0], 1000);                     /* 2400 x 59/120 = 1180 due */
	target(&pt[1], &t[1], METRIC_EVENT_HELD, 9, 1, 0);
	pt[1].id = "3.1.11";
	count(&t[1], 0);
	target(&pt[2], &t[2], METRIC_SATISFIED_PERCENT, 0, 80, 1);
	pt[2].id = "3.2.2";
	rate(&t[2], 0, 0);
	t[2].note = "ยังไม่มีโรงเรียนตอบแบบสำรวจ";

	Arena *a = arena_new();
	Doc *d = pack(a, &f, t, 3, 0);
	CHECK_STR(list_after(d, "5.1", 0, 0), "3.1.1 เป้าหมาย: ผลสะสม 1,000 ครั้ง ต่ำกว่าที่ควรได้ ณ วันประชุม "
	    "1,180 ครั้ง (ค่าเป้าหมาย 2,400 ครั้ง ในช่วง ม.ค. – เม.ย. 2558 ผ่านไปแล้ว 59 จาก 120 วัน)");
	CHECK(list_after(d, "5.1", 0, 1) == NULL);
	CHECK_STR(list_after(d, "5.1", 1, 0), "3.1.11 ยังไม่ถึงช่วงดำเนินการ (ช่วงดำเนินการ กันยายน 2558)");
	CHECK_STR(list_after(d, "5.1", 1, 1), "3.2.2 อยู่ระหว่างดำเนินการ (ช่วงวัดผล ตลอดปีงบประมาณ 2558) "
	    "- ยังไม่มีโรงเรียนตอบแบบสำรวจ");

	d = pack(a, &f, t, 1, 1);
	CHECK_STR(list_after(d, "5.1", 0, 0), "๓.๑.๑ เป้าหมาย: ผลสะสม ๑,๐๐๐ ครั้ง ต่ำกว่าที่ควรได้ ณ วันประชุม "
	    "๑,๑๘๐ ครั้ง (ค่าเป้าหมาย ๒,๔๐๐ ครั้ง ในช่วง ม.ค. – เม.ย. ๒๕๕๘ ผ่านไปแล้ว ๕๙ จาก ๑๒๐ วัน)");

	/* Nothing at risk: one line says so. */
	count(&t[0], 1180);
	d = pack(a, &f, t, 1, 0);
	CHECK_STR(list_after(d, "5.1", 0, 0), "ไม่มี เป้าหมายที่ถึงช่วงดำเนินการแล้วเป็นไปตามแผน");

	/* A rate after its window, and one running on those measured. */
	fix_init(&f, 2015, 9, 30);
	target(&pt[0], &t[0], METRIC_SATISFIED_PERCENT, 12, 80, 1);
	pt[0].id = "3.2.2";
	rate(&t[0], 7, 10);
	d = pack(a, &f, t, 1, 0);
	CHECK_STR(list_after(d, "5.1", 0, 0), "3.2.2 เป้าหมาย: สิ้นสุดช่วงวัดผล (ส.ค. – ก.ย. 2558) แล้ว "
	    "ผล ร้อยละ 70.00 ยังไม่ถึงค่าเป้าหมาย ร้อยละ 80");
	fix_init(&f, 2015, 8, 31);
	d = pack(a, &f, t, 1, 0);
	CHECK_STR(list_after(d, "5.1", 0, 0), "3.2.2 เป้าหมาย: ผลเท่าที่วัดได้ถึงวันประชุม ร้อยละ 70.00 "
	    "(7 จาก 10 โรงเรียนที่วัดผลแล้ว) ต่ำกว่าค่าเป้าหมาย ร้อยละ 80 (ช่วงวัดผล ส.ค. – ก.ย. 2558)");
	arena_free(a);
}
