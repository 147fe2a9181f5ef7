/* test_measure.c - every metric against hand-computed figures.
 *
 * The plan is the bundled input/plan.xml (so its metric parameters are the
 * ones under test); everything else is a small model built here: five active
 * schools and one closed. */
#include "test.h"

#include <stdlib.h>

#include "config/settings.h"
#include "core/arena.h"
#include "core/calendar.h"
#include "load/plan.h"
#include "measure/results.h"
#include "model/model.h"
#include "report/compose.h"

typedef struct Fixture {
	Arena *a;
	Settings *s;
	Model m;
	School schools[6];
	Network networks[2];
	Staff staff[2];
	Visit visits[64];
	Meeting meetings[80];
	Evaluation evals[8];
	Response responses[8];
	Spending spending[8];
	Practice practices[4];
	const Staff *team_s01[1], *team_both[2];
} Fixture;

static CalDate
D(int y, int m, int d)
{
	CalDate c = { y, m, d };
	return c;
}

static Fixture *
fixture_with(const char *plan)
{
	Fixture *f = calloc(1, sizeof(*f));
	f->a = arena_new();
	f->s = settings_defaults();
	Diag *d = diag_new(stderr);
	f->m.plan = plan_load(f->a, plan, "config/plan.xsd", 64, 1 << 24, d);
	diag_free(d);
	CHECK(f->m.plan != NULL);
	f->m.fiscal_year = 2558;
	/* code, name, district, subdistrict, network, colour, size, principal,
	 * students, teachers, admins, active */
	static const struct { const char *code, *district, *net, *colour; int teachers, admins, active; } rows[6] = {
		{ "93010001", "กงหรา", "N1", "แดง", 9, 1, 1 },
		{ "93010002", "กงหรา", "N1", "ดำ", 4, 1, 1 },
		{ "93010003", "ตะโหมด", "N1", "เขียว", 6, 1, 1 },
		{ "93010004", "ตะโหมด", "N2", "เหลือง", 8, 2, 1 },
		{ "93010005", "ตะโหมด", "N2", "เขียว", 5, 1, 1 },
		{ "93010006", "ตะโหมด", "N2", "", 3, 1, 0 },  /* closed: out of |S| */
	};
	for (int i = 0; i < 6; i++) {
		School *s = &f->schools[i];
		s->code = rows[i].code;
		s->name = rows[i].code;
		s->district = rows[i].district;
		s->subdistrict = s->principal = s->size = s->type = "";
		s->network_code = rows[i].net;
		s->color_group = rows[i].colour;
		s->teachers = rows[i].teachers;
		s->admins = rows[i].admins;
		s->active = rows[i].active;
		s->line = i + 2;
	}
	f->m.schools = f->schools;
	f->m.nschools = 6;
	model_index_schools(&f->m, f->a);
	f->networks[0] = (Network){ "N1", "เครือข่าย 1", "กงหรา", "", 2 };
	f->networks[1] = (Network){ "N2", "เครือข่าย 2", "ตะโหมด", "", 3 };
	f->m.networks = f->networks;
	f->m.nnetworks = 2;
	f->staff[0] = (Staff){ "S01", "ก", "ศึกษานิเทศก์", "", 2 };
	f->staff[1] = (Staff){ "S02", "ข", "ศึกษานิเทศก์", "", 3 };
	f->m.staff = f->staff;
	f->m.nstaff = 2;
	f->team_s01[0] = &f->staff[0];
	f->team_both[0] = &f->staff[0];
	f->team_both[1] = &f->staff[1];
	f->m.visits = f->visits;
	f->m.meetings = f->meetings;
	f->m.evaluations = f->evals;
	f->m.survey.responses = f->responses;
	f->m.spending = f->spending;
	f->m.practices = f->practices;
	return f;
}

/* The sentence the reports print beside t, from measure's facts. */
static const char *
note_of(Fixture *f, const TargetResult *t)
{
	static char buf[1024];
	static Results r = { .fiscal_year = 2558 };
	Arena *a = arena_new();
	Compose c = { .doc = doc_new(a), .s = f->s, .m = &f->m, .r = &r };
	const char *n = compose_note(&c, t);
	snprintf(buf, sizeof(buf), "%s", n ? n : "");
	arena_free(a);
	return buf;
}

static Fixture *
fixture(void)
{
	return fixture_with("input/plan.xml");
}

static void
fixture_free(Fixture *f)
{
	settings_free(f->s);
	arena_free(f->a);
	free(f);
}

static Visit *
visit(Fixture *f, CalDate d, int school, int activity, const char *topic)
{
	Visit *v = &f->visits[f->m.nvisits++];
	memset(v, 0, sizeof(*v));
	v->id = "V";
	v->date = d;
	v->school = school >= 0 ? &f->schools[school] : NULL;
	v->network_code = "";
	v->activity = activity;
	v->topic = topic ? topic : "";
	v->summary = v->suggestions = "";
	v->supervisors = f->team_s01;
	v->nsupervisors = 1;
	v->in_fy = cal_in_fy(d, 2558);
	return v;
}

static Meeting *
meeting(Fixture *f, const char *kind, CalDate d)
{
	Meeting *mt = &f->meetings[f->m.nmeetings++];
	memset(mt, 0, sizeof(*mt));
	mt->id = "M";
	mt->kind = plan_event_kind(f->m.plan, kind);
	CHECK(mt->kind != NULL);
	mt->date = d;
	mt->seq = mt->title = mt->minutes_ref = mt->resolutions = "";
	mt->in_fy = cal_in_fy(d, 2558);
	return mt;
}

static Results *
run(Fixture *f)
{
	return measure_run(&f->m, f->s, cal_fy_last(2558), f->a);
}

TEST(measure_event_count_counts_only_the_fiscal_year)
{
	Fixture *f = fixture();
	for (int i = 0; i < 5; i++)
		meeting(f, "กตปน", D(2014, 11 + i % 2, 5 + i));
	meeting(f, "กตปน", D(2014, 9, 30));    /* FY 2557: not counted */
	meeting(f, "ประชุมประจำเดือน", D(2015, 1, 5));        /* another type */
	const TargetResult *t = results_target(run(f), "3.1.1");
	CHECK_INT(t->num, 5);
	CHECK(t->judged && !t->met);                      /* goal 6 */
	meeting(f, "กตปน", D(2015, 9, 30));    /* the last day counts */
	t = results_target(run(f), "3.1.1");
	CHECK_INT(t->num, 6);
	CHECK(t->met);
	fixture_free(f);
}

TEST(measure_colour_coverage_and_no_target_group)
{
	Fixture *f = fixture();
	visit(f, D(2014, 12, 10), 0, 2, NULL);             /* แดง */
	visit(f, D(2014, 12, 11), 2, 2, NULL);             /* เขียว: not in the group */
	Visit *draft = visit(f, D(2014, 12, 12), 1, 2, NULL);
	draft->status = STATUS_DRAFT;                     /* drafts never count */
	const TargetResult *t = results_target(run(f), "3.1.3");
	CHECK_INT(t->num, 1);
	CHECK_INT(t->den, 2);
	CHECK_NEAR(t->value, 50.0, 1e-9);
	CHECK(t->judged && !t->met);
	CHECK_INT(t->schools_missing.n, 1);
	CHECK_STR(t->schools_missing.items[0]->code, "93010002");

	/* No ดำ/แดง school at all: not judged, not a pass, and said so. */
	f->schools[0].color_group = "เขียว";
	f->schools[1].color_group = "เหลือง";
	t = results_target(run(f), "3.1.3");
	CHECK(!t->judged && !t->met);
	CHECK(strstr(note_of(f, t), "ไม่มีโรงเรียนกลุ่มสี") != NULL);
	fixture_free(f);
}

