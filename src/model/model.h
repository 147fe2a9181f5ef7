/* model.h - everything the inputs say, as plain structs.
 *
 * Filled by src/load/, read by measure/ and report/. Every pointer is owned
 * by the run's model arena and valid until that arena is freed. School codes
 * are opaque text (8 or 10 digits), never numbers. */
#ifndef NITHET_MODEL_H
#define NITHET_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "model/plan.h"

typedef struct School {
	const char *code;          /* "93010012" */
	const char *name;          /* without the "โรงเรียน" prefix */
	const char *district;      /* อำเภอ */
	const char *subdistrict;   /* ตำบล; "" when not given */
	const char *network_code;  /* "" when not given */
	const char *color_group;   /* ดำ แดง เหลือง เขียว ฟ้า, or "" */
	const char *size;          /* เล็ก กลาง ใหญ่ ใหญ่พิเศษ, or "" */
	const char *type;          /* ประเภท as the office writes it (ขยายโอกาส,
	                            * มัธยมศึกษา, ...), without "โรงเรียน"; or "" */
	const char *principal;     /* "" when not given */
	int students, teachers, admins;
	int active;                /* 0: merged or closed, out of every denominator */
	const char *file;          /* where it was read, for messages */
	long line;
} School;

typedef struct Network {
	const char *code;          /* "NW03" */
	const char *name;
	const char *district;
	const char *chair_school;  /* school code, "" when not given */
	long line;
} Network;

typedef struct Staff {
	const char *id;            /* "S01" */
	const char *name;
	const char *position;
	const char *group;
	long line;
} Staff;

typedef enum VisitMode {
	MODE_ONSITE,               /* ลงพื้นที่ */
	MODE_ONLINE,               /* online */
	MODE_GROUP,                /* พบกลุ่ม */
	MODE_NETWORK,              /* เครือข่าย */
	MODE_NMODES
} VisitMode;

typedef enum RowStatus {
	STATUS_APPROVED,           /* approved, or blank */
	STATUS_PUBLISHED,
	STATUS_DRAFT               /* never counted */
} RowStatus;

enum { VISIT_MAX_SUPERVISORS = 8 };

/* One supervision visit or contact (visits.csv). */
typedef struct Visit {
	/* Pointers first, then 4-byte fields (the date is one), then bytes:
	 * no padding, and 80 bytes, three million times (national scale). */
	const char *id;
	const School *school;      /* NULL for a network-level or group session */
	const char *network_code;  /* "" when not given */
	const char *topic;         /* "4.4"; "" when not given */
	/* nsupervisors entries (at most VISIT_MAX_SUPERVISORS); NULL when none.
	 * A visit by one supervisor shares that person's one-element list. */
	const Staff *const *supervisors;
	const char *summary, *suggestions;   /* "" when blank */
	CalDate date;
	int activity;              /* 1..N of the plan */
	int teachers_met, admins_met;
	uint32_t line;             /* of its file (a file is at most 2 GB) */
	uint8_t mode;              /* VisitMode */
	uint8_t status;            /* RowStatus */
	uint8_t nsupervisors;      /* at most VISIT_MAX_SUPERVISORS */
	uint8_t in_fy;             /* 0: dated outside the fiscal year, kept out of figures */
} Visit;
_Static_assert(sizeof(Visit) <= 80, "a Visit grew: three million of them at national scale");

enum { EVAL_MAX_CRITERIA = 10 };

/* One internal-supervision evaluation of a school (evaluations.*). */
typedef struct Evaluation {
	const School *school;
	int round;
	CalDate date;
	const char *evaluator;     /* staff id or name; "" when blank */
	int scores[EVAL_MAX_CRITERIA];  /* c1..cN on 1..5; 0 = blank */
	int nscores;               /* criteria present in the file */
	int has_percent;
	double percent;            /* score_pct when given */
	int level;                 /* 1..5 when given in the file; 0 = not given */
	int in_fy;
	long line;
} Evaluation;

enum { SURVEY_MAX_ITEMS = 64 };

/* One respondent of the satisfaction survey (surveys.csv, Google Forms).
 * answers[i] is 1..5, 0 for a blank, -1 for an answer that could not be read. */
typedef struct Response {
	CalDateTime timestamp;
	const char *email;         /* "" when not collected */
	const School *school;
	const char *role;          /* สถานภาพผู้ตอบ */
	int activity;              /* 0 when the form is for the whole project */
	signed char answers[SURVEY_MAX_ITEMS];
	const char *comment;       /* free text, "" when blank */
	int in_fy;
	long line;
} Response;

typedef struct Survey {
	const char *items[SURVEY_MAX_ITEMS];   /* item texts, from the grid headers */
	size_t nitems;
	Response *responses;
	size_t nresponses;
} Survey;

