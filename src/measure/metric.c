/* metric.c - one engine for every target and indicator of a plan.
 *
 * A metric is composed (model/plan.h, docs/plan.md): the rows of one source
 * that pass its filters are gathered once, each with its date, school,
 * network and people; then the members the target is about (the rows
 * themselves, schools, people, networks, respondents or periods) are
 * tallied, each member is judged against the requirement (at least N rows,
 * in every period), and the qualifying members are summed up as a count, a
 * percentage of the denominator or a mean. Nothing here knows a plan's
 * targets: a new kind of target is a new combination of the plan's
 * attributes, or one entry in a table below. */
#include "measure/internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"


/* --- which rows count ----------------------------------------------------- */

static int
in_activities(const Metric *p, int activity)
{
	if (p->activities[0] == 0)
		return 1;
	for (size_t i = 0; i < METRIC_MAX_ACTIVITIES && p->activities[i]; i++)
		if (p->activities[i] == activity)
			return 1;
	return 0;
}

/* The topic filters only visits of an activity that has topics in the plan,
 * so that "activity 4 topic 4.4, and activity 7" is written activity="4 7"
 * topic="4.4". A mode names a kind of supervision wherever it was done: an
 * online visit of any activity is online supervision. */
int
measure_visit_matches(const Plan *plan, const Visit *v, const Metric *p)
{
	if (p->topic && *p->topic) {
		/* A topic narrows every visit of an activity that has topics;
		 * without activities it names its own activity's visits. */
		const PlanActivity *pa = plan ? plan_activity(plan, v->activity) : NULL;
		if ((pa && pa->ntopics > 0) || p->activities[0] == 0)
			if (strcmp(v->topic, p->topic) != 0)
				return 0;
	}
	if (p->mode && *p->mode) {
		if (strcmp(model_mode_name(v->mode), p->mode) == 0)
			return 1;
		/* A mode alone counts the visits in that mode, and nothing else. */
		if (p->activities[0] == 0)
			return 0;
	}
	return in_activities(p, v->activity);
}

int
measure_in_colour_groups(const char *groups, const char *colour)
{
	if (groups == NULL || *groups == '\0')
		return 1;
	size_t cl = strlen(colour);
	if (cl == 0)
		return 0;
	for (const char *g = groups; *g;) {
		g += strspn(g, " ");
		size_t n = strcspn(g, " ");
		if (n == cl && !memcmp(g, colour, n))
			return 1;
		g += n;
	}
	return 0;
}

/* An event counts when it is of the metric's kind and, when the metric
 * names activities, belongs to one of them (or names none itself). */
static int
event_matches(const Meeting *e, const Metric *p)
{
	if (p->kind && e->kind != p->kind)
		return 0;
	return e->activity == 0 || in_activities(p, e->activity);
}

/* Whether a school is in the target's population (active, of its type,
 * size and colours), and if not, which rule keeps it out. */
static Outside
population_miss(const School *s, const Metric *p)
{
	if (!s->active)
		return OUTSIDE_INACTIVE;
	if (p->school_type != NULL && strcmp(p->school_type, s->type) != 0)
		return OUTSIDE_TYPE;
	if (p->school_size != NULL && strcmp(p->school_size, s->size) != 0)
		return OUTSIDE_SIZE;
	if (!measure_in_colour_groups(p->color_groups, s->color_group))
		return OUTSIDE_COLOUR;
	return OUTSIDE_NONE;
}

static int
in_population(const School *s, const Metric *p)
{
	return population_miss(s, p) == OUTSIDE_NONE;
}

/* Records the school's place in the population on its fact; 1 = in. */
static int
place(SchoolFact *f, const School *s, const Metric *p)
{
	f->outside = (unsigned char)population_miss(s, p);
	f->in_group = f->outside == OUTSIDE_NONE;
	return f->in_group;
}

/* One gathered row, in 24 bytes (a target of visits gathers three million
 * at national scale, the largest memory of a build while it is measured):
 * its school and the visit it came from by index, not pointer, and its
 * days as day_key()s. */
#define ROW_NONE UINT32_MAX
typedef struct Row {
	uint32_t school;           /* in the model's schools; ROW_NONE for a network or office-wide row */
	uint32_t visit;            /* the visit it came from (its network may be its own); ROW_NONE */
	uint32_t date, replaces;   /* replaces: 0 = none */
	uint32_t teachers;         /* people met or present: at most 100,000 and 10,000 as loaded */
	uint16_t admins;
} Row;
_Static_assert(sizeof(Row) == 24, "a gathered row is 24 bytes");

/* A day as one number that orders as cal_compare does; 0 for no day. */
static uint32_t
day_key(CalDate d)
{
	return d.year <= 0 ? 0 : (uint32_t)d.year << 9 | (uint32_t)d.month << 5 | (uint32_t)d.day;
}

static CalDate
key_day(uint32_t k)
{
	return (CalDate){ (int)(k >> 9), (int)(k >> 5 & 15), (int)(k & 31) };
}