TEST(measure_km_tuesdays_holidays_and_replacements)
{
	Fixture *f = fixture();
	CalDate tue[64];
	CHECK_INT(cal_fy_weekdays(2558, CAL_TUESDAY, tue, 64), 52);
	for (int i = 0; i < 52; i++)
		if (i != 2 && i != 19)
			meeting(f, "KM", tue[i]);
	/* Tuesday no. 10 is an office holiday (config): out of the denominator,
	 * and the KM held on it anyway does not raise the count. The plan's
	 * target adds its own two (14 April and 5 May 2015): 52 - 3 = 49 due. */
	char iso[16];
	cal_format(tue[9], CAL_FORMAT_ISO, 0, iso, sizeof(iso));
	f->s->holidays[0] = strdup(iso);
	f->s->nholidays = 1;
	const TargetResult *t = results_target(run(f), "3.1.4");
	CHECK_INT(t->den, 49);
	CHECK_INT(t->num, 47);
	CHECK_INT(t->holidays, 3);
	CHECK_INT(t->dates_missing.n, 2);
	CHECK(cal_compare(t->dates_missing.items[0], tue[2]) == 0);
	CHECK(!t->met);
	/* A KM moved to Wednesday with replaces= covers its Tuesday. */
	Meeting *moved = meeting(f, "KM", cal_add_days(tue[2], 1));
	moved->replaces = tue[2];
	t = results_target(run(f), "3.1.4");
	CHECK_INT(t->num, 48);
	fixture_free(f);
}

TEST(measure_bimonthly_windows_need_every_window)
{
	Fixture *f = fixture();
	/* Six meetings, but none in ก.พ.-มี.ค.: n >= 6 yet not met. */
	int months[6][2] = { { 2014, 10 }, { 2014, 11 }, { 2014, 12 }, { 2015, 4 }, { 2015, 6 }, { 2015, 8 } };
	for (int i = 0; i < 6; i++)
		meeting(f, "ประชุมประจำเดือน", D(months[i][0], months[i][1], 3));
	const TargetResult *t = results_target(run(f), "3.1.5");
	CHECK_INT(t->num, 6);
	CHECK(!t->met);
	CHECK(strstr(note_of(f, t), "ก.พ.") != NULL);
	meeting(f, "ประชุมประจำเดือน", D(2015, 3, 3));
	t = results_target(run(f), "3.1.5");
	CHECK(t->met);
	fixture_free(f);
}

TEST(measure_months_topics_and_per_school_counts)
{
	Fixture *f = fixture();
	/* 3.1.9: topic 4.4 of activity 4 in 10 months, activity 7 in another,
	 * topic 4.5 in the twelfth (does not count). */
	for (int mo = 1; mo <= 10; mo++)
		visit(f, cal_fy_month_first(2558, mo), 0, 4, "4.4");
	visit(f, cal_fy_month_first(2558, 11), -1, 7, NULL);
	visit(f, cal_fy_month_first(2558, 12), 1, 4, "4.5");
	Results *r = run(f);
	const TargetResult *t = results_target(r, "3.1.9");
	CHECK_INT(t->num, 11);
	CHECK(!t->met);
	CHECK_INT(t->dates_missing.n, 1);
	/* School 0 has 10 visits of 4.4: it meets the per-school goal of 10. */
	const ActivityResults *a4 = &r->activities[3];
	CHECK_INT(a4->plan->no, 4);
	CHECK_INT(a4->topic_visits[3], 10);
	CHECK_INT(a4->topic_schools_meeting_goal[3], 1);
	CHECK_INT(a4->topic_schools_meeting_goal[4], 0);
	fixture_free(f);
}

TEST(measure_eval_latest_round_and_unevaluated)
{
	Fixture *f = fixture();
	Evaluation *e = f->evals;
	/* School 0: round 1 at 14/25 = 56 % (พอใช้), round 2 at 18/25 = 72 % (ดี). */
	e[0] = (Evaluation){ .school = &f->schools[0], .round = 1, .date = D(2015, 1, 10),
		.scores = { 3, 3, 3, 3, 2 }, .nscores = 5 };
	e[1] = (Evaluation){ .school = &f->schools[0], .round = 2, .date = D(2015, 6, 10),
		.scores = { 4, 4, 3, 4, 3 }, .nscores = 5 };
	e[2] = (Evaluation){ .school = &f->schools[1], .round = 1, .date = D(2015, 2, 1),
		.scores = { 5, 4, 4, 5, 4 }, .nscores = 5 };       /* 88 %: ดีมาก */
	e[3] = (Evaluation){ .school = &f->schools[2], .round = 1, .date = D(2015, 2, 1),
		.scores = { 3, 3, 3, 3, 2 }, .nscores = 5 };       /* 56 %: fails */
	e[4] = (Evaluation){ .school = &f->schools[3], .round = 1, .date = D(2014, 9, 1),
		.scores = { 5, 5, 5, 5, 5 }, .nscores = 5 };       /* last FY: unevaluated */
	f->m.nevaluations = 5;
	Results *r = run(f);
	const TargetResult *t = results_target(r, "3.2.1");
	CHECK_INT(t->num, 2);          /* schools 0 and 1 */
	CHECK_INT(t->den, 5);
	CHECK_NEAR(t->value, 40.0, 1e-9);
	CHECK(!t->met);
	CHECK_INT(r->eval.level_count[0], 2);   /* schools 3 and 4 not evaluated */
	CHECK_INT(r->eval.level_count[2], 1);
	CHECK_INT(r->eval.level_count[3], 1);
	CHECK_INT(r->eval.level_count[4], 1);
	CHECK_NEAR(r->eval.mean_percent, (72 + 88 + 56) / 3.0, 1e-9);
	CHECK_INT(t->schools_missing.n, 3);
	/* 6.2: the same pass share, and ดีมาก or better as "คุณภาพสูง". */
	const TargetResult *q = results_target(r, "6.2");
	CHECK_INT(q->num, 2);
	CHECK_INT(q->extras[1].num, 1);
	/* As of before round 2, the latest evaluation of school 0 is round 1. */
	r = measure_run(&f->m, f->s, D(2015, 3, 1), f->a);
	CHECK_INT(results_target(r, "3.2.1")->num, 1);
	fixture_free(f);
}

static void
respond(Fixture *f, int school, const int *answers, int n)
{
	Response *rs = &f->responses[f->m.survey.nresponses++];
	memset(rs, 0, sizeof(*rs));
	rs->timestamp.date = D(2015, 9, 14);
	rs->school = &f->schools[school];
	rs->email = rs->role = rs->comment = "";
	for (int i = 0; i < n; i++)
		rs->answers[i] = (signed char)answers[i];
}

