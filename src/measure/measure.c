/* measure.c - every target, indicator and breakdown of DOMAIN.md section 4-5.
 *
 * Pure functions over the model: no I/O, no library. One pass over each
 * table fills per-school and per-month counters; each metric of the plan's
 * vocabulary then reads them with its parameters from plan.xml, so a plan with
 * other goals or other targets needs no code here.
 *
 * What counts (DOMAIN 4 notation): active schools only (|S|); rows dated in
 * the fiscal year and on or before the as-of day; visits that are approved,
 * published or blank (never drafts). */
#include "measure/results.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/numfmt.h"

/* --- small helpers ------------------------------------------------------- */

typedef struct Ctx {
	const Model *m;
	const Settings *s;
	Arena *a;
	Results *r;
	CalDate first, last;       /* fy_first .. min(as_of, fy_last) */
	/* Per visit, computed once: counted (approved, dated in the window) and
	 * the fiscal month 1..12; every metric reads these instead of dates. */
	unsigned char *visit_ok, *visit_month;
} Ctx;

double
measure_round2(double x)
{
	/* Away from a tie (x * 100 not within 1e-6 of .5) plain rounding is
	 * exact; only near a tie does the binary value matter (4.505 is stored
	 * as 4.50499...), and there the shortest decimal form is rounded instead,
	 * read back by hand so that no locale can interfere. */
	double y = x * 100.0, frac = y - floor(y);
	if (fabs(frac - 0.5) > 1e-6 && fabs(y) < 1e15)
		return round(y) / 100.0;
	char buf[64];
	num_format_double(x, 2, NUM_NO_GROUPING, buf, sizeof(buf));
	const char *p = buf;
	int neg = *p == '-';
	p += neg;
	long long hundredths = 0;
	for (; *p; p++)
		if (*p >= '0' && *p <= '9')
			hundredths = hundredths * 10 + (*p - '0');
	double v = (double)hundredths / 100.0;
	return neg ? -v : v;
}

static int
counted_date(const Ctx *c, CalDate d)
{
	return cal_compare(d, c->first) >= 0 && cal_compare(d, c->last) <= 0;
}

static int
visit_counted(const Ctx *c, const Visit *v)
{
	return c->visit_ok[v - c->m->visits];
}

static int
visit_month(const Ctx *c, const Visit *v)
{
	return c->visit_month[v - c->m->visits];
}

static size_t
school_index(const Ctx *c, const School *s)
{
	return (size_t)(s - c->m->schools);
}

static int
in_activities(const MetricParams *p, int activity)
{
	if (p->activities[0] == 0)
		return 1;
	for (size_t i = 0; i < sizeof(p->activities) / sizeof(p->activities[0]) && p->activities[i]; i++)
		if (p->activities[i] == activity)
			return 1;
	return 0;
}

/* The topic filters only visits of an activity that has topics in the
 * plan, so that "activity 4 topic 4.4, and activity 7" is written
 * activity="4 7" topic="4.4". A mode names a kind of supervision wherever
 * it was done: an online visit of any activity is online supervision
 * (DOMAIN 4.1, 3.1.6). */
int
measure_visit_matches(const Plan *plan, const Visit *v, const MetricParams *p)
{
	if (p->mode && *p->mode && strcmp(model_mode_name(v->mode), p->mode) == 0)
		return 1;
	if (!in_activities(p, v->activity))
		return 0;
	if (p->topic && *p->topic) {
		const PlanActivity *pa = plan ? plan_activity(plan, v->activity) : NULL;
		if (pa && pa->ntopics > 0 && strcmp(v->topic, p->topic) != 0)
			return 0;
	}
	return 1;
}

static int
visit_matches(const Ctx *c, const Visit *v, const MetricParams *p)
{
	return measure_visit_matches(c->m->plan, v, p);
}

static int
meeting_is(const Meeting *mt, const char *type)
{
	return type && !strcmp(model_meeting_type_name(mt->type), type);
}

static double
percent(long long num, long long den)
{
	return den > 0 ? (double)num * 100.0 / (double)den : 0.0;
}

static void
set_percent(TargetResult *t, long long num, long long den)
{
	t->is_percent = 1;
	t->num = num;
	t->den = den;
	t->value = percent(num, den);
}

static void
add_extra(TargetResult *t, const char *label, long long num, long long den)
{
	if (t->nextras == RESULTS_MAX_EXTRAS)
		return;
	Extra *e = &t->extras[t->nextras++];
	e->label = label;
	e->is_percent = 1;
	e->num = num;
	e->den = den;
	e->value = percent(num, den);
}

/* Met when judged and the value reaches the goal (exact comparison). */
static void
judge(TargetResult *t)
{
	if (!t->target->has_goal) {
		t->judged = 0;
		t->met = 0;
		if (t->note == NULL)
			t->note = "ไม่ได้กำหนดค่าเป้าหมาย";
		return;
	}
	t->judged = 1;
	if (t->is_percent)
		/* value >= goal, without rounding: num/den*100 >= goal */
		t->met = t->den > 0 && (double)t->num * 100.0 >= t->goal * (double)t->den - 1e-9;
	else
		t->met = t->value >= t->goal - 1e-9;
}

/* A count for a note: grouped (1,692), as every other figure the reader
 * sees; Thai digits are the report's business (fmt_text). */
static const char *
num(Ctx *c, long long v)
{
	char buf[32];
	num_format_int(v, 0, buf, sizeof(buf));
	return arena_strdup(c->a, buf);
}

static SchoolList
school_list(Ctx *c, const unsigned char *include)
{
	SchoolList l = { 0 };
	size_t n = 0;
	for (size_t i = 0; i < c->m->nschools; i++)
		n += include[i] != 0;
	l.items = arena_array(c->a, n ? n : 1, sizeof(*l.items));
	for (size_t i = 0; i < c->m->nschools; i++)
		if (include[i])
			l.items[l.n++] = &c->m->schools[i];
	return l;
}

/* "ต.ค. 57" for a month's first day. */
static const char *
month_short(Ctx *c, CalDate d)
{
	char buf[64];
	cal_format(d, CAL_FORMAT_MONTH_SHORT, 0, buf, sizeof(buf));
	return arena_strdup(c->a, buf);
}

static const char *
date_long(Ctx *c, CalDate d)
{
	char buf[64];
	cal_format(d, CAL_FORMAT_LONG, 0, buf, sizeof(buf));
	return arena_strdup(c->a, buf);
}

/* Months of the FY that have begun by the as-of day. */
static int
months_elapsed(const Ctx *c)
{
	if (cal_compare(c->last, c->first) < 0)
		return 0;
	return cal_fy_month(c->last);
}

/* --- evaluation levels --------------------------------------------------- */