static Row
row_of(const Ctx *c, CalDate date, CalDate replaces, const School *school, const Visit *visit, int teachers,
    int admins)
{
	return (Row){ school ? (uint32_t)measure_school_index(c, school) : ROW_NONE,
		visit ? (uint32_t)(visit - c->m->visits) : ROW_NONE, day_key(date), day_key(replaces),
		(uint32_t)teachers, (uint16_t)admins };
}

/* The row's network: its visit's own, else its school's; "" for none. */
static const char *
row_network(const Ctx *c, const Row *r)
{
	if (r->visit != ROW_NONE && *c->m->visits[r->visit].network_code)
		return c->m->visits[r->visit].network_code;
	return r->school != ROW_NONE ? c->m->schools[r->school].network_code : "";
}

/* A target's rows, in the measurement's buffer (Ctx.rows): grown in place,
 * not copied into the arena at every doubling. At national scale a target
 * of visits gathers millions of rows, and the arena kept every copy, of
 * every target, for as long as the figures (in each committee pack too). */
typedef struct Rows {
	Row *items;
	size_t n, cap;
	int from_visits;           /* attendance fell back to the visits */
} Rows;

static void
rows_push(Ctx *c, Rows *rs, Row r)
{
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 1024;
		c->rows = mem_grow(c->rows, cap, sizeof(Row));
		c->rows_cap = cap;
		rs->items = c->rows;
		rs->cap = cap;
	}
	rs->items[rs->n++] = r;
}

static void
gather_visits(Ctx *c, const Metric *p, Rows *rs)
{
	const Model *m = c->m;
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (!c->visit_ok[i] || !measure_visit_matches(m->plan, v, p))
			continue;
		Row r = row_of(c, v->date, (CalDate){ 0, 0, 0 }, v->school, v, v->teachers_met, v->admins_met);
		rows_push(c, rs, r);
	}
	/* Online supervision also has its own log (online.csv). */
	if (p->mode && !strcmp(p->mode, "online"))
		for (size_t i = 0; i < m->nonline; i++) {
			const OnlineItem *o = &m->online[i];
			if (!measure_counted_date(c, o->date))
				continue;
			Row r = row_of(c, o->date, (CalDate){ 0, 0, 0 }, o->school, NULL, 0, 0);
			rows_push(c, rs, r);
		}
}

static void
gather_events(Ctx *c, const Metric *p, Rows *rs)
{
	for (size_t i = 0; i < c->m->nmeetings; i++) {
		const Meeting *e = &c->m->meetings[i];
		if (!measure_counted_date(c, e->date) || !event_matches(e, p))
			continue;
		Row r = row_of(c, e->date, e->replaces, NULL, NULL, 0, 0);
		rows_push(c, rs, r);
	}
}

/* Attendance lists when the office keeps them for the kind; otherwise the
 * visits of the activity say how many teachers and administrators were met. */
static void
gather_attendance(Ctx *c, const Metric *p, Rows *rs)
{
	const Model *m = c->m;
	for (size_t i = 0; i < m->nattendance; i++) {
		const Attendance *at = &m->attendance[i];
		/* A school that sent nobody did not take part. */
		if (at->school == NULL || at->teachers_present + at->admins_present <= 0 ||
		    (at->event && (!measure_counted_date(c, at->event->date) || !event_matches(at->event, p))))
			continue;
		Row r = row_of(c, at->event ? at->event->date : c->first, (CalDate){ 0, 0, 0 }, at->school, NULL,
		    at->teachers_present, at->admins_present);
		rows_push(c, rs, r);
	}
	/* Without any attendance list (the file absent or empty) the visits
	 * of the target's activities stand in, as the warning for the absent
	 * file says; a kind whose sessions have no rows yet simply has none. */
	if (m->nattendance == 0 && p->activities[0] != 0) {
		rs->from_visits = 1;
		gather_visits(c, p, rs);
	}
}

static void
gather_practices(Ctx *c, Rows *rs)
{
	for (size_t i = 0; i < c->m->npractices; i++) {
		const Practice *pr = &c->m->practices[i];
		if (pr->school == NULL || pr->published.year == 0 || !measure_counted_date(c, pr->published) ||
		    !*pr->channel)
			continue;
		Row r = row_of(c, pr->published, (CalDate){ 0, 0, 0 }, pr->school, NULL, 0, 0);
		rows_push(c, rs, r);
	}
}

static Rows
gather(Ctx *c, const Metric *p)
{
	Rows rs = { c->rows, 0, c->rows_cap, 0 };
	switch (p->source) {
	case SOURCE_VISITS: gather_visits(c, p, &rs); break;
	case SOURCE_EVENTS: gather_events(c, p, &rs); break;
	case SOURCE_ATTENDANCE: gather_attendance(c, p, &rs); break;
	case SOURCE_PRACTICES: gather_practices(c, &rs); break;
	case SOURCE_EVALUATIONS:   /* per school, from the evaluation results */
	case SOURCE_RESPONSES:     /* per respondent, from the survey */
	case SOURCE_SCORES:        /* per school and year: tally_scores */
	case SOURCE_SPENDING:      /* money: measure_spending */
	case SOURCE_ASSESSMENTS:   /* no input yet */
	case SOURCE_NSOURCES:
		break;
	}
	return rs;
}

