/* internal.h - what measure.c and metric.c share: the run's context and
 * the per-school facts several figures read. Not for other modules. */
#ifndef NITHET_MEASURE_INTERNAL_H
#define NITHET_MEASURE_INTERNAL_H

#include "measure/results.h"

typedef struct Ctx {
	const Model *m;
	const Settings *s;
	Arena *a;
	Results *r;
	CalDate first, last;       /* fy_first .. min(as_of, fy_last) */
	/* Per visit, computed once: counted (approved, dated in the window) and
	 * the fiscal month 1..12; every metric reads these instead of dates. */
	unsigned char *visit_ok, *visit_month;
	/* The rows a metric gathers (metric.c), in one buffer reused from
	 * target to target and freed when the measurement ends: they are read
	 * while the target is judged and never kept. */
	void *rows;
	size_t rows_cap;           /* in rows */
	/* A target's tallies (per school, per period, per network): read
	 * while it is judged, never kept; emptied after each target. Kept
	 * with the figures, they were half a pack's 70 MB at national scale. */
	Arena *scratch;
} Ctx;

/* Per-school facts shared by several figures (index as m->schools). */
typedef struct Facts {
	unsigned char *visited;        /* any counted visit */
	long *visits;                  /* counted visits per school */
	unsigned char *responded;
	double *sat_mean;              /* mean of respondents' means, when responded */
	unsigned char *satisfied;      /* responded and mean >= the survey's satisfied mean */
	unsigned char *with_practice;
} Facts;

int measure_counted_date(const Ctx *c, CalDate d);
size_t measure_school_index(const Ctx *c, const School *s);
double measure_percent(long long num, long long den);
/* The schools flagged in include, in model order. */
SchoolList measure_school_list(Ctx *c, const unsigned char *include);

/* A respondent's mean of their valid answers (1-5); 0 when they gave none. */
int measure_respondent_mean(const Survey *sv, const Response *rs, double *mean);

/* Each school's satisfaction in a survey: the mean over its respondents of
 * each respondent's mean of valid answers, averaged first within each
 * activity when the form has an activity column; respondents[i] counts
 * those with a valid answer (0: mean[i] meaningless). Dated in the window;
 * merged schools included (the caller leaves them out of figures). Both
 * arrays have m->nschools entries, zeroed by the caller. */
void measure_school_means(Ctx *c, const Survey *sv, double *mean, long *respondents);

/* Something the operator should know, said on the command line (English,
 * like every message; the reports word results, not findings). */
void measure_add_finding(Ctx *c, DiagSeverity sev, const char *text);

/* Compute one target or indicator (metric.c). */
void measure_target(Ctx *c, TargetResult *t, const Facts *f);

#endif
