/* assessments.c - assessments.csv (optional; ผลการประเมินตามเครื่องมือของแผน):
 * the scores, 1 to 5, that evaluators gave each item of an instrument the
 * plan names for a target or indicator (a แบบประเมินผลการนิเทศ and the like).
 * Each row names the target it measures, by the plan's id. */
#include <string.h>

#include "load/fields.h"
#include "load/loaders.h"

enum { COL_TARGET, COL_CRITERION, COL_SCORE, COL_EVALUATOR, COL_DATE, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_TARGET] = { "target_id", "ข้อ|ตัวชี้วัด|เป้าหมาย", 1, CT_TARGET },
	[COL_CRITERION] = { "criterion", "รายการประเมิน|ประเด็นการประเมิน", 0 },
	[COL_SCORE] = { "score", "คะแนน", 1, CT_NUMBER },
	[COL_EVALUATOR] = { "evaluator", "ผู้ประเมิน", 0 },
	[COL_DATE] = { "date", "วันที่ประเมิน|วันที่", 1, CT_DATE },
};

const TableSpec assessments_table = { "assessments", columns, NCOLS, "ผลการประเมินตามเครื่องมือ" };

typedef struct Loader {
	Model *m;
	Diag *d;
	int fy;
	FileSummary *sum;
	StrPool pool;
	LoadVec rows;
} Loader;

static int
on_assessment(void *vl, const Record *r)
{
	Loader *l = vl;
	Diag *d = l->d;
	long score;
	CalDate date;
	if (field_required(r, &assessments_table, COL_TARGET, d) != 0 ||
	    field_int(r, &assessments_table, COL_SCORE, 1, 5, 0, 0, &score, d) != 0 ||
	    field_date(r, &assessments_table, COL_DATE, 0, &date, d) != 0)
		return 1;
	const PlanTarget *t = plan_target(l->m->plan, r->field[COL_TARGET]);
	if (t == NULL || t->metric.source != SOURCE_ASSESSMENTS) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_TARGET],
		    "target_id %s is not a target of the plan measured by an instrument (count=\"assessments\"); "
		    "write the id of such a target or indicator as plan.xml numbers it (row rejected)",
		    r->field[COL_TARGET]);
		return 1;
	}
	Assessment *a = load_vec_push(&l->rows);
	a->target = t;
	a->criterion = load_str(&l->pool, r->field[COL_CRITERION]);
	a->evaluator = load_str(&l->pool, r->field[COL_EVALUATOR]);
	a->score = (int)score;
	a->date = date;
	a->in_fy = load_check_fy(r, &assessments_table, COL_DATE, date, l->fy, l->sum, d);
	a->line = r->line;
	return 0;
}

int
assessments_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum, Diag *d)
{
	Loader l = { .m = m, .d = d, .fy = o->fiscal_year, .sum = sum, .pool = { a, NULL, 0 } };
	load_vec_init(&l.rows, a, sizeof(Assessment), 0);
	int rc = load_table(path, &assessments_table, o, on_assessment, &l, sum, d);
	m->assessments = load_vec_finish(&l.rows);
	m->nassessments = l.rows.n;
	return rc;
}
