/* results.h - every figure of the plan, computed from the model.
 *
 * measure_run() fills a Results from a Model, the Settings and an as-of date;
 * it does no I/O and calls no library, so every number can be reproduced by
 * hand (tests/cases/measure-small/README.md shows the arithmetic). Report
 * composers and the JSON/CSV export read Results and nothing else computes.
 *
 * Percentages are kept as exact fractions (num/den) and as doubles; they are
 * rounded to 2 decimals only when printed, and "met" compares exact values. */
#ifndef NITHET_RESULTS_H
#define NITHET_RESULTS_H

#include <stddef.h>

#include "config/settings.h"
#include "core/arena.h"
#include "core/calendar.h"
#include "model/model.h"

enum { RESULTS_MONTHS = 12, RESULTS_LEVELS = 5 };

/* A list of schools (for "not reached", "not evaluated", ...), always in the
 * order of m->schools, so it can be searched by position. */
typedef struct SchoolList {
	const School **items;
	size_t n;
} SchoolList;

typedef struct DateList {
	CalDate *items;
	CalDate *to;               /* each item's last day when it is a span; NULL: days */
	size_t n;
} DateList;

enum { RESULTS_MAX_EXTRAS = 4 };

/* What a secondary figure is; report/ words it. */
typedef enum ExtraKind {
	EXTRA_PERIODS_MET,         /* periods of the year with enough rows (of all) */
	EXTRA_EVALUATED,           /* schools evaluated (of the group) */
	EXTRA_ABOVE_PASS,          /* schools a level above the pass level */
	EXTRA_SCORED,              /* schools with scores for both years */
	EXTRA_ANSWERED,            /* schools that answered the survey */
	EXTRA_SATISFIED_OF_ALL,    /* schools satisfied, of the whole group */
	EXTRA_SCHOOLS_TAKING_PART, /* schools whose staff took part (of all) */
	EXTRA_SCHOOLS_VIA_NETWORK  /* schools reached themselves or through their network */
} ExtraKind;

/* A secondary figure printed beside a target's headline. */
typedef struct Extra {
	ExtraKind kind;
	double value;
	int is_percent;
	long long num, den;        /* behind a percentage */
} Extra;

/* Why a target with a goal could not be judged. */
typedef enum TargetGap {
	GAP_NONE,
	GAP_EMPTY_GROUP,           /* no school in its population (type, size, colour) */
	GAP_NO_NETWORKS,           /* no network in networks */
	GAP_NO_SCHOOL_ANSWERED,    /* no school has answered the survey yet */
	GAP_NONE_EVALUATED,        /* a mean or share of evaluated schools: none yet */
	GAP_NO_RESPONDENTS,        /* nobody has answered the survey yet */
	GAP_NO_SCORES,             /* no school has scores for both years */
	GAP_NO_DATA,               /* the plan's instrument has no rows */
	GAP_NO_BUDGET              /* the plan approved nothing for its activities */
} TargetGap;

/* Which rule of a target's population keeps a school out of it. */
typedef enum Outside {
	OUTSIDE_NONE,              /* in the population */
	OUTSIDE_INACTIVE,          /* merged or closed */
	OUTSIDE_TYPE,              /* another ประเภท (or none given) */
	OUTSIDE_SIZE,              /* another size (or none given) */
	OUTSIDE_COLOUR             /* another colour group (or none given) */
} Outside;

/* Where one school stands in one target: measure's decision, for the
 * school report to word. */
typedef struct SchoolFact {
	unsigned char in_group;    /* in the target's population (type, size, colour) */
	unsigned char outside;     /* Outside: the first rule that keeps it out */
	unsigned char counts;      /* counts toward the target */
	unsigned char measured;    /* evaluated / answered (evaluations, responses) */
	unsigned char via_network; /* networks: reached through its network only */
	long rows;                 /* rows that count (visits, events attended) */
	int periods_due, periods_met; /* every=: periods due so far, and with enough rows */
	long network_rows;         /* networks: rows of the school's network */
	long people, of_people;    /* people/teachers: present (at most staff), staff */
	double value;              /* level or mean, when measured */
	double base;               /* scores: the year before's mean */
} SchoolFact;