typedef enum Category {
	CAT_COMPENSATION,          /* ค่าตอบแทน */
	CAT_EXPENSES,              /* ค่าใช้สอย */
	CAT_MATERIALS,             /* ค่าวัสดุ */
	CAT_UTILITIES,             /* ค่าสาธารณูปโภค: allowed, unexpected */
	CAT_NCATEGORIES
} Category;

/* One disbursement (spending.csv). amount < 0 is a refund. */
typedef struct Spending {
	const char *id;
	CalDate date;
	int activity;
	Category category;
	Satang amount;
	const char *doc_no;
	const char *description;
	int in_fy;
	long line;
} Spending;

/* One meeting or group event (meetings.csv). */
typedef struct Meeting {
	const char *id;
	const PlanEventKind *kind; /* declared in the plan */
	int activity;              /* the row's, else its kind's; 0 when neither */
	const char *seq;           /* "3/2558"; "" when not given */
	int seq_no;                /* 3; 0 when seq is blank */
	CalDate date;
	CalDate replaces;          /* held instead of this day (a weekly event
	                            * moved); year 0 = none */
	const char *title;
	int participants;
	const char *minutes_ref, *resolutions;
	int start_min, end_min;    /* time of day in minutes; -1 = not given */
	const char *venue;         /* "" when not given */
	int in_fy;
	long line;
} Meeting;

/* The office's own words (narrative.*): what it says about a target, an
 * activity or the project, merged into the annual report where each
 * belongs. */
typedef enum NarrativeKind {
	NARR_CAUSE,                /* สาเหตุ: why a target fell short */
	NARR_REMEDY,               /* แนวทางแก้ไข */
	NARR_NEXT_YEAR,            /* ข้อเสนอแนะสำหรับปีถัดไป */
	NARR_DISCUSSION,           /* อภิปรายผล */
	NARR_NKINDS
} NarrativeKind;

typedef struct Narrative {
	const char *target_id;     /* a target's or indicator's id; NULL otherwise */
	int activity;              /* an activity's number; 0 otherwise */
	NarrativeKind kind;        /* neither of the two: about the project */
	const char *text;
	long line;
} Narrative;

/* What became of one resolution of a meeting (resolutions.*): carried
 * from meeting to meeting until it is done. */
typedef struct Resolution {
	const Meeting *meeting;    /* whose resolution it is */
	const char *text;
	const char *owner;         /* "" when not given */
	CalDate due;               /* year 0 = none */
	CalDate done;              /* year 0 = not done yet */
	const char *result;        /* what was done, "" when not given */
	long line;
} Resolution;

/* Per-school attendance at an event whose kind takes attendance
 * (attendance.csv). */
typedef struct Attendance {
	const Meeting *event;
	const School *school;
	int teachers_present, admins_present;
	long line;
} Attendance;

/* A published innovation or best practice (practices.csv). */
typedef struct Practice {
	const char *id;
	const School *school;
	const char *title;
	const char *kind;          /* นวัตกรรม or BP */
	const char *area;
	CalDate published;         /* year 0 = not given */
	const char *channel;       /* "" = not published */
	const char *ref;
	const char *level;         /* เขต จังหวัด ภาค ชาติ */
	int in_fy;
	long line;
} Practice;

/* One month's online supervision on one channel (online.csv). */
typedef struct OnlineItem {
	CalDate date;
	const char *channel;
	const School *school;      /* NULL when for all schools */
	const char *topic;
	int items_posted, contacts;
	int in_fy;
	long line;
} OnlineItem;

/* A school's mean score in a national test (scores.csv), in hundredths
 * (38.45 = 3845), exact. */
typedef struct Score {
	const School *school;
	const char *test;          /* O-NET, NT, RT, ... as written */
	const char *grade;         /* ป.6, ม.3, ...; "" when not given */
	const char *subject;       /* "" when the row is the test as a whole */
	int year;                  /* academic year (ปีการศึกษา), BE */
	long long mean;
	long line;
} Score;

/* One item of an instrument the plan names for a target (assessments.csv):
 * the score an evaluator gave it, 1 to 5. */
typedef struct Assessment {
	const PlanTarget *target;  /* a target or indicator with count="assessments" */
	const char *criterion;     /* the item; "" when not given */
	const char *evaluator;     /* "" when not given */
	int score;                 /* 1..5 */
	CalDate date;
	int in_fy;
	long line;
} Assessment;

/* An image file (load/image.c): its bytes whole, its size in pixels. */
typedef struct ImageFile {
	const unsigned char *data; /* NULL = none */
	size_t len;
	int jpeg;                  /* 0: PNG */
	int px_w, px_h;
	const char *path;
} ImageFile;