TEST(measure_satisfaction_threshold_is_exact_at_two_decimals)
{
	Fixture *f = fixture();
	f->m.survey.nitems = 2;
	f->m.survey.items[0] = "ก";
	f->m.survey.items[1] = "ข";
	/* School 0: one respondent, mean 3.5 -> not satisfied (3.50 < 3.51). */
	respond(f, 0, (int[]){ 3, 4 }, 2);
	/* School 1: two respondents with means 3.5 and 3.52 -> 3.51: satisfied. */
	f->m.survey.nitems = 2;
	respond(f, 1, (int[]){ 3, 4 }, 2);
	/* 3.52 cannot come from two items; use a blank and the mean of one. */
	respond(f, 1, (int[]){ 4, 0 }, 2);   /* mean 4.0 -> school mean 3.75 */
	/* School 2: an unreadable answer is left out of the means. */
	respond(f, 2, (int[]){ 5, -1 }, 2);
	Results *r = run(f);
	const TargetResult *t = results_target(r, "3.2.2");
	CHECK_INT(r->survey.schools_responding, 3);
	CHECK_INT(t->num, 2);          /* schools 1 and 2 */
	CHECK_INT(t->den, 3);
	CHECK_NEAR(t->value, 200.0 / 3, 1e-9);
	CHECK(!t->met);                /* goal 80 */
	CHECK_INT(t->extras[0].num, 3);     /* coverage 3 of 5 */
	CHECK_INT(t->extras[0].den, 5);
	CHECK_INT(t->extras[1].num, 2);     /* strict: 2 of 5 */
	CHECK_INT(r->survey.invalid_answers, 1);
	/* Item 2 answered once (4) -> n = 1: no S.D. */
	CHECK_INT(r->survey.items[1].n, 2);
	CHECK_INT(r->survey.items[0].n, 4);
	CHECK(r->survey.items[0].has_sd);
	/* Item 0: 3, 3, 4, 5: mean 3.75, sample SD sqrt(((.75)^2*2 + .25^2 + 1.25^2)/3). */
	CHECK_NEAR(r->survey.items[0].mean, 3.75, 1e-9);
	CHECK_NEAR(r->survey.items[0].sd, 0.957427107756338, 1e-9);
	CHECK_STR(r->survey.items[0].band, "มาก");
	CHECK_INT(r->survey.items[0].rank, 2);
	CHECK_INT(r->survey.items[1].rank, 1);   /* 4, 4 -> 4.00 */

	/* A school whose only respondent answered once: n = 1, no S.D. */
	Fixture *g = fixture();
	g->m.survey.nitems = 1;
	g->m.survey.items[0] = "ก";
	respond(g, 0, (int[]){ 4 }, 1);
	r = run(g);
	CHECK(!r->survey.items[0].has_sd);
	CHECK(!r->survey.overall.has_sd);
	fixture_free(g);
	fixture_free(f);
}

TEST(measure_likert_band_uses_the_printed_mean)
{
	Settings *s = settings_defaults();
	CHECK_STR(measure_likert_band(s, 4.505), "มากที่สุด");  /* prints 4.51 */
	CHECK_STR(measure_likert_band(s, 4.5049), "มาก");
	CHECK_STR(measure_likert_band(s, 3.51), "มาก");
	CHECK_STR(measure_likert_band(s, 3.50), "ปานกลาง");
	CHECK_STR(measure_likert_band(s, 1.0), "น้อยที่สุด");
	CHECK_NEAR(measure_round2(2.675), 2.68, 1e-12);
	CHECK_NEAR(measure_round2(-1.005), -1.01, 1e-12);
	settings_free(s);
}

static void
spend(Fixture *f, int activity, Category cat, Satang amount, CalDate d)
{
	Spending *sp = &f->spending[f->m.nspending++];
	memset(sp, 0, sizeof(*sp));
	sp->id = sp->doc_no = sp->description = "";
	sp->date = d;
	sp->activity = activity;
	sp->category = cat;
	sp->amount = amount;
	sp->in_fy = cal_in_fy(d, 2558);
}

TEST(measure_budget_thuajai_moves_and_the_hard_total)
{
	Fixture *f = fixture();
	spend(f, 2, CAT_EXPENSES, 2500000, D(2014, 12, 10));   /* 25,000 of 20,000 */
	spend(f, 1, CAT_COMPENSATION, 360000, D(2014, 11, 1)); /* activity 1 approved "-" */
	spend(f, 10, CAT_COMPENSATION, 1200000, D(2015, 3, 5));
	spend(f, 10, CAT_EXPENSES, -50000, D(2015, 3, 6));     /* a refund */
	spend(f, 4, CAT_MATERIALS, 9999900, D(2015, 10, 1));   /* FY 2559: out */
	Results *r = run(f);
	const BudgetResults *b = &r->budget;
	CHECK_INT(b->approved_total, 50000000);
	CHECK_INT(b->spent, 2500000 + 360000 + 1200000 - 50000);
	CHECK_INT(b->remaining, 50000000 - b->spent);
	CHECK_INT(b->lines[1].moved_in, 500000);     /* activity 2: 5,000 over */
	CHECK_INT(b->lines[0].moved_in, 360000);     /* activity 1: all of it */
	CHECK(!b->lines[0].has_percent);              /* approved 0 prints "-" */
	CHECK_NEAR(b->lines[1].percent, 125.0, 1e-9);
	CHECK_INT(b->moved, 860000);
	CHECK_INT(b->by_category[CAT_COMPENSATION], 1560000);
	CHECK(!b->over_total);
	CHECK_INT(r->nfindings, 0);                   /* ถัวจ่าย is not an error */
	spend(f, 4, CAT_MATERIALS, 50000000, D(2015, 8, 1));
	r = run(f);
	CHECK(r->budget.over_total);
	CHECK_INT(r->nfindings, 1);
	CHECK_INT(r->findings[0].severity, DIAG_ROW);
	fixture_free(f);
}

TEST(measure_as_of_before_any_data)
{
	Fixture *f = fixture();
	meeting(f, "กตปน", D(2014, 11, 5));
	visit(f, D(2014, 12, 10), 0, 2, NULL);
	spend(f, 2, CAT_EXPENSES, 100000, D(2014, 12, 10));
	Results *r = measure_run(&f->m, f->s, D(2014, 10, 1), f->a);
	CHECK_INT(results_target(r, "3.1.1")->num, 0);
	CHECK_INT(results_target(r, "3.1.3")->num, 0);
	CHECK_INT(r->budget.spent, 0);
	CHECK_INT(r->visits_counted, 0);
	CHECK_INT(r->schools_not_visited.n, 5);
	/* A month not yet begun is not reported as missed. */
	CHECK_INT(results_target(r, "3.1.6")->dates_missing.n, 1);
	fixture_free(f);
}