/* The result of one target or success indicator. */
typedef struct TargetResult {
	const PlanTarget *target;  /* id, metric, goal, unit, text */
	const char *unit;          /* of value: the target's */
	double goal;               /* the target's goal */
	int is_percent;            /* value is a percentage of num/den */
	long long num, den;        /* the fraction behind a percentage; num = count otherwise */
	double value;              /* the headline: count, months, or percent */
	int judged;                /* 0: cannot be judged (no target group, no goal) */
	int no_data;               /* nothing to measure with: no value at all */
	int is_level;              /* value is a level 1..5 (an instrument's mean read
	                            * by the rubric bands), printed whole */
	long measured;             /* rates: members measured so far (schools
	                            * evaluated, schools that answered) */
	int min_level;             /* evaluations: the pass level used */
	double min_mean;           /* responses: the satisfied mean used */
	int met;                   /* บรรลุ, when judged */
	/* The facts behind the headline, which report/ words (compose_note):
	 * hit of whole (schools reached of the group, people of the staff,
	 * satang spent of approved, respondents satisfied of those counted),
	 * the gap when not judged, a single event's first day and whether it
	 * was later than planned, whether attendance came from the visits, an
	 * instrument's mean and evaluators. */
	long long hit, whole;
	TargetGap gap;
	CalDate first_held;        /* year 0: not held */
	int late;
	int from_visits;
	double mean;
	long evaluators;
	/* Figures printed beside the headline (see each metric in measure.c),
	 * e.g. a survey's coverage and strict variant, schools reached through
	 * networks, the share at the level above the pass level. */
	Extra extras[RESULTS_MAX_EXTRAS];
	size_t nextras;
	SchoolList schools_missing; /* not reached / not evaluated / not satisfied */
	TextList networks_missing; /* of="networks": the names of those short of it */
	DateList dates_missing;    /* periods due without enough rows (their first day) */
	long holidays;             /* weekly targets: days not due (holidays) */
	int periods, periods_met;  /* every=: periods in the year, and with enough rows */
	int periods_due;           /* of them, begun by the as-of day */
	/* Per school (index as m->schools) for targets about schools, people or
	 * networks; NULL otherwise. */
	SchoolFact *school;
} TargetResult;

/* Likert statistics of one survey item (or of all items pooled). */
typedef struct ItemStats {
	const char *text;
	long n;                    /* valid answers */
	double mean, sd;           /* sd valid when n >= 2 */
	int has_sd;
	const char *band;          /* interpretation of the mean rounded to 2 decimals */
	int rank;                  /* 1 = highest mean; ties share a rank */
	double top2;               /* share (%) of answers 4 or 5 */
} ItemStats;

typedef struct SurveyResults {
	ItemStats items[SURVEY_MAX_ITEMS];
	size_t nitems;
	ItemStats overall;         /* all valid answers pooled */
	long respondents;          /* counted responses (in FY, up to as-of) */
	long invalid_answers;
	long schools_responding;
	long schools_satisfied;
	/* The mean (as printed) a school needs to be satisfied: min-mean= of
	 * the plan's first target (or indicator) on this survey that sets one,
	 * else the config's satisfied_threshold. One rule for every report. */
	double satisfied_mean;
	/* Per activity, when the form has an activity column. */
	ItemStats *by_activity;    /* index = activity number 0..nby_activity-1
	                            * (0: the whole project); n = 0 when none */
	size_t nby_activity;       /* the plan's last activity number + 1 */
	/* Per school (index as m->schools, merged ones too): respondents with a
	 * valid answer, and the mean of their means, taken within each activity
	 * first when the form has an activity column. */
	long *school_respondents;
	double *school_mean;       /* valid when school_respondents > 0 */
	unsigned char *school_satisfied; /* mean reaches satisfied_mean */
} SurveyResults;