int
measure_eval_level(const Settings *s, const Evaluation *e, double *pct_out)
{
	double pct = -1;
	double mean = -1;
	if (e->has_percent) {
		pct = e->percent;
	} else if (e->nscores > 0) {
		int sum = 0, n = 0;
		for (int i = 0; i < e->nscores; i++)
			if (e->scores[i] > 0) {
				sum += e->scores[i];
				n++;
			}
		if (n > 0) {
			pct = sum * 100.0 / (5.0 * n);
			mean = (double)sum / n;
		}
	}
	if (pct_out)
		*pct_out = pct;
	if (s->eval_method == EVAL_BY_MEAN && mean >= 0) {
		double rm = measure_round2(mean);
		for (int l = 5; l >= 1; l--)
			if (rm >= s->rubric_bands[l - 1].min)
				return l;
		return 1;
	}
	if (pct >= 0) {
		for (int l = 5; l >= 1; l--)
			if (pct >= s->level_percent[l - 1] - 1e-9)
				return l;
		return 1;
	}
	return e->level; /* only a level word was given */
}

static void
measure_evaluations(Ctx *c)
{
	const Model *m = c->m;
	EvalResults *er = &c->r->eval;
	er->latest = arena_array(c->a, m->nschools ? m->nschools : 1, sizeof(*er->latest));
	er->level = arena_array(c->a, m->nschools ? m->nschools : 1, sizeof(*er->level));
	for (size_t i = 0; i < m->nevaluations; i++) {
		const Evaluation *e = &m->evaluations[i];
		if (!counted_date(c, e->date) || e->school == NULL)
			continue;
		size_t k = school_index(c, e->school);
		const Evaluation *cur = er->latest[k];
		/* The latest in the year counts; on the same day, the higher round. */
		if (cur == NULL || cal_compare(e->date, cur->date) > 0 ||
		    (cal_compare(e->date, cur->date) == 0 && e->round > cur->round))
			er->latest[k] = e;
	}
	double pct_sum = 0;
	long pct_n = 0;
	for (size_t k = 0; k < m->nschools; k++) {
		if (!m->schools[k].active)
			continue;
		if (er->latest[k] == NULL) {
			er->level_count[0]++;
			continue;
		}
		double pct;
		int level = measure_eval_level(c->s, er->latest[k], &pct);
		er->level[k] = level;
		er->level_count[level]++;
		er->evaluated++;
		if (pct >= 0) {
			pct_sum += pct;
			pct_n++;
		}
	}
	er->mean_percent = pct_n ? pct_sum / pct_n : 0;
}

/* --- survey -------------------------------------------------------------- */

const char *
measure_likert_band(const Settings *s, double mean)
{
	double rm = measure_round2(mean);
	for (int i = 4; i >= 0; i--)
		if (rm >= s->likert_bands[i].min - 1e-9)
			return s->likert_bands[i].label;
	return NULL;
}

typedef struct Acc {
	long n, top2;
	double sum, sumsq;
} Acc;

static void
acc_add(Acc *a, int x)
{
	a->n++;
	a->sum += x;
	a->sumsq += (double)x * x;
	a->top2 += x >= 4;
}

static void
acc_stats(const Settings *s, const Acc *a, ItemStats *st)
{
	st->n = a->n;
	if (a->n == 0)
		return;
	st->mean = a->sum / a->n;
	st->has_sd = a->n >= 2;
	if (st->has_sd) {
		double var = (a->sumsq - a->sum * a->sum / a->n) / (a->n - 1);
		st->sd = var > 0 ? sqrt(var) : 0;
	}
	st->band = measure_likert_band(s, st->mean);
	st->top2 = percent(a->top2, a->n);
}

/* School satisfaction (DOMAIN 4.2, 3.2.2): per respondent the mean of their
 * valid answers; per school the mean of its respondents' means, averaged first
 * within each activity when the form has an activity column. */
static void
measure_survey(Ctx *c, double *school_mean, unsigned char *responded, unsigned char *satisfied)
{
	const Model *m = c->m;
	const Survey *sv = &m->survey;
	SurveyResults *sr = &c->r->survey;
	Acc items[SURVEY_MAX_ITEMS] = { 0 }, all = { 0 }, by_act[16] = { 0 };
	size_t ns = m->nschools ? m->nschools : 1;
	/* Per school and activity (0..15): sum of respondent means and count. */
	double *sum = arena_array(c->a, ns * 16, sizeof(double));
	long *cnt = arena_array(c->a, ns * 16, sizeof(long));

	sr->nitems = sv->nitems;
	for (size_t i = 0; i < sv->nresponses; i++) {
		const Response *rs = &sv->responses[i];
		if (!counted_date(c, rs->timestamp.date))
			continue;
		sr->respondents++;
		int rsum = 0, rn = 0;
		int act = rs->activity >= 0 && rs->activity < 16 ? rs->activity : 0;
		for (size_t k = 0; k < sv->nitems; k++) {
			int x = rs->answers[k];
			if (x < 0) {
				sr->invalid_answers++;
				continue;
			}
			if (x == 0)
				continue;
			acc_add(&items[k], x);
			acc_add(&all, x);
			acc_add(&by_act[act], x);
			rsum += x;
			rn++;
		}
		if (rn == 0 || rs->school == NULL || !rs->school->active)
			continue;
		size_t si = school_index(c, rs->school);
		sum[si * 16 + (size_t)act] += (double)rsum / rn;
		cnt[si * 16 + (size_t)act]++;
	}
	for (size_t k = 0; k < sv->nitems; k++) {
		sr->items[k].text = sv->items[k];
		acc_stats(c->s, &items[k], &sr->items[k]);
	}
	acc_stats(c->s, &all, &sr->overall);
	sr->overall.text = "รวม/เฉลี่ย";
	for (int a = 0; a < 16; a++)
		acc_stats(c->s, &by_act[a], &sr->by_activity[a]);

	/* Ranks: 1 for the highest mean as printed; equal means share a rank. */
	double printed[SURVEY_MAX_ITEMS];
	for (size_t k = 0; k < sv->nitems; k++)
		printed[k] = measure_round2(sr->items[k].mean);
	for (size_t k = 0; k < sv->nitems; k++) {
		int rank = 1;
		for (size_t j = 0; j < sv->nitems; j++)
			if (sr->items[j].n > 0 && printed[j] > printed[k])
				rank++;
		sr->items[k].rank = sr->items[k].n > 0 ? rank : 0;
	}

	for (size_t si = 0; si < m->nschools; si++) {
		double acts = 0;
		int nacts = 0;
		for (int a = 0; a < 16; a++)
			if (cnt[si * 16 + (size_t)a] > 0) {
				acts += sum[si * 16 + (size_t)a] / cnt[si * 16 + (size_t)a];
				nacts++;
			}
		if (nacts == 0)
			continue;
		responded[si] = 1;
		school_mean[si] = acts / nacts;
		sr->schools_responding++;
		/* Compared as printed (2 decimals), like the bands. */
		if (measure_round2(school_mean[si]) >= c->s->satisfied_threshold - 1e-9) {
			satisfied[si] = 1;
			sr->schools_satisfied++;
		}
	}
}