TEST(measure_staff_network_and_practice_coverage)
{
	Fixture *f = fixture();
	/* 3.1.2 from visits of activity 1 (no attendance file): school 0 met
	 * 12 of its 10 staff (capped at 10), school 1 met 3 of 5. */
	Visit *v = visit(f, D(2014, 10, 20), 0, 1, NULL);
	v->teachers_met = 11;
	v->admins_met = 1;
	v = visit(f, D(2014, 10, 21), 1, 1, NULL);
	v->teachers_met = 3;
	Results *r = run(f);
	const TargetResult *t = results_target(r, "3.1.2");
	CHECK_INT(t->num, 13);
	CHECK_INT(t->den, 10 + 5 + 7 + 10 + 6);
	CHECK_INT(t->extras[0].num, 2);

	/* 3.1.8: a network session for N2 reaches its two active schools. */
	v = visit(f, D(2015, 1, 15), -1, 5, NULL);
	v->network_code = "N2";
	r = run(f);
	t = results_target(r, "3.1.8");
	CHECK_INT(t->num, 1);
	CHECK_INT(t->den, 2);
	CHECK_INT(t->extras[0].num, 2);
	/* The per-activity count agrees: activity 5 reached N2's two active
	 * schools, activity 1 the two schools visited. */
	CHECK_INT(r->activities[4].schools_reached, 2);
	CHECK_INT(r->activities[0].schools_reached, 2);

	/* Attendance at a สวัสดีคุณครู session reaches a school for activity 1. */
	f->meetings[0] = (Meeting){ .id = "G1", .kind = plan_event_kind(f->m.plan, "สวัสดีคุณครู"), .activity = 1,
		.seq = "", .date = D(2014, 10, 25), .title = "", .minutes_ref = "", .resolutions = "",
		.in_fy = 1 };
	f->m.nmeetings = 1;
	Attendance at[2] = { { &f->meetings[0], &f->schools[3], 7, 1, 2 },
		{ &f->meetings[0], &f->schools[4], 0, 0, 3 } };  /* nobody came from school 4 */
	f->m.attendance = at;
	f->m.nattendance = 2;
	r = run(f);
	CHECK_INT(r->activities[0].schools_reached, 3);
	CHECK_INT(r->activities[0].events, 3);
	f->m.attendance = NULL;
	f->m.nattendance = 0;
	f->m.nmeetings = 0;

	/* 6.4: published in the FY with a channel; no goal, so not judged. */
	f->practices[0] = (Practice){ .id = "B1", .school = &f->schools[0], .title = "", .kind = "BP",
		.area = "", .published = D(2015, 8, 20), .channel = "เว็บไซต์", .ref = "", .level = "" };
	f->practices[1] = (Practice){ .id = "B2", .school = &f->schools[1], .title = "", .kind = "BP",
		.area = "", .published = D(2015, 8, 20), .channel = "", .ref = "", .level = "" };
	f->m.npractices = 2;
	r = run(f);
	t = results_target(r, "6.4");
	CHECK_INT(t->num, 1);
	CHECK_INT(t->den, 5);
	CHECK(!t->judged);
	fixture_free(f);
}

TEST(measure_supervisors_count_visits_and_distinct_schools)
{
	Fixture *f = fixture();
	Visit *v = visit(f, D(2014, 12, 1), 0, 2, NULL);     /* S01 */
	v = visit(f, D(2014, 12, 2), 1, 2, NULL);            /* S01 + S02 */
	v->supervisors = f->team_both;
	v->nsupervisors = 2;
	visit(f, D(2014, 12, 3), 0, 3, NULL);                /* S01 again at school 0 */
	visit(f, D(2014, 12, 4), -1, 7, NULL);               /* S01, no school */
	visit(f, D(2014, 12, 5), 2, 3, NULL)->status = STATUS_DRAFT;
	Results *r = run(f);
	CHECK_INT(r->supervisors[0].visits, 4);
	CHECK_INT(r->supervisors[0].schools, 2);
	CHECK_INT(r->supervisors[1].visits, 1);
	CHECK_INT(r->supervisors[1].schools, 1);
	fixture_free(f);
}

TEST(measure_online_visits_of_any_activity_count_for_online_months)
{
	Fixture *f = fixture();
	visit(f, D(2014, 10, 15), 0, 6, NULL)->mode = MODE_ONLINE;
	visit(f, D(2014, 11, 15), 1, 4, "4.4")->mode = MODE_ONLINE;   /* online, activity 4 */
	visit(f, D(2014, 12, 15), 1, 4, "4.4");                      /* onsite: not online */
	const TargetResult *t = results_target(run(f), "3.1.6");
	CHECK_INT(t->num, 2);
	CHECK_INT(t->periods_met, 2);
	/* Oct and Nov have online supervision; the ten months after do not. */
	CHECK_INT(t->dates_missing.n, 10);
	CHECK_INT(t->dates_missing.items[0].month, 12);
	fixture_free(f);
}

TEST(measure_an_instrument_without_data_gives_no_value)
{
	Fixture *f = fixture();
	const TargetResult *t = results_target(run(f), "6.1");
	/* 6.1 is measured by its own form, which has no input: no value, no
	 * goal in another unit, not judged (never a proxy). */
	CHECK(t->no_data);
	CHECK(!t->judged);
	CHECK_NEAR(t->goal, 3.0, 1e-9);
	CHECK_STR(t->unit, "ระดับ");
	fixture_free(f);
}

/* Sizes come from the plan: activity 17 and its topic 20 are counted like
 * the first ones, and so are the survey answers about activity 17. */
TEST(measure_seventeen_activities_and_twenty_topics)
{
	Fixture *f = fixture_with("tests/plans/plan-17-activities.xml");
	if (f->m.plan == NULL) {
		fixture_free(f);
		return;
	}
	visit(f, D(2014, 11, 3), 0, 17, "17.20");
	visit(f, D(2015, 2, 3), 0, 17, "17.20");
	visit(f, D(2015, 2, 4), 1, 17, "17.20");
	visit(f, D(2015, 2, 5), 1, 17, "17.19");
	meeting(f, "อบรม", D(2015, 3, 1));
	meeting(f, "อบรม", D(2015, 6, 1));
	f->m.survey.items[0] = "1. ความรู้ที่ได้รับ";
	f->m.survey.nitems = 1;
	f->responses[0] = (Response){ .timestamp = { { 2015, 6, 1 }, 10, 0, 0 }, .email = "", .role = "",
		.comment = "", .school = &f->schools[0], .activity = 17, .in_fy = 1 };
	f->responses[0].answers[0] = 4;
	f->m.survey.nresponses = 1;
	Results *r = run(f);
	const ActivityResults *a = &r->activities[16];
	CHECK_INT(a->plan->no, 17);
	CHECK_INT(a->plan->ntopics, 20);
	CHECK_INT(a->topic_visits[19], 3);
	CHECK_INT(a->topic_visits[18], 1);
	CHECK_INT(a->topic_schools_meeting_goal[19], 1);  /* school 0: 2 of 17.20 */
	CHECK(a->has_satisfaction);
	CHECK_NEAR(a->satisfaction, 4.0, 1e-9);
	CHECK_INT(r->survey.nby_activity, 18);
	const TargetResult *t = results_target(r, "1");
	CHECK_INT(t->num, 1);                              /* at-least 2 from the topic's goal */
	CHECK_INT(t->den, 5);
	t = results_target(r, "2");
	CHECK_INT(t->num, 2);
	CHECK(!t->met);
	fixture_free(f);
}

/* ---- the metric vocabulary, on tests/cases/plan-explain-vocabulary/input/plan.xml ---- */

static Fixture *
vocabulary(void)
{
	return fixture_with("tests/cases/plan-explain-vocabulary/input/plan.xml");
}

/* "อย่างน้อยภาคเรียนละ 2 ครั้ง": the terms that begin in FY 2558 are 2/2557
 * (1 Nov 2014 - 1 Apr 2015) and 1/2558 (16 May 2015 - 30 Sep 2015, cut at
 * the year's end). The first days of October end a term of the year
 * before; April 2 - May 15 is between terms. */