/* Internal supervision levels. */
typedef struct EvalResults {
	long level_count[RESULTS_LEVELS + 1]; /* index 1..5; index 0 = not evaluated */
	long evaluated, passed;    /* passed: at pass_level or above */
	/* The level (1..5) a school passes its internal supervision at, in every
	 * report's per-school figures: min-level= of the plan's first target (or
	 * indicator) on evaluations that sets one, else the config's pass_level. */
	int pass_level;
	double mean_percent;       /* mean score % over evaluated schools */
	const Evaluation **latest; /* per school (index as m->schools), NULL if none */
	int *level;                /* per school: 0 not evaluated, else 1..5 */
} EvalResults;

typedef struct BudgetLine {
	int activity;              /* plan activity number */
	const PlanActivity *plan;
	Satang approved, spent, remaining;
	Satang by_category[CAT_NCATEGORIES];
	Satang moved_in;           /* ถัวจ่ายเพิ่ม: spent above approved */
	Satang moved_out;          /* ถัวจ่ายออก: approved not spent */
	int has_percent;           /* 0 when approved = 0 ("-") */
	double percent;            /* spent / approved x 100 */
} BudgetLine;

typedef struct BudgetResults {
	Satang approved_total, spent, remaining;
	double percent;            /* spent / total x 100 */
	Satang by_category[CAT_NCATEGORIES];
	Satang moved;              /* Σ max(0, spent_a - approved_a) */
	int over_total;            /* the one hard error of ถัวจ่าย */
	BudgetLine *lines;         /* one per plan activity, plan order */
	size_t nlines;
	Satang by_quarter[4];      /* spending per fiscal quarter */
	Satang by_month[RESULTS_MONTHS];
} BudgetResults;

/* What each activity did. */
typedef struct ActivityResults {
	const PlanActivity *plan;
	CalDate first, last;       /* actual; year 0 when nothing happened */
	long events;               /* visits + meetings of the activity */
	long schools_reached;
	const TargetResult *target;/* the linked target, or NULL */
	const BudgetLine *budget;
	int has_satisfaction;
	double satisfaction;       /* mean, when surveyed per activity */
	/* Activity 4: visits per topic and per-school goals (4.4: 10, 4.5: 4). */
	long *topic_visits;        /* index = topic order in the plan (ntopics) */
	long *topic_schools_meeting_goal;
} ActivityResults;

/* One row of a breakdown by district, network or colour group. */
typedef struct GroupRow {
	const char *key;           /* district name, network code, colour */
	const char *label;         /* network name; = key otherwise */
	long schools, supervised, visits;
	long passed, evaluated;    /* at the config's pass level */
	long satisfied, responding;/* at the config's satisfied mean */
	long with_practice;        /* a practice published */
} GroupRow;

typedef struct Breakdown {
	GroupRow *rows;
	size_t n;
} Breakdown;

typedef struct SupervisorRow {
	const Staff *staff;
	long visits, schools;
} SupervisorRow;

typedef struct MonthRow {
	CalDate first;             /* the month's first day */
	long visits, online, meetings;
	Satang spent;
	double cumulative_percent; /* Σ spending to the month's end / total x 100 */
} MonthRow;

/* How the visits read become each count the reports print: one tally so
 * that a reader can reconcile the total of the activities' table with
 * that of the breakdowns. counted = rows - drafts - outside. */
typedef struct VisitTally {
	long rows;                 /* visits read */
	long drafts;               /* awaiting approval: never counted */
	long outside;              /* approved, dated outside the FY or after the as-of day */
	long counted;              /* = visits_counted */
	long with_school;          /* of counted: naming a school (breakdowns, school tables) */
	long no_activity;          /* of counted: of no activity of the plan (not in the activities' table) */
	long meetings;             /* meetings and group events of the plan's activities, in the FY */
	long activity_total;       /* Σ events of the activities' table = counted - no_activity + meetings */
} VisitTally;

/* A finding for the user (budget over the total, ...): the caller reports it. */
typedef struct Finding {
	DiagSeverity severity;
	const char *text;
} Finding;