/* --- per-school facts shared by several metrics --------------------------- */

typedef struct Facts {
	unsigned char *visited;        /* any counted visit */
	long *visits;                  /* counted visits per school */
	unsigned char *responded;
	double *sat_mean;
	unsigned char *satisfied;      /* responded and mean >= threshold (as printed) */
	unsigned char *with_practice;
} Facts;

static int
school_satisfied(const Ctx *c, const Facts *f, size_t i)
{
	(void)c;
	return f->satisfied[i];
}

static int
school_passed(const Ctx *c, size_t i, int min_level)
{
	return c->r->eval.level[i] >= min_level;
}

/* --- the metrics --------------------------------------------------------- */

static void
metric_event_count(Ctx *c, TargetResult *t)
{
	const MetricParams *p = &t->target->params;
	long n = 0;
	for (size_t i = 0; i < c->m->nmeetings; i++) {
		const Meeting *mt = &c->m->meetings[i];
		if (meeting_is(mt, p->event_type) && counted_date(c, mt->date)) {
			n++;
			t->months[cal_fy_month(mt->date) - 1]++;
		}
	}
	t->num = n;
	t->value = (double)n;
	judge(t);
}

static void
metric_event_windows(Ctx *c, TargetResult *t)
{
	const MetricParams *p = &t->target->params;
	int w = p->window_months > 0 && p->window_months <= 12 ? p->window_months : 1;
	int nwin = (12 + w - 1) / w, covered = 0;
	metric_event_count(c, t);
	char missing[512] = "";
	size_t used = 0;
	for (int k = 0; k < nwin; k++) {
		long in = 0;
		for (int mo = k * w; mo < (k + 1) * w && mo < 12; mo++)
			in += t->months[mo];
		if (in > 0) {
			covered++;
			continue;
		}
		CalDate from = cal_fy_month_first(c->r->fiscal_year, k * w + 1);
		CalDate to = cal_fy_month_first(c->r->fiscal_year, (k + 1) * w < 12 ? (k + 1) * w : 12);
		if (cal_compare(from, c->last) > 0)
			continue; /* not begun by the as-of day: not yet missed */
		int n = snprintf(missing + used, sizeof(missing) - used, "%s%s–%s", used ? ", " : "",
		    month_short(c, from), month_short(c, to));
		if (n > 0 && (size_t)n < sizeof(missing) - used)
			used += (size_t)n;
	}
	add_extra(t, "ช่วงสองเดือนที่มีการประชุม", covered, nwin);
	t->extras[t->nextras - 1].is_percent = 0;
	t->extras[t->nextras - 1].value = covered;
	if (t->judged)
		t->met = t->met && covered == nwin;
	if (used > 0)
		t->note = arena_printf(c->a, "ไม่มีการประชุมในช่วง %s", missing);
}

static int
is_holiday(const Settings *s, CalDate d)
{
	char iso[16];
	cal_format(d, CAL_FORMAT_ISO, 0, iso, sizeof(iso));
	for (size_t i = 0; i < s->nholidays; i++)
		if (!strcmp(s->holidays[i], iso))
			return 1;
	return 0;
}

static void
metric_weekday_coverage(Ctx *c, TargetResult *t)
{
	const MetricParams *p = &t->target->params;
	CalDate days[64];
	size_t n = cal_weekdays_between(c->first, c->last, p->weekday, days, 64);
	if (n > 64)
		n = 64;
	t->dates_missing.items = arena_array(c->a, n ? n : 1, sizeof(CalDate));
	long due = 0, held = 0, holidays = 0;
	for (size_t k = 0; k < n; k++) {
		if (is_holiday(c->s, days[k])) {
			holidays++;
			continue;
		}
		due++;
		int ok = 0;
		for (size_t i = 0; i < c->m->nmeetings && !ok; i++) {
			const Meeting *mt = &c->m->meetings[i];
			if (!meeting_is(mt, p->event_type) || !counted_date(c, mt->date))
				continue;
			/* On the day, or moved from it to another day (replaces=). */
			ok = cal_compare(mt->date, days[k]) == 0 ||
			    (mt->replaces.year != 0 && cal_compare(mt->replaces, days[k]) == 0);
		}
		if (ok) {
			held++;
			t->months[cal_fy_month(days[k]) - 1]++;
		} else {
			t->dates_missing.items[t->dates_missing.n++] = days[k];
		}
	}
	set_percent(t, held, due);
	judge(t);
	t->note = arena_printf(c->a, "จัด %s ครั้ง จาก %s %s%s", num(c, held), num(c, due),
	    cal_weekday_name(p->weekday, CAL_NAME_LONG),
	    holidays ? arena_printf(c->a, " (ไม่นับวันหยุด %ld วัน)", holidays) : "");
}

static void
metric_month_coverage(Ctx *c, TargetResult *t)
{
	const MetricParams *p = &t->target->params;
	for (size_t i = 0; i < c->m->nvisits; i++) {
		const Visit *v = &c->m->visits[i];
		if (visit_counted(c, v) && visit_matches(c, v, p))
			t->months[visit_month(c, v) - 1]++;
	}
	/* Online supervision also has its own log (online.csv). */
	if (p->mode && !strcmp(p->mode, "online"))
		for (size_t i = 0; i < c->m->nonline; i++)
			if (counted_date(c, c->m->online[i].date))
				t->months[cal_fy_month(c->m->online[i].date) - 1]++;
	int covered = 0, elapsed = months_elapsed(c);
	t->dates_missing.items = arena_array(c->a, 12, sizeof(CalDate));
	for (int mo = 0; mo < 12; mo++) {
		if (t->months[mo] > 0)
			covered++;
		else if (mo < elapsed)
			t->dates_missing.items[t->dates_missing.n++] = cal_fy_month_first(c->r->fiscal_year, mo + 1);
	}
	t->num = covered;
	t->value = covered;
	judge(t);
	if (t->dates_missing.n > 0) {
		char buf[256] = "";
		size_t used = 0;
		for (size_t k = 0; k < t->dates_missing.n; k++) {
			int w = snprintf(buf + used, sizeof(buf) - used, "%s%s", k ? ", " : "",
			    month_short(c, t->dates_missing.items[k]));
			if (w > 0 && (size_t)w < sizeof(buf) - used)
				used += (size_t)w;
		}
		t->note = arena_printf(c->a, "เดือนที่ไม่มีการดำเนินการ: %s", buf);
	}
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

static void
metric_school_coverage(Ctx *c, TargetResult *t)
{
	const MetricParams *p = &t->target->params;
	const Model *m = c->m;
	unsigned char *reached = arena_alloc(c->a, m->nschools + 1);
	unsigned char *missing = arena_alloc(c->a, m->nschools + 1);
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (v->school && visit_counted(c, v) && visit_matches(c, v, p))
			reached[school_index(c, v->school)] = 1;
	}
	long group = 0, hit = 0;
	for (size_t i = 0; i < m->nschools; i++) {
		const School *s = &m->schools[i];
		if (!s->active || !measure_in_colour_groups(p->color_groups, s->color_group))
			continue;
		group++;
		if (reached[i])
			hit++;
		else
			missing[i] = 1;
	}
	set_percent(t, hit, group);
	t->schools_missing = school_list(c, missing);
	if (group == 0) {
		t->judged = 0;
		t->met = 0;
		t->note = arena_printf(c->a, "ไม่มีโรงเรียนกลุ่มสี%s", p->color_groups ? p->color_groups : "");
		return;
	}
	judge(t);
	t->note = arena_printf(c->a, "%s จาก %s โรงเรียน", num(c, hit), num(c, group));
}