TEST(measure_vocabulary_each_term_at_least)
{
	Fixture *f = vocabulary();
	static const struct { int school; CalDate d; } v[] = {
		{ 0, { 2014, 12, 1 } }, { 0, { 2015, 1, 10 } }, { 0, { 2015, 6, 1 } }, { 0, { 2015, 9, 30 } },
		/* school 1: on the first and last days of each term */
		{ 1, { 2014, 11, 1 } }, { 1, { 2015, 4, 1 } }, { 1, { 2015, 5, 16 } }, { 1, { 2015, 7, 1 } },
		/* school 2: two in October 2014 (no term of this year) */
		{ 2, { 2014, 10, 5 } }, { 2, { 2014, 10, 10 } }, { 2, { 2015, 6, 1 } }, { 2, { 2015, 6, 2 } },
		/* school 3: one between terms */
		{ 3, { 2015, 4, 10 } }, { 3, { 2015, 2, 1 } }, { 3, { 2015, 6, 1 } }, { 3, { 2015, 6, 2 } },
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		visit(f, v[i].d, v[i].school, 1, NULL);
	const TargetResult *t = results_target(run(f), "1.1");
	CHECK_INT(t->num, 2);              /* schools 0 and 1 */
	CHECK_INT(t->den, 5);
	CHECK_STR(note_of(f, t), "โรงเรียนที่ได้รับการนิเทศอย่างน้อย 2 ครั้งทุกภาคเรียน 2 จาก 5 โรงเรียน");
	CHECK(t->school[0].counts && t->school[1].counts && !t->school[2].counts && !t->school[3].counts);
	/* Schools 2 and 3 met the second term only: 1 of 2. */
	CHECK_INT(t->school[2].periods_due, 2);
	CHECK_INT(t->school[2].periods_met, 1);
	CHECK_INT(t->school[3].periods_met, 1);
	CHECK_INT(t->school[0].periods_met, 2);
	/* On 1 March 2015 only term 2/2557 has begun: school 0 has its two,
	 * school 1 one so far. */
	Results *r = measure_run(&f->m, f->s, D(2015, 3, 1), f->a);
	t = results_target(r, "1.1");
	CHECK_INT(t->num, 1);
	fixture_free(f);
}

/* "เครือข่ายละ 2 ครั้ง": a network's sessions and its schools' visits. */
TEST(measure_vocabulary_each_network_at_least)
{
	Fixture *f = vocabulary();
	visit(f, D(2014, 12, 1), 0, 5, NULL);                       /* N1 */
	visit(f, D(2015, 1, 5), -1, 5, NULL)->network_code = "N1";  /* N1, no school */
	visit(f, D(2015, 1, 6), 3, 5, NULL);                        /* N2: one only */
	const TargetResult *t = results_target(run(f), "1.2");
	CHECK_INT(t->num, 1);
	CHECK_INT(t->den, 2);
	CHECK(!t->met);
	/* Schools reached: N1's three through their network, school 3 itself. */
	CHECK_INT(t->extras[0].num, 4);
	CHECK(t->school[1].counts && t->school[1].via_network);
	CHECK(t->school[3].counts && !t->school[3].via_network);
	CHECK(!t->school[4].counts);
	/* The appendix names the network short of it. */
	CHECK_INT(t->networks_missing.n, 1);
	CHECK_STR(t->networks_missing.items[0], "เครือข่าย 2");
	fixture_free(f);
}

/* "ครูร้อยละ 80 ได้รับการอบรม": teachers only, each school's count capped at
 * its teachers. Teachers of the active schools: 9 + 4 + 6 + 8 + 5 = 32;
 * present 5 (school 0) + min(10, 8) (school 3) = 13: 40.63 %. */
TEST(measure_vocabulary_teachers_only)
{
	Fixture *f = vocabulary();
	Meeting *mt = meeting(f, "อบรม", D(2015, 3, 1));
	Attendance *at = arena_array(f->a, 3, sizeof(Attendance));
	at[0] = (Attendance){ mt, &f->schools[0], 5, 1, 2 };
	at[1] = (Attendance){ mt, &f->schools[3], 10, 2, 3 };
	at[2] = (Attendance){ mt, &f->schools[1], 0, 0, 4 };   /* sent nobody: not taking part */
	f->m.attendance = at;
	f->m.nattendance = 3;
	const TargetResult *t = results_target(run(f), "1.3");
	CHECK_INT(t->num, 13);
	CHECK_INT(t->den, 32);
	CHECK_NEAR(measure_round2(t->value), 40.63, 1e-9);
	CHECK_INT(t->school[3].people, 8);
	CHECK(!t->school[1].counts);
	CHECK_INT(t->extras[0].num, 2);                /* schools 0 and 3 took part */
	CHECK_STR(note_of(f, t), "ครู 13 จาก 32 คน (จากบัญชีลงเวลา)");
	fixture_free(f);
}

/* "ไตรมาสละ 1 รุ่น รวม 4 รุ่น": the quarters' edges, and the count met only
 * with every quarter held. */
TEST(measure_vocabulary_every_quarter)
{
	Fixture *f = vocabulary();
	meeting(f, "อบรม", D(2014, 12, 31));   /* the last day of quarter 1 */
	meeting(f, "อบรม", D(2015, 1, 1));     /* the first of quarter 2 */
	meeting(f, "อบรม", D(2015, 6, 30));
	meeting(f, "อบรม", D(2015, 6, 29));
	const TargetResult *t = results_target(run(f), "1.4");
	CHECK_INT(t->num, 4);
	CHECK_INT(t->periods, 4);
	CHECK_INT(t->periods_met, 3);
	CHECK(!t->met);                        /* four held, quarter 4 without */
	CHECK_STR(note_of(f, t), "จัด 4 ครั้ง ครบใน 3 จาก 4 ไตรมาส ไม่มีการดำเนินการในช่วง ก.ค. 58–ก.ย. 58");
	f->meetings[3].date = D(2015, 7, 1);
	t = results_target(run(f), "1.4");
	CHECK_INT(t->periods_met, 4);
	CHECK(t->met);
	fixture_free(f);
}

/* Windows of 5 months from October: ต.ค.-ก.พ., มี.ค.-ก.ค., ส.ค.-ก.ย. (the
 * last one cut by the year's end). */
TEST(measure_vocabulary_month_windows_at_the_year_end)
{
	Fixture *f = vocabulary();
	meeting(f, "ประชุม", D(2015, 2, 28));
	meeting(f, "ประชุม", D(2015, 3, 1));
	meeting(f, "ประชุม", D(2015, 9, 30));
	const TargetResult *t = results_target(run(f), "1.5");
	CHECK_INT(t->periods, 3);
	CHECK_INT(t->periods_met, 3);
	CHECK(t->met);
	f->meetings[1].date = D(2015, 2, 27);
	t = results_target(run(f), "1.5");
	CHECK_INT(t->num, 3);
	CHECK(!t->met);
	CHECK_STR(note_of(f, t), "จัด 3 ครั้ง ครบใน 2 จาก 3 ช่วง 5 เดือน ไม่มีการดำเนินการในช่วง มี.ค. 58–ก.ค. 58");
	fixture_free(f);
}

/* Only the small schools are the target's population. */
TEST(measure_vocabulary_school_size)
{
	Fixture *f = vocabulary();
	static const char *const size[6] = { "เล็ก", "เล็ก", "กลาง", "ใหญ่", "ใหญ่", "เล็ก" };
	for (int i = 0; i < 6; i++)
		f->schools[i].size = size[i];
	visit(f, D(2015, 1, 5), 0, 1, NULL);
	visit(f, D(2015, 1, 5), 2, 1, NULL);   /* not small: not counted */
	const TargetResult *t = results_target(run(f), "1.6");
	CHECK_INT(t->num, 1);
	CHECK_INT(t->den, 2);                  /* school 5 is closed */
	CHECK(!t->school[2].in_group);
	fixture_free(f);
}

/* Only the ขยายโอกาส schools are the population: the plan may write the
 * type with "โรงเรียน" before it; a school with no type is outside and the
 * school report says which rule keeps each one out. */
TEST(measure_vocabulary_school_type)
{
	Fixture *f = vocabulary();
	static const char *const type[6] = { "ขยายโอกาส", "ประถมศึกษา", "ขยายโอกาส", "", "ขยายโอกาส", "ขยายโอกาส" };
	for (int i = 0; i < 6; i++)
		f->schools[i].type = type[i];
	visit(f, D(2015, 1, 5), 0, 1, NULL);
	visit(f, D(2015, 1, 5), 1, 1, NULL);   /* ประถมศึกษา: not counted */
	Results *r = run(f);
	const TargetResult *t = results_target(r, "1.11");
	CHECK_INT(t->num, 1);
	CHECK_INT(t->den, 3);                  /* schools 1, 3 and 5; 6 is closed */
	CHECK(t->school[0].in_group);
	CHECK_INT(t->school[1].outside, OUTSIDE_TYPE);
	CHECK_INT(t->school[3].outside, OUTSIDE_TYPE);
	CHECK_INT(t->school[5].outside, OUTSIDE_INACTIVE);
	Compose c = { .doc = doc_new(f->a), .s = f->s, .m = &f->m, .r = r };
	CHECK_STR(fmt_population(&c, &t->target->metric), "โรงเรียนขยายโอกาส");
	CHECK_STR(fmt_outside(&c, &f->schools[1], OUTSIDE_TYPE), "เป็นโรงเรียนประถมศึกษา");
	CHECK_STR(fmt_outside(&c, &f->schools[3], OUTSIDE_TYPE), "ไม่ได้ระบุประเภท");
	/* Just short of the goal is printed cut, never rounded up to it. */
	TargetResult near = *t;
	near.judged = 1;
	near.met = 0;
	near.value = 99.998;
	near.num = 49999;
	near.den = 50000;
	CHECK_STR(fmt_target_value(&c, &near), "99.99");
	CHECK(measure_shown_cut(&near));           /* the chart and the JSON cut too */
	near.num = 49997;                      /* 99.994: rounds to 99.99 itself */
	near.value = 99.994;
	CHECK_STR(fmt_target_value(&c, &near), "99.99");
	near.num = 3;
	near.den = 4;
	near.value = 75.0;
	CHECK_STR(fmt_target_value(&c, &near), "75.00");
	/* No school of the type: the target cannot be judged, and says why. */
	for (int i = 0; i < 6; i++)
		f->schools[i].type = "";
	t = results_target(run(f), "1.11");
	CHECK_INT(t->gap, GAP_EMPTY_GROUP);
	CHECK_STR(note_of(f, t), "ไม่มีโรงเรียนขยายโอกาส");
	CHECK_STR(fmt_met(t), "ยังไม่ได้วัดผล");   /* neither met nor missed */
	fixture_free(f);
}

/* Nobody to judge is not a miss: an evaluations target of a type no school
 * has, a mean of levels before any school is evaluated, a teachers target
 * of an empty population. */
TEST(measure_nobody_to_judge)
{
	Fixture *f = vocabulary();
	PlanTarget *ev = (PlanTarget *)plan_target(f->m.plan, "2.4");
	PlanTarget *tc = (PlanTarget *)plan_target(f->m.plan, "1.3");
	ev->metric.school_type = "ขยายโอกาส";
	tc->metric.school_type = "ขยายโอกาส";
	Results *r = run(f);
	CHECK(!results_target(r, "2.4")->judged);
	CHECK_INT(results_target(r, "2.4")->gap, GAP_EMPTY_GROUP);
	CHECK(!results_target(r, "1.3")->judged);
	CHECK_INT(results_target(r, "1.3")->gap, GAP_EMPTY_GROUP);
	int told = 0;                               /* the operator is told */
	for (size_t i = 0; i < r->nfindings; i++)
		told += strstr(r->findings[i].text, "target 2.4 chooses") != NULL ||
		    strstr(r->findings[i].text, "target 1.3 chooses") != NULL;
	CHECK_INT(told, 2);
	ev->metric.school_type = NULL;
	ev->metric.result = RESULT_MEAN;
	const TargetResult *t = results_target(run(f), "2.4");
	CHECK(!t->judged);
	CHECK_INT(t->gap, GAP_NONE_EVALUATED);
	CHECK_STR(note_of(f, t), "ยังไม่มีโรงเรียนได้รับการประเมิน");
	fixture_free(f);
}

/* Months with a meeting, as of mid-December: October, November and
 * December are due, November has none. */
TEST(measure_vocabulary_months_due_so_far)
{
	Fixture *f = vocabulary();
	meeting(f, "ประชุม", D(2014, 10, 5));
	meeting(f, "ประชุม", D(2014, 12, 1));
	Results *r = measure_run(&f->m, f->s, D(2014, 12, 15), f->a);
	const TargetResult *t = results_target(r, "1.7");
	CHECK_INT(t->num, 2);
	CHECK_INT(t->dates_missing.n, 1);
	CHECK_INT(t->dates_missing.items[0].month, 11);
	CHECK_STR(note_of(f, t), "เดือนที่ไม่มีการดำเนินการ: พ.ย. 57");
	fixture_free(f);
}

/* Two items; school 0's two respondents answer (4, 5) and (3, 4), school
 * 1's one (5, 5). */
static void
three_respondents(Fixture *f)
{
	f->m.survey.items[0] = "1. ก";
	f->m.survey.items[1] = "2. ข";
	f->m.survey.nitems = 2;
	static const struct { int school, a, b; } rs[3] = { { 0, 4, 5 }, { 0, 3, 4 }, { 1, 5, 5 } };
	for (int i = 0; i < 3; i++) {
		f->responses[i] = (Response){ .timestamp = { { 2015, 9, 1 }, 9, 0, 0 }, .email = "", .role = "",
			.comment = "", .school = &f->schools[rs[i].school], .in_fy = 1 };
		f->responses[i].answers[0] = (signed char)rs[i].a;
		f->responses[i].answers[1] = (signed char)rs[i].b;
	}
	f->m.survey.nresponses = 3;
}

/* Respondents and schools give different shares of the same answers:
 * school 0's two respondents mean 4.50 and 3.50 (3.50 < 3.51), school 1's
 * one 5.00. Respondents satisfied 2 of 3; schools 2 of 2 (school 0's mean
 * of means is 4.00); the mean of the respondents' means 13/3 = 4.33. */
TEST(measure_vocabulary_respondents_and_schools)
{
	Fixture *f = vocabulary();
	three_respondents(f);
	Results *r = run(f);
	const TargetResult *t = results_target(r, "2.1");
	CHECK_INT(t->num, 2);
	CHECK_INT(t->den, 3);
	CHECK(!t->met);
	t = results_target(r, "2.2");
	CHECK_INT(t->num, 2);
	CHECK_INT(t->den, 2);
	CHECK(t->met);
	CHECK_NEAR(t->school[0].value, 4.0, 1e-9);
	t = results_target(r, "2.3");
	CHECK_NEAR(t->value, 13.0 / 3.0, 1e-9);
	CHECK(t->met);
	/* Every report's satisfied school is measure's: at 2.1's min-mean. */
	CHECK_NEAR(r->survey.satisfied_mean, 3.51, 1e-9);
	CHECK_INT(r->survey.schools_satisfied, 2);
	CHECK(r->survey.school_satisfied[0]);
	fixture_free(f);
}

/* The yearly survey's satisfied mean is the first target on it that sets
 * min-mean= (4.50 here), for the committee's count and the school report
 * alike; a school report's item means are measure's too. */
TEST(measure_satisfied_mean_comes_from_the_plan)
{
	Fixture *f = vocabulary();
	three_respondents(f);
	model_index_rows(&f->m, f->a);
	((PlanTarget *)plan_target(f->m.plan, "2.1"))->metric.min_mean = 4.5;
	Results *r = run(f);
	CHECK_NEAR(r->survey.satisfied_mean, 4.5, 1e-9);
	CHECK(!r->survey.school_satisfied[0]);          /* mean of means 4.00 */
	CHECK(r->survey.school_satisfied[1]);           /* 5.00 */
	CHECK_INT(r->survey.schools_satisfied, 1);
	double mean[SURVEY_MAX_ITEMS];
	long n[SURVEY_MAX_ITEMS];
	measure_school_items(&f->m, r, &f->schools[0], mean, n);
	CHECK_INT(n[0], 2);
	CHECK_NEAR(mean[0], 3.5, 1e-9);
	CHECK_NEAR(mean[1], 4.5, 1e-9);
	fixture_free(f);
}

/* A pass level set on the target (ดีมาก, 4), not the config's (3). */
TEST(measure_vocabulary_pass_level_on_the_target)
{
	Fixture *f = vocabulary();
	Evaluation *e = f->evals;
	e[0] = (Evaluation){ .school = &f->schools[0], .round = 1, .date = D(2015, 1, 10),
		.scores = { 5, 5, 4, 4, 5 }, .nscores = 5 };       /* 92 %: ดีเยี่ยม */
	e[1] = (Evaluation){ .school = &f->schools[1], .round = 1, .date = D(2015, 1, 10),
		.scores = { 4, 4, 3, 3, 4 }, .nscores = 5 };       /* 72 %: ดี */
	e[2] = (Evaluation){ .school = &f->schools[2], .round = 1, .date = D(2015, 1, 10),
		.scores = { 4, 4, 4, 4, 4 }, .nscores = 5 };       /* 80 %: ดีมาก */
	f->m.nevaluations = 3;
	Results *r = run(f);
	const TargetResult *t = results_target(r, "2.4");
	CHECK_INT(t->min_level, 4);
	CHECK_INT(t->num, 2);
	CHECK_INT(t->den, 5);
	CHECK_INT(t->measured, 3);
	CHECK(!t->met);                        /* 40 % < 50 % */
	/* Every report's per-school figure passes at the same level. */
	CHECK_INT(r->eval.pass_level, 4);
	CHECK_INT(r->eval.passed, 2);
	fixture_free(f);
}

/* mode= alone counts the visits in that mode (and online.csv), nothing
 * else: an onsite visit of any activity is not online supervision. */
TEST(measure_vocabulary_mode_alone)
{
	Fixture *f = vocabulary();
	visit(f, D(2014, 10, 5), 0, 1, NULL)->mode = MODE_ONLINE;
	visit(f, D(2014, 11, 5), 0, 1, NULL);                 /* onsite */
	visit(f, D(2014, 12, 5), 1, 4, NULL)->mode = MODE_ONLINE;
	const TargetResult *t = results_target(run(f), "1.8");
	CHECK_INT(t->num, 2);                                 /* October and December */
	CHECK_INT(t->dates_missing.items[0].month, 11);
	fixture_free(f);
}

/* A kind whose sessions have no attendance rows yet has none: the visits
 * stand in only when there is no attendance list at all and the target
 * names its activities. */
TEST(measure_vocabulary_attendance_without_rows)
{
	Fixture *f = vocabulary();
	visit(f, D(2015, 1, 5), 0, 2, NULL)->teachers_met = 4;
	const TargetResult *t = results_target(run(f), "1.3");
	CHECK_INT(t->num, 0);
	CHECK_INT(t->den, 32);
	fixture_free(f);
}

/* "ร้อยละ 60 ของโรงเรียนมีค่าเฉลี่ย O-NET สูงขึ้น", ปีการศึกษา 2557 (tested in
 * FY 2558) against 2556, grade ป.6:
 *   school 0: 2557 (40 + 50) / 2 = 45.00, 2556 (42 + 46) / 2 = 44.00: higher;
 *   school 1: 38.00 and 38.00: not higher;
 *   school 2: no score for 2556: not measured;
 *   school 3: 30.00 against 35.00: lower;
 *   school 4: only ม.3 scores: not measured for ป.6.
 * Of all 5 schools 1 = 20 %; of the 3 measured 1 = 33.33 %. */
TEST(measure_vocabulary_score_change)
{
	Fixture *f = vocabulary();
	static const struct { int school; const char *grade, *subject; int year; long long mean; } rows[] = {
		{ 0, "ป.6", "คณิตศาสตร์", 2557, 4000 }, { 0, "ป.6", "ภาษาไทย", 2557, 5000 },
		{ 0, "ป.6", "คณิตศาสตร์", 2556, 4200 }, { 0, "ป.6", "ภาษาไทย", 2556, 4600 },
		{ 0, "ป.6", "คณิตศาสตร์", 2555, 9900 },      /* another year: ignored */
		{ 1, "ป.6", "คณิตศาสตร์", 2557, 3800 }, { 1, "ป.6", "คณิตศาสตร์", 2556, 3800 },
		{ 2, "ป.6", "คณิตศาสตร์", 2557, 5500 },
		{ 3, "ป.6", "คณิตศาสตร์", 2557, 3000 }, { 3, "ป.6", "คณิตศาสตร์", 2556, 3500 },
		{ 4, "ม.3", "คณิตศาสตร์", 2557, 5000 }, { 4, "ม.3", "คณิตศาสตร์", 2556, 4500 },
	};
	size_t n = sizeof(rows) / sizeof(rows[0]);
	Score *sc = arena_array(f->a, n, sizeof(Score));
	for (size_t i = 0; i < n; i++)
		sc[i] = (Score){ &f->schools[rows[i].school], "O-NET", rows[i].grade, rows[i].subject, rows[i].year,
			rows[i].mean, (long)i + 2 };
	f->m.scores = sc;
	f->m.nscores = n;
	Results *r = run(f);
	const TargetResult *t = results_target(r, "2.5");
	CHECK_INT(t->num, 1);
	CHECK_INT(t->den, 5);
	CHECK_INT(t->measured, 3);
	CHECK(!t->met);
	CHECK_NEAR(t->school[0].value, 45.0, 1e-9);
	CHECK_NEAR(t->school[0].base, 44.0, 1e-9);
	CHECK(!t->school[2].measured && !t->school[4].measured);
	t = results_target(r, "2.6");
	CHECK_INT(t->num, 1);
	CHECK_INT(t->den, 3);
	CHECK_NEAR(measure_round2(t->value), 33.33, 1e-9);
	/* No scores at all: no value, and said so. */
	f->m.nscores = 0;
	t = results_target(run(f), "2.5");
	CHECK(t->no_data && !t->judged);
	fixture_free(f);
}

/* "เครือข่ายละ 1 ครั้งต่อไตรมาส": N1 has a session in every quarter, N2 none
 * in the last; mid-year only the quarters begun are due. */
TEST(measure_vocabulary_each_network_every_quarter)
{
	Fixture *f = vocabulary();
	static const CalDate n1[4] = { { 2014, 12, 1 }, { 2015, 2, 2 }, { 2015, 5, 4 }, { 2015, 8, 3 } };
	for (int k = 0; k < 4; k++)
		visit(f, n1[k], -1, 5, NULL)->network_code = "N1";
	for (int k = 0; k < 3; k++)
		visit(f, n1[k], 3, 5, NULL);                       /* school 3 is in N2 */
	const TargetResult *t = results_target(run(f), "1.9");
	CHECK_INT(t->num, 1);
	CHECK_INT(t->den, 2);
	CHECK_STR(note_of(f, t), "1 จาก 2 เครือข่าย ได้รับการนิเทศอย่างน้อย 1 ครั้งทุกไตรมาส");
	CHECK(t->school[0].via_network && !t->school[4].counts);
	Results *r = measure_run(&f->m, f->s, D(2015, 6, 30), f->a);  /* quarters 1-3 due */
	CHECK_INT(results_target(r, "1.9")->num, 2);
	fixture_free(f);
}

/* An instrument of the plan: 3 evaluators x 2 items scored 4, 4, 3, 4, 4, 4
 * (mean 23 / 6 = 3.83, read by the rubric bands as ดีมาก, level 4 >= the goal
 * 3); one more row dated last year is left out. Without rows: no value. */
TEST(measure_vocabulary_assessment_instrument)
{
	Fixture *f = vocabulary();
	const PlanTarget *pt = plan_target(f->m.plan, "2.7");
	CHECK(pt != NULL);
	static const int scores[7] = { 4, 4, 3, 4, 4, 4, 1 };
	Assessment *a = arena_array(f->a, 7, sizeof(Assessment));
	for (int i = 0; i < 7; i++)
		a[i] = (Assessment){ pt, i % 2 ? "ข้อ 2" : "ข้อ 1", i / 2 == 0 ? "ก" : i / 2 == 1 ? "ข" : "ค", scores[i],
			i < 6 ? D(2015, 9, 1) : D(2014, 9, 1), i < 6, i + 2 };
	f->m.assessments = a;
	f->m.nassessments = 7;
	const TargetResult *t = results_target(run(f), "2.7");
	CHECK(!t->no_data && t->is_level);
	CHECK_INT(t->num, 6);
	CHECK_NEAR(t->value, 4, 1e-9);
	CHECK(t->judged && t->met);
	CHECK_STR(note_of(f, t), "ค่าเฉลี่ย 3.83 จากการประเมิน 6 รายการ (ผู้ประเมิน 3 คน) ตรงกับระดับดีมาก");
	f->m.nassessments = 0;
	t = results_target(run(f), "2.7");
	CHECK(t->no_data && !t->judged);
	fixture_free(f);
}

/* A survey the plan declares beside the yearly one counts only its own
 * answers: school 0's two respondents mean 5.00 and 2.00 (3.50, below 3.51),
 * school 1's one 4.00; the yearly survey (all 5s from school 2) is not read. */
TEST(measure_vocabulary_declared_survey)
{
	Fixture *f = vocabulary();
	static Response workshop[3];
	static const struct { int school, answer; } rs[3] = { { 0, 5 }, { 0, 2 }, { 1, 4 } };
	for (int i = 0; i < 3; i++) {
		workshop[i] = (Response){ .timestamp = { { 2015, 3, 2 }, 9, 0, 0 }, .email = "", .role = "",
			.comment = "", .school = &f->schools[rs[i].school], .in_fy = 1 };
		workshop[i].answers[0] = (signed char)rs[i].answer;
	}
	Survey *more = arena_array(f->a, 1, sizeof(Survey));
	more[0].items[0] = "1. เนื้อหา";
	more[0].nitems = 1;
	more[0].responses = workshop;
	more[0].nresponses = 3;
	f->m.more_surveys = more;
	f->m.survey.items[0] = "1. ก";
	f->m.survey.nitems = 1;
	f->responses[0] = (Response){ .timestamp = { { 2015, 9, 1 }, 9, 0, 0 }, .email = "", .role = "",
		.comment = "", .school = &f->schools[2], .in_fy = 1 };
	f->responses[0].answers[0] = 5;
	f->m.survey.nresponses = 1;
	Results *r = run(f);
	const TargetResult *t = results_target(r, "2.8");
	CHECK_INT(t->measured, 2);                 /* schools 0 and 1 answered it */
	CHECK_INT(t->num, 1);                      /* school 1 */
	CHECK_NEAR(t->school[0].value, 3.5, 1e-9);
	CHECK(!t->school[2].measured);
	/* The form belongs to activity 2, which the yearly survey has no
	 * answers for: its satisfaction is the form's, (5 + 2 + 4) / 3. */
	for (size_t i = 0; i < r->nactivities; i++)
		if (r->activities[i].plan->no == 2) {
			CHECK(r->activities[i].has_satisfaction);
			CHECK_NEAR(r->activities[i].satisfaction, 11.0 / 3.0, 1e-9);
		} else if (r->activities[i].plan->no == 1) {
			CHECK(!r->activities[i].has_satisfaction);
		}
	fixture_free(f);
}

/* "เบิกจ่ายงบประมาณร้อยละ 90" of activities 1 and 2 (1,000 บาท each in the
 * plan): 1,500.50 paid for them, 700 for activity 3 and one payment of the
 * year before left out: 1,500.50 / 2,000 = 75.03 %. */
TEST(measure_vocabulary_spending_share)
{
	Fixture *f = vocabulary();
	static const struct { int act; long long satang; CalDate d; } rows[4] = {
		{ 1, 100000, { 2014, 11, 1 } }, { 2, 50050, { 2015, 3, 1 } }, { 3, 70000, { 2015, 3, 1 } },
		{ 2, 90000, { 2014, 9, 30 } },
	};
	for (int i = 0; i < 4; i++)
		f->spending[i] = (Spending){ .id = "T", .date = rows[i].d, .activity = rows[i].act,
			.category = CAT_EXPENSES, .amount = rows[i].satang, .doc_no = "", .description = "",
			.in_fy = i < 3, .line = i + 2 };
	f->m.nspending = 4;
	const TargetResult *t = results_target(run(f), "1.10");
	CHECK_INT(t->num, 150050);
	CHECK_INT(t->den, 200000);
	CHECK_NEAR(measure_round2(t->value), 75.03, 1e-9);
	CHECK(!t->met);
	CHECK_STR(note_of(f, t), "เบิกจ่าย 1,500.50 บาท จากงบประมาณ 2,000.00 บาท");
	fixture_free(f);
}