/* --- periods --------------------------------------------------------------- */

enum { MAX_PERIODS = 64 };

typedef struct Periods {
	CalDate from[MAX_PERIODS], to[MAX_PERIODS];
	size_t n;
	size_t due;                /* the first `due` have begun by the as-of day */
	long holidays;             /* weekly: days left out as holidays */
} Periods;

static void
add_period(Periods *ps, CalDate from, CalDate to)
{
	if (ps->n < MAX_PERIODS) {
		ps->from[ps->n] = from;
		ps->to[ps->n] = to;
		ps->n++;
	}
}

static int
is_holiday(const Settings *s, const Metric *p, CalDate d)
{
	char iso[16];
	cal_format(d, CAL_FORMAT_ISO, 0, iso, sizeof(iso));
	for (size_t i = 0; i < p->holidays.n; i++)
		if (!strcmp(p->holidays.items[i], iso))
			return 1;
	/* The office's own closed days (config [calendar] holidays). */
	for (size_t i = 0; i < s->nholidays; i++)
		if (!strcmp(s->holidays[i], iso))
			return 1;
	return 0;
}

/* The periods of fiscal year fy a requirement is checked in, those begun by
 * last being due. A weekly period is one day; the others are spans. */
static void
periods_of(const Settings *s, const Metric *p, int fy, CalDate last, Periods *ps)
{
	CalDate fy_first = cal_fy_first(fy), fy_last = cal_fy_last(fy);
	memset(ps, 0, sizeof(*ps));
	switch (p->every) {
	case PERIOD_NONE:
		break;
	case PERIOD_MONTH:
	case PERIOD_MONTHS:
	case PERIOD_QUARTER: {
		int w = p->every == PERIOD_MONTH ? 1 : p->every == PERIOD_QUARTER ? 3 :
		    p->months > 0 && p->months <= 12 ? p->months : 1;
		for (int mo = 1; mo <= 12; mo += w) {
			int end = mo + w <= 12 ? mo + w : 13;
			CalDate to = end <= 12 ? cal_add_days(cal_fy_month_first(fy, end), -1) : fy_last;
			add_period(ps, cal_fy_month_first(fy, mo), to);
		}
		break;
	}
	case PERIOD_TERM:
		/* The terms that begin in the fiscal year (2/2557 and 1/2558 for FY
		 * 2558): the days of October that end the term begun in May belong
		 * to the year before. The last term is cut at 30 September. */
		for (int ay = cal_academic_year(fy_first); ay <= cal_academic_year(fy_last); ay++)
			for (int term = 1; term <= 2; term++) {
				CalDate from = cal_term_first(ay, term), to = cal_term_last(ay, term);
				if (cal_compare(from, fy_first) < 0 || cal_compare(from, fy_last) > 0)
					continue;
				add_period(ps, from, cal_compare(to, fy_last) > 0 ? fy_last : to);
			}
		break;
	case PERIOD_WEEKDAY: {
		CalDate days[MAX_PERIODS];
		size_t n = cal_weekdays_between(fy_first, fy_last, p->weekday, days, MAX_PERIODS);
		for (size_t k = 0; k < n && k < MAX_PERIODS; k++) {
			if (is_holiday(s, p, days[k])) {
				if (cal_compare(days[k], last) <= 0)
					ps->holidays++;
				continue;
			}
			add_period(ps, days[k], days[k]);
		}
		break;
	}
	case PERIOD_NKINDS:
		break;
	}
	while (ps->due < ps->n && cal_compare(ps->from[ps->due], last) <= 0)
		ps->due++;
}

size_t
measure_periods(const Settings *s, const Metric *p, int fy, CalDate *from, CalDate *to, size_t max,
    long *holidays)
{
	Periods ps;
	periods_of(s, p, fy, cal_fy_last(fy), &ps);
	for (size_t k = 0; k < ps.n && k < max; k++) {
		from[k] = ps.from[k];
		to[k] = ps.to[k];
	}
	if (holidays)
		*holidays = ps.holidays;
	return ps.n;
}

/* The period a row falls in, or -1. A weekly event moved to another day
 * (replaces=) counts for the day it replaces. */
static int
period_index(const Metric *p, const Periods *ps, const Row *r)
{
	for (size_t k = 0; k < ps->n; k++) {
		uint32_t from = day_key(ps->from[k]);
		if (p->every == PERIOD_WEEKDAY) {
			if (r->date == from || (r->replaces != 0 && r->replaces == from))
				return (int)k;
			continue;
		}
		if (r->date >= from && r->date <= day_key(ps->to[k]))
			return (int)k;
	}
	return -1;
}

/* --- summing up ------------------------------------------------------------ */

static void
set_percent(TargetResult *t, long long num, long long den)
{
	t->is_percent = 1;
	t->num = num;
	t->den = den;
	t->value = measure_percent(num, den);
}

