/* plan.h - the project plan (โครงการ) as data: what plan.xml holds.
 *
 * Filled by src/load/plan.c from input/plan.xml (validated against
 * config/plan.xsd); read by measure, report and the specimen. All text is
 * verbatim from the plan so reports can quote it. Every pointer is owned by
 * the arena the plan was loaded into and is valid until that arena is freed. */
#ifndef NITHET_PLAN_H
#define NITHET_PLAN_H

#include <stddef.h>

/* Money is kept in integer satang (1 baht = 100 satang), never in floating
 * point, so that sums are exact. */
typedef long long Satang;

typedef struct TextList {
	const char **items;
	size_t n;
} TextList;

/* An event kind of the office's own (meetings.csv "type"): declared in
 * plan.xml, so that no kind is built into the program. */
typedef struct PlanEventKind {
	const char *code;          /* the word in the data's type column */
	TextList aliases;          /* other spellings accepted in the data */
	const char *title;         /* how a reader names it (the element text) */
	int activity;              /* the activity its events belong to; 0 = any */
	int attendance;            /* per-school attendance is taken (attendance.csv) */
	int committee;             /* the committee whose meeting packs are built */
	int line;
} PlanEventKind;

/* A survey beside the yearly one (surveys.csv): a form of the office's own,
 * such as a workshop's, declared in plan.xml with the file it is exported
 * to. Targets name it with survey=. */
typedef struct PlanSurvey {
	const char *code;          /* what targets call it */
	const char *title;         /* how a reader names it (the element text) */
	const char *file;          /* the export's name in the input folder, without .csv/.xml */
	int activity;              /* the activity it belongs to; 0 = none */
	int line;
} PlanSurvey;

/* The form schools' internal supervision is evaluated with (evaluations'
 * c1..cN), when the plan names its own; PIDRE's five steps otherwise. */
typedef struct PlanEvaluationForm {
	const char *name;          /* "PIDRE", ...; NULL = no form declared */
	TextList criteria;         /* c1..cN in order */
	int has_levels;            /* the plan sets the level cut-offs */
	double level_percent[5];   /* lower bound (%) of levels 1..5 */
} PlanEvaluationForm;

/* A metric is composed from a small vocabulary (docs/plan.md): what is
 * counted, which of it, about whom, over which periods, and how it is
 * summed up. Each axis is one enum; measure/ has one table of sources and
 * one of members. */

/* What is counted: the rows of one input. */
typedef enum MetricSource {
	SOURCE_VISITS,             /* visits (and online.csv when mode="online") */
	SOURCE_EVENTS,             /* meetings.csv rows of declared event kinds */
	SOURCE_ATTENDANCE,         /* people present at events (attendance.csv) */
	SOURCE_EVALUATIONS,        /* each school's latest internal-supervision level */
	SOURCE_RESPONSES,          /* satisfaction survey responses */
	SOURCE_PRACTICES,          /* published innovations / best practices */
	SOURCE_SCORES,             /* national test means: a school's rise on the year before */
	SOURCE_SPENDING,           /* disbursements, as a share of the approved budget */
	SOURCE_ASSESSMENTS,        /* an instrument the plan names: its items' scores */
	SOURCE_NSOURCES
} MetricSource;

/* Whom or what the result is about. */
typedef enum MetricMembers {
	MEMBERS_EVENTS,            /* the rows themselves: "6 ครั้ง" */
	MEMBERS_SCHOOLS,           /* schools with enough rows */
	MEMBERS_PEOPLE,            /* administrators and teachers */
	MEMBERS_TEACHERS,          /* teachers only */
	MEMBERS_NETWORKS,          /* school networks with enough rows */
	MEMBERS_RESPONDENTS,       /* survey respondents */
	MEMBERS_PERIODS,           /* periods (months, Tuesdays) with enough rows */
	MEMBERS_NKINDS
} MetricMembers;

/* The periods a requirement is checked in ("อย่างน้อยภาคเรียนละ 2 ครั้ง"). */
typedef enum MetricPeriod {
	PERIOD_NONE,               /* the whole window at once */
	PERIOD_TERM,               /* ภาคเรียน, as far as it lies in the fiscal year */
	PERIOD_QUARTER,            /* ไตรมาส of the fiscal year */
	PERIOD_MONTH,
	PERIOD_MONTHS,             /* windows of `months` months from October */
	PERIOD_WEEKDAY,            /* one `weekday` of each week, holidays out */
	PERIOD_NKINDS
} MetricPeriod;