static void
metric_staff_coverage(Ctx *c, TargetResult *t)
{
	const MetricParams *p = &t->target->params;
	const Model *m = c->m;
	long *present = arena_array(c->a, m->nschools + 1, sizeof(long));
	unsigned char *missing = arena_alloc(c->a, m->nschools + 1);
	/* Attendance lists when the office keeps them; otherwise the visits of
	 * the activity say how many teachers and administrators were met. */
	int from_attendance = 0;
	for (size_t i = 0; i < m->nattendance; i++) {
		const Attendance *at = &m->attendance[i];
		if (at->school == NULL || (at->event && !counted_date(c, at->event->date)))
			continue;
		if (at->event && p->event_type && !meeting_is(at->event, p->event_type))
			continue;
		present[school_index(c, at->school)] += at->teachers_present + at->admins_present;
		from_attendance = 1;
	}
	if (!from_attendance)
		for (size_t i = 0; i < m->nvisits; i++) {
			const Visit *v = &m->visits[i];
			if (v->school && visit_counted(c, v) && visit_matches(c, v, p))
				present[school_index(c, v->school)] += v->teachers_met + v->admins_met;
		}
	long long reached_staff = 0, staff = 0;
	long schools_reached = 0;
	for (size_t i = 0; i < m->nschools; i++) {
		const School *s = &m->schools[i];
		if (!s->active)
			continue;
		long n = s->teachers + s->admins;
		staff += n;
		reached_staff += present[i] < n ? present[i] : n;
		if (present[i] > 0)
			schools_reached++;
		else
			missing[i] = 1;
	}
	set_percent(t, reached_staff, staff);
	add_extra(t, "โรงเรียนที่เข้าร่วม", schools_reached, c->r->schools);
	t->schools_missing = school_list(c, missing);
	judge(t);
	t->note = arena_printf(c->a, "ผู้บริหารและครู %s จาก %s คน (%s)", num(c, reached_staff), num(c, staff),
	    from_attendance ? "จากบัญชีลงเวลา" : "จากบันทึกการนิเทศ");
}

static void
metric_network_coverage(Ctx *c, TargetResult *t)
{
	const MetricParams *p = &t->target->params;
	const Model *m = c->m;
	unsigned char *net_hit = arena_alloc(c->a, m->nnetworks + 1);
	unsigned char *school_hit = arena_alloc(c->a, m->nschools + 1);
	unsigned char *missing = arena_alloc(c->a, m->nschools + 1);
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (!visit_counted(c, v) || !visit_matches(c, v, p))
			continue;
		const char *code = *v->network_code ? v->network_code : v->school ? v->school->network_code : "";
		const Network *n = *code ? model_network(m, code) : NULL;
		if (n)
			net_hit[n - m->networks] = 1;
		if (v->school)
			school_hit[school_index(c, v->school)] = 1;
	}
	long nets = 0;
	for (size_t i = 0; i < m->nnetworks; i++)
		nets += net_hit[i];
	long schools = 0;
	for (size_t i = 0; i < m->nschools; i++) {
		const School *s = &m->schools[i];
		if (!s->active)
			continue;
		const Network *n = *s->network_code ? model_network(m, s->network_code) : NULL;
		if (school_hit[i] || (n && net_hit[n - m->networks]))
			schools++;
		else
			missing[i] = 1;
	}
	set_percent(t, nets, (long long)m->nnetworks);
	add_extra(t, "โรงเรียนที่ได้รับการนิเทศผ่านเครือข่าย", schools, c->r->schools);
	t->schools_missing = school_list(c, missing);
	if (m->nnetworks == 0) {
		t->judged = 0;
		t->note = "ไม่มีข้อมูลเครือข่าย";
		return;
	}
	judge(t);
	t->note = arena_printf(c->a, "%s จาก %s เครือข่าย", num(c, nets), num(c, (long long)m->nnetworks));
}

/* The per-school goal of a topic ("4.4": 10 visits per school). */
static const PlanTopic *
find_topic(const Plan *plan, const char *code)
{
	for (size_t a = 0; a < plan->nactivities; a++)
		for (size_t k = 0; k < plan->activities[a].ntopics; k++)
			if (!strcmp(plan->activities[a].topics[k].code, code))
				return &plan->activities[a].topics[k];
	return NULL;
}

static void
metric_per_school_visits(Ctx *c, TargetResult *t)
{
	const MetricParams *p = &t->target->params;
	const Model *m = c->m;
	const PlanTopic *topic = p->topic ? find_topic(m->plan, p->topic) : NULL;
	long goal = topic && topic->per_school_goal > 0 ? topic->per_school_goal : 1;
	long *n = arena_array(c->a, m->nschools + 1, sizeof(long));
	unsigned char *missing = arena_alloc(c->a, m->nschools + 1);
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (v->school && visit_counted(c, v) && visit_matches(c, v, p))
			n[school_index(c, v->school)]++;
	}
	long reached = 0;
	for (size_t i = 0; i < m->nschools; i++) {
		if (!m->schools[i].active)
			continue;
		if (n[i] >= goal)
			reached++;
		else
			missing[i] = 1;
	}
	set_percent(t, reached, c->r->schools);
	t->schools_missing = school_list(c, missing);
	judge(t);
	t->note = arena_printf(c->a, "โรงเรียนที่ได้รับการนิเทศอย่างน้อย %ld ครั้ง", goal);
}

