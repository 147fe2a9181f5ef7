/* meetings.c - meetings.csv (การประชุม/กิจกรรมกลุ่ม): the office's meetings,
 * workshops and group sessions, each of an event kind the plan declares. */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "load/fields.h"
#include "load/loaders.h"

enum { COL_ID, COL_TYPE, COL_ACTIVITY, COL_SEQ, COL_DATE, COL_TITLE, COL_PARTICIPANTS,
	COL_MINUTES, COL_RESOLUTIONS, COL_REPLACES, COL_TIME, COL_VENUE, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_ID] = { "event_id", "รหัส|รหัสกิจกรรม", 1, CT_CODE },
	[COL_TYPE] = { "type", "ประเภท|ประเภทการประชุม", 1, CT_EVENT_KIND },
	[COL_ACTIVITY] = { "activity_no", "กิจกรรมที่|กิจกรรม", 0, CT_ACTIVITY },
	[COL_SEQ] = { "seq", "ครั้งที่", 0, CT_NUMBER },
	[COL_DATE] = { "date", "วันที่|วันที่ประชุม", 1, CT_DATE },
	[COL_TITLE] = { "title", "เรื่อง|ชื่อการประชุม|หัวข้อ", 0 },
	[COL_PARTICIPANTS] = { "participants", "จำนวนผู้เข้าร่วม|ผู้เข้าร่วม", 0, CT_NUMBER },
	[COL_MINUTES] = { "minutes_ref", "รายงานการประชุม", 0 },
	[COL_RESOLUTIONS] = { "resolutions", "มติ|มติที่ประชุม", 0 },
	[COL_REPLACES] = { "replaces", "แทนวันที่", 0, CT_DATE },
	[COL_TIME] = { "time", "เวลา", 0 },
	[COL_VENUE] = { "venue", "สถานที่|สถานที่ประชุม", 0 },
};

const TableSpec meetings_table = { "meetings", columns, NCOLS, "การประชุม" };

typedef struct Loader {
	Model *m;
	Diag *d;
	int fy;
	FileSummary *sum;
	StrPool pool;
	LoadVec rows;
	LoadIdSet *ids;
} Loader;

/* "3/2558" or "3": the meeting number; 0 for a blank cell, -1 reported. */
static int
seq_number(Loader *l, const Record *r, int *out)
{
	const char *v = r->field[COL_SEQ];
	*out = 0;
	if (*v == '\0')
		return 0;
	size_t n = strspn(v, "0123456789");
	int x = 0;
	for (size_t i = 0; i < n && i < 4; i++)
		x = x * 10 + (v[i] - '0');
	if (n == 0 || n > 3 || x == 0 || (v[n] != '\0' && v[n] != '/')) {
		diag_report(l->d, DIAG_ROW, r->file, r->line, r->col[COL_SEQ],
		    "seq is not a meeting number (found \"%s\"); write it as 3/2558 (row rejected)", v);
		return -1;
	}
	*out = x;
	return 0;
}

/* "09.00", "9:30 น.", "13.30-16.30 น.": the time of day in minutes, a
 * dot or a colon between hours and minutes, an optional end after a dash.
 * Returns the text after what was read, or NULL when it is not a time. */
