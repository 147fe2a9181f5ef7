/* progress.c - the rule for "on track" before a target's period is over
 * (see progress.h): the planned period of its activities, what is due by the
 * as-of day (pro-rated for counts, the goal itself for rates and shares of
 * occasions due), and the decision. Pure. */
#include "measure/progress.h"

#include <string.h>

MetricGrowth
measure_growth(const Metric *m)
{
	/* A share or a mean of those measured is judged as it stands; a count
	 * of them grows. */
	if (m->source < SOURCE_NSOURCES && !plan_sources[m->source].paced)
		return m->result == RESULT_COUNT ? GROWTH_PRORATED : GROWTH_RATE;
	if (m->members == MEMBERS_PERIODS && m->result == RESULT_PERCENT)
		return GROWTH_DUE_SO_FAR;
	return GROWTH_PRORATED;
}

/* The planned period of the target's activities (the earliest start to the
 * latest end of those that give one), or the fiscal year. */
static void
target_period(const Results *r, const PlanTarget *pt, const Plan *p, ProgressCheck *ck)
{
	const int *no = pt->metric.activities;
	size_t max = METRIC_MAX_ACTIVITIES;
	int found = 0;
	for (size_t i = 0; p && i < max && no[i]; i++) {
		const PlanActivity *pa = plan_activity(p, no[i]);
		CalDate from, to;
		if (pa == NULL || pa->start == NULL || pa->end == NULL ||
		    cal_parse_iso(pa->start, strlen(pa->start), &from) != CAL_OK ||
		    cal_parse_iso(pa->end, strlen(pa->end), &to) != CAL_OK || cal_compare(from, to) > 0)
			continue;
		if (!found) {
			ck->from = from;
			ck->to = to;
			ck->activity = pa;
		} else if (cal_compare(from, ck->from) != 0 || cal_compare(to, ck->to) != 0) {
			/* Activities with different periods: no one text names the span. */
			ck->activity = NULL;
			if (cal_compare(from, ck->from) < 0)
				ck->from = from;
			if (cal_compare(to, ck->to) > 0)
				ck->to = to;
		}
		found = 1;
	}
	if (!found) {
		ck->from = r->fy_first;
		ck->to = r->fy_last;
		ck->whole_year = 1;
	}
	ck->total = cal_days(ck->to) - cal_days(ck->from) + 1;
	ck->days = cal_days(r->as_of) - cal_days(ck->from) + 1;
	if (ck->days < 0)
		ck->days = 0;
	if (ck->days > ck->total)
		ck->days = ck->total;
	ck->ended = cal_compare(r->as_of, ck->to) >= 0;
}

/* A rate's result among those measured so far (a pass rate counts schools not yet
 * evaluated as failing, so its headline says nothing mid-period). 0 when the
 * metric has no such figure or nobody has been measured. */
static int
running_rate(const Results *r, const TargetResult *t, ProgressCheck *ck)
{
	(void)r;
	/* Practices and instruments without a running figure are judged at
	 * the end. */
	ck->den = t->measured;
	ck->num = t->num;
	return ck->den > 0;
}

ProgressCheck
measure_progress(const Results *r, const TargetResult *t, const Plan *p)
{
	ProgressCheck ck;
	memset(&ck, 0, sizeof(ck));
	MetricGrowth growth = measure_growth(&t->target->metric);
	ck.is_rate = growth == GROWTH_RATE;
	target_period(r, t->target, p, &ck);
	if (!t->target->has_goal) {
		ck.status = PROGRESS_NO_GOAL;
		return ck;
	}
	/* Nothing to measure with, or nobody to measure (no school of its
	 * population): not a risk of the work, which the warning names. */
	if (t->no_data || t->gap == GAP_EMPTY_GROUP) {
		ck.status = PROGRESS_NO_DATA;
		return ck;
	}
	if (ck.days == 0) {
		ck.status = PROGRESS_NOT_YET_DUE;
		return ck;
	}
	double goal = t->goal;
	if (growth == GROWTH_PRORATED && !ck.ended) {
		/* Whole events and months cannot be held in part: 4.4 meetings due
		 * means 4 must have been held. */
		ck.expected = goal * (double)ck.days / (double)ck.total;
		if (!t->is_percent)
			ck.expected = (double)(long long)(ck.expected + 1e-9);
	} else {
		ck.expected = goal;
	}

	if (t->judged && t->met)
		ck.status = PROGRESS_ON_TRACK;
	else if (ck.ended)
		ck.status = PROGRESS_AT_RISK;   /* over, and unmet or not judged */
	else if (growth == GROWTH_RATE && t->target->metric.result == RESULT_MEAN)
		/* A mean (or a level) so far is the figure itself. */
		ck.status = t->measured == 0 || t->gap != GAP_NONE ? PROGRESS_IN_PROGRESS :
		    t->value < goal - 1e-9 ? PROGRESS_AT_RISK : PROGRESS_ON_TRACK;
	else if (growth == GROWTH_RATE)
		ck.status = !running_rate(r, t, &ck) ? PROGRESS_IN_PROGRESS :
		    (double)ck.num * 100.0 < goal * (double)ck.den - 1e-9 ? PROGRESS_AT_RISK : PROGRESS_ON_TRACK;
	else if (!t->judged)
		ck.status = PROGRESS_IN_PROGRESS;
	else if (ck.expected > 0 && t->value < ck.expected - 1e-9)
		ck.status = PROGRESS_AT_RISK;
	else if (growth == GROWTH_PRORATED && !t->is_percent && goal >= 2 && t->value < goal - 1e-9 &&
	    (double)(ck.total - ck.days) * goal < (double)ck.total) {
		/* Rounding the pace down forgives an event not yet due; with
		 * less than one event's interval left, what is missing can no
		 * longer be held at the plan's rhythm (5 of 6 meetings, 6 days
		 * left). A one-off event has no rhythm: any day of its period
		 * will do. */
		ck.status = PROGRESS_AT_RISK;
		ck.little_time = 1;
	} else if (t->value >= goal - 1e-9)
		/* The count is there but the target is unmet: a condition beside
		 * it failed (a period of the year without an event). */
		ck.status = PROGRESS_AT_RISK;
	else
		ck.status = PROGRESS_ON_TRACK;
	return ck;
}