static void
set_count(TargetResult *t, long long n)
{
	t->is_percent = 0;
	t->num = n;
	t->value = (double)n;
}

static void
add_extra(TargetResult *t, ExtraKind kind, long long num, long long den)
{
	if (t->nextras == RESULTS_MAX_EXTRAS)
		return;
	Extra *e = &t->extras[t->nextras++];
	e->kind = kind;
	e->is_percent = 1;
	e->num = num;
	e->den = den;
	e->value = measure_percent(num, den);
}

/* Met when judged and the value reaches the goal (exact comparison). */
static void
judge(TargetResult *t)
{
	if (!t->target->has_goal) {
		t->judged = 0;
		t->met = 0;
		return;
	}
	t->judged = 1;
	if (t->is_percent)
		/* value >= goal, without rounding: num/den*100 >= goal */
		t->met = t->den > 0 && (double)t->num * 100.0 >= t->goal * (double)t->den - 1e-9;
	else
		t->met = t->value >= t->goal - 1e-9;
}

static void
not_judged(TargetResult *t, TargetGap gap)
{
	t->judged = 0;
	t->met = 0;
	t->gap = gap;
}

/* Count or percentage of qualifying members among den. */
static void
sum_up(TargetResult *t, long long hit, long long den)
{
	if (t->target->metric.result == RESULT_PERCENT)
		set_percent(t, hit, den);
	else
		set_count(t, hit);
}

/* The due periods without enough rows, first and last days. */
static void
missing_periods(Ctx *c, const Metric *p, const Periods *ps, const long *per, DateList *out)
{
	out->items = arena_array(c->a, ps->n ? ps->n : 1, sizeof(CalDate));
	out->to = arena_array(c->a, ps->n ? ps->n : 1, sizeof(CalDate));
	out->n = 0;
	for (size_t k = 0; k < ps->due; k++)
		if (per[k] < p->at_least) {
			out->items[out->n] = ps->from[k];
			out->to[out->n++] = ps->to[k];
		}
}

/* The survey a responses target counts: one the plan declares, or the
 * yearly one. A declared survey not loaded (a model built by hand) has no
 * responses. */
static const Survey *
survey_of(const Ctx *c, const Metric *p)
{
	static const Survey none;
	if (p->survey == NULL)
		return &c->m->survey;
	if (c->m->more_surveys == NULL)
		return &none;
	return &c->m->more_surveys[p->survey - c->m->plan->surveys];
}

/* --- the members ----------------------------------------------------------- */

/* The rows themselves: "6 ครั้ง". With every=, each period of the year must
 * have at_least of them too. A target of a single event says when it was
 * held and whether later than its activity's plan. */
static void
members_events(Ctx *c, TargetResult *t, const Rows *rs, const Periods *ps)
{
	const Metric *p = &t->target->metric;
	set_count(t, (long long)rs->n);
	judge(t);
	if (p->every != PERIOD_NONE) {
		long per[MAX_PERIODS] = { 0 };
		for (size_t i = 0; i < rs->n; i++) {
			int k = period_index(p, ps, &rs->items[i]);
			if (k >= 0)
				per[k]++;
		}
		for (size_t k = 0; k < ps->n; k++)
			t->periods_met += per[k] >= p->at_least;
		t->periods = (int)ps->n;
		t->periods_due = (int)ps->due;
		add_extra(t, EXTRA_PERIODS_MET, t->periods_met, t->periods);
		t->extras[t->nextras - 1].is_percent = 0;
		t->extras[t->nextras - 1].value = t->periods_met;
		if (t->judged)
			t->met = t->met && t->periods_met == t->periods;
		missing_periods(c, p, ps, per, &t->dates_missing);
		return;
	}
	/* The first day held, and whether after the planned end of the
	 * target's (first) activity: said of a single event. */
	for (size_t i = 0; i < rs->n; i++)
		if (t->first_held.year == 0 || rs->items[i].date < day_key(t->first_held))
			t->first_held = key_day(rs->items[i].date);
	const PlanActivity *pa = p->activities[0] ? plan_activity(c->m->plan, p->activities[0]) : NULL;
	CalDate end;
	t->late = t->first_held.year != 0 && pa && pa->end && cal_parse_iso(pa->end, strlen(pa->end), &end) == CAL_OK &&
	    cal_compare(t->first_held, end) > 0;
}

/* Periods with at least at_least rows: months with online supervision, the
 * weekdays an event was held. A percentage is of the periods due so far. */
static void
members_periods(Ctx *c, TargetResult *t, const Rows *rs, const Periods *ps)
{
	const Metric *p = &t->target->metric;
	long per[MAX_PERIODS] = { 0 };
	for (size_t i = 0; i < rs->n; i++) {
		int k = period_index(p, ps, &rs->items[i]);
		if (k >= 0)
			per[k]++;
	}
	long met = 0;
	for (size_t k = 0; k < ps->due; k++)
		met += per[k] >= p->at_least;
	missing_periods(c, p, ps, per, &t->dates_missing);
	if (p->every == PERIOD_WEEKDAY)
		t->dates_missing.to = NULL;   /* days, not spans */
	t->periods = (int)ps->n;
	t->periods_met = (int)met;
	t->periods_due = (int)ps->due;
	t->holidays = ps->holidays;
	t->hit = met;
	t->whole = (long long)ps->due;
	sum_up(t, met, (long long)ps->due);
	judge(t);
}