static void
metric_event_held(Ctx *c, TargetResult *t)
{
	const MetricParams *p = &t->target->params;
	const Meeting *first = NULL;
	long n = 0;
	for (size_t i = 0; i < c->m->nmeetings; i++) {
		const Meeting *mt = &c->m->meetings[i];
		if (!meeting_is(mt, p->event_type) || !counted_date(c, mt->date))
			continue;
		n++;
		if (first == NULL || cal_compare(mt->date, first->date) < 0)
			first = mt;
	}
	t->num = n;
	t->value = (double)n;
	judge(t);
	if (first == NULL) {
		t->note = "ยังไม่ได้จัด";
		return;
	}
	/* Held late is still held (DOMAIN 4.1): met, with a note. */
	const PlanActivity *pa = p->activities[0] ? plan_activity(c->m->plan, p->activities[0]) : NULL;
	CalDate end;
	if (pa && pa->end && cal_parse_iso(pa->end, strlen(pa->end), &end) == CAL_OK &&
	    cal_compare(first->date, end) > 0)
		t->note = arena_printf(c->a, "จัดเมื่อ %s ช้ากว่าแผน (%s)", date_long(c, first->date),
		    pa->period_text ? pa->period_text : pa->end);
	else
		t->note = arena_printf(c->a, "จัดเมื่อ %s", date_long(c, first->date));
}

static void
metric_eval_pass(Ctx *c, TargetResult *t)
{
	const MetricParams *p = &t->target->params;
	const Model *m = c->m;
	int min_level = p->min_level > 0 ? p->min_level : c->s->pass_level;
	unsigned char *missing = arena_alloc(c->a, m->nschools + 1);
	long passed = 0, high = 0;
	for (size_t i = 0; i < m->nschools; i++) {
		if (!m->schools[i].active)
			continue;
		if (school_passed(c, i, min_level))
			passed++;
		else
			missing[i] = 1;
		if (min_level < 5 && school_passed(c, i, min_level + 1))
			high++;
	}
	c->r->eval.passed = passed;
	set_percent(t, passed, c->r->schools);
	add_extra(t, "ได้รับการประเมิน", c->r->eval.evaluated, c->r->schools);
	if (min_level < 5)
		add_extra(t, arena_printf(c->a, "ระดับ%s ขึ้นไป (คุณภาพสูง)",
		    c->s->rubric_bands[min_level].label), high, c->r->schools);
	t->schools_missing = school_list(c, missing);
	judge(t);
	t->note = arena_printf(c->a, "ผ่านระดับ%s ขึ้นไป %s จาก %s โรงเรียน; ไม่ได้รับการประเมิน %s โรงเรียน",
	    c->s->rubric_bands[min_level - 1].label, num(c, passed), num(c, c->r->schools),
	    num(c, c->r->eval.level_count[0]));
}

static void
metric_satisfied(Ctx *c, TargetResult *t, const Facts *f)
{
	const Model *m = c->m;
	const SurveyResults *sr = &c->r->survey;
	unsigned char *missing = arena_alloc(c->a, m->nschools + 1);
	for (size_t i = 0; i < m->nschools; i++)
		if (m->schools[i].active && !school_satisfied(c, f, i))
			missing[i] = 1;
	set_percent(t, sr->schools_satisfied, sr->schools_responding);
	add_extra(t, "ความครอบคลุม (โรงเรียนที่ตอบ)", sr->schools_responding, c->r->schools);
	add_extra(t, "พึงพอใจ เทียบกับโรงเรียนทั้งหมด", sr->schools_satisfied, c->r->schools);
	t->schools_missing = school_list(c, missing);
	if (sr->schools_responding == 0) {
		t->judged = 0;
		t->note = "ยังไม่มีโรงเรียนตอบแบบสำรวจ";
		return;
	}
	judge(t);
	t->note = arena_printf(c->a, "พึงพอใจ %s จาก %s โรงเรียนที่ตอบ (เกณฑ์ค่าเฉลี่ย %.2f)",
	    num(c, sr->schools_satisfied), num(c, sr->schools_responding), c->s->satisfied_threshold);
}

static void
metric_practice(Ctx *c, TargetResult *t, const Facts *f)
{
	const Model *m = c->m;
	long n = 0;
	unsigned char *missing = arena_alloc(c->a, m->nschools + 1);
	for (size_t i = 0; i < m->nschools; i++) {
		if (!m->schools[i].active)
			continue;
		if (f->with_practice[i])
			n++;
		else
			missing[i] = 1;
	}
	set_percent(t, n, c->r->schools);
	t->schools_missing = school_list(c, missing);
	judge(t);
}

/* 6.1 without a meta-evaluation file (DOMAIN 4.3): the share of
 * quantitative targets met, labelled as a proxy. The plan's goal is a level
 * (3 = ดี), so the share is read as a level by the evaluation bands to judge. */
static void
metric_system_quality(Ctx *c, TargetResult *t)
{
	long met = 0, n = 0;
	for (size_t i = 0; i < c->r->ntargets; i++) {
		const TargetResult *q = &c->r->targets[i];
		if (strncmp(q->target->id, "3.1.", 4) != 0)
			continue;
		n++;
		met += q->judged && q->met;
	}
	set_percent(t, met, n);
	t->unit = "ร้อยละ (ค่าแทน)";
	/* The goal in the same unit: the lowest % of the goal's level. */
	int goal_level = (int)t->target->goal;
	if (goal_level >= 1 && goal_level <= 5)
		t->goal = c->s->level_percent[goal_level - 1];
	int level = 1;
	for (int l = 5; l >= 1; l--)
		if (t->value >= c->s->level_percent[l - 1] - 1e-9) {
			level = l;
			break;
		}
	t->judged = t->target->has_goal && n > 0;
	t->met = t->judged && level >= t->target->goal - 1e-9;
	t->note = arena_printf(c->a, "วัดด้วยค่าแทนเพราะไม่มีแบบประเมินระบบ: เป้าหมายเชิงปริมาณบรรลุ %s จาก %s ข้อ "
	    "= ร้อยละ %.2f ตรงกับระดับ%s; ค่าเป้าหมายระดับ%sเทียบเท่าร้อยละ %s", num(c, met), num(c, n),
	    measure_round2(t->value), c->s->rubric_bands[level - 1].label,
	    goal_level >= 1 && goal_level <= 5 ? c->s->rubric_bands[goal_level - 1].label : "-",
	    num(c, (long long)t->goal));
}

