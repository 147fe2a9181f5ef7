/* measure.c - every target, indicator and breakdown of
 *
 * Pure functions over the model: no I/O, no library. One pass over each
 * table fills per-school and per-month counters; each metric of the plan's
 * vocabulary then reads them with its parameters from plan.xml, so a plan with
 * other goals or other targets needs no code here.
 *
 * What counts: active schools only (|S|); rows dated in
 * the fiscal year and on or before the as-of day; visits that are approved,
 * published or blank (never drafts). */
#include "measure/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/numfmt.h"

/* --- small helpers ------------------------------------------------------- */

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

int
measure_counted_date(const Ctx *c, CalDate d)
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

size_t
measure_school_index(const Ctx *c, const School *s)
{
	return (size_t)(s - c->m->schools);
}

double
measure_percent(long long num, long long den)
{
	return den > 0 ? (double)num * 100.0 / (double)den : 0.0;
}

SchoolList
measure_school_list(Ctx *c, const unsigned char *include)
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
	if (s->eval_method == EVAL_BY_MEAN && mean >= 0)
		return settings_level_of_mean(s, mean);
	if (pct >= 0)
		return settings_level_of_percent(s, pct);
	return e->level; /* only a level word was given */
}

static int pass_level(const Ctx *c);

static void
measure_evaluations(Ctx *c)
{
	const Model *m = c->m;
	EvalResults *er = &c->r->eval;
	er->pass_level = pass_level(c);
	er->latest = arena_array(c->a, m->nschools ? m->nschools : 1, sizeof(*er->latest));
	er->level = arena_array(c->a, m->nschools ? m->nschools : 1, sizeof(*er->level));
	for (size_t i = 0; i < m->nevaluations; i++) {
		const Evaluation *e = &m->evaluations[i];
		if (!measure_counted_date(c, e->date) || e->school == NULL)
			continue;
		size_t k = measure_school_index(c, e->school);
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
		er->passed += level >= er->pass_level;
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
	st->top2 = measure_percent(a->top2, a->n);
}

void
measure_school_means(Ctx *c, const Survey *sv, double *mean, long *respondents)
{
	const Model *m = c->m;
	/* Activities are numbered 1..N in the plan; 0 is the whole project. */
	size_t na = m->plan->nactivities + 1;
	size_t ns = m->nschools ? m->nschools : 1;
	/* Per school and activity: sum of respondent means and count. */
	double *sum = arena_array(c->a, ns * na, sizeof(double));
	long *cnt = arena_array(c->a, ns * na, sizeof(long));
	for (size_t i = 0; i < sv->nresponses; i++) {
		const Response *rs = &sv->responses[i];
		if (!measure_counted_date(c, rs->timestamp.date) || rs->school == NULL)
			continue;
		double rmean;
		if (!measure_respondent_mean(sv, rs, &rmean))
			continue;
		/* The loader accepts only the plan's activities. */
		size_t act = rs->activity > 0 && (size_t)rs->activity < na ? (size_t)rs->activity : 0;
		size_t si = measure_school_index(c, rs->school);
		sum[si * na + act] += rmean;
		cnt[si * na + act]++;
		respondents[si]++;
	}
	for (size_t si = 0; si < m->nschools; si++) {
		double acts = 0;
		int nacts = 0;
		for (size_t a = 0; a < na; a++)
			if (cnt[si * na + a] > 0) {
				acts += sum[si * na + a] / cnt[si * na + a];
				nacts++;
			}
		mean[si] = nacts ? acts / nacts : 0;
	}
}

int
measure_respondent_mean(const Survey *sv, const Response *rs, double *mean)
{
	int sum = 0, n = 0;
	for (size_t k = 0; k < sv->nitems; k++)
		if (rs->answers[k] > 0) {
			sum += rs->answers[k];
			n++;
		}
	*mean = n ? (double)sum / n : 0;
	return n > 0;
}

/* The mean a school needs to be satisfied with the yearly survey: the
 * first target (then indicator) on it that sets min-mean=, else the
 * config's. */
static double
satisfied_mean(const Ctx *c)
{
	const Plan *p = c->m->plan;
	for (size_t i = 0; i < p->ntargets + p->nindicators; i++) {
		const Metric *mt = i < p->ntargets ? &p->targets[i].metric :
		    &p->indicators[i - p->ntargets].target.metric;
		if (mt->source == SOURCE_RESPONSES && mt->survey == NULL && mt->min_mean > 0)
			return mt->min_mean;
	}
	return c->s->satisfied_threshold;
}

int
measure_min_level(const Settings *s, const Metric *p)
{
	int level = p->min_level > 0 ? p->min_level : s->pass_level;
	return level < 1 ? 1 : level > 5 ? 5 : level;
}

/* The pass level of the per-school figures: the first target (then
 * indicator) on evaluations that sets min-level=, else the config's. */
static int
pass_level(const Ctx *c)
{
	const Plan *p = c->m->plan;
	for (size_t i = 0; i < p->ntargets + p->nindicators; i++) {
		const Metric *mt = i < p->ntargets ? &p->targets[i].metric :
		    &p->indicators[i - p->ntargets].target.metric;
		if (mt->source == SOURCE_EVALUATIONS && mt->min_level > 0)
			return measure_min_level(c->s, mt);
	}
	Metric none = { .min_level = 0 };
	return measure_min_level(c->s, &none);
}

int
measure_shown_cut(const TargetResult *t)
{
	int two_decimals = t->is_percent || (t->target->metric.result == RESULT_MEAN && !t->is_level);
	return two_decimals && t->judged && !t->met && t->target->has_goal && t->value < t->goal &&
	    measure_round2(t->value) >= t->goal;
}

double
measure_cut2(double x)
{
	return floor(x * 100) / 100;
}

double
measure_min_mean(const Settings *s, const Metric *p)
{
	return p->min_mean > 0 ? p->min_mean : s->satisfied_threshold;
}

void
measure_school_items(const Model *m, const Results *r, const School *s, double *mean, long *n)
{
	const Survey *sv = &m->survey;
	double sum[SURVEY_MAX_ITEMS] = { 0 };
	for (size_t k = 0; k < sv->nitems; k++)
		n[k] = 0;
	size_t nr;
	const Response *const *rows = (const Response *const *)model_rows(&m->responses_by_school, m, s, &nr);
	for (size_t i = 0; i < nr; i++) {
		const Response *rs = rows[i];
		if (cal_compare(rs->timestamp.date, r->fy_first) < 0 || cal_compare(rs->timestamp.date, r->as_of) > 0)
			continue;
		for (size_t k = 0; k < sv->nitems; k++)
			if (rs->answers[k] > 0) {
				sum[k] += rs->answers[k];
				n[k]++;
			}
	}
	for (size_t k = 0; k < sv->nitems; k++)
		mean[k] = n[k] ? sum[k] / n[k] : 0;
}

/* The yearly survey: item statistics, the whole and per activity, and each
 * school's mean and whether it is satisfied (satisfied_mean). */
static void
measure_survey(Ctx *c, double *school_mean, unsigned char *responded, unsigned char *satisfied)
{
	const Model *m = c->m;
	const Survey *sv = &m->survey;
	SurveyResults *sr = &c->r->survey;
	Acc items[SURVEY_MAX_ITEMS] = { 0 }, all = { 0 };
	size_t na = m->plan->nactivities + 1;
	Acc *by_act = arena_array(c->a, na, sizeof(Acc));
	size_t ns = m->nschools ? m->nschools : 1;
	sr->nby_activity = na;
	sr->by_activity = arena_array(c->a, na, sizeof(ItemStats));
	sr->school_mean = arena_array(c->a, ns, sizeof(double));
	sr->school_respondents = arena_array(c->a, ns, sizeof(long));
	sr->school_satisfied = arena_alloc(c->a, ns);
	sr->satisfied_mean = satisfied_mean(c);

	sr->nitems = sv->nitems;
	for (size_t i = 0; i < sv->nresponses; i++) {
		const Response *rs = &sv->responses[i];
		if (!measure_counted_date(c, rs->timestamp.date))
			continue;
		sr->respondents++;
		size_t act = rs->activity > 0 && (size_t)rs->activity < na ? (size_t)rs->activity : 0;
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
		}
	}
	for (size_t k = 0; k < sv->nitems; k++) {
		sr->items[k].text = sv->items[k];
		acc_stats(c->s, &items[k], &sr->items[k]);
	}
	acc_stats(c->s, &all, &sr->overall);
	for (size_t a = 0; a < na; a++)
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

	measure_school_means(c, sv, sr->school_mean, sr->school_respondents);
	for (size_t si = 0; si < m->nschools; si++) {
		if (sr->school_respondents[si] == 0)
			continue;
		/* Compared as printed (2 decimals), like the bands. */
		sr->school_satisfied[si] = measure_round2(sr->school_mean[si]) >= sr->satisfied_mean - 1e-9;
		/* A merged or closed school's answers are shown on its own report
		 * but count in no figure. */
		if (!m->schools[si].active)
			continue;
		responded[si] = 1;
		school_mean[si] = sr->school_mean[si];
		sr->schools_responding++;
		satisfied[si] = sr->school_satisfied[si];
		sr->schools_satisfied += satisfied[si];
	}
}