/* How the members are summed up. */
typedef enum MetricResult {
	RESULT_COUNT,              /* members that qualify (rows, for events) */
	RESULT_PERCENT,            /* of the denominator */
	RESULT_MEAN,               /* mean of the members' values (levels, means) */
	RESULT_NKINDS
} MetricResult;

typedef enum MetricDenominator {
	DENOMINATOR_ALL,           /* every member of the population */
	DENOMINATOR_MEASURED,      /* those measured: schools that answered, ... */
} MetricDenominator;

enum { METRIC_MAX_ACTIVITIES = 16 };

/* One composed metric (attributes of <target>/<indicator>). Unset integers
 * are 0, unset strings NULL. */
typedef struct Metric {
	MetricSource source;
	MetricMembers members;
	MetricPeriod every;
	MetricResult result;
	MetricDenominator denominator;
	/* Which rows count. */
	int activities[METRIC_MAX_ACTIVITIES + 1]; /* 0-terminated; none = any */
	const char *topic;         /* a topic code of one of those activities */
	const PlanEventKind *kind; /* events and attendance of this kind only */
	const PlanSurvey *survey;  /* responses of this survey; NULL = surveys.csv */
	const char *mode;          /* visits in this mode count whatever their
	                            * activity (online, network, ...) */
	/* Which schools are in the population. */
	const char *color_groups;  /* space-separated colours; NULL = all */
	const char *school_size;   /* เล็ก กลาง ใหญ่ ใหญ่พิเศษ; NULL = all */
	const char *school_type;   /* a ประเภท of schools.csv; NULL = all */
	/* The requirement on each member (and each period). */
	int at_least;              /* rows a member needs; 1 when not given */
	int months;                /* PERIOD_MONTHS: window length */
	int weekday;               /* PERIOD_WEEKDAY: 0 = Sunday .. 6 */
	TextList holidays;         /* PERIOD_WEEKDAY: ISO dates not due */
	/* Which test scores (scores.csv): test is required, grade and subject
	 * narrow it; year is the academic year compared with the one before
	 * (0 = the one that ends in the fiscal year: FY - 1). */
	const char *test, *grade, *subject;
	int year;
	int min_level;             /* evaluations: level 1..5; 0 = the config's */
	double min_mean;           /* responses: mean as printed; 0 = the config's */
	int level_goal;            /* the goal is a level (unit ระดับ): an instrument's
	                            * mean is judged as the level it reads as */
} Metric;

typedef struct PlanTarget {
	const char *id;            /* as the plan numbers it */
	Metric metric;
	double goal;               /* meaningful only when has_goal */
	int has_goal;              /* 0: "ไม่ได้กำหนดค่าเป้าหมาย" */
	const char *unit;          /* ครั้ง, ร้อยละ, เดือน, ... */
	const char *text;          /* verbatim target line of the plan */
	int quantitative;          /* เป้าหมายเชิงปริมาณ (else เชิงคุณภาพ) */
	int line;                  /* line in plan.xml, for messages */
} PlanTarget;

typedef struct PlanTopic {
	const char *code;          /* "<activity>.<n>" */
	const char *name;          /* verbatim */
	int per_school_goal;       /* visits each school should get; 0 = none */
} PlanTopic;

typedef struct PlanActivity {
	int no;                    /* 1..11 */
	const char *name;          /* verbatim from section 4 */
	const char *period_text;   /* verbatim, e.g. "ต.ค. – พ.ย. 2557" */
	const char *start, *end;   /* planned period as ISO dates (CE) */
	TextList target_groups;    /* "ครูทุกคน", "โรงเรียน" */
	const char *owner;         /* ผู้รับผิดชอบ */
	PlanTopic *topics;         /* activity 4's eight sub-topics */
	size_t ntopics;
	/* Budget of section 5. */
	const char *budget_label;  /* the row's text in the budget table */
	Satang budget;             /* รวม; 0 when the plan prints "-" */
	/* Optional split; has_split = 0 means "not split", not zero. */
	int has_split;
	Satang compensation, expenses, materials; /* ค่าตอบแทน ค่าใช้สอย ค่าวัสดุ */
} PlanActivity;