static void
measure_target(Ctx *c, TargetResult *t, const Facts *f)
{
	t->unit = t->target->unit;
	t->goal = t->target->goal;
	switch (t->target->metric) {
	case METRIC_EVENT_COUNT: metric_event_count(c, t); break;
	case METRIC_EVENT_WINDOWS: metric_event_windows(c, t); break;
	case METRIC_WEEKDAY_COVERAGE: metric_weekday_coverage(c, t); break;
	case METRIC_MONTH_COVERAGE: metric_month_coverage(c, t); break;
	case METRIC_SCHOOL_COVERAGE: metric_school_coverage(c, t); break;
	case METRIC_STAFF_COVERAGE: metric_staff_coverage(c, t); break;
	case METRIC_NETWORK_COVERAGE: metric_network_coverage(c, t); break;
	case METRIC_PER_SCHOOL_VISITS: metric_per_school_visits(c, t); break;
	case METRIC_EVENT_HELD: metric_event_held(c, t); break;
	case METRIC_EVAL_PASS_PERCENT: metric_eval_pass(c, t); break;
	case METRIC_SATISFIED_PERCENT: metric_satisfied(c, t, f); break;
	case METRIC_PRACTICE_PERCENT: metric_practice(c, t, f); break;
	case METRIC_SYSTEM_QUALITY: metric_system_quality(c, t); break;
	case METRIC_NKINDS: t->judged = 0; t->note = "unknown metric"; break;
	}
}

/* --- budget (DOMAIN 4.5) ------------------------------------------------- */

static void
add_finding(Ctx *c, DiagSeverity sev, const char *text)
{
	Results *r = c->r;
	Finding *grown = arena_array(c->a, r->nfindings + 1, sizeof(Finding));
	if (r->nfindings)
		memcpy(grown, r->findings, r->nfindings * sizeof(Finding));
	grown[r->nfindings].severity = sev;
	grown[r->nfindings].text = text;
	r->findings = grown;
	r->nfindings++;
}

static void
measure_budget(Ctx *c)
{
	const Plan *plan = c->m->plan;
	BudgetResults *b = &c->r->budget;
	b->approved_total = plan->budget_total;
	b->nlines = plan->nactivities;
	b->lines = arena_array(c->a, b->nlines ? b->nlines : 1, sizeof(BudgetLine));
	for (size_t i = 0; i < plan->nactivities; i++) {
		b->lines[i].activity = plan->activities[i].no;
		b->lines[i].plan = &plan->activities[i];
		b->lines[i].approved = plan->activities[i].budget;
	}
	for (size_t i = 0; i < c->m->nspending; i++) {
		const Spending *sp = &c->m->spending[i];
		if (!counted_date(c, sp->date))
			continue;
		b->spent += sp->amount;
		b->by_category[sp->category] += sp->amount;
		b->by_quarter[cal_fy_quarter(sp->date) - 1] += sp->amount;
		b->by_month[cal_fy_month(sp->date) - 1] += sp->amount;
		for (size_t k = 0; k < b->nlines; k++)
			if (b->lines[k].activity == sp->activity) {
				b->lines[k].spent += sp->amount;
				b->lines[k].by_category[sp->category] += sp->amount;
			}
	}
	for (size_t k = 0; k < b->nlines; k++) {
		BudgetLine *l = &b->lines[k];
		l->remaining = l->approved - l->spent;
		l->has_percent = l->approved > 0;
		l->percent = l->has_percent ? (double)l->spent * 100.0 / (double)l->approved : 0;
		if (l->spent > l->approved) {
			l->moved_in = l->spent - l->approved;
			b->moved += l->moved_in;
		} else {
			l->moved_out = l->approved - l->spent;
		}
	}
	b->remaining = b->approved_total - b->spent;
	b->percent = b->approved_total > 0 ? (double)b->spent * 100.0 / (double)b->approved_total : 0;
	if (b->spent > b->approved_total) {
		char spent[64], total[64];
		num_format_money(b->spent, 0, spent, sizeof(spent));
		num_format_money(b->approved_total, 0, total, sizeof(total));
		b->over_total = 1;
		add_finding(c, DIAG_ROW, arena_printf(c->a, "spending (%s baht) is above the project total "
		    "(%s baht): ถัวจ่าย allows moves between activities, never above the total; check "
		    "spending.csv", spent, total));
	}
}

/* --- activities, breakdowns, months -------------------------------------- */

static void
note_date(ActivityResults *ar, CalDate d)
{
	if (ar->first.year == 0 || cal_compare(d, ar->first) < 0)
		ar->first = d;
	if (ar->last.year == 0 || cal_compare(d, ar->last) > 0)
		ar->last = d;
}

/* DOMAIN 4.4, in one pass over the visits and one over the meetings: each
 * row goes to its activity through a table of activity numbers. */