static int
school_passed(const Ctx *c, size_t i, int min_level)
{
	return c->r->eval.level[i] >= min_level;
}

/* --- budget ------------------------------------------------- */

void
measure_add_finding(Ctx *c, DiagSeverity sev, const char *text)
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
		if (!measure_counted_date(c, sp->date))
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
		measure_add_finding(c, DIAG_ROW, arena_printf(c->a, "spending (%s baht) is above the project total "
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

/* What each activity did, in one pass over the visits and one over the meetings: each
 * row goes to its activity through a table of activity numbers. */
/* The mean of every valid answer of a survey's counted responses, as the
 * yearly survey's per-activity mean is; 0 when there is none. */
static int
answers_mean(const Ctx *c, const Survey *sv, double *mean)
{
	long sum = 0, n = 0;
	for (size_t i = 0; i < sv->nresponses; i++) {
		const Response *rs = &sv->responses[i];
		if (!measure_counted_date(c, rs->timestamp.date))
			continue;
		for (size_t k = 0; k < sv->nitems; k++)
			if (rs->answers[k] > 0) {
				sum += rs->answers[k];
				n++;
			}
	}
	*mean = n ? (double)sum / n : 0;
	return n > 0;
}

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
	 * network, which reaches the network's schools (as a network target counts). */
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
		ar->topic_visits = arena_array(c->a, pa->ntopics + 1, sizeof(long));
		ar->topic_schools_meeting_goal = arena_array(c->a, pa->ntopics + 1, sizeof(long));
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
			size_t si = measure_school_index(c, v->school);
			if (!seen[k * ns + si]) {
				seen[k * ns + si] = 1;
				ar->schools_reached++;
			}
		} else if (*v->network_code) {
			const Network *n = model_network(m, v->network_code);
			if (n)
				net_seen[k * nn + (size_t)(n - m->networks)] = 1;
		}
		for (size_t t = 0; t < pa->ntopics; t++)
			if (!strcmp(v->topic, pa->topics[t].code)) {
				ar->topic_visits[t]++;
				if (v->school)
					topic_school[k][measure_school_index(c, v->school) * pa->ntopics + t]++;
				break;
			}
	}
	for (size_t i = 0; i < m->nmeetings; i++) {
		const Meeting *mt = &m->meetings[i];
		if (mt->activity < 0 || mt->activity >= MAX_ACTIVITY_NO || index_of[mt->activity] < 0 ||
		    !measure_counted_date(c, mt->date))
			continue;
		ActivityResults *ar = &r->activities[index_of[mt->activity]];
		ar->events++;
		r->tally.meetings++;
		note_date(ar, mt->date);
	}
	for (size_t k = 0; k < r->nactivities; k++)
		r->tally.activity_total += r->activities[k].events;
	/* An activity whose work leaves no visit or meeting (an evaluation
	 * round, a purchase) still took place: then its payments and, when a
	 * target measures it by evaluations, the evaluations date it. */
	for (size_t i = 0; i < m->nspending; i++) {
		const Spending *sp = &m->spending[i];
		if (sp->activity > 0 && sp->activity < MAX_ACTIVITY_NO && index_of[sp->activity] >= 0 &&
		    r->activities[index_of[sp->activity]].events == 0 && measure_counted_date(c, sp->date))
			note_date(&r->activities[index_of[sp->activity]], sp->date);
	}
	for (size_t t = 0; t < plan->ntargets + plan->nindicators; t++) {
		const PlanTarget *pt = t < plan->ntargets ? &plan->targets[t] : &plan->indicators[t - plan->ntargets].target;
		int no = pt->metric.activities[0];
		if (pt->metric.source != SOURCE_EVALUATIONS || no <= 0 || no >= MAX_ACTIVITY_NO || index_of[no] < 0 ||
		    r->activities[index_of[no]].events > 0)
			continue;
		for (size_t i = 0; i < m->nevaluations; i++)
			if (measure_counted_date(c, m->evaluations[i].date))
				note_date(&r->activities[index_of[no]], m->evaluations[i].date);
	}
	/* A school whose staff attended a session of the activity (a kind that
	 * keeps attendance, not visits) was reached by it too. */
	for (size_t i = 0; i < m->nattendance; i++) {
		const Attendance *at = &m->attendance[i];
		const Meeting *mt = at->event;
		if (at->school == NULL || mt == NULL || mt->activity < 0 ||
		    mt->activity >= MAX_ACTIVITY_NO || index_of[mt->activity] < 0 ||
		    !measure_counted_date(c, mt->date) || at->teachers_present + at->admins_present <= 0)
			continue;
		size_t k = (size_t)index_of[mt->activity];
		size_t si = measure_school_index(c, at->school);
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
		for (size_t t = 0; t < pa->ntopics; t++) {
			long goal = pa->topics[t].per_school_goal;
			if (goal <= 0)
				continue;
			for (size_t i = 0; i < m->nschools; i++)
				if (m->schools[i].active && topic_school[k][i * pa->ntopics + t] >= goal)
					ar->topic_schools_meeting_goal[t]++;
		}
		for (size_t t = 0; t < r->ntargets; t++)
			if (r->targets[t].target->metric.activities[0] == pa->no && ar->target == NULL)
				ar->target = &r->targets[t];
		if (pa->no > 0 && (size_t)pa->no < r->survey.nby_activity && r->survey.by_activity[pa->no].n > 0) {
			ar->has_satisfaction = 1;
			ar->satisfaction = r->survey.by_activity[pa->no].mean;
		} else {
			/* Else a form of the activity's own (<survey activity=>). */
			for (size_t sv = 0; sv < m->plan->nsurveys && !ar->has_satisfaction; sv++)
				if (m->plan->surveys[sv].activity == pa->no && m->more_surveys)
					ar->has_satisfaction = answers_mean(c, &m->more_surveys[sv], &ar->satisfaction);
		}
	}
}