/* Per school: rows, and rows in each period when every= is given. A school
 * qualifies with at_least rows (in each period due so far). */
static void
tally_schools(Ctx *c, const Metric *p, const Rows *rs, const Periods *ps, SchoolFact *sf)
{
	const Model *m = c->m;
	size_t np = ps->n ? ps->n : 1;
	long *per = ps->n ? arena_array(c->scratch, (m->nschools + 1) * np, sizeof(long)) : NULL;
	for (size_t i = 0; i < rs->n; i++) {
		const Row *r = &rs->items[i];
		if (r->school == ROW_NONE)
			continue;
		size_t si = r->school;
		sf[si].rows++;
		if (per) {
			int k = period_index(p, ps, r);
			if (k >= 0)
				per[si * np + (size_t)k]++;
		}
	}
	for (size_t si = 0; si < m->nschools; si++) {
		int ok = sf[si].rows >= p->at_least;
		for (size_t k = 0; per && k < ps->due; k++) {
			int met = per[si * np + k] >= p->at_least;
			sf[si].periods_met += met;
			ok = ok && met;
		}
		sf[si].periods_due = per ? (int)ps->due : 0;
		if (per && ps->due == 0)
			ok = 0;
		sf[si].counts = (unsigned char)ok;
	}
}

/* The academic year a scores target compares with the one before: its own,
 * else the one that ends in the fiscal year (FY 2558: ปีการศึกษา 2557, tested
 * in February 2558). */
int
measure_score_year(const Metric *p, int fiscal_year)
{
	return p->year ? p->year : fiscal_year - 1;
}

/* Per school: the mean of its matching scores (test, grade, subject) in the
 * year and in the year before; measured when it has both, counted when the
 * year's is higher. value = the year's mean, base = the year before's. */
static void
tally_scores(Ctx *c, const Metric *p, SchoolFact *sf)
{
	const Model *m = c->m;
	int year = measure_score_year(p, c->r->fiscal_year);
	long long *sum = arena_array(c->scratch, 2 * (m->nschools + 1), sizeof(long long));
	long *n = arena_array(c->scratch, 2 * (m->nschools + 1), sizeof(long));
	for (size_t i = 0; i < m->nscores; i++) {
		const Score *sc = &m->scores[i];
		if (sc->school == NULL || strcmp(sc->test, p->test) != 0 ||
		    (p->grade && strcmp(sc->grade, p->grade) != 0) ||
		    (p->subject && strcmp(sc->subject, p->subject) != 0) ||
		    (sc->year != year && sc->year != year - 1))
			continue;
		size_t k = 2 * measure_school_index(c, sc->school) + (sc->year == year);
		sum[k] += sc->mean;
		n[k]++;
	}
	for (size_t si = 0; si < m->nschools; si++) {
		size_t before = 2 * si, now = 2 * si + 1;
		if (n[before] == 0 || n[now] == 0)
			continue;
		sf[si].measured = 1;
		sf[si].value = (double)sum[now] / (double)n[now] / 100.0;
		sf[si].base = (double)sum[before] / (double)n[before] / 100.0;
		/* Compared as printed, to 2 decimals: a rise the reader cannot
		 * see is no rise. */
		sf[si].counts = measure_round2(sf[si].value) > measure_round2(sf[si].base);
	}
}

