/* resolutions.c - resolutions.csv (optional): what became of each
 * resolution of the committee's meetings, so that a meeting's pack follows
 * up the earlier ones (ระเบียบวาระที่ 3 เรื่องสืบเนื่อง). Read after
 * meetings, whose meetings it names by number ("4/2558") or event id. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cnum.h"
#include "load/cells.h"
#include "load/fields.h"
#include "load/loaders.h"

enum { COL_MEETING, COL_TEXT, COL_OWNER, COL_DUE, COL_DONE, COL_RESULT, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_MEETING] = { "meeting", "การประชุมครั้งที่|ครั้งที่|การประชุม", 1 },
	[COL_TEXT] = { "resolution", "มติ|มติที่ประชุม", 1 },
	[COL_OWNER] = { "owner", "ผู้รับผิดชอบ", 0 },
	[COL_DUE] = { "due", "กำหนดเสร็จ|กำหนดแล้วเสร็จ", 0, CT_DATE },
	[COL_DONE] = { "done", "วันที่แล้วเสร็จ|ดำเนินการแล้วเสร็จ", 0, CT_DATE },
	[COL_RESULT] = { "result", "ผลการดำเนินการ|ผลการดำเนินงาน", 0 },
};

const TableSpec resolutions_table = { "resolutions", columns, NCOLS, "การติดตามมติที่ประชุม" };

/* The committee meeting a row names: its seq ("4/2558", or "4" within the
 * year of the other meetings) or its event id. */
static const Meeting *
find_meeting(const Model *m, const char *v)
{
	for (size_t i = 0; i < m->nmeetings; i++) {
		const Meeting *mt = &m->meetings[i];
		if (!strcmp(mt->id, v) || (mt->kind->committee && *mt->seq && !strcmp(mt->seq, v)))
			return mt;
	}
	const Meeting *only = NULL;
	long long no;
	if (c_strtonum(cells_skip_space(v), LLONG_MIN, LLONG_MAX, &no) != CNUM_OK)
		return NULL;
	for (size_t i = 0; i < m->nmeetings; i++) {
		const Meeting *mt = &m->meetings[i];
		if (mt->kind->committee && mt->seq_no == no) {
			if (only)
				return NULL;   /* "4" of two years: ambiguous */
			only = mt;
		}
	}
	return only;
}

static int
on_resolution(void *vl, const Record *r)
{
	LoadRows *l = vl;
	Diag *d = l->d;
	CalDate due, done;
	if (field_required(r, &resolutions_table, COL_MEETING, d) != 0 ||
	    field_required(r, &resolutions_table, COL_TEXT, d) != 0 ||
	    field_date(r, &resolutions_table, COL_DUE, 1, &due, d) != 0 ||
	    field_date(r, &resolutions_table, COL_DONE, 1, &done, d) != 0)
		return 1;
	const Meeting *mt = find_meeting(l->m, r->field[COL_MEETING]);
	if (mt == NULL) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_MEETING],
		    "meeting \"%s\" is not a committee meeting of meetings; write its number as in the "
		    "seq column (4/2558) or its event_id (row rejected)", r->field[COL_MEETING]);
		return 1;
	}
	if (done.year && cal_compare(done, mt->date) < 0) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_DONE],
		    "done is before the meeting that made the resolution (%04d-%02d-%02d); correct the "
		    "date (row rejected)", mt->date.year, mt->date.month, mt->date.day);
		return 1;
	}
	Resolution *x = load_vec_push(&l->rows);
	x->meeting = mt;
	x->text = load_str(&l->pool, r->field[COL_TEXT]);
	x->owner = load_str(&l->pool, r->field[COL_OWNER]);
	x->due = due;
	x->done = done;
	x->result = load_str(&l->pool, r->field[COL_RESULT]);
	x->line = r->line;
	return 0;
}

int
resolutions_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum, Diag *d)
{
	void *rows;
	int rc = load_rows(m, a, path, &resolutions_table, o, sum, d, sizeof(Resolution), on_resolution, &rows, &m->nresolutions);
	m->resolutions = rows;
	return rc;
}