typedef const char *(*GroupKeyFn)(const School *s);

static const char *key_district(const School *s) { return s->district; }
static const char *key_network(const School *s) { return s->network_code; }
static const char *key_colour(const School *s) { return s->color_group; }

/* Sort context for breakdown: qsort has no user pointer, so the key
 * function travels in a static set just before the sort. */
static _Thread_local GroupKeyFn sort_key;
static _Thread_local const School *sort_schools;

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
		row->passed += school_passed(c, i, c->r->eval.pass_level);
		row->responding += f->responded[i];
		row->satisfied += f->satisfied[i];
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
	/* Scratch, freed here: a figure's arena lives as long as the figures
	 * (at national scale, order alone is 24 MB a measurement). */
	size_t *start = mem_array(ns + 1, sizeof(size_t));
	size_t *order = mem_array(m->nvisits + 1, sizeof(size_t));
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (visit_counted(c, v))
			start[(v->school ? measure_school_index(c, v->school) : ns - 1) + 1]++;
	}
	for (size_t k = 0; k < ns; k++)
		start[k + 1] += start[k];
	size_t *fill = mem_array(ns, sizeof(size_t));
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (!visit_counted(c, v))
			continue;
		size_t slot = v->school ? measure_school_index(c, v->school) : ns - 1;
		order[start[slot] + fill[slot]++] = i;
	}
	size_t *last = mem_array(m->nstaff + 1, sizeof(size_t)); /* school + 1; 0 = none */
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
	free(start);
	free(order);
	free(fill);
	free(last);
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
		if (measure_counted_date(c, m->online[i].date))
			r->months[cal_fy_month(m->online[i].date) - 1].online++;
	for (size_t i = 0; i < m->nmeetings; i++)
		if (measure_counted_date(c, m->meetings[i].date))
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
	Ctx c = { m, s, a, r, { 0, 0, 0 }, { 0, 0, 0 }, NULL, NULL, NULL, 0, arena_new() };
	r->fiscal_year = s->fiscal_year;
	r->fy_first = cal_fy_first(s->fiscal_year);
	r->fy_last = cal_fy_last(s->fiscal_year);
	r->as_of = cal_compare(as_of, r->fy_last) > 0 ? r->fy_last : as_of;
	c.first = r->fy_first;
	c.last = r->as_of;
	for (size_t i = 0; i < m->nschools; i++)
		r->schools += m->schools[i].active != 0;
	r->nrules = settings_rules(s, r->rules, sizeof(r->rules) / sizeof(r->rules[0]));

	c.visit_ok = mem_alloc(m->nvisits + 1);     /* the measurement's alone: freed at its end */
	c.visit_month = mem_alloc(m->nvisits + 1);
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		c.visit_ok[i] = v->status != STATUS_DRAFT && measure_counted_date(&c, v->date);
		if (c.visit_ok[i])
			c.visit_month[i] = (unsigned char)cal_fy_month(v->date);
	}

	size_t ns = m->nschools + 1;
	Facts f = {
		arena_alloc(a, ns), arena_array(a, ns, sizeof(long)), arena_alloc(a, ns),
		arena_array(a, ns, sizeof(double)), arena_alloc(a, ns), arena_alloc(a, ns),
	};
	VisitTally *vt = &r->tally;
	vt->rows = (long)m->nvisits;
	for (size_t i = 0; i < m->nvisits; i++) {
		const Visit *v = &m->visits[i];
		if (v->status == STATUS_DRAFT)
			vt->drafts++;
		else if (!visit_counted(&c, v))
			vt->outside++;
		if (v->school && visit_counted(&c, v)) {
			f.visited[measure_school_index(&c, v->school)] = 1;
			f.visits[measure_school_index(&c, v->school)]++;
			r->visits_counted++;
			vt->with_school++;
		} else if (visit_counted(&c, v)) {
			r->visits_counted++;
		}
		if (visit_counted(&c, v) && plan_activity(m->plan, v->activity) == NULL)
			vt->no_activity++;
	}
	vt->counted = r->visits_counted;
	for (size_t i = 0; i < m->npractices; i++) {
		const Practice *p = &m->practices[i];
		if (p->school && p->published.year != 0 && measure_counted_date(&c, p->published) && *p->channel)
			f.with_practice[measure_school_index(&c, p->school)] = 1;
	}
	r->school_visits = f.visits;
	r->school_practice = f.with_practice;
	unsigned char *not_visited = arena_alloc(a, ns);
	for (size_t i = 0; i < m->nschools; i++)
		not_visited[i] = m->schools[i].active && !f.visited[i];
	r->schools_not_visited = measure_school_list(&c, not_visited);

	measure_evaluations(&c);
	measure_survey(&c, f.sat_mean, f.responded, f.satisfied);
	measure_budget(&c);

	const Plan *plan = m->plan;
	r->ntargets = plan->ntargets;
	r->targets = arena_array(a, plan->ntargets + 1, sizeof(TargetResult));
	for (size_t i = 0; i < plan->ntargets; i++) {
		r->targets[i].target = &plan->targets[i];
		measure_target(&c, &r->targets[i], &f);
		arena_free(c.scratch);
		c.scratch = arena_new();
	}
	r->nindicators = plan->nindicators;
	r->indicators = arena_array(a, plan->nindicators + 1, sizeof(TargetResult));
	for (size_t i = 0; i < plan->nindicators; i++) {
		r->indicators[i].target = &plan->indicators[i].target;
		measure_target(&c, &r->indicators[i], &f);
		arena_free(c.scratch);
		c.scratch = arena_new();
	}

	measure_activities(&c);
	r->by_district = breakdown(&c, key_district, &f);
	r->by_network = breakdown(&c, key_network, &f);
	r->by_colour = breakdown(&c, key_colour, &f);
	measure_supervisors(&c);
	measure_months(&c);
	free(c.rows);
	arena_free(c.scratch);
	free(c.visit_ok);
	free(c.visit_month);
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
