/* progress.h - whether a target is on track part-way through the year:
 * measure's rule, which the committee pack words. */
#ifndef NITHET_PROGRESS_H
#define NITHET_PROGRESS_H

#include "measure/results.h"

/* How a target's value grows through the year, for a judgement before its
 * period is over (the committee pack):
 * - GROWTH_PRORATED: counts accumulate (events, coverage of a group), so by
 *   a day they should have reached the goal times the share elapsed;
 * - GROWTH_DUE_SO_FAR: already a share of the occasions due so far (an event
 *   every week), so the goal itself is due;
 * - GROWTH_RATE: a share of those measured (passing, satisfied), judged on
 *   the goal itself, on those measured so far (TargetResult.measured). */
typedef enum MetricGrowth { GROWTH_PRORATED, GROWTH_DUE_SO_FAR, GROWTH_RATE } MetricGrowth;
MetricGrowth measure_growth(const Metric *m);

/* How far a target has come by the as-of day, against what its planned
 * period makes due: the committee pack's "targets at risk". */
typedef enum ProgressStatus {
	PROGRESS_ON_TRACK,     /* met, or at least what is due by now */
	PROGRESS_AT_RISK,      /* behind what is due, or the period is over unmet */
	PROGRESS_NOT_YET_DUE,  /* its planned period has not begun */
	PROGRESS_IN_PROGRESS,  /* being measured, nothing to judge yet */
	PROGRESS_NO_GOAL,      /* the plan sets no goal */
	PROGRESS_NO_DATA       /* nothing to measure it with (no input for it) */
} ProgressStatus;

typedef struct ProgressCheck {
	ProgressStatus status;
	int is_rate;               /* judged against the goal itself, never pro-rated */
	int ended;                 /* the period is over by the as-of day */
	double expected;           /* due by the as-of day, in the unit of the value */
	CalDate from, to;          /* the planned period used */
	const PlanActivity *activity; /* whose period text names it; NULL: dates or FY */
	int whole_year;            /* no activity gives a period: the fiscal year */
	long days, total;          /* days of the period elapsed, and its length */
	long long num, den;        /* a running rate: passed/satisfied of those measured */
	int little_time;           /* at risk on pace although not behind it: less time
	                            * is left than one event takes at the plan's pace
	                            * (goal per period), and events are still missing */
} ProgressCheck;

/* The decision for one target as of r->as_of: its planned period (the
 * activities' in p, else r's fiscal year), what is due by then and whether it
 * is at risk. Pure; reads r's dates and t's figures (a rate's measured
 * members) only. */
ProgressCheck measure_progress(const Results *r, const TargetResult *t, const Plan *p);

#endif
