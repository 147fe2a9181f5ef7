/* scores.c - scores.csv (optional; ผลการทดสอบระดับชาติ): each school's mean
 * score in a national test (O-NET, NT, RT, or any test the office names) by
 * grade, subject and academic year, as offices download them. Targets that
 * count score changes compare one academic year with the year before. */
#include <stdio.h>
#include <string.h>

#include "load/fields.h"
#include "load/loaders.h"

enum { COL_SCHOOL, COL_TEST, COL_GRADE, COL_SUBJECT, COL_YEAR, COL_MEAN, NCOLS };

static const ColumnSpec columns[NCOLS] = {
	[COL_SCHOOL] = { "school_code", "รหัสโรงเรียน", 1, CT_SCHOOL },
	[COL_TEST] = { "test", "การทดสอบ|ประเภทการทดสอบ", 1 },
	[COL_GRADE] = { "grade", "ชั้น|ระดับชั้น", 0 },
	[COL_SUBJECT] = { "subject", "วิชา|รายวิชา|สาระ|ด้าน", 0 },
	[COL_YEAR] = { "year", "ปีการศึกษา", 1, CT_NUMBER },
	[COL_MEAN] = { "mean", "คะแนนเฉลี่ย|ค่าเฉลี่ย|เฉลี่ย", 1, CT_NUMBER },
};

const TableSpec scores_table = { "scores", columns, NCOLS, "ผลการทดสอบระดับชาติ" };

typedef struct Loader {
	Model *m;
	Diag *d;
	StrPool pool;
	LoadVec rows;
	LoadIdSet *keys;           /* school, test, grade, subject, year */
} Loader;

static int
on_score(void *vl, const Record *r)
{
	Loader *l = vl;
	Diag *d = l->d;
	const School *school;
	long year;
	long long mean;
	if (load_school(r, &scores_table, COL_SCHOOL, l->m, 0, &school, d) != 0 ||
	    field_required(r, &scores_table, COL_TEST, d) != 0 ||
	    field_int(r, &scores_table, COL_YEAR, 2400, 2700, 0, 0, &year, d) != 0 ||
	    field_hundredths(r, &scores_table, COL_MEAN, 0, 100000, &mean, d) != 0)
		return 1;
	/* The same school, test, grade, subject and year twice would be
	 * averaged unseen: the second is rejected. */
	char key[512];
	snprintf(key, sizeof(key), "%s#%s#%s#%s#%ld", school->code, r->field[COL_TEST], r->field[COL_GRADE],
	    r->field[COL_SUBJECT], year);
	long first = load_idset_add(l->keys, load_str(&l->pool, key), r->line);
	if (first) {
		diag_report(d, DIAG_ROW, r->file, r->line, r->col[COL_MEAN], "school %s already has a %s score "
		    "for this grade, subject and year (%s %ld); keep one row (row rejected)", school->code,
		    r->field[COL_TEST], load_line_word(r->file), first);
		return 1;
	}
	Score *s = load_vec_push(&l->rows);
	s->school = school;
	s->test = load_str(&l->pool, r->field[COL_TEST]);
	s->grade = load_str(&l->pool, r->field[COL_GRADE]);
	s->subject = load_str(&l->pool, r->field[COL_SUBJECT]);
	s->year = (int)year;
	s->mean = mean;
	s->line = r->line;
	return 0;
}

int
scores_load(Model *m, Arena *a, const char *path, const LoadOptions *o, FileSummary *sum, Diag *d)
{
	Loader l = { .m = m, .d = d, .pool = { a, NULL, 0 }, .keys = load_idset_new() };
	load_vec_init(&l.rows, a, sizeof(Score), 0);
	int rc = load_table(path, &scores_table, o, on_score, &l, sum, d);
	load_idset_free(l.keys);
	m->scores = load_vec_finish(&l.rows);
	m->nscores = l.rows.n;
	return rc;
}