static void
members_schools(Ctx *c, TargetResult *t, const Rows *rs, const Periods *ps, const Facts *f)
{
	const Metric *p = &t->target->metric;
	const Model *m = c->m;
	SchoolFact *sf = t->school;
	const EvalResults *er = &c->r->eval;
	t->min_level = measure_min_level(c->s, p);
	t->min_mean = measure_min_mean(c->s, p);
	switch (p->source) {
	case SOURCE_EVALUATIONS:
		for (size_t i = 0; i < m->nschools; i++) {
			sf[i].measured = er->level[i] > 0;
			sf[i].value = er->level[i];
			sf[i].counts = er->level[i] >= t->min_level;
		}
		break;
	case SOURCE_RESPONSES: {
		/* The yearly survey's means are measure_survey's; another survey's
		 * are taken by the same rule. */
		const double *mean = f->sat_mean;
		long *resp = NULL;
		if (p->survey) {
			double *sm = arena_array(c->scratch, m->nschools + 1, sizeof(double));
			resp = arena_array(c->scratch, m->nschools + 1, sizeof(long));
			measure_school_means(c, survey_of(c, p), sm, resp);
			mean = sm;
		}
		for (size_t i = 0; i < m->nschools; i++) {
			int answered = resp ? resp[i] > 0 && m->schools[i].active : f->responded[i];
			sf[i].measured = (unsigned char)answered;
			sf[i].value = mean[i];
			/* Compared as printed (2 decimals), like the bands. */
			sf[i].counts = answered && measure_round2(mean[i]) >= t->min_mean - 1e-9;
		}
		break;
	}
	case SOURCE_SCORES:
		tally_scores(c, p, sf);
		break;
	default:
		tally_schools(c, p, rs, ps, sf);
		break;
	}
	long group = 0, hit = 0, measured = 0, high = 0;
	double sum = 0;
	unsigned char *missing = arena_alloc(c->scratch, m->nschools + 1);
	for (size_t i = 0; i < m->nschools; i++) {
		if (!place(&sf[i], &m->schools[i], p)) {
			sf[i].counts = 0;
			continue;
		}
		group++;
		measured += sf[i].measured;
		if (sf[i].measured)
			sum += sf[i].value;
		if (sf[i].counts)
			hit++;
		else
			missing[i] = 1;
		high += p->source == SOURCE_EVALUATIONS && t->min_level < 5 && er->level[i] > t->min_level;
	}
	t->measured = measured;
	t->hit = hit;
	t->whole = group;
	t->schools_missing = measure_school_list(c, missing);
	long long den = p->denominator == DENOMINATOR_MEASURED ? measured : group;
	if (p->result == RESULT_MEAN) {
		t->value = measured ? sum / (double)measured : 0;
		t->num = measured;
	} else {
		sum_up(t, hit, den);
	}
	if (group == 0) {
		not_judged(t, GAP_EMPTY_GROUP);
		return;
	}
	switch (p->source) {
	case SOURCE_EVALUATIONS:
		add_extra(t, EXTRA_EVALUATED, measured, group);
		if (t->min_level < 5)
			add_extra(t, EXTRA_ABOVE_PASS, high, group);
		/* A mean of levels, or a share of those evaluated, of nobody. */
		if (measured == 0 && (p->result == RESULT_MEAN || p->denominator == DENOMINATOR_MEASURED)) {
			not_judged(t, GAP_NONE_EVALUATED);
			return;
		}
		judge(t);
		return;
	case SOURCE_SCORES:
		add_extra(t, EXTRA_SCORED, measured, group);
		if (measured == 0) {
			not_judged(t, GAP_NO_SCORES);
			t->no_data = 1;
			return;
		}
		judge(t);
		return;
	case SOURCE_RESPONSES:
		add_extra(t, EXTRA_ANSWERED, measured, group);
		add_extra(t, EXTRA_SATISFIED_OF_ALL, hit, group);
		if (measured == 0) {
			not_judged(t, GAP_NO_SCHOOL_ANSWERED);
			return;
		}
		judge(t);
		return;
	default:
		break;
	}
	judge(t);
}

/* Administrators and teachers (or teachers only) reached, each school's
 * count capped at its staff. */
static void
members_people(Ctx *c, TargetResult *t, const Rows *rs)
{
	const Metric *p = &t->target->metric;
	const Model *m = c->m;
	int teachers_only = p->members == MEMBERS_TEACHERS;
	SchoolFact *sf = t->school;
	for (size_t i = 0; i < rs->n; i++) {
		const Row *r = &rs->items[i];
		if (r->school == ROW_NONE)
			continue;
		size_t si = r->school;
		sf[si].rows++;
		sf[si].people += r->teachers + (teachers_only ? 0 : r->admins);
	}
	long long reached = 0, staff = 0;
	long schools = 0, group = 0;
	unsigned char *missing = arena_alloc(c->scratch, m->nschools + 1);
	for (size_t i = 0; i < m->nschools; i++) {
		const School *s = &m->schools[i];
		if (!place(&sf[i], s, p))
			continue;
		group++;
		sf[i].of_people = s->teachers + (teachers_only ? 0 : s->admins);
		if (sf[i].people > sf[i].of_people)
			sf[i].people = sf[i].of_people;
		staff += sf[i].of_people;
		reached += sf[i].people;
		sf[i].counts = sf[i].people > 0;
		if (sf[i].counts)
			schools++;
		else
			missing[i] = 1;
	}
	sum_up(t, reached, staff);
	t->hit = reached;
	t->whole = staff;
	t->from_visits = rs->from_visits;
	add_extra(t, EXTRA_SCHOOLS_TAKING_PART, schools, group);
	t->schools_missing = measure_school_list(c, missing);
	if (group == 0) {
		not_judged(t, GAP_EMPTY_GROUP);
		return;
	}
	judge(t);
}

/* Networks with at_least rows; a school is reached when it or its network
 * was. */
