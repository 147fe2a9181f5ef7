/* networks.c - networks.csv (เครือข่ายโรงเรียน): read, then sorted
 * by code for model_network. */
#include <stdlib.h>
#include <string.h>

#include "load/fields.h"
#include "load/loaders.h"

enum { COL_CODE, COL_NAME, COL_DISTRICT, COL_CHAIR, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_CODE] = { "network_code", "รหัสเครือข่าย|รหัส", 1, CT_CODE },
	[COL_NAME] = { "name", "ชื่อเครือข่าย|เครือข่าย", 1 },
	[COL_DISTRICT] = { "district", "อำเภอ", 0 },
	[COL_CHAIR] = { "chair_school_code", "โรงเรียนประธานเครือข่าย|ประธานเครือข่าย", 0, CT_SCHOOL },
};

const TableSpec networks_table = { "networks", columns, NCOLS, "เครือข่ายโรงเรียน" };

typedef struct Loader {
	Model *m;
	Diag *d;
	StrPool pool;
	LoadVec rows;
	LoadIdSet *ids;
} Loader;

static int
on_network(void *vl, const Record *r)
{
	Loader *l = vl;
	const School *chair;
	if (field_required(r, &networks_table, COL_CODE, l->d) != 0 ||
	    field_required(r, &networks_table, COL_NAME, l->d) != 0 ||
	    load_school(r, &networks_table, COL_CHAIR, l->m, 1, &chair, l->d) != 0)
		return 1;
	const char *code = load_str(&l->pool, r->field[COL_CODE]);
	long first = load_idset_add(l->ids, code, r->line);
	if (first) {
		diag_report(l->d, DIAG_ROW, r->file, r->line, r->col[COL_CODE],
		    "network_code %s appears again (first on %s %ld); keep one row per network "
		    "(row rejected)", code, load_line_word(r->file), first);
		return 1;
	}
	Network *n = load_vec_push(&l->rows);
	n->code = code;
	n->name = load_str(&l->pool, r->field[COL_NAME]);
	n->district = load_str(&l->pool, r->field[COL_DISTRICT]);
	n->chair_school = chair ? chair->code : "";
	n->line = r->line;
	return 0;
}

static int
by_code(const void *a, const void *b)
{
	return strcmp(((const Network *)a)->code, ((const Network *)b)->code);
}

int
networks_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum,
    Diag *d)
{
	Loader l = { .m = m, .d = d, .pool = { a, NULL, 0 }, .ids = load_idset_new() };
	load_vec_init(&l.rows, a, sizeof(Network), 0);
	int rc = load_table(path, &networks_table, o, on_network, &l, sum, d);
	load_idset_free(l.ids);
	m->networks = load_vec_finish(&l.rows);
	m->nnetworks = l.rows.n;
	/* Codes are unique, so the order is fully determined. */
	if (m->nnetworks > 1)
		qsort(m->networks, m->nnetworks, sizeof(Network), by_code);
	if (rc == 0 && m->nnetworks == 0) {
		diag_report(d, DIAG_INPUT, path, 0, 0, "no network could be read; the network "
		    "breakdowns need them");
		return -1;
	}
	return rc;
}