static void
measure_activities(Ctx *c)
{
	const Model *m = c->m;
	const Plan *plan = m->plan;
	Results *r = c->r;
	enum { MAX_ACTIVITY_NO = 100 };
	int index_of[MAX_ACTIVITY_NO];
	for (int i = 0; i < MAX_ACTIVITY_NO; i++)
		index_of[i] = -1;
	r->nactivities = plan->nactivities;
	r->activities = arena_array(c->a, r->nactivities ? r->nactivities : 1, sizeof(ActivityResults));
	size_t ns = m->nschools + 1;
	/* seen[k * ns + school]: school reached by activity k; topic_school[k]:
	 * visits per school and topic of activity k (only activities with topics). */
	unsigned char *seen = arena_alloc(c->a, ns * (plan->nactivities ? plan->nactivities : 1));
	/* net_seen[k * nn + network]: a session of activity k for a whole
	 * network, which reaches the network's schools (as in 3.1.8). */
	size_t nn = m->nnetworks + 1;
	unsigned char *net_seen = arena_alloc(c->a, nn * (plan->nactivities ? plan->nactivities : 1));
	long **topic_school = arena_array(c->a, plan->nactivities + 1, sizeof(long *));
	for (size_t k = 0; k < plan->nactivities; k++) {
		ActivityResults *ar = &r->activities[k];
		const PlanActivity *pa = &plan->activities[k];
		ar->plan = pa;
		ar->budget = &r->budget.lines[k];
		if (pa->no >= 0 && pa->no < MAX_ACTIVITY_NO)
			index_of[pa->no] = (int)k;
		if (pa->ntopics > 0)
			topic_school[k] = arena_array(c->a, ns * pa->ntopics, sizeof(long));
	}
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (!visit_counted(c, v) || v->activity < 0 || v->activity >= MAX_ACTIVITY_NO ||
		    index_of[v->activity] < 0)
			continue;
		size_t k = (size_t)index_of[v->activity];
		ActivityResults *ar = &r->activities[k];
		const PlanActivity *pa = ar->plan;
		ar->events++;
		note_date(ar, v->date);
		if (v->school) {
			size_t si = school_index(c, v->school);
			if (!seen[k * ns + si]) {
				seen[k * ns + si] = 1;
				ar->schools_reached++;
			}
		} else if (*v->network_code) {
			const Network *n = model_network(m, v->network_code);
			if (n)
				net_seen[k * nn + (size_t)(n - m->networks)] = 1;
		}
		for (size_t t = 0; t < pa->ntopics && t < 16; t++)
			if (!strcmp(v->topic, pa->topics[t].code)) {
				ar->topic_visits[t]++;
				if (v->school)
					topic_school[k][school_index(c, v->school) * pa->ntopics + t]++;
				break;
			}
	}
	for (size_t i = 0; i < m->nmeetings; i++) {
		const Meeting *mt = &m->meetings[i];
		if (mt->activity < 0 || mt->activity >= MAX_ACTIVITY_NO || index_of[mt->activity] < 0 ||
		    !counted_date(c, mt->date))
			continue;
		ActivityResults *ar = &r->activities[index_of[mt->activity]];
		ar->events++;
		note_date(ar, mt->date);
	}
	/* A school whose staff attended a session of the activity (สวัสดีคุณครู
	 * keeps attendance, not visits) was reached by it too. */
	for (size_t i = 0; i < m->nattendance; i++) {
		const Attendance *at = &m->attendance[i];
		const Meeting *mt = at->event;
		if (at->school == NULL || mt == NULL || mt->activity < 0 ||
		    mt->activity >= MAX_ACTIVITY_NO || index_of[mt->activity] < 0 ||
		    !counted_date(c, mt->date) || at->teachers_present + at->admins_present <= 0)
			continue;
		size_t k = (size_t)index_of[mt->activity];
		size_t si = school_index(c, at->school);
		if (!seen[k * ns + si]) {
			seen[k * ns + si] = 1;
			r->activities[k].schools_reached++;
		}
	}
	for (size_t i = 0; i < m->nschools; i++) {
		const School *sc = &m->schools[i];
		const Network *n = *sc->network_code ? model_network(m, sc->network_code) : NULL;
		if (!sc->active || n == NULL)
			continue;
		for (size_t k = 0; k < plan->nactivities; k++)
			if (net_seen[k * nn + (size_t)(n - m->networks)] && !seen[k * ns + i]) {
				seen[k * ns + i] = 1;
				r->activities[k].schools_reached++;
			}
	}
	for (size_t k = 0; k < plan->nactivities; k++) {
		ActivityResults *ar = &r->activities[k];
		const PlanActivity *pa = ar->plan;
		for (size_t t = 0; t < pa->ntopics && t < 16; t++) {
			long goal = pa->topics[t].per_school_goal;
			if (goal <= 0)
				continue;
			for (size_t i = 0; i < m->nschools; i++)
				if (m->schools[i].active && topic_school[k][i * pa->ntopics + t] >= goal)
					ar->topic_schools_meeting_goal[t]++;
		}
		for (size_t t = 0; t < r->ntargets; t++)
			if (r->targets[t].target->params.activities[0] == pa->no && ar->target == NULL)
				ar->target = &r->targets[t];
		if (pa->no > 0 && pa->no < 16 && r->survey.by_activity[pa->no].n > 0) {
			ar->has_satisfaction = 1;
			ar->satisfaction = r->survey.by_activity[pa->no].mean;
		}
	}
}

typedef const char *(*GroupKeyFn)(const School *s);

static const char *key_district(const School *s) { return s->district; }
static const char *key_network(const School *s) { return s->network_code; }
static const char *key_colour(const School *s) { return *s->color_group ? s->color_group : "(ไม่ระบุ)"; }

/* Sort context for breakdown: qsort has no user pointer, so the key
 * function travels in a static set just before the sort. */
static GroupKeyFn sort_key;
static const School *sort_schools;

static int
by_group_key(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = strcmp(sort_key(&sort_schools[i]), sort_key(&sort_schools[j]));
	return c ? c : (i > j) - (i < j);
}

/* Rows per distinct key, in the order keys first appear in schools.csv.
 * Schools are sorted by key (O(n log n)) so that large sets with thousands
 * of networks need no quadratic search. */
static Breakdown
breakdown(Ctx *c, GroupKeyFn key, const Facts *f)
{
	const Model *m = c->m;
	size_t n = 0;
	size_t *order = arena_array(c->a, m->nschools + 1, sizeof(size_t));
	for (size_t i = 0; i < m->nschools; i++)
		if (m->schools[i].active)
			order[n++] = i;
	sort_key = key;
	sort_schools = m->schools;
	qsort(order, n, sizeof(size_t), by_group_key);
	/* group[i] = row of school order[i]; rows first built in sorted order. */
	Breakdown sorted = { arena_array(c->a, n + 1, sizeof(GroupRow)), 0 };
	size_t *first_seen = arena_array(c->a, n + 1, sizeof(size_t));
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k];
		const School *s = &m->schools[i];
		const char *kv = key(s);
		if (sorted.n == 0 || strcmp(sorted.rows[sorted.n - 1].key, kv) != 0) {
			GroupRow *row = &sorted.rows[sorted.n];
			row->key = kv;
			row->label = kv;
			if (key == key_network) {
				const Network *nw = *kv ? model_network(m, kv) : NULL;
				if (nw)
					row->label = nw->name;
			}
			first_seen[sorted.n] = i;
			sorted.n++;
		}
		GroupRow *row = &sorted.rows[sorted.n - 1];
		if (i < first_seen[sorted.n - 1])
			first_seen[sorted.n - 1] = i;
		row->schools++;
		row->supervised += f->visited[i] != 0;
		row->visits += f->visits[i];
		row->evaluated += c->r->eval.level[i] > 0;
		row->passed += school_passed(c, i, c->s->pass_level);
		row->responding += f->responded[i];
		row->satisfied += school_satisfied(c, f, i);
		row->with_practice += f->with_practice[i];
	}
	/* Back to the order of first appearance, which the office recognises. */
	Breakdown b = { arena_array(c->a, sorted.n + 1, sizeof(GroupRow)), sorted.n };
	size_t *rank = arena_array(c->a, sorted.n + 1, sizeof(size_t));
	for (size_t k = 0; k < sorted.n; k++)
		rank[k] = k;
	for (size_t k = 1; k < sorted.n; k++) /* insertion sort on first_seen: few groups */
		for (size_t j = k; j > 0 && first_seen[rank[j - 1]] > first_seen[rank[j]]; j--) {
			size_t t = rank[j];
			rank[j] = rank[j - 1];
			rank[j - 1] = t;
		}
	for (size_t k = 0; k < sorted.n; k++)
		b.rows[k] = sorted.rows[rank[k]];
	return b;
}

/* Visits and distinct schools per supervisor. Visits are taken school by
 * school (a counting sort), so a supervisor's schools are counted with one
 * "last school seen" per supervisor instead of a schools x staff table. */
