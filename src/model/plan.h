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

/* The metric vocabulary of DOMAIN.md 3.4. A target names one; measure/
 * implements each. */
typedef enum MetricKind {
	METRIC_EVENT_COUNT,        /* count events of a type in the FY */
	METRIC_EVENT_WINDOWS,      /* count + coverage of N-month windows */
	METRIC_WEEKDAY_COVERAGE,   /* an event every given weekday (KM Tuesdays) */
	METRIC_MONTH_COVERAGE,     /* months of the FY with >= 1 event/visit */
	METRIC_SCHOOL_COVERAGE,    /* % of (a group of) schools visited */
	METRIC_STAFF_COVERAGE,     /* % of teachers+admins reached */
	METRIC_NETWORK_COVERAGE,   /* % of networks with an event */
	METRIC_PER_SCHOOL_VISITS,  /* visits per school against a count */
	METRIC_EVENT_HELD,         /* an event of a type was held */
	METRIC_EVAL_PASS_PERCENT,  /* % schools at >= a level of internal supervision */
	METRIC_SATISFIED_PERCENT,  /* % responding schools satisfied */
	METRIC_PRACTICE_PERCENT,   /* % schools with a published best practice */
	METRIC_SYSTEM_QUALITY,     /* meta-evaluation, or the proxy composite */
	METRIC_NKINDS
} MetricKind;

/* Parameters a metric may take (attributes of <target>/<indicator>). Unset
 * integers are 0, unset strings NULL. */
typedef struct MetricParams {
	const char *event_type;    /* meetings.csv type: กตปน, KM, ... */
	int activities[12];        /* activity numbers, 0-terminated */
	const char *topic;         /* "4.4" */
	const char *color_groups;  /* space-separated: "ดำ แดง" */
	int weekday;               /* 0 = Sunday .. 6; KM = 2 (Tuesday) */
	int window_months;         /* event-windows: 2 = one per two months */
	int min_level;             /* eval-pass-percent: level, 0 = from config */
	const char *mode;          /* visits in this mode count whatever their
	                            * activity (online, network, ...) */
} MetricParams;

typedef struct PlanTarget {
	const char *id;            /* "3.1.1", "3.2.2", "6.3" */
	MetricKind metric;
	MetricParams params;
	double goal;               /* meaningful only when has_goal */
	int has_goal;              /* 0: "ไม่ได้กำหนดค่าเป้าหมาย" */
	const char *unit;          /* ครั้ง, ร้อยละ, เดือน, ... */
	const char *text;          /* verbatim target line of the plan */
	int line;                  /* line in plan.xml, for messages */
} PlanTarget;

typedef struct PlanTopic {
	const char *code;          /* "4.4" */
	const char *name;          /* verbatim */
	int per_school_goal;       /* 10 for 4.4, 4 for 4.5; 0 = none */
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
	PlanTarget target;         /* id "6.1".."6.4", metric, optional goal */
	const char *method;        /* วิธีการประเมิน */
	const char *tool;          /* เครื่องมือที่ใช้ */
} PlanIndicator;

typedef struct Plan {
	int fiscal_year;           /* BE */
	const char *office;        /* สพป.พัทลุง เขต 2 */
	const char *title;         /* โครงการ ... */
	TextList alignment;        /* สนอง นโยบาย / มาตรฐาน / จุดเน้น / กลยุทธ์ lines */
	const char *unit;          /* กลุ่ม/หน่วยผู้ที่รับผิดชอบ */
	TextList rationale;        /* หลักการและเหตุผล paragraphs */
	TextList objectives;       /* 2.1 .. 2.3 verbatim */
	PlanTarget *targets;       /* 3.1.x then 3.2.x, plan order */
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

/* Name of a metric as written in plan.xml ("event-count"), and back.
 * plan_metric_from_name returns METRIC_NKINDS for an unknown name. */
const char *plan_metric_name(MetricKind m);
MetricKind plan_metric_from_name(const char *name);

/* Lookups; NULL when absent. */
const PlanActivity *plan_activity(const Plan *p, int no);
const PlanTarget *plan_target(const Plan *p, const char *id);

#endif