static void
members_networks(Ctx *c, TargetResult *t, const Rows *rs, const Periods *ps)
{
	const Metric *p = &t->target->metric;
	const Model *m = c->m;
	SchoolFact *sf = t->school;
	/* With every=, a network needs at_least rows in each period due so far
	 * ("เครือข่ายละ 1 ครั้งต่อไตรมาส"). */
	size_t np = ps->n ? ps->n : 1;
	long *net_rows = arena_array(c->scratch, m->nnetworks + 1, sizeof(long));
	long *per = ps->n ? arena_array(c->scratch, (m->nnetworks + 1) * np, sizeof(long)) : NULL;
	for (size_t i = 0; i < rs->n; i++) {
		const Row *r = &rs->items[i];
		const char *code = row_network(c, r);
		const Network *n = *code ? model_network(m, code) : NULL;
		if (n) {
			net_rows[n - m->networks]++;
			int k = per ? period_index(p, ps, r) : -1;
			if (k >= 0)
				per[(size_t)(n - m->networks) * np + (size_t)k]++;
		}
		if (r->school != ROW_NONE)
			sf[r->school].rows++;
	}
	unsigned char *net_ok = arena_alloc(c->scratch, m->nnetworks + 1);
	long nets = 0;
	for (size_t i = 0; i < m->nnetworks; i++) {
		int ok = net_rows[i] >= p->at_least;
		for (size_t k = 0; per && k < ps->due; k++)
			ok = ok && per[i * np + k] >= p->at_least;
		if (per && ps->due == 0)
			ok = 0;
		net_ok[i] = (unsigned char)ok;
		nets += ok;
	}
	long schools = 0;
	unsigned char *missing = arena_alloc(c->scratch, m->nschools + 1);
	for (size_t i = 0; i < m->nschools; i++) {
		const School *s = &m->schools[i];
		if (!place(&sf[i], s, p))
			continue;
		const Network *n = *s->network_code ? model_network(m, s->network_code) : NULL;
		int net_hit = n && net_ok[n - m->networks];
		sf[i].network_rows = n ? net_rows[n - m->networks] : 0;
		sf[i].counts = sf[i].rows > 0 || net_hit;
		sf[i].via_network = sf[i].rows == 0 && net_hit;
		if (sf[i].counts)
			schools++;
		else
			missing[i] = 1;
	}
	t->networks_missing.items = arena_array(c->a, m->nnetworks + 1, sizeof(const char *));
	for (size_t i = 0; i < m->nnetworks; i++)
		if (!net_ok[i])
			t->networks_missing.items[t->networks_missing.n++] = m->networks[i].name;
	sum_up(t, nets, (long long)m->nnetworks);
	t->hit = nets;
	t->whole = (long long)m->nnetworks;
	add_extra(t, EXTRA_SCHOOLS_VIA_NETWORK, schools, c->r->schools);
	t->schools_missing = measure_school_list(c, missing);
	if (m->nnetworks == 0) {
		not_judged(t, GAP_NO_NETWORKS);
		return;
	}
	judge(t);
}

/* Respondents of the survey: each one's mean over their valid answers. */
static void
members_respondents(Ctx *c, TargetResult *t)
{
	const Metric *p = &t->target->metric;
	const Survey *sv = survey_of(c, p);
	t->min_mean = measure_min_mean(c->s, p);
	long n = 0, hit = 0;
	double sum = 0;
	for (size_t i = 0; i < sv->nresponses; i++) {
		const Response *rs = &sv->responses[i];
		if (!measure_counted_date(c, rs->timestamp.date))
			continue;
		/* A target about some schools counts only their respondents. */
		if (rs->school ? !in_population(rs->school, p) :
		    p->color_groups != NULL || p->school_size != NULL || p->school_type != NULL)
			continue;
		double mean;
		if (!measure_respondent_mean(sv, rs, &mean))
			continue;
		n++;
		sum += mean;
		hit += measure_round2(mean) >= t->min_mean - 1e-9;
	}
	t->measured = n;
	if (n == 0) {
		/* Nobody has answered yet: a figure still to come, not one the
		 * office has no way to measure. */
		not_judged(t, GAP_NO_RESPONDENTS);
		return;
	}
	t->hit = hit;
	t->whole = n;
	t->mean = sum / (double)n;
	if (p->result == RESULT_MEAN) {
		t->value = t->mean;
		t->num = n;
	} else {
		sum_up(t, hit, n);
	}
	judge(t);
}

/* An instrument of the plan: the mean of the scores (1-5) its evaluators
 * gave the target's items, dated in the window. A goal in ระดับ is a level
 * of the config's rubric bands, judged on the level the mean reads as (as
 * printed); any other goal on the mean itself. Never a value the instrument
 * did not give. */
static void
measure_assessments(Ctx *c, TargetResult *t)
{
	const Metric *p = &t->target->metric;
	long n = 0, sum = 0, evaluators = 0;
	const char **seen = arena_array(c->a, c->m->nassessments + 1, sizeof(*seen));
	for (size_t i = 0; i < c->m->nassessments; i++) {
		const Assessment *a = &c->m->assessments[i];
		if (a->target != t->target || !measure_counted_date(c, a->date))
			continue;
		n++;
		sum += a->score;
		int known = 0;
		for (long k = 0; k < evaluators && !known; k++)
			known = !strcmp(seen[k], a->evaluator);
		if (!known)
			seen[evaluators++] = a->evaluator;
	}
	if (n == 0) {
		t->no_data = 1;
		not_judged(t, GAP_NO_DATA);
		return;
	}
	t->mean = (double)sum / (double)n;
	t->evaluators = evaluators;
	t->num = n;
	t->measured = n;
	/* A goal in ระดับ is a level, which the unit word says: the level
	 * the mean reads as. */
	if (p->level_goal) {
		t->is_level = 1;
		t->value = settings_level_of_mean(c->s, t->mean);
	} else {
		t->value = t->mean;
	}
	judge(t);
}

