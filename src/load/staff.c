/* staff.c - staff.csv (ศึกษานิเทศก์/บุคลากร): read, then sorted
 * by id for model_staff. */
#include <stdlib.h>
#include <string.h>

#include "load/fields.h"
#include "load/loaders.h"

enum { COL_ID, COL_NAME, COL_POSITION, COL_GROUP, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_ID] = { "staff_id", "รหัสบุคลากร|รหัส", 1, CT_CODE },
	[COL_NAME] = { "name", "ชื่อ-สกุล|ชื่อ-นามสกุล|ชื่อ", 1 },
	[COL_POSITION] = { "position", "ตำแหน่ง", 0 },
	[COL_GROUP] = { "group", "กลุ่ม|กลุ่มงาน|สังกัด", 0 },
};

const TableSpec staff_table = { "staff", columns, NCOLS, "บุคลากร" };

typedef struct Loader {
	Diag *d;
	StrPool pool;
	LoadVec rows;
	LoadIdSet *ids;
} Loader;

static int
on_staff(void *vl, const Record *r)
{
	Loader *l = vl;
	if (field_required(r, &staff_table, COL_ID, l->d) != 0 ||
	    field_required(r, &staff_table, COL_NAME, l->d) != 0)
		return 1;
	if (strchr(r->field[COL_ID], ';') != NULL) {
		diag_report(l->d, DIAG_ROW, r->file, r->line, r->col[COL_ID],
		    "staff_id contains ';' (found \"%s\"), which separates supervisors in visits; "
		    "choose another id (row rejected)", r->field[COL_ID]);
		return 1;
	}
	const char *id = load_str(&l->pool, r->field[COL_ID]);
	long first = load_idset_add(l->ids, id, r->line);
	if (first) {
		diag_report(l->d, DIAG_ROW, r->file, r->line, r->col[COL_ID],
		    "staff_id %s appears again (first on %s %ld); keep one row per person "
		    "(row rejected)", id, load_line_word(r->file), first);
		return 1;
	}
	Staff *s = load_vec_push(&l->rows);
	s->id = id;
	s->name = load_str(&l->pool, r->field[COL_NAME]);
	s->position = load_str(&l->pool, r->field[COL_POSITION]);
	s->group = load_str(&l->pool, r->field[COL_GROUP]);
	s->line = r->line;
	return 0;
}

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const Staff *)a)->id, ((const Staff *)b)->id);
}

int
staff_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
    Diag *d)
{
	Loader l = { .d = d, .pool = { a, NULL, 0 }, .ids = load_idset_new() };
	load_vec_init(&l.rows, a, sizeof(Staff), 0);
	int rc = load_table(path, &staff_table, o, on_staff, &l, sum, d);
	load_idset_free(l.ids);
	m->staff = load_vec_finish(&l.rows);
	m->nstaff = l.rows.n;
	if (m->nstaff > 1)
		qsort(m->staff, m->nstaff, sizeof(Staff), by_id);
	if (rc == 0 && m->nstaff == 0) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "no staff member could be read; visits name "
		    "their supervisors from this file");
		return -1;
	}
	return rc;
}
