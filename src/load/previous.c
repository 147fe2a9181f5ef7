/* previous.c - last year's indicators (indicators-<FY-1>.csv, as nithet
 * wrote it a year ago and the office copied into the input folder): the
 * annual report compares each target with it. Rows are matched to this
 * year's targets by id; the budget rows are not read. */
#include <string.h>

#include "load/fields.h"
#include "load/loaders.h"

enum { COL_ID, COL_VALUE, COL_GOAL, COL_UNIT, COL_MET, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_ID] = { "id", "ข้อ", 1 },
	[COL_VALUE] = { "value", "ผล", 0 },
	[COL_GOAL] = { "goal", "ค่าเป้าหมาย", 0 },
	[COL_UNIT] = { "unit", "หน่วย", 0 },
	[COL_MET] = { "met", "บรรลุ", 0 },
};

static const TableSpec spec = { "previous", columns, NCOLS, "ตัวชี้วัดปีที่แล้ว" };

static int
on_previous(void *vl, const Record *r)
{
	LoadRows *l = vl;
	Diag *d = l->d;
	if (field_required(r, &spec, COL_ID, d) != 0)
		return 1;
	const char *id = r->field[COL_ID];
	if (!strncmp(id, "budget", 6))
		return 0;   /* money is compared in its own part, not here */
	long long value = 0;
	int has = *r->field[COL_VALUE] != '\0';
	if (has && field_hundredths(r, &spec, COL_VALUE, 0, 100000000000LL, &value, d) != 0)
		return 1;
	int met = field_choice(r, &spec, COL_MET, "true|false|บรรลุ|ไม่บรรลุ", 1, d);
	if (met == -1)
		return 1;
	PreviousResult *p = load_vec_push(&l->rows);
	p->id = load_str(&l->pool, id);
	p->has_value = has;
	p->value = (double)value / 100.0;
	p->unit = load_str(&l->pool, r->field[COL_UNIT]);
	p->met = met == 0 || met == 2 ? 1 : met == 1 || met == 3 ? 0 : -1;
	p->line = r->line;
	return 0;
}

int
previous_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum, Diag *d)
{
	void *rows;
	int rc = load_rows(m, a, path, &spec, o, sum, d, sizeof(PreviousResult), on_previous, &rows, &m->nprevious);
	m->previous = rows;
	return rc;
}