typedef struct Results {
	int fiscal_year;           /* BE */
	CalDate fy_first, fy_last, as_of;
	long schools;              /* |S|: active schools */
	TargetResult *targets;     /* plan targets in plan order */
	size_t ntargets;
	TargetResult *indicators;  /* section-6 indicators in plan order */
	size_t nindicators;
	EvalResults eval;
	SurveyResults survey;
	BudgetResults budget;
	ActivityResults *activities;
	size_t nactivities;
	Breakdown by_district, by_network, by_colour;
	SupervisorRow *supervisors;
	size_t nsupervisors;
	MonthRow months[RESULTS_MONTHS];
	long visits_counted;       /* approved/published, in FY, up to as-of */
	VisitTally tally;
	/* Per school (index as m->schools): counted visits, and whether it
	 * published a practice in the year (on a channel). */
	const long *school_visits;
	const unsigned char *school_practice;
	SchoolList schools_not_visited;
	Finding *findings;
	size_t nfindings;
	SettingRule rules[64];     /* เกณฑ์ที่ใช้ */
	size_t nrules;
} Results;

/* Compute everything. as_of: count only data dated on or before it (clamped
 * to the FY's last day; pass the FY's last day for the whole year). All
 * memory comes from a and is valid until a is freed. Never fails: a figure
 * that cannot be computed is marked judged = 0 with a note. */
Results *measure_run(const Model *m, const Settings *s, CalDate as_of, Arena *a);

/* The result for a target or indicator id (as the plan numbers it), or NULL. */
const TargetResult *results_target(const Results *r, const char *id);

/* Interpretation of a Likert mean by the configured bands, using the mean
 * rounded to 2 decimals (4.505 reads as 4.51, มากที่สุด). NULL below every band. */
const char *measure_likert_band(const Settings *s, double mean);

/* The level a school passes at in a target on evaluations: its
 * min-level=, else the config's pass_level. */
int measure_min_level(const Settings *s, const Metric *p);

/* The mean (as printed) a respondent or school needs to be satisfied in a
 * target on responses: its min-mean=, else the config's satisfied_threshold. */
double measure_min_mean(const Settings *s, const Metric *p);

/* One school's mean per item of the yearly survey (mean[k], n[k] answers;
 * mean 0 when n is 0), over the responses measure counted: a school
 * report's table. Arrays of SURVEY_MAX_ITEMS. */
void measure_school_items(const Model *m, const Results *r, const School *s, double *mean, long *n);

/* Whether a value printed with two decimals would reach a goal the exact
 * value misses (99.998 of 100): then it is shown cut, measure_cut2(v), so
 * that no "100.00" stands beside ไม่บรรลุ in a report, a chart or the JSON. */
int measure_shown_cut(const TargetResult *t);
double measure_cut2(double x);

/* Round half away from zero to 2 decimals, as printed. */
double measure_round2(double x);

/* Whether a visit falls under a metric's activities, topic and mode, as
 * every target counts it (whether it is counted at all, by status and
 * date, is the caller's). plan may be NULL (no topic filtering). */
int measure_visit_matches(const Plan *plan, const Visit *v, const Metric *p);

/* Whether a school of colour is in a metric's colour groups ("ดำ แดง",
 * whole words): every school when groups is NULL or empty, none without a
 * colour otherwise. */
int measure_in_colour_groups(const char *groups, const char *colour);



/* The academic year (BE) a scores target compares with the year before. */
int measure_score_year(const Metric *p, int fiscal_year);

/* The periods of fiscal year fy that a metric's every= checks, first and
 * last day of each (a weekly period is one day, holidays left out), as
 * measure counts them. Writes at most max and returns how many there are;
 * *holidays (may be NULL) gets the weekly days left out. 0 for none. */
size_t measure_periods(const Settings *s, const Metric *p, int fy, CalDate *from, CalDate *to, size_t max,
    long *holidays);

/* Level 1..5 of an evaluation by the configured method; 0 when it has
 * neither scores nor a percentage nor a level. */
int measure_eval_level(const Settings *s, const Evaluation *e, double *percent);

#endif