/* A population the plan chooses (type, size, colours) that no active
 * school is in is most likely a misspelling: the reports say the target
 * could not be judged; the operator is told why. */
static void
warn_empty_population(Ctx *c, const PlanTarget *pt)
{
	const Metric *p = &pt->metric;
	if (!p->school_type && !p->school_size && !p->color_groups)
		return;
	for (size_t i = 0; i < c->m->nschools; i++)
		if (in_population(&c->m->schools[i], p))
			return;
	const char *by = arena_printf(c->a, "%s%s%s%s%s%s%s%s%s",
	    p->school_type ? " school-type=\"" : "", p->school_type ? p->school_type : "", p->school_type ? "\"" : "",
	    p->school_size ? " school-size=\"" : "", p->school_size ? p->school_size : "", p->school_size ? "\"" : "",
	    p->color_groups ? " color-groups=\"" : "", p->color_groups ? p->color_groups : "",
	    p->color_groups ? "\"" : "");
	/* The types the schools do have, for a misspelt or differently worded one. */
	const char *types = "";
	if (p->school_type) {
		size_t n = 0;
		for (size_t i = 0; i < c->m->nschools && n < 6; i++) {
			const School *s = &c->m->schools[i];
			if (!s->active || !*s->type)
				continue;
			int seen = 0;
			for (size_t j = 0; j < i && !seen; j++)
				seen = c->m->schools[j].active && !strcmp(c->m->schools[j].type, s->type);
			if (!seen)
				types = arena_printf(c->a, "%s%s\"%s\"", types, n++ ? ", " : "", s->type);
		}
		types = n ? arena_printf(c->a, " (its ประเภท values: %s)", types) : " (it has no ประเภท)";
	}
	measure_add_finding(c, DIAG_WARNING, arena_printf(c->a, "%s:%d: target %s chooses schools by%s, "
	    "but no active school in schools.csv%s is among them; check the spelling against its columns "
	    "ประเภท, ขนาด and กลุ่มสี (the target is reported as not judged)", c->s->plan_file, pt->line,
	    pt->id, by, types));
}

/* Disbursement ("เบิกจ่ายงบประมาณร้อยละ 95"): the payments dated in the
 * window, of the target's activities (all when it names none), as a share
 * of what the plan approved for them (the project total when it names
 * none). Exact, in satang. */
static void
measure_spending(Ctx *c, TargetResult *t)
{
	const Metric *p = &t->target->metric;
	const Plan *plan = c->m->plan;
	Satang spent = 0, approved = 0;
	for (size_t i = 0; i < c->m->nspending; i++) {
		const Spending *sp = &c->m->spending[i];
		if (measure_counted_date(c, sp->date) && in_activities(p, sp->activity))
			spent += sp->amount;
	}
	if (p->activities[0] == 0)
		approved = plan->budget_total;
	else
		for (size_t k = 0; k < plan->nactivities; k++)
			if (in_activities(p, plan->activities[k].no))
				approved += plan->activities[k].budget;
	set_percent(t, spent, approved);
	t->hit = spent;
	t->whole = approved;
	if (approved == 0) {
		not_judged(t, GAP_NO_BUDGET);
		return;
	}
	judge(t);
}

void
measure_target(Ctx *c, TargetResult *t, const Facts *f)
{
	const Metric *p = &t->target->metric;
	t->unit = t->target->unit;
	t->goal = t->target->goal;
	warn_empty_population(c, t->target);
	if (p->source == SOURCE_ASSESSMENTS) {
		measure_assessments(c, t);
		return;
	}
	if (p->source == SOURCE_SPENDING) {
		measure_spending(c, t);
		return;
	}
	Rows rs = gather(c, p);
	Periods ps;
	periods_of(c->s, p, c->r->fiscal_year, c->last, &ps);
	switch (p->members) {
	case MEMBERS_SCHOOLS:
	case MEMBERS_PEOPLE:
	case MEMBERS_TEACHERS:
	case MEMBERS_NETWORKS:
		t->school = arena_array(c->a, c->m->nschools + 1, sizeof(SchoolFact));
		break;
	default:
		break;
	}
	switch (p->members) {
	case MEMBERS_EVENTS: members_events(c, t, &rs, &ps); break;
	case MEMBERS_PERIODS: members_periods(c, t, &rs, &ps); break;
	case MEMBERS_SCHOOLS: members_schools(c, t, &rs, &ps, f); break;
	case MEMBERS_PEOPLE:
	case MEMBERS_TEACHERS: members_people(c, t, &rs); break;
	case MEMBERS_NETWORKS: members_networks(c, t, &rs, &ps); break;
	case MEMBERS_RESPONDENTS: members_respondents(c, t); break;
	case MEMBERS_NKINDS: not_judged(t, GAP_NO_DATA); break;
	}
}
