/* attendance.c - attendance.csv (optional): teachers and administrators of
 * each school present at an event whose kind takes attendance. Read after
 * meetings, whose events it names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "load/fields.h"
#include "load/loaders.h"

enum { COL_EVENT, COL_SCHOOL, COL_TEACHERS, COL_ADMINS, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_EVENT] = { "event_id", "รหัสกิจกรรม|รหัส", 1, CT_EVENT },
	[COL_SCHOOL] = { "school_code", "รหัสโรงเรียน", 1, CT_SCHOOL },
	[COL_TEACHERS] = { "teachers_present", "จำนวนครูที่เข้าร่วม|ครูที่เข้าร่วม", 0, CT_NUMBER },
	[COL_ADMINS] = { "admins_present", "จำนวนผู้บริหารที่เข้าร่วม|ผู้บริหารที่เข้าร่วม", 0, CT_NUMBER },
};

const TableSpec attendance_table = { "attendance", columns, NCOLS, "การเข้าร่วมกิจกรรม" };

typedef struct Loader {
	Model *m;
	Diag *d;
	StrPool pool;
	LoadVec rows;
	LoadIdSet *keys;
	const Meeting **by_id;     /* meetings sorted by id */
} Loader;

static int
by_id(const void *a, const void *b)
{
	return strcmp((*(const Meeting *const *)a)->id, (*(const Meeting *const *)b)->id);
}

static const Meeting *
find_meeting(const Loader *l, const char *id)
{
	size_t lo = 0, hi = l->m->nmeetings;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(l->by_id[mid]->id, id);
		if (c == 0)
			return l->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int
on_attendance(void *vl, const Record *r)
{
	Loader *l = vl;
	Diag *d = l->d;
	const School *school;
	long teachers, admins;
	if (field_required(r, &attendance_table, COL_EVENT, d) != 0 ||
	    load_school(r, &attendance_table, COL_SCHOOL, l->m, 0, &school, d) != 0 ||
	    field_int(r, &attendance_table, COL_TEACHERS, 0, 100000, 1, 0, &teachers, d) != 0 ||
	    field_int(r, &attendance_table, COL_ADMINS, 0, 10000, 1, 0, &admins, d) != 0)
		return 1;
	const Meeting *e = find_meeting(l, r->field[COL_EVENT]);
	if (e == NULL) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_EVENT],
		    "event_id %s is not in meetings; correct the id or add the session to meetings "
		    "(row rejected)", r->field[COL_EVENT]);
		return 1;
	}
	if (!e->kind->attendance)
		diag_report(d, DIAG_WARNING, r->file, r->line, r->col[COL_EVENT],
		    "event %s is of kind %s, which the plan does not mark attendance=\"yes\"; its "
		    "attendance is kept, but only a target that names no event-kind= counts it", e->id,
		    e->kind->code);
	char key[160];
	snprintf(key, sizeof(key), "%s#%s", e->id, school->code);
	const char *k = load_str(&l->pool, key);
	long first = load_idset_add(l->keys, k, r->line);
	if (first) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_SCHOOL],
		    "school %s already has attendance for event %s (%s %ld); keep one row per "
		    "school and event (row rejected)", school->code, e->id, load_line_word(r->file), first);
		return 1;
	}
	Attendance *at = load_vec_push(&l->rows);
	at->event = e;
	at->school = school;
	at->teachers_present = (int)teachers;
	at->admins_present = (int)admins;
	at->line = r->line;
	return 0;
}

int
attendance_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
    Diag *d)
{
	Loader l = { .m = m, .d = d, .pool = { a, NULL, 0 }, .keys = load_idset_new() };
	l.by_id = mem_array(m->nmeetings ? m->nmeetings : 1, sizeof(*l.by_id));
	for (size_t i = 0; i < m->nmeetings; i++)
		l.by_id[i] = &m->meetings[i];
	qsort(l.by_id, m->nmeetings, sizeof(*l.by_id), by_id);
	load_vec_init(&l.rows, a, sizeof(Attendance), 0);
	int rc = load_table(path, &attendance_table, o, on_attendance, &l, sum, d);
	load_idset_free(l.keys);
	free(l.by_id);
	m->attendance = load_vec_finish(&l.rows);
	m->nattendance = l.rows.n;
	return rc;
}
