/* committee.h - compose the ก.ต.ป.น. meeting pack. */
#ifndef NITHET_COMMITTEE_H
#define NITHET_COMMITTEE_H

#include "config/settings.h"
#include "doc/doc.h"
#include "measure/results.h"
#include "model/model.h"

/* The ก.ต.ป.น. meeting numbered no in fiscal year fy (seq "no/fy"), or NULL.
 * Borrowed from the model. */
const Meeting *committee_find(const Model *m, int no, int fiscal_year);

/* The ก.ต.ป.น. meeting held last before this one, or NULL. */
const Meeting *committee_previous(const Model *m, const Meeting *this);

/* The "targets at risk" decision of section 5.1. */
typedef enum CommitteeStatus {
	COMMITTEE_ON_TRACK,     /* met, or at least what is due by now */
	COMMITTEE_AT_RISK,      /* behind what is due, or the period is over unmet */
	COMMITTEE_NOT_YET_DUE,  /* its planned period has not begun */
	COMMITTEE_IN_PROGRESS,  /* being measured, nothing to judge yet */
	COMMITTEE_NO_GOAL,      /* the plan sets no goal */
	COMMITTEE_NO_DATA       /* nothing to measure it with (no input for it) */
} CommitteeStatus;

typedef struct CommitteeCheck {
	CommitteeStatus status;
	int is_rate;               /* judged against the goal itself, never pro-rated */
	int ended;                 /* the period is over by the as-of day */
	double expected;           /* due by the as-of day, in the unit of the value */
	CalDate from, to;          /* the planned period used */
	const PlanActivity *activity; /* whose period text names it; NULL: dates or FY */
	int whole_year;            /* no activity gives a period: the fiscal year */
	long days, total;          /* days of the period elapsed, and its length */
	long long num, den;        /* a running rate: passed/satisfied of those measured */
} CommitteeCheck;

/* The decision for one target as of r->as_of: its planned period (the
 * activities' in p, else r's fiscal year), what is due by then and whether it
 * is at risk. Pure; reads r's dates and r->eval.evaluated only. */
CommitteeCheck committee_check_target(const Results *r, const TargetResult *t, const Plan *p);

/* The pack as a Doc in arena a. r: results as of the meeting's date; prev:
 * as of the previous meeting (NULL when this is the first). Pure. */
Doc *committee_compose(Arena *a, const Model *m, const Results *r, const Results *prev,
	const Meeting *meeting, const Meeting *previous, const Settings *s);

#endif