static const char *
clock_time(const char *s, int *out)
{
	int h = 0, m = 0, nh = 0;
	while (*s == ' ')
		s++;
	while (*s >= '0' && *s <= '9' && nh < 3)
		h = h * 10 + (*s++ - '0'), nh++;
	if (nh == 0 || nh > 2 || (*s != '.' && *s != ':'))
		return NULL;
	s++;
	if (!(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9'))
		return NULL;
	m = (s[0] - '0') * 10 + (s[1] - '0');
	if (h > 23 || m > 59)
		return NULL;
	*out = h * 60 + m;
	return s + 2;
}

/* The time column: start and end in minutes (-1 when not given). */
static int
meeting_time(Loader *l, const Record *r, int *start, int *end)
{
	const char *v = r->field[COL_TIME];
	*start = *end = -1;
	if (*v == '\0')
		return 0;
	const char *p = clock_time(v, start);
	if (p != NULL) {
		while (*p == ' ')
			p++;
		if (*p == '-' || !strncmp(p, "\xE2\x80\x93", 3)) {   /* - or – */
			p += *p == '-' ? 1 : 3;
			p = clock_time(p, end);
			if (p != NULL && *end <= *start)
				p = NULL;
		}
	}
	if (p != NULL) {
		while (*p == ' ')
			p++;
		if (!strcmp(p, "น.") || !strcmp(p, "น"))
			p += strlen(p);
	}
	if (p == NULL || *p != '\0') {
		diag_report(l->d, DIAG_ROW, r->file, r->line, r->col[COL_TIME],
		    "time is not a time of day (found \"%s\"); write it as 09.00 or 09.00-12.00 น. (row rejected)", v);
		return -1;
	}
	return 0;
}

/* The declared kind the type column names (its code or an alias). */
static int
event_kind(Loader *l, const Record *r, const PlanEventKind **out)
{
	const Plan *p = l->m->plan;
	assert(p != NULL); /* the plan is loaded before any table */
	const char *v = r->field[COL_TYPE];
	if (field_required(r, &meetings_table, COL_TYPE, l->d) != 0)
		return -1;
	*out = plan_event_kind(p, v);
	if (*out != NULL)
		return 0;
	char known[512] = "";
	size_t used = 0;
	for (size_t i = 0; i < p->nevent_kinds; i++) {
		int w = snprintf(known + used, sizeof(known) - used, "%s%s", i ? ", " : "",
		    p->event_kinds[i].code);
		if (w > 0 && (size_t)w < sizeof(known) - used)
			used += (size_t)w;
	}
	diag_report(l->d, DIAG_ROW, r->file, r->line, r->col[COL_TYPE],
	    "type \"%s\" is not an event kind of the plan (%s); correct it, or declare the kind "
	    "in <event-kinds> of plan.xml (row rejected)", v, p->nevent_kinds ? known : "none declared");
	return -1;
}

static int
on_meeting(void *vl, const Record *r)
{
	Loader *l = vl;
	Diag *d = l->d;
	CalDate date, replaces;
	int activity, seq, start, end;
	long participants;

	const PlanEventKind *kind = NULL;
	if (field_required(r, &meetings_table, COL_ID, d) != 0 ||
	    event_kind(l, r, &kind) != 0 ||
	    load_activity(r, &meetings_table, COL_ACTIVITY, l->m, 1, &activity, d) != 0 ||
	    seq_number(l, r, &seq) != 0 ||
	    meeting_time(l, r, &start, &end) != 0 ||
	    field_date(r, &meetings_table, COL_DATE, 0, &date, d) != 0 ||
	    field_date(r, &meetings_table, COL_REPLACES, 1, &replaces, d) != 0 ||
	    field_int(r, &meetings_table, COL_PARTICIPANTS, 0, 1000000, 1, 0, &participants, d) != 0)
		return 1;
	const char *id = load_str(&l->pool, r->field[COL_ID]);
	long first = load_idset_add(l->ids, id, r->line);
	if (first) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_ID],
		    "event_id %s appears again (first on %s %ld); give every meeting its own id "
		    "(row rejected)", id, load_line_word(r->file), first);
		return 1;
	}
	Meeting *e = load_vec_push(&l->rows);
	e->id = id;
	e->kind = kind;
	e->activity = activity ? activity : kind->activity;
	e->seq = load_str(&l->pool, r->field[COL_SEQ]);
	e->seq_no = seq;
	e->date = date;
	e->replaces = replaces;
	e->title = load_str(&l->pool, r->field[COL_TITLE]);
	e->participants = (int)participants;
	e->minutes_ref = load_str(&l->pool, r->field[COL_MINUTES]);
	e->resolutions = load_str(&l->pool, r->field[COL_RESOLUTIONS]);
	e->start_min = start;
	e->end_min = end;
	e->venue = load_str(&l->pool, r->field[COL_VENUE]);
	e->in_fy = load_check_fy(r, &meetings_table, COL_DATE, date, l->fy, l->sum, d);
	e->line = r->line;
	return 0;
}

int
meetings_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
    Diag *d)
{
	Loader l = { .m = m, .d = d, .fy = o->fiscal_year, .sum = sum, .pool = { a, NULL, 0 },
		.ids = load_idset_new() };
	load_vec_init(&l.rows, a, sizeof(Meeting), 0);
	int rc = load_table(path, &meetings_table, o, on_meeting, &l, sum, d);
	load_idset_free(l.ids);
	m->meetings = load_vec_finish(&l.rows);
	m->nmeetings = l.rows.n;
	return rc;
}