typedef struct PlanIndicator {
	PlanTarget target;         /* id, metric, optional goal */
	const char *method;        /* วิธีการประเมิน */
	const char *tool;          /* เครื่องมือที่ใช้ */
} PlanIndicator;

typedef struct Plan {
	int fiscal_year;           /* BE */
	const char *office;        /* the office, as the plan names it */
	const char *network_word;  /* what the office calls a group of schools
	                            * (networks.csv): สหวิทยาเขต; NULL = เครือข่าย */
	const char *title;         /* โครงการ ... */
	TextList alignment;        /* สนอง นโยบาย / มาตรฐาน / จุดเน้น / กลยุทธ์ lines */
	const char *unit;          /* กลุ่ม/หน่วยผู้ที่รับผิดชอบ */
	TextList rationale;        /* หลักการและเหตุผล paragraphs */
	TextList objectives;       /* 2.1 .. 2.3 verbatim */
	PlanEventKind *event_kinds; /* declared kinds of events */
	size_t nevent_kinds;
	PlanSurvey *surveys;       /* declared surveys beside surveys.csv */
	size_t nsurveys;
	PlanEvaluationForm evaluation_form;
	PlanTarget *targets;       /* quantitative then qualitative, plan order */
	size_t ntargets;
	PlanActivity *activities;  /* section 4, plan order */
	size_t nactivities;
	Satang budget_total;       /* 500,000 บาท */
	const char *budget_text;   /* "จำนวน 500,000 บาท โดยใช้แบบบริหาร..." */
	const char *budget_note;   /* "ขอถัวจ่ายทุกรายการ" */
	PlanIndicator *indicators; /* section 6 */
	size_t nindicators;
	TextList outcomes;         /* section 7 */
} Plan;

/* The table of what can be counted: one entry per count= (MetricSource).
 * The loader checks each target against it (of=, result=, the attributes
 * that belong to one source, every= and at-least=, denominator=); progress
 * reads its pace. A new source is one entry here plus its gathering in
 * measure/metric.c, its words in report/ and its name in config/plan.xsd. */
typedef struct PlanSource {
	MetricMembers default_members;
	unsigned members;          /* of= allowed: a bit per MetricMembers */
	MetricResult default_result;
	unsigned results;          /* result= allowed: a bit per MetricResult */
	const char *attributes;    /* its own attributes, space-separated */
	unsigned char rows;        /* counts rows: every= and at-least= apply */
	unsigned char measured;    /* each school has a measured value:
	                            * denominator="measured" applies */
	unsigned char paced;       /* grows through the year: the committee
	                            * pack pro-rates it; else a share or mean
	                            * is judged as it stands */
} PlanSource;

extern const PlanSource plan_sources[SOURCE_NSOURCES];
/* Every attribute some source owns (the union of .attributes). */
extern const char plan_source_attributes[];

/* Names of the metric vocabulary as written in plan.xml ("visits",
 * "schools", "term", "percent"); NULL past the end. Index = enum value. */
extern const char *const plan_source_names[SOURCE_NSOURCES + 1];
extern const char *const plan_members_names[MEMBERS_NKINDS + 1];
extern const char *const plan_period_names[PERIOD_NKINDS + 1];
extern const char *const plan_result_names[RESULT_NKINDS + 1];

/* Lookups; NULL when absent. */
const PlanActivity *plan_activity(const Plan *p, int no);
const PlanTarget *plan_target(const Plan *p, const char *id);
const PlanTopic *plan_topic(const Plan *p, const char *code);
/* The kind whose code or one of whose aliases is word. */
const PlanEventKind *plan_event_kind(const Plan *p, const char *word);
/* The declared survey called code, or NULL. */
const PlanSurvey *plan_survey(const Plan *p, const char *code);
/* Whether a target or indicator of p counts source. */
int plan_counts_source(const Plan *p, MetricSource source);
/* What the office calls a network: the plan's network-word= or เครือข่าย. */
const char *plan_network_word(const Plan *p);
/* The kind whose meetings get committee packs, or NULL. */
const PlanEventKind *plan_committee_kind(const Plan *p);

#endif