static void
measure_supervisors(Ctx *c)
{
	const Model *m = c->m;
	Results *r = c->r;
	r->nsupervisors = m->nstaff;
	r->supervisors = arena_array(c->a, m->nstaff + 1, sizeof(SupervisorRow));
	for (size_t k = 0; k < m->nstaff; k++)
		r->supervisors[k].staff = &m->staff[k];
	size_t ns = m->nschools + 1; /* slot ns - 1 holds visits without a school */
	size_t *start = arena_array(c->a, ns + 1, sizeof(size_t));
	size_t *order = arena_array(c->a, m->nvisits + 1, sizeof(size_t));
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (visit_counted(c, v))
			start[(v->school ? school_index(c, v->school) : ns - 1) + 1]++;
	}
	for (size_t k = 0; k < ns; k++)
		start[k + 1] += start[k];
	size_t *fill = arena_array(c->a, ns, sizeof(size_t));
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (!visit_counted(c, v))
			continue;
		size_t slot = v->school ? school_index(c, v->school) : ns - 1;
		order[start[slot] + fill[slot]++] = i;
	}
	size_t *last = arena_array(c->a, m->nstaff + 1, sizeof(size_t)); /* school + 1; 0 = none */
	for (size_t slot = 0; slot < ns; slot++)
		for (size_t j = start[slot]; j < start[slot + 1]; j++) {
			const Visit *v = &m->visits[order[j]];
			for (int q = 0; q < v->nsupervisors; q++) {
				size_t k = (size_t)(v->supervisors[q] - m->staff);
				r->supervisors[k].visits++;
				if (v->school && last[k] != slot + 1) {
					last[k] = slot + 1;
					r->supervisors[k].schools++;
				}
			}
		}
}

static void
measure_months(Ctx *c)
{
	const Model *m = c->m;
	Results *r = c->r;
	for (int mo = 0; mo < 12; mo++)
		r->months[mo].first = cal_fy_month_first(r->fiscal_year, mo + 1);
	for (size_t i = 0; i < m->nvisits; i++)
		if (visit_counted(c, &m->visits[i]))
			r->months[visit_month(c, &m->visits[i]) - 1].visits++;
	for (size_t i = 0; i < m->nonline; i++)
		if (counted_date(c, m->online[i].date))
			r->months[cal_fy_month(m->online[i].date) - 1].online++;
	for (size_t i = 0; i < m->nmeetings; i++)
		if (counted_date(c, m->meetings[i].date))
			r->months[cal_fy_month(m->meetings[i].date) - 1].meetings++;
	Satang cum = 0;
	for (int mo = 0; mo < 12; mo++) {
		r->months[mo].spent = r->budget.by_month[mo];
		cum += r->months[mo].spent;
		r->months[mo].cumulative_percent = r->budget.approved_total > 0 ?
		    (double)cum * 100.0 / (double)r->budget.approved_total : 0;
	}
}

/* --- the run ------------------------------------------------------------- */

Results *
measure_run(const Model *m, const Settings *s, CalDate as_of, Arena *a)
{
	Results *r = arena_alloc(a, sizeof(*r));
	Ctx c = { m, s, a, r, { 0, 0, 0 }, { 0, 0, 0 }, NULL, NULL };
	r->fiscal_year = s->fiscal_year;
	r->fy_first = cal_fy_first(s->fiscal_year);
	r->fy_last = cal_fy_last(s->fiscal_year);
	r->as_of = cal_compare(as_of, r->fy_last) > 0 ? r->fy_last : as_of;
	c.first = r->fy_first;
	c.last = r->as_of;
	for (size_t i = 0; i < m->nschools; i++)
		r->schools += m->schools[i].active != 0;
	r->nrules = settings_rules(s, r->rules, sizeof(r->rules) / sizeof(r->rules[0]));

	c.visit_ok = arena_alloc(a, m->nvisits + 1);
	c.visit_month = arena_alloc(a, m->nvisits + 1);
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		c.visit_ok[i] = v->status != STATUS_DRAFT && counted_date(&c, v->date);
		if (c.visit_ok[i])
			c.visit_month[i] = (unsigned char)cal_fy_month(v->date);
	}

	size_t ns = m->nschools + 1;
	Facts f = {
		arena_alloc(a, ns), arena_array(a, ns, sizeof(long)), arena_alloc(a, ns),
		arena_array(a, ns, sizeof(double)), arena_alloc(a, ns), arena_alloc(a, ns),
	};
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (v->school && visit_counted(&c, v)) {
			f.visited[school_index(&c, v->school)] = 1;
			f.visits[school_index(&c, v->school)]++;
			r->visits_counted++;
		} else if (visit_counted(&c, v)) {
			r->visits_counted++;
		}
	}
	for (size_t i = 0; i < m->npractices; i++) {
		const Practice *p = &m->practices[i];
		if (p->school && p->published.year != 0 && counted_date(&c, p->published) && *p->channel)
			f.with_practice[school_index(&c, p->school)] = 1;
	}
	unsigned char *not_visited = arena_alloc(a, ns);
	for (size_t i = 0; i < m->nschools; i++)
		not_visited[i] = m->schools[i].active && !f.visited[i];
	r->schools_not_visited = school_list(&c, not_visited);

	measure_evaluations(&c);
	measure_survey(&c, f.sat_mean, f.responded, f.satisfied);
	measure_budget(&c);

	const Plan *plan = m->plan;
	r->ntargets = plan->ntargets;
	r->targets = arena_array(a, plan->ntargets + 1, sizeof(TargetResult));
	for (size_t i = 0; i < plan->ntargets; i++) {
		r->targets[i].target = &plan->targets[i];
		measure_target(&c, &r->targets[i], &f);
	}
	r->nindicators = plan->nindicators;
	r->indicators = arena_array(a, plan->nindicators + 1, sizeof(TargetResult));
	for (size_t i = 0; i < plan->nindicators; i++) {
		r->indicators[i].target = &plan->indicators[i].target;
		measure_target(&c, &r->indicators[i], &f);
	}

	measure_activities(&c);
	r->by_district = breakdown(&c, key_district, &f);
	r->by_network = breakdown(&c, key_network, &f);
	r->by_colour = breakdown(&c, key_colour, &f);
	measure_supervisors(&c);
	measure_months(&c);
	return r;
}

const TargetResult *
results_target(const Results *r, const char *id)
{
	for (size_t i = 0; i < r->ntargets; i++)
		if (!strcmp(r->targets[i].target->id, id))
			return &r->targets[i];
	for (size_t i = 0; i < r->nindicators; i++)
		if (!strcmp(r->indicators[i].target->id, id))
			return &r->indicators[i];
	return NULL;
}