/* A target's result of the year before (indicators-<FY-1>.csv). */
typedef struct PreviousResult {
	const char *id;
	int has_value;
	double value;
	const char *unit;
	int met;                   /* 1, 0, or -1 when not judged */
	long line;
} PreviousResult;

/* A photo of an activity (photos/<activity>/<caption>.jpg). */
typedef struct Photo {
	int activity;
	const char *caption;       /* the file's name without its extension */
	ImageFile image;
} Photo;

/* What loading one input file found, for `nithet check` and the reports'
 * data-quality appendix. */
typedef struct FileSummary {
	const char *name;          /* "schools.csv" */
	const char *path;
	const char *encoding;      /* "UTF-8", "Windows-874", "SpreadsheetML", ... */
	long rows;                 /* data rows read (header excluded) */
	long accepted, rejected, warnings;
	long outside_fy;           /* accepted, but dated outside the fiscal year */
	int present;               /* 0: an optional file that is absent */
} FileSummary;

enum { MODEL_MAX_FILES = 24 };

/* A table's rows grouped by school: rows[start[i] .. start[i + 1]) belong to
 * m->schools[i], in file order. */
typedef struct RowIndex {
	const void **rows;
	size_t *start;             /* nschools + 1 entries */
} RowIndex;

typedef struct Model {
	const Plan *plan;
	int fiscal_year;           /* BE, from the config */
	School *schools;
	size_t nschools;
	const School **schools_by_code; /* sorted by code: model_index_schools */
	Network *networks;         /* sorted by code (the loader sorts) */
	size_t nnetworks;
	Staff *staff;              /* sorted by id (the loader sorts) */
	size_t nstaff;
	Visit *visits;
	size_t nvisits;
	Evaluation *evaluations;
	size_t nevaluations;
	Survey survey;             /* the yearly survey (surveys.csv) */
	Survey *more_surveys;      /* one per plan->surveys, same order */
	Spending *spending;
	size_t nspending;
	Meeting *meetings;
	size_t nmeetings;
	Attendance *attendance;
	size_t nattendance;
	Resolution *resolutions;   /* in file order */
	size_t nresolutions;
	Narrative *narrative;      /* in file order */
	size_t nnarrative;
	Practice *practices;
	size_t npractices;
	OnlineItem *online;
	size_t nonline;
	Score *scores;
	size_t nscores;
	Assessment *assessments;
	size_t nassessments;
	ImageFile emblem;          /* [office] emblem; data NULL = none */
	Photo *photos;             /* by activity, then file name */
	size_t nphotos;
	PreviousResult *previous;  /* last year's results; NULL = no file */
	size_t nprevious;
	int previous_year;         /* BE of previous, 0 = none */
	FileSummary files[MODEL_MAX_FILES];
	size_t nfiles;
	/* Per-school views, built by model_index_rows (NULL until then), so that
	 * a report on one school never scans the whole table. */
	RowIndex visits_by_school, responses_by_school, evaluations_by_school, practices_by_school;
} Model;

/* Names as written in the input files and reports. */
const char *model_mode_name(VisitMode m);         /* "onsite" */
const char *model_category_name(Category c);      /* "ค่าตอบแทน" */

/* Sort an index of the schools by code (arena-allocated, valid as long as
 * the model); call after the schools are loaded. */
struct Arena;
void model_index_schools(Model *m, struct Arena *a);

/* Build the per-school row indexes (arena-allocated; call once all tables
 * are loaded). O(rows + schools). */
void model_index_rows(Model *m, struct Arena *a);

/* The rows of one school from an index: *n rows, borrowed from the model.
 * The index must have been built. */
const void *const *model_rows(const RowIndex *ix, const Model *m, const School *s, size_t *n);

/* The school with this code, or NULL. O(log n) once indexed. */
const School *model_school(const Model *m, const char *code);

/* The committee meeting numbered no of fiscal year fiscal_year (seq "no/fy";
 * a seq without its year, by the meeting's date), or NULL. Borrowed. */
const Meeting *model_committee_meeting(const Model *m, int no, int fiscal_year);

/* The committee meeting held last before mt, or NULL. Borrowed. */
const Meeting *model_committee_before(const Model *m, const Meeting *mt);

/* Lookups by code or id; NULL when absent. */
const Network *model_network(const Model *m, const char *code);

/* A school's name or type without a leading "โรงเรียน", "ร.ร." or "รร." and
 * the spaces after it (the reports put the word back where Thai needs it);
 * the word alone is kept. Points into s. */
const char *model_without_school_word(const char *s);
const Staff *model_staff(const Model *m, const char *id);

#endif
